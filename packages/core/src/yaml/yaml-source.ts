/**
 * Parses a YAML file into plain data and can trace any JSON pointer into the data back to a
 * line and column for diagnostics.
 *
 * Two parsers, for speed: js-yaml (about 5x faster) reads the value on the happy path, and the
 * `yaml` library — which keeps a syntax tree with positions — runs only when something needs a
 * position or js-yaml refused the text. Both use the YAML 1.2 core schema, so they agree on
 * values. Texts with aliases always take the `yaml` path, which caps alias expansion.
 */
import jsYaml from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.js';

export interface YamlSource {
  readonly file: string;
  /** The parsed data; `undefined` when the file could not be parsed at all. */
  readonly value: unknown;
  /** Parse problems (syntax errors, duplicate keys), already positioned. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Where the value at `pointer` is written. For a pointer that does not exist (a missing
   * required field) the position of its nearest existing ancestor is returned.
   */
  locate(pointer: string): SourcePosition;
  /** Where the key of the member at `pointer` is written (falls back to `locate`). */
  locateKey(pointer: string): SourcePosition;
}

const START: SourcePosition = { line: 1, column: 1 };

/**
 * @param preParsed the value of `text` already read by js-yaml elsewhere (e.g. in a worker
 *   thread); it is trusted to be exactly what the fast path would produce.
 */
export function parseYamlSource(file: string, text: string, preParsed?: unknown): YamlSource {
  if (!mayHaveAliases(text)) {
    try {
      const value =
        preParsed !== undefined ? preParsed : jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false });
      let tree: YamlSource | undefined;
      const full = (): YamlSource => (tree ??= parseWithPositions(file, text));
      return {
        file,
        value,
        diagnostics: [],
        locate: (pointer) => full().locate(pointer),
        locateKey: (pointer) => full().locateKey(pointer),
      };
    } catch {
      // js-yaml refused it: the `yaml` library reports the problem with its position.
    }
  }
  return parseWithPositions(file, text);
}

/** An alias (`*name`) outside quotes, roughly: enough to route such texts to the safe parser. */
export const YAML_ALIAS_PATTERN = /(^|[\s,[{:-])\*[^\s,\]}"']/m;

/** True when the text may use aliases (then only the alias-capping parser reads it). */
export function mayHaveAliases(text: string): boolean {
  return text.includes('*') && YAML_ALIAS_PATTERN.test(text);
}

function parseWithPositions(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    diagnostics.push({
      code: duplicate ? 'MW1004' : 'MW1003',
      severity: 'error',
      file,
      ...position(error.pos[0]),
      message: duplicate
        ? `duplicate key: ${firstLine(error.message)}`
        : `YAML syntax error: ${firstLine(error.message)}`,
      fix: duplicate ? 'Keep one of the duplicated keys.' : 'Fix the YAML syntax at this position.',
    });
  }

  let value: unknown;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // toJS throws on alias bombs and similar abuse; report instead of crashing.
      diagnostics.push({
        code: 'MW1003',
        severity: 'error',
        file,
        ...START,
        message: `YAML could not be read: ${firstLine(error instanceof Error ? error.message : String(error))}`,
        fix: 'Remove excessive aliases or unsupported YAML features.',
      });
    }
  }

  const nodeAt = (pointer: string, wantKey: boolean): SourcePosition => {
    const found = walk(doc, parsePointer(pointer), wantKey);
    return found === undefined ? START : position(found);
  };

  return {
    file,
    value,
    diagnostics,
    locate: (pointer) => nodeAt(pointer, false),
    locateKey: (pointer) => nodeAt(pointer, true),
  };
}

/** Offset of the node (or its key) at the deepest existing prefix of `segments`. */
function walk(doc: Document, segments: string[], wantKey: boolean): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) return offset;
      if (last && wantKey) return rangeStart(pair.key) ?? offset;
      node = pair.value;
      offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) return offset;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The library appends "at line L, column C:" and a code excerpt; we position it ourselves. */
function firstLine(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}
