import { isSeq, type YAMLMap } from 'yaml';
import type { RawProblem } from '../types';
import { msg } from '../l10n/message';
import { mapOf, pairOf, scalarOf } from './yamlNodes';

// invalid-type / invalid-value in the Kubernetes objects TSB depends on: replicas and ports of Deployments,
// StatefulSets, ReplicaSets and Services. The API server rejects a quoted number (`replicas: "2"`) or a
// port out of range. Reported only next to TSB files (the project decides; see Project.diagnostics).

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet']);

/** `port`: a port number; `optional`: 0 means unset (Kubernetes defaults targetPort to port, allocates a nodePort). */
function integer(map: unknown, key: string, kind: string, out: RawProblem[], port = false, optional = false): void {
  const s = scalarOf(map, key);
  if (!s) return;
  const v = s.value;
  if (typeof v === 'number' && Number.isInteger(v)) {
    if (port && (v < (optional ? 0 : 1) || v > 65535)) {
      out.push({
        rule: 'invalid-value',
        onlyWithTsb: true,
        message: msg(
          '`{key}` must be a port number from {min} to 65535, not {value}: the API server rejects the {kind}.',
          { key, min: optional ? 0 : 1, value: v, kind },
        ),
        start: s.range[0],
        end: s.range[1],
      });
    }
    return;
  }
  const digits = typeof v === 'string' && /^\d+$/.test(v);
  out.push({
    rule: 'invalid-type',
    onlyWithTsb: true,
    message: digits
      ? msg(
          '`{key}` must be a whole number, not {value}: the API server rejects the {kind} (a string cannot be read into an integer field). Remove the quotes.',
          { key, value: `"${v}"`, kind },
        )
      : msg(
          '`{key}` must be a whole number, not {value}: the API server rejects the {kind} (a string cannot be read into an integer field).',
          { key, value: typeof v === 'string' ? `"${v}"` : String(v), kind },
        ),
    start: s.range[0],
    end: s.range[1],
    ...(digits ? { data: { fix: 'replace-value' as const, to: v } } : {}),
  });
}

function containerPorts(podSpec: unknown, kind: string, out: RawProblem[]): void {
  for (const list of ['containers', 'initContainers']) {
    const containers = pairOf(podSpec, list)?.value;
    if (!isSeq(containers)) continue;
    for (const c of containers.items) {
      const ports = pairOf(c, 'ports')?.value;
      if (!isSeq(ports)) continue;
      for (const p of ports.items) {
        integer(p, 'containerPort', kind, out, true);
        integer(p, 'hostPort', kind, out, true, true);
      }
    }
  }
}

export function kubernetesTypeProblems(root: YAMLMap, kind: string): RawProblem[] {
  const out: RawProblem[] = [];
  const spec = mapOf(root, 'spec');
  if (!spec) return out;
  if (WORKLOADS.has(kind)) {
    if (kind !== 'DaemonSet') integer(spec, 'replicas', kind, out);
    containerPorts(mapOf(mapOf(spec, 'template'), 'spec'), kind, out);
  } else if (kind === 'Service') {
    const ports = pairOf(spec, 'ports')?.value;
    if (isSeq(ports)) {
      for (const p of ports.items) {
        integer(p, 'port', kind, out, true);
        integer(p, 'nodePort', kind, out, true, true);
        // targetPort is an int or a port name; only a number out of range is wrong (0: defaults to port).
        const t = scalarOf(p, 'targetPort');
        if (t && typeof t.value === 'number') integer(p, 'targetPort', kind, out, true, true);
      }
    }
  }
  return out;
}
