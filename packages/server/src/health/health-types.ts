/** A product's health scorecard: a 0..100 score from weighted components, each with its evidence. */

export type HealthComponentName = 'documentation' | 'slo' | 'quality' | 'compliance' | 'usage';

/** Plain JSON facts that explain a component's value. */
export type HealthEvidence = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

export interface HealthComponent {
  readonly name: HealthComponentName;
  /** 0..1; null when there is no evidence to judge by (then its weight goes to the others). */
  readonly value: number | null;
  /** The configured weight (health-weights.ts), before redistribution. */
  readonly weight: number;
  /** One line for people: what the value rests on. */
  readonly summary: string;
  readonly evidence: HealthEvidence;
}

export interface HealthScorecard {
  readonly productId: string;
  /** 0..100, rounded to one decimal. */
  readonly score: number;
  readonly components: readonly HealthComponent[];
  /** When the batch this scorecard belongs to was computed (ISO-8601). */
  readonly computedAt: string;
}

/** A component's measurement before weighting. */
export type Measured = Omit<HealthComponent, 'weight'>;
