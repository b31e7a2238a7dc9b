// Generates TPC-H-like data with DuckDB SQL alone: range() for the rows, hash() of a row key and
// a salt for every "random" choice, so the same scale factor always gives the same rows (no
// tpch extension, nothing downloaded). Distributions follow the TPC-H specification (§4.2.3)
// closely enough that the 22 queries return rows: dates 1992-1998, sparse order keys, a third of
// the customers without orders, four suppliers per part, flags derived from the dates.
import { TABLES, tableSizes } from './tpch-schema.js';

const list = (words) => `[${words.map((w) => `'${w}'`).join(', ')}]`;

// Spec vocabularies (nation and region names, segments, priorities, type syllables, containers…).
const NATIONS = `ALGERIA,ARGENTINA,BRAZIL,CANADA,EGYPT,ETHIOPIA,FRANCE,GERMANY,INDIA,INDONESIA,IRAN,IRAQ,JAPAN,
  JORDAN,KENYA,MOROCCO,MOZAMBIQUE,PERU,CHINA,ROMANIA,SAUDI ARABIA,VIETNAM,RUSSIA,UNITED KINGDOM,UNITED STATES`.split(
  /,\s*/,
);
// The region of each nation, by nation key.
const NATION_REGIONS = [0, 1, 1, 1, 4, 0, 3, 3, 2, 2, 4, 4, 2, 4, 0, 0, 0, 1, 2, 3, 4, 2, 3, 3, 1];
const REGIONS = ['AFRICA', 'AMERICA', 'ASIA', 'EUROPE', 'MIDDLE EAST'];
const SEGMENTS = ['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'MACHINERY', 'HOUSEHOLD'];
const PRIORITIES = ['1-URGENT', '2-HIGH', '3-MEDIUM', '4-NOT SPECIFIED', '5-LOW'];
const INSTRUCTIONS = ['DELIVER IN PERSON', 'COLLECT COD', 'NONE', 'TAKE BACK RETURN'];
const MODES = ['REG AIR', 'AIR', 'RAIL', 'SHIP', 'TRUCK', 'MAIL', 'FOB'];
const TYPE_1 = ['STANDARD', 'SMALL', 'MEDIUM', 'LARGE', 'ECONOMY', 'PROMO'];
const TYPE_2 = ['ANODIZED', 'BURNISHED', 'PLATED', 'POLISHED', 'BRUSHED'];
const TYPE_3 = ['TIN', 'NICKEL', 'BRASS', 'STEEL', 'COPPER'];
const CONTAINER_1 = ['SM', 'LG', 'MED', 'JUMBO', 'WRAP'];
const CONTAINER_2 = ['CASE', 'BOX', 'BAG', 'JAR', 'PKG', 'PACK', 'CAN', 'DRUM'];
const COLOURS = `almond antique aquamarine azure beige bisque black blanched blue blush brown burlywood
  burnished chartreuse chiffon chocolate coral cornflower cornsilk cream cyan dark deep dim dodger drab
  firebrick floral forest frosted gainsboro ghost goldenrod green grey honeydew hot indian ivory khaki
  lace lavender lawn lemon light lime linen magenta maroon medium metallic midnight mint misty moccasin
  navajo navy olive orange orchid pale papaya peach peru pink plum powder puff purple red rose rosy
  royal saddle salmon sandy seashell sienna sky slate smoke snow spring steel tan thistle tomato
  turquoise violet wheat white yellow`.split(/\s+/);
// Comment text: a small vocabulary in the spirit of the spec's grammar. It contains "special" and
// "requests" so that Q13's NOT LIKE '%special%requests%' excludes some orders.
const WORDS = `furiously quickly carefully blithely slyly fluffily ruthlessly final regular special pending
  express ironic bold even silent unusual careful requests deposits packages accounts instructions
  theodolites pinto beans foxes ideas dependencies excuses platelets asymptotes courts dolphins sleep
  wake haggle nag use boost affix detect integrate cajole thrash according to about above after among
  along across against`.split(/\s+/);

const setup = (sf) => {
  const size = tableSizes(sf);
  return [
    // rnd(k, salt, lo, hi): a uniform integer in [lo, hi] fixed by the row key k and the salt.
    `CREATE OR REPLACE MACRO rnd(k, salt, lo, hi) AS
       CAST(lo AS BIGINT) + CAST(hash(k, salt) % CAST(hi - lo + 1 AS UBIGINT) AS BIGINT)`,
    `CREATE OR REPLACE MACRO pick(arr, k, salt) AS arr[rnd(k, salt, 1, len(arr))]`,
    // Free text of lo..hi words.
    `CREATE OR REPLACE MACRO words(k, salt, lo, hi) AS array_to_string(
       list_transform(range(rnd(k, salt, lo, hi)), lambda wi: ${list(WORDS)}[rnd(k, salt * 100 + wi, 1, ${WORDS.length})]), ' ')`,
    `CREATE OR REPLACE MACRO address(k, salt) AS substr(md5(CAST(k * 7 + salt AS VARCHAR)) || md5(CAST(k AS VARCHAR)), 1, CAST(rnd(k, salt, 10, 40) AS INTEGER))`,
    `CREATE OR REPLACE MACRO phone(k, salt, nationkey) AS
       CAST(nationkey + 10 AS VARCHAR) || '-' || rnd(k, salt, 100, 999) || '-' || rnd(k, salt + 1, 100, 999) || '-' || rnd(k, salt + 2, 1000, 9999)`,
    `CREATE OR REPLACE MACRO money(k, salt, lo_cents, hi_cents) AS CAST(rnd(k, salt, lo_cents, hi_cents) / 100 AS DECIMAL(15,2))`,
    // §4.2.3: the i-th (0-3) supplier of a part, so that the four suppliers of a part differ.
    `CREATE OR REPLACE MACRO supplier_of(partkey, i) AS
       CAST((partkey + i * (${Math.floor(size.supplier / 4)} + (partkey - 1) // ${size.supplier})) % ${size.supplier} + 1 AS INTEGER)`,
    `CREATE OR REPLACE MACRO retail_price(partkey) AS
       CAST((90000 + ((partkey // 10) % 20001) + 100 * (partkey % 1000)) / 100 AS DECIMAL(15,2))`,
  ];
};

const tableSql = (sf) => {
  const size = tableSizes(sf);
  const clerks = Math.max(1, Math.round(sf * 1000));
  // Only customers whose key is not a multiple of 3 place orders (§4.2.3): j ↦ 1, 2, 4, 5, 7, 8…
  const ordering = size.customer - Math.floor(size.customer / 3);
  return {
    region: `SELECT CAST(i AS INTEGER) AS r_regionkey, ${list(REGIONS)}[i + 1] AS r_name, words(i, 1, 5, 12) AS r_comment FROM range(5) t(i)`,
    nation: `SELECT CAST(i AS INTEGER) AS n_nationkey, ${list(NATIONS)}[i + 1] AS n_name,
        CAST([${NATION_REGIONS.join(', ')}][i + 1] AS INTEGER) AS n_regionkey, words(i, 2, 5, 12) AS n_comment
      FROM range(25) t(i)`,
    supplier: `SELECT CAST(k AS INTEGER) AS s_suppkey, 'Supplier#' || lpad(CAST(k AS VARCHAR), 9, '0') AS s_name,
        address(k, 3) AS s_address, CAST(nk AS INTEGER) AS s_nationkey, phone(k, 4, nk) AS s_phone,
        money(k, 7, -99999, 999999) AS s_acctbal,
        -- A few suppliers have had complaints (Q16 excludes them).
        CASE WHEN k % 1987 = 7 THEN words(k, 8, 1, 3) || ' Customer ' || words(k, 9, 1, 3) || ' Complaints'
             ELSE words(k, 8, 4, 14) END AS s_comment
      FROM (SELECT range + 1 AS k, rnd(range + 1, 10, 0, 24) AS nk FROM range(${size.supplier}))`,
    part: `SELECT CAST(k AS INTEGER) AS p_partkey,
        array_to_string(list_transform(range(5), lambda ci: ${list(COLOURS)}[rnd(k, 20 + ci, 1, ${COLOURS.length})]), ' ') AS p_name,
        'Manufacturer#' || m AS p_mfgr, 'Brand#' || m || rnd(k, 22, 1, 5) AS p_brand,
        pick(${list(TYPE_1)}, k, 23) || ' ' || pick(${list(TYPE_2)}, k, 24) || ' ' || pick(${list(TYPE_3)}, k, 25) AS p_type,
        CAST(rnd(k, 26, 1, 50) AS INTEGER) AS p_size,
        pick(${list(CONTAINER_1)}, k, 27) || ' ' || pick(${list(CONTAINER_2)}, k, 28) AS p_container,
        retail_price(k) AS p_retailprice, words(k, 29, 2, 5) AS p_comment
      FROM (SELECT range + 1 AS k, rnd(range + 1, 21, 1, 5) AS m FROM range(${size.part}))`,
    partsupp: `SELECT CAST(p AS INTEGER) AS ps_partkey, supplier_of(p, i) AS ps_suppkey,
        CAST(rnd(p * 4 + i, 30, 1, 9999) AS INTEGER) AS ps_availqty, money(p * 4 + i, 31, 100, 100000) AS ps_supplycost,
        words(p * 4 + i, 32, 6, 20) AS ps_comment
      FROM (SELECT range + 1 AS p FROM range(${size.part})), range(4) t(i)`,
    customer: `SELECT CAST(k AS INTEGER) AS c_custkey, 'Customer#' || lpad(CAST(k AS VARCHAR), 9, '0') AS c_name,
        address(k, 40) AS c_address, CAST(nk AS INTEGER) AS c_nationkey, phone(k, 41, nk) AS c_phone,
        money(k, 44, -99999, 999999) AS c_acctbal, pick(${list(SEGMENTS)}, k, 45) AS c_mktsegment, words(k, 46, 5, 15) AS c_comment
      FROM (SELECT range + 1 AS k, rnd(range + 1, 47, 0, 24) AS nk FROM range(${size.customer}))`,
    // The order columns that do not depend on its lines; o_orderkey keeps 8 of every 32 keys.
    order_base: `SELECT CAST((i // 8) * 32 + i % 8 + 1 AS INTEGER) AS o_orderkey, rnd(i, 50, 1, 7) AS lines,
        CAST((j // 2) * 3 + j % 2 + 1 AS INTEGER) AS o_custkey,
        DATE '1992-01-01' + CAST(rnd(i, 52, 0, 2405) AS INTEGER) AS o_orderdate,
        pick(${list(PRIORITIES)}, i, 53) AS o_orderpriority,
        'Clerk#' || lpad(CAST(rnd(i, 54, 1, ${clerks}) AS VARCHAR), 9, '0') AS o_clerk, words(i, 55, 3, 12) AS o_comment
      FROM (SELECT range AS i, rnd(range, 51, 0, ${ordering - 1}) AS j FROM range(${size.orders}))`,
    lineitem: `WITH l AS (
        SELECT o_orderkey, o_orderdate, unnest(range(1, lines + 1)) AS ln FROM order_base
      ), keyed AS (
        -- k identifies the line: the key of all its random choices.
        SELECT *, CAST(o_orderkey AS BIGINT) * 8 + ln AS k FROM l
      ), v AS (
        SELECT *, rnd(k, 60, 1, ${size.part}) AS p, o_orderdate + CAST(rnd(k, 61, 1, 121) AS INTEGER) AS ship FROM keyed
      ), w AS (
        SELECT *, ship + CAST(rnd(k, 62, 1, 30) AS INTEGER) AS receipt, CAST(rnd(k, 63, 1, 50) AS DECIMAL(15,2)) AS qty FROM v
      )
      SELECT o_orderkey AS l_orderkey, CAST(p AS INTEGER) AS l_partkey, supplier_of(p, rnd(k, 64, 0, 3)) AS l_suppkey,
        CAST(ln AS INTEGER) AS l_linenumber, qty AS l_quantity, CAST(qty * retail_price(p) AS DECIMAL(15,2)) AS l_extendedprice,
        money(k, 65, 0, 10) AS l_discount, money(k, 66, 0, 8) AS l_tax,
        CASE WHEN receipt <= DATE '1995-06-17' THEN pick(['R', 'A'], k, 67) ELSE 'N' END AS l_returnflag,
        CASE WHEN ship > DATE '1995-06-17' THEN 'O' ELSE 'F' END AS l_linestatus,
        ship AS l_shipdate, o_orderdate + CAST(rnd(k, 68, 30, 90) AS INTEGER) AS l_commitdate, receipt AS l_receiptdate,
        pick(${list(INSTRUCTIONS)}, k, 69) AS l_shipinstruct, pick(${list(MODES)}, k, 70) AS l_shipmode,
        words(k, 71, 2, 6) AS l_comment
      FROM w`,
    // Status and total price come from the order's lines (§4.2.3).
    orders: `SELECT o.o_orderkey, o.o_custkey,
        CASE WHEN bool_and(l_linestatus = 'F') THEN 'F' WHEN bool_and(l_linestatus = 'O') THEN 'O' ELSE 'P' END AS o_orderstatus,
        CAST(sum(l_extendedprice * (1 + l_tax) * (1 - l_discount)) AS DECIMAL(15,2)) AS o_totalprice,
        o.o_orderdate, o.o_orderpriority, o.o_clerk, CAST(0 AS INTEGER) AS o_shippriority, o.o_comment
      FROM order_base o JOIN lineitem l ON l.l_orderkey = o.o_orderkey
      GROUP BY ALL`,
  };
};

/**
 * Writes `<table>.parquet` for the eight tables with `fileFor(table)` as the path; returns row
 * counts. `connection` is a DuckDB connection of the caller's instance.
 */
export async function generateTpchData(connection, sf, fileFor) {
  for (const sql of setup(sf)) await connection.run(sql);
  const sql = tableSql(sf);
  // Lines and orders are built once as temp tables, since orders aggregates the lines.
  await connection.run(`CREATE OR REPLACE TEMP TABLE order_base AS ${sql.order_base}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE lineitem AS ${sql.lineitem}`);
  const counts = {};
  for (const table of Object.keys(TABLES)) {
    const columns = TABLES[table].columns.map(([c]) => c).join(', ');
    const from = table === 'lineitem' ? 'lineitem' : `(${sql[table]})`;
    // Sorted by key like dbgen's output, and in the contract's column order.
    const order = TABLES[table].key.join(', ');
    await connection.run(
      `COPY (SELECT ${columns} FROM ${from} ORDER BY ${order}) TO '${fileFor(table)}' (FORMAT parquet, COMPRESSION zstd)`,
    );
    const rows = await connection.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM read_parquet('${fileFor(table)}')`);
    counts[table] = Number(rows.getRowObjects()[0].n);
  }
  await connection.run('DROP TABLE lineitem');
  await connection.run('DROP TABLE order_base');
  return counts;
}
