/**
 * Sign in: paste an API token (`mesh token create <user>`), or — on the demo mesh that `npm start`
 * serves — pick one of its users. Either way the token is checked with `GET /api/v1/me` first.
 */
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/api-client.js';
import { useSession } from '../session/session-context.js';
import { usePageTitle } from '../layout/use-page-title.js';
import { DemoUserPicker } from './demo-user-picker.js';

export function LoginPage() {
  usePageTitle('Sign in');
  const { session, signIn, endedBecause } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session && !busy) return <Navigate to={from} replace />;

  const signInWith = async (token: string) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(token);
      void navigate(from, { replace: true });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const token = String(new FormData(event.currentTarget).get('token') ?? '').trim();
    if (!token) setError('Paste an API token first.');
    else void signInWith(token);
  };

  return (
    <main id="main" className="login">
      <h1>Sign in to Meshwork</h1>
      {endedBecause && <p className="notice">{endedBecause}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <DemoUserPicker disabled={busy} onPick={(token) => void signInWith(token)} />
      <section aria-labelledby="token-title" className="panel">
        <h2 id="token-title">With an API token</h2>
        <form onSubmit={submit}>
          <label htmlFor="token-input">API token</label>
          <input id="token-input" name="token" type="password" autoComplete="off" spellCheck={false} />
          <p className="hint" id="token-hint">
            Create one with <code>mesh token create &lt;user&gt;</code>. It is kept in this tab only.
          </p>
          <button type="submit" disabled={busy} aria-describedby="token-hint">
            Sign in
          </button>
        </form>
      </section>
    </main>
  );
}

function messageOf(failure: unknown): string {
  if (failure instanceof ApiError && failure.status === 401) return 'This token is not valid (or has expired).';
  if (failure instanceof ApiError) return failure.message;
  return 'The server could not be reached. Is it running?';
}
