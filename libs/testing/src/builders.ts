import { randomBytes } from 'node:crypto';
import { hashPassword } from '@jobbro/auth';
import { Role } from '@jobbro/core';
import type { DataSource } from 'typeorm';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;
const unique = (): string => randomBytes(4).toString('hex');

/** A CVR number that passes the modulus-11 check, different on every call. */
export function aValidCvr(): string {
  const weights = [2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const body =
      String(1 + Math.floor(Math.random() * 9)) +
      String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
    const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return body + String(check);
  }
}

export async function aJobCentre(
  ds: DataSource,
  overrides: { name?: string; municipalityCode?: number } = {},
): Promise<{ id: string; name: string }> {
  const name = overrides.name ?? `Jobcenter Test ${unique()}`;
  const code = overrides.municipalityCode ?? 100 + Math.floor(Math.random() * 30000);
  const [row] = await ds.query<{ id: string }[]>(
    `INSERT INTO job_centre (name, municipality_code) VALUES ($1, $2) RETURNING id`,
    [name, code],
  );
  return { id: row.id, name };
}

export interface BuiltUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  jobCentreId: string | null;
}

class UserBuilder {
  private role: Role = Role.CompanyAdmin;
  private jobCentreId: string | null = null;
  private email = `user-${unique()}@test.jobbro.dk`;
  private name = 'Test Bruger';

  withRole(role: Role): this {
    this.role = role;
    return this;
  }
  inJobCentre(jobCentreId: string): this {
    this.jobCentreId = jobCentreId;
    return this;
  }
  withEmail(email: string): this {
    this.email = email;
    return this;
  }
  named(name: string): this {
    this.name = name;
    return this;
  }

  async build(ds: DataSource): Promise<BuiltUser> {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const [row] = await ds.query<{ id: string }[]>(
      `INSERT INTO app_user (email, password_hash, display_name, role, job_centre_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [this.email, await passwordHash, this.name, this.role, this.jobCentreId],
    );
    return {
      id: row.id,
      email: this.email,
      password: TEST_PASSWORD,
      role: this.role,
      jobCentreId: this.jobCentreId,
    };
  }
}

export const aUser = (): UserBuilder => new UserBuilder();

/** A company run by `adminUserId`, with one site (postal code 2300) and one mentor. */
export async function aCompany(
  ds: DataSource,
  adminUserId: string,
): Promise<{ id: string; cvr: string; siteId: string; mentorId: string }> {
  const cvr = aValidCvr();
  const [company] = await ds.query<{ id: string }[]>(
    `INSERT INTO company (cvr, name, ordinary_employees) VALUES ($1, $2, 20) RETURNING id`,
    [cvr, `Testfirma ${unique()} ApS`],
  );
  await ds.query(`INSERT INTO company_admin (company_id, user_id) VALUES ($1, $2)`, [
    company.id,
    adminUserId,
  ]);
  const [site] = await ds.query<{ id: string }[]>(
    `INSERT INTO site (company_id, name, street_address, postal_code, municipality_code, latitude, longitude)
     SELECT $1, 'Hovedkontor', 'Testvej 1', code, municipality_code, latitude, longitude FROM postal_code WHERE code = '2300'
     RETURNING id`,
    [company.id],
  );
  const [mentor] = await ds.query<{ id: string }[]>(
    `INSERT INTO mentor (company_id, site_id, name, email, capacity) VALUES ($1, $2, 'Mona Mentor', $3, 2) RETURNING id`,
    [company.id, site.id, `mentor-${unique()}@test.jobbro.dk`],
  );
  return { id: company.id, cvr, siteId: site.id, mentorId: mentor.id };
}

export async function aPartnership(
  ds: DataSource,
  companyId: string,
  jobCentreId: string,
  status: 'proposed' | 'active' | 'paused' | 'ended' = 'active',
): Promise<string> {
  const [row] = await ds.query<{ id: string }[]>(
    `INSERT INTO partnership (company_id, job_centre_id, status, starts_on, proposed_by_side)
     VALUES ($1, $2, $3, current_date, 'company') RETURNING id`,
    [companyId, jobCentreId, status],
  );
  return row.id;
}

/** An ESCO occupation id by its English label (e.g. 'kitchen assistant'). */
export async function occupationByLabel(
  ds: DataSource,
  label: string,
): Promise<{ id: string; iscoCode: string }> {
  const [row] = await ds.query<
    {
      id: string;
      iscoCode: string;
    }[]
  >(`SELECT id, isco_code AS "iscoCode" FROM occupation WHERE label = $1`, [label]);
  if (!row) throw new Error(`No occupation labelled ${label}`);
  return row;
}

/** Counts rows, to show that a refused operation left nothing behind. */
export async function countRows(ds: DataSource, table: string): Promise<number> {
  if (!/^[a-z_]+$/.test(table)) throw new Error('bad table name');
  const [{ n }] = await ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

/** Gives a citizen a login of their own (role citizen), as the job centre would invite them. */
export async function aCitizenLogin(ds: DataSource, citizenId: string): Promise<BuiltUser> {
  const user = await aUser().withRole(Role.Citizen).named('Borger').build(ds);
  await ds.query(`UPDATE citizen SET user_id = $2 WHERE id = $1`, [citizenId, user.id]);
  return user;
}

/** Audit rows about a citizen, oldest first. */
export function auditRows(
  ds: DataSource,
  citizenId: string,
): Promise<{ userId: string; action: string; operation: string; allowed: boolean }[]> {
  return ds.query(
    `SELECT user_id AS "userId", action, operation, allowed FROM audit_event WHERE citizen_id = $1 ORDER BY id`,
    [citizenId],
  );
}
