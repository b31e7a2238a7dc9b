/**
 * POSTs for the access pages (request, approve, reject, cancel, revoke): the shared API client
 * only reads, so this sends JSON with the same bearer token and turns a refusal into the same
 * ApiError (code and message), signing out on a 401 as reads do.
 */
import { useCallback } from 'react';
import { apiErrorFrom } from '../api/api-client.js';
import { useSession } from '../session/session-context.js';

export type PostJson = <T>(path: string, body: object) => Promise<T>;

export function usePostJson(): PostJson {
  const { session, signOut } = useSession();
  const token = session?.token ?? null;
  return useCallback(
    async <T>(path: string, body: object): Promise<T> => {
      const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
      if (response.ok) return (await response.json()) as T;
      const error = await apiErrorFrom(response);
      if (response.status === 401) signOut('Your token is no longer valid (expired or revoked). Sign in again.');
      throw error;
    },
    [token, signOut],
  );
}
