import type { Deployment, Unit } from '../engine/index';
import { escapeText } from './format';

// `tsb-lint units`: what the tool believes about where each file is applied, and why.

export interface UnitsJson {
  units: {
    name: string; files: string[]; clusters: string[]; managementPlane: boolean; namespace: string | null;
    evidence: { file: string; line: number; text: string }[]; alternativeTo: string[];
    source: Unit['source']; clusterMatches: Unit['clusterMatches']; clustersUnknown?: string;
  }[];
  /** YAML files with Kubernetes or TSB objects that nothing in the repository places. */
  unplaced: string[];
  /** Commands the reader could not follow, and why. */
  notes: { file: string; line: number; text: string; reason: string }[];
}

export function unitsJson(deployments: readonly Deployment[], show: (uri: string) => string): UnitsJson {
  const out: UnitsJson = { units: [], unplaced: [], notes: [] };
  for (const d of deployments) {
    for (const u of d.units) {
      out.units.push({
        name: u.name, files: u.files.map(show), clusters: u.clusters, managementPlane: u.managementPlane, namespace: u.namespace,
        evidence: u.evidence.map((e) => ({ file: show(e.uri), line: e.line + 1, text: e.text })), alternativeTo: u.alternativeTo,
        source: u.source, clusterMatches: u.clusterMatches, ...(u.clustersUnknown ? { clustersUnknown: u.clustersUnknown } : {}),
      });
    }
    out.unplaced.push(...d.unplaced.map(show));
    out.notes.push(...d.notes.map((n) => ({ file: show(n.uri), line: n.line + 1, text: n.text, reason: n.reason })));
  }
  return out;
}

const LIST = 3;

function commonFolder(files: readonly string[]): string {
  if (!files.length) return '';
  let dir = files[0]!.slice(0, Math.max(0, files[0]!.lastIndexOf('/')));
  while (dir && !files.every((f) => f.startsWith(dir + '/'))) dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')));
  return dir;
}

function some(items: readonly string[], n = LIST): string {
  return items.length <= n ? items.join(', ') : `${items.slice(0, n).join(', ')} and ${items.length - n} more`;
}

export function formatUnits(deployments: readonly Deployment[], format: string, show: (uri: string) => string): string {
  const data = unitsJson(deployments, show);
  if (format === 'json') return JSON.stringify(data, null, 2) + '\n';
  const lines: string[] = [];
  for (const u of data.units) {
    const where = [
      u.clusters.length ? `clusters ${u.clusters.join(', ')}` : u.managementPlane ? '' : `clusters unknown (${u.clustersUnknown ?? 'not named'})`,
      u.managementPlane ? 'management plane' : '',
      u.namespace ? `namespace ${u.namespace}` : '',
    ].filter(Boolean).join('; ');
    lines.push(`${u.name}`);
    lines.push(`  ${where} [${u.source}]`);
    for (const m of u.clusterMatches) lines.push(`  ${m.name} is TSB cluster ${m.tsb}: ${m.why}`);
    const dir = commonFolder(u.files);
    lines.push(`  files (${u.files.length})${dir ? ` in ${dir}/` : ''}: ${some(u.files.map((f) => (dir ? f.slice(dir.length + 1) : f)), 6)}`);
    const first = u.evidence[0];
    if (first) lines.push(`  evidence: ${first.file}:${first.line}  ${first.text}${u.evidence.length > 1 ? `  (and ${u.evidence.length - 1} more line${u.evidence.length > 2 ? 's' : ''})` : ''}`);
    if (u.alternativeTo.length) {
      // Alternatives come in groups (a whole scenario): name the places, not every unit.
      const places = [...new Set(u.alternativeTo.map((n) => n.replace(/ \(.*$/, '')))];
      lines.push(`  never applied together with ${u.alternativeTo.length} unit${u.alternativeTo.length === 1 ? '' : 's'} of ${some(places)}`);
    }
  }
  const files = new Set(data.units.flatMap((u) => u.files));
  lines.push('');
  lines.push(`${data.units.length} unit${data.units.length === 1 ? '' : 's'} covering ${files.size} file${files.size === 1 ? '' : 's'}.`);
  if (data.unplaced.length) lines.push(`Not placed by anything in the repository (${data.unplaced.length}): ${some(data.unplaced, 8)}`);
  if (data.notes.length) {
    lines.push(`Not understood (${data.notes.length}):`);
    for (const n of data.notes.slice(0, 10)) lines.push(`  ${n.file}:${n.line}: ${n.reason}`);
    if (data.notes.length > 10) lines.push(`  and ${data.notes.length - 10} more (--format json lists them all)`);
  }
  // Each entry is one line: names, paths and evidence from the files are escaped so they cannot start another.
  return lines.map(escapeText).join('\n') + '\n';
}
