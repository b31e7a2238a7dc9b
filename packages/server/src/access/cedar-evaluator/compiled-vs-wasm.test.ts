/**
 * The compiled evaluator against Cedar's own wasm engine, request by request: the same decision
 * and the same reasons. First on the demo mesh's policies over every principal, resource, action
 * and context shape; then on generated policies — valid and ill-typed alike, since an expression
 * that errors must make both engines skip the same policies — over generated entities.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Context, EntityJson } from '@cedar-policy/cedar-wasm/nodejs';
import { loadWorkspaceFromDisk } from '../../workspace/load-workspace-from-disk.js';
import { resolvePrincipal } from '../../identity/resolve-principal.js';
import { ACCESS_ACTIONS, type AccessResource } from '../access-types.js';
import { createCedarEngine, type CedarEngine, type CedarRequest } from '../cedar-engine.js';
import { createEntityResolver, principalEntity } from '../cedar-entities.js';
import { loadCedarPolicies, type LoadedPolicy } from '../load-cedar-policies.js';

const DEMO = new URL('../../../../../examples/demo-mesh', import.meta.url).pathname;

const CONTEXTS: readonly Context[] = [
  { hasAgreement: false, agreementPurposes: [] },
  { hasAgreement: false, agreementPurposes: [], purpose: 'compliance-audit' },
  { hasAgreement: true, agreementPurposes: ['customer-care', 'fraud'], purpose: 'customer-care' },
  // Not what the gateway sends: attributes the policies read are missing, so they error.
  {},
];

function expectSameAnswers(compiled: CedarEngine, wasm: CedarEngine, requests: readonly CedarRequest[]) {
  const differences = requests.flatMap((request) => {
    const a = compiled.decide(request);
    const b = wasm.decide(request);
    return a.allowed === b.allowed && JSON.stringify(a.policyIds) === JSON.stringify(b.policyIds)
      ? []
      : [{ request, compiled: a, wasm: b }];
  });
  expect(differences.slice(0, 3)).toEqual([]);
}

describe('compiled Cedar evaluator against wasm', () => {
  it('decides every request of the demo mesh as wasm does, with the same reasons', async () => {
    const { model } = await loadWorkspaceFromDisk(DEMO, {});
    const { policies, diagnostics } = loadCedarPolicies(DEMO, model);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const compiled = createCedarEngine(policies);
    const wasm = createCedarEngine(policies, { wasmOnly: true });
    expect([compiled.evaluator, wasm.evaluator]).toEqual(['compiled', 'wasm']);

    const resolver = createEntityResolver(model, 100_000);
    const resources: AccessResource[] = [{ kind: 'mesh' }];
    for (const domain of model.domains.keys()) resources.push({ kind: 'domain', domain });
    for (const product of model.products.values()) {
      resources.push({ kind: 'product', productId: product.id });
      for (const out of product.outputPorts) {
        const port = { productId: product.id, port: out.name, major: out.major };
        resources.push({ kind: 'port', port });
        for (const column of out.contract?.tables[0]?.columns ?? [])
          resources.push({ kind: 'column', port, column: column.name });
      }
    }
    const principals = [...model.users.keys(), ...model.serviceAccounts.keys()].map((id) =>
      principalEntity(resolvePrincipal(model, id)!),
    );
    const requests: CedarRequest[] = [];
    for (const principal of principals)
      for (const resource of resources) {
        const target = resolver.resource(resource);
        if (!target) continue;
        for (const action of ACCESS_ACTIONS)
          for (const context of CONTEXTS) requests.push({ principal, action, resource: target.entity, context });
      }
    expect(requests.length).toBeGreaterThan(10_000);
    expectSameAnswers(compiled, wasm, requests);
    // Not vacuous: the demo's policies allow and deny, and name reasons both ways.
    const answers = requests.map((r) => compiled.decide(r));
    expect(answers.some((a) => a.allowed)).toBe(true);
    expect(answers.some((a) => !a.allowed)).toBe(true);
    expect(answers.some((a) => a.policyIds.length > 1)).toBe(true);
  });

  // Each condition with whether it holds for ana (consumer, team sales, tag region=EU) querying a
  // port without an owner team; `undefined` when Cedar reports an evaluation error (not satisfied).
  const EDGE_CASES: readonly [string, boolean | undefined][] = [
    ['true || (1 < "a")', true],
    ['false && (1 < "a")', false],
    ['(1 < "a") || true', undefined],
    ['if true then true else (1 < "a")', true],
    ['if 1 then true else false', undefined],
    ['resource has ownerTeam', false],
    ['resource.ownerTeam == Meshwork::Team::"sales"', undefined],
    ['Meshwork::Team::"sales" has name', false],
    ['Meshwork::Team::"sales".name == "x"', undefined],
    ['principal in Meshwork::Team::"sales"', true],
    ['principal in [Meshwork::Team::"finance", Meshwork::Team::"sales"]', true],
    ['Meshwork::Team::"sales" in Meshwork::Team::"sales"', true],
    ['principal in "sales"', undefined],
    ['principal in [Meshwork::Team::"sales", "sales"]', undefined],
    ['principal in ["sales", Meshwork::Team::"sales"]', undefined],
    ['principal.getTag("region") == "EU"', true],
    ['principal.getTag("team") == "EU"', undefined],
    ['principal.hasTag("team")', false],
    ['Meshwork::Team::"sales".hasTag("x")', false],
    ['principal.roles == ["consumer", "consumer"]', true],
    ['{ a: 1, b: [2, 3] } == { b: [3, 2], a: 1 }', true],
    ['1 == "1"', false],
    ['principal.roles.contains(1)', false],
    ['"customer-care" like "customer-*"', true],
    ['"a*b" like "a\\*b"', true],
    ['"axb" like "a\\*b"', false],
    ['"line\nbreak" like "line*"', true],
    ['"日本語" like "日*語"', true],
    ['"a𝔸b" like "a*"', true],
    ['"aXbXc" like "*b*c"', true],
    ['"aXbXc" like "*c*b"', false],
    ['"a" like "**a**"', true],
    ['9007199254740991 + 1 > 0', true],
    // Beyond JavaScript's safe integers: handed to wasm, which computes in 64 bits.
    ['9007199254740991 * 1024 > 0', true],
    ['9007199254740991 * 2048 > 0', undefined],
    ['principal is Meshwork::User in Meshwork::Team::"sales"', true],
    ['action in [Meshwork::Action::"query", Meshwork::Action::"discover"]', true],
    ['[].isEmpty()', true],
    ['"".isEmpty()', undefined],
  ];

  it.each(EDGE_CASES)('holds Cedar semantics for `%s`', (condition, holds) => {
    const policies = [policy('edge', `permit (principal, action, resource) when { ${condition} };`)];
    const compiled = createCedarEngine(policies);
    const wasm = createCedarEngine(policies, { wasmOnly: true });
    expect(compiled.evaluator).toBe('compiled');
    const ana: EntityJson = { ...USER, tags: { region: 'EU' } };
    const asked = request(ana, PORT, 'query', { hasAgreement: false, agreementPurposes: [] });
    expect(compiled.decide(asked)).toEqual(wasm.decide(asked));
    expect(compiled.decide(asked).allowed).toBe(holds === true);
  });

  it('falls back to wasm for a policy set with extension functions, and decides the same', () => {
    const policies = [
      policy('by-ip', 'permit (principal, action, resource) when { ip("10.0.0.1").isLoopback() == false };'),
    ];
    const engine = createCedarEngine(policies);
    expect(engine.evaluator).toBe('wasm');
    expect(engine.decide(request(USER, PORT, 'query', {})).allowed).toBe(true);
  });

  it('hands a request holding an extension value to wasm', () => {
    const policies = [policy('eq', 'permit (principal, action, resource) when { context.x == context.y };')];
    const engine = createCedarEngine(policies);
    expect(engine.evaluator).toBe('compiled');
    const decimal = (text: string) => ({ __extn: { fn: 'decimal', arg: text } });
    expect(engine.decide(request(USER, PORT, 'query', { x: decimal('1.0'), y: decimal('1.0000') })).allowed).toBe(true);
    expect(engine.decide(request(USER, PORT, 'query', { x: decimal('1.0'), y: decimal('1.5') })).allowed).toBe(false);
  });

  it('leaves a record key named __proto__ to wasm, which keeps it as a key', () => {
    const policies = [
      policy('p0', 'forbid (principal, action, resource) when { {"__proto__": context.hasAgreement} has __proto__ };'),
      policy('p1', 'permit (principal, action, resource);'),
    ];
    const engine = createCedarEngine(policies);
    expect(engine.evaluator).toBe('wasm');
    expect(engine.decide(request(USER, PORT, 'query', { hasAgreement: false, agreementPurposes: [] }))).toEqual({
      allowed: false,
      policyIds: ['p0'],
    });
  });

  it('hands wasm what wasm refuses (lone surrogates, malformed entities), and fails as it does', () => {
    const policies = [policy('any', 'permit (principal, action, resource) when { context.purpose like "*" };')];
    const compiled = createCedarEngine(policies);
    expect(compiled.evaluator).toBe('compiled');
    const wasm = createCedarEngine(policies, { wasmOnly: true });
    const failure = (engine: CedarEngine, asked: CedarRequest) => {
      try {
        return engine.decide(asked);
      } catch (error) {
        return (error as Error).message;
      }
    };
    const malformed: EntityJson = {
      ...PORT,
      attrs: { owner: { __entity: { type: 'Meshwork::Team', id: 7 } } } as never,
    };
    const refused = [
      request(USER, PORT, 'query', { purpose: 'x\ud800' }),
      request(USER, PORT, 'query', { purpose: 'ok', weight: 1.5 }),
      request(USER, PORT, 'query', { purpose: 'ok', nothing: null as never }),
    ];
    for (const asked of refused) {
      expect(typeof failure(wasm, asked)).toBe('string'); // wasm refuses it…
      expect(failure(compiled, asked)).toEqual(failure(wasm, asked)); // …and so does the compiled engine
    }
    // An entity reference with a numeric id: whatever wasm makes of it, the compiled engine agrees.
    const odd = request(USER, malformed, 'query', { purpose: 'ok' });
    expect(failure(compiled, odd)).toEqual(failure(wasm, odd));
  });

  it('matches like in time linear in the text, however many wildcards (no backtracking blow-up)', () => {
    const policies = [
      policy('l', 'permit (principal, action, resource) when { context.purpose like "*fraud*review*audit*x" };'),
    ];
    const compiled = createCedarEngine(policies);
    const wasm = createCedarEngine(policies, { wasmOnly: true });
    // With a backtracking regular expression this took tens of seconds (the test would time out).
    const purpose = 'fraud review audit '.repeat(2_000);
    for (const text of [purpose, `${purpose}x`]) {
      const asked = request(USER, PORT, 'query', { purpose: text });
      expect(compiled.decide(asked)).toEqual(wasm.decide(asked));
    }
    expect(compiled.decide(request(USER, PORT, 'query', { purpose: `${purpose}x` })).allowed).toBe(true);
  });

  it('decides generated policies over generated entities as wasm does', () => {
    let grantedByConditions = 0;
    fc.assert(
      fc.property(
        fc.array(policyArbitrary, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(principalArbitrary, resourceArbitrary, actionArbitrary, contextArbitrary), {
          minLength: 1,
          maxLength: 8,
        }),
        (texts, cases) => {
          const policies = texts.map((text, i) => policy(`p${i}`, text));
          const compiled = createCedarEngine(policies);
          const wasm = createCedarEngine(policies, { wasmOnly: true });
          expect(compiled.evaluator).toBe('compiled');
          const requests = cases.map(([p, r, a, c]) => request(p, r, a, c));
          expectSameAnswers(compiled, wasm, requests);
          const conditional = new Set(policies.filter((p) => /\b(when|unless) \{/.test(p.text)).map((p) => p.id));
          for (const r of requests)
            if (compiled.decide(r).policyIds.some((id) => conditional.has(id))) grantedByConditions++;
        },
      ),
      { numRuns: 600 },
    );
    // Not vacuous: generated conditions do hold (most generated expressions are ill-typed and error).
    expect(grantedByConditions).toBeGreaterThan(60);
  });
});

// ── generators ────────────────────────────────────────────────────────────────────────────────

const NS = 'Meshwork';
const uid = (type: string, id: string) => ({ type: `${NS}::${type}`, id });
const ref = (type: string, id: string) => `${NS}::${type}::"${id}"`;

const TEAMS = ['sales', 'finance'];
const DOMAINS = ['sales', 'finance', 'emea'];
const CLASSIFICATIONS = ['public', 'internal', 'pii', 'restricted'];
const ROLES = ['consumer', 'owner', 'admin', 'governance'];

const USER: EntityJson = { uid: uid('User', 'ana'), attrs: { roles: ['consumer'] }, parents: [uid('Team', 'sales')] };
const PORT: EntityJson = { uid: uid('OutputPort', 'sales.orders/orders/v1'), attrs: {}, parents: [] };

function policy(id: string, text: string): LoadedPolicy {
  return {
    id,
    effect: text.trimStart().startsWith('forbid') ? 'forbid' : 'permit',
    file: 'generated',
    line: 1,
    column: 1,
    text,
  };
}

function request(principal: EntityJson, resource: EntityJson, action: string, context: Context): CedarRequest {
  return { principal, resource, action: action as CedarRequest['action'], context };
}

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);

const principalArbitrary: fc.Arbitrary<EntityJson> = fc
  .record({
    kind: pick(['User', 'ServiceAccount']),
    id: pick(['ana', 'ben', 'robot']),
    roles: subset(ROLES),
    teams: subset(TEAMS),
    region: fc.option(pick(['EU', 'NA']), { nil: undefined }),
  })
  .map(({ kind, id, roles, teams, region }) => ({
    uid: uid(kind, id),
    attrs: { roles },
    parents: [...teams.map((t) => uid('Team', t)), uid('Group', 'analysts')],
    tags: (region === undefined ? {} : { region }) as Record<string, string>,
  }));

const resourceArbitrary: fc.Arbitrary<EntityJson> = fc
  .record({
    kind: pick(['Domain', 'Product', 'OutputPort', 'Column']),
    owner: fc.option(pick(TEAMS), { nil: undefined }),
    domains: subset(DOMAINS),
    classification: pick(CLASSIFICATIONS),
    sensitivity: fc.integer({ min: 0, max: 4 }),
    major: fc.integer({ min: 1, max: 3 }),
    tags: subset(['gold', 'finance', 'pii']),
    deprecated: fc.boolean(),
    name: pick(['orders', 'order_lines', 'customers', 'email']),
  })
  .map((r) => ({
    uid: uid(r.kind, `${r.kind.toLowerCase()}-${r.name}`),
    attrs: {
      name: r.name,
      domain: r.domains[0] ?? 'sales',
      tags: r.tags,
      classification: r.classification,
      sensitivity: r.sensitivity,
      ...(r.kind === 'OutputPort' ? { major: r.major, deprecated: r.deprecated } : {}),
      ...(r.owner === undefined ? {} : { ownerTeam: { __entity: uid('Team', r.owner) } }),
    },
    parents: r.domains.map((d) => uid('Domain', d)),
  }));

const actionArbitrary = pick(ACCESS_ACTIONS);

const contextArbitrary: fc.Arbitrary<Context> = fc.record(
  {
    hasAgreement: fc.boolean(),
    agreementPurposes: subset(['customer-care', 'fraud', 'marketing']),
    purpose: pick(['customer-care', 'compliance-audit', 'a*b', '']),
  },
  { requiredKeys: [] },
);

/**
 * Expressions of every supported kind over the attributes above: mostly well typed (some read
 * attributes that may be missing, which errors), and now and then ill typed on purpose.
 */
const expression: fc.Arbitrary<string> = fc.letrec<{
  bool: string;
  text: string;
  long: string;
  texts: string;
  entity: string;
  any: string;
}>((tie) => ({
  text: fc.oneof(
    pick(['resource.classification', 'resource.name', 'context.purpose', 'principal.getTag("region")']),
    pick(['"pii"', '"EU"', '"orders"', '"customer-care"', '{ a: 1, b: "x" }.b']),
    fc.tuple(tie('bool'), tie('text'), tie('text')).map(([c, a, b]) => `(if ${c} then ${a} else ${b})`),
  ),
  long: fc.oneof(
    pick(['resource.sensitivity', 'resource.major', '3', '(-2)', '0']),
    fc.tuple(tie('long'), pick(['+', '-', '*']), tie('long')).map(([a, op, b]) => `(${a} ${op} ${b})`),
  ),
  texts: fc.oneof(
    pick(['principal.roles', 'resource.tags', 'context.agreementPurposes', '[]', '["gold", "pii"]', '["consumer"]']),
    fc.tuple(tie('text'), tie('text')).map(([a, b]) => `[${a}, ${b}]`),
  ),
  entity: pick([
    'principal',
    'resource',
    'resource.ownerTeam',
    ref('Team', 'sales'),
    ref('Domain', 'sales'),
    ref('Group', 'analysts'),
  ]),
  any: fc.oneof(tie('text'), tie('long'), tie('texts'), tie('entity'), tie('bool'), pick(['context', '{ a: 1 }'])),
  bool: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    pick(['true', 'false', 'context.hasAgreement', 'resource.deprecated']),
    fc.tuple(tie('text'), pick(['==', '!=']), tie('text')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('long'), pick(['==', '<', '<=', '>', '>=']), tie('long')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('texts'), tie('text')).map(([a, b]) => `${a}.contains(${b})`),
    fc
      .tuple(tie('texts'), pick(['containsAll', 'containsAny', '==']), tie('texts'))
      .map(([a, op, b]) => (op === '==' ? `(${a} == ${b})` : `${a}.${op}(${b})`)),
    fc.tuple(tie('texts')).map(([a]) => `${a}.isEmpty()`),
    fc.tuple(tie('entity'), pick(['in', '==']), tie('entity')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('entity')).map(([a]) => `(${a} in [${ref('Domain', 'sales')}, ${ref('Domain', 'emea')}])`),
    fc
      .tuple(pick(['resource', 'principal', 'context']), pick(['ownerTeam', 'purpose', 'tags', 'roles', 'major']))
      .map(([a, attr]) => `(${a} has ${attr})`),
    pick(['region', 'team']).map((tag) => `principal.hasTag("${tag}")`),
    fc
      .tuple(tie('text'), pick(['"*a*"', '"p*i*"', '"customer-*"', '""', '"a\\*b"', '"*"']))
      .map(([a, pattern]) => `(${a} like ${pattern})`),
    fc
      .tuple(tie('entity'), pick(['Team', 'Domain', 'OutputPort', 'User']))
      .map(([a, type]) => `(${a} is ${NS}::${type})`),
    fc
      .tuple(tie('entity'), pick(['Product', 'Column']))
      .map(([a, type]) => `(${a} is ${NS}::${type} in ${ref('Domain', 'sales')})`),
    tie('bool').map((a) => `!${a}`),
    fc.tuple(tie('bool'), pick(['&&', '||']), tie('bool')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('bool'), tie('bool'), tie('bool')).map(([c, a, b]) => `(if ${c} then ${a} else ${b})`),
    // Ill typed on purpose: both engines must skip the policy.
    fc.tuple(tie('any'), pick(['==', '<', 'in', '&&', '+']), tie('any')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('any'), tie('any')).map(([a, b]) => `${a}.contains(${b})`),
    tie('any').map((a) => `(${a} has name)`),
  ),
})).bool;

const scopeArbitrary = fc.record({
  principal: pick([
    'principal',
    `principal == ${ref('User', 'ana')}`,
    `principal in ${ref('Team', 'sales')}`,
    `principal is ${NS}::ServiceAccount`,
    `principal is ${NS}::User in ${ref('Group', 'analysts')}`,
  ]),
  action: pick([
    'action',
    `action == ${NS}::Action::"query"`,
    `action in [${NS}::Action::"query", ${NS}::Action::"readClear"]`,
  ]),
  resource: pick([
    'resource',
    `resource in ${ref('Domain', 'sales')}`,
    `resource is ${NS}::Column`,
    `resource is ${NS}::OutputPort in ${ref('Domain', 'emea')}`,
  ]),
});

const policyArbitrary: fc.Arbitrary<string> = fc
  .record({
    effect: fc.constantFrom('permit', 'permit', 'forbid'),
    scope: scopeArbitrary,
    conditions: fc.array(fc.tuple(pick(['when', 'unless']), expression), { maxLength: 2 }),
  })
  .map(
    ({ effect, scope, conditions }) =>
      `${effect} (${scope.principal}, ${scope.action}, ${scope.resource})${conditions.map(([kind, body]) => ` ${kind} { ${body} }`).join('')};`,
  );
