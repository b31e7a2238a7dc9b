/**
 * Node references as people type them: `sales.orders` (a product), `sales.orders.orders` (the
 * port's current major), `sales.orders.orders@2` or `…orders_v2`, `sales.orders.orders.amount`
 * (a column), `<namespace>/<name>` for an external dataset and `…#<column>` for its columns,
 * `domain/product` as the other commands take it. Product ids contain a dot, so the longest
 * product id that prefixes the reference wins. Unknown references are NotFoundError with the
 * closest names — only names the caller may discover.
 */
import { NotFoundError } from '@meshwork/core';
import { closestNames } from './closest-names.js';
import { COLUMN, PORT, PRODUCT, type LineageGraph } from './lineage-graph.js';

/** Whether the caller may see a node (its product is discoverable); everything without one. */
export type NodeVisibility = (node: number) => boolean;

export function resolveLineageRef(graph: LineageGraph, ref: string, visible: NodeVisibility = () => true): number {
  const wanted = ref.trim();
  const node = findLineageRef(graph, wanted);
  if (node !== undefined && visible(node)) return node;
  throw unknownRef(graph, wanted, visible);
}

/** The node a reference names, or undefined; never throws. */
export function findLineageRef(graph: LineageGraph, ref: string): number | undefined {
  const exact = graph.find(ref);
  if (exact !== undefined) return exact;
  const parsed = parseProductRef(graph, ref) ?? parseProductRef(graph, ref.replace('/', '.'));
  if (!parsed) return undefined;
  if (parsed.port === undefined) return parsed.product;
  const port = findPort(graph, parsed.product, parsed.port);
  if (port === undefined) return undefined;
  if (parsed.column === undefined) return port;
  return graph.childrenOf(port).find((c) => graph.nameOf(c) === parsed.column);
}

interface ParsedRef {
  readonly product: number;
  readonly port?: string;
  readonly column?: string;
}

/** The longest product id that is the reference or prefixes it at a dot; the rest is `port[.column]`. */
function parseProductRef(graph: LineageGraph, ref: string): ParsedRef | undefined {
  for (let end = ref.length; end > 0; end = ref.lastIndexOf('.', end - 1)) {
    const product = graph.find(ref.slice(0, end));
    if (product === undefined || graph.kindOf(product) !== PRODUCT) continue;
    if (end === ref.length) return { product };
    const rest = ref.slice(end + 1);
    const dot = rest.indexOf('.');
    return dot < 0 ? { product, port: rest } : { product, port: rest.slice(0, dot), column: rest.slice(dot + 1) };
  }
  return undefined;
}

/** `name@major`, `name_v<major>` (unless a port has that very name), or `name` for its current major. */
function findPort(graph: LineageGraph, product: number, token: string): number | undefined {
  const ports = graph.childrenOf(product).filter((c) => graph.kindOf(c) === PORT);
  const at = /^(.+)@(\d+)$/.exec(token);
  if (at) return ports.find((p) => graph.nameOf(p) === at[1] && graph.majorOf(p) === Number(at[2]));
  const named = ports.filter((p) => graph.nameOf(p) === token);
  if (named.length > 0) {
    // The current major is the highest the workspace declares (older ones may only be in lineage).
    const declared = named.filter((p) => graph.inModel(p));
    return (declared.length > 0 ? declared : named).reduce((a, b) => (graph.majorOf(b) > graph.majorOf(a) ? b : a));
  }
  const versioned = /^(.+)_v(\d+)$/.exec(token);
  if (versioned)
    return ports.find((p) => graph.nameOf(p) === versioned[1] && graph.majorOf(p) === Number(versioned[2]));
  return undefined;
}

function unknownRef(graph: LineageGraph, ref: string, visible: NodeVisibility): NotFoundError {
  const parsed = parseProductRef(graph, ref) ?? parseProductRef(graph, ref.replace('/', '.'));
  if (parsed && visible(parsed.product) && parsed.port !== undefined) {
    const productId = graph.refOf(parsed.product);
    const ports = graph.childrenOf(parsed.product).filter((c) => graph.kindOf(c) === PORT);
    const port = findPort(graph, parsed.product, parsed.port);
    if (port === undefined) {
      const names = [...new Set(ports.map((p) => graph.nameOf(p)))];
      return new NotFoundError(
        'MW8821',
        `${productId} has no output port "${parsed.port}"${suggestion(parsed.port, names)} (ports: ${names.join(', ') || 'none'})`,
      );
    }
    const columns = graph
      .childrenOf(port)
      .filter((c) => graph.kindOf(c) === COLUMN)
      .map((c) => graph.nameOf(c));
    const elsewhere = ports
      .filter((p) => p !== port && graph.nameOf(p) === graph.nameOf(port))
      .filter((p) => graph.childrenOf(p).some((c) => graph.nameOf(c) === parsed.column))
      .map((p) => `@${graph.majorOf(p)}`);
    const hint = elsewhere.length > 0 ? ` (${graph.nameOf(port)}${elsewhere.join(', ')} has it)` : '';
    return new NotFoundError(
      'MW8822',
      `${graph.refOf(port)} has no column "${parsed.column ?? ''}"${suggestion(parsed.column ?? '', columns)}${hint}`,
    );
  }
  // Datasets are named with a slash or a scheme; everything else is about products.
  const pool = /[/:]/.test(ref) ? graph.datasetNodes() : graph.productNodes();
  const names = pool.filter((node) => visible(node)).map((node) => graph.refOf(node));
  return new NotFoundError('MW8820', `no lineage node "${ref}"${suggestion(ref, names)}`);
}

function suggestion(wanted: string, names: readonly string[]): string {
  const close = closestNames(wanted, names, 3);
  return close.length > 0 ? `; did you mean ${close.map((n) => `"${n}"`).join(' or ')}?` : '';
}
