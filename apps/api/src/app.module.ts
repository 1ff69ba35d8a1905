import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { AuthModule } from '@jobbro/auth';
import { CitizenModule } from '@jobbro/citizen';
import { CompanyModule } from '@jobbro/company';
import { MatchingModule } from '@jobbro/matching';
import { ProposalModule } from '@jobbro/proposal';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  GraphqlErrorFilter,
  httpStatusPlugin,
  OutboxModule,
  reportArmorRejection,
  requestGuardPlugin,
  validationException,
} from '@jobbro/core';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { DevMailModule } from '@jobbro/notifications';
import { ReferenceModule } from '@jobbro/reference';
import { RulesModule } from '@jobbro/rules';
import { type DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { Writable } from 'node:stream';
import { LoggerModule, type Params } from 'nestjs-pino';
import { WorkerModule } from '../../worker/src/worker.module';
import { HealthModule } from './health/health.module';
import { logDestination } from './http/log-destination';
import { requestLogOptions } from './http/request-log';

/**
 * pino-http's options and destination: development writes to LOG_FILE (`.data/logs/api.log`) with
 * warnings also on the console; production JSON lines on stdout; tests their own stream.
 */
function pinoHttpParams(config: AppConfig, logStream: Writable | undefined): Params['pinoHttp'] {
  const { stream, transport } = logDestination(config, { logStream });
  // Method, path and id only: never the query string, headers or body (see request-log.ts).
  const options = { level: config.logLevel, ...requestLogOptions, transport };
  return stream ? [options, stream] : options;
}

@Module({})
export class AppModule {
  /** `logStream` lets tests capture every log line (to prove no personal data reaches it). */
  static register(config: AppConfig, options: { logStream?: Writable } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: pinoHttpParams(config, options.logStream) }),
        DatabaseModule,
        OutboxModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [GraphQLSchemaHost],
          useFactory: (schemaHost: GraphQLSchemaHost) => ({
            // In memory; schema.graphql is written and checked by test/schema.e2e-spec.ts.
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            introspection: config.graphqlIntrospection,
            // "Did you mean ...?" would hand out the schema that introspection keeps closed.
            hideSchemaDetailsFromClientErrors: config.isProduction,
            // Stack traces stay in the server log; clients get codes and messages.
            includeStacktraceInErrorResponses: false,
            // Nest would reset every executed request to 200; httpStatusPlugin decides instead.
            preserveHttpStatusForExecutionErrors: false,
            // GraphQL Armor's defaults: 15 aliases (no fan-out of one costly field), depth 8.
            // Reported as validation errors (400), not thrown out of validate() (500).
            validationRules: [
              maxAliasesRule({ n: 15, exposeLimits: true, ...reportArmorRejection }),
              maxDepthRule({ n: 8, exposeLimits: true, ...reportArmorRejection }),
            ],
            plugins: [
              requestGuardPlugin({
                getSchema: () => schemaHost.schema,
                maxCost: config.graphqlMaxComplexity,
                timeBudgetMs: config.graphqlTimeBudgetMs,
              }),
              httpStatusPlugin(),
              // Apollo's landing page loads its scripts from Apollo's CDN; development gets an
              // offline query page instead (http/graphql-sandbox.ts), production none.
              ApolloServerPluginLandingPageDisabled(),
            ],
            // res: the sign-in mutations set the portal's refresh cookie (SessionCookieInterceptor).
            context: ({ req, res }: { req: Request; res: Response }) => ({ req, res }),
            // Errors thrown in field resolvers (special-category fields) go through the same error filter.
            fieldResolverEnhancers: ['filters'],
          }),
        }),
        HealthModule,
        AuthModule,
        ReferenceModule,
        CompanyModule,
        CitizenModule,
        MatchingModule,
        RulesModule,
        ProposalModule,
        ...(config.runWorkerInProcess ? [WorkerModule] : []),
        // GET /dev/mail: the mail development caught; only in development without SMTP_URL.
        ...(DevMailModule.enabled(config) ? [DevMailModule] : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: GraphqlErrorFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            transform: true,
            whitelist: true,
            forbidNonWhitelisted: true,
            // The target lets us read constraint arguments; values are never echoed back or logged.
            validationError: { target: true, value: false },
            exceptionFactory: validationException,
          }),
        },
      ],
    };
  }
}
