import { AppConfig } from '@jobbro/core';
import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import { JwtModule } from '@nestjs/jwt';
import { NotificationsModule } from '@jobbro/notifications';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from './audit.service';
import { AuthRepository } from './auth.repository';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SignUpRepository } from './sign-up.repository';
import { SignUpService } from './sign-up.service';
import { AccessGuard } from './guards';
import { InvitationRepository } from './invitations/invitation.repository';
import { InvitationService } from './invitations/invitation.service';
import { MagicLinkRepository } from './people/magic-link.repository';
import { MagicLinkService } from './people/magic-link.service';
import { PeopleResolver } from './people/people.resolver';
import { StaffRepository } from './people/staff.repository';
import { StaffService } from './people/staff.service';
import { SessionController } from './session/session.controller';
import { SessionCookieInterceptor } from './session/session-cookie.interceptor';
import { UserDirectory } from './people/user-directory';
import { JwtStrategy, LocalStrategy } from './strategies';
import { ThrottleModule } from './throttle/throttle.module';
import { JobCentreEntity, UserEntity } from './user.entity';

@Module({
  imports: [
    PassportModule,
    NotificationsModule,
    ThrottleModule,
    TypeOrmModule.forFeature([UserEntity, JobCentreEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [SessionController],
  providers: [
    AuthRepository,
    AuditService,
    AuthService,
    AuthResolver,
    SignUpRepository,
    SignUpService,
    InvitationRepository,
    InvitationService,
    UserDirectory,
    MagicLinkRepository,
    MagicLinkService,
    StaffRepository,
    StaffService,
    PeopleResolver,
    LocalStrategy,
    JwtStrategy,
    // The per-IP limit is a middleware (ThrottleModule), so floods never reach token checks.
    { provide: APP_GUARD, useClass: AccessGuard },
    // The portal's refresh token goes into a cookie instead of the sign-in mutations' replies.
    { provide: APP_INTERCEPTOR, useClass: SessionCookieInterceptor },
  ],
  exports: [AuthService, AuditService, InvitationService, UserDirectory],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Only the session routes read cookies; no other route looks at them.
    consumer.apply(cookieParser()).forRoutes(SessionController);
  }
}
