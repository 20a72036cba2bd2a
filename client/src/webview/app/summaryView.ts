// PURE: the project summary -> what the summary view shows: what the server found, what it inferred
// about where files are applied and from which evidence, what is missing, and what to do next.
import type { DeploymentUnit, ProjectSummary } from '../../../../server/src/protocol';
import { missingItems, placementText, summaryClusters, summaryHeadline } from '../../summaryText';
import { list, t } from './l10n';
import { relativePath } from './advice';

export interface LocationView {
  uri: string;
  line: number;
  /** `deploy.sh:12` */
  text: string;
  /** The evidence line itself, shown as code. */
  code?: string;
  label: string;
}

export interface UnitView {
  key: string;
  name: string;
  /** "cluster a, b" / "management plane (tctl apply)". */
  targetText: string;
  namespaceText?: string;
  filesText: string;
  files: LocationView[];
  evidence: LocationView[];
  /** "Either this or: unit-b, unit-c" */
  alternativesText?: string;
  alternative: boolean;
}

export interface SummaryView {
  headline: string;
  title: string;
  facts: { label: string; value: string }[];
  placement: {
    title: string;
    text: string;
    configs: LocationView[];
    units: UnitView[];
    /** What the inference could not use, with where. */
    notes: LocationView[];
    /** Files nothing places. */
    unplaced: LocationView[];
    /** Nothing says where files are applied. */
    unknown: boolean;
  };
  missing: string[];
  workspaces: { name: string; text: string; location: LocationView }[];
  gateways: { text: string; location: LocationView }[];
  canWriteConfig: boolean;
}

function display(uri: string, folders: string[]): string {
  const rel = relativePath(uri, folders);
  if (rel) return folders.length > 1 ? `${rel.folder.split('/').pop()}/${rel.path}` : rel.path;
  const tail = uri.split('/').pop() ?? uri;
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail;
  }
}

function unitView(u: DeploymentUnit, folders: string[], i: number): UnitView {
  const target =
    u.managementPlane && u.clusters.length
      ? t('clusters {0}, and the management plane', list(u.clusters))
      : u.managementPlane
        ? t('management plane (tctl apply)')
        : u.clusters.length
          ? t('clusters {0}', list(u.clusters))
          : t('no cluster known');
  const files = u.files.map((uri) => ({
    uri,
    line: 0,
    text: display(uri, folders),
    label: t('Open {0}', display(uri, folders)),
  }));
  return {
    key: `unit:${i}:${u.name}`,
    name: u.name,
    targetText: target,
    ...(u.namespace ? { namespaceText: t('default namespace {0}', u.namespace) } : {}),
    filesText: u.files.length === 1 ? t('1 file') : t('{0} files', u.files.length),
    files,
    evidence: u.evidence.map((e) => {
      const where = `${display(e.uri, folders)}:${e.line + 1}`;
      return { uri: e.uri, line: e.line, text: where, code: e.text, label: t('Open {0}', where) };
    }),
    ...(u.alternativeTo.length
      ? { alternativesText: t('Alternative to {0}: they are never applied together.', list(u.alternativeTo)) }
      : {}),
    alternative: u.alternativeTo.length > 0,
  };
}

export function buildSummaryView(s: ProjectSummary, canWriteConfig: boolean): SummaryView {
  const folders = s.folders;
  const clusters = summaryClusters(s);
  const ews = s.project.gateways.filter((g) => g.eastWestOnly);
  return {
    headline: summaryHeadline(s, t),
    title: t('TSB project summary'),
    facts: [
      { label: t('YAML files'), value: String(s.files) },
      { label: t('Files with TSB documents'), value: String(s.tsbFiles) },
      { label: t('Errors'), value: String(s.problems.errors) },
      { label: t('Warnings'), value: String(s.problems.warnings) },
      { label: t('Clusters'), value: clusters.length ? clusters.join(', ') : t('unknown') },
      { label: t('Workspaces'), value: String(s.project.workspaces.length) },
      {
        label: t('East-west gateways'),
        value: ews.length ? ews.map((g) => `${g.namespace}/${g.name}`).join(', ') : t('none'),
      },
    ],
    placement: {
      title: t('Where files are applied'),
      text: placementText(s, t),
      configs: s.configs.map((c) => ({
        uri: c.uri,
        line: 0,
        text: display(c.uri, folders),
        label: t('Open {0}', display(c.uri, folders)),
        code: c.placements === 1 ? t('1 placement') : t('{0} placements', c.placements),
      })),
      units: s.units.map((u, i) => unitView(u, folders, i)),
      notes: s.inferenceNotes.map((n) => {
        const where = `${display(n.uri, folders)}:${n.line + 1}`;
        return { uri: n.uri, line: n.line, text: where, code: n.reason, label: t('Open {0}', where) };
      }),
      unplaced: s.unplaced.map((uri) => ({
        uri,
        line: 0,
        text: display(uri, folders),
        label: t('Open {0}', display(uri, folders)),
      })),
      unknown: !s.placementsConfigured && s.units.length === 0,
    },
    missing: missingItems(s, t),
    workspaces: s.project.workspaces.map((w) => ({
      name: w.name,
      text: w.setting ? t('{0}: WorkspaceSetting {1}', w.name, w.setting) : t('{0}: no WorkspaceSetting', w.name),
      location: { uri: w.uri, line: 0, text: display(w.uri, folders), label: t('Open workspace {0}', w.name) },
    })),
    gateways: s.project.gateways.map((g) => ({
      text: `${g.kind} ${g.namespace ?? ''}/${g.name}${g.eastWestOnly ? ' (eastWestOnly)' : ''}${g.clusters.length ? ` \u2192 ${g.clusters.join(', ')}` : ''}`,
      location: { uri: g.uri, line: 0, text: display(g.uri, folders), label: t('Open {0}', display(g.uri, folders)) },
    })),
    canWriteConfig,
  };
}

/** Every URI the view may ask the host to open (the host refuses any other). */
export function summaryUris(s: ProjectSummary): Set<string> {
  return new Set([
    ...s.configs.map((c) => c.uri),
    ...s.units.flatMap((u) => [...u.files, ...u.evidence.map((e) => e.uri)]),
    ...s.project.workspaces.map((w) => w.uri),
    ...s.project.gateways.map((g) => g.uri),
    ...s.inferenceNotes.map((n) => n.uri),
    ...s.unplaced,
  ]);
}
