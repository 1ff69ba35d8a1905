import type { Language } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type NotificationMode = 'immediate' | 'daily_digest';

/** How to reach a user (for reminders and other mail to known users). */
export interface UserContact {
  userId: string;
  email: string;
  displayName: string;
  language: Language;
  notificationMode: NotificationMode;
  /** False for a deactivated user: send them nothing. */
  active: boolean;
}

/** Contact details and mail settings of users, by id; other modules read users through this. */
@Injectable()
export class UserDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** The users among these ids that exist (unknown ids are left out), in no particular order. */
  async contacts(userIds: readonly string[]): Promise<UserContact[]> {
    if (userIds.length === 0) return [];
    return this.dataSource.query<UserContact[]>(
      `SELECT id AS "userId", email, display_name AS "displayName",
              preferred_language AS language, notification_mode AS "notificationMode",
              disabled_at IS NULL AS active
         FROM app_user WHERE id = ANY($1::uuid[])`,
      [userIds],
    );
  }
}
