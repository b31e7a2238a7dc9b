/**
 * The startup parameters of a StartupMessage that become session settings, including libpq's
 * `options` string (`-c name=value`, `--name=value`, backslash-escaped spaces). A purpose may be
 * stated as the `meshwork.purpose` parameter or as `options=-c meshwork.purpose=...`.
 */

/** Splits libpq's `options` string into name/value pairs. */
export function parseOptionsParameter(options: string): [string, string][] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < options.length; i++) {
    const ch = options[i]!;
    if (ch === '\\' && i + 1 < options.length) {
      current += options[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  const pairs: [string, string][] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let assignment: string | undefined;
    if (word === '-c') assignment = words[++i];
    else if (word.startsWith('-c')) assignment = word.slice(2);
    else if (word.startsWith('--')) assignment = word.slice(2);
    const eq = assignment?.indexOf('=') ?? -1;
    if (assignment && eq > 0) pairs.push([assignment.slice(0, eq).replaceAll('-', '_'), assignment.slice(eq + 1)]);
  }
  return pairs;
}

const NOT_SETTINGS = new Set(['user', 'database', 'options', 'replication']);

/** Settings to apply, in order, from the startup parameters. */
export function startupSettings(parameters: ReadonlyMap<string, string>): [string, string][] {
  const settings: [string, string][] = [];
  for (const [name, value] of parameters) {
    if (name.startsWith('_pq_.') || NOT_SETTINGS.has(name)) continue;
    settings.push([name, value]);
  }
  const options = parameters.get('options');
  if (options) settings.push(...parseOptionsParameter(options));
  return settings;
}
