import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { field, readTsbMeta, stringMap } from '../parse/tsbMeta';
import type { Resource } from '../parse/parsedChunk';
import { relocate, type ResourceAnalysis } from '../rules/analyseResource';
import type { Relocation } from '../rules/fieldPaths';
import { dnsOverlayInsertion, gatewayServers, podLabelsPlace, servicePorts, serviceRoutePorts } from './ruleFacts';
import { canonical } from './canonical';
import { findKeyIgnoringCase } from '../util/caseTolerant';
import {
  emptyFacts,
  type DeployFact,
  type EastWestEntryFact,
  type FileFacts,
  type SourceRef,
  type TsbObjectFact,
} from './facts';

// What one YAML document defines and references, read from its analysed resources: the facts the
// cross-file rules and the failover model work from (lines relative to the document).

/** The facts of one analysed document for the file `uri` (lines relative to the document). */
export function documentFacts(
  uri: string,
  text: string,
  resources: readonly Resource[],
  analyses: readonly ResourceAnalysis[],
): FileFacts {
  const doc = TextDocument.create(uri, 'yaml', 0, text);
  return extractFrom(
    uri,
    doc,
    resources.map((resource, i) => ({ resource, analysis: analyses[i]!, offset: 0 })),
  );
}

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Pod',
  'Job',
  'CronJob',
  'Rollout',
]);
const INSTALL_GATEWAYS = new Set(['IngressGateway', 'Tier1Gateway', 'EgressGateway', 'Gateway']);
const GATEWAY_CONFIGS = new Set(['IngressGateway', 'Tier1Gateway', 'EgressGateway', 'Gateway']);

/** A boolean as meant: `"true"` is reported as a wrong type, and still read as true for the cross-file rules. */
function isTrue(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined;
}

function pairIn(map: unknown, key: string): Pair<Scalar, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  return findKeyIgnoringCase(map.items, (p) => (isScalar(p.key) ? String(p.key.value) : undefined), key) as
    | Pair<Scalar, Node | null>
    | undefined;
}

function nodeAt(
  map: YAMLMap,
  path: (string | number)[],
): { node: Node | null | undefined; pair?: Pair<Scalar, Node | null> } {
  let cur: Node | null | undefined = map;
  let pair: Pair<Scalar, Node | null> | undefined;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!isSeq(cur)) return { node: undefined };
      cur = cur.items[seg] as Node | undefined;
      pair = undefined;
    } else {
      pair = pairIn(cur, seg);
      if (!pair) return { node: undefined };
      cur = pair.value;
    }
  }
  return { node: cur, ...(pair ? { pair } : {}) };
}

interface Item {
  resource: Resource;
  analysis: ResourceAnalysis;
  offset: number;
}

function extractFrom(uri: string, doc: TextDocument, items: Item[]): FileFacts {
  const file = { uri, doc };
  const facts = emptyFacts(uri);
  for (const { resource, analysis, offset } of items) {
    const id = analysis.identity;
    // A mis-indented block counts where it belongs (it is reported where it is written).
    const moved = analysis.relocations;
    const v = moved ? relocated(resource.value, moved) : resource.value;
    if (v === undefined || v === null || typeof v !== 'object') continue;
    const ref = (start: number, end: number): SourceRef => {
      const s = file.doc.positionAt(offset + start);
      const e = file.doc.positionAt(offset + end);
      return { uri: file.uri, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
    };
    const docRef = (): SourceRef => {
      const r = resource.node.range!;
      const at = id.kindPair?.key?.range ?? r;
      return ref(at[0], at[1]);
    };
    if (
      /\/kustomization\.ya?ml$/.test(file.uri) ||
      (id.kind === 'Kustomization' && id.group.startsWith('kustomize.config.k8s.io'))
    ) {
      const ns = str(field(v, 'namespace'));
      if (ns) facts.kustomizeNamespace = ns;
      const resources = ['resources', 'bases', 'components'].flatMap((k) => {
        const list = field(v, k);
        return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
      });
      facts.deploy.push({ kind: 'kustomization', ref: docRef(), resources, ...(ns ? { namespace: ns } : {}) });
      continue;
    }
    if (id.family === 'other' && id.kind) {
      const deploy = deployFact(id.group, id.kind, v, docRef);
      if (deploy) facts.deploy.push(deploy);
      continue;
    }
    if (!id.kind) continue;
    const refOf = (path: (string | number)[], keyOnly = false): SourceRef | undefined => {
      const { node, pair } = nodeAt(resource.node, moved ? writtenAt(path, moved) : path);
      if (keyOnly && pair?.key?.range) return ref(pair.key.range[0], pair.key.range[1]);
      if (node && isScalar(node) && node.range) return ref(node.range[0], node.range[1]);
      if (pair?.key?.range) return ref(pair.key.range[0], pair.key.range[1]);
      if (node?.range) return ref(node.range[0], node.range[0] + 1);
      return undefined;
    };
    const kindRef =
      id.kindPair?.value && isScalar(id.kindPair.value) && id.kindPair.value.range
        ? ref(id.kindPair.key.range![0], id.kindPair.value.range[1])
        : ref(resource.node.range![0], resource.node.range![0] + 1);
    const md = field(v, 'metadata');
    const name = str(field(md, 'name'));
    const namespace = str(field(md, 'namespace'));
    const spec = field(v, 'spec');

    if (id.family === 'kubernetes') {
      if (!name) continue;
      facts.objects.push(`${id.kind}|${namespace ?? ''}|${name}`);
      if (id.kind === 'Namespace')
        facts.namespaces.push({ name, labels: stringMap(field(md, 'labels')), source: kindRef });
      else if (id.kind === 'Service') {
        facts.services.push({
          name,
          ...(namespace ? { namespace } : {}),
          labels: stringMap(field(md, 'labels')),
          selector: stringMap(field(spec, 'selector')),
          ports: servicePorts(resource.node, spec, refOf),
          source: refOf(['metadata', 'name']) ?? kindRef,
        });
      } else if (WORKLOAD_KINDS.has(id.kind)) {
        const podLabels =
          id.kind === 'Pod'
            ? stringMap(field(md, 'labels'))
            : id.kind === 'CronJob'
              ? stringMap(
                  field(field(field(field(field(spec, 'jobTemplate'), 'spec'), 'template'), 'metadata'), 'labels'),
                )
              : stringMap(field(field(field(spec, 'template'), 'metadata'), 'labels'));
        facts.workloads.push({
          kind: id.kind,
          name,
          ...(namespace ? { namespace } : {}),
          podLabels,
          ...podLabelsPlace(id.kind, resource.node, refOf),
          source: refOf(['metadata', 'name']) ?? kindRef,
        });
      }
      continue;
    }
    if (id.family !== 'tetrate' || !analysis.entry) continue;
    const entry = analysis.entry;

    if (entry.dialect === 'install') {
      if (!name) continue;
      if (INSTALL_GATEWAYS.has(id.kind)) {
        const kube = field(spec, 'kubeSpec');
        const annotations = stringMap(field(field(kube, 'service'), 'annotations'));
        const ext = annotations['xcp.tetrate.io/cluster-external-addresses'];
        const type = str(field(spec, 'type'));
        facts.installGateways.push({
          kind: id.kind,
          name,
          ...(namespace ? { namespace } : {}),
          labels: { ...stringMap(field(field(kube, 'deployment'), 'labels')), app: name },
          eastWestOnly: isTrue(field(spec, 'eastWestOnly')) || type === 'EASTWEST',
          ...(ext
            ? {
                externalAddresses: {
                  value: ext,
                  ref:
                    refOf([
                      'spec',
                      'kubeSpec',
                      'service',
                      'annotations',
                      'xcp.tetrate.io/cluster-external-addresses',
                    ]) ?? kindRef,
                },
              }
            : {}),
          source: kindRef,
          nameRef: refOf(['metadata', 'name']) ?? kindRef,
        });
      } else if (id.kind === 'ControlPlane') {
        const cluster = str(field(field(spec, 'managementPlane'), 'clusterName'));
        const clusterNameRef = cluster ? refOf(['spec', 'managementPlane', 'clusterName']) : undefined;
        const overlay = moved ? undefined : dnsOverlayInsertion(resource.node, file.doc.getText().slice(offset));
        facts.controlPlanes.push({
          name,
          ...(namespace ? { namespace } : {}),
          dnsResolutionAtEdge: enablesDnsAtEdge(spec),
          ...(cluster ? { clusterName: cluster } : {}),
          ...(clusterNameRef ? { clusterNameRef } : {}),
          ...(overlay ? { dnsOverlay: { at: ref(overlay.offset, overlay.offset), text: overlay.text } } : {}),
          source: kindRef,
        });
      }
      continue;
    }
    if (entry.dialect !== 'tsb' || !name) continue;
    const meta = readTsbMeta(v, id.apiVersion, entry.groupType);
    const parentRefs: TsbObjectFact['parentRefs'] = {};
    for (const k of ['organization', 'tenant', 'workspace', 'group'] as const) {
      if (!meta[k]) continue;
      const r =
        meta.form === 'tctl'
          ? refOf(['metadata', k])
          : refOf([
              'metadata',
              'annotations',
              k === 'group'
                ? (Object.keys(meta.annotations).find((a) => /Group$/.test(a)) ?? '')
                : `tsb.tetrate.io/${k}`,
            ]);
      if (r) parentRefs[k] = r;
    }
    const names = field(field(spec, 'namespaceSelector'), 'names');
    const namespaces: TsbObjectFact['namespaces'] = [];
    if (Array.isArray(names)) {
      names.forEach((n, i) => {
        if (typeof n === 'string')
          namespaces.push({
            name: meantNamespace(n),
            ref: refOf(['spec', 'namespaceSelector', 'names', i]) ?? kindRef,
          });
      });
    }
    const base: TsbObjectFact = {
      kind: id.kind,
      apiVersion: id.apiVersion!,
      ...(entry.groupType ? { groupType: entry.groupType } : {}),
      form: meta.form,
      name,
      ...(meta.organization ? { organization: meta.organization } : {}),
      ...(meta.tenant ? { tenant: meta.tenant } : {}),
      ...(meta.workspace ? { workspace: meta.workspace } : {}),
      ...(meta.group ? { group: meta.group } : {}),
      source: kindRef,
      nameRef: refOf(['metadata', 'name']) ?? kindRef,
      parentRefs,
      namespaces,
      specHash: canonical(spec),
    };
    facts.tsb.push(base);

    if (id.kind === 'WorkspaceSetting') {
      const entries = field(spec, 'defaultEastWestGatewaySettings');
      const eastWest: EastWestEntryFact[] = [];
      if (Array.isArray(entries)) {
        entries.forEach((e, i) => {
          const ws = field(e, 'workloadSelector');
          const exposedRaw = field(e, 'exposedServices');
          const p = ['spec', 'defaultEastWestGatewaySettings', i];
          const selectorRef = refOf([...p, 'workloadSelector'], true) ?? kindRef;
          eastWest.push({
            entry: i,
            namespace: str(field(ws, 'namespace')) ?? '',
            labels: stringMap(field(ws, 'labels')),
            selectorRef,
            labelsRef: refOf([...p, 'workloadSelector', 'labels'], true) ?? selectorRef,
            namespaceRef: refOf([...p, 'workloadSelector', 'namespace']) ?? selectorRef,
            exposed: Array.isArray(exposedRaw)
              ? exposedRaw.map((x, j) => ({
                  labels: stringMap(field(x, 'serviceLabels')),
                  ref: refOf([...p, 'exposedServices', j, 'serviceLabels'], true) ?? selectorRef,
                }))
              : [],
          });
        });
      }
      facts.workspaceSettings.push({ ...base, eastWest });
    } else if (GATEWAY_CONFIGS.has(id.kind) && entry.groupType === 'gateway') {
      const ws = field(spec, 'workloadSelector');
      const sel =
        ws && typeof ws === 'object'
          ? {
              namespace: str(field(ws, 'namespace')) ?? '',
              labels: stringMap(field(ws, 'labels')),
              ref: refOf(['spec', 'workloadSelector'], true) ?? kindRef,
              labelsRef: refOf(['spec', 'workloadSelector', 'labels'], true) ?? kindRef,
            }
          : undefined;
      facts.gatewayConfigs.push({
        ...base,
        ...(sel ? { selector: sel } : {}),
        ...gatewayServers(id.kind, spec, refOf),
      });
    } else if (id.kind === 'ServiceRoute') {
      const subsets = field(spec, 'subsets');
      const service = str(field(spec, 'service'));
      facts.serviceRoutes.push({
        ...base,
        ...(service ? { service } : {}),
        subsets: Array.isArray(subsets)
          ? subsets.map((s, i) => ({
              name: str(field(s, 'name')) ?? `#${i}`,
              labels: stringMap(field(s, 'labels')),
              ref: refOf(['spec', 'subsets', i, 'labels'], true) ?? refOf(['spec', 'subsets', i]) ?? kindRef,
            }))
          : [],
        ...serviceRoutePorts(spec),
      });
    }
  }
  return facts;
}

/** ENABLE_DNS_RESOLUTION_AT_EDGE="true" through an EdgeXcp overlay env patch, or in the xcp component's env. */
function enablesDnsAtEdge(spec: unknown): boolean {
  const found = (v: unknown): boolean => {
    if (Array.isArray(v)) return v.some(found);
    if (!v || typeof v !== 'object') return false;
    const o = v as Record<string, unknown>;
    if (o['name'] === 'ENABLE_DNS_RESOLUTION_AT_EDGE' && String(o['value']).toLowerCase() === 'true') return true;
    return Object.values(o).some(found);
  };
  return found(field(field(spec, 'components'), 'xcp'));
}

/**
 * `bookinfo` in a namespaceSelector is reported as invalid (names are `<cluster>/<namespace>`) and read as
 * the `*\/bookinfo` it means, so ownership, injection and selector checks still see the workspace's namespaces.
 */
function meantNamespace(name: string): string {
  return !name.includes('/') && /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\*?|\*)$/.test(name) ? `*/${name}` : name;
}

function relocated(value: unknown, moves: readonly Relocation[]): unknown {
  const copy = structuredClone(value);
  for (const m of moves) relocate(copy, m);
  return copy;
}

/** Where a path of the relocated value is written in the YAML. */
function writtenAt(path: (string | number)[], moves: readonly Relocation[]): (string | number)[] {
  let out = path;
  for (let i = moves.length - 1; i >= 0; i--) {
    const m = moves[i]!;
    if (m.to.length <= out.length && m.to.every((seg, j) => String(seg) === String(out[j])))
      out = [...m.from, ...out.slice(m.to.length)];
  }
  return out;
}

/** Argo CD Applications and ApplicationSets, Flux Kustomizations: where a folder of the repository goes. */
function deployFact(group: string, kind: string, v: unknown, docRef: () => SourceRef): DeployFact | undefined {
  const md = field(v, 'metadata');
  const spec = field(v, 'spec');
  const name = str(field(md, 'name')) ?? '';
  if (group === 'argoproj.io' && kind === 'ApplicationSet') return { kind: 'argo-appset', name, ref: docRef() };
  if (group === 'argoproj.io' && kind === 'Application') {
    // A multi-source Application's first source with a path stands for the application.
    const sources = field(spec, 'sources');
    const source = Array.isArray(sources)
      ? (sources.find((x) => str(field(x, 'path'))) ?? sources[0])
      : field(spec, 'source');
    const dir = field(source, 'directory');
    const dest = field(spec, 'destination');
    const out: DeployFact = { kind: 'argo-app', name, ref: docRef(), recurse: field(dir, 'recurse') === true };
    const set = (
      k: 'path' | 'repoURL' | 'include' | 'exclude' | 'destName' | 'destServer' | 'destNamespace',
      x: unknown,
    ) => {
      const s = str(x);
      if (s) out[k] = s;
    };
    set('path', field(source, 'path'));
    set('repoURL', field(source, 'repoURL'));
    set('include', field(dir, 'include'));
    set('exclude', field(dir, 'exclude'));
    set('destName', field(dest, 'name'));
    set('destServer', field(dest, 'server'));
    set('destNamespace', field(dest, 'namespace'));
    return out;
  }
  if (group === 'kustomize.toolkit.fluxcd.io' && kind === 'Kustomization') {
    const path = str(field(spec, 'path'));
    const ns = str(field(spec, 'targetNamespace'));
    return { kind: 'flux', name, ref: docRef(), ...(path ? { path } : {}), ...(ns ? { targetNamespace: ns } : {}) };
  }
  return undefined;
}
