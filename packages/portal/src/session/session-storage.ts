/**
 * The signed-in session lives in sessionStorage: it survives a reload but not the tab, and is
 * never written to localStorage or a cookie, so closing the tab signs out and no other site's
 * request carries the token.
 */
import type { Me } from '../api/api-types.js';

export interface Session {
  readonly token: string;
  readonly me: Me;
}

const KEY = 'meshwork.session';

export function loadSession(): Session | null {
  const text = sessionStorage.getItem(KEY);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<Session> | null;
    return typeof value?.token === 'string' && typeof value.me?.id === 'string' ? (value as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
