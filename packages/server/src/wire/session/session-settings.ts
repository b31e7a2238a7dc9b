/**
 * The run-time settings a session answers itself (SET/SHOW/RESET and startup parameters). Only
 * settings that change nothing in DuckDB live here: they describe how this front end talks
 * (encoding, date style) or are harmless for a read-only gateway (timeouts, isolation). Values
 * Meshwork cannot honour are refused (MW5411) rather than silently ignored, except TimeZone, which
 * drivers send on every connection: timestamptz values always carry their explicit `+00`.
 */
import { WireError } from '../wire-error.js';

interface Spec {
  /** PostgreSQL's spelling, used by SHOW and ParameterStatus. */
  readonly name: string;
  readonly initial: string;
  /** Sent as ParameterStatus at startup and whenever it changes (GUC_REPORT). */
  readonly report?: boolean;
  readonly readOnly?: boolean;
  readonly description: string;
  /** Returns the value to store; throws MW5411 for values we cannot honour. */
  readonly normalize?: (value: string) => string;
}

function unsupported(name: string, value: string, allowed: string): WireError {
  return new WireError(
    'MW5411',
    '22023',
    `invalid value for parameter "${name}": "${value}" (Meshwork supports ${allowed})`,
  );
}

const SPECS: readonly Spec[] = [
  { name: 'application_name', initial: '', report: true, description: 'Name of the client application.' },
  {
    name: 'client_encoding',
    initial: 'UTF8',
    report: true,
    description: 'The client character set.',
    normalize: (v) => {
      if (/^(utf-?8|unicode)$/i.test(v)) return 'UTF8';
      throw unsupported('client_encoding', v, 'UTF8');
    },
  },
  {
    name: 'DateStyle',
    initial: 'ISO, MDY',
    report: true,
    description: 'Display format of dates.',
    normalize: (v) => {
      const parts = v.split(/[\s,]+/).map((p) => p.toUpperCase());
      if (parts.some((p) => ['SQL', 'POSTGRES', 'GERMAN'].includes(p))) throw unsupported('DateStyle', v, 'ISO');
      const order = parts.find((p) => ['MDY', 'DMY', 'YMD', 'US', 'EURO', 'EUROPEAN', 'NONEURO'].includes(p));
      const normalized =
        order === 'DMY' || order === 'EURO' || order === 'EUROPEAN' ? 'DMY' : order === 'YMD' ? 'YMD' : 'MDY';
      return `ISO, ${normalized}`;
    },
  },
  {
    name: 'IntervalStyle',
    initial: 'postgres',
    report: true,
    description: 'Display format of intervals.',
    normalize: (v) => {
      if (v.toLowerCase() === 'postgres') return 'postgres';
      throw unsupported('IntervalStyle', v, 'postgres');
    },
  },
  {
    name: 'TimeZone',
    initial: 'UTC',
    report: true,
    description: 'Time zone of timestamptz output; Meshwork always answers in UTC.',
    normalize: () => 'UTC',
  },
  {
    name: 'standard_conforming_strings',
    initial: 'on',
    report: true,
    description: "'...' strings treat backslashes literally.",
    normalize: (v) => {
      if (/^(on|true|yes|1)$/i.test(v)) return 'on';
      throw unsupported('standard_conforming_strings', v, 'on');
    },
  },
  {
    name: 'integer_datetimes',
    initial: 'on',
    report: true,
    readOnly: true,
    description: 'Datetimes are integer based.',
  },
  { name: 'server_encoding', initial: 'UTF8', report: true, readOnly: true, description: 'The server character set.' },
  { name: 'server_version', initial: '16.0 (Meshwork)', report: true, readOnly: true, description: 'Server version.' },
  { name: 'server_version_num', initial: '160000', readOnly: true, description: 'Server version as a number.' },
  {
    name: 'is_superuser',
    initial: 'off',
    report: true,
    readOnly: true,
    description: 'Never: Meshwork has no superuser.',
  },
  { name: 'session_authorization', initial: '', report: true, readOnly: true, description: 'The principal.' },
  {
    name: 'default_transaction_read_only',
    initial: 'on',
    report: true,
    description: 'Every Meshwork transaction is read-only.',
    normalize: () => 'on',
  },
  { name: 'in_hot_standby', initial: 'off', report: true, readOnly: true, description: 'Not a standby.' },
  {
    name: 'extra_float_digits',
    initial: '1',
    description: 'Floats are always sent with their shortest exact digits.',
    normalize: (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < -15 || n > 3) throw unsupported('extra_float_digits', v, '-15 to 3');
      return String(n);
    },
  },
  {
    name: 'bytea_output',
    initial: 'hex',
    description: 'bytea output format.',
    normalize: (v) => {
      if (v.toLowerCase() === 'hex') return 'hex';
      throw unsupported('bytea_output', v, 'hex');
    },
  },
  { name: 'search_path', initial: '"$user", public', description: 'Ignored: products are named domain.product.' },
  {
    name: 'statement_timeout',
    initial: '0',
    description: 'Per-query time limit (ms); the gateway limit applies too.',
    normalize: (v) => String(parseDuration('statement_timeout', v)),
  },
  { name: 'lock_timeout', initial: '0', description: 'No locks are taken.' },
  { name: 'idle_in_transaction_session_timeout', initial: '0', description: 'Accepted, not enforced.' },
  { name: 'idle_session_timeout', initial: '0', description: 'The server limit applies.' },
  { name: 'client_min_messages', initial: 'notice', description: 'Message levels sent to the client.' },
  { name: 'transaction_isolation', initial: 'read committed', description: 'Accepted; every query reads snapshots.' },
  { name: 'default_transaction_isolation', initial: 'read committed', description: 'Accepted.' },
  { name: 'transaction_read_only', initial: 'on', description: 'Always on.', normalize: () => 'on' },
  { name: 'max_identifier_length', initial: '63', readOnly: true, description: 'Identifier length.' },
  { name: 'row_security', initial: 'on', description: 'Row filters always apply.', normalize: () => 'on' },
  { name: 'jit', initial: 'off', description: 'Accepted.' },
  { name: 'escape_string_warning', initial: 'on', description: 'Accepted.' },
  { name: 'synchronous_commit', initial: 'on', description: 'Accepted.' },
  { name: 'lc_messages', initial: 'C', description: 'Messages are in English.' },
  { name: 'lc_monetary', initial: 'C', description: 'Accepted.' },
  { name: 'lc_numeric', initial: 'C', description: 'Accepted.' },
  { name: 'lc_time', initial: 'C', description: 'Accepted.' },
  { name: 'geqo', initial: 'on', description: 'Accepted.' },
  { name: 'work_mem', initial: '4MB', description: 'Accepted; the gateway sets memory limits.' },
  {
    name: 'meshwork.purpose',
    initial: '',
    description: 'The purpose stated for the queries of this session.',
    // As long as over HTTP (query-schemas.ts): a purpose is a short reason, and policies match it.
    normalize: (v) => {
      if (v.length > 200)
        throw unsupported('meshwork.purpose', `${v.slice(0, 20)}…`, 'a purpose of at most 200 characters');
      return v;
    },
  },
];

const BY_NAME: ReadonlyMap<string, Spec> = new Map(SPECS.map((spec) => [spec.name.toLowerCase(), spec]));

export function isLocalSetting(name: string): boolean {
  return BY_NAME.has(name.toLowerCase());
}

function parseDuration(name: string, value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/i.exec(value);
  if (!match) throw unsupported(name, value, 'a duration such as 5000, 5s or 1min');
  const factor: Record<string, number> = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };
  return Math.round(Number(match[1]) * factor[(match[2] ?? 'ms').toLowerCase()]!);
}

export type SettingChange = (name: string, value: string) => void;

export class SessionSettings {
  private readonly values = new Map<string, string>();

  constructor(
    private readonly defaults: Readonly<Record<string, string>> = {},
    /** Called with the PostgreSQL name and new value of reported settings that change. */
    private readonly onReportedChange: SettingChange = () => undefined,
  ) {}

  get(name: string): string {
    const spec = BY_NAME.get(name.toLowerCase());
    if (!spec) throw new Error(`unknown setting ${name}`);
    return this.values.get(spec.name) ?? this.defaults[spec.name] ?? spec.initial;
  }

  /** Sets a value (from SET or a startup parameter); `undefined` resets to the default. */
  set(name: string, value: string | undefined): void {
    const spec = BY_NAME.get(name.toLowerCase());
    if (!spec) throw new Error(`unknown setting ${name}`);
    if (spec.readOnly) {
      throw new WireError('MW5411', '55P02', `parameter "${spec.name}" cannot be changed`);
    }
    const before = this.get(spec.name);
    if (value === undefined) this.values.delete(spec.name);
    else this.values.set(spec.name, spec.normalize ? spec.normalize(value) : value);
    const after = this.get(spec.name);
    if (spec.report && before !== after) this.onReportedChange(spec.name, after);
  }

  resetAll(): void {
    for (const spec of SPECS) if (!spec.readOnly && this.values.has(spec.name)) this.set(spec.name, undefined);
  }

  /** The settings sent as ParameterStatus after authentication. */
  reported(): [string, string][] {
    return SPECS.filter((spec) => spec.report).map((spec) => [spec.name, this.get(spec.name)]);
  }

  all(): { name: string; setting: string; description: string }[] {
    return SPECS.map((spec) => ({ name: spec.name, setting: this.get(spec.name), description: spec.description }));
  }

  canonicalName(name: string): string {
    return BY_NAME.get(name.toLowerCase())?.name ?? name;
  }

  /** The client's statement_timeout in ms (0 = none). */
  get statementTimeoutMs(): number {
    return Number(this.get('statement_timeout'));
  }
}
