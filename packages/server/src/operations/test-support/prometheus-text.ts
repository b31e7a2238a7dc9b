/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4) for tests: every line
 * must be a HELP, a TYPE or a sample of the family declared before it, label values unescaped;
 * anything else throws, naming the line. Written from the format's description, not a library,
 * so a test that parses a scrape also checks that the scrape is well-formed.
 */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface MetricFamily {
  readonly name: string;
  type: string;
  help: string;
  readonly samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;
const SUFFIXES: Record<string, readonly string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['_sum', '_count', ''],
  counter: ['', '_total'],
};

export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  let current: MetricFamily | undefined;
  const family = (name: string) => {
    let found = families.get(name);
    if (!found) {
      found = { name, type: 'untyped', help: '', samples: [] };
      families.set(name, found);
    }
    return found;
  };
  text.split('\n').forEach((line, index) => {
    const where = `line ${index + 1}: ${line}`;
    if (line === '') return;
    const comment = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (comment) {
      current = family(comment[2]!);
      if (comment[1] === 'HELP') current.help = comment[3]!;
      else if (/^(counter|gauge|histogram|summary|untyped)$/.test(comment[3]!)) current.type = comment[3]!;
      else throw new Error(`unknown metric type at ${where}`);
      return;
    }
    if (line.startsWith('#')) return;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`malformed sample at ${where}`);
    const [, name, labelText, valueText] = match;
    if (!current || !belongsTo(name!, current)) throw new Error(`sample outside its family at ${where}`);
    const value = parseValue(valueText!);
    if (value === undefined) throw new Error(`malformed value at ${where}`);
    current.samples.push({ name: name!, labels: parseLabels(labelText ?? '', where), value });
  });
  return families;
}

/** The sum of the samples named `name` whose labels include `labels`. */
export function sampleValue(
  families: Map<string, MetricFamily>,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number {
  let total = 0;
  for (const family of families.values()) {
    for (const sample of family.samples) {
      if (sample.name !== name) continue;
      if (Object.entries(labels).every(([key, value]) => sample.labels[key] === value)) total += sample.value;
    }
  }
  return total;
}

/** A float as Prometheus reads it (Go's ParseFloat): NaN and infinities in any letter case. */
function parseValue(text: string): number | undefined {
  if (/^nan$/i.test(text)) return NaN;
  if (/^[+]?inf$/i.test(text)) return Infinity;
  if (/^-inf$/i.test(text)) return -Infinity;
  const value = Number(text);
  return Number.isNaN(value) || text.trim() === '' ? undefined : value;
}

function belongsTo(name: string, family: MetricFamily): boolean {
  if (name === family.name) return true;
  return (SUFFIXES[family.type] ?? []).some((suffix) => name === `${family.name}${suffix}`);
}

function parseLabels(text: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const start = LABEL.lastIndex;
    const match = LABEL.exec(text);
    if (!match || match.index !== start) throw new Error(`malformed labels at ${where}`);
    labels[match[1]!] = match[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    if (match[0].length === 0) break;
  }
  return labels;
}
