// A generated catalog for the search benchmark, shaped like a real one: each domain has a theme
// with its own words, product names combine a few thousand words, columns mix a few hundred
// common names with product-specific ones, and descriptions draw from a 20,000-word vocabulary
// with a Zipf-like distribution — so a common word matches a few percent of the catalog and a
// rare one a handful of products, instead of every word matching a quarter of it.

/** A deterministic pseudo-random generator, so every run searches the same catalog. */
export function random(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Shared business words, the head of every description's distribution. */
export const COMMON = `customer order invoice payment revenue campaign ticket shipment warehouse product inventory
supplier contract account segment region country channel lead opportunity refund return discount
price margin forecast budget employee store basket session click impression conversion churn loyalty
subscription plan usage device address delivery carrier route stock category brand promotion coupon
survey rating review incident claim policy premium risk fraud ledger balance transfer tax currency
daily weekly monthly yearly history snapshot summary detail event status metric target actual total`
  .split(/\s+/)
  .filter(Boolean);

/** One theme per domain (domain d has theme d mod 12): the words its products are named with. */
export const THEMES = [
  'sales: quote deal pipeline territory rep commission booking upsell renewal bundle cart checkout pos',
  'finance: journal accrual receivable payable treasury cashflow ebitda depreciation audit fiscal gl reconciliation',
  'marketing: audience attribution creative newsletter funnel keyword influencer sponsorship webinar persona banner',
  'logistics: pallet freight dock manifest container fleet parcel tracking customs lane depot consignment',
  'people: payroll hiring applicant recruiter onboarding headcount absence timesheet benefit appraisal training',
  'support: agent queue escalation backlog resolution sla chatbot callback satisfaction knowledgebase macro',
  'engineering: deployment build repository commit pullrequest pager latency uptime outage release sprint',
  'risk: exposure limit stress collateral default counterparty sanction aml kyc provision varmodel',
  'iot: sensor telemetry firmware gateway reading vibration temperature humidity meter actuator heartbeat',
  'health: patient encounter diagnosis prescription clinic admission discharge vaccine lab referral dosage',
  'manufacturing: batch workorder assembly defect yield scrap machine shift tooling routing bom',
  'energy: tariff outage feeder substation consumption generation grid turbine solar storage dispatch',
].map((line) => {
  const [name, words] = line.split(': ');
  return { name, words: words.split(' ') };
});

/** Generic words, the most frequent of descriptions (not stop words, so they are indexed). */
export const GENERIC = `data record records value values field used each per when this which all one two new
last first current source table row rows based only also more most number time period level type
full latest raw clean final standard main related`
  .split(/\s+/)
  .filter(Boolean);

/** Column names every kind of table has. */
const GENERIC_COLUMNS = `id created_at updated_at deleted_at name description status type code valid_from valid_to
version source_system load_ts batch_id is_active comment external_id created_by updated_by sort_order`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = `ka lo mi ne ru sa te vo zu ba de fi go hu ja ke li mo nu pa qui re si to va we xi yo zo
bri cla dre fla gro pla sta tri vel mor tan lin dor rix sel quo nar pel tor vis`
  .split(/\s+/)
  .filter(Boolean);

/** 20,000 distinct pronounceable made-up words: the long tail of descriptions and names. */
export function syntheticWords(count, rnd) {
  const seen = new Set([...GENERIC, ...COMMON, ...THEMES.flatMap((t) => t.words)]);
  const words = [];
  while (words.length < count) {
    const length = 2 + Math.floor(rnd() * 3);
    let word = '';
    for (let i = 0; i < length; i++) word += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

/** Picks rank r of a list with probability ∝ 1 / (r + 1)^s (a cumulative table, binary search). */
export function zipf(list, s, rnd) {
  const cumulative = new Float64Array(list.length);
  let sum = 0;
  for (let r = 0; r < list.length; r++) cumulative[r] = sum += 1 / (r + 1) ** s;
  return () => {
    const x = rnd() * sum;
    let low = 0;
    let high = list.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid] < x) low = mid + 1;
      else high = mid;
    }
    return list[low];
  };
}

const SUFFIX = ['id', 'date', 'amount', 'count', 'code', 'name', 'status', 'type', 'score', 'total', 'at', 'key'];
const CLASSES = ['internal', 'internal', 'internal', 'pii', 'confidential', 'public', 'restricted'];
const ARCHETYPES = ['source-aligned', 'aggregate', 'consumer-aligned'];
const ENTITIES = [
  ['Customer', ['client', 'account holder']],
  ['Order', ['purchase']],
  ['Product', ['item', 'sku']],
  ['Campaign', ['initiative']],
  ['Supplier', ['vendor']],
];

export const DISTRIBUTION = {
  descriptionVocabulary: 20_000,
  zipfExponent: 1.05,
  nameVocabulary: 3_000,
  commonColumns: 300,
  productSpecificColumnShare: 0.3,
  tags: 200,
};

/** What the catalog looks like, printed by the bench. */
export function describeDistribution() {
  const d = DISTRIBUTION;
  return (
    `  catalog: 50 domains in ${THEMES.length} themes of ~11 words; product names = theme word + 1–2 of ` +
    `${d.nameVocabulary.toLocaleString('en')} name words (Zipf s=1); columns: ${Math.round((1 - d.productSpecificColumnShare) * 100)}% ` +
    `of ${d.commonColumns} common names, ${Math.round(d.productSpecificColumnShare * 100)}% product-specific; descriptions ` +
    `8–16 words from ${d.descriptionVocabulary.toLocaleString('en')} (Zipf s=${d.zipfExponent}: ${GENERIC.length} generic words, then ${COMMON.length} common business words, then made-up words); ` +
    `tags from ${d.tags} (Zipf s=1); 60% documented`
  );
}

export function generateCatalog(products, { domains = 50, columns = 30 } = {}) {
  const rnd = random(42);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const synthetic = syntheticWords(DISTRIBUTION.descriptionVocabulary, rnd);
  const descriptionWord = zipf([...GENERIC, ...COMMON, ...synthetic], DISTRIBUTION.zipfExponent, rnd);
  const nameWords = [...COMMON, ...synthetic.slice(0, DISTRIBUTION.nameVocabulary - COMMON.length)];
  const nameWord = zipf(nameWords, 1, rnd);
  const tagList = [...COMMON.slice(0, 40), ...synthetic.slice(0, DISTRIBUTION.tags - 40)];
  const tag = zipf(tagList, 1, rnd);
  const themeWords = THEMES.flatMap((t) => t.words);
  const business = [...COMMON, ...themeWords];
  const commonColumns = [
    ...GENERIC_COLUMNS,
    ...Array.from(
      { length: DISTRIBUTION.commonColumns - GENERIC_COLUMNS.length },
      (_, k) => `${business[(k * 7) % business.length]}_${SUFFIX[k % SUFFIX.length]}`,
    ),
  ];
  const commonColumn = zipf(commonColumns, 1, rnd);
  const sentence = (min, max) =>
    Array.from({ length: min + Math.floor(rnd() * (max - min + 1)) }, descriptionWord).join(' ');

  const domainMap = new Map();
  const teams = new Map();
  for (let d = 0; d < domains; d++) {
    const theme = THEMES[d % THEMES.length];
    domainMap.set(`domain-${d}`, { name: `domain-${d}`, title: `${theme.name} ${d}`, tags: [], file: '' });
    teams.set(`team-${d}`, { id: `team-${d}`, name: `Team ${theme.name} ${d}`, members: [] });
  }
  const entities = new Map(ENTITIES.map(([name, synonyms]) => [name, { name, synonyms, urn: '', description: '' }]));
  const map = new Map();
  for (let i = 0; i < products; i++) {
    const d = i % domains;
    const theme = THEMES[d % THEMES.length];
    const a = pick(theme.words);
    const b = nameWord();
    const c = rnd() < 0.5 ? nameWord() : undefined;
    const documented = rnd() < 0.6;
    const cols = Array.from({ length: columns }, (_, k) => {
      const name =
        rnd() < DISTRIBUTION.productSpecificColumnShare
          ? `${rnd() < 0.5 ? a : descriptionWord()}_${pick(SUFFIX)}`
          : commonColumn();
      const bound = k < 3 && rnd() < 0.5 ? pick(ENTITIES)[0] : undefined;
      return {
        name: `${name}${k}`,
        classification: pick(CLASSES),
        ...(documented || rnd() < 0.3 ? { description: `The ${name.replace('_', ' ')} ${sentence(1, 4)}.` } : {}),
        terms: bound ? [`${bound}.${bound.toLowerCase()}_id`] : [],
        required: false,
        unique: false,
        primaryKey: false,
      };
    });
    const words = c ? [a, b, c] : [a, b];
    const id = `domain-${d}.${words.join('-')}-${i}`;
    map.set(id, {
      id,
      name: `${words.join('-')}-${i}`,
      title: words.join(' '),
      domain: `domain-${d}`,
      status: rnd() < 0.9 ? 'active' : pick(['draft', 'deprecated']),
      archetype: pick(ARCHETYPES),
      ownerTeam: `team-${d}`,
      description: documented ? `${a} ${b} ${sentence(8, 16)}.` : undefined,
      tags: [pick(theme.words), tag()],
      descriptor: documented
        ? { description: { purpose: `Trusted ${a} and ${b} data: ${sentence(4, 8)}.`, usage: 'Join on ids.' } }
        : {},
      outputPorts: [
        {
          name: `${a}_${b}`,
          version: '1.0.0',
          major: 1,
          contract: { tables: [{ name: `${a}_${b}`, columns: cols }] },
        },
      ],
      contracts: [],
      inputPorts: [],
      dependsOn: [],
    });
  }
  return {
    name: 'bench',
    config: {},
    teams,
    users: new Map(),
    serviceAccounts: new Map(),
    domains: domainMap,
    products: map,
    glossary: { entities, terms: new Map(), metrics: new Map(), files: [] },
    vocabulary: { synthetic, themeWords, nameWords, tagList },
  };
}

/** Queries of every kind, in turn; each carries its kind so the bench can report matches by kind. */
export function generateQueries(count, vocabulary) {
  const rnd = random(7);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const { synthetic, themeWords, nameWords, tagList } = vocabulary;
  const typo = (w) => {
    const i = 1 + Math.floor(rnd() * (w.length - 2));
    return w.slice(0, i) + w.slice(i + 1); // one letter dropped
  };
  const long = (list) => {
    for (;;) {
      const w = pick(list);
      if (w.length >= 6) return w;
    }
  };
  const kinds = [
    ['common word', () => ({ text: pick(COMMON) })],
    ['theme word', () => ({ text: pick(themeWords) })],
    ['rare word', () => ({ text: pick(synthetic.slice(2_000, 15_000)) })],
    ['typo', () => ({ text: typo(long([...COMMON, ...themeWords])) })],
    ['prefix', () => ({ text: long(themeWords).slice(0, 4) })],
    ['two words', () => ({ text: `${pick(themeWords)} ${pick(nameWords.slice(0, 500))}` })],
    ['synonym', () => ({ text: pick(['client', 'vendor', 'sku', 'purchase']) })],
    ['word + domain', () => ({ text: pick(COMMON), filters: { domain: [`domain-${Math.floor(rnd() * 50)}`] } })],
    [
      'typo + facets',
      () => ({ text: typo(long(themeWords)), filters: { classification: ['pii'], status: ['active'] } }),
    ],
    [
      'browse facets',
      () => ({ text: '', filters: { archetype: [pick(ARCHETYPES)], tag: [pick(tagList.slice(0, 60))] } }),
    ],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [kind, make] = kinds[i % kinds.length];
    return { kind, query: { filters: {}, limit: 20, offset: 0, ...make() } };
  });
}
