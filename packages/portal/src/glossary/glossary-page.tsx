/**
 * The glossary browser (`/glossary`, `/glossary/Customer`): every business entity, one entity in
 * full with the products and columns that describe it, and join paths between two products with
 * their SQL. Everything as the viewer may discover it.
 */
import { useParams } from 'react-router';
import { usePageTitle } from '../layout/use-page-title.js';
import { EntityDetailView } from './entity-detail.js';
import { EntityList } from './entity-list.js';
import { JoinPathFinder } from './join-path-finder.js';

export function GlossaryPage() {
  const { entity } = useParams();
  usePageTitle(entity ? `${entity} · Glossary` : 'Glossary');
  return (
    <div className="glossary-page">
      <h1>Glossary</h1>
      <div className="glossary-layout">
        <EntityList />
        <div className="glossary-main">
          {entity ? (
            <EntityDetailView name={entity} />
          ) : (
            <p className="muted">
              Pick an entity to see what it means, its identifiers and attributes, and which products describe it.
            </p>
          )}
          <JoinPathFinder />
        </div>
      </div>
    </div>
  );
}
