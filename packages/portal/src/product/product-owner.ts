/**
 * Who owns a product: its owning team (the detail's `owner`) and the people the ODPS descriptor
 * names in `team.members` with the role `owner` — read defensively, the descriptor is as written.
 */
export interface ProductOwner {
  readonly team: string | null;
  /** `Olga Petrova (olga)`, owners first, then the other members with their roles. */
  readonly owners: readonly string[];
  readonly members: readonly { readonly name: string; readonly role: string | null }[];
}

export function productOwner(team: string | null, descriptor: unknown): ProductOwner {
  const declared = (descriptor as { team?: { members?: unknown } } | null)?.team?.members;
  const members = (Array.isArray(declared) ? declared : []).flatMap((m: unknown) => {
    if (typeof m !== 'object' || m === null) return [];
    const { name, username, role } = m as Record<string, unknown>;
    const label =
      typeof name === 'string' && typeof username === 'string' && name !== username
        ? `${name} (${username})`
        : [name, username].find((v): v is string => typeof v === 'string');
    return label ? [{ name: label, role: typeof role === 'string' ? role : null }] : [];
  });
  return { team, owners: members.filter((m) => m.role === 'owner').map((m) => m.name), members };
}
