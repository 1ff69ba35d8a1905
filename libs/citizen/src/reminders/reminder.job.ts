import { UserDirectory } from '@jobbro/auth';
import { AppConfig } from '@jobbro/core';
import { MailOutbox } from '@jobbro/notifications';
import { Injectable } from '@nestjs/common';
import { ReminderRepository } from './reminder.repository';
import {
  addDays,
  mailItem,
  planMails,
  type Reminder,
  type ReminderMail,
  reminderDays,
  remindersAreDue,
  selectReminders,
} from './reminder-rules';

/** Thrown to roll a digest back when that person's digest of the day has already gone. */
class DigestAlreadySent extends Error {}

/** How long the record of sent reminders is kept (nothing older can be due again). */
const KEEP_DAYS = 14;

/**
 * The reminder job (registered with the outbox relay in the worker, every
 * REMINDER_INTERVAL_MINUTES): from REMINDER_HOUR (Danish time) on, it selects what is due
 * (reminder-rules.ts), records each reminder in reminder_sent and enqueues its mail in one
 * transaction per mail, so each person gets each reminder at most once per item and day (per week
 * for milestones), however often the job runs and on however many workers.
 *
 * Digest: one mail per person and day. A reminder that becomes due after that person's digest of
 * the day went out is not sent that day; it goes in the next day's digest if it is still due then
 * (a milestone this week), otherwise not at all (a meeting tomorrow: the invitation was mailed).
 */
@Injectable()
export class ReminderJob {
  constructor(
    private readonly repo: ReminderRepository,
    private readonly directory: UserDirectory,
    private readonly mail: MailOutbox,
    private readonly config: AppConfig,
  ) {}

  get intervalMs(): number {
    return this.config.reminderIntervalMinutes * 60_000;
  }

  /** Returns how many mails were enqueued. */
  async run(now: Date = new Date()): Promise<number> {
    const days = reminderDays(now);
    if (!remindersAreDue(days, this.config.reminderHour)) return 0;
    const reminders = selectReminders(days, await this.repo.candidates(days));
    const userIds = new Set<string>();
    for (const r of reminders) {
      if (r.recipient.kind === 'user') userIds.add(r.recipient.userId);
      else if (r.recipient.citizen.userId) userIds.add(r.recipient.citizen.userId);
    }
    const contacts = new Map(
      (await this.directory.contacts([...userIds])).map((c) => [c.userId, c]),
    );
    let sent = 0;
    for (const mail of planMails(reminders, contacts)) {
      if (await this.send(mail, days.today)) sent += 1;
    }
    await this.repo.purgeBefore(addDays(days.today, -KEEP_DAYS));
    return sent;
  }

  /** Records and enqueues one mail; false when everything in it was sent before. */
  private async send(mail: ReminderMail, today: string): Promise<boolean> {
    const keyOf = (r: Reminder): string => `${r.item}|${r.period}`;
    try {
      return await this.repo.transaction(async (m) => {
        const fresh = await this.repo.markSent(m, mail.recipientKey, mail.reminders);
        const items = mail.reminders.filter((r) => fresh.has(keyOf(r)));
        if (items.length === 0) return false;
        if (mail.digest) {
          const digest = await this.repo.markSent(m, mail.recipientKey, [
            { item: 'digest', period: today },
          ]);
          if (digest.size === 0) throw new DigestAlreadySent();
        }
        const base = {
          to: mail.to,
          language: mail.language,
          jobCentreId: mail.jobCentreId,
          userId: mail.userId,
        };
        await (mail.digest
          ? this.mail.enqueue(m, {
              ...base,
              kind: 'reminder-digest',
              params: {
                recipientName: mail.name,
                items: items.map((r) => mailItem(r, mail.language)),
              },
            })
          : this.mail.enqueue(m, {
              ...base,
              kind: 'reminder',
              params: { recipientName: mail.name, item: mailItem(items[0], mail.language) },
            }));
        return true;
      });
    } catch (e) {
      if (e instanceof DigestAlreadySent) return false;
      throw e;
    }
  }
}
