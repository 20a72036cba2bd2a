import { simulateDown, parseDownTarget, formatDownTarget } from '../engine/model/whatIf';
import type { FailoverModel, SourceRef } from '../engine/model/failoverTypes';
import { formatLabels } from '../engine/workspace/selectors';
import { escapeText } from './format';

// Output of `tsb-lint failover`: a text report (tables per workspace) or JSON (contract §5), with the
// optional --down what-if. Source references become file paths relative to the current folder.

export function formatFailover(model: FailoverModel, down: string[], format: string, display: (uri: string) => string): { text: string; usage?: string } {
  const targets = [];
  for (const d of down) {
    const t = parseDownTarget(d);
    if (!t) return { text: '', usage: `--down takes CLUSTER/NAMESPACE/WORKLOAD, for example cluster-1/bookinfo/details-v1 (got "${d}")` };
    targets.push(t);
  }
  const whatIf = targets.length ? simulateDown(model, targets) : undefined;
  if (format === 'json') {
    const json = JSON.stringify({ ...model, ...(whatIf ? { whatIf } : {}) }, (_key, value) => (isRef(value) ? refJson(value, display) : value), 2);
    return { text: json + '\n' };
  }
  const lines: string[] = [];
  if (!model.workspaces.length) lines.push('No workspaces in this project.');
  for (const ws of model.workspaces) {
    lines.push(`Workspace ${ws.organization}/${ws.tenant}/${ws.name}  (namespaces: ${ws.namespaces.join(', ') || 'none'})${ws.unit ? `  applied by ${ws.unit}` : ''}`);
    // Inferred placements (tsb.config.yaml ones are the user's own words): where each part goes, and how we know.
    for (const pl of (ws.placements ?? []).filter((x) => x.source !== 'config').slice(0, 8)) {
      const ev = pl.evidence ? `  [${display(pl.evidence.uri)}:${pl.evidence.line + 1}]` : '';
      const clusters = pl.clusters.map((c) => (pl.tsbNames?.[c] ? `${c} (TSB cluster ${pl.tsbNames[c]})` : c));
      lines.push(`  Placed: ${clusters.join(', ') || 'management plane / unknown cluster'}${pl.namespace ? ` (namespace ${pl.namespace})` : ''} by ${pl.unit}${ev}`);
    }
    if (!ws.gateways.length) lines.push('  East-west gateways: none (no defaultEastWestGatewaySettings)');
    for (const g of ws.gateways) {
      const exposes = g.exposedServices.length ? `exposes services with ${g.exposedServices.map(formatLabels).join(' | ')}` : 'exposes every service of the workspace';
      lines.push(`  East-west gateway #${g.entry + 1}: ${g.namespace}/${formatLabels(g.labels)} in ${g.clusters.join(', ') || 'no cluster (selector matches no deployed gateway)'}; ${exposes}`);
    }
    const rows: string[][] = [['SERVICE', 'NAMESPACE', 'CLUSTERS', 'VERSIONS', 'FAILOVER']];
    for (const c of ws.candidates) {
      rows.push([c.service, c.namespace, c.clusters.join(',') || '-', versionsText(c.versions), c.failover ? 'yes' : `no: ${c.reason ?? ''}`]);
    }
    for (const e of ws.excluded) rows.push([e.service, e.namespace, e.clusters.join(',') || '-', '-', `excluded: ${e.reason}`]);
    if (rows.length > 1) lines.push(...table(rows).map((r) => '  ' + r));
    else lines.push('  No services in this workspace\'s namespaces.');
    for (const l of ws.lookalikes) lines.push(`  Note: ${l.service} also exists in ${l.otherNamespaces.join(', ')}${l.otherCount > l.otherNamespaces.length ? ` and ${l.otherCount - l.otherNamespaces.length} more namespaces` : ''}; a service fails over only to the same name in the same namespace (${l.namespace}).`);
    lines.push('');
  }
  for (const n of model.notes) lines.push(`Note: ${n}`);
  if (whatIf) {
    if (lines[lines.length - 1] !== '') lines.push('');
    lines.push(`What if ${whatIf.down.map(formatDownTarget).join(', ')} ${whatIf.down.length === 1 ? 'goes' : 'go'} to zero replicas:`);
    for (const u of whatIf.unknown) lines.push(`  ${formatDownTarget(u.target)}: ${u.reason}`);
    for (const r of whatIf.routes) {
      const who = `${r.service}${r.subset ? ` (subset ${r.subset})` : ''} callers in ${r.fromCluster}`;
      const where = r.outcome === 'local' ? `stay in ${r.fromCluster}` : r.outcome === 'remote' ? `go to ${r.toClusters.join(', ')}${r.via ? ` via east-west gateway ${r.via.namespace}/${formatLabels(r.via.labels)}` : ''}` : 'go nowhere';
      lines.push(`  ${who} ${where}: ${r.reason}`);
    }
  }
  // Each entry is one line: names and reasons from the files are escaped so they cannot start another.
  return { text: lines.map(escapeText).join('\n').replace(/\n+$/, '') + '\n' };
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
}

function isRef(v: unknown): v is SourceRef {
  return !!v && typeof v === 'object' && 'uri' in v && 'line' in v && 'endCharacter' in v;
}

function refJson(r: SourceRef, display: (uri: string) => string) {
  return { file: display(r.uri), line: r.line + 1, column: r.character + 1, endLine: r.endLine + 1, endColumn: r.endCharacter + 1 };
}

/** "v1 v2" when every version runs in the same clusters, else "v1@cluster-1+cluster-2 v2@cluster-1". */
function versionsText(versions: Record<string, string[]>): string {
  const entries = Object.entries(versions).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return '-';
  const same = entries.every(([, cl]) => cl.join() === entries[0]![1].join());
  return same ? entries.map(([v]) => v).join(' ') : entries.map(([v, cl]) => `${v}@${cl.join('+')}`).join(' ');
}
