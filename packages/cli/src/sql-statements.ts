/**
 * Splits what is typed into `mesh sql` into statements: a statement ends at a `;` that is not
 * inside a string ('…'), a quoted identifier ("…"), a dollar-quoted string ($$…$$ or $tag$…$tag$)
 * or a comment (`--` to the end of the line, or a C-style block comment). Text after the last `;`
 * waits for more input.
 */
export class StatementBuffer {
  #text = '';

  /** Adds a line; returns the statements it completed (without their `;`), trimmed, non-empty. */
  push(line: string): string[] {
    this.#text += `${line}\n`;
    const statements: string[] = [];
    let end: number;
    while ((end = statementEnd(this.#text)) >= 0) {
      const statement = this.#text.slice(0, end).trim();
      this.#text = this.#text.slice(end + 1);
      if (statement) statements.push(statement);
    }
    return statements;
  }

  /** Whether an unfinished statement is waiting. */
  get pending(): boolean {
    return this.#text.trim() !== '';
  }

  /** What is waiting without its `;` (for input that ends without one). */
  take(): string {
    const rest = this.#text.trim();
    this.#text = '';
    return rest;
  }

  clear(): void {
    this.#text = '';
  }
}

/** The index of the first statement-ending `;`, or -1. */
function statementEnd(text: string): number {
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ';') return i;
    if (c === "'" || c === '"') {
      i = closing(text, i + 1, c);
    } else if (c === '-' && text[i + 1] === '-') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))?.[0];
      if (tag) {
        const close = text.indexOf(tag, i + tag.length);
        i = close < 0 ? text.length : close + tag.length;
      } else i++;
    } else i++;
  }
  return -1;
}

/** After the quote that closes a quoted run starting at `from` (doubled quotes stay inside). */
function closing(text: string, from: number, quote: string): number {
  let i = from;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}
