// Resource snippets of gateways and traffic: the east-west gateway install, Gateway, ServiceRoute, the
// ControlPlane that enables DNS at the edge, and failover, their defaults taken from the project.
import { TabStops } from './snippetText';
import { msg } from '../l10n/message';
import { FALLBACK, groupFor, groupParents, namesOf, newWorkspace, tenancy, unique, type Builder } from './snippetParts';

export const EASTWEST_GATEWAY_INSTALL: Builder = {
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
};

export const GATEWAY: Builder = {
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
};

export const SERVICE_ROUTE: Builder = {
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
};

export const CONTROLPLANE_DNS_AT_EDGE: Builder = {
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
};

export const FAILOVER: Builder = {
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
};
