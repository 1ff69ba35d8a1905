import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { request } from '@/api/client';
import { endSession, onSessionChange, refreshAccessToken, setAccessToken } from '@/api/session';
import { graphql } from '@/gql';
import type { MeQuery, Role } from '@/gql/graphql';
import { type Language, setLanguage } from '@/i18n';

export type CurrentUser = MeQuery['me'];

const MeDocument = graphql(`
  query Me {
    me {
      id
      displayName
      email
      role
      preferredLanguage
      notificationMode
      jobCentre {
        id
        name
      }
    }
  }
`);

const SaveLanguageDocument = graphql(`
  mutation SaveLanguage($input: NotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      id
      preferredLanguage
    }
  }
`);

/** What every sign-in mutation answers with: the portal keeps only the access token. */
export interface SignedIn {
  accessToken: string;
  user: { id: string };
}

interface AuthState {
  /** undefined while the session is being restored after a reload. */
  user: CurrentUser | null | undefined;
  /** Take the tokens of login, a magic link, an invitation or a sign-up confirmation. */
  completeSignIn: (payload: SignedIn) => Promise<CurrentUser>;
  signOut: () => Promise<void>;
  /** Switch language; saved on the account when signed in. */
  changeLanguage: (language: Language) => void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined);
  const queryClient = useQueryClient();

  const loadMe = useCallback(async (): Promise<CurrentUser> => {
    const { me } = await request(MeDocument);
    if (me.preferredLanguage === 'da' || me.preferredLanguage === 'en')
      setLanguage(me.preferredLanguage);
    setUser(me);
    return me;
  }, []);

  // A reload: the access token is gone with the page; the refresh cookie may still hold a session.
  useEffect(() => {
    let cancelled = false;
    refreshAccessToken()
      .then(async (token) => {
        if (cancelled) return;
        if (token) await loadMe();
        else setUser(null);
      })
      .catch(() => !cancelled && setUser(null));
    return () => {
      cancelled = true;
    };
  }, [loadMe]);

  // The API refused a refresh (session revoked or expired): the pages show sign-in.
  useEffect(
    () =>
      onSessionChange((signedIn) => {
        if (!signedIn) {
          setUser(null);
          queryClient.clear();
        }
      }),
    [queryClient],
  );

  const value = useMemo<AuthState>(
    () => ({
      user,
      completeSignIn: async (payload) => {
        queryClient.clear();
        setAccessToken(payload.accessToken);
        return loadMe();
      },
      signOut: async () => {
        await endSession();
        queryClient.clear();
        setUser(null);
      },
      changeLanguage: (language) => {
        setLanguage(language);
        if (user) {
          void request(SaveLanguageDocument, {
            input: { language, mode: user.notificationMode },
          }).catch(() => undefined);
        }
        void queryClient.invalidateQueries();
      },
    }),
    [user, loadMe, queryClient],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user (inside pages behind RequireRole). */
export function useUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

export type { Role };
