import { TabStops } from './snippetText';
import { commas, msg, type Message } from '../l10n/message';
import { render, type Locale } from '../l10n/translate';
import type { SnippetDefaults } from './snippetDefaults';
import {
  eastWestGateway,
  FALLBACK,
  groupFor,
  groupParents,
  groupSnippet,
  lit,
  namesOf,
  newWorkspace,
  tenancy,
  unique,
  type Builder,
} from './snippetParts';

export { snippetDefaults, type SnippetDefaults } from './snippetDefaults';

// Resource snippets (a whole TSB document), offered by completion at the start of an empty YAML document.
// Their defaults come from the project: its organization and tenant, a workspace that still lacks a
// WorkspaceSetting, a namespace no workspace owns yet, the east-west gateway its install CRs deploy...
// so that Tab through the defaults leaves YAML that raises no problem. The bundled example's names
// are used only when the project has nothing to offer.

/** What completion needs to offer one snippet. */
export interface ResourceSnippet {
  prefix: string;
  description: string;
  /** Snippet text (LSP snippet syntax). */
  body: string;
  /** Why the defaults are what they are, and what to watch for (markdown lines). */
  notes: string[];
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
        notes: d.freeNamespaces.length
          ? [msg('Namespace {namespace} has Services and no workspace owns it yet.', { namespace: w.namespace })]
          : [],
      };
    },
  },
  {
    prefix: 'tsb-workspace-setting',
    description: msg(
      "TSB WorkspaceSetting: expose the workspace's services to other clusters through an east-west gateway",
    ),
    build(d) {
      const t = new TabStops();
      // A workspace has exactly one WorkspaceSetting: default to the workspaces that have none.
      const free = d.workspaces.filter((w) => !w.setting);
      const first = free[0];
      const gw = eastWestGateway(d, first?.namespaces);
      const notes: Message[] = [];
      const meta: string[] = [];
      if (first) {
        const same = free
          .filter((w) => w.organization === first.organization && w.tenant === first.tenant)
          .map((w) => w.name);
        const ten = tenancy(d, first);
        meta.push(
          `  organization: ${lit(ten.organization)}`,
          `  tenant: ${lit(ten.tenant)}`,
          `  workspace: ${t.value(same)}`,
          `  name: $${t.last}-setting`,
        );
      } else {
        const ten = tenancy(d);
        const name = d.workspaces.length ? unique(d, 'Workspace', 'new-ws') : FALLBACK.workspace;
        meta.push(
          `  organization: ${t.value(ten.organization)}`,
          `  tenant: ${t.value(ten.tenant)}`,
          `  workspace: ${t.value(name)}`,
          `  name: $${t.last}-setting`,
        );
        if (d.workspaces.length) {
          notes.push(
            msg(
              'Every workspace of this project already has its WorkspaceSetting ({settings}). A workspace has exactly one: add east-west settings to that one, or name a new workspace here.',
              { settings: commas(d.workspaces.map((w) => `${w.name}: ${w.setting}`)) },
            ),
          );
        }
      }
      if (!gw.deployed)
        notes.push(
          msg(
            'No install CR of this project deploys an east-west gateway yet: add one (snippet tsb-install-eastwest-gateway) named {name} in namespace {namespace}.',
            { name: gw.app, namespace: gw.namespace },
          ),
        );
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
    description: msg(
      'Install CR deploying an east-west gateway (pods labelled app=<name>); port 15443 carries failover traffic',
    ),
    build(d) {
      const t = new TabStops();
      // The gateway a WorkspaceSetting waits for, else one more next to the project's own.
      const want = d.missingGateway ?? {
        namespace: d.eastWest[0]?.namespace ?? 'eastwest',
        app: d.eastWest[0]?.name ?? 'eastwest-gateway',
      };
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
        notes: d.missingGateway
          ? [
              msg('A WorkspaceSetting selects app={app} in namespace {namespace}, and no install CR deploys it yet.', {
                app: want.app,
                namespace: want.namespace,
              }),
            ]
          : [],
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
      const inGroup = d.ingress.filter((x) =>
        g?.namespaces.some((n) => n.endsWith(`/${x.namespace}`) || n.endsWith('/*')),
      );
      const gws = inGroup.length
        ? inGroup
        : d.ingress.length
          ? d.ingress
          : [
              {
                name: `${(g?.workspace ?? d.workspaces[0]?.name ?? FALLBACK.workspace).replace(/-ws$/, '')}-gateway`,
                namespace: d.appNamespaces[0] ?? FALLBACK.namespace,
                app: `${(g?.workspace ?? d.workspaces[0]?.name ?? FALLBACK.workspace).replace(/-ws$/, '')}-gateway`,
              },
            ];
      const svc = d.services.find((s) => s.namespace === gws[0]!.namespace) ??
        d.services[0] ?? { name: 'productpage', namespace: FALLBACK.namespace, versions: [] };
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
        notes: d.ingress.length
          ? []
          : [
              msg(
                'No install CR of this project deploys an ingress gateway yet: the workloadSelector names one you still have to install.',
              ),
            ],
      };
    },
  },
  {
    prefix: 'tsb-service-route',
    description: msg('TSB ServiceRoute: split traffic between subsets of a service'),
    build(d) {
      const t = new TabStops();
      const parents = groupParents(d, 'traffic', t);
      const svc = d.services.find((s) => s.versions.length >= 2) ?? {
        name: 'reviews',
        namespace: FALLBACK.namespace,
        versions: ['v1', 'v2'],
      };
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
    description: msg("TSB SecuritySetting: mTLS and who may call the group's services"),
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
    description: msg(
      'ControlPlane install CR with the EdgeXcp overlay that sets ENABLE_DNS_RESOLUTION_AT_EDGE (needed when cluster-external-addresses is a DNS name)',
    ),
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
    description: msg(
      'The whole east-west failover setup: a Workspace, its WorkspaceSetting selecting an east-west gateway, and the IngressGateway install CR that deploys it',
    ),
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
        lines.push(
          '---',
          'apiVersion: install.tetrate.io/v1alpha1',
          'kind: IngressGateway',
          'metadata:',
          `  name: $${gwAppNo}`,
          `  namespace: $${gwNsNo}`,
          'spec:',
          '  eastWestOnly: true',
        );
      }
      return {
        lines,
        notes: existing
          ? [
              msg('Selects the gateway the project already installs ({gateway}).', {
                gateway: `${existing.namespace}/${existing.name}`,
              }),
            ]
          : [],
      };
    },
  },
];

/** Every resource snippet, its defaults taken from the project, described in `locale`. */
export function resourceSnippets(d: SnippetDefaults, locale: Locale = 'en'): ResourceSnippet[] {
  return BUILDERS.map((b) => {
    const { lines, notes } = b.build(d);
    return {
      prefix: b.prefix,
      description: render(b.description, locale),
      body: `${lines.join('\n')}\n$0`,
      notes: (notes ?? []).map((n) => render(n, locale)),
    };
  });
}

/** Names of every resource snippet (for documentation and tests). */
export const SNIPPET_PREFIXES = BUILDERS.map((b) => b.prefix);
