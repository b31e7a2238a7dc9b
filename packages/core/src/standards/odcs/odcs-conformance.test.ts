/**
 * Proves that Meshwork's ODCS schemas accept exactly what the official JSON Schemas accept:
 * on every official example, and on thousands of deterministic mutations of them. Each
 * mutated document is judged by both official schemas and both of ours, so the v3.0.x
 * examples exercise the v3.1.0 schema too and the other way round.
 */
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readStandard, standardFiles, standardsDir } from '../../../../../test-support/standards.js';
import { ODCS_V30X_API_VERSIONS, type OdcsSchemaVersion } from './odcs-api-versions.js';
import { validateOdcs, validateOdcsV30x, validateOdcsV310 } from './odcs-validators.js';
import type { Json } from './test-support/json-tree.js';
import { applyMutations, mutationPlanArbitrary } from './test-support/odcs-mutations.js';
import { loadOfficialOdcs } from './test-support/official-odcs-schemas.js';
import { targetedCases } from './test-support/odcs-targeted-cases.js';

const MUTATIONS_PER_EXAMPLE = 300;

const isV30x = (apiVersion: unknown) => (ODCS_V30X_API_VERSIONS as readonly unknown[]).includes(apiVersion);

/** A stable seed per example, so each one gets its own (reproducible) mutations. */
function seedOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return hash;
}

describe.skipIf(!standardsDir)('ODCS schemas are equivalent to the official JSON Schemas', () => {
  const official = loadOfficialOdcs();
  const examples = standardFiles('odcs/examples', /\.odcs\.yaml$/).map((file) => ({
    file,
    doc: parse(readStandard(file)) as Json,
  }));
  const plans = fc.array(mutationPlanArbitrary(official.propertyNames), { minLength: 1, maxLength: 3 });

  const judge = (doc: Json) => {
    const officialV310 = official.v310(doc);
    const officialV302 = official.v302(doc);
    const apiVersion = (doc as { apiVersion?: unknown } | null)?.apiVersion;
    const routed = validateOdcs(doc);
    const accepted = routed.issues.length === 0;
    // Reuse validateOdcs's verdict for the schema it reports (each validation of a big example counts).
    const oursV310 = routed.version === 'v3.1.0' ? routed.issues : validateOdcsV310(doc);
    const oursV30x = routed.version === 'v3.0.x' ? routed.issues : validateOdcsV30x(doc);
    // validateOdcs accepts what an official schema admitting the document's apiVersion accepts.
    const expected = apiVersion === 'v3.1.0' ? officialV310 : isV30x(apiVersion) ? officialV302 || officialV310 : false;
    const expectedVersions: (OdcsSchemaVersion | undefined)[] =
      apiVersion === 'v3.1.0'
        ? ['v3.1.0']
        : !isV30x(apiVersion)
          ? [undefined]
          : accepted
            ? [officialV302 ? 'v3.0.x' : 'v3.1.0']
            : ['v3.0.x', 'v3.1.0'];
    return {
      officialV310,
      officialV302,
      oursV310: oursV310.length === 0,
      oursV30x: oursV30x.length === 0,
      version: routed.version,
      expectedVersions,
      validateOdcs: accepted,
      expected,
    };
  };

  const disagreements = (doc: Json, r = judge(doc)): string[] => {
    const out: string[] = [];
    if (r.oursV310 !== r.officialV310) out.push(`v3.1.0: official ${r.officialV310}, ours ${r.oursV310}`);
    if (r.oursV30x !== r.officialV302) out.push(`v3.0.x: official ${r.officialV302}, ours ${r.oursV30x}`);
    if (r.validateOdcs !== r.expected) out.push(`validateOdcs: expected ${r.expected}, got ${r.validateOdcs}`);
    if (!r.expectedVersions.includes(r.version)) out.push(`validateOdcs reported ${r.version}`);
    return out;
  };

  it('finds the official v3.0.x and v3.1.0 examples', () => {
    const versions = new Set(examples.map((e) => (e.doc as { apiVersion?: string }).apiVersion));
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(versions).toContain('v3.1.0');
    expect(versions).toContain('v3.0.2');
  });

  it.each(examples.map((e) => [e.file, e.doc] as const))('%s is accepted by the official schema and ours', (_, doc) => {
    expect(official.v310(doc)).toBe(true);
    expect(validateOdcsV310(doc)).toEqual([]);
    expect(disagreements(doc)).toEqual([]);
  });

  it('accepts the v3.0.2 examples that use v3.1.0 features as v3.1.0, as the official schemas do', () => {
    // These examples say `apiVersion: v3.0.2` but use numeric exclusive bounds, `metric` and a
    // team object, which only v3.1.0 defines; the v3.1.0 schema admits their apiVersion.
    const v31Only = examples.filter((e) => !official.v302(e.doc));
    expect(
      v31Only.filter((e) => (e.doc as { apiVersion?: string }).apiVersion !== 'v3.1.0').map((e) => e.file),
    ).toEqual([
      'odcs/examples/data-types/all-data-types.odcs.yaml',
      'odcs/examples/quality/column-completeness.odcs.yaml',
      'odcs/examples/stakeholders/basic-four-dpo.odcs.yaml',
    ]);
    for (const { doc } of v31Only) {
      expect(validateOdcsV30x(doc).length).toBeGreaterThan(0);
      expect(validateOdcs(doc)).toEqual({ version: 'v3.1.0', issues: [] });
    }
  });

  it('reports the v3.2.0 draft examples as an unsupported apiVersion', () => {
    const drafts = standardFiles('odcs/v3.2.0-draft/examples', /\.odcs\.yaml$/)
      .map((file) => ({ file, doc: parse(readStandard(file)) as { apiVersion?: unknown } }))
      .filter(({ doc }) => doc.apiVersion === 'v3.2.0');
    expect(drafts.length).toBeGreaterThan(0);
    for (const { file, doc } of drafts) {
      const result = validateOdcs(doc);
      expect(result.version, file).toBeUndefined();
      expect(result.issues, file).toEqual([
        { pointer: '/apiVersion', keyword: 'apiVersion', message: expect.stringContaining('"v3.2.0"') },
      ]);
    }
  });

  const totals = { mutations: 0, acceptedV310: 0, acceptedV302: 0 };

  it.each(examples.map((e) => [e.file, e.doc] as const))(
    `${MUTATIONS_PER_EXAMPLE} mutations of %s are judged like the official schemas judge them`,
    (file, doc) => {
      const mismatches: string[] = [];
      let applied = 0;
      // Some plans find nothing to act on (no quality rules to change…): draw enough plans.
      for (const plan of fc.sample(plans, { seed: seedOf(file), numRuns: MUTATIONS_PER_EXAMPLE * 3 })) {
        if (applied === MUTATIONS_PER_EXAMPLE) break;
        const mutated = applyMutations(doc, plan);
        if (!mutated) continue;
        applied += 1;
        const r = judge(mutated.doc);
        totals.mutations += 1;
        if (r.officialV310) totals.acceptedV310 += 1;
        if (r.officialV302) totals.acceptedV302 += 1;
        const problems = disagreements(mutated.doc, r);
        if (problems.length > 0) mismatches.push(`${mutated.description} → ${problems.join('; ')}`);
      }
      expect(mismatches).toEqual([]);
      expect(applied).toBe(MUTATIONS_PER_EXAMPLE);
    },
  );

  it('judges the targeted grid around the conditionals like the official schemas', () => {
    const cases = targetedCases();
    const mismatches = cases.flatMap(({ description, doc }) =>
      disagreements(doc).map((problem) => `${description} → ${problem}`),
    );
    expect(mismatches).toEqual([]);
    expect(cases.length).toBeGreaterThan(1000);
  });

  it('draws mutations that both official schemas sometimes accept and sometimes reject', () => {
    // Guards against a vacuous test: mutations that are always rejected prove little.
    expect(totals.mutations).toBe(examples.length * MUTATIONS_PER_EXAMPLE);
    console.info('[odcs] mutation outcomes', totals);
    for (const accepted of [totals.acceptedV310, totals.acceptedV302]) {
      expect(accepted).toBeGreaterThan(totals.mutations * 0.1);
      expect(accepted).toBeLessThan(totals.mutations * 0.9);
    }
  });
});
