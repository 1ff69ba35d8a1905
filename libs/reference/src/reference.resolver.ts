import { Lang, type Language, Role, Roles } from '@jobbro/core';
import { Args, ArgsType, Field, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IscoGroupModel, OccupationModel, PostalCodeModel } from './reference.models';
import { ReferenceService } from './reference.service';

const ALL_ROLES = Object.values(Role);

@ArgsType()
class OccupationSearchArgs {
  @Field({
    description: 'Words of the occupation (typos are tolerated) or an ISCO-08 code prefix.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  search!: string;

  @Field(() => Int, { defaultValue: 10 })
  @Min(1)
  @Max(50)
  first: number = 10;
}

@ArgsType()
class PostalCodeArgs {
  @Field() @Matches(/^\d{4}$/) code!: string;
}

@Resolver(() => OccupationModel)
export class ReferenceResolver {
  constructor(private readonly reference: ReferenceService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [OccupationModel], {
    description:
      'ESCO occupations matching the search, best first. Searches the caller’s language ' +
      '(Accept-Language; Danish unless English is preferred), the other language only when ' +
      'that finds nothing.',
  })
  occupations(
    @Args() args: OccupationSearchArgs,
    @Lang() language: Language,
  ): Promise<OccupationModel[]> {
    return this.reference.searchOccupations(args.search, args.first, language);
  }

  @Roles(...ALL_ROLES)
  @Query(() => PostalCodeModel, { nullable: true, description: 'A Danish postal code, or null.' })
  postalCode(@Args() args: PostalCodeArgs): Promise<PostalCodeModel | null> {
    return this.reference.postalCode(args.code);
  }

  @ResolveField(() => String, {
    description: 'In the caller’s language: ESCO’s Danish preferred label, or English.',
  })
  label(@Parent() occupation: OccupationModel, @Lang() language: Language): string {
    return (language === 'da' && occupation.labelsDa[0]) || occupation.label;
  }

  @ResolveField(() => String)
  escoLabel(@Parent() occupation: OccupationModel): string {
    return occupation.label;
  }

  @ResolveField(() => IscoGroupModel)
  async iscoGroup(
    @Parent() occupation: OccupationModel,
    @Lang() language: Language,
  ): Promise<IscoGroupModel | undefined> {
    const [group] = await this.reference.iscoGroups([occupation.iscoCode]);
    return group && { ...group, label: language === 'da' ? group.labelDa : group.label };
  }
}
