import { Connection, GraphQLDate } from '@jobbro/core';
import {
  Accommodation,
  OccupationModel,
  PlacementRequirement,
  AccommodationGql,
  PlacementRequirementGql,
  type Weekday,
} from '@jobbro/reference';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  CompanySector,
  CompanySectorGql,
  PartnershipStatus,
  PlacementStatus,
  PlacementType,
  PlacementTypeGql,
  PlacementStatusGql,
  PartnershipStatusGql,
} from '../company.enums';

@ObjectType('Company')
export class CompanyModel {
  @Field(() => ID) id!: string;
  @Field() cvr!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) industry!: string | null;
  @Field(() => Float, { description: 'Ordinary employees (FTE).' }) ordinaryEmployees!: number;
  @Field(() => CompanySectorGql, {
    nullable: true,
    description: 'Private or public; null until recorded (the wage-subsidy duration needs it).',
  })
  sector!: CompanySector | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('Site')
export class SiteModel {
  @Field(() => ID) id!: string;
  companyId!: string;
  @Field() name!: string;
  @Field() streetAddress!: string;
  @Field() postalCode!: string;
  @Field(() => Int) municipalityCode!: number;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field(() => String, { nullable: true }) pNumber!: string | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Set once the site is removed: closed and draft slots keep it as history.',
  })
  removedAt!: Date | null;
}

@ObjectType('Mentor')
export class MentorModel {
  @Field(() => ID) id!: string;
  companyId!: string;
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => Int) capacity!: number;
  userId!: string | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Set once deactivated: offered for no new slot, and their login sees nothing.',
  })
  deactivatedAt!: Date | null;
}

@ObjectType('CompanyAdmin', { description: 'A person who administers the company.' })
export class CompanyAdminModel {
  @Field(() => ID) userId!: string;
  @Field() displayName!: string;
  @Field() email!: string;
  @Field(() => GraphQLISODateTime) addedAt!: Date;
}

@ObjectType('PlacementActor', {
  description:
    'Who changed a slot: the company’s own people, or a partner job centre’s consultant acting on the company’s behalf.',
})
export class PlacementActorModel {
  @Field(() => String, {
    nullable: true,
    description: 'Null when the person belongs to another job centre than yours.',
  })
  displayName!: string | null;
  @Field({ description: 'True when a job centre’s consultant acted for the company.' })
  onBehalf!: boolean;
  @Field(() => ID, { nullable: true, description: 'The job centre they acted for.' })
  jobCentreId!: string | null;
  @Field(() => String, { nullable: true, description: 'That job centre’s name.' })
  jobCentreName!: string | null;
}

@ObjectType('PlacementChange', { description: 'One change of a slot, newest first.' })
export class PlacementChangeModel {
  @Field(() => Int) version!: number;
  @Field({ description: 'created, updated, published, paused or closed' }) action!: string;
  @Field(() => [String], { description: 'The fields an update changed.' })
  changedFields!: string[];
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => PlacementActorModel, { nullable: true }) by!: PlacementActorModel | null;
}

@ObjectType('CompanyRegistrationInvite', {
  description:
    'The job centre that invited you to register your company, and the CVR number it suggested. ' +
    'Registering that CVR starts an active partnership with the job centre; registering another ' +
    'CVR (or when none was suggested) starts one proposed by the job centre, for you to accept.',
})
export class CompanyRegistrationInviteModel {
  @Field(() => ID) jobCentreId!: string;
  @Field() jobCentreName!: string;
  @Field(() => String, { nullable: true }) cvr!: string | null;
}

@ObjectType('Partnership')
export class PartnershipModel {
  @Field(() => ID) id!: string;
  companyId!: string;
  @Field(() => ID) jobCentreId!: string;
  @Field(() => PartnershipStatusGql) status!: PartnershipStatus;
  @Field(() => GraphQLDate) startsOn!: string;
  @Field(() => GraphQLDate, { nullable: true }) endsOn!: string | null;
  @Field(() => Int, { nullable: true }) slotsPerYear!: number | null;
  @Field(() => [PlacementTypeGql]) placementTypes!: PlacementType[];
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => String, { description: 'company or job_centre' }) proposedBySide!: string;
}

@ObjectType('OrdinaryHoursPath', {
  description: 'Whether and when the slot offers paid ordinary hours.',
})
export class OrdinaryHoursPathModel {
  @Field() possible!: boolean;
  @Field(() => Int, { nullable: true }) afterWeeks!: number | null;
  @Field(() => Float, { nullable: true }) hoursPerWeek!: number | null;
}

@ObjectType('Placement', {
  description: 'A placement slot a company offers (praktikplads, løntilskud, ...).',
})
export class PlacementModel {
  @Field(() => ID) id!: string;
  companyId!: string;
  siteId!: string | null;
  mentorId!: string | null;
  occupationId!: string;
  @Field(() => PlacementTypeGql) type!: PlacementType;
  @Field() title!: string;
  @Field({ description: 'ISCO-08 unit group of the occupation.' }) iscoCode!: string;
  @Field() description!: string;
  @Field(() => [String]) tasks!: string[];
  @Field(() => Float) weeklyHoursMin!: number;
  @Field(() => Float) weeklyHoursMax!: number;
  @Field(() => String, { nullable: true }) scheduleNotes!: string | null;
  workDays!: Weekday[] | null;
  workFrom!: string | null;
  workUntil!: string | null;
  @Field(() => GraphQLDate) startEarliest!: string;
  @Field(() => GraphQLDate, { nullable: true }) startLatest!: string | null;
  @Field(() => Int) durationWeeks!: number;
  @Field(() => Int) capacity!: number;
  @Field(() => [AccommodationGql]) accommodations!: Accommodation[];
  @Field(() => String, { nullable: true }) accommodationNotes!: string | null;
  @Field(() => [PlacementRequirementGql]) requirements!: PlacementRequirement[];
  @Field(() => String, { nullable: true }) requirementNotes!: string | null;
  ordinaryHoursPossible!: boolean;
  ordinaryHoursAfterWeeks!: number | null;
  ordinaryHoursPerWeek!: number | null;
  @Field(() => PlacementStatusGql) status!: PlacementStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => Int, { description: 'Send as expectedVersion when you update.' }) version!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  createdBy!: string | null;
  createdByJobCentreId!: string | null;
  changedBy!: string | null;
  changedByJobCentreId!: string | null;
}

@ObjectType()
export class PlacementConnection extends Connection(PlacementModel) {}

// Re-exported for the resolvers' field types.
export { OccupationModel };
