import { project, ROOT, type TestProject } from '../helpers/engine';
import type { Unit } from '../../server/src/engine/index';

// Small repositories for the deployment-unit tests, and compact views of what was inferred.

export const svc = (name: string, ns?: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
${ns ? `  namespace: ${ns}\n` : ''}spec:
  selector:
    app: ${name}
`;

export const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

export const tenant = (name: string, description = 'x') => `apiVersion: api.tsb.tetrate.io/v2
kind: Tenant
metadata:
  organization: tetrate
  name: ${name}
spec:
  description: ${description}
`;

export const workspace = (name: string, names: string[], tenantName = 'prod') => `apiVersion: api.tsb.tetrate.io/v2
kind: Workspace
metadata:
  organization: tetrate
  tenant: ${tenantName}
  name: ${name}
spec:
  namespaceSelector:
    names: [${names.map((n) => `"${n}"`).join(', ')}]
`;

export function repo(files: Record<string, string>): TestProject {
  return project(files);
}

/** `file → clusters (mp) ns` for every file some visible unit holds, sorted by file. */
export function placements(t: TestProject): Record<string, string> {
  const out: Record<string, string[]> = {};
  for (const u of t.p.deployment().units) {
    for (const f of u.files) (out[rel(f)] ??= []).push(describe(u));
  }
  return Object.fromEntries(
    Object.entries(out)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, [...new Set(v)].join(' | ')]),
  );
}

export function describe(u: Unit): string {
  return (
    [u.managementPlane ? 'mp' : '', u.clusters.join(','), u.namespace ? `ns=${u.namespace}` : '']
      .filter(Boolean)
      .join(' ') || '?'
  );
}

export function rel(uri: string): string {
  return uri.slice(ROOT.length + 1);
}

export function unit(t: TestProject, file: string): Unit {
  const u = t.p.deployment().units.find((x) => x.files.includes(`${ROOT}/${file}`));
  if (!u) throw new Error(`no unit holds ${file}`);
  return u;
}

export function notes(t: TestProject): string[] {
  return t.p.deployment().notes.map((n) => `${rel(n.uri)}:${n.line + 1} ${n.reason}`);
}
