import { GraphQLDate, IsIsoDate } from '@jobbro/core';
import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';

@InputType({
  description:
    'Ordinary employees (FTE) as of a date: of the whole company (no site) for net job creation, ' +
    'or of a site (P-number) for the reasonableness rule, as the employer states them (the ' +
    'average of the last 4 months). Recording again for the same date replaces the figure.',
})
export class RecordHeadcountInput {
  @Field(() => ID) @IsUUID() companyId!: string;
  @Field(() => ID, { nullable: true, description: 'The site; omit for the whole company.' })
  @IsOptional()
  @IsUUID()
  siteId?: string | null;
  @Field(() => GraphQLDate) @IsIsoDate() asOf!: string;
  @Field(() => Float, { description: 'Full-time equivalents, 0 to 99999.99, two decimals.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(99999.99)
  ordinaryFte!: number;
}
