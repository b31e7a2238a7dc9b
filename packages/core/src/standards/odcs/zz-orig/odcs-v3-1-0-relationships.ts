/**
 * ODCS v3.1.0 relationships (foreign keys) between properties. A reference is either the
 * shorthand `table.column` or a path of ids (`schema/orders/properties/order_id`), the
 * latter optionally prefixed by another contract file (`https://…/other.yaml#`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { oneOf, stringEnum } from './odcs-schema-helpers.js';
import { OdcsV310CustomPropertiesSchema } from './odcs-v3-1-0-metadata.js';

const name = '[A-Za-z_][A-Za-z0-9_]*';
const key = '[A-Za-z0-9_-]+';
const otherContract = '(?:(?:https?://)?[A-Za-z0-9._/-]+\\.yaml#)?';

export const OdcsShorthandReferenceSchema = Type.String({ pattern: `^${name}\\.${name}$` });
export const OdcsFullyQualifiedReferenceSchema = Type.String({
  pattern: `^${otherContract}/?${name}/${key}(?:/${name}/${key})*$`,
});

const reference = () => Type.Union([OdcsShorthandReferenceSchema, OdcsFullyQualifiedReferenceSchema]);
/** One reference, or several for a composite key. */
const references = () => oneOf([reference(), Type.Array(reference(), { minItems: 1 })]);

const relationshipType = () => Type.Optional(stringEnum(['foreignKey']));

const schemaLevelFields = Type.Object(
  {
    type: relationshipType(),
    from: references(),
    to: references(),
    customProperties: Type.Optional(OdcsV310CustomPropertiesSchema),
  },
  { additionalProperties: false },
);

/** Declared on a schema object: both ends named, both single or both composite. */
export const OdcsV310SchemaRelationshipSchema = Type.Unsafe<
  Omit<Static<typeof schemaLevelFields>, 'from' | 'to'> &
    ({ from: string; to: string } | { from: string[]; to: string[] })
>({
  ...schemaLevelFields,
  oneOf: [
    { properties: { from: { type: 'string' }, to: { type: 'string' } } },
    {
      properties: {
        from: { type: 'array', items: { type: 'string' }, minItems: 1 },
        to: { type: 'array', items: { type: 'string' }, minItems: 1 },
      },
    },
  ],
});
export type OdcsV310SchemaRelationship = Static<typeof OdcsV310SchemaRelationshipSchema>;

/** Declared on a property, which is implicitly the `from` end (so `from` is not allowed). */
export const OdcsV310PropertyRelationshipSchema = Type.Object(
  {
    type: relationshipType(),
    to: references(),
    customProperties: Type.Optional(OdcsV310CustomPropertiesSchema),
  },
  { additionalProperties: false },
);
export type OdcsV310PropertyRelationship = Static<typeof OdcsV310PropertyRelationshipSchema>;
