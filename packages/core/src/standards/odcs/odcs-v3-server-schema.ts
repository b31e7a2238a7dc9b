/**
 * Builds the schema of a server entry from the fields every server has and the details each
 * server type requires. The server's `type` selects its details, as the official schemas'
 * conditionals do (`if` the type is X `then` X's details), with the same verdicts but less
 * work: the type's details are found by halving the list of types rather than by trying
 * each one, and a detail key whose schema is the same for every type that has it (most are:
 * `host`, `port`, `database`…) is checked once, by a check that only runs when it is there.
 */
import { Type, type Static, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';
import { declaredKeys, keyOnlyWhen, stringEnum, switchOn, type SwitchCase } from './odcs-schema-helpers.js';

/** A discriminated union: `{ type: 'kafka' } & KafkaDetails | { type: 's3' } & S3Details | …`. */
export type OdcsServerVariants<M extends Record<string, TSchema>> = {
  [K in keyof M & string]: { type: K } & Static<M[K]>;
}[keyof M & string];

export interface ServerSchemaOptions {
  /**
   * Admit only the common fields plus the details of the server's own type (v3.1.0), as the
   * official schema's `unevaluatedProperties: false` does. Otherwise other keys pass, and
   * only the details of the server's own type are checked (v3.0.x).
   */
  readonly closed?: boolean;
}

export function serverSchema<P extends TProperties, M extends Record<string, TSchema>>(
  common: P,
  details: M,
  { closed = false }: ServerSchemaOptions = {},
) {
  const types = Object.keys(details);
  const fields = { ...common, type: stringEnum(types) };
  const keys = [...new Set(Object.values(details).flatMap((schema) => Object.keys(propertiesOf(schema))))].filter(
    (key) => !(key in fields),
  );
  const typesWith = (key: string) => types.filter((type) => key in propertiesOf(details[type]!));
  const schemaOf = (key: string): TSchema | undefined => {
    const schemas = typesWith(key).map((type) => propertiesOf(details[type]!)[key]!);
    return schemas.every((schema) => JSON.stringify(schema) === JSON.stringify(schemas[0])) ? schemas[0] : undefined;
  };
  const shared = keys.filter((key) => schemaOf(key) !== undefined);

  // What is left to each type: the details it requires, and its keys whose schema is its own.
  const ownDetails = Object.fromEntries(
    Object.entries(details).map(([type, schema]) => {
      const own = Object.entries(propertiesOf(schema)).filter(([key]) => !shared.includes(key));
      return [
        type,
        {
          ...(schema.required ? { required: schema.required } : {}),
          ...(own.length > 0 ? { properties: Object.fromEntries(own) } : {}),
        },
      ];
    }),
  );
  const typeHas = (key: string) => ({ properties: { type: { enum: typesWith(key) } } });
  const keyChecks = closed
    ? // Every detail key is admitted, and reported unknown when the type does not have it.
      keys.map((key) => [key, keyOnlyWhen(key, typeHas(key), schemaOf(key))])
    : shared.map((key) => [key, { if: typeHas(key), then: { properties: { [key]: schemaOf(key) } } }]);

  return Type.Unsafe<Static<TObject<P>> & OdcsServerVariants<M>>(
    Type.Object(
      { ...fields, ...(closed ? declaredKeys(keys) : {}) },
      {
        ...switchOn('type', casesOf(ownDetails)),
        dependentSchemas: Object.fromEntries(keyChecks),
        ...(closed ? { additionalProperties: false } : {}),
      },
    ),
  );
}

/** One case per distinct details schema, for the types that share it; none for empty ones. */
function casesOf(details: Record<string, object>): SwitchCase[] {
  const cases = new Map<string, { types: string[]; schema: object }>();
  for (const [type, schema] of Object.entries(details)) {
    const json = JSON.stringify(schema);
    if (json === '{}') continue;
    const found = cases.get(json);
    if (found) found.types.push(type);
    else cases.set(json, { types: [type], schema });
  }
  return [...cases.values()].map(({ types, schema }) => [types, schema] as const);
}

function propertiesOf(schema: object): Record<string, TSchema> {
  return (schema as { properties?: Record<string, TSchema> }).properties ?? {};
}
