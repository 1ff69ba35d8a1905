import { graphqlEnum, Role, RoleGql } from '@jobbro/core';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '@jobbro/core';
import type { InvitationKind, InvitationStatus } from './invitation.types';

export const InvitationKindGql = graphqlEnum(
  { Staff: 'staff', CompanyAdmin: 'company_admin', Mentor: 'mentor', Citizen: 'citizen' },
  'InvitationKind',
  'What an invitation makes of the person: staff of a job centre, company admin, mentor, citizen.',
);
export const InvitationStatusGql = graphqlEnum(
  { Pending: 'pending', Accepted: 'accepted', Expired: 'expired', Revoked: 'revoked' },
  'InvitationStatus',
  'PENDING until accepted, revoked or past its expiry (then EXPIRED).',
);

@ObjectType('InvitationInviter', { description: 'Who sent an invitation.' })
export class InvitationInviterModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'Null when the account is gone.' })
  displayName!: string | null;
}

@ObjectType('Invitation', {
  description: 'A link that creates (or links) a user on first use; single use, revocable.',
})
export class InvitationModel {
  @Field(() => ID) id!: string;
  @Field(() => InvitationKindGql) kind!: InvitationKind;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => RoleGql) role!: Role;
  @Field(() => InvitationStatusGql) status!: InvitationStatus;
  @Field(() => InvitationInviterModel) invitedBy!: InvitationInviterModel;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) acceptedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => ID, { nullable: true }) companyId!: string | null;
  @Field(() => String, { nullable: true }) companyCvr!: string | null;
  @Field(() => ID, { nullable: true }) jobCentreId!: string | null;
}

@ObjectType()
export class InvitationConnection extends Connection(InvitationModel) {}
