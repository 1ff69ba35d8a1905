import { InvitationService } from '@jobbro/auth';
import { type Principal, publishEvent } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import type { MentorEntity, SiteEntity } from './company.entities';
import type { PlacementStatus } from './company.enums';
import { CompanyException } from './company.exception';
import { CompanyRepository } from './company.repository';
import { CompanyService } from './company.service';
import type { UpdateMentorInput, UpdateSiteInput } from './dto/company.inputs';
import { PlacementRepository } from './placement.repository';
import { STATUS_WORDS } from './placement.service';

/** The target of the operation, unknown or not the caller's: as for a random id. */
const noSuch = (code: 'NO_SUCH_SITE' | 'NO_SUCH_MENTOR'): CompanyException =>
  new CompanyException(code);

/** The slot that blocks a removal, named, and how many more there are. */
function inUse(
  code: 'SITE_IN_USE' | 'MENTOR_IN_USE',
  slots: { title: string; status: PlacementStatus }[],
): CompanyException {
  const [first] = slots;
  const more = slots.length - 1;
  return new CompanyException(code, {
    title: first.title,
    statusDa: STATUS_WORDS[first.status].da,
    statusEn: STATUS_WORDS[first.status].en,
    moreDa: more > 0 ? ` og ${more} ${more === 1 ? 'andet' : 'andre'}` : '',
    moreEn: more > 0 ? ` and ${more} more` : '',
  });
}

/**
 * A company admin edits and retires the company's sites and mentors.
 *
 * A site used by a published or paused slot cannot be removed, nor a mentor of one deactivated:
 * the refusal names the slot. Removal locks the site (or mentor) row FOR UPDATE before it looks
 * for such slots, and every save of a slot that will be open locks its site and mentor FOR SHARE
 * and checks they are still in use (PlacementService), so a publish and a removal cannot both
 * succeed. Drafts and closed slots keep pointing at a removed site or deactivated mentor (history);
 * a draft cannot be published until it gets another.
 */
@Injectable()
export class CompanyEditingService {
  constructor(
    private readonly companies: CompanyRepository,
    private readonly placements: PlacementRepository,
    private readonly company: CompanyService,
    private readonly invitations: InvitationService,
  ) {}

  async updateSite(principal: Principal, input: UpdateSiteInput): Promise<SiteEntity> {
    const site = await this.manageableSite(principal, input.id);
    const changes: Parameters<CompanyRepository['updateSite']>[2] = {
      ...(input.name !== undefined && { name: input.name.trim() }),
      ...(input.streetAddress !== undefined && { streetAddress: input.streetAddress.trim() }),
      ...(input.pNumber !== undefined && { pNumber: input.pNumber ?? null }),
    };
    if (input.postalCode !== undefined && input.postalCode !== site.postalCode)
      Object.assign(changes, await this.company.siteLocation(input.postalCode));
    return this.companies.transaction(async (manager) => {
      // No lock first: the update's own row lock lets slots being saved with the site go on.
      const saved = await this.companies.updateSite(manager, site.id, changes);
      if (!saved) throw noSuch('NO_SUCH_SITE');
      await publishEvent(manager, 'company.changed', saved.companyId, {
        companyId: saved.companyId,
      });
      if (changes.latitude !== undefined) {
        // The trigger moved the slots in the database; the search index hears of each one.
        for (const p of await this.placements.placementsAtSite(manager, site.id))
          await publishEvent(manager, 'placement.changed', p.id, {
            placementId: p.id,
            status: p.status,
          });
      }
      return saved;
    });
  }

  /** Removes a site no open slot uses; removing it twice answers as the first time. */
  async removeSite(principal: Principal, id: string): Promise<SiteEntity> {
    const site = await this.manageableSite(principal, id, true);
    return this.companies.transaction(async (manager) => {
      const current = await this.companies.lockSiteForRemoval(manager, site.id);
      if (!current) throw noSuch('NO_SUCH_SITE');
      if (current.removedAt) return current;
      const open = await this.placements.openPlacementsUsing(manager, 'site_id', site.id);
      if (open.length) throw inUse('SITE_IN_USE', open);
      const saved = await this.companies.markSiteRemoved(manager, site.id, principal.userId);
      await publishEvent(manager, 'company.changed', saved.companyId, {
        companyId: saved.companyId,
      });
      return saved;
    });
  }

  async updateMentor(principal: Principal, input: UpdateMentorInput): Promise<MentorEntity> {
    const mentor = await this.manageableMentor(principal, input.id);
    // A removed site is refused as unknown (SITE_NOT_FOUND on siteId).
    if (input.siteId) await this.company.requireSiteOf(mentor.companyId, input.siteId);
    return this.companies.transaction(async (manager) => {
      const current = await this.companies.lockMentor(manager, mentor.id);
      if (!current) throw noSuch('NO_SUCH_MENTOR');
      if (current.deactivatedAt) throw new CompanyException('MENTOR_DEACTIVATED');
      const saved = await this.companies.updateMentor(manager, mentor.id, {
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.phone !== undefined && { phone: input.phone?.trim() || null }),
        ...(input.capacity !== undefined && { capacity: input.capacity }),
        ...(input.siteId !== undefined && { siteId: input.siteId ?? null }),
      });
      if (saved === 'duplicate') throw new CompanyException('MENTOR_EMAIL_TAKEN');
      return saved;
    });
  }

  /**
   * Retires a mentor no published or paused slot depends on. Their login stays (it is the person's)
   * but gives no access through the company any more; deactivating twice answers as the first time.
   */
  async deactivateMentor(principal: Principal, id: string): Promise<MentorEntity> {
    const mentor = await this.manageableMentor(principal, id, true);
    return this.companies.transaction(async (manager) => {
      const current = await this.companies.lockMentor(manager, mentor.id, 'retire');
      if (!current) throw noSuch('NO_SUCH_MENTOR');
      if (current.deactivatedAt) return current;
      const open = await this.placements.openPlacementsUsing(manager, 'mentor_id', mentor.id);
      if (open.length) throw inUse('MENTOR_IN_USE', open);
      const saved = await this.companies.markMentorDeactivated(
        manager,
        mentor.id,
        principal.userId,
      );
      // A pending invitation would otherwise still arrive in the mentor's inbox, only to fail.
      await this.invitations.revokePendingFor(manager, 'mentor', mentor.id);
      await publishEvent(manager, 'company.changed', saved.companyId, {
        companyId: saved.companyId,
      });
      return saved;
    });
  }

  /** The site if the caller manages its company; an unknown or foreign id answers the same. */
  private async manageableSite(
    principal: Principal,
    id: string,
    includeRemoved = false,
  ): Promise<SiteEntity> {
    const site = await this.companies.findSite(id);
    if (!site || (site.removedAt && !includeRemoved)) throw noSuch('NO_SUCH_SITE');
    await this.requireManageable(principal, site.companyId, () => noSuch('NO_SUCH_SITE'));
    return site;
  }

  private async manageableMentor(
    principal: Principal,
    id: string,
    includeDeactivated = false,
  ): Promise<MentorEntity> {
    const mentor = await this.companies.findMentor(id);
    if (!mentor || (mentor.deactivatedAt && !includeDeactivated)) throw noSuch('NO_SUCH_MENTOR');
    await this.requireManageable(principal, mentor.companyId, () => noSuch('NO_SUCH_MENTOR'));
    return mentor;
  }

  /** NOT_FOUND (as `missing`) for who may not read the company, FORBIDDEN for who may only read. */
  private async requireManageable(
    principal: Principal,
    companyId: string,
    missing: () => CompanyException,
  ): Promise<void> {
    try {
      await this.company.requireManageableCompany(principal, companyId);
    } catch (e) {
      if (e instanceof CompanyException && e.code === 'COMPANY_NOT_FOUND') throw missing();
      throw e;
    }
  }
}
