import { createSecretKey } from 'node:crypto';
import { AppConfig, type Principal } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import { type AccessTokenPayload, AuthService } from './auth.service';
import type { UserEntity } from './user.entity';

/** Email + password, for the `login` mutation. */
@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  validate(email: string, password: string): Promise<UserEntity> {
    return this.auth.validateCredentials(email, password);
  }
}

/** Bearer access tokens on every other request. */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object made once: given a string, jsonwebtoken first tries (and fails) to parse it
      // as a public key on every request, which cost more CPU than the rest of a simple query.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /** Passport treats `false` as "not signed in": the guard answers UNAUTHENTICATED. */
  async validate(payload: AccessTokenPayload): Promise<Principal | false> {
    return (await this.auth.principalForToken(payload)) ?? false;
  }
}
