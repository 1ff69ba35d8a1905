import { registerEnumType } from '@nestjs/graphql';

/**
 * Exposes a string enum to GraphQL with conventional UPPER_CASE names (PUBLISHED) while the
 * values inside the server and the database stay lower_case ('published').
 */
export function graphqlEnum<E extends Record<string, string>>(
  values: E,
  name: string,
  description?: string,
): Record<string, string> {
  const gql = Object.fromEntries(Object.values(values).map((v) => [v.toUpperCase(), v]));
  registerEnumType(gql, { name, description });
  return gql;
}
