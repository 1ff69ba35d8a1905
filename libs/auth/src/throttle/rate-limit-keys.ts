import { createHmac, hkdfSync } from 'node:crypto';
import { AppConfig } from '@jobbro/core';
import { Injectable } from '@nestjs/common';

/**
 * Turns an IP or an email into the key the limit tables store: an HMAC under a key derived from
 * JWT_SECRET (shared by every API process). The tables never hold who tried, and a stolen copy
 * cannot be reversed by hashing every email or every IPv4 address.
 */
@Injectable()
export class RateLimitKeys {
  private readonly secret: Buffer;

  constructor(config: AppConfig) {
    this.secret = Buffer.from(
      hkdfSync('sha256', config.jwtSecret, 'jobbro', 'rate-limit keys', 32),
    );
  }

  of(kind: string, value: string): string {
    return createHmac('sha256', this.secret).update(`${kind}\0${value}`).digest('base64url');
  }

  /** Emails as the user table compares them (citext: case-insensitive), trimmed. */
  ofEmail(kind: string, email: string): string {
    return this.of(kind, email.trim().normalize('NFC').toLowerCase());
  }
}
