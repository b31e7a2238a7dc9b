/**
 * What a column's name says about personal data. Deliberately narrow: a hint must be specific
 * enough that a column with that name nearly always holds personal data (`email`, `iban`,
 * `birth_date`), because every hint becomes a blocking finding when the column is not PII.
 * Generic words (`name`, `address`, `number`) are not hints on their own.
 */
const HINTS: readonly (readonly [kind: string, pattern: RegExp])[] = [
  ['email', /(^|_)e_?mail(_address)?($|_)/],
  ['phone', /(^|_)(phone|mobile|msisdn|telephone|fax)(_number)?($|_)/],
  ['iban', /(^|_)(iban|bank_account(_number)?)($|_)/],
  ['paymentCard', /(^|_)(card_number|credit_card|debit_card|pan|cc_number)($|_)/],
  ['nationalId', /(^|_)(ssn|national_id|passport(_number)?|tax_id|social_security(_number)?|personal_id)($|_)/],
  [
    'name',
    /(^|_)(first_name|last_name|full_name|given_name|family_name|surname|maiden_name|(payer|recipient|customer|contact|holder)_name)($|_)/,
  ],
  ['address', /(^|_)(street|street_address|address_line\d?|postal_code|post_code|zip_code|zipcode|house_number)($|_)/],
  ['birthDate', /(^|_)(birth_date|date_of_birth|dob|birthday)($|_)/],
  ['ipAddress', /(^|_)(ip|ip_address|ipv4|ipv6)($|_)/],
];

// Column names repeat across a mesh (id, email, created_at…): each is judged once.
const judged = new Map<string, readonly string[]>();

/** Kinds of personal data the name suggests, e.g. `contact_email` → ['email']. */
export function piiNameHints(columnName: string): readonly string[] {
  let hints = judged.get(columnName);
  if (!hints) {
    if (judged.size > 100_000) judged.clear();
    judged.set(columnName, (hints = Object.freeze(judge(columnName))));
  }
  return hints;
}

function judge(columnName: string): string[] {
  const name = columnName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
  return HINTS.filter(([, pattern]) => pattern.test(name)).map(([kind]) => kind);
}
