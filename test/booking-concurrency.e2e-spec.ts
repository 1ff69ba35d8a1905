import { Role } from '@jobbro/core';
import {
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  occupationByLabel,
  type TestApp,
  createTestApp,
} from '@jobbro/testing';

/**
 * Never overbooked, under any concurrency: 1,600 booking attempts race over real HTTP requests
 * and real PostgreSQL connections against slots and mentors with capacities of 1 to 3.
 *
 * - 24 slots each with a mentor of their own who has room (capacity 5): the slot's capacity
 *   (1, 2 or 3) binds, so exactly min(attempts, capacity) bookings succeed per slot.
 * - 8 mentors with capacity 1, 2 or 3, each named on two slots of capacity 3: the mentor binds,
 *   so exactly min(attempts, mentor capacity) bookings succeed per mentor.
 *
 * Every attempt books its own citizen's accepted proposal for the same period. Every success has
 * exactly one booking row; every failure is a CONFLICT that names the full slot or mentor; and
 * the failed proposals, their history and the bookings table carry nothing of the failures.
 */
const ATTEMPTS = 1600;
// Below the pool of 20 connections with room: each booking also reads outside its transaction.
const CONCURRENCY = 10;
const SLOT_BOUND = 24;
const MENTOR_BOUND = 8;

interface Slot {
  id: string;
  capacity: number;
  mentorId: string;
  mentorCapacity: number;
  bound: 'slot' | 'mentor';
}

describe('booking under concurrency', () => {
  let t: TestApp;
  let consultant: Api;
  const slots: Slot[] = [];
  const attempts: { proposalId: string; slot: Slot }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    const centre = await aJobCentre(ds);
    const user = await aUser().withRole(Role.JobConsultant).inJobCentre(centre.id).build(ds);
    consultant = await new Api(t.http).signIn(user.email, user.password);
    const admin = await aUser().withRole(Role.CompanyAdmin).build(ds);
    const company = await aCompany(ds, admin.id);
    await aPartnership(ds, company.id, centre.id, 'active');
    const occupation = await occupationByLabel(ds, 'cook');

    const mentor = async (capacity: number): Promise<string> => {
      const [row] = await ds.query<{ id: string }[]>(
        `INSERT INTO mentor (company_id, site_id, name, email, capacity)
         VALUES ($1, $2, 'Mentor', 'mentor-' || gen_random_uuid() || '@test.jobbro.dk', $3) RETURNING id`,
        [company.id, company.siteId, capacity],
      );
      return row.id;
    };
    const slot = async (capacity: number, mentorId: string): Promise<string> => {
      const [row] = await ds.query<{ id: string }[]>(
        `INSERT INTO placement (company_id, site_id, mentor_id, type, title, description, tasks, occupation_id, isco_code,
           weekly_hours_min, weekly_hours_max, start_earliest, duration_weeks, capacity, status, published_at)
         SELECT $1, $2, $3, 'internship', 'Køkkenhjælper', '', ARRAY['Opvask'], o.id, o.isco_code, 10, 20, current_date, 8, $4,
                'published', now()
           FROM occupation o WHERE o.id = $5 RETURNING id`,
        [company.id, company.siteId, mentorId, capacity, occupation.id],
      );
      return row.id;
    };
    for (let i = 0; i < SLOT_BOUND; i++) {
      const capacity = (i % 3) + 1;
      const mentorId = await mentor(5);
      slots.push({
        id: await slot(capacity, mentorId),
        capacity,
        mentorId,
        mentorCapacity: 5,
        bound: 'slot',
      });
    }
    for (let i = 0; i < MENTOR_BOUND; i++) {
      const mentorCapacity = (i % 3) + 1;
      const mentorId = await mentor(mentorCapacity);
      for (let k = 0; k < 2; k++)
        slots.push({
          id: await slot(3, mentorId),
          capacity: 3,
          mentorId,
          mentorCapacity,
          bound: 'mentor',
        });
    }

    // One citizen and one accepted proposal per attempt, spread evenly over the slots.
    const citizens = await ds.query<{ id: string }[]>(
      `INSERT INTO citizen (job_centre_id, first_name, last_name, postal_code, municipality_code, latitude, longitude)
       SELECT $1, 'Borger', 'Nr ' || n, pc.code, pc.municipality_code, pc.latitude, pc.longitude
         FROM generate_series(1, $2) AS n, postal_code pc WHERE pc.code = '2300' RETURNING id`,
      [centre.id, ATTEMPTS],
    );
    // The rules pass for every attempt: an activity-ready target group (4 weeks of up to 13), and
    // a company large enough that the reasonableness rule allows every seat at its one site.
    await ds.query(
      `INSERT INTO citizen_target_group (citizen_id, target_group, valid_from)
       SELECT id, 'kontanthjaelp_aktivitetsparat', '2020-01-01' FROM unnest($1::uuid[]) AS id`,
      [citizens.map((c) => c.id)],
    );
    await ds.query(`UPDATE company SET ordinary_employees = 1000 WHERE id = $1`, [company.id]);
    const placementIds = citizens.map((_, i) => slots[i % slots.length].id);
    const proposals = await ds.query<{ id: string; placementId: string }[]>(
      `INSERT INTO proposal (job_centre_id, citizen_id, placement_id, company_id, period, weekly_hours, status, proposed_by)
       SELECT $1, c, p, $3, daterange(current_date + 14, current_date + 41, '[]'), 15, 'accepted_by_employer', $4
         FROM unnest($2::uuid[], $5::uuid[]) AS x(c, p)
       RETURNING id, placement_id AS "placementId"`,
      [centre.id, citizens.map((c) => c.id), company.id, user.id, placementIds],
    );
    const byId = new Map(slots.map((s) => [s.id, s]));
    for (const p of proposals) attempts.push({ proposalId: p.id, slot: byId.get(p.placementId)! });
  });
  afterAll(() => t.close());

  it(`lets exactly min(attempts, capacity) of ${ATTEMPTS} racing bookings through per slot and per mentor`, async () => {
    // Shuffled, so every slot sees its attempts interleaved with all the others.
    const queue = [...attempts].sort(() => Math.random() - 0.5);
    const results: {
      proposalId: string;
      slot: Slot;
      ok: boolean;
      code?: string;
      reason?: string;
    }[] = [];
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = queue.pop(); next; next = queue.pop()) {
          const res = await consultant.run(
            `mutation($input: BookProposalInput!) { bookProposal(input: $input) { id status } }`,
            { input: { proposalId: next.proposalId } },
          );
          const error = res.errors?.[0];
          results.push({
            ...next,
            ok: !error,
            code: error?.extensions.code,
            reason: error?.extensions.reason,
          });
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const successes = results.filter((r) => r.ok);
    console.log(
      `booking race: ${results.length} attempts over ${CONCURRENCY} connections in ${seconds.toFixed(1)} s ` +
        `(${(results.length / seconds).toFixed(0)}/s): ${successes.length} booked, ${results.length - successes.length} refused`,
    );
    expect(results).toHaveLength(ATTEMPTS);

    const count = (pick: (r: (typeof results)[number]) => boolean) =>
      results.filter((r) => r.ok && pick(r)).length;
    for (const slot of slots.filter((s) => s.bound === 'slot')) {
      const tried = attempts.filter((a) => a.slot.id === slot.id).length;
      expect({ slot: slot.id, booked: count((r) => r.slot.id === slot.id) }).toEqual({
        slot: slot.id,
        booked: Math.min(tried, slot.capacity),
      });
    }
    for (const mentorId of new Set(
      slots.filter((s) => s.bound === 'mentor').map((s) => s.mentorId),
    )) {
      const capacity = slots.find((s) => s.mentorId === mentorId)!.mentorCapacity;
      const tried = attempts.filter((a) => a.slot.mentorId === mentorId).length;
      expect({ mentor: mentorId, booked: count((r) => r.slot.mentorId === mentorId) }).toEqual({
        mentor: mentorId,
        booked: Math.min(tried, capacity),
      });
    }

    // Every failure is a clear CONFLICT naming what is full, and what it names is full. A slot
    // whose own capacity binds is refused as such; a mentor-bound slot usually names its mentor,
    // but may name itself when the mentor's seats all landed on it (then both are full).
    const refusals = results.filter((r) => !r.ok);
    expect(new Set(refusals.map((r) => r.code))).toEqual(new Set(['CONFLICT']));
    const full = (r: (typeof results)[number]) =>
      r.reason === 'NO_FREE_SEAT'
        ? count((o) => o.slot.id === r.slot.id) === r.slot.capacity
        : r.reason === 'NO_FREE_MENTOR_SEAT' &&
          count((o) => o.slot.mentorId === r.slot.mentorId) === r.slot.mentorCapacity;
    expect(refusals.filter((r) => !full(r))).toEqual([]);
    for (const r of refusals.filter((o) => o.slot.bound === 'slot'))
      expect(r.reason).toBe('NO_FREE_SEAT');

    // Exactly one booking row per success and none for a failure; failures left no trace.
    const ds = t.dataSource;
    const bookings = await ds.query<{ proposalId: string }[]>(
      `SELECT proposal_id AS "proposalId" FROM booking`,
    );
    expect(bookings.map((b) => b.proposalId).sort()).toEqual(
      successes.map((s) => s.proposalId).sort(),
    );
    const statuses = await ds.query<{ status: string; n: number }[]>(
      `SELECT status, count(*)::int AS n FROM proposal GROUP BY status ORDER BY status`,
    );
    expect(statuses).toEqual([
      { status: 'accepted_by_employer', n: refusals.length },
      { status: 'booked', n: successes.length },
    ]);
    const [{ events }] = await ds.query<{ events: number }[]>(
      `SELECT count(*)::int AS events FROM proposal_event`,
    );
    expect(events).toBe(successes.length);
    // And on no day does any slot or mentor hold more seats than its capacity.
    const over = await ds.query(
      `SELECT b.placement_id, d::date, count(*) FROM booking b JOIN placement p ON p.id = b.placement_id,
              generate_series(lower(b.period), upper(b.period) - 1, interval '1 day') AS d
        GROUP BY b.placement_id, p.capacity, d HAVING count(*) > p.capacity
       UNION ALL
       SELECT b.mentor_id, d::date, count(*) FROM booking b JOIN mentor m ON m.id = b.mentor_id,
              generate_series(lower(b.period), upper(b.period) - 1, interval '1 day') AS d
        GROUP BY b.mentor_id, m.capacity, d HAVING count(*) > m.capacity`,
    );
    expect(over).toEqual([]);
  }, 300_000);
});
