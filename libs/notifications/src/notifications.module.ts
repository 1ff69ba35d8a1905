import { Module } from '@nestjs/common';
import { DeadLetterRepository } from './dead-letters/dead-letter.repository';
import { DeadLetterResolver } from './dead-letters/dead-letter.resolver';
import { DeadLetterService } from './dead-letters/dead-letter.service';
import { MailDelivery } from './mail.delivery';
import { MailOutbox } from './mail.outbox';
import { MailSender } from './mail.sender';

/**
 * Mail: features enqueue with MailOutbox in their transaction; MailDelivery sends what the outbox
 * relay hands it (MailSender); administrators list and resend dead letters (DeadLetterResolver).
 */
@Module({
  providers: [
    MailOutbox,
    MailSender,
    MailDelivery,
    DeadLetterRepository,
    DeadLetterService,
    DeadLetterResolver,
  ],
  exports: [MailOutbox],
})
export class NotificationsModule {}
