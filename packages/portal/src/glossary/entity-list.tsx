/** Every glossary entity, filterable by name, synonym or description; each links to its page. */
import { useState } from 'react';
import { NavLink } from 'react-router';
import { LoadError, Loading } from '../components/query-status.js';
import { matchesEntity } from './entity-filter.js';
import { useEntities } from './glossary-api.js';

export function EntityList() {
  const entities = useEntities();
  const [text, setText] = useState('');
  const shown = (entities.data ?? []).filter((e) => matchesEntity(e, text));
  return (
    <nav aria-labelledby="entities-title" className="entity-list">
      <h2 id="entities-title">Entities</h2>
      <label htmlFor="entity-filter" className="visually-hidden">
        Filter entities
      </label>
      <input
        id="entity-filter"
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Filter entities"
        autoComplete="off"
      />
      {entities.isPending && <Loading what="entities" />}
      {entities.isError && <LoadError error={entities.error} />}
      {entities.data && shown.length === 0 && <p className="muted">No entity matches.</p>}
      <ul>
        {shown.map((e) => (
          <li key={e.name}>
            <NavLink to={`/glossary/${encodeURIComponent(e.name)}`}>
              <strong>{e.name}</strong>
              <span className="muted">
                {e.products} product{e.products === 1 ? '' : 's'}
                {e.synonyms.length > 0 ? ` · ${e.synonyms.join(', ')}` : ''}
              </span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
