import type { AppConfig } from '@jobbro/core';
import { Module } from '@nestjs/common';
import { DevMailController } from './dev-mail.controller';

/**
 * GET /dev/mail. AppModule imports it only when `enabled`: development (NODE_ENV unset or
 * `development`) without SMTP_URL, i.e. when mail is caught locally. Never in tests (they set
 * NODE_ENV=development to have it), with a real SMTP server (staging), or in production.
 */
@Module({ controllers: [DevMailController] })
export class DevMailModule {
  static enabled(config: AppConfig): boolean {
    return config.nodeEnv === 'development' && !config.smtpUrl;
  }
}
