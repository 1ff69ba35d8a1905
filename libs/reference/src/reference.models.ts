import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PostalCode', { description: 'A Danish postal code (GeoNames, CC BY 4.0).' })
export class PostalCodeModel {
  @Field() code!: string;
  @Field() placeName!: string;
  @Field(() => Int) municipalityCode!: number;
  @Field() municipalityName!: string;
  @Field() regionName!: string;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
}

@ObjectType('IscoGroup', { description: 'An ISCO-08 group (ESCO, European Commission).' })
export class IscoGroupModel {
  @Field() code!: string;
  @Field(() => Int, { description: '1 major, 2 sub-major, 3 minor, 4 unit group.' }) level!: number;
  @Field({ description: 'In the caller’s language: ESCO’s Danish title (DISCO-08), or English.' })
  label!: string;
}

@ObjectType('Occupation', { description: 'An ESCO occupation (ESCO, European Commission).' })
export class OccupationModel {
  @Field(() => ID) id!: string;
  @Field() escoUri!: string;
  @Field({ description: 'ISCO-08 unit group (4 digits); DISCO-08 shares these levels.' })
  iscoCode!: string;
  /** ESCO's English preferred label; the `label` field resolves it per language. */
  label!: string;
  @Field({ description: 'ESCO preferred label (English).' }) escoLabel?: string;
  @Field(() => [String], {
    description:
      'Danish labels: ESCO’s preferred label first, then everyday words, then ESCO’s alternatives.',
  })
  labelsDa!: string[];
  @Field(() => [String]) altLabels!: string[];
  @Field() description!: string;
}
