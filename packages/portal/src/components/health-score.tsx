/**
 * A product's health score (0–100, from its scorecard: documentation, SLOs, quality, compliance,
 * usage) as a number with a word, so it never relies on colour alone.
 */
export function HealthScore({ score }: { readonly score: number | null | undefined }) {
  if (score == null) return <span className="badge muted">health —</span>;
  const level = score >= 75 ? 'good' : score >= 50 ? 'fair' : 'poor';
  return (
    <span className={`badge health-${level}`} title="Health score, 0 to 100">
      health {Math.round(score)} · {level}
    </span>
  );
}
