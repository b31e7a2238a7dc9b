/**
 * The demo mesh's users, one button each ("Ana Silva — consumer"). The list exists only when the
 * server runs as the demo (`npm start`); anywhere else this renders nothing.
 */
import { useDemoUsers } from '../api/api-queries.js';

export function DemoUserPicker({ disabled, onPick }: { readonly disabled: boolean; onPick(token: string): void }) {
  const { data: users } = useDemoUsers();
  if (!users || users.length === 0) return null;
  return (
    <section aria-labelledby="demo-users-title" className="panel">
      <h2 id="demo-users-title">As a demo user</h2>
      <p className="hint">This is the demo mesh: pick a persona to see the mesh as they do.</p>
      <ul className="demo-users">
        {users.map((user) => (
          <li key={user.id}>
            <button type="button" disabled={disabled} onClick={() => onPick(user.token)}>
              <strong>{user.name}</strong>
              <span className="muted">
                {user.id} · {user.roles.length > 0 ? user.roles.join(', ') : user.kind}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
