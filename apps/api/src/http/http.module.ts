import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { answerRefusals } from './body-parsers';
import { Drain } from './drain';

/**
 * The HTTP middleware that may end a request (refused bodies, shutting down). As module
 * middleware it runs after the request logger (LoggerModule is global, so its middleware comes
 * first), so every refusal is logged with its status like any other request. What must run before
 * Nest's modules (headers, CORS, the body parser) is in configureHttp.
 */
@Module({ providers: [Drain], exports: [Drain] })
export class HttpModule implements NestModule {
  constructor(private readonly drain: Drain) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(answerRefusals, this.drain.refuse)
      .forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
