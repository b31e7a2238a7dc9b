/**
 * One glossary entity: what it means, its synonyms, identifiers, attributes and relations, and
 * the products that describe it with the columns bound to it — as the viewer may discover them.
 */
import { Link } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { LoadError, Loading } from '../components/query-status.js';
import { attributeColumns, identifierColumns, productColumns } from './entity-columns.js';
import { useEntity } from './glossary-api.js';

export function EntityDetailView({ name }: { readonly name: string }) {
  const detail = useEntity(name);
  if (detail.isPending) return <Loading what={`entity ${name}`} />;
  if (detail.isError) return <LoadError error={detail.error} />;
  const { entity, products } = detail.data;
  return (
    <article aria-labelledby="entity-title" className="entity-detail">
      <h2 id="entity-title">{entity.name}</h2>
      <p className="lead">{entity.description}</p>
      <dl className="facts wide">
        <div>
          <dt>Synonyms</dt>
          <dd>{entity.synonyms.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>URN</dt>
          <dd>
            <code>{entity.urn}</code>
          </dd>
        </div>
        <div>
          <dt>Defined in</dt>
          <dd>
            <code>{entity.file}</code>
          </dd>
        </div>
      </dl>
      <DataTable
        caption={`Identifiers of ${entity.name}`}
        columns={identifierColumns}
        data={[...entity.identifiers]}
        getRowId={(i) => i.name}
      />
      {entity.attributes.length > 0 && (
        <DataTable
          caption={`Attributes of ${entity.name}`}
          columns={attributeColumns}
          data={[...entity.attributes]}
          getRowId={(a) => a.name}
        />
      )}
      <h3>Relations</h3>
      {entity.relations.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="entity-relations">
          {entity.relations.map((r) => (
            <li key={r.name}>
              <code>{r.name}</code> → <Link to={`/glossary/${encodeURIComponent(r.target)}`}>{r.target}</Link>{' '}
              <span className="muted">
                ({r.cardinality}){r.description ? ` ${r.description}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>Products that describe {entity.name}</h3>
      {products.length === 0 ? (
        <p className="muted">No product you may discover binds a column to {entity.name}.</p>
      ) : (
        <DataTable
          caption={`Products that describe ${entity.name}`}
          columns={productColumns}
          data={[...products]}
          getRowId={(p) => p.productId}
        />
      )}
    </article>
  );
}
