import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../testing/src/database';
import { dataSourceOptions } from './data-source-options';
import { migrations } from './migrations';
import { contentWords } from '../text/content-words';

/** Every migration can be undone and redone: `down` is as real as `up`. */
describe('migrations', () => {
  it('revert all the way down and apply again to the same schema', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    const tables = async (): Promise<string[]> =>
      (
        await ds.query<
          {
            table_name: string;
          }[]
        >(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
        )
      ).map((r) => r.table_name);
    try {
      const before = await tables();
      expect(before).toEqual(
        expect.arrayContaining(['company', 'placement', 'app_user', 'outbox_event', 'occupation']),
      );
      for (let i = 0; i < migrations.length; i++)
        await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables()).toEqual(['migration']);
      await ds.runMigrations({ transaction: 'each' });
      expect(await tables()).toEqual(before);
      const [{ n }] = await ds.query<
        {
          n: number;
        }[]
      >(`SELECT count(*)::int AS n FROM occupation`);
      expect(n).toBe(2942);
      const [kok] = await ds.query<{ labelsDa: string[] }[]>(
        `SELECT labels_da AS "labelsDa" FROM occupation WHERE label = $1`,
        ['cook'],
      );
      expect(kok.labelsDa[0]).toBe('kok');
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('enforces the CVR check and the publish rule in the database itself', async () => {
    const db = await createTestDatabase();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await expect(
        client.query(
          `INSERT INTO company (cvr, name, ordinary_employees) VALUES ('12345678', 'X', 1)`,
        ),
      ).rejects.toThrow(/company_cvr_check/);
      const [{ id }] = (
        await client.query(
          `INSERT INTO company (cvr, name, ordinary_employees) VALUES ('10150817', 'X', 1) RETURNING id`,
        )
      ).rows as { id: string }[];
      await expect(
        client.query(
          `INSERT INTO placement (company_id, type, title, occupation_id, isco_code, weekly_hours_min, weekly_hours_max,
             start_earliest, duration_weeks, capacity, status)
           SELECT $1, 'internship', 'T', id, isco_code, 10, 20, '2030-01-01', 4, 1, 'published' FROM occupation LIMIT 1`,
          [id],
        ),
      ).rejects.toThrow(/placement_publishable/);
    } finally {
      await client.end();
      await db.drop();
    }
  });

  it('gives goals written before the matching profile their terms and a profile', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    try {
      // Undo every migration down to and including the matching profile's (later ones stack on it).
      for (;;) {
        const [last] = await ds.query<{ name: string }[]>(
          `SELECT name FROM migration ORDER BY id DESC LIMIT 1`,
        );
        await ds.undoLastMigration({ transaction: 'each' });
        if (last.name.startsWith('CitizenMatchProfile')) break;
      }
      const [{ centre }] = await ds.query<{ centre: string }[]>(
        `INSERT INTO job_centre (name, municipality_code) VALUES ('Jobcenter Før', 101) RETURNING id AS centre`,
      );
      const [{ citizen }] = await ds.query<{ citizen: string }[]>(
        `INSERT INTO citizen (job_centre_id, first_name, last_name, postal_code, municipality_code, latitude, longitude)
         VALUES ($1, 'Borger', 'Før', '2300', 101, 55.66, 12.6) RETURNING id AS citizen`,
        [centre],
      );
      const words = 'Jeg vil gerne arbejde i et køkken med faste rammer';
      await ds.query(`INSERT INTO job_goal (citizen_id, own_words) VALUES ($1, $2)`, [
        citizen,
        words,
      ]);
      await ds.runMigrations({ transaction: 'each' });
      const [goal] = await ds.query<{ terms: string[] }[]>(
        `SELECT own_words_terms AS terms FROM job_goal WHERE citizen_id = $1`,
        [citizen],
      );
      expect(goal.terms).toEqual([...contentWords(words)]);
      const [profile] = await ds.query<{ terms: string[]; active: boolean }[]>(
        `SELECT goal_terms AS terms, active FROM citizen_match_profile WHERE citizen_id = $1`,
        [citizen],
      );
      expect(profile).toEqual({ terms: [...contentWords(words)], active: true });
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
