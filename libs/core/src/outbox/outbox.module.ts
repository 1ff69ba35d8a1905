import { Global, Module } from '@nestjs/common';
import { OutboxRelay } from './outbox.relay';

/** One relay per process; features register their handlers on it, the worker starts it. */
@Global()
@Module({ providers: [OutboxRelay], exports: [OutboxRelay] })
export class OutboxModule {}
