import type { Language } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PendingSignUp {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  preferredLanguage: Language;
}

export interface ExistingAccount {
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: Language;
  /** Staff: their job centre; citizen users: their citizen's (null: company users). */
  jobCentreId: string | null;
}

/** Requested employer accounts waiting for their address to be confirmed (employer_sign_up). */
@Injectable()
export class SignUpRepository {
  async findAccountByEmail(m: EntityManager, email: string): Promise<ExistingAccount | null> {
    // citizen belongs to the citizen lib: a read-only join for the citizen user's job centre
    // (where an undeliverable mail is shown), kept here in the repository's query.
    const rows: ExistingAccount[] = await m.query(
      `SELECT u.id, u.email, u.display_name AS "displayName",
              u.preferred_language AS "preferredLanguage",
              coalesce(u.job_centre_id, c.job_centre_id) AS "jobCentreId"
         FROM app_user u LEFT JOIN citizen c ON c.user_id = u.id
        WHERE u.email = $1`,
      [email],
    );
    return rows[0] ?? null;
  }

  async insert(
    m: EntityManager,
    signUp: Omit<PendingSignUp, 'id'> & { tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    await m.query(
      `INSERT INTO employer_sign_up (email, display_name, password_hash, preferred_language, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        signUp.email,
        signUp.displayName,
        signUp.passwordHash,
        signUp.preferredLanguage,
        signUp.tokenHash,
        signUp.expiresAt,
      ],
    );
  }

  /** The unexpired sign-up for this token, locked so it can be used only once. */
  async lockUsable(m: EntityManager, tokenHash: string): Promise<PendingSignUp | null> {
    const rows: PendingSignUp[] = await m.query(
      `SELECT id, email, display_name AS "displayName", password_hash AS "passwordHash",
              preferred_language AS "preferredLanguage"
         FROM employer_sign_up
        WHERE token_hash = $1 AND expires_at > now()
        FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Once an address has an account, every pending link for it is spent. */
  async deleteForEmail(m: EntityManager, email: string): Promise<void> {
    await m.query(`DELETE FROM employer_sign_up WHERE email = $1`, [email]);
  }

  /** Expired requests (and the password hashes they hold) are not kept. */
  async deleteExpired(m: EntityManager): Promise<void> {
    await m.query(`DELETE FROM employer_sign_up WHERE expires_at <= now()`);
  }
}
