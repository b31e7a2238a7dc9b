/**
 * Text scoring over MiniSearch's index, into typed arrays. MiniSearch finds the terms (its radix
 * tree: exact, prefix and fuzzy lookups) and holds the postings; this file scores them the way
 * MiniSearch's `search` does — BM25 per field, field boosts, prefix and fuzzy weights, the sum
 * over query words times the number of words a product matched — but accumulates into arrays
 * indexed by document instead of a result object per document per word, and answers AND and its
 * OR fallback from one pass (the products with every word, else those with any).
 *
 * It reads MiniSearch internals (`_index`, `_fieldIds`, `_fieldLength`, `_avgFieldLength`,
 * `_documentCount`, `_documentIds`), checked at construction; minisearch 7.x.
 */
import type MiniSearch from 'minisearch';

/** fieldId → (document short id → term frequency), as MiniSearch stores a term. */
type FieldTermData = Map<number, Map<number, number>>;

interface MiniSearchInternals {
  _index: {
    get(term: string): FieldTermData | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
  };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _options: {
    tokenize(text: string, field?: string): string[];
    processTerm(term: string): string | null | undefined | false;
  };
}

export interface TextScorerOptions {
  readonly fields: readonly string[];
  readonly boost: Readonly<Record<string, number>>;
  readonly fuzzy: (term: string) => number | false;
  readonly maxFuzzy: number;
  readonly prefix: (term: string) => boolean;
}

/** MiniSearch's defaults (weights, BM25 parameters). */
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
const K = 1.2;
const B = 0.7;
const D = 0.5;

export interface TextMatches {
  /** How many documents matched (the first `count` of `docs`). */
  readonly count: number;
  /** Document numbers (the index's `i`, the entry index). Valid until the next `score`. */
  readonly docs: Uint32Array;
  /** Score of document i (valid for the matched ones, until the next `score`). */
  score(doc: number): number;
  /** Bit f set when field f (in `fields` order) matched document i. */
  fields(doc: number): number;
}

export class TextScorer {
  private readonly n: number;
  private readonly fieldCount: number;
  /** Per field in `fields` order: MiniSearch's field id, boost, average length. */
  private readonly fieldIds: Int32Array;
  private readonly boosts: Float64Array;
  private readonly averages: Float64Array;
  /** Field lengths (unique terms, as MiniSearch counts them), [doc × fieldCount + fieldId]. */
  private readonly lengths: Uint32Array;
  /** MiniSearch short id → document number. */
  private readonly docOf: Uint32Array;
  // Scratch, reset after each query for the documents it touched (searches are synchronous).
  private readonly scores: Float64Array;
  private readonly words: Uint16Array;
  private readonly lastWord: Int32Array;
  private readonly fieldMask: Uint32Array;
  private readonly touched: Uint32Array;
  private readonly result: Uint32Array;
  private touchedCount = 0;
  private readonly internals: MiniSearchInternals;

  constructor(
    index: MiniSearch<never> | MiniSearch<object>,
    docNumber: (id: unknown) => number,
    private readonly options: TextScorerOptions,
  ) {
    const m = index as unknown as MiniSearchInternals;
    if (!m._index?.atPrefix || !(m._fieldLength instanceof Map) || !(m._documentIds instanceof Map)) {
      throw new Error('search: unsupported minisearch version (internals changed)');
    }
    this.internals = m;
    const n = m._documentCount;
    this.n = n;
    const allFields = Object.keys(m._fieldIds).length;
    this.fieldCount = allFields;
    this.fieldIds = Int32Array.from(options.fields, (f) => m._fieldIds[f]!);
    this.boosts = Float64Array.from(options.fields, (f) => options.boost[f] ?? 1);
    this.averages = Float64Array.from(options.fields, (f) => m._avgFieldLength[m._fieldIds[f]!] ?? 0);
    let maxShort = 0;
    for (const shortId of m._documentIds.keys()) maxShort = Math.max(maxShort, shortId);
    this.docOf = new Uint32Array(maxShort + 1);
    this.lengths = new Uint32Array((maxShort + 1) * allFields);
    for (const [shortId, id] of m._documentIds) {
      this.docOf[shortId] = docNumber(id);
      const lengths = m._fieldLength.get(shortId) ?? [];
      for (let f = 0; f < allFields; f++) this.lengths[shortId * allFields + f] = lengths[f] ?? 0;
    }
    // The per-document length arrays are only read by MiniSearch's own search, not used here.
    m._fieldLength.clear();
    const docs = Math.max(n, maxShort + 1);
    this.scores = new Float64Array(docs);
    this.words = new Uint16Array(docs);
    this.lastWord = new Int32Array(docs).fill(-1);
    this.fieldMask = new Uint32Array(docs);
    this.touched = new Uint32Array(docs);
    this.result = new Uint32Array(docs);
  }

  /** The query's words as the index stores terms (tokenized, processed, repeated words once). */
  queryTerms(text: string): string[] {
    const { tokenize, processTerm } = this.internals._options;
    const terms = new Set<string>();
    for (const token of tokenize(text)) {
      const term = processTerm(token);
      if (term) terms.add(term);
    }
    return [...terms];
  }

  /** Every word must match (AND); when no document has them all, any word may (OR). */
  score(text: string): TextMatches {
    this.reset();
    const terms = this.queryTerms(text);
    const tree = this.internals._index;
    const { fuzzy, prefix, maxFuzzy } = this.options;
    for (let w = 0; w < terms.length; w++) {
      const term = terms[w]!;
      this.add(tree.get(term), 1, w);
      const fuzziness = fuzzy(term);
      const maxDistance =
        fuzziness === false ? 0 : fuzziness < 1 ? Math.min(maxFuzzy, Math.round(term.length * fuzziness)) : fuzziness;
      const fuzzyMatches = maxDistance ? tree.fuzzyGet(term, maxDistance) : undefined;
      if (prefix(term)) {
        for (const [derived, data] of tree.atPrefix(term)) {
          const distance = derived.length - term.length;
          if (!distance) continue;
          fuzzyMatches?.delete(derived); // scored as a prefix, not as a typo
          this.add(data, (PREFIX_WEIGHT * derived.length) / (derived.length + 0.3 * distance), w);
        }
      }
      if (fuzzyMatches) {
        for (const [derived, [data, distance]] of fuzzyMatches) {
          if (!distance) continue;
          this.add(data, (FUZZY_WEIGHT * derived.length) / (derived.length + distance), w);
        }
      }
    }
    // AND, else OR; each score × the number of query words the document matched (as MiniSearch).
    let count = 0;
    for (let k = 0; k < this.touchedCount; k++) {
      const doc = this.touched[k]!;
      if (this.words[doc] === terms.length) this.result[count++] = doc;
    }
    if (count === 0) {
      this.result.set(this.touched.subarray(0, this.touchedCount));
      count = this.touchedCount;
    }
    for (let k = 0; k < count; k++) {
      const doc = this.result[k]!;
      this.scores[doc]! *= this.words[doc]!;
    }
    const { scores, fieldMask } = this;
    return { count, docs: this.result, score: (doc) => scores[doc]!, fields: (doc) => fieldMask[doc]! };
  }

  private add(data: FieldTermData | undefined, weight: number, word: number): void {
    if (!data) return;
    const { scores, words, lastWord, fieldMask, touched, lengths, fieldCount, docOf } = this;
    for (let f = 0; f < this.fieldIds.length; f++) {
      const fieldId = this.fieldIds[f]!;
      const postings = data.get(fieldId);
      if (!postings) continue;
      const matching = postings.size;
      const idf = Math.log(1 + (this.n - matching + 0.5) / (matching + 0.5));
      const factor = weight * this.boosts[f]! * idf;
      const average = this.averages[f]!;
      const bit = 1 << f;
      for (const [shortId, tf] of postings) {
        const length = lengths[shortId * fieldCount + fieldId]!;
        const doc = docOf[shortId]!;
        if (lastWord[doc] !== word) {
          if (lastWord[doc] === -1) touched[this.touchedCount++] = doc;
          lastWord[doc] = word;
          words[doc]!++;
        }
        scores[doc]! += factor * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / average)));
        fieldMask[doc]! |= bit;
      }
    }
  }

  private reset(): void {
    const { scores, words, lastWord, fieldMask, touched } = this;
    for (let k = 0; k < this.touchedCount; k++) {
      const doc = touched[k]!;
      scores[doc] = 0;
      words[doc] = 0;
      lastWord[doc] = -1;
      fieldMask[doc] = 0;
    }
    this.touchedCount = 0;
  }
}
