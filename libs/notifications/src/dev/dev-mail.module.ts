import { Module } from '@nestjs/common';
import { DevMailController } from './dev-mail.controller';

/** GET /dev/mail. AppModule imports it only outside production. */
@Module({ controllers: [DevMailController] })
export class DevMailModule {}
