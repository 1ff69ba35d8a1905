import { AuditService } from '@jobbro/auth';
import { Role } from '@jobbro/core';
import {
  aCitizenLogin,
  aJobCentre,
  Api,
  auditRows,
  aUser,
  createTestApp,
  failure,
  ok,
  type TestApp,
} from '@jobbro/testing';
import { AuditRetentionJob } from '../apps/worker/src/audit-retention.job';

describe('audit trail: retention and export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUDIT_RETENTION_DAYS: '183' });
  });
  afterAll(() => t.close());

  it('purges rows older than the retention and keeps the rest', async () => {
    const citizenId = '22222222-2222-4222-8222-222222222222';
    await t.dataSource.query(
      `INSERT INTO audit_event (occurred_at, citizen_id, action, operation, allowed) VALUES
         (now() - interval '200 days', $1, 'read', 'citizen', true),
         (now() - interval '184 days', $1, 'read', 'citizen', true),
         (now() - interval '100 days', $1, 'read', 'citizen', true),
         (now(), $1, 'read', 'citizen', true)`,
      [citizenId],
    );
    const job = new AuditRetentionJob(t.app.get(AuditService), t.config);
    expect(await job.run()).toBe(2);
    expect(await auditRows(t.dataSource, citizenId)).toHaveLength(2);
  });

  it('lets the administrator of the job centre export a citizen’s data with its access log, and nobody else', async () => {
    const centre = await aJobCentre(t.dataSource);
    const admin = await aUser()
      .withRole(Role.Administrator)
      .inJobCentre(centre.id)
      .build(t.dataSource);
    const consultant = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .build(t.dataSource);
    const anonymous = new Api(t.http);
    const asConsultant = await anonymous.signIn(consultant.email, consultant.password);
    const citizen = ok(
      await asConsultant.createCitizen({
        firstName: 'Eva',
        lastName: 'Lund',
        postalCode: '5000',
        cpr: '1212901234',
      }),
    ).createCitizen;
    ok(
      await asConsultant.updateNeeds({
        citizenId: citizen.id,
        accommodations: [],
        supportNeeds: 'Gæld',
      }),
    );

    const asAdmin = await anonymous.signIn(admin.email, admin.password);
    const exported = JSON.parse(
      ok(await asAdmin.exportCitizenData(citizen.id)).exportCitizenData as string,
    ) as {
      citizen: { firstName: string; needs: { supportNeeds: string } };
      accessLog: { operation: string }[];
    };
    expect(exported.citizen).toMatchObject({ firstName: 'Eva', needs: { supportNeeds: 'Gæld' } });
    expect(exported.accessLog.map((e) => e.operation)).toEqual(
      expect.arrayContaining(['createCitizen', 'updateNeeds']),
    );
    expect(JSON.stringify(exported)).not.toContain('1212901234');
    expect(await auditRows(t.dataSource, citizen.id)).toContainEqual({
      userId: admin.id,
      action: 'export',
      operation: 'exportCitizenData',
      allowed: true,
    });

    const self = await aCitizenLogin(t.dataSource, citizen.id);
    const asCitizen = await anonymous.signIn(self.email, self.password);
    const log = ok(await asCitizen.myAccessLog()).myAccessLog as {
      operation: string;
      userRole: string;
    }[];
    expect(log[0]).toMatchObject({ operation: 'exportCitizenData', userRole: 'administrator' });
    expect(failure(await asCitizen.exportCitizenData(citizen.id)).extensions.code).toBe(
      'FORBIDDEN',
    );
  });
});
