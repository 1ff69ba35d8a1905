import { Role } from '@jobbro/core';
import { aCompany, aUser, createTestDatabase } from '@jobbro/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/core/src/database/data-source-options';

/**
 * Migration 1764090000014 (company editing) can be undone on the data its `up` allows: one login
 * mentoring at several companies, a deactivated mentor's address and login reused, removed sites
 * and deactivated mentors. `down` keeps one mentor row per login and per company and address, and
 * marks what comes back; `up` applies again.
 */
describe('migration 1764090000014 (company editing) down and up with data', () => {
  it('undoes the company editing migration with reused logins and addresses, then redoes it', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    const q = <T>(sql: string, params: unknown[] = []) => ds.query<T[]>(sql, params);
    const mentor = async (
      companyId: string,
      name: string,
      email: string,
      userId: string | null,
      deactivated = false,
    ): Promise<string> =>
      (
        await q<{ id: string }>(
          `INSERT INTO mentor (company_id, name, email, capacity, user_id, deactivated_at)
           VALUES ($1, $2, $3, 1, $4, CASE WHEN $5 THEN now() END) RETURNING id`,
          [companyId, name, email, userId, deactivated],
        )
      )[0].id;
    try {
      const admin = await aUser().build(ds);
      const one = await aCompany(ds, admin.id);
      const two = await aCompany(ds, admin.id);
      const three = await aCompany(ds, admin.id);
      // One login mentors at two companies (the first row is the older one).
      const person = await aUser().withRole(Role.Mentor).build(ds);
      const atOne = await mentor(one.id, 'Per Begge', 'per@example.dk', person.id);
      const atTwo = await mentor(two.id, 'Per Begge', 'per@example.dk', person.id);
      // A deactivated mentor with a login, whose address and login an active mentor reuses.
      const reused = await aUser().withRole(Role.Mentor).build(ds);
      const old = await mentor(three.id, 'Gammel', 'lise@example.dk', reused.id, true);
      const current = await mentor(three.id, 'Lise Ny', 'lise@example.dk', reused.id);
      // Two deactivated mentors with one address and no active one.
      const gone1 = await mentor(three.id, 'Væk 1', 'vaek@example.dk', null, true);
      const gone2 = await mentor(three.id, 'Væk 2', 'vaek@example.dk', null, true);
      // A long address of a deactivated mentor, reused.
      const long = `${'a'.repeat(230)}@example.dk`;
      const longOld = await mentor(one.id, 'Lang', long, null, true);
      await mentor(one.id, 'Lang Ny', long, null);
      await q(`UPDATE site SET removed_at = now() WHERE id = $1`, [two.siteId]);

      for (;;) {
        const [last] = await q<{ name: string }>(
          `SELECT name FROM migration ORDER BY id DESC LIMIT 1`,
        );
        await ds.undoLastMigration({ transaction: 'each' });
        if (last.name.startsWith('CompanyEditing')) break;
      }

      const rows = new Map(
        (
          await q<{ id: string; name: string; email: string; userId: string | null }>(
            `SELECT id, name, email::text, user_id AS "userId" FROM mentor`,
          )
        ).map((r) => [r.id, r]),
      );
      // The oldest row keeps the login; deactivated rows lose theirs.
      expect(rows.get(atOne)!.userId).toBe(person.id);
      expect(rows.get(atTwo)!.userId).toBeNull();
      expect(rows.get(current)!.userId).toBe(reused.id);
      expect(rows.get(old)!.userId).toBeNull();
      // The active mentor keeps the address; the deactivated one gets a unique one, marked.
      expect(rows.get(current)!.email).toBe('lise@example.dk');
      expect(rows.get(old)!).toMatchObject({
        email: `${old}.lise@example.dk`,
        name: '[deaktiveret] Gammel',
      });
      // Among deactivated ones, the latest keeps the address.
      const addresses = [rows.get(gone1)!.email, rows.get(gone2)!.email];
      expect(addresses).toContain('vaek@example.dk');
      expect(new Set(addresses).size).toBe(2);
      expect(rows.get(longOld)!.email).toBe(`${longOld}@deactivated.invalid`);
      const [site] = await q<{ name: string }>(`SELECT name FROM site WHERE id = $1`, [two.siteId]);
      expect(site.name).toBe('[fjernet] Hovedkontor');
      const constraints = (
        await q<{ conname: string }>(
          `SELECT conname FROM pg_constraint WHERE conrelid = 'mentor'::regclass AND contype = 'u'`,
        )
      ).map((r) => r.conname);
      expect(constraints).toEqual(
        expect.arrayContaining(['mentor_user_id_key', 'mentor_company_id_email_key']),
      );

      await ds.runMigrations({ transaction: 'each' });
      const [{ noneDeactivated }] = await q<{ noneDeactivated: boolean }>(
        `SELECT count(*) = 0 AS "noneDeactivated" FROM mentor WHERE deactivated_at IS NOT NULL`,
      );
      expect(noneDeactivated).toBe(true);
      // Once more: a login at two companies is allowed again.
      await q(`UPDATE mentor SET user_id = $1 WHERE id = $2`, [person.id, atTwo]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
