import { randomUUID } from 'node:crypto';
import { AppConfig, publishEvent } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MailKind, MailRequest } from './mail';
import { seal } from './sealed';

/**
 * How a feature sends mail: inside its own transaction, so the message exists exactly when the
 * change that caused it commits. The worker delivers it (MailDelivery).
 */
@Injectable()
export class MailOutbox {
  constructor(private readonly config: AppConfig) {}

  /** Returns the message id (also its Message-ID), useful to find the message again. */
  async enqueue<K extends MailKind>(
    manager: EntityManager,
    request: MailRequest<K>,
  ): Promise<string> {
    const messageId = randomUUID();
    await publishEvent(manager, 'mail.requested', messageId, {
      messageId,
      kind: request.kind,
      jobCentreId: request.jobCentreId ?? null,
      sealed: seal(this.config.cprEncryptionKey, request),
    });
    return messageId;
  }
}
