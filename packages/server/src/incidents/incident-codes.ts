/** Codes of incidents (MW8900–MW8919). */
export const INCIDENT_CODES = {
  MW8900: {
    title: 'Not a cursor of the incidents list',
    fix: 'Pass as `after` the `next` value of the previous page of `GET /api/v1/incidents` unchanged, or leave it out for the first page.',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type IncidentCode = keyof typeof INCIDENT_CODES;
