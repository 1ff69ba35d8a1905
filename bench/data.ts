/**
 * `npm run bench:data`: a deterministic benchmark data set in its own embedded PostgreSQL under
 * bench/.data: 98 job centres (one per municipality), 10,000 companies with a site and a mentor
 * over the real postal codes, 100,000 published placements over the real ESCO occupations, and
 * 50,000 citizens with goals and needs. Seeded with setseed(), so every run builds the same data.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { hashPassword } from '../libs/auth/src/password';
import { CONTENT_WORDS_VERSION, contentWords } from '../libs/core/src/text/content-words';
import { startEmbeddedPostgres, withDatabase } from '../libs/core/src/database/embedded-postgres';
import { runMigrations } from '../libs/core/src/database/migrate';
import {
  BENCH_ADMIN,
  BENCH_CONSULTANT,
  BENCH_DIR,
  BENCH_EMPLOYER,
  BENCH_PASSWORD,
  BENCH_PG_PORT,
} from './common';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 10_000);
const PLACEMENTS = Number(process.env.BENCH_PLACEMENTS ?? 100_000);
const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 50_000);

async function main(): Promise<void> {
  rmSync(BENCH_DIR, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({
    dir: join(BENCH_DIR, 'postgres'),
    port: BENCH_PG_PORT,
    persistent: true,
  });
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE jobbro');
  await admin.end();
  const url = withDatabase(server.url, 'jobbro');
  await runMigrations(url);
  const db = new Client({ connectionString: url });
  await db.connect();
  const step = async (label: string, sql: string, params: unknown[] = []): Promise<void> => {
    const t = Date.now();
    await db.query(sql, params);
    console.log(`${label.padEnd(40)} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  try {
    await db.query('SELECT setseed(0.2026)');
    await step(
      'job centres and consultants',
      `
      WITH m AS (SELECT DISTINCT municipality_code, municipality_name FROM postal_code)
      INSERT INTO job_centre (name, municipality_code) SELECT 'Jobcenter ' || replace(municipality_name, ' Kommune', ''), municipality_code FROM m`,
    );
    await step(
      'consultant logins',
      `
      INSERT INTO app_user (email, password_hash, display_name, role, job_centre_id)
      SELECT 'konsulent@' || lpad(municipality_code::text, 4, '0') || '.bench.jobbro.dk', $1, 'Konsulent ' || municipality_code, 'job_consultant', id
        FROM job_centre`,
      [await hashPassword(BENCH_PASSWORD)],
    );
    await step(
      'an administrator in the first job centre',
      `
      INSERT INTO app_user (email, password_hash, display_name, role, job_centre_id)
      SELECT $1, $2, 'Bench administrator', 'administrator', id FROM job_centre WHERE municipality_code = 101`,
      [BENCH_ADMIN, await hashPassword(BENCH_PASSWORD)],
    );
    await step(
      `${COMPANIES} companies`,
      `
      WITH n AS (SELECT i, (2000000 + i * 7)::text AS body FROM generate_series(1, $1 * 2) i),
           c AS (SELECT i, body || ((11 - (
                    substr(body,1,1)::int*2 + substr(body,2,1)::int*7 + substr(body,3,1)::int*6 + substr(body,4,1)::int*5 +
                    substr(body,5,1)::int*4 + substr(body,6,1)::int*3 + substr(body,7,1)::int*2) % 11) % 11)::text AS cvr
                   FROM n)
      INSERT INTO company (cvr, name, industry, ordinary_employees)
      SELECT cvr, 'Benchfirma ' || i || ' ApS', 'Bench', 5 + (random() * 200)::int FROM c WHERE length(cvr) = 8 LIMIT $1`,
      [COMPANIES],
    );
    await step(
      'sites',
      `
      WITH pc AS (SELECT code, municipality_code, latitude, longitude, row_number() OVER (ORDER BY code) AS n FROM postal_code),
           total AS (SELECT count(*) AS k FROM pc),
           pick AS (SELECT c.id, 1 + floor(random() * total.k)::int AS n FROM company c, total)
      INSERT INTO site (company_id, name, street_address, postal_code, municipality_code, latitude, longitude)
      SELECT pick.id, 'Hovedsæde', 'Benchvej ' || pick.n, pc.code, pc.municipality_code, pc.latitude, pc.longitude
        FROM pick JOIN pc ON pc.n = pick.n`,
    );
    await step(
      'mentors',
      `
      INSERT INTO mentor (company_id, site_id, name, email, capacity)
      SELECT company_id, id, 'Mentor', 'mentor-' || id || '@bench.jobbro.dk', 3 FROM site`,
    );
    await step(
      'an employer login for one company in the first municipality',
      `
      WITH u AS (INSERT INTO app_user (email, password_hash, display_name, role) VALUES ($1, $2, 'Bench employer', 'company_admin') RETURNING id)
      INSERT INTO company_admin (company_id, user_id)
      SELECT (SELECT s.company_id FROM site s WHERE s.municipality_code = 101 ORDER BY s.company_id LIMIT 1), u.id FROM u`,
      [BENCH_EMPLOYER, await hashPassword(BENCH_PASSWORD)],
    );
    await step(
      'partnerships (company with its municipality)',
      `
      INSERT INTO partnership (company_id, job_centre_id, status, starts_on, proposed_by_side)
      SELECT s.company_id, j.id, 'active', date '2026-01-01', 'company' FROM site s JOIN job_centre j ON j.municipality_code = s.municipality_code
      ON CONFLICT DO NOTHING`,
    );
    await step(
      `${PLACEMENTS} placements`,
      `
      WITH co AS (SELECT s.company_id, s.id AS site_id, m.id AS mentor_id, row_number() OVER (ORDER BY s.company_id) AS n
                    FROM site s JOIN mentor m ON m.site_id = s.id),
           occ AS (SELECT id, isco_code, label, labels_da[1] AS label_da, row_number() OVER (ORDER BY id) AS n FROM occupation),
           k AS (SELECT (SELECT count(*) FROM co) AS companies, (SELECT count(*) FROM occ) AS occupations),
           r AS (SELECT i, 1 + floor(random() * k.companies)::int AS cn, 1 + floor(random() * k.occupations)::int AS oc,
                        random() AS r1, random() AS r2, random() AS r3 FROM generate_series(1, $1) i, k)
      INSERT INTO placement (company_id, site_id, mentor_id, type, title, occupation_id, isco_code, description, tasks,
         weekly_hours_min, weekly_hours_max, start_earliest, start_latest, duration_weeks, capacity, accommodations,
         ordinary_hours_possible, ordinary_hours_after_weeks, ordinary_hours_per_week, status, published_at)
      SELECT co.company_id, co.site_id, co.mentor_id,
             (ARRAY['internship','internship','wage_subsidy','ordinary_hours','flex_job'])[1 + floor(r.r1 * 5)::int]::placement_type,
             initcap(left(coalesce(occ.label_da, occ.label), 1)) || substr(coalesce(occ.label_da, occ.label), 2) ||
               (ARRAY[' i praktik', ' med mentor', ' på deltid', ', fleksibel start', '', ' til vores team'])[1 + r.i % 6],
             occ.id, occ.isco_code,
             (ARRAY['Vi er en lille arbejdsplads med god tid til oplæring.', 'Du bliver en del af et travlt team med en fast mentor.',
                    'Vi har plads til dig, der vil prøve kræfter med faget i dit eget tempo.', 'Stille og roligt miljø med faste rutiner.',
                    'Mulighed for flere timer og ansættelse, når det går godt.'])[1 + r.i % 5],
             ARRAY[(ARRAY['Rengøring af lokaler', 'Varemodtagelse og lager', 'Kundeservice i butikken', 'Opvask og anretning i køkkenet',
                          'Pasning af grønne områder', 'Pakning og forsendelse'])[1 + r.i % 6],
                   (ARRAY['Kasseekspedition', 'Hjælp til beboerne i plejen', 'Registrering på computer', 'Klargøring af biler',
                          'Lettere montagearbejde', 'Fodring af dyr', 'Sortering af varer'])[1 + (r.i / 6) % 7]],
             5 + floor(r.r2 * 10), 20 + floor(r.r3 * 17), date '2026-11-01' + (r.i % 60), date '2027-03-01' + (r.i % 120), 13, 1 + (r.i % 3),
             (CASE r.i % 5 WHEN 0 THEN '{no_heavy_lifting,fixed_routines}' WHEN 1 THEN '{quiet_workspace}'
                WHEN 2 THEN '{short_days,close_guidance}' WHEN 3 THEN '{no_heavy_lifting}' ELSE '{}' END)::accommodation[],
             r.r1 < 0.6, CASE WHEN r.r1 < 0.6 THEN 4 + (r.i % 8) END, CASE WHEN r.r1 < 0.6 THEN 5 END, 'published', now()
        FROM r JOIN co ON co.n = r.cn JOIN occ ON occ.n = r.oc`,
      [PLACEMENTS],
    );
    await step(
      `${CITIZENS} citizens`,
      `
      WITH pc AS (SELECT code, municipality_code, latitude, longitude, row_number() OVER (ORDER BY code) AS n FROM postal_code),
           k AS (SELECT count(*) AS total FROM pc)
      INSERT INTO citizen (job_centre_id, first_name, last_name, postal_code, municipality_code, latitude, longitude)
      SELECT j.id, 'Borger', 'Nr. ' || i, pc.code, pc.municipality_code, pc.latitude, pc.longitude
        FROM generate_series(1, $1) i, k, LATERAL (SELECT * FROM pc WHERE pc.n = 1 + ((i * 7919) % k.total)) pc
        JOIN job_centre j ON j.municipality_code = pc.municipality_code`,
      [CITIZENS],
    );
    await step(
      'target groups',
      `
      INSERT INTO citizen_target_group (citizen_id, target_group, valid_from)
      SELECT id, (ARRAY['kontanthjaelp_aktivitetsparat','dagpenge','sygedagpenge','ledighedsydelse'])[1 + (abs(hashtext(id::text)) % 4)], date '2026-01-01' FROM citizen`,
    );
    await step(
      'job goals',
      `
      WITH occ AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM occupation), k AS (SELECT count(*) AS total FROM occ)
      INSERT INTO job_goal (citizen_id, occupation_ids, own_words, hours_now, hours_later, max_commute_km)
      SELECT c.id, ARRAY[(SELECT id FROM occ WHERE occ.n = 1 + (abs(hashtext(c.id::text)) % k.total))], 'Jeg vil gerne ' || (ARRAY['arbejde i et køkken', 'have noget med rengøring at gøre', 'arbejde på et lager',
                 'være i en butik med kunder', 'arbejde med dyr', 'arbejde udenfor med planter', 'hjælpe ældre mennesker',
                 'klargøre biler'])[1 + abs(hashtext(c.id::text || 'w')) % 8] || ', gerne med faste rammer',
             10 + abs(hashtext(c.id::text)) % 15, 25, 10 + abs(hashtext(c.id::text)) % 30
        FROM citizen c, k`,
    );
    // The API stores each goal's own words as matching compares them; so does the generator.
    const started = Date.now();
    const phrases = (await db.query(`SELECT DISTINCT own_words AS w FROM job_goal`)).rows as {
      w: string;
    }[];
    for (const { w } of phrases)
      await db.query(
        `UPDATE job_goal SET own_words_terms = $2, own_words_terms_version = $3 WHERE own_words = $1`,
        [w, [...contentWords(w)], CONTENT_WORDS_VERSION],
      );
    console.log(`${'goal terms'.padEnd(40)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await step(
      'needs',
      `
      INSERT INTO citizen_need (citizen_id, accommodations)
      SELECT id, (CASE abs(hashtext(id::text)) % 3 WHEN 0 THEN '{no_heavy_lifting}' WHEN 1 THEN '{quiet_workspace}' ELSE '{}' END)::accommodation[] FROM citizen`,
    );
    await step(
      'team assignments',
      `
      INSERT INTO citizen_assignment (citizen_id, user_id, role)
      SELECT c.id, u.id, 'consultant' FROM citizen c JOIN app_user u ON u.job_centre_id = c.job_centre_id AND u.role = 'job_consultant'`,
    );
    // VACUUM too: the triggers rewrote each citizen's matching profile once per source row.
    await step('vacuum and analyze', 'VACUUM ANALYZE');
    const [{ placements }] = (await db.query(`SELECT count(*)::int AS placements FROM placement`))
      .rows as { placements: number }[];
    const [{ citizens }] = (await db.query(`SELECT count(*)::int AS citizens FROM citizen`))
      .rows as { citizens: number }[];
    console.log(
      `Done: ${placements} placements, ${citizens} citizens in ${BENCH_DIR}. Sign in as ${BENCH_CONSULTANT}.`,
    );
  } finally {
    await db.end();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
