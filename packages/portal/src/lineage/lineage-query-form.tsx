/**
 * The lineage explorer's question: which node (a reference, with suggestions), which way, how
 * deep, and whether to follow column lineage. The reference is sent with the button (or Enter);
 * direction, depth and columns apply at once. Everything lands in the URL.
 */
import { useState, type FormEvent } from 'react';
import { DepthSelect } from './depth-select.js';
import { directionFrom, type ExplorerState } from './lineage-params.js';
import { LINEAGE_DIRECTIONS } from './lineage-types.js';
import { useRefSuggestions } from './ref-suggestions.js';

export interface LineageQueryFormProps {
  readonly state: ExplorerState;
  readonly onChange: (next: Partial<ExplorerState>) => void;
}

export function LineageQueryForm({ state, onChange }: LineageQueryFormProps) {
  const [text, setText] = useState(state.ref);
  const suggestions = useRefSuggestions(text);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ref = text.trim();
    if (ref) onChange({ ref, node: ref });
  };
  return (
    <form className="lineage-form" onSubmit={submit} aria-label="Lineage query">
      <div className="lineage-field lineage-ref-field">
        <label htmlFor="lineage-ref">Product, port or column</label>
        <input
          id="lineage-ref"
          type="text"
          list="lineage-ref-options"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="sales.orders.orders@2.customer_id"
          autoComplete="off"
          spellCheck={false}
        />
        <datalist id="lineage-ref-options">
          {suggestions.map((s) => (
            <option key={s.value} value={s.value} label={s.label} />
          ))}
        </datalist>
      </div>
      <div className="lineage-field">
        <label htmlFor="lineage-direction">Direction</label>
        <select
          id="lineage-direction"
          value={state.direction}
          onChange={(event) => onChange({ direction: directionFrom(event.target.value) })}
        >
          {LINEAGE_DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {d === 'both' ? 'upstream and downstream' : d}
            </option>
          ))}
        </select>
      </div>
      <div className="lineage-field">
        <label htmlFor="lineage-depth">Depth</label>
        <DepthSelect id="lineage-depth" value={state.depth} onChange={(depth) => onChange({ depth })} />
      </div>
      <div className="lineage-field lineage-checkbox">
        <input
          id="lineage-columns"
          type="checkbox"
          checked={state.columns}
          onChange={(event) => onChange({ columns: event.target.checked })}
        />
        <label htmlFor="lineage-columns">Column lineage</label>
      </div>
      <button type="submit">Show lineage</button>
    </form>
  );
}
