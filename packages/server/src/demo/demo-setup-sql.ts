/**
 * The demo's calendar, its sizes at a given scale, and the reference tables (countries, calendar
 * days with their order weight, catalog vocabulary, warehouses, carriers) loaded into DuckDB
 * before any generated table is built.
 */
import {
  CARRIERS,
  CATEGORIES,
  COUNTRIES,
  IP_BLOCKS,
  MARKETPLACES,
  NAMES,
  STREETS,
  WAREHOUSES,
  type Region,
} from './demo-reference-data.js';
import { epochSeconds, ibanFor, valuesTable } from './demo-sql.js';

/** Orders are placed over two years: the first and the last day with orders (UTC). */
export const FIRST_DAY = '2024-10-01';
export const DAYS = 730;
export const LAST_DAY = '2026-09-30';
/** When the source systems exported their data: nothing in the files happens later. */
export const EXPORT_AT = '2026-10-01 06:00:00';
export const EXPORT_S = epochSeconds(EXPORT_AT);
/** Customers who signed up before the order window did so from this day on. */
export const FIRST_SIGNUP_DAY = '2019-01-01';

export interface DemoSizes {
  readonly customers: number;
  readonly products: number;
  readonly orders: number;
  readonly tickets: number;
  readonly campaigns: number;
  /** Campaign touches not tied to an order (impressions, opens, clicks, visits). */
  readonly touches: number;
}

/** Row counts at a scale (1 = full size: 200k customers, 750k orders, ~5.3M order lines). */
export function demoSizes(scale: number): DemoSizes {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a positive number, not ${scale}`);
  const at = (full: number, min: number) => Math.max(min, Math.round(full * scale));
  return {
    customers: at(200_000, 200),
    products: Math.max(150, Math.round(2_400 * Math.sqrt(Math.min(scale, 1)))),
    orders: at(750_000, 500),
    tickets: at(60_000, 100),
    campaigns: 120,
    touches: at(450_000, 500),
  };
}

const HOUR_WEIGHTS = [
  0.6, 0.35, 0.2, 0.15, 0.15, 0.25, 0.6, 1.2, 2, 2.6, 3, 3.2, 3.4, 3.2, 3, 3, 3.2, 3.6, 4.4, 5.4, 6, 5.6, 4, 2,
];

/** The hour of the day (local time) of an order, from a uniform number: evenings are busiest. */
export function hourOfDay(u: string): string {
  const total = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  const branches = HOUR_WEIGHTS.slice(0, -1).map((w, hour) => {
    cumulative += w;
    return `WHEN ${u} < ${(cumulative / total).toFixed(12)} THEN ${hour}`;
  });
  return `CASE ${branches.join(' ')} ELSE 23 END`;
}

const MONTH_FACTOR = [0.86, 0.8, 0.92, 0.95, 0.97, 0.93, 0.95, 0.88, 0.96, 1.02, 1.35, 1.55];
const WEEKDAY_FACTOR = [1.1, 1.04, 1.0, 0.98, 0.99, 0.96, 0.9]; // Sunday first

/** Black Friday: the Friday between 23 and 29 November. */
function isBlackFriday(date: Date): boolean {
  return date.getUTCMonth() === 10 && date.getUTCDay() === 5 && date.getUTCDate() >= 23 && date.getUTCDate() <= 29;
}

/**
 * The relative order volume of a day: growth over the two years, monthly seasonality (a strong
 * November and December), weekdays, Black Friday week, Cyber Monday, a July sale, Christmas.
 */
export function dayWeight(date: Date, index: number): number {
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const weekday = date.getUTCDay();
  let weight = (1 + (0.45 * index) / DAYS) * MONTH_FACTOR[month]! * WEEKDAY_FACTOR[weekday]!;
  const shifted = (days: number) => new Date(date.getTime() + days * 86_400_000);
  if (isBlackFriday(date)) weight *= 3.2;
  else if (weekday === 1 && isBlackFriday(shifted(-3))) weight *= 2.4;
  else if (weekday >= 1 && weekday <= 4 && isBlackFriday(shifted(5 - weekday))) weight *= 1.5;
  if (month === 6 && (weekday === 2 || weekday === 3) && day >= 8 && day <= 17) weight *= 1.9;
  if (month === 10 && day === 11) weight *= 1.3;
  if (month === 11 && day === 24) weight *= 0.7;
  if (month === 11 && day === 25) weight *= 0.45;
  if (month === 11 && (day === 26 || day === 31)) weight *= 0.8;
  if (month === 0 && day === 1) weight *= 0.6;
  return weight;
}

/** `dg_days(d, day, cum_lo, promo)`: each day of the window with the share of orders before it. */
function daysTables(): string[] {
  const start = Date.parse(`${FIRST_DAY}T00:00:00Z`);
  const days = Array.from({ length: DAYS }, (_, d) => {
    const date = new Date(start + d * 86_400_000);
    return { d, date, weight: dayWeight(date, d) };
  });
  const total = days.reduce((sum, x) => sum + x.weight, 0);
  let before = 0;
  const rows = days.map(({ d, date, weight }) => {
    const cumLo = before / total;
    before += weight;
    const iso = date.toISOString().slice(0, 10);
    const month = date.getUTCMonth();
    const blackWeek =
      isBlackFriday(date) || [1, 2, 3, 4, -3].some((k) => isBlackFriday(new Date(date.getTime() + k * 86_400_000)));
    // Price promotions on top of coupons: Black Friday week, the July sale, Christmas season.
    const promo = blackWeek ? 0.2 : month === 6 && date.getUTCDate() <= 17 ? 0.12 : month === 11 ? 0.05 : 0;
    return [d, iso, Number(cumLo.toFixed(12)), promo, blackWeek ? 1 : 0];
  });
  return [
    valuesTable('dg_days_raw', ['d', 'day_text', 'cum_lo', 'promo', 'black_week'], rows),
    `CREATE OR REPLACE TEMP TABLE dg_days AS
     SELECT d, CAST(day_text AS DATE) AS day, dg_day_s(CAST(day_text AS DATE)) AS day_s, cum_lo, promo, black_week
     FROM dg_days_raw`,
  ];
}

/** Phone number layouts of every country, numbered; `dg_countries` holds each country's range. */
export const PHONE_TEMPLATES: readonly string[] = COUNTRIES.flatMap((c) => c.phones);
/** Postal-code templates of every city, numbered like the cities. */
export const POSTAL_TEMPLATES: readonly string[] = COUNTRIES.flatMap((c) => c.cities.map(([, postal]) => postal));
/** Bank account layouts (SEPA countries), numbered. */
export const BBAN_TEMPLATES: readonly (readonly [string, string])[] = COUNTRIES.flatMap((c) =>
  (c.bban ?? []).map((bban) => [c.code, bban] as const),
);

/** Per country: given names, family names, streets, cities, mailbox providers, warehouses. */
export const BY_COUNTRY = {
  firstNames: Object.fromEntries(COUNTRIES.map((c) => [c.code, NAMES[c.lang]!.first])),
  lastNames: Object.fromEntries(COUNTRIES.map((c) => [c.code, NAMES[c.lang]!.last])),
  streets: Object.fromEntries(COUNTRIES.map((c) => [c.code, STREETS[c.streetStyle]!.names])),
  cities: Object.fromEntries(COUNTRIES.map((c) => [c.code, c.cities.map(([city]) => city)])),
  mailDomains: Object.fromEntries(COUNTRIES.map((c) => [c.code, c.mailDomains])),
  warehouses: Object.fromEntries(COUNTRIES.map((c) => [c.code, warehousesFor(c.code)])),
} as const;

/** Public IPv4 first octets per region, as text. */
export const IP_OCTETS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(IP_BLOCKS).map(([region, octets]) => [region, octets.map(String)]),
);

function countriesTable(): string {
  let phone = 0;
  let city = 0;
  let bban = 0;
  const rows = COUNTRIES.map((c) => {
    const street = STREETS[c.streetStyle]!;
    const row = [
      c.code,
      c.region,
      c.share,
      c.vat,
      c.utcShift,
      phone,
      c.phones.length,
      bban,
      c.bban?.length ?? 0,
      city,
      c.cities.length,
      c.companyTld,
      street.format,
      street.numbers[0],
      street.numbers[1],
    ];
    phone += c.phones.length;
    city += c.cities.length;
    bban += c.bban?.length ?? 0;
    return row;
  });
  return valuesTable(
    'dg_countries',
    [
      'code',
      'region',
      'share',
      'vat',
      'utc_shift',
      'phone_first',
      'phone_count',
      'bban_first',
      'bban_count',
      'city_first',
      'city_count',
      'company_tld',
      'street_format',
      'number_min',
      'number_max',
    ],
    rows,
  );
}

function warehousesFor(country: string): string[] {
  const serving = WAREHOUSES.filter((w) => w.serves.includes(country)).map((w) => w.code);
  if (serving.length === 0) throw new Error(`no warehouse serves ${country}`);
  return serving;
}

/** Flat list of subcategories with the share of SKUs each gets. */
function subcategoriesTable(): string {
  const rows = CATEGORIES.flatMap((category) =>
    category.subcategories.map((sub) => [
      category.name,
      sub.name,
      category.share / category.subcategories.length,
      sub.price[0],
      sub.price[1],
      sub.grams[0],
      sub.grams[1],
      [...sub.nouns],
      [...category.brands],
    ]),
  );
  return valuesTable(
    'dg_subcategories',
    ['k', 'category', 'subcategory', 'share', 'price_lo', 'price_hi', 'grams_lo', 'grams_hi', 'nouns', 'brands'],
    rows.map((row, k) => [k, ...row]),
  );
}

function warehousesTable(): string {
  return valuesTable(
    'dg_warehouses',
    ['code', 'name', 'city', 'country', 'lat', 'lon', 'capacity', 'opened'],
    WAREHOUSES.map((w) => [w.code, w.name, w.city, w.country, w.lat, w.lon, w.capacity, w.opened]),
  );
}

function carriersTable(): string {
  const rows = (Object.keys(CARRIERS) as Region[]).flatMap((region) => {
    let cumulative = 0;
    return CARRIERS[region].map(([carrier, share, lateRate]) => {
      const lo = cumulative;
      cumulative += share;
      return [region, carrier, Number(lo.toFixed(6)), lateRate];
    });
  });
  return valuesTable('dg_carriers', ['region', 'carrier', 'cum_lo', 'late_rate'], rows);
}

function marketplacesTable(): string {
  return valuesTable(
    'dg_marketplaces',
    ['k', 'payer', 'iban'],
    MARKETPLACES.map(([payer, country, bban], k) => [k, payer, ibanFor(country, bban)]),
  );
}

/** Every reference table, in creation order. */
export function referenceTables(): string[] {
  return [
    ...daysTables(),
    countriesTable(),
    subcategoriesTable(),
    warehousesTable(),
    carriersTable(),
    marketplacesTable(),
  ];
}
