/** One invalid input field as the API reports it in `extensions.fields`. */
export interface FieldError {
  field: string;
  constraint?: string;
  message: string;
}

/**
 * Every failure of a request to the API, as the pages see it: `code` is the API's stable
 * `extensions.code` (or NETWORK when the API could not be reached), `reason` its domain code, and
 * `message` the API's own text in the reader's language (safe to show: it never carries a stack).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly reason?: string,
    readonly fields: FieldError[] = [],
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Someone else saved first (optimistic locking) or the thing already exists. */
  get isConflict(): boolean {
    return this.code === 'CONFLICT';
  }
}

interface GraphqlErrorShape {
  message?: unknown;
  extensions?: { code?: unknown; reason?: unknown; fields?: unknown };
}

/** The first error of a GraphQL (or REST refusal) body as an ApiError. */
export function toApiError(errors: unknown, status?: number): ApiError {
  const first = (Array.isArray(errors) ? errors[0] : undefined) as GraphqlErrorShape | undefined;
  const ext = first?.extensions ?? {};
  const code =
    typeof ext.code === 'string'
      ? ext.code
      : status && status >= 500
        ? 'INTERNAL_SERVER_ERROR'
        : 'UNKNOWN';
  const fields = Array.isArray(ext.fields)
    ? (ext.fields as unknown[]).flatMap((f): FieldError[] => {
        const o = f as { field?: unknown; constraint?: unknown; message?: unknown };
        return typeof o.field === 'string' && typeof o.message === 'string'
          ? [
              {
                field: o.field,
                message: o.message,
                constraint: typeof o.constraint === 'string' ? o.constraint : undefined,
              },
            ]
          : [];
      })
    : [];
  // A 500's text is never shown: the page names the class of problem instead.
  const message =
    code !== 'INTERNAL_SERVER_ERROR' && typeof first?.message === 'string' ? first.message : '';
  return new ApiError(
    code,
    message,
    typeof ext.reason === 'string' ? ext.reason : undefined,
    fields,
    status,
  );
}

/**
 * "Someone else saved first": the API's reasons for a stale version all end in VERSION_CONFLICT
 * (PLAN_VERSION_CONFLICT, PLACEMENT_VERSION_CONFLICT, a serialization failure's VERSION_CONFLICT).
 */
export function isVersionConflict(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.code === 'CONFLICT' &&
    (error.reason?.endsWith('VERSION_CONFLICT') ?? false)
  );
}
