import type { GroupType } from '../../../../schemas/src/types';
import { nsPatternMatches, nsPatternsOverlap, parseNsPattern } from '../workspace/selectors';
import { escapeSnippet, TabStops, yamlScalar } from './snippetText';
import { msg, type Message } from '../l10n/message';
import type { SnippetDefaults } from './snippetDefaults';

// The pieces resource snippets are built from: names kept unique, tenancy parents, namespaces, the
// east-west gateway to select, and the three Group snippets.

export interface Builder {
  prefix: string;
  description: Message;
  build(d: SnippetDefaults): { lines: string[]; notes?: Message[] };
}

/** A value written as is (no tab stop): a YAML scalar, escaped for snippet syntax (`$PREFIX` stays text). */
export const lit = (v: string) => escapeSnippet(yamlScalar(v));

export function unique(d: SnippetDefaults, kind: string, base: string): string {
  if (!d.taken.has(`${kind}/${base}`)) return base;
  for (let i = 2; ; i++) if (!d.taken.has(`${kind}/${base}-${i}`)) return `${base}-${i}`;
}

export const FALLBACK = { organization: 'tetrate', tenant: 'tetrate', workspace: 'bookinfo-ws', namespace: 'bookinfo' };

/** Organization and tenant: those of a workspace when one is given, else the project's first, else the fallback. */
export function tenancy(d: SnippetDefaults, ws?: { organization: string; tenant: string }) {
  return {
    organization: ws?.organization || d.organizations[0] || FALLBACK.organization,
    tenant: ws?.tenant || d.tenants[0] || FALLBACK.tenant,
  };
}

/** A namespace for a new workspace: one no workspace owns yet. */
export function newWorkspace(d: SnippetDefaults): { name: string; namespace: string } {
  const namespace =
    d.freeNamespaces[0] ?? (d.workspaces.length ? unique(d, 'Namespace', 'my-namespace') : FALLBACK.namespace);
  const name = unique(
    d,
    'Workspace',
    d.workspaces.length || d.freeNamespaces.length ? `${namespace}-ws` : FALLBACK.workspace,
  );
  return { name, namespace };
}

/** List items of a namespaceSelector (cluster/namespace), the namespace part a tab stop (namespace names need no escaping in YAML). */
export function namesOf(t: TabStops, names: string[], pad: string): string[] {
  return names.map((n) => {
    const m = /^([^/]+)\/(.+)$/.exec(n);
    return m ? `${pad}- "${escapeSnippet(m[1]!)}/${t.raw(escapeSnippet(m[2]!))}"` : `${pad}- ${t.value(n)}`;
  });
}

/**
 * The gateway a new WorkspaceSetting selects: an east-west install of the project, else one its other
 * WorkspaceSettings select and that is deployed (its convention). Never a selector already reported as
 * matching nothing: the advice must not copy a mistake.
 */
export function eastWestGateway(
  d: SnippetDefaults,
  namespaces: string[] = [],
): { namespace: string; app: string; deployed: boolean } {
  // An east-west install; else a gateway installed in the workspace's own namespaces (any ingress
  // gateway also serves port 15443); else what the project's other settings select.
  const own = d.ingress.find((x) =>
    namespaces.some((n) => {
      const p = parseNsPattern(n);
      return !!p && nsPatternMatches(p, x.namespace);
    }),
  );
  const g = d.eastWest[0] ?? own ?? d.selectedGateways[0];
  if (g) return { namespace: g.namespace, app: g.app, deployed: true };
  return { namespace: 'eastwest', app: 'eastwest-gateway', deployed: false };
}

export function groupFor(d: SnippetDefaults, type: GroupType) {
  return d.groups.find((g) => g.type === type);
}

/** Parents of a group-scoped resource: an existing group of the type, else a workspace, else the fallback. */
export function groupParents(d: SnippetDefaults, type: GroupType, t: TabStops): string[] {
  const g = groupFor(d, type);
  if (g) {
    return [
      `  organization: ${lit(g.organization)}`,
      `  tenant: ${lit(g.tenant)}`,
      `  workspace: ${lit(g.workspace)}`,
      `  group: ${t.value(d.groups.filter((x) => x.type === type && x.workspace === g.workspace).map((x) => x.name))}`,
    ];
  }
  const ws = d.workspaces[0];
  const ten = tenancy(d, ws);
  return [
    `  organization: ${t.value(ten.organization)}`,
    `  tenant: ${t.value(ten.tenant)}`,
    `  workspace: ${t.value(ws?.name ?? FALLBACK.workspace)}`,
    `  group: ${t.value(`${(ws?.name ?? FALLBACK.workspace).replace(/-ws$/, '')}-${type}-group`)}`,
  ];
}

const GROUP_API: Record<'gateway' | 'traffic' | 'security', string> = {
  gateway: 'gateway.tsb.tetrate.io/v2',
  traffic: 'traffic.tsb.tetrate.io/v2',
  security: 'security.tsb.tetrate.io/v2',
};

export function groupSnippet(type: 'gateway' | 'traffic' | 'security'): Builder {
  return {
    prefix: `tsb-${type}-group`,
    description: msg('TSB {type} Group in a workspace', { type }),
    build(d) {
      const t = new TabStops();
      // A namespace of the workspace that no group of this type owns yet (groups own namespaces exclusively).
      const taken = d.groups
        .filter((g) => g.type === type)
        .flatMap((g) => g.namespaces)
        .map(parseNsPattern)
        .filter((x): x is NonNullable<typeof x> => !!x);
      const free = (n: string) => {
        const pat = parseNsPattern(n);
        return !!pat && !taken.some((x) => nsPatternsOverlap(x, pat));
      };
      const ws = d.workspaces.find((w) => w.namespaces.some(free)) ?? d.workspaces[0];
      const ten = tenancy(d, ws);
      const wsName = ws?.name ?? FALLBACK.workspace;
      const names = ws ? ws.namespaces.filter(free).slice(0, 1) : [`*/${FALLBACK.namespace}`];
      const notes =
        ws && names.length === 0
          ? [
              msg('Every namespace of workspace {workspace} already belongs to a {type} group: name another one.', {
                workspace: wsName,
                type,
              }),
            ]
          : [];
      return {
        lines: [
          `apiVersion: ${GROUP_API[type]}`,
          'kind: Group',
          'metadata:',
          `  organization: ${t.value(ten.organization)}`,
          `  tenant: ${t.value(ten.tenant)}`,
          `  workspace: ${t.value(wsName)}`,
          `  name: ${t.value(unique(d, 'Group', `${wsName.replace(/-ws$/, '')}-${type}-group`))}`,
          'spec:',
          '  namespaceSelector:',
          '    names:',
          ...namesOf(t, names.length ? names : [`*/${FALLBACK.namespace}`], '      '),
          `  configMode: ${t.value(['BRIDGED', 'DIRECT'])}`,
        ],
        notes,
      };
    },
  };
}
