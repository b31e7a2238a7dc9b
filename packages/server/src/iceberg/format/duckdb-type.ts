/**
 * DuckDB type text, as DESCRIBE spells it (`DECIMAL(18,2)`, `STRUCT("a b" INTEGER, c VARCHAR[])`,
 * `MAP(VARCHAR, INTEGER)[]`, `TIMESTAMP WITH TIME ZONE`), parsed into a tree. Snapshot schemas
 * hold types as text; Iceberg needs their structure (nested fields get ids of their own).
 *
 * @example
 *   parseDuckDbType('STRUCT(a INTEGER, b VARCHAR[])')
 *   // { kind: 'struct', fields: [{ name: 'a', type: { kind: 'primitive', name: 'INTEGER', args: [] } }, …] }
 */
import { InputError } from '@meshwork/core';

export type DuckDbType =
  | { readonly kind: 'primitive'; readonly name: string; readonly args: readonly string[] }
  | { readonly kind: 'struct'; readonly fields: readonly DuckDbField[] }
  | { readonly kind: 'union'; readonly fields: readonly DuckDbField[] }
  | { readonly kind: 'list'; readonly element: DuckDbType }
  | { readonly kind: 'map'; readonly key: DuckDbType; readonly value: DuckDbType };

export interface DuckDbField {
  readonly name: string;
  readonly type: DuckDbType;
}

type Token =
  | { readonly kind: 'word' | 'quoted' | 'string' | 'number'; readonly text: string }
  | { readonly kind: 'punct'; readonly text: '(' | ')' | '[' | ']' | ',' };

export function parseDuckDbType(text: string): DuckDbType {
  const parser = new TypeParser(text);
  const type = parser.type();
  parser.end();
  return type;
}

class TypeParser {
  readonly #tokens: Token[];
  #at = 0;

  constructor(readonly text: string) {
    this.#tokens = tokenize(text, () => this.#fail());
  }

  type(): DuckDbType {
    let type = this.#base();
    while (this.#peekPunct('[')) {
      this.#at += 1;
      if (this.#peek()?.kind === 'number') this.#at += 1; // fixed-size ARRAY: a list to Iceberg
      this.#expect(']');
      type = { kind: 'list', element: type };
    }
    return type;
  }

  end(): void {
    if (this.#at !== this.#tokens.length) this.#fail();
  }

  #base(): DuckDbType {
    const words: string[] = [];
    for (let token = this.#peek(); token?.kind === 'word'; token = this.#peek()) {
      words.push(token.text.toUpperCase());
      this.#at += 1;
    }
    if (words.length === 0) this.#fail();
    const name = words.join(' ');
    if (!this.#peekPunct('(')) return { kind: 'primitive', name, args: [] };
    this.#at += 1;
    if (name === 'STRUCT' || name === 'ROW' || name === 'UNION') {
      const fields = this.#list(() => this.#field());
      return { kind: name === 'UNION' ? 'union' : 'struct', fields };
    }
    if (name === 'MAP') {
      const key = this.type();
      this.#expect(',');
      const value = this.type();
      this.#expect(')');
      return { kind: 'map', key, value };
    }
    const args = this.#list(() => {
      const token = this.#next();
      if (token.kind !== 'number' && token.kind !== 'string') this.#fail();
      return token.text;
    });
    return { kind: 'primitive', name, args };
  }

  #field(): DuckDbField {
    const token = this.#next();
    if (token.kind !== 'word' && token.kind !== 'quoted') this.#fail();
    return { name: token.text, type: this.type() };
  }

  /** Items separated by commas up to the closing parenthesis (the opening one is consumed). */
  #list<T>(item: () => T): T[] {
    const items = [item()];
    while (this.#peekPunct(',')) {
      this.#at += 1;
      items.push(item());
    }
    this.#expect(')');
    return items;
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#at];
  }

  #peekPunct(text: string): boolean {
    const token = this.#peek();
    return token?.kind === 'punct' && token.text === text;
  }

  #next(): Token {
    const token = this.#tokens[this.#at];
    if (!token) this.#fail();
    this.#at += 1;
    return token;
  }

  #expect(text: string): void {
    if (!this.#peekPunct(text)) this.#fail();
    this.#at += 1;
  }

  #fail(): never {
    throw new InputError('MW8202', `Column type not understood: ${JSON.stringify(this.text)} is not a DuckDB type.`);
  }
}

function tokenize(text: string, fail: () => never): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) {
      at += 1;
    } else if ('()[],'.includes(char)) {
      tokens.push({ kind: 'punct', text: char as '(' | ')' | '[' | ']' | ',' });
      at += 1;
    } else if (char === '"' || char === "'") {
      // Quoted identifiers and string literals double their quote character to escape it.
      let value = '';
      let end = at + 1;
      for (;;) {
        if (end >= text.length) fail();
        if (text[end] === char) {
          if (text[end + 1] !== char) break;
          end += 1;
        }
        value += text[end];
        end += 1;
      }
      tokens.push({ kind: char === '"' ? 'quoted' : 'string', text: value });
      at = end + 1;
    } else {
      const match = /^(?:[0-9]+|[A-Za-z_][A-Za-z0-9_$]*)/.exec(text.slice(at));
      if (!match) fail();
      tokens.push({ kind: /^[0-9]/.test(match[0]) ? 'number' : 'word', text: match[0] });
      at += match[0].length;
    }
  }
  return tokens;
}
