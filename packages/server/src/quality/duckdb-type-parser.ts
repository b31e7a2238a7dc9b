/**
 * Reads DuckDB type names — as `DESCRIBE` prints them and as contract authors write them
 * (`varchar(20)`, `INT8`, `DECIMAL(12,2)`, `STRUCT(a INT, "b c" TEXT[])`) — into one canonical
 * tree, so that aliases and letter case stop mattering. A name that is not a DuckDB type
 * (another database's dialect, a typo) reads as `undefined`.
 */

import { LENGTH_IGNORED, MULTI_WORD_NAMES, SCALAR_ALIASES } from './duckdb-type-names.js';

export type DuckType =
  | { readonly kind: 'scalar'; readonly name: string }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'list'; readonly element: DuckType }
  | { readonly kind: 'array'; readonly element: DuckType; readonly size: number }
  | { readonly kind: 'struct'; readonly fields: readonly DuckField[] }
  | { readonly kind: 'union'; readonly fields: readonly DuckField[] }
  | { readonly kind: 'map'; readonly key: DuckType; readonly value: DuckType }
  | { readonly kind: 'enum'; readonly values: readonly string[] };

export interface DuckField {
  readonly name: string;
  readonly type: DuckType;
}

/** The canonical tree of a type name, or undefined when it is not a DuckDB type. */
export function parseDuckType(text: string): DuckType | undefined {
  try {
    const parser = new TypeParser(tokenize(text));
    const type = parser.type();
    return parser.atEnd() ? type : undefined;
  } catch {
    return undefined;
  }
}

/** The canonical spelling of a type, e.g. `DECIMAL(12,2)`, `STRUCT("a" INTEGER)[]`. */
export function formatDuckType(type: DuckType): string {
  switch (type.kind) {
    case 'scalar':
      return type.name;
    case 'decimal':
      return `DECIMAL(${type.precision},${type.scale})`;
    case 'list':
      return `${formatDuckType(type.element)}[]`;
    case 'array':
      return `${formatDuckType(type.element)}[${type.size}]`;
    case 'struct':
    case 'union':
      return `${type.kind.toUpperCase()}(${type.fields.map((f) => `"${f.name.replaceAll('"', '""')}" ${formatDuckType(f.type)}`).join(', ')})`;
    case 'map':
      return `MAP(${formatDuckType(type.key)}, ${formatDuckType(type.value)})`;
    case 'enum':
      return `ENUM(${type.values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`;
  }
}

type Token =
  | { readonly t: 'word'; readonly v: string }
  | { readonly t: 'ident'; readonly v: string }
  | { readonly t: 'string'; readonly v: string }
  | { readonly t: 'number'; readonly v: number }
  | { readonly t: 'punct'; readonly v: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if ('(),[]'.includes(ch)) {
      tokens.push({ t: 'punct', v: ch });
      i++;
    } else if (ch === '"' || ch === "'") {
      const [value, next] = readQuoted(text, i, ch);
      tokens.push({ t: ch === '"' ? 'ident' : 'string', v: value });
      i = next;
    } else {
      const match = /^[A-Za-z_][A-Za-z0-9_]*|^\d+/.exec(text.slice(i));
      if (!match) throw new Error(`unexpected ${ch}`);
      const word = match[0];
      tokens.push(/^\d/.test(word) ? { t: 'number', v: Number(word) } : { t: 'word', v: word });
      i += word.length;
    }
  }
  return tokens;
}

/** A quoted name or literal, where the quote is escaped by doubling it. */
function readQuoted(text: string, start: number, quote: string): [string, number] {
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length) throw new Error('unterminated quote');
    if (text[i] === quote) {
      if (text[i + 1] !== quote) return [value, i + 1];
      i++;
    }
    value += text[i];
    i++;
  }
}

class TypeParser {
  private position = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  atEnd(): boolean {
    return this.position === this.tokens.length;
  }

  type(): DuckType {
    let type = this.baseType();
    // `INTEGER[]` is a list, `INTEGER[3]` a fixed-size array; suffixes nest.
    while (this.peekPunct('[')) {
      this.position++;
      const size = this.peek();
      if (size?.t === 'number') {
        this.position++;
        this.expectPunct(']');
        type = { kind: 'array', element: type, size: size.v };
      } else {
        this.expectPunct(']');
        type = { kind: 'list', element: type };
      }
    }
    return type;
  }

  private baseType(): DuckType {
    const name = this.typeName();
    switch (name) {
      case 'STRUCT':
      case 'ROW':
        return { kind: 'struct', fields: this.fieldList() };
      case 'UNION':
        return { kind: 'union', fields: this.fieldList() };
      case 'MAP': {
        this.expectPunct('(');
        const key = this.type();
        this.expectPunct(',');
        const value = this.type();
        this.expectPunct(')');
        return { kind: 'map', key, value };
      }
      case 'LIST': {
        this.expectPunct('(');
        const element = this.type();
        this.expectPunct(')');
        return { kind: 'list', element };
      }
      case 'ENUM':
        return { kind: 'enum', values: this.enumValues() };
      case 'DECIMAL':
      case 'NUMERIC':
      case 'DEC':
        return this.decimal();
    }
    const canonical = SCALAR_ALIASES[name];
    if (!canonical) throw new Error(`unknown type ${name}`);
    if (this.peekPunct('(')) {
      if (!LENGTH_IGNORED.has(canonical)) throw new Error(`${name} takes no parameters in DuckDB`);
      this.numberList();
    }
    return { kind: 'scalar', name: canonical };
  }

  /** The type's name, upper-cased, joining the words of multi-word names. */
  private typeName(): string {
    const first = this.take();
    if (first.t !== 'word') throw new Error('type name expected');
    let name = first.v.toUpperCase();
    for (const phrase of MULTI_WORD_NAMES) {
      const words = phrase.split(' ');
      if (words[0] !== name) continue;
      const ahead = words.slice(1).every((word, k) => {
        const token = this.tokens[this.position + k];
        return token?.t === 'word' && token.v.toUpperCase() === word;
      });
      if (ahead) {
        this.position += words.length - 1;
        name = phrase;
        break;
      }
    }
    return name;
  }

  private decimal(): DuckType {
    if (!this.peekPunct('(')) return { kind: 'decimal', precision: 18, scale: 3 };
    const [precision, scale = 0, ...rest] = this.numberList();
    if (precision === undefined || rest.length > 0) throw new Error('DECIMAL(p, s) expected');
    return { kind: 'decimal', precision, scale };
  }

  private numberList(): number[] {
    this.expectPunct('(');
    const numbers: number[] = [];
    for (;;) {
      const token = this.take();
      if (token.t !== 'number') throw new Error('number expected');
      numbers.push(token.v);
      if (this.peekPunct(')')) break;
      this.expectPunct(',');
    }
    this.expectPunct(')');
    return numbers;
  }

  private fieldList(): DuckField[] {
    this.expectPunct('(');
    const fields: DuckField[] = [];
    for (;;) {
      const name = this.take();
      if (name.t !== 'word' && name.t !== 'ident') throw new Error('field name expected');
      fields.push({ name: name.v, type: this.type() });
      if (this.peekPunct(')')) break;
      this.expectPunct(',');
    }
    this.expectPunct(')');
    return fields;
  }

  private enumValues(): string[] {
    this.expectPunct('(');
    const values: string[] = [];
    for (;;) {
      const value = this.take();
      if (value.t !== 'string') throw new Error('enum value expected');
      values.push(value.v);
      if (this.peekPunct(')')) break;
      this.expectPunct(',');
    }
    this.expectPunct(')');
    return values;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private take(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new Error('unexpected end of type');
    return token;
  }

  private peekPunct(value: string): boolean {
    const token = this.peek();
    return token?.t === 'punct' && token.v === value;
  }

  private expectPunct(value: string): void {
    const token = this.take();
    if (token.t !== 'punct' || token.v !== value) throw new Error(`${value} expected`);
  }
}
