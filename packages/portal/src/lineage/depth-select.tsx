/** How many hops to walk: the choices the lineage pages offer (and the URL's value, if another). */
import { DEPTH_CHOICES } from './lineage-params.js';

export interface DepthSelectProps {
  readonly id: string;
  readonly value: number;
  readonly onChange: (depth: number) => void;
}

export function DepthSelect(props: DepthSelectProps) {
  const choices = DEPTH_CHOICES.includes(props.value)
    ? DEPTH_CHOICES
    : [...DEPTH_CHOICES, props.value].sort((a, b) => a - b);
  return (
    <select id={props.id} value={props.value} onChange={(event) => props.onChange(Number(event.target.value))}>
      {choices.map((d) => (
        <option key={d} value={d}>
          {d} hop{d === 1 ? '' : 's'}
        </option>
      ))}
    </select>
  );
}
