/** What a page shows while its data loads or when the API refused: the server's own message. */
import { ApiError } from '../api/api-client.js';

export function Loading({ what }: { readonly what: string }) {
  return (
    <p role="status" className="muted">
      Loading {what}…
    </p>
  );
}

export function LoadError({ error }: { readonly error: unknown }) {
  const message =
    error instanceof ApiError
      ? `${error.message}${error.code ? ` (${error.code})` : ''}`
      : 'The server could not be reached. Is it running?';
  return (
    <p role="alert" className="error">
      {message}
    </p>
  );
}
