import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { MeetingKind, MeetingKindGql } from '../citizen.enums';

@ObjectType('MeetingInvitee', { description: 'A professional invited to a planned meeting.' })
export class MeetingInviteeModel {
  @Field(() => ID) userId!: string;
  @Field() displayName!: string;
}

@ObjectType('ScheduledMeeting', {
  description:
    'A meeting planned ahead, in the participants’ calendars (its id is the iCalendar UID). Meetings held are recorded with recordMeeting.',
})
export class ScheduledMeetingModel {
  @Field(() => ID) id!: string;
  @Field(() => MeetingKindGql) kind!: MeetingKind;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field() includeCitizen!: boolean;
  @Field(() => [MeetingInviteeModel]) participants!: MeetingInviteeModel[];
  @Field(() => String, { nullable: true }) organizerName!: string | null;
  @Field(() => Int, { description: 'Raised on every change sent to calendars.' })
  sequence!: number;
  @Field() cancelled!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
}
