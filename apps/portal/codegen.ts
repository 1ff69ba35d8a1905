import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every query and mutation the portal sends, generated from the committed
 * schema.graphql: a schema change that breaks a page fails `npm run typecheck`.
 * Documents are sent as strings (no GraphQL parser in the bundle).
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['apps/portal/src/**/*.{ts,tsx}', '!apps/portal/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'apps/portal/src/gql/': {
      preset: 'client',
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
