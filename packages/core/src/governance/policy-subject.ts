/**
 * A product as governance evaluates it: its facts, and where each of its targets is written, so
 * that a finding can name the file and the field. `ports[i]` and `ports[i].columns[j]` run
 * parallel to `facts.ports[i]` and `facts.ports[i].columns[j]`.
 */
import type { ProductFacts } from './policy-facts.js';

export interface ColumnLocation {
  /** JSON pointer of the column's property object in the contract, e.g. /schema/0/properties/3. */
  readonly pointer: string;
}

export interface PortLocation {
  /** The contract file, or the descriptor when the port has no contract. */
  readonly file: string;
  /** Pointer of the port's node in `file` ('' for a contract's root). */
  readonly pointer: string;
  readonly columns: readonly ColumnLocation[];
}

export interface PolicySubject {
  readonly facts: ProductFacts;
  readonly descriptorFile: string;
  readonly ports: readonly PortLocation[];
}
