import type { EntityManager } from 'typeorm';

/**
 * Domain events that other parts react to (search indexing, mail). Payloads carry ids and
 * non-personal facts only: they are stored and logged.
 */
export interface DomainEvents {
  'placement.changed': { placementId: string; status: string };
  'company.changed': { companyId: string };
  /** A mail to send. Who and what are sealed (libs/notifications): the row shows only the kind. */
  'mail.requested': {
    messageId: string;
    kind: string;
    /** Whose administrators see the message if it ends in dead letters (null: any job centre's). */
    jobCentreId?: string | null;
    sealed: string;
  };
}
export type DomainEventType = keyof DomainEvents;

/** Writes an event in the caller's transaction, so it commits or rolls back with the change. */
export async function publishEvent<T extends DomainEventType>(
  manager: EntityManager,
  type: T,
  aggregateId: string,
  payload: DomainEvents[T],
): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`publishEvent(${type}) must run inside a transaction`);
  }
  await manager.query(
    `INSERT INTO outbox_event (type, aggregate_id, payload) VALUES ($1, $2, $3)`,
    [type, aggregateId, JSON.stringify(payload)],
  );
  // Wakes the relays (LISTEN outbox_event) when, and only if, the transaction commits; several
  // events of one transaction make one notification.
  await manager.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
}

/** The PostgreSQL notification channel publishEvent signals on commit. */
export const OUTBOX_CHANNEL = 'outbox_event';
