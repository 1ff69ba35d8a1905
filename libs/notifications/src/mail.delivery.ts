import { AppConfig, OutboxRelay } from '@jobbro/core';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { MailRequest } from './mail';
import { MailSender } from './mail.sender';
import { unseal } from './sealed';
import { renderMail } from './templates';

/**
 * Delivers `mail.requested` outbox events wherever the relay runs (in the API process or the
 * worker). The relay claims each message with a lease and retries a failed send with exponential
 * backoff and jitter (MAIL_RETRY_BASE_MS doubling up to MAIL_RETRY_MAX_MS); after
 * MAIL_MAX_ATTEMPTS, or at once for a permanent refusal (5xx, bad address), the message is a dead
 * letter for an administrator (deadLetterMessages, resendMessage). A crash after the SMTP server
 * accepted a message and before the relay marked it sends it once more with the same Message-ID,
 * never zero times.
 */
@Injectable()
export class MailDelivery implements OnApplicationBootstrap {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly sender: MailSender,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.on(
      'mail.requested',
      async ({ messageId, sealed }) => {
        const request = unseal<MailRequest>(this.config.cprEncryptionKey, sealed);
        await this.sender.send(
          messageId,
          request.to,
          renderMail(request.kind, request.language, request.params),
          request.calendar,
        );
      },
      {
        maxAttempts: this.config.mailMaxAttempts,
        baseDelayMs: this.config.mailRetryBaseMs,
        maxDelayMs: this.config.mailRetryMaxMs,
      },
    );
  }
}
