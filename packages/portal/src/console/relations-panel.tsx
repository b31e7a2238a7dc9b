/**
 * What the viewer may query, listed beside the editor (the same list feeds the completion): a
 * relation's button puts a first query over it in the editor.
 */
import { LoadError, Loading } from '../components/query-status.js';
import type { QueryRelation } from './console-api.js';

export interface RelationsPanelProps {
  readonly relations: readonly QueryRelation[] | undefined;
  readonly error: unknown;
  readonly onPick: (sql: string) => void;
}

export function RelationsPanel({ relations, error, onPick }: RelationsPanelProps) {
  return (
    <section aria-labelledby="relations-title" className="console-relations">
      <h2 id="relations-title">Relations you may query</h2>
      {error ? (
        <LoadError error={error} />
      ) : !relations ? (
        <Loading what="relations" />
      ) : relations.length === 0 ? (
        <p className="muted">None yet: request access to a data product from its page.</p>
      ) : (
        <ul className="relation-list">
          {relations.map((relation) => {
            const name = `${relation.schema}.${relation.name}`;
            return (
              <li key={name}>
                <button
                  type="button"
                  onClick={() => onPick(`SELECT *\nFROM ${name}\nLIMIT 100`)}
                  aria-label={`Query ${name}`}
                >
                  <code>{name}</code>
                </button>{' '}
                <span className="muted">
                  {relation.port} v{relation.major} · {relation.columns.length} columns
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
