import { CurrentUser, Lang, type Language, type Principal, Role, Roles } from '@jobbro/core';
import { REQUIREMENT_LABELS, WorkingTimesModel } from '@jobbro/reference';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CitizenModel, NeedsModel } from '../models/citizen.models';
import {
  RecordEmploymentInput,
  RecordNoEmploymentInput,
  RecordQualificationInput,
  RemoveEmploymentInput,
  RemoveNoEmploymentInput,
  RemoveQualificationInput,
  SetAvailabilityInput,
  UpdateEmploymentInput,
} from './work-profile.inputs';
import { EmploymentModel, NoEmploymentModel, QualificationModel } from './work-profile.models';
import type { QualificationRow } from './work-profile.repository';
import { WorkProfileService } from './work-profile.service';

const CASE_WORKERS = [Role.JobConsultant, Role.Caseworker, Role.Administrator];

const labelled = (q: QualificationRow, l: Language): QualificationModel => ({
  ...q,
  label: REQUIREMENT_LABELS[q.qualification][l],
});

/** Qualifications, availability and recent employers; access is decided and audited in the service. */
@Resolver(() => CitizenModel)
export class WorkProfileResolver {
  constructor(private readonly service: WorkProfileService) {}

  @Roles(...CASE_WORKERS)
  @Mutation(() => QualificationModel, {
    description:
      'Record (or re-confirm) that the citizen meets a requirement-catalogue item; you are recorded as the one who confirmed it.',
  })
  async recordQualification(
    @CurrentUser() u: Principal,
    @Args('input') input: RecordQualificationInput,
    @Lang() l: Language,
  ): Promise<QualificationModel> {
    return labelled(await this.service.recordQualification(u, input), l);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => Boolean, {
    description: 'Remove a qualification; false when it was not recorded.',
  })
  removeQualification(
    @CurrentUser() u: Principal,
    @Args('input') input: RemoveQualificationInput,
  ): Promise<boolean> {
    return this.service.removeQualification(u, input);
  }

  @Roles(Role.Citizen, ...CASE_WORKERS)
  @Mutation(() => WorkingTimesModel, {
    nullable: true,
    description:
      'The weekdays and hours the citizen can work (a hard filter in matching); by staff of the citizen’s job centre or the citizen themself. Null clears it.',
  })
  setAvailability(
    @CurrentUser() u: Principal,
    @Args('input') input: SetAvailabilityInput,
  ): Promise<WorkingTimesModel | null> {
    return this.service.setAvailability(u, input);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => EmploymentModel, {
    description:
      'A job the citizen has had: a partner company, or an employer named (with its CVR number if known). The most recent one counts in the rule “no internship at the most recent employer” (BEK § 61).',
  })
  recordEmployment(
    @CurrentUser() u: Principal,
    @Args('input') input: RecordEmploymentInput,
  ): Promise<EmploymentModel> {
    return this.service.recordEmployment(u, input);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => EmploymentModel, {
    description:
      'Correct an employment as recorded: every field as it should now read; you are recorded as the one who corrected it.',
  })
  updateEmployment(
    @CurrentUser() u: Principal,
    @Args('input') input: UpdateEmploymentInput,
  ): Promise<EmploymentModel> {
    return this.service.updateEmployment(u, input);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => Boolean, {
    description:
      'Remove an employment recorded by mistake (true); an id that is gone answers EMPLOYMENT_NOT_FOUND.',
  })
  removeEmployment(
    @CurrentUser() u: Principal,
    @Args('input') input: RemoveEmploymentInput,
  ): Promise<boolean> {
    return this.service.removeEmployment(u, input);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => NoEmploymentModel, {
    description:
      'Record that the citizen has had no employment, so “no internship at the most recent employer” is decided; refused while an employment is recorded. Recording an employment later takes it back.',
  })
  recordNoEmployment(
    @CurrentUser() u: Principal,
    @Args('input') input: RecordNoEmploymentInput,
  ): Promise<NoEmploymentModel> {
    return this.service.recordNoEmployment(u, input);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => Boolean, {
    description: 'Take back “no employment”; false when it was not recorded.',
  })
  removeNoEmployment(
    @CurrentUser() u: Principal,
    @Args('input') input: RemoveNoEmploymentInput,
  ): Promise<boolean> {
    return this.service.removeNoEmployment(u, input);
  }

  @ResolveField(() => [QualificationModel], {
    description: 'Confirmed qualifications; for staff of the citizen’s job centre and the citizen.',
  })
  async qualifications(
    @Parent() citizen: CitizenModel,
    @Lang() l: Language,
  ): Promise<QualificationModel[]> {
    if (!citizen.workProfileVisible) return [];
    return (await this.service.qualifications(citizen.id)).map((q) => labelled(q, l));
  }

  @ResolveField(() => [EmploymentModel], {
    description:
      'Recent employers, most recent first; for staff of the citizen’s job centre and the citizen.',
  })
  async employments(@Parent() citizen: CitizenModel): Promise<EmploymentModel[]> {
    if (!citizen.workProfileVisible) return [];
    return this.service.employments(citizen.id);
  }

  @ResolveField(() => NoEmploymentModel, {
    nullable: true,
    description:
      'Set when a professional recorded that the citizen has had no employment; for staff of the citizen’s job centre and the citizen.',
  })
  async noEmployment(@Parent() citizen: CitizenModel): Promise<NoEmploymentModel | null> {
    if (!citizen.workProfileVisible) return null;
    return this.service.noEmployment(citizen.id);
  }
}

/** Availability sits beside the needs: whoever may see the needs sees it. */
@Resolver(() => NeedsModel)
export class NeedsAvailabilityResolver {
  constructor(private readonly service: WorkProfileService) {}

  @ResolveField(() => WorkingTimesModel, {
    nullable: true,
    description: 'The days and hours the citizen can work; null when not recorded.',
  })
  availability(@Parent() needs: NeedsModel): Promise<WorkingTimesModel | null> {
    return this.service.availability(needs.citizenId);
  }
}
