import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import type {
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  ValidationContext,
} from 'graphql';
import { Kind } from 'graphql';
import { CommonException } from '../errors/common.exception';
import { DATABASE_RETRY_AFTER } from '../errors/database-errors';
import { type GraphqlErrorCode, HTTP_STATUS_OF } from '../errors/domain.exception';
import { type Language, languageFrom } from '../i18n/language';
import { toGraphqlError } from './error.filter';
import { coerceVariables, unsafeTextFields } from './input-guard';
import { operationCost } from './query-cost';

interface EdgeContext extends BaseContext {
  req?: { headers: Record<string, string | string[] | undefined> };
}

function languageOf(context: EdgeContext): Language {
  const header = context.req?.headers['accept-language'];
  return languageFrom(Array.isArray(header) ? header[0] : header);
}

export interface RequestGuardOptions {
  getSchema: () => GraphQLSchema;
  /** The most an operation may cost (see field-costs.ts). */
  maxCost: number;
  /** Past this many milliseconds of execution, fields not yet started fail instead of running. */
  timeBudgetMs: number;
}

/**
 * Checks every operation before any guard, pipe or resolver runs, in this order: no NUL or lone
 * surrogate anywhere in its text (variables and literals); variables of the declared types
 * (coerced as execution would, so what follows sees real values, and reported by field path
 * without echoing the value); a cost within `maxCost`. Then bounds execution by a time budget.
 *
 * Refusals are thrown as GraphQL errors with a code; httpStatusPlugin gives them their status.
 */
export function requestGuardPlugin(options: RequestGuardOptions): ApolloServerPlugin<EdgeContext> {
  return {
    requestDidStart(): Promise<GraphQLRequestListener<EdgeContext>> {
      return Promise.resolve({
        didResolveOperation({ request, document, operation, contextValue }): Promise<void> {
          const language = languageOf(contextValue);
          const unsafe = unsafeTextFields(document, request.variables);
          if (unsafe.length > 0) {
            throw toGraphqlError(new CommonException('VALIDATION_FAILED', {}, unsafe), language);
          }
          if (!operation) return Promise.resolve();
          const schema = options.getSchema();
          const { values, problems } = coerceVariables(schema, operation, request.variables);
          if (problems.length > 0) {
            throw toGraphqlError(new CommonException('VALIDATION_FAILED', {}, problems), language);
          }
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) {
              fragments[definition.name.value] = definition;
            }
          }
          const cost = operationCost(schema, operation, fragments, values);
          if (cost > options.maxCost) {
            const complexity = Number.isFinite(cost) ? Math.ceil(cost) : '∞';
            throw toGraphqlError(
              new CommonException('QUERY_TOO_COMPLEX', { complexity, max: options.maxCost }),
              language,
            );
          }
          return Promise.resolve();
        },

        executionDidStart({ contextValue }) {
          const deadline = Date.now() + options.timeBudgetMs;
          return Promise.resolve({
            willResolveField(): void {
              if (Date.now() > deadline) {
                // Each statement is bounded by statement_timeout; this stops a request from
                // chaining many of them. Fields already running finish; no new one starts.
                throw toGraphqlError(
                  new CommonException('QUERY_TIMEOUT', { retryAfter: DATABASE_RETRY_AFTER }),
                  languageOf(contextValue),
                );
              }
            },
          });
        },
      });
    },
  };
}

/**
 * For GraphQL Armor's validation rules: by default they throw out of `validate()`, which Apollo
 * answers with 500; reported on the validation context they become 400 GRAPHQL_VALIDATION_FAILED.
 */
export const reportArmorRejection = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError): void => context?.reportError(error),
  ],
};

/** Codes that mean "come back later": they set the status even beside partial data. */
const RETRY_CODES: ReadonlySet<string> = new Set<GraphqlErrorCode>([
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
]);

function isKnownCode(code: unknown): code is GraphqlErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(HTTP_STATUS_OF, code);
}

/**
 * Gives a refused request the HTTP status of its error code (HTTP_STATUS_OF): a request refused as
 * a whole (no `data`) takes its first error's status; a rate limit or an unavailable service takes
 * 429/503 wherever it was raised, with `Retry-After` from `extensions.retryAfter`. Field errors in
 * an answered request (say FORBIDDEN on one field) keep Apollo's 200.
 */
export function httpStatusPlugin(): ApolloServerPlugin {
  return {
    requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
      return Promise.resolve({
        willSendResponse({ response }): Promise<void> {
          if (response.body.kind !== 'single') return Promise.resolve();
          const { errors, data } = response.body.singleResult;
          if (!errors?.length) return Promise.resolve();
          const retry = errors.find((e) => RETRY_CODES.has(String(e.extensions?.code)));
          if (retry && isKnownCode(retry.extensions?.code)) {
            response.http.status = HTTP_STATUS_OF[retry.extensions.code];
            const after = retry.extensions.retryAfter;
            if (typeof after === 'number') response.http.headers.set('retry-after', String(after));
          } else if (data === undefined && isKnownCode(errors[0].extensions?.code)) {
            response.http.status = HTTP_STATUS_OF[errors[0].extensions.code];
          }
          return Promise.resolve();
        },
      });
    },
  };
}
