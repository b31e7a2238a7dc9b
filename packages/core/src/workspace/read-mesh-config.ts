/**
 * Reads mesh.yaml: parse, `${VAR}` substitution on strings, schema validation, and the teams,
 * users and service accounts it declares.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { substituteVariables } from '../config/env-substitution.js';
import { MeshConfigSchema, type MeshConfig } from '../config/mesh-config-schema.js';
import type { ServiceAccount, Team, User } from '../model/model-types.js';
import { createDocumentValidator } from '../standards/schema-validator.js';
import { parseWorkspaceDocument } from './parse-document.js';
import { MESH_FILE } from './workspace-layout.js';
import { WORKSPACE_CODES } from './workspace-codes.js';

const validateMeshConfig = createDocumentValidator(MeshConfigSchema);

export interface MeshSettings {
  readonly config?: MeshConfig;
  readonly teams: Map<string, Team>;
  readonly users: Map<string, User>;
  readonly serviceAccounts: Map<string, ServiceAccount>;
  readonly diagnostics: Diagnostic[];
}

export function readMeshConfig(text: string, env: Readonly<Record<string, string | undefined>>): MeshSettings {
  const diagnostics: Diagnostic[] = [];
  const parsed = parseWorkspaceDocument<MeshConfig>(MESH_FILE, text, 'mesh.yaml', validateMeshConfig, (raw) => {
    const { value, unresolved } = substituteVariables(raw, env);
    return {
      value,
      diagnostics: unresolved.map(({ pointer, variable }) => ({
        code: 'MW4001',
        severity: 'error' as const,
        file: MESH_FILE,
        pointer,
        message: `mesh.yaml: ${pointer} refers to the environment variable ${variable}, which is not set`,
        fix: WORKSPACE_CODES.MW4001.fix,
      })),
    };
  });
  // An unset variable leaves an empty string whose schema errors would only repeat MW4001.
  const unresolved = new Set(parsed.diagnostics.filter((d) => d.code === 'MW4001').map((d) => d.pointer));
  for (const d of parsed.diagnostics) {
    if (d.code !== 'MW4001' && unresolved.has(d.pointer)) continue;
    diagnostics.push(d.line === undefined && d.pointer ? { ...d, ...parsed.source.locate(d.pointer) } : d);
  }
  const teams = new Map<string, Team>();
  const users = new Map<string, User>();
  const serviceAccounts = new Map<string, ServiceAccount>();
  const onlyUnresolved = diagnostics.every((d) => d.code === 'MW4001');
  if (!parsed.value || !(parsed.valid || onlyUnresolved)) return { teams, users, serviceAccounts, diagnostics };

  const config = parsed.value;
  const duplicate = (kind: string, id: string, pointer: string): void => {
    diagnostics.push({
      code: 'MW4002',
      severity: 'error',
      file: MESH_FILE,
      ...parsed.source.locate(pointer),
      pointer,
      message: `mesh.yaml: ${kind} "${id}" is declared more than once`,
      fix: WORKSPACE_CODES.MW4002.fix,
    });
  };
  config.teams?.forEach((t, i) => {
    if (teams.has(t.id)) return duplicate('team', t.id, `/teams/${i}/id`);
    teams.set(t.id, {
      id: t.id,
      name: t.name ?? t.id,
      description: t.description,
      members: t.members ?? [],
      channel: t.channel,
    });
  });
  config.users?.forEach((u, i) => {
    if (users.has(u.id)) return duplicate('user', u.id, `/users/${i}/id`);
    users.set(u.id, {
      id: u.id,
      name: u.name ?? u.id,
      email: u.email,
      teams: u.teams ?? [],
      groups: u.groups ?? [],
      roles: u.roles ?? [],
      attributes: u.attributes ?? {},
    });
    u.teams?.forEach((team, j) => {
      if (!config.teams?.some((t) => t.id === team)) {
        diagnostics.push({
          code: 'MW3008',
          severity: 'error',
          file: MESH_FILE,
          ...parsed.source.locate(`/users/${i}/teams/${j}`),
          message: `mesh.yaml: user "${u.id}" belongs to team "${team}", which is not declared`,
          fix: WORKSPACE_CODES.MW3008.fix,
        });
      }
    });
  });
  config.serviceAccounts?.forEach((s, i) => {
    if (serviceAccounts.has(s.id) || users.has(s.id))
      return duplicate('service account', s.id, `/serviceAccounts/${i}/id`);
    serviceAccounts.set(s.id, { id: s.id, description: s.description, team: s.team, roles: s.roles ?? [] });
  });
  return { config, teams, users, serviceAccounts, diagnostics };
}
