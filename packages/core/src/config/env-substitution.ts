/**
 * `${VAR}` and `${VAR:-default}` substitution, applied after YAML parsing and only to string
 * values, so that a secret can never change the structure of the document. The environment
 * is passed in: nothing in core reads `process.env`.
 */
export interface UnresolvedVariable {
  /** JSON pointer of the string that refers to the variable. */
  readonly pointer: string;
  readonly variable: string;
}

export interface SubstitutionResult<T> {
  readonly value: T;
  readonly unresolved: readonly UnresolvedVariable[];
}

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export function substituteVariables<T>(
  value: T,
  env: Readonly<Record<string, string | undefined>>,
): SubstitutionResult<T> {
  const unresolved: UnresolvedVariable[] = [];
  const visit = (node: unknown, pointer: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(VARIABLE, (_match, name: string, fallback: string | undefined) => {
        const found = env[name];
        if (found !== undefined && found !== '') return found;
        if (fallback !== undefined) return fallback;
        unresolved.push({ pointer, variable: name });
        return '';
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => visit(item, `${pointer}/${i}`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, child]) => [
          key,
          visit(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
        ]),
      );
    }
    return node;
  };
  return { value: visit(value, '') as T, unresolved };
}
