import type { TypedDocumentString } from '@/gql/graphql';
import { currentLanguage } from '@/i18n';
import { ApiError, toApiError } from './errors';
import { CLIENT_HEADER, getAccessToken, refreshAccessToken } from './session';

export { ApiError } from './errors';

/**
 * Sends one typed GraphQL operation (written with `graphql()` from '@/gql') and returns its data,
 * or throws ApiError. Sends the reader's language (the API answers messages and labels in it) and
 * the access token; on UNAUTHENTICATED it refreshes the token once through the cookie and retries.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const first = await send(document, variables);
  if (first.error?.code === 'UNAUTHENTICATED' && getAccessToken() !== null) {
    if (await refreshAccessToken()) {
      const second = await send(document, variables);
      if (second.error) throw second.error;
      return second.data as TResult;
    }
  }
  if (first.error) throw first.error;
  return first.data as TResult;
}

async function send<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: unknown,
): Promise<{ data?: unknown; error?: ApiError }> {
  const token = getAccessToken();
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        ...CLIENT_HEADER,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    return { error: new ApiError('NETWORK', '') };
  }
  let body: { data?: unknown; errors?: unknown };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    return {
      error: new ApiError(
        res.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'UNKNOWN',
        '',
        undefined,
        [],
        res.status,
      ),
    };
  }
  if (Array.isArray(body.errors) && body.errors.length > 0) {
    return { error: toApiError(body.errors, res.status) };
  }
  return { data: body.data };
}

/** Downloads a file the API serves with the bearer token (e.g. a plan as PDF). */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const go = () =>
    fetch(path, {
      headers: {
        ...CLIENT_HEADER,
        'Accept-Language': currentLanguage(),
        Authorization: `Bearer ${getAccessToken() ?? ''}`,
      },
    });
  let res = await go();
  if (res.status === 401 && (await refreshAccessToken())) res = await go();
  if (!res.ok)
    throw toApiError(
      ((await res.json().catch(() => ({}))) as { errors?: unknown }).errors,
      res.status,
    );
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
