import { randomUUID } from 'node:crypto';
import { type MailKind, MailOutbox, type MailRequest, seal } from '@jobbro/notifications';
import type { Api } from './api';
import type { TestApp } from './test-app';

// Mail (dead letters): helpers taking an Api.

export const DEAD_LETTER_FIELDS =
  'id kind recipient attempts lastError createdAt failedAt resentCount';

export const deadLetterMessages = (api: Api, first?: number) =>
  api.run(
    `query ($first: Int) { deadLetterMessages(first: $first) { ${DEAD_LETTER_FIELDS} } }`,
    first === undefined ? {} : { first },
  );

export const resendMessage = (api: Api, id: string) =>
  api.run(`mutation ($id: ID!) { resendMessage(id: $id) { ${DEAD_LETTER_FIELDS} } }`, { id });

/** Queues a message as a feature would (in a transaction); returns its id (its Message-ID). */
export async function enqueueMail<K extends MailKind>(
  t: Pick<TestApp, 'app' | 'dataSource'>,
  request: MailRequest<K>,
): Promise<string> {
  const outbox = t.app.get(MailOutbox);
  return t.dataSource.transaction((manager) => outbox.enqueue(manager, request));
}

/**
 * A dead letter in the outbox (a message the relay gave up on), of `jobCentreId` (null: of no job
 * centre); returns its id. Sealed with the app's key, as MailOutbox would.
 */
export async function aDeadLetter(
  t: Pick<TestApp, 'dataSource' | 'config'>,
  jobCentreId: string | null,
  to = `dead-${randomUUID().slice(0, 8)}@example.dk`,
): Promise<string> {
  const messageId = randomUUID();
  const request: MailRequest<'employer-sign-up-existing'> = {
    kind: 'employer-sign-up-existing',
    to,
    language: 'da',
    params: { displayName: 'Død Post', signInUrl: 'https://jobbro.test' },
    jobCentreId,
  };
  await t.dataSource.query(
    `INSERT INTO outbox_event (type, aggregate_id, payload, attempts, last_error, dead_at, available_at)
     VALUES ('mail.requested', $1, $2, 8, '451 try again later', now(), now())`,
    [
      messageId,
      JSON.stringify({
        messageId,
        kind: request.kind,
        jobCentreId,
        sealed: seal(t.config.cprEncryptionKey, request),
      }),
    ],
  );
  return messageId;
}

/** Another dead letter like `sourceId` (same sealed message), of `jobCentreId`; returns its id. */
export async function copyDeadLetter(
  ds: TestApp['dataSource'],
  sourceId: string,
  jobCentreId: string | null,
): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO outbox_event (type, aggregate_id, payload, attempts, last_error, dead_at, available_at)
     SELECT type, $2::uuid, payload || jsonb_build_object('messageId', $2::text, 'jobCentreId', $3::text),
            attempts, last_error, now(), now()
       FROM outbox_event WHERE aggregate_id = $1`,
    [sourceId, id, jobCentreId],
  );
  return id;
}
