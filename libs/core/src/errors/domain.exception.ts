import { interpolate, type Language, type Localized } from '../i18n/language';

/** The stable GraphQL `extensions.code` values a client can rely on. */
export type GraphqlErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/**
 * The HTTP status of a response whose error has this code. A GraphQL request that fails as a whole
 * (refused before it runs) answers with it; field errors inside a partial result keep 200, as
 * Apollo's conventions say. A `retryAfter` param (seconds) becomes a `Retry-After` header.
 */
export const HTTP_STATUS_OF: Record<GraphqlErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

export interface ErrorDefinition extends Localized {
  graphqlCode: GraphqlErrorCode;
}

/** One invalid input field, with its message in both languages. */
export interface FieldProblem {
  field: string;
  constraint: string;
  message: Localized;
}

/**
 * The base of every domain's exception. A domain defines its codes once in a table
 * (`defineErrors`) and throws `new XException('CODE', params)`; the global filter turns it into a
 * GraphQL error with `extensions.code` from the table and `extensions.reason` = the domain code.
 */
export abstract class DomainException<Code extends string = string> extends Error {
  protected abstract readonly table: Record<Code, ErrorDefinition>;

  constructor(
    readonly code: Code,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldProblem[] = [],
  ) {
    // The plain message is the code: safe to log, never carries user data.
    super(code);
    this.name = new.target.name;
  }

  get graphqlCode(): GraphqlErrorCode {
    return this.table[this.code].graphqlCode;
  }

  localizedMessage(language: Language): string {
    return interpolate(this.table[this.code][language], this.params);
  }
}

/** Builds a domain's error table; `satisfies` keeps it exhaustive over the domain's codes. */
export function defineErrors<Code extends string>(
  table: Record<Code, ErrorDefinition>,
): Record<Code, ErrorDefinition> {
  return table;
}
