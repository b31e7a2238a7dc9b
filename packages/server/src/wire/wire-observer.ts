/**
 * What the wire server tells an observer (metrics and logs, ../operations): each connection from
 * accept to close, who it authenticated as, and each statement that ran and how it ended. The
 * observer must return at once and never throw into a session.
 */
import type { StreamEnd } from '../gateway/observed-stream.js';

export type WireQueryTarget = 'gateway' | 'catalog';

export interface WireQueryEnd extends StreamEnd {
  readonly target: WireQueryTarget;
  readonly durationMs: number;
}

export interface WireConnectionObserver {
  authenticated(principalId: string): void;
  queryFinished(query: WireQueryEnd): void;
  closed(): void;
}

export interface WireObserver {
  /** A TCP connection was accepted; the returned observer follows it to its end. */
  connectionOpened(connection: { readonly remoteAddress?: string }): WireConnectionObserver;
}

export const NO_CONNECTION_OBSERVER: WireConnectionObserver = {
  authenticated: () => undefined,
  queryFinished: () => undefined,
  closed: () => undefined,
};
