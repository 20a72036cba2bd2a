import {
  commas,
  formatDownTarget,
  formatLabels,
  localizeModel,
  localizeWhatIf,
  msg,
  parseDownTarget,
  pipes,
  render,
  simulateDown,
  type FailoverModel,
  type Locale,
  type Message,
  type SourceRef,
} from '../engine/index';
import { escapeText } from './format';

// Output of `tsb-lint failover`: a text report (tables per workspace) or JSON (the model as is), with the
// optional --down what-if. Source references become file paths relative to the current folder.

export function formatFailover(
  computed: FailoverModel,
  down: string[],
  format: string,
  display: (uri: string) => string,
  locale: Locale = 'en',
): { text: string; usage?: Message } {
  const targets = [];
  for (const d of down) {
    const t = parseDownTarget(d);
    if (!t)
      return {
        text: '',
        usage: msg(
          '--down takes CLUSTER/NAMESPACE/WORKLOAD, for example cluster-1/bookinfo/details-v1 (got "{value}")',
          { value: d },
        ),
      };
    targets.push(t);
  }
  const model = localizeModel(computed, locale);
  const whatIf = targets.length ? localizeWhatIf(simulateDown(computed, targets), locale) : undefined;
  if (format === 'json') {
    const json = JSON.stringify(
      { ...model, ...(whatIf ? { whatIf } : {}) },
      (_key, value) => (isRef(value) ? refJson(value, display) : value),
      2,
    );
    return { text: json + '\n' };
  }
  const say = (m: Message) => render(m, locale);
  const lines: string[] = [];
  if (!model.workspaces.length) lines.push(say(msg('No workspaces in this project.')));
  for (const ws of model.workspaces) {
    const args = {
      workspace: `${ws.organization}/${ws.tenant}/${ws.name}`,
      namespaces: ws.namespaces.length ? commas(ws.namespaces) : msg('none'),
    };
    lines.push(
      say(
        ws.unit
          ? msg('Workspace {workspace}  (namespaces: {namespaces})  applied by {unit}', { ...args, unit: ws.unit })
          : msg('Workspace {workspace}  (namespaces: {namespaces})', args),
      ),
    );
    // Inferred placements (tsb.config.yaml ones are the user's own words): where each part goes, and how we know.
    for (const pl of (ws.placements ?? []).filter((x) => x.source !== 'config').slice(0, 8)) {
      const ev = pl.evidence ? `  [${display(pl.evidence.uri)}:${pl.evidence.line + 1}]` : '';
      const clusters = pl.clusters.map((c) =>
        pl.tsbNames?.[c] ? msg('{cluster} (TSB cluster {tsb})', { cluster: c, tsb: pl.tsbNames[c]! }) : c,
      );
      const where = clusters.length ? commas(clusters) : msg('management plane / unknown cluster');
      lines.push(
        `  ${say(pl.namespace ? msg('Placed: {clusters} (namespace {namespace}) by {unit}', { clusters: where, namespace: pl.namespace, unit: pl.unit }) : msg('Placed: {clusters} by {unit}', { clusters: where, unit: pl.unit }))}${ev}`,
      );
    }
    if (!ws.gateways.length)
      lines.push(`  ${say(msg('East-west gateways: none (no defaultEastWestGatewaySettings)'))}`);
    for (const g of ws.gateways) {
      const exposes = g.exposedServices.length
        ? msg('exposes services with {selectors}', { selectors: pipes(g.exposedServices.map(formatLabels)) })
        : msg('exposes every service of the workspace');
      lines.push(
        `  ${say(
          msg('East-west gateway #{n}: {selector} in {clusters}; {exposes}', {
            n: g.entry + 1,
            selector: `${g.namespace}/${formatLabels(g.labels)}`,
            clusters: g.clusters.length ? commas(g.clusters) : msg('no cluster (selector matches no deployed gateway)'),
            exposes,
          }),
        )}`,
      );
    }
    // Column heads stay as they are (like kubectl's): scripts read the table too.
    const rows: string[][] = [['SERVICE', 'NAMESPACE', 'CLUSTERS', 'VERSIONS', 'FAILOVER']];
    for (const c of ws.candidates) {
      rows.push([
        c.service,
        c.namespace,
        c.clusters.join(',') || '-',
        versionsText(c.versions),
        c.failover ? say(msg('yes')) : say(msg('no: {reason}', { reason: c.reason ?? '' })),
      ]);
    }
    for (const e of ws.excluded)
      rows.push([
        e.service,
        e.namespace,
        e.clusters.join(',') || '-',
        '-',
        say(msg('excluded: {reason}', { reason: e.reason })),
      ]);
    if (rows.length > 1) lines.push(...table(rows).map((r) => '  ' + r));
    else lines.push(`  ${say(msg("No services in this workspace's namespaces."))}`);
    for (const l of ws.lookalikes) {
      const more = l.otherCount - l.otherNamespaces.length;
      const args = { service: l.service, namespaces: commas(l.otherNamespaces), namespace: l.namespace };
      lines.push(
        `  ${say(
          more > 0
            ? msg(
                'Note: {service} also exists in {namespaces} and {count} more namespaces; a service fails over only to the same name in the same namespace ({namespace}).',
                { ...args, count: more },
              )
            : msg(
                'Note: {service} also exists in {namespaces}; a service fails over only to the same name in the same namespace ({namespace}).',
                args,
              ),
        )}`,
      );
    }
    lines.push('');
  }
  for (const n of model.notes) lines.push(say(msg('Note: {note}', { note: n })));
  if (whatIf) {
    if (lines[lines.length - 1] !== '') lines.push('');
    const targetsText = commas(whatIf.down.map(formatDownTarget));
    lines.push(
      say(
        whatIf.down.length === 1
          ? msg('What if {targets} goes to zero replicas:', { targets: targetsText })
          : msg('What if {targets} go to zero replicas:', { targets: targetsText }),
      ),
    );
    for (const u of whatIf.unknown) lines.push(`  ${formatDownTarget(u.target)}: ${u.reason}`);
    for (const r of whatIf.routes) {
      const who = r.subset
        ? msg('{service} (subset {subset}) callers in {cluster}', {
            service: r.service,
            subset: r.subset,
            cluster: r.fromCluster,
          })
        : msg('{service} callers in {cluster}', { service: r.service, cluster: r.fromCluster });
      const where =
        r.outcome === 'local'
          ? msg('stay in {cluster}', { cluster: r.fromCluster })
          : r.outcome === 'remote'
            ? r.via
              ? msg('go to {clusters} via east-west gateway {gateway}', {
                  clusters: commas(r.toClusters),
                  gateway: `${r.via.namespace}/${formatLabels(r.via.labels)}`,
                })
              : msg('go to {clusters}', { clusters: commas(r.toClusters) })
            : msg('go nowhere');
      lines.push(`  ${say(msg('{who} {where}: {reason}', { who, where, reason: r.reason }))}`);
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
  return {
    file: display(r.uri),
    line: r.line + 1,
    column: r.character + 1,
    endLine: r.endLine + 1,
    endColumn: r.endCharacter + 1,
  };
}

/** "v1 v2" when every version runs in the same clusters, else "v1@cluster-1+cluster-2 v2@cluster-1". */
function versionsText(versions: Record<string, string[]>): string {
  const entries = Object.entries(versions).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return '-';
  const same = entries.every(([, cl]) => cl.join() === entries[0]![1].join());
  return same ? entries.map(([v]) => v).join(' ') : entries.map(([v, cl]) => `${v}@${cl.join('+')}`).join(' ');
}
