import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { interpolate, languageFrom } from '../i18n/language';

/**
 * Refuses queries whose estimated cost is above `max` before they run (each field costs 1, list
 * fields multiply by their `first` argument through `complexity` field extensions).
 */
export function complexityPlugin(getSchema: () => GraphQLSchema, max: number): ApolloServerPlugin {
  return {
    requestDidStart(): Promise<
      GraphQLRequestListener<{ req?: { headers: Record<string, string> } }>
    > {
      return Promise.resolve({
        didResolveOperation({ request, document, contextValue }): Promise<void> {
          const complexity = getComplexity({
            schema: getSchema(),
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max) {
            const language = languageFrom(contextValue.req?.headers['accept-language']);
            const template =
              language === 'da'
                ? 'Forespørgslen er for stor ({complexity} > {max}). Del den op.'
                : 'The query is too large ({complexity} > {max}). Split it up.';
            throw new GraphQLError(interpolate(template, { complexity, max }), {
              extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' },
            });
          }
          return Promise.resolve();
        },
      });
    },
  };
}
