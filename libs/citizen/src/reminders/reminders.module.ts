import { AuthModule } from '@jobbro/auth';
import { NotificationsModule } from '@jobbro/notifications';
import { Module } from '@nestjs/common';
import { ReminderJob } from './reminder.job';
import { ReminderRepository } from './reminder.repository';

/**
 * Reminders: the job the worker registers with `relay.every('reminders', ...)`. Part of the
 * citizen lib (it reads the case), kept out of libs/notifications, which must not know citizens.
 */
@Module({
  imports: [AuthModule, NotificationsModule],
  providers: [ReminderRepository, ReminderJob],
  exports: [ReminderJob],
})
export class RemindersModule {}
