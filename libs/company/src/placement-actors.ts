import { AuthService } from '@jobbro/auth';
import { byIds, isStaff, type Principal, requestLoader } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { CompanyRepository } from './company.repository';
import type { PlacementActorModel } from './models/company.models';

/**
 * Who changed a slot, as the caller may see it. A consultant acting on the company's behalf is
 * shown with their job centre; to staff of another job centre only the fact that some job centre
 * acted is shown (not who, nor which: that would tell them about a partnership not theirs).
 */
@Injectable()
export class PlacementActors {
  constructor(
    private readonly companies: CompanyRepository,
    private readonly auth: AuthService,
  ) {}

  async actor(
    ctx: object,
    viewer: Principal,
    userId: string | null,
    jobCentreId: string | null,
  ): Promise<PlacementActorModel | null> {
    if (!userId) return null;
    if (jobCentreId && isStaff(viewer.role) && viewer.jobCentreId !== jobCentreId)
      return { displayName: null, onBehalf: true, jobCentreId: null, jobCentreName: null };
    const [user, jobCentre] = await Promise.all([
      requestLoader(ctx, 'placementActor', async (ids: readonly string[]) =>
        byIds(ids, await this.companies.actorsByIds(ids), (a) => a.id),
      ).load(userId),
      jobCentreId
        ? requestLoader(ctx, 'jobCentre', async (ids: readonly string[]) =>
            byIds(ids, await this.auth.findJobCentresByIds(ids), (j) => j.id),
          ).load(jobCentreId)
        : null,
    ]);
    return {
      displayName: user?.displayName ?? null,
      onBehalf: jobCentreId !== null,
      jobCentreId,
      jobCentreName: jobCentre?.name ?? null,
    };
  }
}
