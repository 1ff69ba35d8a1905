import {
  CitizenArgs,
  CurrentUser,
  Lang,
  type Language,
  type Page,
  type Principal,
  Role,
  Roles,
  uuidArg,
} from '@jobbro/core';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CaseService } from './case.service';
import { CitizenRepository } from './citizen.repository';
import { CitizenService } from './citizen.service';
import {
  AccessLogArgs,
  AddJobGoalInput,
  CitizensArgs,
  CreateCitizenInput,
  GrantConsentInput,
  RecordAssessmentInput,
  RecordMeetingInput,
  SetMyContactPreferenceInput,
  SetTargetGroupInput,
  TeamMemberInput,
  UpdateCitizenInput,
  UpdateJobGoalInput,
  UpdateNeedsInput,
  UpdatePlanInput,
} from './dto/citizen.inputs';
import {
  AccessLogEntryModel,
  AssessmentDimensionModel,
  AssessmentModel,
  CitizenConnection,
  CitizenModel,
  CitizenSummaryModel,
  ConsentModel,
  FollowUpDueModel,
  JobGoalModel,
  PlanModel,
  RecordMeetingResultModel,
  TargetGroupModel,
} from './models/citizen.models';

const STAFF = [Role.Administrator, Role.JobConsultant, Role.Caseworker];
const CASE_WORKERS = [Role.JobConsultant, Role.Caseworker, Role.Administrator];

/** Every operation on citizen data. Access is decided and audited in the services (CitizenAccess). */
@Resolver(() => CitizenModel)
export class CitizenResolver {
  constructor(
    private readonly profiles: CitizenService,
    private readonly cases: CaseService,
    private readonly repo: CitizenRepository,
  ) {}

  @Roles(...CASE_WORKERS)
  @Mutation(() => CitizenModel, {
    description: 'Register a citizen in your job centre; you join their team.',
  })
  createCitizen(
    @CurrentUser() u: Principal,
    @Args('input') input: CreateCitizenInput,
    @Lang() l: Language,
  ): Promise<CitizenModel> {
    return this.profiles.createCitizen(u, input, l);
  }

  @Roles(...CASE_WORKERS)
  @CitizenArgs('input.id')
  @Mutation(() => CitizenModel)
  updateCitizen(
    @CurrentUser() u: Principal,
    @Args('input') input: UpdateCitizenInput,
    @Lang() l: Language,
  ): Promise<CitizenModel> {
    return this.profiles.updateCitizen(u, input, l);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => CitizenModel, {
    description: 'Start a new target-group period (dated; ends the previous one).',
  })
  setTargetGroup(
    @CurrentUser() u: Principal,
    @Args('input') input: SetTargetGroupInput,
    @Lang() l: Language,
  ): Promise<CitizenModel> {
    return this.profiles.setTargetGroup(u, input, l);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => CitizenModel)
  addTeamMember(
    @CurrentUser() u: Principal,
    @Args('input') input: TeamMemberInput,
    @Lang() l: Language,
  ): Promise<CitizenModel> {
    return this.profiles.addTeamMember(u, input, l);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => CitizenModel)
  removeTeamMember(
    @CurrentUser() u: Principal,
    @Args('input') input: TeamMemberInput,
    @Lang() l: Language,
  ): Promise<CitizenModel> {
    return this.profiles.removeTeamMember(u, input, l);
  }

  @Roles(...Object.values(Role))
  @Query(() => CitizenModel, { description: 'One citizen, as much as you need to know.' })
  citizen(
    @CurrentUser() u: Principal,
    @Args('id', { type: () => ID }, uuidArg) citizenId: string,
    @Lang() l: Language,
  ): Promise<CitizenModel> {
    return this.profiles.citizen(u, citizenId, l);
  }

  @Roles(...STAFF)
  @Query(() => CitizenConnection, { description: 'Citizens of your job centre, newest first.' })
  citizens(
    @CurrentUser() u: Principal,
    @Args() args: CitizensArgs,
  ): Promise<Page<CitizenSummaryModel>> {
    return this.profiles.citizens(u, args.filter, args.first, args.after);
  }

  @Roles(Role.CompanyAdmin, Role.Mentor)
  @Query(() => [CitizenSummaryModel], {
    description: 'Citizens who agreed to share data with your company.',
  })
  sharedCitizens(@CurrentUser() u: Principal): Promise<CitizenSummaryModel[]> {
    return this.profiles.sharedCitizens(u);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => JobGoalModel, { description: 'A job goal, in the citizen’s own words.' })
  addJobGoal(
    @CurrentUser() u: Principal,
    @Args('input') input: AddJobGoalInput,
  ): Promise<JobGoalModel> {
    return this.cases.addJobGoal(u, input);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => JobGoalModel)
  updateJobGoal(
    @CurrentUser() u: Principal,
    @Args('input') input: UpdateJobGoalInput,
  ): Promise<JobGoalModel> {
    return this.cases.updateJobGoal(u, input);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => CitizenModel, {
    description: 'Accommodations and (special-category) limits and support needs.',
  })
  updateNeeds(
    @CurrentUser() u: Principal,
    @Args('input') input: UpdateNeedsInput,
    @Lang() l: Language,
  ): Promise<CitizenModel> {
    return this.cases.updateNeeds(u, input, l);
  }

  @Roles(Role.Citizen, Role.JobConsultant, Role.Caseworker, Role.Administrator, Role.Mentor)
  @Mutation(() => AssessmentModel, {
    description: 'A score by you, as citizen, professional or mentor.',
  })
  recordAssessment(
    @CurrentUser() u: Principal,
    @Args('input') input: RecordAssessmentInput,
    @Lang() l: Language,
  ): Promise<AssessmentModel> {
    return this.cases.recordAssessment(u, input, l);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => PlanModel, {
    description: 'Save the plan; expectedVersion guards against lost updates.',
  })
  updatePlan(
    @CurrentUser() u: Principal,
    @Args('input') input: UpdatePlanInput,
  ): Promise<PlanModel> {
    return this.cases.updatePlan(u, input);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => RecordMeetingResultModel)
  recordMeeting(
    @CurrentUser() u: Principal,
    @Args('input') input: RecordMeetingInput,
    @Lang() l: Language,
  ): Promise<RecordMeetingResultModel> {
    return this.cases.recordMeeting(u, input, l);
  }

  @Roles(...STAFF)
  @Query(() => [FollowUpDueModel], {
    description: 'Your citizens whose follow-up is due or overdue.',
  })
  followUpsDue(@CurrentUser() u: Principal): Promise<FollowUpDueModel[]> {
    return this.cases.followUpsDue(u);
  }

  @Roles(Role.Citizen, ...CASE_WORKERS)
  @Mutation(() => ConsentModel, {
    description: 'Share named parts of the citizen’s data with a company.',
  })
  grantConsent(
    @CurrentUser() u: Principal,
    @Args('input') input: GrantConsentInput,
  ): Promise<ConsentModel> {
    return this.cases.grantConsent(u, input);
  }

  @Roles(Role.Citizen, ...CASE_WORKERS)
  @Mutation(() => ConsentModel)
  withdrawConsent(
    @CurrentUser() u: Principal,
    @Args('id', { type: () => ID }, uuidArg) consentId: string,
  ): Promise<ConsentModel> {
    return this.cases.withdrawConsent(u, consentId);
  }

  @Roles(Role.Citizen)
  @Query(() => CitizenModel, { description: 'Your own profile, goals, plan, meetings and team.' })
  myProfile(@CurrentUser() u: Principal, @Lang() l: Language): Promise<CitizenModel> {
    return this.profiles.myProfile(u, l);
  }

  @Roles(Role.Citizen)
  @Mutation(() => CitizenModel, {
    description: 'Whether Jobbro may e-mail you (meeting invitations and reminders).',
  })
  setMyContactPreference(
    @CurrentUser() u: Principal,
    @Args('input') input: SetMyContactPreferenceInput,
    @Lang() l: Language,
  ): Promise<CitizenModel> {
    return this.profiles.setMyContactPreference(u, input.preference, l);
  }

  @Roles(Role.Citizen)
  @Query(() => PlanModel, {
    nullable: true,
    description: 'Your plan (also as PDF: GET /me/plan.pdf).',
  })
  myPlan(@CurrentUser() u: Principal): Promise<PlanModel | null> {
    return this.cases.myPlan(u);
  }

  @Roles(Role.Citizen)
  @Query(() => [AccessLogEntryModel], {
    description: 'When and why your data was looked at or changed.',
  })
  myAccessLog(
    @CurrentUser() u: Principal,
    @Args() args: AccessLogArgs,
  ): Promise<AccessLogEntryModel[]> {
    return this.profiles.myAccessLog(u, args.first);
  }

  @Roles(Role.Administrator)
  @CitizenArgs('id')
  @Query(() => String, {
    description: 'Everything held about a citizen and its access log, as JSON (GDPR art. 15).',
  })
  exportCitizenData(
    @CurrentUser() u: Principal,
    @Args('id', { type: () => ID }, uuidArg) citizenId: string,
    @Lang() l: Language,
  ): Promise<string> {
    return this.profiles.exportCitizenData(u, citizenId, l);
  }

  @Roles(...Object.values(Role))
  @Query(() => [AssessmentDimensionModel], {
    description: 'What assessments score (resource profile, indicators).',
  })
  async assessmentDimensions(@Lang() l: Language): Promise<AssessmentDimensionModel[]> {
    return (await this.repo.dimensions()).map((d) => ({
      ...d,
      label: l === 'da' ? d.labelDa : d.labelEn,
    }));
  }

  @Roles(...STAFF)
  @Query(() => [TargetGroupModel], {
    description: 'Target groups with the dates they are in force.',
  })
  async targetGroups(@Lang() l: Language): Promise<TargetGroupModel[]> {
    return (await this.repo.allTargetGroups()).map((t) => ({
      ...t,
      label: l === 'da' ? t.labelDa : t.labelEn,
    }));
  }
}
