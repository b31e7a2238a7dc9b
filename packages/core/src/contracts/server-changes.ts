/**
 * Changes to `servers`, where consumers outside Meshwork's gateway read the data. A removed
 * server or a changed connection (host, database, schema, format, topic…) leaves them without
 * a source until they reconfigure, so both are breaking; a new server is non-breaking.
 * Descriptions, roles and custom properties of a server are not where it is.
 */
import { contractChange, type ContractChange } from './contract-change.js';
import { asArray, asRecord, canonicalText, fieldOf, textOf, under, type JsonRecord } from './json-values.js';

const NOT_LOCATION = new Set(['id', 'description', 'roles', 'customProperties']);

interface Server {
  readonly key: string;
  readonly pointer: string;
  readonly node: JsonRecord;
}

function serversOf(document: JsonRecord): Server[] {
  const used = new Set<string>();
  return asArray(fieldOf(document, 'servers')).flatMap((item, index) => {
    const node = asRecord(item);
    if (node === undefined) return [];
    const base = textOf(node, 'server') ?? `#${index}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}#${n}`;
    used.add(key);
    return [{ key, pointer: under('/servers', index), node }];
  });
}

const location = (node: JsonRecord) =>
  canonicalText(Object.fromEntries(Object.entries(node).filter(([key]) => !NOT_LOCATION.has(key))));

export function serverChanges(before: JsonRecord, after: JsonRecord): ContractChange[] {
  const [was, is] = [serversOf(before), serversOf(after)];
  const previous = new Map(was.map((server) => [server.key, server]));
  const current = new Set(is.map((server) => server.key));
  const changes = was
    .filter((server) => !current.has(server.key))
    .map((server) =>
      contractChange(
        'server-removed',
        {},
        {
          pointer: server.pointer,
          before: server.key,
          explanation: `Server ${server.key} was removed: consumers reading from it lose their source.`,
        },
      ),
    );
  for (const server of is) {
    const old = previous.get(server.key);
    if (old === undefined) {
      const explanation = `Server ${server.key} was added: a new place to read the data, nothing existing changes.`;
      changes.push(contractChange('server-added', {}, { pointer: server.pointer, after: server.key, explanation }));
    } else if (location(old.node) !== location(server.node)) {
      const explanation = `The connection details of server ${server.key} changed: consumers connecting to it directly must reconfigure.`;
      changes.push(
        contractChange(
          'server-changed',
          {},
          { pointer: server.pointer, before: old.node, after: server.node, explanation },
        ),
      );
    }
  }
  return changes;
}
