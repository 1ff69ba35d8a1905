import { AppConfig, OutboxRelay } from '@jobbro/core';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { MailRequest } from './mail';
import { MailSender } from './mail.sender';
import { unseal } from './sealed';
import { renderMail } from './templates';

/**
 * Delivers `mail.requested` outbox events wherever the relay runs (in the API process or the
 * worker). The relay retries a failed send with backoff; a crash after sending and before marking
 * sends the message once more (the same Message-ID), never zero times.
 */
@Injectable()
export class MailDelivery implements OnApplicationBootstrap {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly sender: MailSender,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.on('mail.requested', async ({ messageId, sealed }) => {
      const request = unseal<MailRequest>(this.config.cprEncryptionKey, sealed);
      await this.sender.send(
        messageId,
        request.to,
        renderMail(request.kind, request.language, request.params),
      );
    });
  }
}
