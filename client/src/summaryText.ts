// PURE: the one-line account of what the server found, shared by the status item (extension host,
// vscode.l10n.t) and the summary view (webview, its own t): "TSB: 3 clusters inferred from deploy.sh ·
// 41 files · 2 errors". `t` is passed in, so both sides say the same words in the same language.
import type { ProjectSummary } from '../../server/src/protocol';

export type Translate = (message: string, ...args: (string | number)[]) => string;

function baseName(uri: string): string {
  const tail = uri.split('/').pop() ?? uri;
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail;
  }
}

/** Every cluster the summary knows: placements, configured or inferred, and units. */
export function summaryClusters(s: ProjectSummary): string[] {
  return [...new Set([...s.clusters, ...s.units.flatMap((u) => u.clusters)])].sort();
}

/** What is known about where files are applied, in a few words. */
export function placementText(s: ProjectSummary, t: Translate): string {
  const clusters = summaryClusters(s);
  const n = clusters.length;
  const nClusters = n === 1 ? t('1 cluster') : t('{0} clusters', n);
  if (s.units.length) {
    const files = [...new Set(s.units.flatMap((u) => u.evidence.map((e) => e.uri)))];
    if (n === 0)
      return s.units.length === 1
        ? t('1 deployment unit inferred, no cluster named')
        : t('{0} deployment units inferred, no cluster named', s.units.length);
    if (files.length === 1) return t('{0} inferred from {1}', nClusters, baseName(files[0]!));
    if (files.length > 1) return t('{0} inferred from {1} files', nClusters, files.length);
    return t('{0} inferred', nClusters);
  }
  if (s.configs.some((c) => c.placements > 0)) return t('{0} from tsb.config.yaml', nClusters);
  return t('placements unknown');
}

/** "2 errors · 1 warning · 7 notes" (notes only with `withNotes`). */
export function problemsText(s: ProjectSummary, t: Translate, withNotes = false): string {
  const { errors, warnings } = s.problems;
  const e = errors === 1 ? t('1 error') : t('{0} errors', errors);
  const w = warnings === 1 ? t('1 warning') : t('{0} warnings', warnings);
  const n = s.problems.infos === 1 ? t('1 note') : t('{0} notes', s.problems.infos);
  const parts = [errors ? e : '', warnings ? w : '', withNotes && s.problems.infos ? n : ''].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('no problems');
}

/** The status item's text (without the leading icon): "TSB: 3 clusters inferred from deploy.sh · 41 files · 2 errors". */
export function summaryHeadline(s: ProjectSummary, t: Translate): string {
  if (s.scanning) return t('TSB: scanning {0} files\u2026', s.files);
  const files = s.files === 1 ? t('1 file') : t('{0} files', s.files);
  return t('TSB: {0} · {1} · {2}', placementText(s, t), files, problemsText(s, t));
}

/** What the project lacks, most important first (each a sentence). */
export function missingItems(s: ProjectSummary, t: Translate): string[] {
  const out: string[] = [];
  if (s.unplaced.length && (s.placementsConfigured || s.units.length)) {
    out.push(
      s.unplaced.length === 1
        ? t('1 YAML file is placed by nothing in the repository.')
        : t('{0} YAML files are placed by nothing in the repository.', s.unplaced.length),
    );
  }
  if (!s.placementsConfigured && s.units.length === 0) {
    out.push(
      s.configs.length
        ? t(
            'tsb.config.yaml places no file in a cluster: add placements, so cross-cluster checks and the failover preview know where each file is applied.',
          )
        : t(
            'No tsb.config.yaml, and nothing in the repository says where files are applied: add placements, so cross-cluster checks and the failover preview know.',
          ),
    );
  }
  if (s.tsbFiles > 0 && s.project.workspaces.length === 0)
    out.push(t('No Workspace is defined: failover and most cross-file checks work per workspace.'));
  const noSetting = s.project.workspaces.filter((w) => !w.setting);
  if (noSetting.length)
    out.push(t('Workspaces without a WorkspaceSetting: {0}.', noSetting.map((w) => w.name).join(', ')));
  if (s.project.workspaces.length && !s.project.gateways.some((g) => g.eastWestOnly))
    out.push(
      t('No install CR with eastWestOnly: true: no dedicated east-west gateway is installed by this repository.'),
    );
  return out;
}
