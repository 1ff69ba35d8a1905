import { PlacementType, PlacementTypeGql } from '@jobbro/company';
import { GraphQLDate, IsIsoDate, PageArgs } from '@jobbro/core';
import { Accommodation, AccommodationGql } from '@jobbro/reference';
import { ArgsType, Field, Float, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export enum PlacementSearchSort {
  RELEVANCE = 'relevance',
  DISTANCE = 'distance',
}
registerEnumType(PlacementSearchSort, { name: 'PlacementSearchSort' });

@InputType()
export class PlacementSearchFilter {
  @Field({ nullable: true, description: 'ISCO-08 code at any level (1 to 4 digits).' })
  @IsOptional()
  @Matches(/^\d{1,4}$/)
  iscoCode?: string;
  @Field(() => [PlacementTypeGql], {
    nullable: true,
    description: 'Any of these types (the same values as everywhere else: INTERNSHIP...).',
  })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(PlacementType, { each: true })
  types?: PlacementType[];
  @Field(() => [AccommodationGql], {
    nullable: true,
    description: 'The slot must offer every one.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(Accommodation, { each: true })
  accommodations?: Accommodation[];
  @Field(() => Float, { nullable: true, description: 'Weekly hours the slot must allow.' })
  @IsOptional()
  @Min(1)
  @Max(48)
  hours?: number;
  @Field(() => GraphQLDate, { nullable: true, description: 'Can start by this date.' })
  @IsOptional()
  @IsIsoDate()
  startBy?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(100) @Max(999) municipalityCode?: number;
}

@InputType()
export class GeoPointInput {
  @Field(() => Float) @Min(54) @Max(58) latitude!: number;
  @Field(() => Float) @Min(8) @Max(16) longitude!: number;
}

@ArgsType()
export class SearchPlacementsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Free text; typos are tolerated.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  query?: string;
  @Field(() => PlacementSearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlacementSearchFilter)
  filter?: PlacementSearchFilter;
  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  near?: GeoPointInput;
  @Field(() => Float, { nullable: true, description: 'With near: only slots within this many km.' })
  @IsOptional()
  @Min(0.1)
  @Max(500)
  radiusKm?: number;
  @Field(() => PlacementSearchSort, { defaultValue: PlacementSearchSort.RELEVANCE })
  @IsOptional()
  @IsEnum(PlacementSearchSort)
  sort: PlacementSearchSort = PlacementSearchSort.RELEVANCE;
}
