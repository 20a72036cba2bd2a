// tsb/projectSummary: what the server found in the workspace, for the status item and the summary view.
// Everything here is read from the project as it is (the caller waits for the pending edits first).
import { localizeModel, localizeNote, projectValues, type AnalysedProject, type Locale } from '../engine/index';
import type { ConfigFileSummary, DeploymentUnit, ProjectSummary, StatusParams } from '../protocol';

export interface SummaryInputs {
  project: AnalysedProject;
  folders: string[];
  /** URIs the server reports on (analysed files and tsb.config.yaml files). */
  knownUris: string[];
  /** tsb.config.yaml files read, with their folder. */
  configs: { uri: string; root: string }[];
  status: StatusParams;
  scanning: boolean;
  /** Deployment units (default: the engine's inference over the project). */
  units?: DeploymentUnit[];
  /** The language of the notes (the client's display language). */
  locale?: Locale;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function projectSummary(i: SummaryInputs): ProjectSummary {
  const { project } = i;
  const locale = i.locale ?? 'en';
  const configUris = new Set(i.configs.map((c) => c.uri));
  let tsbFiles = 0;
  for (const uri of i.knownUris) {
    if (configUris.has(uri)) continue;
    // Summaries, not analyses: counting must not bring released syntax trees back.
    if (project.analysis(uri)?.chunks.some((c) => c.result.summaries.some((a) => a.identity.family === 'tetrate')))
      tsbFiles++;
  }
  const configs: ConfigFileSummary[] = i.configs
    .map((c) => {
      const cfg = project.configFor(`${c.root}/x`);
      return {
        uri: c.uri,
        placements: cfg?.rootUri === c.root ? cfg.placements.length : 0,
        problems: project.diagnostics(c.uri).length,
      };
    })
    .sort((a, b) => byText(a.uri, b.uri));
  const resolved = project.resolved();
  const model = localizeModel(project.failoverModel(), locale);
  // Units learnt from the repository (scripts, CI, Argo CD, kustomize, folder conventions); those that
  // only restate tsb.config.yaml placements are the configs' own.
  const deployment = project.deployment();
  const units: DeploymentUnit[] =
    i.units ??
    deployment.units
      .filter((u) => u.source !== 'config')
      .map((u) => ({
        name: u.name,
        files: [...u.files],
        clusters: [...u.clusters],
        managementPlane: u.managementPlane,
        namespace: u.namespace,
        evidence: u.evidence.map((e) => ({ uri: e.uri, line: e.line, text: e.text })),
        alternativeTo: [...u.alternativeTo],
      }));
  return {
    version: project.version,
    folders: [...i.folders].sort(byText),
    files: i.status.files,
    tsbFiles,
    scanning: i.scanning,
    problems: i.status,
    configs,
    placementsConfigured: resolved.placementsConfigured,
    clusters: [...resolved.clusters],
    unplaced: [...deployment.unplaced],
    inferenceNotes: deployment.notes
      .map((note) => localizeNote(note, locale))
      .map((n) => ({ uri: n.uri, line: n.line, text: n.text, reason: n.reason })),
    notes: [...model.notes],
    units,
    project: projectValues(resolved),
  };
}
