/** Outcome colours shared by the dashboard's charts and badges (WCAG AA on white; apart for common colour blindnesses). */
export const OUTCOME_COLOURS = {
  passed: '#116329',
  waived: '#0b5cad',
  failed: '#a40e26',
  errors: '#8250df',
} as const;
