/**
 * The browser session. The access token lives in memory only (never in storage); the refresh
 * token is an HttpOnly cookie the API sets on sign-in and scopes to /auth/session, so page
 * scripts never see it. A reload asks /auth/session/refresh for a new access token.
 */
import { toApiError } from './errors';

export const CLIENT_HEADER = { 'X-Jobbro-Client': 'portal' } as const;

let accessToken: string | null = null;
let refreshing: Promise<string | null> | null = null;
const listeners = new Set<(signedIn: boolean) => void>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
  for (const l of listeners) l(token !== null);
}

/** Called with false when the session ends (sign-out, or a refresh the API refused). */
export function onSessionChange(listener: (signedIn: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A new access token from the refresh cookie; null when there is no valid session. Concurrent
 * callers share one request (the API rotates the refresh token: two would spend it twice).
 */
export function refreshAccessToken(): Promise<string | null> {
  refreshing ??= (async () => {
    try {
      const res = await fetch('/auth/session/refresh', {
        method: 'POST',
        headers: { ...CLIENT_HEADER, Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!res.ok) {
        if (res.status >= 500) {
          const body = (await res.json().catch(() => ({}))) as { errors?: unknown };
          throw toApiError(body.errors, res.status);
        }
        await res.body?.cancel(); // nothing to read: the request ends here
        setAccessToken(null);
        return null;
      }
      const body = (await res.json()) as { accessToken: string };
      setAccessToken(body.accessToken);
      return body.accessToken;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Ends the session on the server (revokes the refresh token, clears the cookie) and here. */
export async function endSession(): Promise<void> {
  try {
    await fetch('/auth/session/logout', {
      method: 'POST',
      headers: { ...CLIENT_HEADER },
      credentials: 'same-origin',
    });
  } finally {
    setAccessToken(null);
  }
}
