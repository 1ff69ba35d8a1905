import { Module } from '@nestjs/common';
import { MailDelivery } from './mail.delivery';
import { MailOutbox } from './mail.outbox';
import { MailSender } from './mail.sender';

/**
 * Mail: features enqueue with MailOutbox in their transaction; MailDelivery sends what the outbox
 * relay hands it. Kept small on purpose: the full mail system (HTML, retries and dead letters,
 * the development catcher) replaces its insides, not this interface.
 */
@Module({
  providers: [MailOutbox, MailSender, MailDelivery],
  exports: [MailOutbox],
})
export class NotificationsModule {}
