/**
 * Cedar policy files as text: split into one statement per policy (so that each policy keeps
 * its own file offset and Cedar's error spans can be mapped back to lines), and offsets turned
 * into 1-based lines and columns. Cedar reports spans in UTF-8 bytes; editors count characters.
 */
import type { SourcePosition } from '@meshwork/core';

export interface PolicyStatement {
  /** The statement with the comments and blank lines before it, up to and including `;`. */
  readonly text: string;
  /** Character offset of `text` in the file. */
  readonly offset: number;
}

/**
 * Splits at every `;` outside string literals and `//` comments (Cedar has no other use for
 * `;`). Text after the last `;` that is more than blanks and comments is returned as a statement
 * of its own, so that the parser reports what is wrong with it.
 */
export function splitPolicyStatements(text: string): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  let start = 0;
  let meaningful = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (ch === '"') {
      meaningful = true;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === ';') {
      statements.push({ text: text.slice(start, i + 1), offset: start });
      start = i + 1;
      meaningful = false;
    } else if (ch !== undefined && !/\s/.test(ch)) {
      meaningful = true;
    }
  }
  if (meaningful) statements.push({ text: text.slice(start), offset: start });
  return statements;
}

/** Converts a UTF-8 byte offset inside `text` to a character (UTF-16 code unit) offset. */
export function byteToCharOffset(text: string, byteOffset: number): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < byteOffset) {
    const code = text.codePointAt(i)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    i += code >= 0x10000 ? 2 : 1;
  }
  return i;
}

export function positionAt(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The position of the first non-blank, non-comment character of a statement: where a policy "is". */
export function statementStart(statement: PolicyStatement): number {
  const match = /^(?:\s|\/\/[^\n]*(?:\n|$))*/.exec(statement.text);
  return statement.offset + (match?.[0].length ?? 0);
}
