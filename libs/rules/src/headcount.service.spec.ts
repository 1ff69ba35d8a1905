import type { CompanyService } from '@jobbro/company';
import { type Principal, Role, todayInDenmark } from '@jobbro/core';
import { HeadcountService } from './headcount.service';
import { RulesException } from './rules.exception';
import type { RulesRepository } from './rules.repository';

function strict<T extends object>(stubs: Record<string, unknown>): T {
  return new Proxy(stubs, {
    get(target, prop) {
      if (prop in target) return target[prop as string];
      if (prop === 'then') return undefined;
      throw new Error(`unstubbed call: ${String(prop)}`);
    },
  }) as T;
}

const ADMIN: Principal = { userId: 'u1', role: Role.CompanyAdmin, jobCentreId: null };
const CONSULTANT: Principal = { userId: 'u2', role: Role.JobConsultant, jobCentreId: 'j1' };
const INPUT = { companyId: 'c1', asOf: '2026-01-01', ordinaryFte: 12 };
const ROW = { id: 'h1', companyId: 'c1', siteId: null, asOf: '2026-01-01', ordinaryFte: 12 };

describe('HeadcountService', () => {
  const companies = (partner: boolean) =>
    strict<CompanyService>({
      requireReadableCompany: jest.fn().mockResolvedValue({ id: 'c1' }),
      isPartnerOf: jest.fn().mockResolvedValue(partner),
      requireSiteOf: jest.fn().mockResolvedValue({ id: 's1' }),
    });

  it.each([
    ['the company’s admin', ADMIN, false],
    ['a partner consultant', CONSULTANT, true],
  ])('lets %s record, with who recorded it', async (_who, principal, partner) => {
    const recordHeadcount = jest.fn().mockResolvedValue(ROW);
    const service = new HeadcountService(
      companies(partner),
      strict<RulesRepository>({ recordHeadcount }),
    );
    expect(await service.recordHeadcount(principal, INPUT)).toBe(ROW);
    expect(recordHeadcount).toHaveBeenCalledWith({
      ...INPUT,
      siteId: null,
      recordedBy: principal.userId,
    });
  });

  it('refuses a consultant who only sees the company (no partnership)', async () => {
    const service = new HeadcountService(companies(false), strict<RulesRepository>({}));
    await expect(service.recordHeadcount(CONSULTANT, INPUT)).rejects.toEqual(
      new RulesException('HEADCOUNT_NOT_ALLOWED'),
    );
  });

  it('checks the site belongs to the company, and refuses a future date', async () => {
    const c = companies(false);
    const service = new HeadcountService(c, strict<RulesRepository>({}));
    await expect(
      service.recordHeadcount(ADMIN, { ...INPUT, siteId: 's1', asOf: '2999-01-01' }),
    ).rejects.toEqual(new RulesException('HEADCOUNT_IN_FUTURE'));
    expect(c.requireSiteOf).toHaveBeenCalledWith('c1', 's1');
    const today = todayInDenmark();
    const recordHeadcount = jest.fn().mockResolvedValue(ROW);
    const ok = new HeadcountService(c, strict<RulesRepository>({ recordHeadcount }));
    await ok.recordHeadcount(ADMIN, { ...INPUT, asOf: today });
    expect(recordHeadcount).toHaveBeenCalledWith(expect.objectContaining({ asOf: today }));
  });
});
