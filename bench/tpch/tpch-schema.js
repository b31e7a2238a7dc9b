// The eight TPC-H tables as Meshwork data products: which domain publishes each, and its
// columns with the types of the TPC-H specification (§1.4) as DuckDB spells them. Product,
// output port and table share one name, so `sales.lineitem` means the same whether the gateway
// resolves a relation by product or by port.

const INT = 'INTEGER';
const MONEY = 'DECIMAL(15,2)';
const TEXT = 'VARCHAR';
const DAY = 'DATE';

/** `[column, DuckDB type, description]`; the key columns come first, in key order. */
export const TABLES = {
  region: {
    domain: 'geo',
    key: ['r_regionkey'],
    description: 'The five regions of the world.',
    columns: [
      ['r_regionkey', INT, 'Region key, 0-4.'],
      ['r_name', TEXT, 'Region name (AFRICA, AMERICA, ASIA, EUROPE, MIDDLE EAST).'],
      ['r_comment', TEXT, 'Free text.'],
    ],
  },
  nation: {
    domain: 'geo',
    key: ['n_nationkey'],
    description: 'The 25 nations and the region each belongs to.',
    columns: [
      ['n_nationkey', INT, 'Nation key, 0-24.'],
      ['n_name', TEXT, 'Nation name.'],
      ['n_regionkey', INT, 'Region of the nation (geo.region).'],
      ['n_comment', TEXT, 'Free text.'],
    ],
  },
  supplier: {
    domain: 'parts',
    key: ['s_suppkey'],
    description: 'Suppliers of parts.',
    columns: [
      ['s_suppkey', INT, 'Supplier key.'],
      ['s_name', TEXT, 'Supplier#<key>.'],
      ['s_address', TEXT, 'Street address.'],
      ['s_nationkey', INT, 'Nation of the supplier (geo.nation).'],
      ['s_phone', TEXT, 'Phone number; its first two digits are the nation key + 10.'],
      ['s_acctbal', MONEY, 'Account balance.'],
      ['s_comment', TEXT, 'Free text; a few mention customer complaints.'],
    ],
  },
  part: {
    domain: 'parts',
    key: ['p_partkey'],
    description: 'Parts sold by the suppliers.',
    columns: [
      ['p_partkey', INT, 'Part key.'],
      ['p_name', TEXT, 'Five colour words.'],
      ['p_mfgr', TEXT, 'Manufacturer#1-5.'],
      ['p_brand', TEXT, 'Brand#MN: manufacturer M, brand N.'],
      ['p_type', TEXT, 'Three syllables, e.g. PROMO BURNISHED COPPER.'],
      ['p_size', INT, 'Size, 1-50.'],
      ['p_container', TEXT, 'Container, e.g. MED BOX.'],
      ['p_retailprice', MONEY, 'Retail price, derived from the key.'],
      ['p_comment', TEXT, 'Free text.'],
    ],
  },
  partsupp: {
    domain: 'parts',
    key: ['ps_partkey', 'ps_suppkey'],
    description: 'Which supplier supplies which part, at what cost: four suppliers per part.',
    columns: [
      ['ps_partkey', INT, 'Part (parts.part).'],
      ['ps_suppkey', INT, 'Supplier (parts.supplier).'],
      ['ps_availqty', INT, 'Quantity available.'],
      ['ps_supplycost', MONEY, 'Cost of one unit.'],
      ['ps_comment', TEXT, 'Free text.'],
    ],
  },
  customer: {
    domain: 'sales',
    key: ['c_custkey'],
    description: 'Customers; a third of them never ordered.',
    columns: [
      ['c_custkey', INT, 'Customer key.'],
      ['c_name', TEXT, 'Customer#<key>.'],
      ['c_address', TEXT, 'Street address.'],
      ['c_nationkey', INT, 'Nation of the customer (geo.nation).'],
      ['c_phone', TEXT, 'Phone number; its first two digits are the nation key + 10.'],
      ['c_acctbal', MONEY, 'Account balance.'],
      ['c_mktsegment', TEXT, 'Market segment.'],
      ['c_comment', TEXT, 'Free text.'],
    ],
  },
  orders: {
    domain: 'sales',
    key: ['o_orderkey'],
    description: 'Orders, 1992-01-01 to 1998-08-02.',
    columns: [
      ['o_orderkey', INT, 'Order key (sparse: 8 of every 32 keys are used).'],
      ['o_custkey', INT, 'Customer (sales.customer).'],
      ['o_orderstatus', TEXT, 'F (all lines shipped), O (none) or P (some).'],
      ['o_totalprice', MONEY, 'Sum over its lines of price with tax, less discount.'],
      ['o_orderdate', DAY, 'Day the order was placed.'],
      ['o_orderpriority', TEXT, '1-URGENT to 5-LOW.'],
      ['o_clerk', TEXT, 'Clerk#<n>.'],
      ['o_shippriority', INT, 'Always 0.'],
      ['o_comment', TEXT, 'Free text.'],
    ],
  },
  lineitem: {
    domain: 'sales',
    key: ['l_orderkey', 'l_linenumber'],
    description: 'Order lines: one to seven per order.',
    columns: [
      ['l_orderkey', INT, 'Order (sales.orders).'],
      ['l_partkey', INT, 'Part (parts.part).'],
      ['l_suppkey', INT, 'Supplier, one of the four of the part (parts.partsupp).'],
      ['l_linenumber', INT, 'Line number within the order, 1-7.'],
      ['l_quantity', MONEY, 'Quantity, 1-50.'],
      ['l_extendedprice', MONEY, 'Quantity times the part retail price.'],
      ['l_discount', MONEY, 'Discount, 0.00-0.10.'],
      ['l_tax', MONEY, 'Tax, 0.00-0.08.'],
      ['l_returnflag', TEXT, 'R or A when received by 1995-06-17, else N.'],
      ['l_linestatus', TEXT, 'O when shipped after 1995-06-17, else F.'],
      ['l_shipdate', DAY, 'Order date + 1-121 days.'],
      ['l_commitdate', DAY, 'Order date + 30-90 days.'],
      ['l_receiptdate', DAY, 'Ship date + 1-30 days.'],
      ['l_shipinstruct', TEXT, 'Shipping instruction.'],
      ['l_shipmode', TEXT, 'Shipping mode.'],
      ['l_comment', TEXT, 'Free text.'],
    ],
  },
};

export const DOMAINS = [...new Set(Object.values(TABLES).map((t) => t.domain))].sort();

/** `{ lineitem: 'sales.lineitem', … }`: the names the gateway resolves. */
export const PRODUCT_NAMES = Object.fromEntries(Object.entries(TABLES).map(([t, { domain }]) => [t, `${domain}.${t}`]));

/** Rows of each table at scale factor `sf` (lineitem is about 4 per order, so not listed). */
export function tableSizes(sf) {
  const n = (base) => Math.max(1, Math.round(base * sf));
  return { region: 5, nation: 25, supplier: n(10_000), part: n(200_000), customer: n(150_000), orders: n(1_500_000) };
}

export function logicalType(duckType) {
  if (duckType === 'INTEGER') return 'integer';
  if (duckType === 'DATE') return 'date';
  if (duckType.startsWith('DECIMAL')) return 'number';
  return 'string';
}
