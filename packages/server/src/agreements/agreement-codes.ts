/** Codes of access requests and agreements (MW8701–MW8749). */
export const AGREEMENT_CODES = {
  MW8701: {
    title: 'No principal given',
    fix: 'Say who is acting: `--as <user or service account>`, or set MESHWORK_USER.',
  },
  MW8702: {
    title: 'Invalid access request',
    fix: 'Give a non-empty purpose and an end date after the start (and after now), within the longest period an agreement may run; a reject needs a note saying why.',
  },
  MW8703: {
    title: 'Unknown product, port or major version',
    fix: 'Name a product of the mesh as domain.product, and one of its output ports and major versions (`mesh show <product>` lists them).',
  },
  MW8704: {
    title: 'Port must be named',
    fix: 'The product has several output ports; name one: `<domain.product>/<port>`.',
  },
  MW8705: {
    title: 'Not allowed to decide on this request',
    fix: 'Only members of the product’s owner team, the governance council or an administrator may approve, reject or revoke; ask one of them.',
  },
  MW8706: {
    title: 'Agreement is not in a state for this step',
    fix: 'Only a pending request can be approved, rejected or cancelled, and only an approved agreement still running can be revoked; list the agreement to see its status.',
  },
  MW8707: {
    title: 'Only the requester may cancel a request',
    fix: 'Ask the principal who made the request to cancel it, or have the product owner reject it.',
  },
  MW8708: {
    title: 'Agreement not found',
    fix: 'Pass the id of an access request you made or may decide on (`mesh access list`).',
  },
  MW8709: {
    title: 'Product does not accept access requests',
    fix: 'The product is retired; request access to its successor.',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type AgreementCode = keyof typeof AGREEMENT_CODES;
