/**
 * Who is signed in, for every page: the session, the API client bound to its token, and sign in
 * (a token is checked with `GET /api/v1/me` before it is kept) and sign out (which also drops every
 * cached answer, so the next user never sees the previous one's data).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createApiClient, type ApiClient } from '../api/api-client.js';
import type { Me } from '../api/api-types.js';
import { clearSession, loadSession, saveSession, type Session } from './session-storage.js';

export interface SessionValue {
  readonly session: Session | null;
  /** Bound to the session's token; without a session it sends no credential. */
  readonly api: ApiClient;
  /** Why the last session ended without the user asking (an expired token…), for the login page. */
  readonly endedBecause: string | null;
  signIn(token: string): Promise<Session>;
  signOut(reason?: string): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session | null>(loadSession);
  const [endedBecause, setEndedBecause] = useState<string | null>(null);

  const signOut = useCallback(
    (reason?: string) => {
      clearSession();
      queryClient.clear();
      setSession(null);
      setEndedBecause(reason ?? null);
    },
    [queryClient],
  );

  const signIn = useCallback(
    async (token: string) => {
      const me = await createApiClient({ token }).get<Me>('/api/v1/me');
      const next = { token, me };
      queryClient.clear();
      saveSession(next);
      setSession(next);
      setEndedBecause(null);
      return next;
    },
    [queryClient],
  );

  const api = useMemo(
    () =>
      createApiClient({
        token: session?.token ?? null,
        onUnauthorized: () => signOut('Your token is no longer valid (expired or revoked). Sign in again.'),
      }),
    [session, signOut],
  );

  const value = useMemo(
    () => ({ session, api, endedBecause, signIn, signOut }),
    [session, api, endedBecause, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a <SessionProvider> above it');
  return value;
}
