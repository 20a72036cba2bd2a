import type { GroupType } from '../../../../schemas/src/types';
import { gatewaysFor, ownsNamespace, settingKey, workspaceKey } from '../model/failover';
import type { ResolvedProject } from '../workspace/resolved';
import { labelsMatch, nsPatternMatches, nsPatternsOverlap, parseNsPattern } from '../workspace/selectors';
import { tenancyNames } from './projectValues';
import { escapeSnippet, TabStops, yamlScalar } from './snippetText';
import { commas, msg, type Message } from '../l10n/message';
import { render, type Locale } from '../l10n/translate';

// Resource snippets (a whole TSB document), offered by completion at the start of an empty YAML document.
// Their defaults come from the project: its organization and tenant, a workspace that still lacks a
// WorkspaceSetting, a namespace no workspace owns yet, the east-west gateway its install CRs deploy...
// so that Tab through the defaults leaves YAML that raises no problem. The bundled example's names
// are used only when the project has nothing to offer.

export interface SnippetDefaults {
  organizations: string[];
  tenants: string[];
  workspaces: { name: string; organization: string; tenant: string; namespaces: string[]; setting?: string }[];
  groups: { type: GroupType; name: string; organization: string; tenant: string; workspace: string; namespaces: string[] }[];
  /** Namespaces where Services run. */
  appNamespaces: string[];
  /** App namespaces no workspace owns yet. */
  freeNamespaces: string[];
  /** Install CRs with eastWestOnly, then others named like one. */
  eastWest: { name: string; namespace: string; app: string }[];
  /** Other install gateways (ingress). */
  ingress: { name: string; namespace: string; app: string }[];
  services: { name: string; namespace: string; versions: string[] }[];
  clusters: string[];
  /** Gateways that a WorkspaceSetting's east-west entry selects and an install CR deploys: the project's convention. */
  selectedGateways: { name: string; namespace: string; app: string }[];
  /** A WorkspaceSetting selects app=X in namespace Y and no install CR deploys it. */
  missingGateway?: { namespace: string; app: string };
  /** `Kind/name` of every TSB object and install CR, to keep new names unique. */
  taken: Set<string>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function snippetDefaults(p: ResolvedProject): SnippetDefaults {
  const settings = new Map<string, string>();
  for (const s of p.workspaceSettings) if (!settings.has(settingKey(s))) settings.set(settingKey(s), s.name);
  const wsFacts = p.tsb.filter((o) => o.kind === 'Workspace');
  const workspaces = wsFacts.map((w) => ({
    name: w.name, organization: w.organization ?? '', tenant: w.tenant ?? '',
    namespaces: w.namespaces.map((n) => n.name),
    ...(settings.has(workspaceKey(w)) ? { setting: settings.get(workspaceKey(w))! } : {}),
  }));
  const groups = p.tsb.filter((o) => o.kind === 'Group' && o.groupType && o.workspace).map((g) => ({
    type: g.groupType!, name: g.name, organization: g.organization ?? '', tenant: g.tenant ?? '', workspace: g.workspace!,
    namespaces: g.namespaces.map((n) => n.name),
  }));
  const appNamespaces = [...new Set(p.services.map((s) => s.namespace).filter((n): n is string => !!n))].sort(byText);
  const freeNamespaces = appNamespaces.filter((ns) => !wsFacts.some((w) => ownsNamespace(w, ns, [])));
  const gw = (g: ResolvedProject['installGateways'][number]) => ({ name: g.fact.name, namespace: g.namespace ?? '', app: g.fact.labels['app'] ?? g.fact.name });
  const installs = p.installGateways.filter((g) => g.namespace);
  const eastWest = [
    ...installs.filter((g) => g.fact.eastWestOnly),
    ...installs.filter((g) => !g.fact.eastWestOnly && /east-?west/i.test(g.fact.name)),
  ].map(gw);
  const ingress = installs.filter((g) => !g.fact.eastWestOnly && !/east-?west/i.test(g.fact.name)).map(gw);
  const services = p.services.filter((s) => s.namespace).map((s) => {
    const versions = new Set<string>();
    if (Object.keys(s.fact.selector).length) {
      for (const w of p.workloads) {
        if (w.namespace === s.namespace && labelsMatch(s.fact.selector, w.fact.podLabels) && w.fact.podLabels['version']) versions.add(w.fact.podLabels['version']);
      }
    }
    return { name: s.fact.name, namespace: s.namespace!, versions: [...versions].sort(byText) };
  });
  let missingGateway: SnippetDefaults['missingGateway'];
  const selectedGateways: SnippetDefaults['selectedGateways'] = [];
  for (const s of p.workspaceSettings) {
    for (const e of s.eastWest) {
      if (!e.namespace || !Object.keys(e.labels).length) continue;
      const found = gatewaysFor(p, e.namespace, e.labels);
      for (const g of found) if (!selectedGateways.some((x) => x.name === g.name && x.namespace === g.namespace)) selectedGateways.push({ name: g.name, namespace: g.namespace, app: g.labels['app'] ?? g.name });
      if (!missingGateway && !found.length && e.labels['app'] && Object.keys(e.labels).length === 1) missingGateway = { namespace: e.namespace, app: e.labels['app'] };
    }
  }
  const taken = new Set<string>([
    ...p.tsb.map((o) => `${o.kind}/${o.name}`),
    ...p.installGateways.map((g) => `${g.fact.kind}/${g.fact.name}`),
  ]);
  return {
    organizations: tenancyNames(p, 'organization'),
    tenants: tenancyNames(p, 'tenant'),
    workspaces, groups, appNamespaces, freeNamespaces, eastWest, ingress, selectedGateways,
    services: services.sort((a, b) => b.versions.length - a.versions.length || byText(a.namespace, b.namespace) || byText(a.name, b.name)),
    clusters: [...p.clusters],
    ...(missingGateway ? { missingGateway } : {}),
    taken,
  };
}

/** What completion needs to offer one snippet. */
export interface ResourceSnippet {
  prefix: string;
  description: string;
  /** Snippet text (LSP snippet syntax). */
  body: string;
  /** Why the defaults are what they are, and what to watch for (markdown lines). */
  notes: string[];
}

interface Builder {
  prefix: string;
  description: Message;
  build(d: SnippetDefaults): { lines: string[]; notes?: Message[] };
}

/** A value written as is (no tab stop): a YAML scalar, escaped for snippet syntax (`$PREFIX` stays text). */
const lit = (v: string) => escapeSnippet(yamlScalar(v));

function unique(d: SnippetDefaults, kind: string, base: string): string {
  if (!d.taken.has(`${kind}/${base}`)) return base;
  for (let i = 2; ; i++) if (!d.taken.has(`${kind}/${base}-${i}`)) return `${base}-${i}`;
}

const FALLBACK = { organization: 'tetrate', tenant: 'tetrate', workspace: 'bookinfo-ws', namespace: 'bookinfo' };

/** Organization and tenant: those of a workspace when one is given, else the project's first, else the fallback. */
function tenancy(d: SnippetDefaults, ws?: { organization: string; tenant: string }) {
  return {
    organization: ws?.organization || d.organizations[0] || FALLBACK.organization,
    tenant: ws?.tenant || d.tenants[0] || FALLBACK.tenant,
  };
}

/** A namespace for a new workspace: one no workspace owns yet. */
function newWorkspace(d: SnippetDefaults): { name: string; namespace: string } {
  const namespace = d.freeNamespaces[0] ?? (d.workspaces.length ? unique(d, 'Namespace', 'my-namespace') : FALLBACK.namespace);
  const name = unique(d, 'Workspace', d.workspaces.length || d.freeNamespaces.length ? `${namespace}-ws` : FALLBACK.workspace);
  return { name, namespace };
}

/** List items of a namespaceSelector (cluster/namespace), the namespace part a tab stop (namespace names need no escaping in YAML). */
function namesOf(t: TabStops, names: string[], pad: string): string[] {
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
function eastWestGateway(d: SnippetDefaults, namespaces: string[] = []): { namespace: string; app: string; deployed: boolean } {
  // An east-west install; else a gateway installed in the workspace's own namespaces (any ingress
  // gateway also serves port 15443); else what the project's other settings select.
  const own = d.ingress.find((x) => namespaces.some((n) => { const p = parseNsPattern(n); return !!p && nsPatternMatches(p, x.namespace); }));
  const g = d.eastWest[0] ?? own ?? d.selectedGateways[0];
  if (g) return { namespace: g.namespace, app: g.app, deployed: true };
  return { namespace: 'eastwest', app: 'eastwest-gateway', deployed: false };
}

function groupFor(d: SnippetDefaults, type: GroupType) {
  return d.groups.find((g) => g.type === type);
}

/** Parents of a group-scoped resource: an existing group of the type, else a workspace, else the fallback. */
function groupParents(d: SnippetDefaults, type: GroupType, t: TabStops): string[] {
  const g = groupFor(d, type);
  if (g) {
    return [`  organization: ${lit(g.organization)}`, `  tenant: ${lit(g.tenant)}`, `  workspace: ${lit(g.workspace)}`, `  group: ${t.value(d.groups.filter((x) => x.type === type && x.workspace === g.workspace).map((x) => x.name))}`];
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
  gateway: 'gateway.tsb.tetrate.io/v2', traffic: 'traffic.tsb.tetrate.io/v2', security: 'security.tsb.tetrate.io/v2',
};

function groupSnippet(type: 'gateway' | 'traffic' | 'security'): Builder {
  return {
    prefix: `tsb-${type}-group`,
    description: msg('TSB {type} Group in a workspace', { type }),
    build(d) {
      const t = new TabStops();
      // A namespace of the workspace that no group of this type owns yet (groups own namespaces exclusively).
      const taken = d.groups.filter((g) => g.type === type).flatMap((g) => g.namespaces).map(parseNsPattern).filter((x): x is NonNullable<typeof x> => !!x);
      const free = (n: string) => { const pat = parseNsPattern(n); return !!pat && !taken.some((x) => nsPatternsOverlap(x, pat)); };
      const ws = d.workspaces.find((w) => w.namespaces.some(free)) ?? d.workspaces[0];
      const ten = tenancy(d, ws);
      const wsName = ws?.name ?? FALLBACK.workspace;
      const names = ws ? ws.namespaces.filter(free).slice(0, 1) : [`*/${FALLBACK.namespace}`];
      const notes = ws && names.length === 0 ? [msg('Every namespace of workspace {workspace} already belongs to a {type} group: name another one.', { workspace: wsName, type })] : [];
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

const BUILDERS: Builder[] = [
  {
    prefix: 'tsb-workspace',
    description: msg('TSB Workspace (tctl form): owns namespaces in clusters'),
    build(d) {
      const t = new TabStops();
      const ten = tenancy(d);
      const w = newWorkspace(d);
      return {
        lines: [
          'apiVersion: api.tsb.tetrate.io/v2',
          'kind: Workspace',
          'metadata:',
          `  organization: ${t.value(d.organizations.length > 1 ? d.organizations : ten.organization)}`,
          `  tenant: ${t.value(d.tenants.length > 1 ? d.tenants : ten.tenant)}`,
          `  name: ${t.value(w.name)}`,
          'spec:',
          '  namespaceSelector:',
          '    names:',
          ...namesOf(t, [`*/${w.namespace}`], '      '),
        ],
        notes: d.freeNamespaces.length ? [msg('Namespace {namespace} has Services and no workspace owns it yet.', { namespace: w.namespace })] : [],
      };
    },
  },
  {
    prefix: 'tsb-workspace-setting',
    description: msg('TSB WorkspaceSetting: expose the workspace\'s services to other clusters through an east-west gateway'),
    build(d) {
      const t = new TabStops();
      // A workspace has exactly one WorkspaceSetting: default to the workspaces that have none.
      const free = d.workspaces.filter((w) => !w.setting);
      const first = free[0];
      const gw = eastWestGateway(d, first?.namespaces);
      const notes: Message[] = [];
      const meta: string[] = [];
      if (first) {
        const same = free.filter((w) => w.organization === first.organization && w.tenant === first.tenant).map((w) => w.name);
        const ten = tenancy(d, first);
        meta.push(`  organization: ${lit(ten.organization)}`, `  tenant: ${lit(ten.tenant)}`, `  workspace: ${t.value(same)}`, `  name: $${t.last}-setting`);
      } else {
        const ten = tenancy(d);
        const name = d.workspaces.length ? unique(d, 'Workspace', 'new-ws') : FALLBACK.workspace;
        meta.push(`  organization: ${t.value(ten.organization)}`, `  tenant: ${t.value(ten.tenant)}`, `  workspace: ${t.value(name)}`, `  name: $${t.last}-setting`);
        if (d.workspaces.length) {
          notes.push(msg('Every workspace of this project already has its WorkspaceSetting ({settings}). A workspace has exactly one: add east-west settings to that one, or name a new workspace here.', { settings: commas(d.workspaces.map((w) => `${w.name}: ${w.setting}`)) }));
        }
      }
      if (!gw.deployed) notes.push(msg('No install CR of this project deploys an east-west gateway yet: add one (snippet tsb-install-eastwest-gateway) named {name} in namespace {namespace}.', { name: gw.app, namespace: gw.namespace }));
      return {
        lines: [
          'apiVersion: api.tsb.tetrate.io/v2',
          'kind: WorkspaceSetting',
          'metadata:',
          ...meta,
          'spec:',
          '  defaultEastWestGatewaySettings:',
          '    - workloadSelector:',
          `        namespace: ${t.value(gw.namespace)}`,
          '        labels:',
          `          app: ${t.value(gw.app)}`,
        ],
        notes,
      };
    },
  },
  {
    prefix: 'tsb-tenant',
    description: msg('TSB Tenant of an organization'),
    build(d) {
      const t = new TabStops();
      const name = d.tenants.length ? unique(d, 'Tenant', 'new-tenant') : FALLBACK.tenant;
      return {
        lines: [
          'apiVersion: api.tsb.tetrate.io/v2',
          'kind: Tenant',
          'metadata:',
          `  organization: ${t.value(tenancy(d).organization)}`,
          `  name: ${t.value(name)}`,
          'spec:',
          `  displayName: ${t.value(name.replace(/(^|-)(\w)/g, (_m, s: string, c: string) => `${s ? ' ' : ''}${c.toUpperCase()}`))}`,
        ],
      };
    },
  },
  groupSnippet('gateway'),
  groupSnippet('traffic'),
  groupSnippet('security'),
  {
    prefix: 'tsb-install-eastwest-gateway',
    description: msg('Install CR deploying an east-west gateway (pods labelled app=<name>); port 15443 carries failover traffic'),
    build(d) {
      const t = new TabStops();
      // The gateway a WorkspaceSetting waits for, else one more next to the project's own.
      const want = d.missingGateway ?? { namespace: d.eastWest[0]?.namespace ?? 'eastwest', app: d.eastWest[0]?.name ?? 'eastwest-gateway' };
      const name = d.missingGateway ? want.app : unique(d, 'IngressGateway', want.app);
      return {
        lines: [
          'apiVersion: install.tetrate.io/v1alpha1',
          'kind: IngressGateway',
          'metadata:',
          `  name: ${t.value(name)}`,
          `  namespace: ${t.value(want.namespace)}`,
          'spec:',
          '  eastWestOnly: true',
        ],
        notes: d.missingGateway ? [msg('A WorkspaceSetting selects app={app} in namespace {namespace}, and no install CR deploys it yet.', { app: want.app, namespace: want.namespace })] : [],
      };
    },
  },
  {
    prefix: 'tsb-gateway',
    description: msg('TSB unified Gateway configuration: route a hostname to a service'),
    build(d) {
      const t = new TabStops();
      const parents = groupParents(d, 'gateway', t);
      const g = groupFor(d, 'gateway');
      // The ingress gateway deployed in the group's namespaces, else any the project installs.
      const inGroup = d.ingress.filter((x) => g?.namespaces.some((n) => n.endsWith(`/${x.namespace}`) || n.endsWith('/*')));
      const gws = inGroup.length ? inGroup : d.ingress.length ? d.ingress : [{ name: `${(g?.workspace ?? d.workspaces[0]?.name ?? FALLBACK.workspace).replace(/-ws$/, '')}-gateway`, namespace: d.appNamespaces[0] ?? FALLBACK.namespace, app: `${(g?.workspace ?? d.workspaces[0]?.name ?? FALLBACK.workspace).replace(/-ws$/, '')}-gateway` }];
      const svc = d.services.find((s) => s.namespace === gws[0]!.namespace) ?? d.services[0] ?? { name: 'productpage', namespace: FALLBACK.namespace, versions: [] };
      return {
        lines: [
          'apiVersion: gateway.tsb.tetrate.io/v2',
          'kind: Gateway',
          'metadata:',
          ...parents,
          `  name: ${t.value(unique(d, 'Gateway', `${svc.name}-gateway`))}`,
          'spec:',
          '  workloadSelector:',
          `    namespace: ${t.value(gws[0]!.namespace)}`,
          '    labels:',
          `      app: ${t.value(gws[0]!.app)}`,
          '  http:',
          `    - name: ${t.value(svc.name)}`,
          `      port: ${t.num(80)}`,
          `      hostname: ${t.value(`${svc.name}.example.com`)}`,
          '      routing:',
          '        rules:',
          '          - route:',
          '              serviceDestination:',
          `                host: ${t.value(`${svc.namespace}/${svc.name}.${svc.namespace}.svc.cluster.local`)}`,
          `                port: ${t.num(9080)}`,
        ],
        notes: d.ingress.length ? [] : [msg('No install CR of this project deploys an ingress gateway yet: the workloadSelector names one you still have to install.')],
      };
    },
  },
  {
    prefix: 'tsb-service-route',
    description: msg('TSB ServiceRoute: split traffic between subsets of a service'),
    build(d) {
      const t = new TabStops();
      const parents = groupParents(d, 'traffic', t);
      const svc = d.services.find((s) => s.versions.length >= 2) ?? { name: 'reviews', namespace: FALLBACK.namespace, versions: ['v1', 'v2'] };
      const [a, b] = svc.versions.length >= 2 ? svc.versions : ['v1', 'v2'];
      const lines = [
        'apiVersion: traffic.tsb.tetrate.io/v2',
        'kind: ServiceRoute',
        'metadata:',
        ...parents,
        `  name: ${t.value(unique(d, 'ServiceRoute', svc.name))}`,
        'spec:',
        `  service: ${t.value(`${svc.namespace}/${svc.name}.${svc.namespace}.svc.cluster.local`)}`,
        '  subsets:',
        `    - name: ${t.value(a!)}`,
        '      labels:',
        `        version: $${t.last}`,
        `      weight: ${t.num(80)}`,
        `    - name: ${t.value(b!)}`,
        '      labels:',
        `        version: $${t.last}`,
        `      weight: ${t.num(20)}`,
      ];
      return { lines };
    },
  },
  {
    prefix: 'tsb-security-setting',
    description: msg('TSB SecuritySetting: mTLS and who may call the group\'s services'),
    build(d) {
      const t = new TabStops();
      const parents = groupParents(d, 'security', t);
      return {
        lines: [
          'apiVersion: security.tsb.tetrate.io/v2',
          'kind: SecuritySetting',
          'metadata:',
          ...parents,
          `  name: ${t.value(unique(d, 'SecuritySetting', `${(groupFor(d, 'security')?.workspace ?? d.workspaces[0]?.name ?? FALLBACK.workspace).replace(/-ws$/, '')}-security`))}`,
          'spec:',
          '  authenticationSettings:',
          `    trafficMode: ${t.value(['REQUIRED', 'OPTIONAL'])}`,
          '  authorization:',
          `    mode: ${t.value(['WORKSPACE', 'GROUP', 'NAMESPACE', 'CLUSTER'])}`,
        ],
      };
    },
  },
  {
    prefix: 'tsb-controlplane-dns-at-edge',
    description: msg('ControlPlane install CR with the EdgeXcp overlay that sets ENABLE_DNS_RESOLUTION_AT_EDGE (needed when cluster-external-addresses is a DNS name)'),
    build(d) {
      const t = new TabStops();
      const hub = t.value('registry.example.com/tetrate');
      const host = t.value('tsb.example.com');
      const hostNo = t.last;
      const port = t.num(8443);
      const portNo = t.last;
      return {
        lines: [
          'apiVersion: install.tetrate.io/v1alpha1',
          'kind: ControlPlane',
          'metadata:',
          '  name: controlplane',
          '  namespace: istio-system',
          'spec:',
          `  hub: ${hub}`,
          '  managementPlane:',
          `    host: ${host}`,
          `    port: ${port}`,
          `    clusterName: ${t.value(d.clusters.length ? d.clusters : ['cluster-1'])}`,
          '  telemetryStore:',
          '    elastic:',
          `      host: $${hostNo}`,
          `      port: $${portNo}`,
          '      version: 7',
          '  components:',
          '    xcp:',
          '      kubeSpec:',
          '        overlays:',
          '          - apiVersion: install.xcp.tetrate.io/v1alpha1',
          '            kind: EdgeXcp',
          '            name: edge-xcp',
          '            patches:',
          '              - path: spec.components.edgeServer.kubeSpec.deployment.env[-1]',
          '                value:',
          '                  name: ENABLE_DNS_RESOLUTION_AT_EDGE',
          '                  value: "true"',
        ],
      };
    },
  },
  {
    prefix: 'tsb-failover',
    description: msg('The whole east-west failover setup: a Workspace, its WorkspaceSetting selecting an east-west gateway, and the IngressGateway install CR that deploys it'),
    build(d) {
      const t = new TabStops();
      const ten = tenancy(d);
      const w = newWorkspace(d);
      const org = t.value(ten.organization);
      const orgNo = t.last;
      const tenant = t.value(ten.tenant);
      const tenantNo = t.last;
      const name = t.value(w.name);
      const nameNo = t.last;
      const nsLine = namesOf(t, [`*/${w.namespace}`], '      ');
      const existing = d.eastWest[0] ?? d.selectedGateways[0];
      const gwNs = t.value(existing?.namespace ?? 'eastwest');
      const gwNsNo = t.last;
      const gwApp = t.value(existing?.app ?? unique(d, 'IngressGateway', 'eastwest-gateway'));
      const gwAppNo = t.last;
      const lines = [
        'apiVersion: api.tsb.tetrate.io/v2',
        'kind: Workspace',
        'metadata:',
        `  organization: ${org}`,
        `  tenant: ${tenant}`,
        `  name: ${name}`,
        'spec:',
        '  namespaceSelector:',
        '    names:',
        ...nsLine,
        '---',
        'apiVersion: api.tsb.tetrate.io/v2',
        'kind: WorkspaceSetting',
        'metadata:',
        `  organization: $${orgNo}`,
        `  tenant: $${tenantNo}`,
        `  workspace: $${nameNo}`,
        `  name: $${nameNo}-setting`,
        'spec:',
        '  defaultEastWestGatewaySettings:',
        '    - workloadSelector:',
        `        namespace: ${gwNs}`,
        '        labels:',
        `          app: ${gwApp}`,
      ];
      // The project already deploys an east-west gateway: select it rather than install a second one.
      if (!existing) {
        lines.push('---', 'apiVersion: install.tetrate.io/v1alpha1', 'kind: IngressGateway', 'metadata:', `  name: $${gwAppNo}`, `  namespace: $${gwNsNo}`, 'spec:', '  eastWestOnly: true');
      }
      return {
        lines,
        notes: existing ? [msg('Selects the gateway the project already installs ({gateway}).', { gateway: `${existing.namespace}/${existing.name}` })] : [],
      };
    },
  },
];

/** Every resource snippet, its defaults taken from the project, described in `locale`. */
export function resourceSnippets(d: SnippetDefaults, locale: Locale = 'en'): ResourceSnippet[] {
  return BUILDERS.map((b) => {
    const { lines, notes } = b.build(d);
    return { prefix: b.prefix, description: render(b.description, locale), body: `${lines.join('\n')}\n$0`, notes: (notes ?? []).map((n) => render(n, locale)) };
  });
}

/** Names of every resource snippet (for documentation and tests). */
export const SNIPPET_PREFIXES = BUILDERS.map((b) => b.prefix);

