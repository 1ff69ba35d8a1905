import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../testing/src/database';
import { dataSourceOptions } from '../database/data-source-options';
import { publishEvent } from './outbox';
import { OutboxRelay } from './outbox.relay';

describe('outbox relay', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    Logger.overrideLogger(false); // the retry below logs a warning on purpose
    const db = await createTestDatabase();
    drop = db.drop;
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await drop();
  });

  const companyId = '11111111-1111-4111-8111-111111111111';

  it('keeps no event when the transaction that wrote it rolls back', async () => {
    await expect(
      ds.transaction(async (m) => {
        await publishEvent(m, 'company.changed', companyId, { companyId });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const [{ n }] = await ds.query<
      {
        n: number;
      }[]
    >(`SELECT count(*)::int AS n FROM outbox_event`);
    expect(n).toBe(0);
  });

  it('refuses to publish outside a transaction', async () => {
    await expect(
      publishEvent(ds.manager, 'company.changed', companyId, { companyId }),
    ).rejects.toThrow(/inside a transaction/);
  });

  it('delivers committed events once, and retries a failing handler later with backoff', async () => {
    await ds.transaction((m) => publishEvent(m, 'company.changed', companyId, { companyId }));
    const relay = new OutboxRelay(ds);
    const seen: string[] = [];
    let failNext = true;
    relay.on('company.changed', (event) => {
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('index down'));
      }
      seen.push(event.companyId);
      return Promise.resolve();
    });

    expect(await relay.drain()).toBe(1);
    const [failed] = await ds.query<
      { attempts: number; lastError: string; processedAt: Date | null; later: boolean }[]
    >(
      `SELECT attempts, last_error AS "lastError", processed_at AS "processedAt", available_at > now() AS "later" FROM outbox_event`,
    );
    expect(failed).toMatchObject({
      attempts: 1,
      lastError: 'index down',
      processedAt: null,
      later: true,
    });

    await ds.query(`UPDATE outbox_event SET available_at = now()`);
    expect(await relay.drain()).toBe(1);
    expect(await relay.drain()).toBe(0);
    expect(seen).toEqual([companyId]);
  });
});
