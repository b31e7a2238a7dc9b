/**
 * Which contract version the contract tab shows, from its URL (`?port=orders@1&version=1.3.0&view=yaml`):
 * a port major and a version of its contract — registered versions newest first, then the
 * workspace document when it is not registered yet. Anything unknown in the URL falls back to
 * the version the server serves: the workspace's version.
 */
import type { ContractWithId } from './product-api-types.js';

export const CONTRACT_VIEWS = ['rendered', 'yaml', 'json'] as const;
export type ContractViewMode = (typeof CONTRACT_VIEWS)[number];

/** The version name of the workspace's own document, as the API spells it. */
export const WORKSPACE = 'workspace';

export interface VersionOption {
  /** What the API takes: a registered version, or `workspace`. */
  readonly value: string;
  readonly label: string;
}

export interface ContractSelection {
  readonly contract: ContractWithId & { readonly contractId: string };
  readonly portKey: string;
  readonly version: string;
  readonly options: readonly VersionOption[];
  readonly view: ContractViewMode;
}

export const portKey = (c: { readonly port: string; readonly major: number }) => `${c.port}@${c.major}`;

export function versionOptions(contract: ContractWithId): VersionOption[] {
  const registered = [...contract.registeredVersions]
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .map((v) => ({
      value: v.version,
      label: `${v.version}${v.version === contract.workspaceVersion ? ' (served)' : ''} · published ${v.publishedAt.slice(0, 10)}`,
    }));
  const unpublished =
    contract.workspaceVersion !== null && !registered.some((o) => o.value === contract.workspaceVersion);
  return unpublished
    ? [{ value: WORKSPACE, label: `${contract.workspaceVersion} · workspace, not published yet` }, ...registered]
    : registered;
}

export function selectContract(
  contracts: readonly ContractWithId[],
  params: URLSearchParams,
): ContractSelection | undefined {
  const withId = contracts.filter((c): c is ContractSelection['contract'] => c.contractId !== null);
  const contract = withId.find((c) => portKey(c) === params.get('port')) ?? withId[0];
  if (!contract) return undefined;
  const options = versionOptions(contract);
  const asked = params.get('version');
  const served = options.some((o) => o.value === contract.workspaceVersion) ? contract.workspaceVersion : WORKSPACE;
  const version = options.find((o) => o.value === asked)?.value ?? served ?? WORKSPACE;
  const view = CONTRACT_VIEWS.find((v) => v === params.get('view')) ?? 'rendered';
  return { contract, portKey: portKey(contract), version, options, view };
}
