import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `'proposed_to_citizen', 'proposed_to_employer', 'accepted_by_employer'`;

/**
 * Proposals and bookings (libs/proposal).
 *
 * - `proposal`: a citizen x slot x period on its way to a booked seat. Its life cycle is data in
 *   libs/proposal/src/rules/proposal-rules.ts; the database holds what must never be false: one
 *   open (or booked) proposal per citizen and slot, a closing reason exactly when it is closed, a
 *   period of whole days, and share scopes from the minimal profile only.
 * - `proposal_event`: every transition, with who made it (actor kind, role and user), when and
 *   why; answers a consultant recorded for the citizen are marked with how they were given.
 * - `booking`: a held seat. Capacity is enforced by seat numbers: each active booking of a slot
 *   takes a seat in 1..capacity and no two active bookings share a seat on an overlapping day
 *   (exclusion constraint), so a slot never has more active bookings on any day than seats; the
 *   same for the slot's mentor (mentor_seat in 1..mentor capacity), and a citizen is never booked
 *   twice on the same day. A trigger keeps seats within the capacities, also when a capacity is
 *   lowered. The service picks seats under row locks; these constraints are the last word.
 * - `idempotency_key`: a creating mutation's key per user and operation, the hash of its request
 *   and the id it created, so a repeated request returns the first result and creates nothing.
 */
export class ProposalsBookings1764090000018 implements MigrationInterface {
  name = 'ProposalsBookings1764090000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TYPE proposal_status AS ENUM ('proposed_to_citizen', 'proposed_to_employer',
        'accepted_by_employer', 'booked', 'declined_by_citizen', 'declined_by_employer',
        'withdrawn', 'expired', 'obsolete')`);

    await q.query(`
      CREATE TABLE proposal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_centre_id uuid NOT NULL REFERENCES job_centre (id),
        citizen_id uuid NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
        placement_id uuid NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES company (id) ON DELETE CASCADE,
        period daterange NOT NULL,
        weekly_hours numeric(4, 1) NOT NULL CHECK (weekly_hours > 0 AND weekly_hours <= 60),
        status proposal_status NOT NULL DEFAULT 'proposed_to_citizen',
        answer_due_at timestamptz,
        share_scopes text[] NOT NULL DEFAULT '{}'
          CHECK (share_scopes <@ ARRAY['first_name', 'goal_in_own_words', 'accommodations', 'availability']),
        shared_profile jsonb,
        closing_reason varchar(40),
        proposed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT proposal_period_whole_days CHECK (NOT isempty(period) AND NOT lower_inf(period)
          AND NOT upper_inf(period) AND upper(period) - lower(period) <= 731),
        CONSTRAINT proposal_closed_with_reason CHECK (
          (status IN (${OPEN}, 'booked')) = (closing_reason IS NULL)),
        CONSTRAINT proposal_due_only_when_waiting CHECK (
          answer_due_at IS NULL OR status IN ('proposed_to_citizen', 'proposed_to_employer'))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX proposal_one_open_per_citizen_and_slot ON proposal (citizen_id, placement_id)
        WHERE status IN (${OPEN}, 'booked')`);
    await q.query(`CREATE INDEX proposal_citizen ON proposal (citizen_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX proposal_company ON proposal (company_id, status, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX proposal_job_centre ON proposal (job_centre_id, status, created_at)`,
    );
    await q.query(`CREATE INDEX proposal_placement ON proposal (placement_id, status)`);
    await q.query(`
      CREATE INDEX proposal_awaiting_answer ON proposal (answer_due_at)
        WHERE status IN ('proposed_to_citizen', 'proposed_to_employer')`);

    await q.query(`
      CREATE TABLE proposal_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
        from_status proposal_status,
        to_status proposal_status NOT NULL,
        actor varchar(12) NOT NULL CHECK (actor IN ('citizen', 'employer', 'consultant', 'system')),
        actor_role varchar(30),
        actor_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        on_behalf boolean NOT NULL DEFAULT false,
        channel varchar(10) CHECK (channel IN ('meeting', 'phone', 'writing')),
        answered_at timestamptz,
        reason varchar(40),
        note varchar(1000) CHECK (note IS NULL OR length(btrim(note)) > 0),
        reason_visible_to_citizen boolean NOT NULL DEFAULT true,
        share_scopes text[],
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposal_event_on_behalf CHECK (
          on_behalf = (channel IS NOT NULL) AND on_behalf = (answered_at IS NOT NULL)
          AND (NOT on_behalf OR actor = 'citizen'))
      )`);
    await q.query(`CREATE INDEX proposal_event_proposal ON proposal_event (proposal_id, id)`);

    await q.query(`
      CREATE TABLE booking (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL UNIQUE REFERENCES proposal (id) ON DELETE CASCADE,
        placement_id uuid NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
        mentor_id uuid REFERENCES mentor (id),
        citizen_id uuid NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
        period daterange NOT NULL CHECK (NOT isempty(period)),
        seat smallint NOT NULL CHECK (seat >= 1),
        mentor_seat smallint CHECK (mentor_seat >= 1),
        released_at timestamptz,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT booking_mentor_seat CHECK ((mentor_id IS NULL) = (mentor_seat IS NULL)),
        CONSTRAINT booking_slot_seat_free EXCLUDE USING gist
          (placement_id WITH =, seat WITH =, period WITH &&) WHERE (released_at IS NULL),
        CONSTRAINT booking_mentor_seat_free EXCLUDE USING gist
          (mentor_id WITH =, mentor_seat WITH =, period WITH &&)
          WHERE (released_at IS NULL AND mentor_id IS NOT NULL),
        CONSTRAINT booking_citizen_once EXCLUDE USING gist
          (citizen_id WITH =, period WITH &&) WHERE (released_at IS NULL)
      )`);
    await q.query(
      `CREATE INDEX booking_placement ON booking USING gist (placement_id, period) WHERE released_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX booking_mentor ON booking USING gist (mentor_id, period) WHERE released_at IS NULL AND mentor_id IS NOT NULL`,
    );

    // Seats within capacities: on a booking, and when a slot's or a mentor's capacity is lowered.
    await q.query(`
      CREATE FUNCTION booking_seat_within_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.released_at IS NULL AND (
             NEW.seat > (SELECT capacity FROM placement WHERE id = NEW.placement_id)
             OR (NEW.mentor_id IS NOT NULL
                 AND NEW.mentor_seat > (SELECT capacity FROM mentor WHERE id = NEW.mentor_id))) THEN
          RAISE EXCEPTION 'booking seat beyond capacity'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'booking_seat_within_capacity';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER booking_seat_within_capacity BEFORE INSERT OR UPDATE ON booking
        FOR EACH ROW EXECUTE FUNCTION booking_seat_within_capacity()`);
    await q.query(`
      CREATE FUNCTION capacity_covers_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.capacity < OLD.capacity AND EXISTS (
             SELECT 1 FROM booking b WHERE b.released_at IS NULL AND upper(b.period) > current_date
               AND CASE TG_TABLE_NAME WHEN 'placement' THEN b.placement_id = NEW.id AND b.seat > NEW.capacity
                   ELSE b.mentor_id = NEW.id AND b.mentor_seat > NEW.capacity END) THEN
          RAISE EXCEPTION 'capacity below held seats'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'capacity_covers_bookings';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER placement_capacity_covers_bookings BEFORE UPDATE OF capacity ON placement
        FOR EACH ROW EXECUTE FUNCTION capacity_covers_bookings()`);
    await q.query(`
      CREATE TRIGGER mentor_capacity_covers_bookings BEFORE UPDATE OF capacity ON mentor
        FOR EACH ROW EXECUTE FUNCTION capacity_covers_bookings()`);

    await q.query(`
      CREATE TABLE idempotency_key (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        operation varchar(40) NOT NULL,
        key varchar(100) NOT NULL CHECK (length(key) >= 8),
        request_hash char(64) NOT NULL,
        result_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, operation, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_age ON idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`DROP TRIGGER mentor_capacity_covers_bookings ON mentor`);
    await q.query(`DROP TRIGGER placement_capacity_covers_bookings ON placement`);
    await q.query(`DROP FUNCTION capacity_covers_bookings()`);
    await q.query(`DROP TABLE booking`);
    await q.query(`DROP FUNCTION booking_seat_within_capacity()`);
    await q.query(`DROP TABLE proposal_event`);
    await q.query(`DROP TABLE proposal`);
    await q.query(`DROP TYPE proposal_status`);
    // btree_gist stays: other tables may use it by then.
  }
}
