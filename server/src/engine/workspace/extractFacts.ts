import { isScalar } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { field, readTsbMeta, stringMap } from '../parse/tsbMeta';
import type { Resource } from '../parse/parsedChunk';
import type { ResourceAnalysis } from '../rules/analyseResource';
import { dnsOverlayInsertion, gatewayServers, podLabelsPlace, servicePorts, serviceRoutePorts } from './ruleFacts';
import { canonical } from './canonical';
import { emptyFacts, type EastWestEntryFact, type FileFacts, type SourceRef, type TsbObjectFact } from './facts';
import { deployFact } from './deployFacts';
import { enablesDnsAtEdge, isTrue, meantNamespace, nodeAt, relocated, str, writtenAt } from './factValues';

// What one YAML document defines and references, read from its analysed resources: the facts the
// cross-file rules and the failover model work from (lines relative to the document).

/**
 * The facts of one analysed document for the file `uri`, lines relative to the document, or moved down
 * by `line` (where the document starts in its file) when it is given.
 */
export function documentFacts(
  uri: string,
  text: string,
  resources: readonly Resource[],
  analyses: readonly ResourceAnalysis[],
  line = 0,
): FileFacts {
  const doc = TextDocument.create(uri, 'yaml', 0, text);
  return extractFrom(
    uri,
    doc,
    resources.map((resource, i) => ({ resource, analysis: analyses[i]!, offset: 0 })),
    line,
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

interface Item {
  resource: Resource;
  analysis: ResourceAnalysis;
  offset: number;
}

function extractFrom(uri: string, doc: TextDocument, items: Item[], line: number): FileFacts {
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
      return {
        uri: file.uri,
        line: s.line + line,
        character: s.character,
        endLine: e.line + line,
        endCharacter: e.character,
      };
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
    // Optional fields assigned in order (no object spreads: this runs for every TSB object).
    const base = { kind: id.kind, apiVersion: id.apiVersion! } as TsbObjectFact;
    if (entry.groupType) base.groupType = entry.groupType;
    base.form = meta.form;
    base.name = name;
    if (meta.organization) base.organization = meta.organization;
    if (meta.tenant) base.tenant = meta.tenant;
    if (meta.workspace) base.workspace = meta.workspace;
    if (meta.group) base.group = meta.group;
    base.source = kindRef;
    base.nameRef = refOf(['metadata', 'name']) ?? kindRef;
    base.parentRefs = parentRefs;
    base.namespaces = namespaces;
    base.specHash = canonical(spec);
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
