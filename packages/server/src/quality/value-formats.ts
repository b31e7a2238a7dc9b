/**
 * `logicalTypeOptions.format`, made checkable. String formats (email, uuid, uri…) become
 * regular expressions in DuckDB's RE2 dialect; date formats written as JDK DateTimeFormatter
 * patterns (`yyyy-MM-dd`) become DuckDB `strptime` formats. The expressions are deliberately
 * simple and permissive: they catch values that are plainly not of the format (no `@` in an
 * email), not every corner of the RFCs. Formats that describe storage rather than values
 * (`password`, `binary`) or that are unknown read as undefined and are recorded, not checked.
 */

const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';

const STRING_FORMATS: Readonly<Record<string, string>> = {
  email: '[^@\\s]+@[^@\\s]+\\.[^@\\s]+',
  uuid: '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}',
  uri: '[A-Za-z][A-Za-z0-9+.-]*:\\S*',
  hostname: `${LABEL}(?:\\.${LABEL})*`,
  ipv4: `${OCTET}(?:\\.${OCTET}){3}`,
  // Hex groups and colons (with an optional IPv4 tail); not a full RFC 4291 parser.
  ipv6: '(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4}|' + `${OCTET}(?:\\.${OCTET}){3})`,
  date: '[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])',
  'date-time':
    '[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt ][0-2][0-9]:[0-5][0-9]:[0-6][0-9](?:\\.[0-9]+)?(?:[Zz]|[+-][0-2][0-9]:[0-5][0-9])',
  time: '[0-2][0-9]:[0-5][0-9]:[0-6][0-9](?:\\.[0-9]+)?(?:[Zz]|[+-][0-2][0-9]:[0-5][0-9])?',
  byte: '(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?',
};

/** The full-match regular expression for a string format, if Meshwork checks it. */
export function stringFormatPattern(format: string): string | undefined {
  return STRING_FORMATS[format.toLowerCase()];
}

export const CHECKED_STRING_FORMATS: readonly string[] = Object.keys(STRING_FORMATS);

/** JDK pattern letters → strptime specifiers, longest first. */
const JDK_TOKENS: readonly (readonly [string, string])[] = [
  ['yyyy', '%Y'],
  ['uuuu', '%Y'],
  ['yy', '%y'],
  ['MMMM', '%B'],
  ['MMM', '%b'],
  ['MM', '%m'],
  ['dd', '%d'],
  ['HH', '%H'],
  ['hh', '%I'],
  ['mm', '%M'],
  ['ss', '%S'],
  ['SSSSSS', '%f'],
  ['SSS', '%g'],
  ['EEEE', '%A'],
  ['EEE', '%a'],
  ['a', '%p'],
  ['XXX', '%z'],
  ['Z', '%z'],
];

/** A DuckDB `strptime` format for a JDK DateTimeFormatter pattern, if every letter is known. */
export function jdkPatternToStrptime(pattern: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) return undefined;
      out += end === i + 1 ? "'" : escapePercent(pattern.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      const token = JDK_TOKENS.find(([letters]) => pattern.startsWith(letters, i));
      // A run of the same letter must be consumed whole: `yyy` is not `yy` followed by `y`.
      const run = /^([A-Za-z])\1*/.exec(pattern.slice(i))![0];
      if (!token || token[0].length !== run.length) return undefined;
      out += token[1];
      i += run.length;
      continue;
    }
    out += escapePercent(ch);
    i++;
  }
  return out;
}

function escapePercent(text: string): string {
  return text.replaceAll('%', '%%');
}
