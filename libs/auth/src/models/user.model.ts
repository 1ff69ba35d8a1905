import { Connection, graphqlEnum, Role, RoleGql } from '@jobbro/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

export const NotificationModeGql = graphqlEnum(
  { Immediate: 'immediate', DailyDigest: 'daily_digest' },
  'NotificationMode',
  'How reminders reach you: one mail each (IMMEDIATE) or one mail a day (DAILY_DIGEST).',
);

@ObjectType('JobCentre', {
  description: 'A municipal job centre: the tenant staff users belong to.',
})
export class JobCentreModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Int) municipalityCode!: number;
}

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => RoleGql) role!: Role;
  @Field(() => String) preferredLanguage!: string;
  @Field(() => NotificationModeGql, { description: 'How reminders reach this user.' })
  notificationMode!: 'immediate' | 'daily_digest';
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the account was deactivated; null while it is active.',
  })
  disabledAt!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  jobCentreId!: string | null;
}

@ObjectType('SignUpEmployerResult', {
  description:
    'The same answer for every address: what happened is told in a mail to the address itself.',
})
export class SignUpEmployerResultModel {
  @Field({ description: 'Tells the person to check their mail, in their language.' })
  message!: string;
}

/** The GraphQL name of what every sign-in mutation answers (SessionCookieInterceptor keys on it). */
export const AUTH_PAYLOAD_TYPE = 'AuthPayload';

@ObjectType(AUTH_PAYLOAD_TYPE)
export class AuthPayloadModel {
  @Field({ description: 'Bearer token for the Authorization header.' }) accessToken!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Exchange for a new pair with refreshToken; single use. Null for the portal (requests with ' +
      'the header X-Jobbro-Client: portal): it gets the token in an HttpOnly cookie instead, ' +
      'which only POST /auth/session/refresh and /auth/session/logout read, so page JavaScript ' +
      'never holds it.',
  })
  refreshToken!: string | null;
  @Field(() => Int, { description: 'Seconds until the access token expires.' }) expiresIn!: number;
  @Field(() => UserModel) user!: UserModel;
}

@ObjectType('MagicLinkRequestResult', {
  description: 'The same answer for every address: a link is mailed only if it has an account.',
})
export class MagicLinkRequestResultModel {
  @Field({ description: 'Tells the person to check their mail, in their language.' })
  message!: string;
}

@ObjectType()
export class UserConnection extends Connection(UserModel) {}
