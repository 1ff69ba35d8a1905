import {
  decodeCursor,
  isJobCentreRole,
  type Page,
  type Principal,
  Role,
  toPage,
} from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuthException } from '../auth.exception';
import { InvitationService } from '../invitations/invitation.service';
import type { UserEntity } from '../user.entity';
import { type StaffFilter, StaffRepository } from './staff.repository';

/**
 * Staff accounts of a job centre, managed by its administrators:
 * - users of other job centres (and company users and citizens) are NOT_FOUND, like unknown ids;
 * - an administrator never deactivates or changes the role of their own account (another one
 *   must), and the job centre always keeps one active administrator (LAST_ADMINISTRATOR);
 * - deactivating revokes every session and refresh token of the user in the same transaction:
 *   their access tokens stop working on the next request (the session check reads the user), and
 *   their unused sign-in links and pending invitations die with them;
 * - a role change holds from the user's next request (the session check reads the role), and
 *   revokes the invitations they sent (sent with the rights of the old role);
 * - the caller's own row is locked and re-checked under the job centre's lock: an administrator
 *   demoted or deactivated by a concurrent change can no longer act (NOT_AN_ADMINISTRATOR).
 */
@Injectable()
export class StaffService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly invitations: InvitationService,
  ) {}

  async users(
    principal: Principal,
    filter: StaffFilter | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<UserEntity>> {
    const jobCentreId = this.adminCentre(principal);
    const { rows, totalCount } = await this.staff.page(
      jobCentreId,
      filter ?? {},
      first,
      decodeCursor(after),
    );
    return toPage(rows, first, totalCount, (u) => u.createdAt);
  }

  deactivate(principal: Principal, userId: string): Promise<UserEntity> {
    return this.change(principal, userId, async (m, target, admins) => {
      if (target.disabledAt) return;
      if (target.role === Role.Administrator && admins <= 1)
        throw new AuthException('LAST_ADMINISTRATOR');
      await this.staff.deactivate(m, userId);
      await this.invitations.revokePendingFrom(m, userId);
    });
  }

  reactivate(principal: Principal, userId: string): Promise<UserEntity> {
    return this.change(principal, userId, async (m, target) => {
      if (target.disabledAt) await this.staff.reactivate(m, userId);
    });
  }

  changeRole(principal: Principal, userId: string, role: Role): Promise<UserEntity> {
    if (!isJobCentreRole(role)) throw new AuthException('ROLE_NOT_ALLOWED');
    return this.change(principal, userId, async (m, target, admins) => {
      if (target.role === role) return;
      if (target.role === Role.Administrator && !target.disabledAt && admins <= 1)
        throw new AuthException('LAST_ADMINISTRATOR');
      await this.staff.changeRole(m, userId, role);
      await this.invitations.revokePendingFrom(m, userId);
    });
  }

  async updateNotificationSettings(
    principal: Principal,
    mode: 'immediate' | 'daily_digest',
    language: 'da' | 'en' | null | undefined,
  ): Promise<UserEntity> {
    await this.staff.updateSettings(principal.userId, mode, language ?? null);
    const user = await this.staff.findUser(undefined, principal.userId);
    if (!user) throw new AuthException('USER_NOT_FOUND');
    return user;
  }

  private adminCentre(principal: Principal): string {
    // @Roles lets only administrators in; every administrator belongs to a job centre.
    if (principal.role !== Role.Administrator || !principal.jobCentreId)
      throw new AuthException('USER_NOT_FOUND');
    return principal.jobCentreId;
  }

  private async change(
    principal: Principal,
    userId: string,
    work: (
      m: EntityManager,
      target: { role: Role; disabledAt: Date | null },
      activeAdministrators: number,
    ) => Promise<void>,
  ): Promise<UserEntity> {
    const jobCentreId = this.adminCentre(principal);
    return this.staff.transaction(async (m) => {
      const locked = await this.staff.lockForChange(m, jobCentreId, principal.userId, userId);
      if (!locked.callerIsAdministrator) throw new AuthException('NOT_AN_ADMINISTRATOR');
      if (!locked.target) throw new AuthException('USER_NOT_FOUND');
      if (userId === principal.userId) throw new AuthException('NOT_ON_YOURSELF');
      await work(m, locked.target, locked.activeAdministrators);
      const user = await this.staff.findUser(m, userId);
      if (!user) throw new AuthException('USER_NOT_FOUND');
      return user;
    });
  }
}
