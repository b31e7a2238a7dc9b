/**
 * Which output ports a contract diff compares. A port is named by its name (every major version
 * of it), or one major version as `name@major` or `name_v<major>` — the forms of `mesh access`
 * and of the SQL names (`orders_v1`).
 */
import { InputError, NotFoundError, type DataProduct, type OutputPort } from '@meshwork/core';

/** One comparison: the contract of `port` against its own versions, or against `fromPort`'s contract. */
export interface DiffTarget {
  readonly port: OutputPort;
  readonly fromPort?: OutputPort;
}

/**
 * The ports to compare: every port with a contract (or those `port` names), each against its
 * own registered versions; with `fromPort`, one port against the contract of another — by
 * default the newest other major version of the same name (v1 → v2 served beside it).
 *
 * @example
 * selectDiffTargets(orders, { fromPort: 'orders@1' }); // [{ port: orders v2, fromPort: orders v1 }]
 */
export function selectDiffTargets(
  product: DataProduct,
  options: { readonly port?: string; readonly fromPort?: string },
): DiffTarget[] {
  const withContract = product.outputPorts.filter((p) => p.contract);
  if (options.fromPort === undefined) {
    return (options.port === undefined ? withContract : matchPorts(product, options.port)).map((port) => ({ port }));
  }
  const fromPort = single(product, options.fromPort, matchPorts(product, options.fromPort));
  const candidates = (
    options.port === undefined
      ? withContract.filter((p) => p.name === fromPort.name)
      : matchPorts(product, options.port)
  ).filter((p) => p !== fromPort);
  if (candidates.length === 0) {
    throw new InputError(
      'MW7015',
      `nothing to compare ${portReference(fromPort)} of ${product.id} with: ` +
        (options.port === undefined
          ? `it has no other major version; name the port to compare it with (${portList(withContract)})`
          : `"${options.port}" is the same port`),
    );
  }
  const port =
    options.port === undefined
      ? candidates.reduce((newest, p) => (p.major > newest.major ? p : newest))
      : single(product, options.port, candidates);
  return [{ port, fromPort }];
}

/** `orders@2`: a port's name and major version, as `mesh access` spells it. */
export function portReference(port: OutputPort): string {
  return `${port.name}@${port.major}`;
}

/** The ports with a contract that `ref` names; NotFoundError MW7013 when none. */
function matchPorts(product: DataProduct, ref: string): OutputPort[] {
  const withContract = product.outputPorts.filter((p) => p.contract);
  const byName = withContract.filter((p) => p.name === ref);
  if (byName.length > 0) return byName;
  const major = /^(.+?)(?:@|_v)(\d+)$/.exec(ref);
  const found = major ? withContract.filter((p) => p.name === major[1] && p.major === Number(major[2])) : [];
  if (found.length > 0) return found;
  throw new NotFoundError(
    'MW7013',
    `${product.id} has no output port "${ref}" with a contract (ports with a contract: ${portList(withContract)})`,
  );
}

function single(product: DataProduct, ref: string, ports: readonly OutputPort[]): OutputPort {
  if (ports.length === 1) return ports[0]!;
  throw new InputError(
    'MW7015',
    `"${ref}" names ${ports.length} major versions of a port of ${product.id} (${portList(ports)}); name one, e.g. ${portReference(ports[0]!)}`,
  );
}

function portList(ports: readonly OutputPort[]): string {
  return ports.map(portReference).join(', ') || 'none';
}
