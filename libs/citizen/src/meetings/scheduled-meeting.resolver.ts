import { CurrentUser, type Principal, Role, Roles } from '@jobbro/core';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CitizenModel } from '../models/citizen.models';
import {
  CancelMeetingInput,
  RescheduleMeetingInput,
  ScheduleMeetingInput,
} from './scheduled-meeting.dto';
import { ScheduledMeetingModel } from './scheduled-meeting.model';
import { ScheduledMeetingRepository } from './scheduled-meeting.repository';
import { ScheduledMeetingService, toScheduledMeetingModel } from './scheduled-meeting.service';

const CASE_WORKERS = [Role.JobConsultant, Role.Caseworker, Role.Administrator];

/** Planning, moving and cancelling meetings; access is decided and audited in the service. */
@Resolver(() => ScheduledMeetingModel)
export class ScheduledMeetingResolver {
  constructor(private readonly meetings: ScheduledMeetingService) {}

  @Roles(...CASE_WORKERS)
  @Mutation(() => ScheduledMeetingModel, {
    description:
      'Plan a meeting with a citizen: each participant (and the citizen, if included and reachable by e-mail) gets a calendar invitation.',
  })
  scheduleMeeting(
    @CurrentUser() u: Principal,
    @Args('input') input: ScheduleMeetingInput,
  ): Promise<ScheduledMeetingModel> {
    return this.meetings.scheduleMeeting(u, input);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => ScheduledMeetingModel, {
    description: 'Move a planned meeting (or change its place or people); calendars are updated.',
  })
  rescheduleMeeting(
    @CurrentUser() u: Principal,
    @Args('input') input: RescheduleMeetingInput,
  ): Promise<ScheduledMeetingModel> {
    return this.meetings.rescheduleMeeting(u, input);
  }

  @Roles(...CASE_WORKERS)
  @Mutation(() => ScheduledMeetingModel, {
    description: 'Cancel a planned meeting; the calendars get a cancellation.',
  })
  cancelMeeting(
    @CurrentUser() u: Principal,
    @Args('input') input: CancelMeetingInput,
  ): Promise<ScheduledMeetingModel> {
    return this.meetings.cancelMeeting(u, input);
  }
}

/** A citizen's planned meetings, for those who see the citizen's case (staff and the citizen). */
@Resolver(() => CitizenModel)
export class CitizenScheduledMeetingsResolver {
  constructor(private readonly repo: ScheduledMeetingRepository) {}

  @ResolveField(() => [ScheduledMeetingModel], {
    description:
      'Meetings planned ahead, latest first (cancelled ones too); empty for company users.',
  })
  async scheduledMeetings(@Parent() citizen: CitizenModel): Promise<ScheduledMeetingModel[]> {
    if (!citizen.scheduledMeetingsVisible) return [];
    return (await this.repo.ofCitizen(citizen.id)).map(toScheduledMeetingModel);
  }
}
