// PURE: what the preview suggests adding, written with the project's own names: its clusters, folders,
// namespaces, workspaces and gateways (from the failover model and the project hints), never the bundled
// example's. YAML (keys, values, comments) stays as is in every language; the prose around it is localized.
import type {
  EastWestGateway,
  ExcludedService,
  FailoverModel,
  Labels,
  WorkspaceFailover,
} from '../../../../server/src/engine/index';
import type { GatewayInstallSummary } from '../../../../server/src/protocol';
import type { ProjectHints } from '../protocol';
import { t } from './l10n';

/** An empty state that teaches: what is missing, and YAML to copy or create. */
export interface TeachView {
  key: string;
  title: string;
  body: string[];
  /** File the snippet belongs in, relative to `near`'s folder (or to the workspace folder). */
  snippetFile: string;
  /** A file whose folder the new file goes in (a URI the model names); undefined: the workspace folder. */
  near?: string;
  snippet: string;
  /** Offer "Write tsb.config.yaml" (the tsb.writeConfig command) next to copy and create. */
  writeConfig?: boolean;
  /** Lines to merge into an existing file: copy only, no file to create. */
  fragment?: boolean;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The `app` label (what a gateway install CR gives its pods) or the first label. */
function appOf(labels: Labels, fallback: string): string {
  return labels['app'] ?? Object.values(labels)[0] ?? fallback;
}

/** An east-west gateway of the project: an install CR with eastWestOnly, else one named like it. */
function eastWestInstall(hints: ProjectHints | undefined): GatewayInstallSummary | undefined {
  const gws = hints?.project.gateways ?? [];
  return gws.find((g) => g.eastWestOnly && g.namespace) ?? gws.find((g) => /east-?west/i.test(g.name) && g.namespace);
}

/** Does a namespaceSelector name (`cluster/namespace`, `*` and a trailing `*` allowed) select the namespace? */
function nsMatches(selector: string, namespace: string): boolean {
  const part = selector.includes('/') ? selector.slice(selector.indexOf('/') + 1) : selector;
  return part === '*' || part === namespace || (part.endsWith('*') && namespace.startsWith(part.slice(0, -1)));
}

function baseName(ws: string): string {
  return ws.replace(/[-_]?ws$/i, '') || ws;
}

function fileName(uri: string): string {
  const tail = uri.split('/').pop() ?? uri;
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail;
  }
}

/** Workspace-folder-relative path of a URI, or undefined when it is under no folder. */
export function relativePath(uri: string, folders: string[]): { folder: string; path: string } | undefined {
  const folder = [...folders]
    .sort((a, b) => b.length - a.length)
    .find((f) => uri.startsWith(`${f.replace(/\/$/, '')}/`));
  if (!folder) return undefined;
  try {
    return { folder, path: decodeURIComponent(uri.slice(folder.replace(/\/$/, '').length + 1)) };
  } catch {
    return { folder, path: uri.slice(folder.replace(/\/$/, '').length + 1) };
  }
}

/** Files with Kubernetes objects the model knows (services, workloads, gateway installs). */
function kubernetesUris(model: FailoverModel, hints: ProjectHints | undefined): string[] {
  const uris = new Set<string>();
  for (const ws of model.workspaces) {
    for (const c of ws.candidates) {
      if (c.source) uris.add(c.source.uri);
      for (const w of c.workloads) if (w.source) uris.add(w.source.uri);
    }
    for (const e of ws.excluded) {
      if (e.source) uris.add(e.source.uri);
      for (const w of e.workloads ?? []) if (w.source) uris.add(w.source.uri);
    }
    for (const g of ws.gateways) for (const i of g.installs) if (i.source) uris.add(i.source.uri);
  }
  for (const g of hints?.project.gateways ?? []) uris.add(g.uri);
  return [...uris].sort(byText);
}

/** Cluster names the project uses somewhere; undefined when it names none. */
function knownClusters(model: FailoverModel, hints: ProjectHints | undefined): string[] | undefined {
  const cs = new Set<string>(model.clusters);
  for (const g of hints?.project.gateways ?? []) for (const c of g.clusters) cs.add(c);
  return cs.size ? [...cs].sort(byText) : undefined;
}

/** placements: one entry per top-level folder holding Kubernetes objects, with the project's clusters. */
export function placementsSnippet(model: FailoverModel, hints: ProjectHints | undefined): string {
  const folders = hints?.folders ?? [];
  const tops = new Set<string>();
  for (const uri of kubernetesUris(model, hints)) {
    const rel = relativePath(uri, folders);
    if (!rel) continue;
    const parts = rel.path.split('/');
    tops.add(parts.length > 1 ? `${parts[0]}/**` : '*.yaml');
  }
  const clusters = knownClusters(model, hints);
  const globs = tops.size ? [...tops].sort(byText) : ['k8s/**'];
  return [
    '# Which clusters each file is applied to: every entry whose glob',
    '# (relative to this file) matches a file applies to it.',
    ...(clusters ? [] : ['# Write your cluster names (as your kubectl contexts name them).']),
    'placements:',
    ...globs.flatMap((g) => [
      `  - files: ${g}`,
      `    clusters: [${(clusters ?? ['cluster-a', 'cluster-b']).join(', ')}]`,
    ]),
  ].join('\n');
}

/**
 * The gateway a new WorkspaceSetting should select: an east-west install of the repository, else one the
 * repository's other WorkspaceSettings select and that is deployed (its convention), else a new one.
 */
function gatewayFor(
  ws: WorkspaceFailover,
  model: FailoverModel,
  hints: ProjectHints | undefined,
): { namespace: string; app: string; installed: boolean } {
  const g = eastWestInstall(hints);
  if (g) return { namespace: g.namespace!, app: appOf(g.labels, g.name), installed: true };
  // A gateway installed in one of the workspace's own namespaces (any ingress gateway also serves port 15443).
  const own = (hints?.project.gateways ?? []).find(
    (x) => x.namespace && ws.namespaces.some((n) => nsMatches(n, x.namespace!)),
  );
  if (own) return { namespace: own.namespace!, app: appOf(own.labels, own.name), installed: true };
  const used =
    model.workspaces.flatMap((w) => w.gateways).find((x) => x.installs.length > 0 && x.clusters.length > 0) ??
    model.workspaces.flatMap((w) => w.gateways).find((x) => x.installs.length > 0);
  if (used) return { namespace: used.namespace, app: appOf(used.labels, used.installs[0]!.name), installed: true };
  return { namespace: 'eastwest', app: `${baseName(ws.name)}-eastwest`, installed: false };
}

export function workspaceSettingSnippet(ws: WorkspaceFailover, gw: { namespace: string; app: string }): string {
  return [
    'apiVersion: api.tsb.tetrate.io/v2',
    'kind: WorkspaceSetting',
    'metadata:',
    `  organization: ${ws.organization}`,
    `  tenant: ${ws.tenant}`,
    `  workspace: ${ws.name}`,
    `  name: ${ws.name}-setting`,
    'spec:',
    '  defaultEastWestGatewaySettings:',
    '    - workloadSelector:',
    `        namespace: ${gw.namespace}`,
    '        labels:',
    `          app: ${gw.app}`,
    '      # optional: expose only some services (default: every service of the workspace)',
    '      # exposedServices:',
    '      #   - serviceLabels:',
    '      #       failover: enable',
  ].join('\n');
}

export function eastWestInstallSnippet(name: string, namespace: string, otherLabels: Labels = {}): string {
  const extra = Object.entries(otherLabels);
  return [
    'apiVersion: install.tetrate.io/v1alpha1',
    'kind: IngressGateway',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    '  eastWestOnly: true',
    ...(extra.length
      ? ['  kubeSpec:', '    deployment:', '      labels:', ...extra.map(([k, v]) => `        ${k}: ${v}`)]
      : []),
  ].join('\n');
}

/** Advice for the whole project: placements, and a first workspace. */
export function globalTeach(model: FailoverModel, hints: ProjectHints | undefined): TeachView[] {
  const out: TeachView[] = [];
  if (!model.placementsConfigured) {
    out.push({
      key: 'teach:placements',
      title: t('Say where your files are applied'),
      body: [
        t('The preview needs to know which clusters each file is applied to, the way kubectl apply would place them.'),
        t(
          'Add a tsb.config.yaml at the root of the workspace folder with placements: every entry whose glob matches a file applies to it.',
        ),
      ],
      snippetFile: 'tsb.config.yaml',
      snippet: placementsSnippet(model, hints),
      ...(hints?.canWriteConfig ? { writeConfig: true } : {}),
    });
  }
  if (model.workspaces.length === 0) {
    const p = hints?.project;
    const ns = p?.namespaces.find((n) => !p.gateways.some((g) => g.namespace === n)) ?? 'my-app';
    const ws: WorkspaceFailover = {
      organization: p?.organizations[0] ?? 'my-org',
      tenant: p?.tenants[0] ?? 'my-tenant',
      name: `${ns}-ws`,
      namespaces: [`*/${ns}`],
      gateways: [],
      candidates: [],
      excluded: [],
      lookalikes: [],
    };
    const gw = gatewayFor(ws, model, hints);
    out.push({
      key: 'teach:workspace',
      title: t('No TSB workspace yet'),
      body: [
        t(
          'Failover through an east-west gateway is configured per workspace. Define a Workspace that owns your application namespaces and a WorkspaceSetting with defaultEastWestGatewaySettings.',
        ),
        t(
          'Every service of the workspace is then exposed through the east-west gateway, and services running in two clusters fail over automatically.',
        ),
      ],
      snippetFile: `tsb/${ws.name}.yaml`,
      snippet: [
        'apiVersion: api.tsb.tetrate.io/v2',
        'kind: Workspace',
        'metadata:',
        `  organization: ${ws.organization}`,
        `  tenant: ${ws.tenant}`,
        `  name: ${ws.name}`,
        'spec:',
        '  namespaceSelector:',
        '    names:',
        `      - "*/${ns}"`,
        '---',
        workspaceSettingSnippet(ws, gw),
      ].join('\n'),
    });
  }
  return out;
}

function exposedSelector(excluded: ExcludedService[]): Labels {
  // The label most of the workspace's services carry, with the first service's value: selecting it is a start.
  const first = excluded[0];
  if (!first) return { failover: 'enable' };
  const key = 'app' in first.labels ? 'app' : Object.keys(first.labels)[0];
  return key ? { [key]: first.labels[key]! } : { failover: 'enable' };
}

/** Advice for one workspace: no WorkspaceSetting, a gateway deployed nowhere, nothing exposed. */
export function workspaceTeach(
  ws: WorkspaceFailover,
  model: FailoverModel,
  hints: ProjectHints | undefined,
): TeachView[] {
  const out: TeachView[] = [];
  const hasSetting = ws.settingSource !== undefined || ws.gateways.length > 0;
  const near = ws.source?.uri;
  if (!hasSetting) {
    const gw = gatewayFor(ws, model, hints);
    out.push({
      key: `teach:setting:${ws.name}`,
      title: t('No WorkspaceSetting with east-west gateway settings yet'),
      body: [
        t(
          'Services of {0} are not exposed through any east-west gateway, so none can fail over to another cluster.',
          ws.name,
        ),
        gw.installed
          ? t(
              'Add a WorkspaceSetting with defaultEastWestGatewaySettings that selects the gateway this repository installs for it ({0} in namespace {1}): by default every service of the workspace is exposed.',
              gw.app,
              gw.namespace,
            )
          : t(
              'Add a WorkspaceSetting with defaultEastWestGatewaySettings: by default every service of the workspace is exposed. No east-west gateway is installed in this repository yet: install one with the same name in every cluster.',
            ),
      ],
      snippetFile: `${ws.name}-setting.yaml`,
      ...(near ? { near } : {}),
      snippet: workspaceSettingSnippet(ws, gw),
    });
    if (!gw.installed) {
      out.push({
        key: `teach:install-new:${ws.name}`,
        title: t('Install an east-west gateway'),
        body: [
          t(
            'A dedicated gateway (port 15443 only) in every cluster carries the failover traffic; place its file in those clusters with tsb.config.yaml.',
          ),
        ],
        snippetFile: `${gw.app}.yaml`,
        ...(near ? { near } : {}),
        snippet: eastWestInstallSnippet(gw.app, gw.namespace),
      });
    }
  } else if (ws.gateways.length > 0 && ws.gateways.every((g) => g.clusters.length === 0)) {
    const g: EastWestGateway = ws.gateways[0]!;
    const app = appOf(g.labels, `${baseName(ws.name)}-eastwest`);
    const { app: _app, ...rest } = g.labels;
    out.push({
      key: `teach:install:${ws.name}`,
      title: t('The selected east-west gateway is deployed nowhere'),
      body: [
        t('No install CR in the project deploys a gateway matching the workloadSelector, in any placed cluster.'),
        t(
          'Deploy a dedicated east-west gateway (port 15443 only) in every cluster, and place the file in those clusters with tsb.config.yaml.',
        ),
      ],
      snippetFile: `${app}.yaml`,
      ...(near ? { near } : {}),
      snippet: eastWestInstallSnippet(app, g.namespace, rest),
    });
  } else if (ws.candidates.length === 0) {
    const sel = exposedSelector(ws.excluded);
    const gw = ws.gateways[0];
    out.push({
      key: `teach:exposed:${ws.name}`,
      title: t('Nothing is exposed through the east-west gateway'),
      body: [
        ws.excluded.length > 0
          ? t(
              'No service of the workspace matches the exposedServices selectors. Label the services you want to fail over, or select them by label:',
            )
          : t(
              'No Service was found in the namespaces of {0} ({1}). Add the Services and Deployments, placed in two clusters.',
              ws.name,
              ws.namespaces.join(', ') || '—',
            ),
      ],
      snippetFile: ws.settingSource ? fileName(ws.settingSource.uri) : `${ws.name}-setting.yaml`,
      fragment: true,
      snippet: [
        '  defaultEastWestGatewaySettings:',
        '    - workloadSelector:',
        `        namespace: ${gw?.namespace ?? 'eastwest'}`,
        '        labels:',
        ...Object.entries(gw?.labels ?? { app: `${baseName(ws.name)}-eastwest` }).map(
          ([k, v]) => `          ${k}: ${v}`,
        ),
        '      exposedServices:',
        '        - serviceLabels:',
        ...Object.entries(sel).map(([k, v]) => `            ${k}: ${v}`),
      ].join('\n'),
    });
  }
  return out;
}
