import { codeLabels, type Weekday, WEEKDAYS } from '@jobbro/reference';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../core/src/database/data-source-options';
import { createTestDatabase } from '../../testing/src/database';
import { MatchingRepository } from './matching.repository';
import { hardFilters, passesAll } from './rules/hard-filters';
import type { MatchCitizen, MatchPlacement } from './rules/match-types';
import { CONTENT_WORDS_VERSION, contentWords } from '@jobbro/core';
import { DEFAULT_WEIGHTS, scoreFactors, totalScore } from './rules/scoring';
import { seededRandom } from '../../testing/src/random';
import { aValidCvr } from '../../testing/src/builders';
import { seededRuleHistory } from '@jobbro/rules/testing/rule-fixtures';

/** The not-the-last-employer rows the migrations seed, for both periods. */
const RULES = seededRuleHistory();

/** The catalogues' labels; target groups read as words here (their table is in the database). */
const LABELS = codeLabels();
const TODAY = '2026-11-25';

/**
 * The reverse-matching shortlist is cut in SQL; this checks, on random citizens in a real
 * database, that the cut never loses a citizen the explainable rules would have put on the list.
 */
describe('reverse matching candidates from PostgreSQL', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  let repo: MatchingRepository;
  let centre: string;
  let all: string[];
  /** Two real companies: one recorded as an employer by id, one by CVR only. */
  const employers: { id: string; cvr: string }[] = [];
  const r = seededRandom(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const QUALIFICATIONS = ['driving_licence_b', 'danish_spoken', 'forklift_certificate'];
  const someOf = (xs: readonly string[], p: number): string[] => xs.filter(() => r() < p);
  const days = (): Weekday[] | null => {
    const chosen = WEEKDAYS.filter(() => r() < 0.6);
    return chosen.length ? chosen : null;
  };
  const hour = (from: number, to: number): string =>
    `${String(from + Math.floor(r() * (to - from))).padStart(2, '0')}:${pick(['00', '30'])}`;
  /** Working times with every part sometimes unknown, ends after starts. */
  const workingTimes = () => {
    const from = r() < 0.6 ? hour(6, 11) : null;
    const until = r() < 0.6 ? hour(13, 22) : null;
    return { weekdays: r() < 0.7 ? days() : null, from, until };
  };

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    repo = new MatchingRepository(ds);
    [{ id: centre }] = await ds.query<{ id: string }[]>(
      `INSERT INTO job_centre (name, municipality_code) VALUES ('Jobcenter Tilfældig', 101) RETURNING id`,
    );
    const places = await ds.query<
      { code: string; municipality: number; lat: number; lon: number }[]
    >(
      `SELECT code, municipality_code AS municipality, latitude AS lat, longitude AS lon FROM postal_code
        WHERE latitude BETWEEN 55.5 AND 55.9 AND longitude BETWEEN 12.2 AND 12.7`,
    );
    const occupations = await ds.query<{ id: string }[]>(
      `SELECT id FROM occupation WHERE left(isco_code, 1) IN ('5', '9') ORDER BY id LIMIT 60`,
    );
    const words = ['køkken', 'lager', 'rengøring', 'kunder', 'butik', 'dyr', 'pleje', 'biler'];
    for (let i = 0; i < 2; i++) {
      const cvr = aValidCvr();
      const [company] = await ds.query<{ id: string }[]>(
        `INSERT INTO company (cvr, name, ordinary_employees) VALUES ($1, $2, 20) RETURNING id`,
        [cvr, `Arbejdsgiver ${i}`],
      );
      employers.push({ id: company.id, cvr });
    }
    for (let i = 0; i < 250; i++) {
      const place = pick(places);
      const [{ id }] = await ds.query<{ id: string }[]>(
        `INSERT INTO citizen (job_centre_id, first_name, last_name, postal_code, municipality_code, latitude, longitude, status)
         VALUES ($1, 'Borger', $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          centre,
          `Nr. ${i}`,
          place.code,
          place.municipality,
          place.lat,
          place.lon,
          r() < 0.9 ? 'active' : 'closed',
        ],
      );
      const ownWords = `Jeg vil gerne arbejde med ${pick(words)} og ${pick(words)}`;
      if (r() < 0.9)
        await ds.query(
          `INSERT INTO job_goal (citizen_id, occupation_ids, own_words, hours_now, hours_later, max_commute_km, earliest_start, own_words_terms, own_words_terms_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            id,
            r() < 0.2 ? [] : [pick(occupations).id],
            ownWords,
            r() < 0.2 ? null : 5 + Math.floor(r() * 20),
            r() < 0.2 ? null : 15 + Math.floor(r() * 25),
            r() < 0.2 ? null : 5 + Math.floor(r() * 40),
            r() < 0.5 ? null : `2027-0${1 + Math.floor(r() * 6)}-01`,
            // As the API stores them, except for some rows written without (the best case then).
            ...(r() < 0.85
              ? [[...contentWords(ownWords)], CONTENT_WORDS_VERSION]
              : r() < 0.5
                ? [null, null]
                : // Stored by an older contentWords that found other words: not to be trusted.
                  [['gammel'], CONTENT_WORDS_VERSION - 1]),
          ],
        );
      if (r() < 0.5)
        await ds.query(`INSERT INTO citizen_need (citizen_id, accommodations) VALUES ($1, $2)`, [
          id,
          r() < 0.5 ? ['no_heavy_lifting'] : ['quiet_workspace'],
        ]);
      if (r() < 0.85)
        await ds.query(
          `INSERT INTO citizen_target_group (citizen_id, target_group, valid_from) VALUES ($1, $2, '2026-01-01')`,
          [
            id,
            pick([
              'dagpenge',
              'dagpenge_dimittend',
              'sygedagpenge',
              'jobafklaring',
              'ledighedsydelse',
              'kontanthjaelp_aktivitetsparat',
            ]),
          ],
        );
      for (const q of someOf(QUALIFICATIONS, 0.5))
        await ds.query(
          `INSERT INTO citizen_qualification (citizen_id, qualification, confirmed_on) VALUES ($1, $2, '2026-01-01')`,
          [id, q],
        );
      if (r() < 0.6) {
        const t = workingTimes();
        await ds.query(
          `INSERT INTO citizen_need (citizen_id, available_days, available_from, available_until)
           VALUES ($1, $2::weekday[], $3, $4)
           ON CONFLICT (citizen_id) DO UPDATE SET available_days = $2::weekday[], available_from = $3, available_until = $4`,
          [id, t.weekdays, t.from, t.until],
        );
      }
      if (r() < 0.5) await employment(id);
    }
    // Most recent: an ongoing job, or the latest end; by company id, by CVR, or neither.
    async function employment(id: string): Promise<void> {
      const employer = pick(employers);
      const how = Math.floor(r() * 3);
      await ds.query(
        `INSERT INTO citizen_employment (citizen_id, company_id, employer_name, cvr, started_on, ended_on)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          id,
          how === 0 ? employer.id : null,
          how === 0 ? null : 'Tidligere arbejdsgiver',
          how === 1 ? employer.cvr : null,
          `20${10 + Math.floor(r() * 15)}-01-01`,
          r() < 0.3 ? null : `2025-0${1 + Math.floor(r() * 9)}-01`,
        ],
      );
    }
    // Changes after the fact: reverse matching reads a profile kept by triggers, which must follow
    // updates, deletes and new rows in every source table as well as the first inserts.
    const ids = (await ds.query<{ id: string }[]>(`SELECT id FROM citizen ORDER BY id`)).map(
      (x) => x.id,
    );
    for (const id of ids.slice(0, 120)) {
      const change = Math.floor(r() * 9);
      if (change === 0)
        await ds.query(
          `UPDATE job_goal SET occupation_ids = $2, hours_now = 20 WHERE citizen_id = $1`,
          [id, [pick(occupations).id]],
        );
      else if (change === 1) await ds.query(`DELETE FROM citizen_need WHERE citizen_id = $1`, [id]);
      else if (change === 2)
        await ds
          .query(`UPDATE citizen_target_group SET valid_to = '2026-06-30' WHERE citizen_id = $1;`, [
            id,
          ])
          .then(() =>
            ds.query(
              `INSERT INTO citizen_target_group (citizen_id, target_group, valid_from) VALUES ($1, 'ledighedsydelse', '2026-07-01')`,
              [id],
            ),
          );
      else if (change === 3)
        await ds.query(`UPDATE citizen SET status = $2 WHERE id = $1`, [
          id,
          r() < 0.5 ? 'active' : 'paused',
        ]);
      else if (change === 4) {
        const place = pick(places);
        await ds.query(`UPDATE citizen SET latitude = $2, longitude = $3 WHERE id = $1`, [
          id,
          place.lat,
          place.lon,
        ]);
      } else if (change === 5)
        await ds.query(`DELETE FROM citizen_qualification WHERE citizen_id = $1`, [id]);
      else if (change === 6) await employment(id);
      else if (change === 7)
        await ds.query(`UPDATE citizen_need SET available_days = NULL WHERE citizen_id = $1`, [id]);
      else
        await ds.query(
          `INSERT INTO job_goal (citizen_id, occupation_ids, own_words, priority) VALUES ($1, $2, 'Lager og kunder', 1)`,
          [id, [pick(occupations).id]],
        );
    }
    all = (await ds.query<{ id: string }[]>(`SELECT id FROM citizen WHERE status = 'active'`)).map(
      (x) => x.id,
    );
  });
  afterAll(async () => {
    await ds.destroy();
    await drop();
  });

  const slot = (i: number): MatchPlacement => {
    const ordinary = r() < 0.6;
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      companyId: r() < 0.6 ? pick(employers).id : '11111111-1111-4111-8111-111111111111',
      type: pick(['internship', 'wage_subsidy', 'ordinary_hours', 'flex_job'] as const),
      status: 'published',
      title: `Praktik med ${pick(['køkken', 'lager', 'rengøring', 'kunder'])}`,
      description: '',
      tasks: [],
      iscoCode: pick(['5120', '5131', '9412', '9112', '5223', '9333']),
      occupationLabel: 'x',
      capacity: 1,
      occupied: 0,
      weeklyHoursMin: 5 + Math.floor(r() * 15),
      weeklyHoursMax: 20 + Math.floor(r() * 17),
      startEarliest: pick(['2026-12-01', '2027-02-01', '2027-05-01']),
      startLatest: r() < 0.3 ? null : '2027-04-01',
      accommodations: r() < 0.5 ? ['no_heavy_lifting'] : r() < 0.5 ? ['quiet_workspace'] : [],
      requirements: someOf(QUALIFICATIONS, 0.2),
      ordinaryHoursPossible: ordinary,
      ordinaryHoursAfterWeeks: ordinary ? 4 : null,
      ordinaryHoursPerWeek: ordinary ? 5 : null,
      latitude: 55.6 + r() * 0.2,
      longitude: 12.3 + r() * 0.3,
      mentorFreeCapacity: 1,
      trackRecord: null,
      workingTimes: r() < 0.7 ? workingTimes() : null,
    };
  };

  const best = (citizens: (MatchCitizen & { id: string })[], p: MatchPlacement, first: number) =>
    citizens
      .filter((c) => passesAll(hardFilters(c, p, TODAY, RULES, LABELS)))
      .map((c) => ({ id: c.id, score: totalScore(scoreFactors(c, p, TODAY)) }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, first);

  it('give exactly the top the rules give over every active citizen, for random slots', async () => {
    const everyone = await repo.citizensByIds(all, TODAY);
    let shortlisted = 0;
    for (let i = 0; i < 25; i++) {
      const p = slot(i);
      for (const first of [1, 5, 20]) {
        shortlisted += (
          await repo.citizenShortlist(centre, p, TODAY, RULES, first, DEFAULT_WEIGHTS)
        ).length;
        const { candidates } = await repo.citizenCandidates(
          centre,
          p,
          TODAY,
          RULES,
          first,
          DEFAULT_WEIGHTS,
        );
        expect(best(candidates, p, first)).toEqual(best(everyone, p, first));
      }
    }
    // The cut must cut: far fewer than every citizen for every slot.
    expect(shortlisted).toBeLessThan(25 * 3 * all.length * 0.5);
  });

  it('exclude by every hard filter the rules have: each one fails somebody in this world', async () => {
    const everyone = await repo.citizensByIds(all, TODAY);
    const failing = new Set<string>();
    for (let i = 200; i < 240; i++) {
      const p = slot(i);
      for (const c of everyone)
        for (const f of hardFilters(c, p, TODAY, RULES, LABELS))
          if (!f.passed) failing.add(f.filter);
    }
    expect([...failing]).toEqual(
      expect.arrayContaining(['requirements', 'availability', 'notLastEmployer', 'typeAllowed']),
    );
  });

  it('agree on a slot without a site: no distance, never one to 0,0', async () => {
    const everyone = await repo.citizensByIds(all, TODAY);
    let found = 0;
    for (let i = 100; i < 110; i++) {
      const p = { ...slot(i), latitude: null, longitude: null };
      for (const first of [1, 5, 20]) {
        const { candidates } = await repo.citizenCandidates(
          centre,
          p,
          TODAY,
          RULES,
          first,
          DEFAULT_WEIGHTS,
        );
        expect(best(candidates, p, first)).toEqual(best(everyone, p, first));
        found += candidates.length;
      }
    }
    // Citizens without a commute limit still fit it.
    expect(found).toBeGreaterThan(0);
  });
});

/** The matching profile under two writers of one citizen, on real connections. */
describe('citizen matching profile under concurrent writers', () => {
  it('follows a move to another job centre made while the goal is being edited', async () => {
    const db = await createTestDatabase();
    const writers = [
      new Client({ connectionString: db.url }),
      new Client({ connectionString: db.url }),
    ];
    const [mover, editor] = writers;
    await Promise.all(writers.map((c) => c.connect()));
    try {
      const centre = async (code: number): Promise<string> =>
        (
          (
            await mover.query(
              `INSERT INTO job_centre (name, municipality_code) VALUES ($1, $2) RETURNING id`,
              [`Jobcenter ${code}`, code],
            )
          ).rows as { id: string }[]
        )[0].id;
      const [from, to] = [await centre(101), await centre(147)];
      const [{ id }] = (
        await mover.query(
          `INSERT INTO citizen (job_centre_id, first_name, last_name, postal_code, municipality_code, latitude, longitude)
           VALUES ($1, 'Borger', 'Flytter', '2300', 101, 55.66, 12.6) RETURNING id`,
          [from],
        )
      ).rows as { id: string }[];
      await mover.query(
        `INSERT INTO job_goal (citizen_id, own_words, hours_now) VALUES ($1, 'Lager', 10)`,
        [id],
      );
      await mover.query('BEGIN');
      await mover.query(`UPDATE citizen SET job_centre_id = $2 WHERE id = $1`, [id, to]);
      const edit = editor.query(`UPDATE job_goal SET hours_now = 20 WHERE citizen_id = $1`, [id]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await mover.query('COMMIT');
      await edit;
      const [profile] = (
        await editor.query(
          `SELECT job_centre_id AS "jobCentreId", hours_now AS "hoursNow" FROM citizen_match_profile WHERE citizen_id = $1`,
          [id],
        )
      ).rows as { jobCentreId: string; hoursNow: number }[];
      expect(profile).toEqual({ jobCentreId: to, hoursNow: 20 });
    } finally {
      await Promise.all(writers.map((c) => c.end()));
      await db.drop();
    }
  });
});
