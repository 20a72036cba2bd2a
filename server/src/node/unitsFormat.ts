import {
  commas,
  localizeNote,
  localizeUnit,
  msg,
  msgN,
  render,
  type Arg,
  type Deployment,
  type Locale,
  type Message,
  type Unit,
} from '../engine/index';
import { escapeText } from './format';

// `tsb-lint units`: what the tool believes about where each file is applied, and why.

export interface UnitsJson {
  units: {
    name: string;
    files: string[];
    clusters: string[];
    managementPlane: boolean;
    namespace: string | null;
    evidence: { file: string; line: number; text: string }[];
    alternativeTo: string[];
    source: Unit['source'];
    clusterMatches: Unit['clusterMatches'];
    clustersUnknown?: string;
  }[];
  /** YAML files with Kubernetes or TSB objects that nothing in the repository places. */
  unplaced: string[];
  /** Commands the reader could not follow, and why. */
  notes: { file: string; line: number; text: string; reason: string }[];
}

export function unitsJson(
  deployments: readonly Deployment[],
  show: (uri: string) => string,
  locale: Locale = 'en',
): UnitsJson {
  const out: UnitsJson = { units: [], unplaced: [], notes: [] };
  for (const d of deployments) {
    for (const unit of d.units) {
      const u = localizeUnit(unit, locale);
      out.units.push({
        name: u.name,
        files: u.files.map(show),
        clusters: u.clusters,
        managementPlane: u.managementPlane,
        namespace: u.namespace,
        evidence: u.evidence.map((e) => ({ file: show(e.uri), line: e.line + 1, text: e.text })),
        alternativeTo: u.alternativeTo,
        source: u.source,
        clusterMatches: u.clusterMatches,
        ...(u.clustersUnknown ? { clustersUnknown: u.clustersUnknown } : {}),
      });
    }
    out.unplaced.push(...d.unplaced.map(show));
    out.notes.push(
      ...d.notes
        .map((note) => localizeNote(note, locale))
        .map((n) => ({ file: show(n.uri), line: n.line + 1, text: n.text, reason: n.reason })),
    );
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

function some(items: readonly string[], n = LIST): Arg {
  return items.length <= n
    ? commas(items)
    : msg('{items} and {count} more', { items: commas(items.slice(0, n)), count: items.length - n });
}

export function formatUnits(
  deployments: readonly Deployment[],
  format: string,
  show: (uri: string) => string,
  locale: Locale = 'en',
): string {
  const data = unitsJson(deployments, show, locale);
  if (format === 'json') return JSON.stringify(data, null, 2) + '\n';
  const lines: string[] = [];
  const say = (m: Message) => render(m, locale);
  for (const u of data.units) {
    const where: Message[] = [
      ...(u.clusters.length
        ? [msg('clusters {clusters}', { clusters: commas(u.clusters) })]
        : u.managementPlane
          ? []
          : [msg('clusters unknown ({why})', { why: u.clustersUnknown ?? msg('not named') })]),
      ...(u.managementPlane ? [msg('management plane')] : []),
      ...(u.namespace ? [msg('namespace {namespace}', { namespace: u.namespace })] : []),
    ];
    lines.push(`${u.name}`);
    lines.push(`  ${where.map(say).join('; ')} [${u.source}]`);
    for (const m of u.clusterMatches)
      lines.push(`  ${say(msg('{name} is TSB cluster {tsb}: {why}', { name: m.name, tsb: m.tsb, why: m.why }))}`);
    const dir = commonFolder(u.files);
    const listed = some(
      u.files.map((f) => (dir ? f.slice(dir.length + 1) : f)),
      6,
    );
    lines.push(
      `  ${say(dir ? msg('files ({count}) in {folder}/: {files}', { count: u.files.length, folder: dir, files: listed }) : msg('files ({count}): {files}', { count: u.files.length, files: listed }))}`,
    );
    const first = u.evidence[0];
    if (first) {
      const more = u.evidence.length - 1;
      lines.push(
        `  ${say(more ? msgN(more, 'evidence: {where}  {text}  (and {count} more line)', 'evidence: {where}  {text}  (and {count} more lines)', { where: `${first.file}:${first.line}`, text: first.text, count: more }) : msg('evidence: {where}  {text}', { where: `${first.file}:${first.line}`, text: first.text }))}`,
      );
    }
    if (u.alternativeTo.length) {
      // Alternatives come in groups (a whole scenario): name the places, not every unit.
      const places = [...new Set(u.alternativeTo.map((n) => n.replace(/ \(.*$/, '')))];
      lines.push(
        `  ${say(msgN(u.alternativeTo.length, 'never applied together with {count} unit of {places}', 'never applied together with {count} units of {places}', { count: u.alternativeTo.length, places: some(places) }))}`,
      );
    }
  }
  const files = new Set(data.units.flatMap((u) => u.files));
  lines.push('');
  lines.push(
    say(
      msg('{units} covering {files}.', {
        units: msgN(data.units.length, '{n} unit', '{n} units', { n: data.units.length }),
        files: msgN(files.size, '{n} file', '{n} files', { n: files.size }),
      }),
    ),
  );
  if (data.unplaced.length)
    lines.push(
      say(
        msg('Not placed by anything in the repository ({count}): {files}', {
          count: data.unplaced.length,
          files: some(data.unplaced, 8),
        }),
      ),
    );
  if (data.notes.length) {
    lines.push(say(msg('Not understood ({count}):', { count: data.notes.length })));
    for (const n of data.notes.slice(0, 10)) lines.push(`  ${n.file}:${n.line}: ${n.reason}`);
    if (data.notes.length > 10)
      lines.push(`  ${say(msg('and {count} more (--format json lists them all)', { count: data.notes.length - 10 }))}`);
  }
  // Each entry is one line: names, paths and evidence from the files are escaped so they cannot start another.
  return lines.map(escapeText).join('\n') + '\n';
}
