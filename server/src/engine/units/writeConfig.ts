import { relativeTo } from '../workspace/config';
import type { Deployment } from '../deployment';

// "Write tsb.config.yaml": what the tool inferred, as explicit configuration the user can review and
// edit. tsb.config.yaml always wins over inference, so writing it freezes today's reading.

function quote(s: string): string {
  return /^[\w./*@-]+$/.test(s) && !/^[-*]/.test(s) ? s : JSON.stringify(s);
}

export function inferredConfig(d: Deployment, rootUri: string): string {
  const rel = (uri: string) => {
    const r = relativeTo(rootUri, uri.replace(/\/\*\*$/, ''));
    return r === undefined ? undefined : uri.endsWith('/**') ? `${r}/**` : r;
  };
  const lines = [
    '# Where each file of this repository is applied, as tsb-authoring inferred it from the repository',
    '# (deploy scripts, READMEs, Argo CD, kustomize, folder names). Review it and edit freely:',
    '# this file wins over inference from now on.',
    'placements:',
  ];
  let placements = 0;
  for (const u of d.units) {
    if (u.source === 'config' || !u.clusters.length) continue;
    const files = u.files.map(rel).filter((f): f is string => f !== undefined);
    if (!files.length) continue;
    const tsb = u.clusters.map((c) => u.clusterMatches.find((m) => m.name === c)?.tsb ?? c);
    lines.push(`  # ${u.name}`);
    const ev = u.evidence[0];
    if (ev) lines.push(`  # from ${rel(ev.uri) ?? ev.uri}:${ev.line + 1}`);
    for (const m of u.clusterMatches) lines.push(`  # ${m.name} is TSB cluster ${m.tsb} (${m.why})`);
    lines.push('  - files:');
    for (const f of files) lines.push(`      - ${quote(f)}`);
    lines.push(`    clusters: [${[...new Set(tsb)].map(quote).join(', ')}]`);
    if (u.namespace) lines.push(`    namespace: ${quote(u.namespace)}`);
    placements++;
  }
  if (!placements)
    lines[lines.length - 1] = 'placements: []  # nothing in the repository says which clusters its files go to';
  const groups = d.alternativeGroups
    .map((g) => g.map(rel).filter((x): x is string => x !== undefined))
    .filter((g) => g.length > 1);
  if (groups.length) {
    lines.push('# Never applied together: either/or folders and successive versions of the same resources.');
    lines.push('alternatives:');
    for (const g of groups) lines.push(`  - [${g.map(quote).join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}
