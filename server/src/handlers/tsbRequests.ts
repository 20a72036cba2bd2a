// The extension's own requests: the inferred tsb.config.yaml, the failover model and the project
// summary. Each reads the project once it is up to date (without announcing: reading changes nothing).
import type { Connection } from 'vscode-languageserver';
import { CONFIG_FILE, inferredConfig, localizeModel, type Locale, type Project } from '../engine/index';
import { FailoverModelRequest, InferredConfigRequest, ProjectSummaryRequest, type ProjectSummary } from '../protocol';
import type { RuntimeEnvironment } from '../runtime';
import type { DiagnosticsController } from './diagnostics';
import { guard, type Logger } from './guard';
import type { ProjectChanges } from './projectChanges';
import { projectSummary } from './projectSummary';
import type { WorkspaceSync } from './workspaceSync';

export interface TsbRequestDeps {
  connection: Connection;
  project: Project;
  sync: WorkspaceSync;
  changes: ProjectChanges;
  runtime: RuntimeEnvironment;
  logger: Logger;
  /** The workspace folders, normalised. */
  folders: () => readonly string[];
  /** Undefined until initialize. */
  diagnostics: () => DiagnosticsController | undefined;
  locale: () => Locale;
  /** `initialize` has arrived (requests before it are answered with an error). */
  initialized: () => boolean;
}

const NO_SUMMARY: ProjectSummary = {
  version: -1,
  folders: [],
  files: 0,
  tsbFiles: 0,
  scanning: false,
  problems: { errors: 0, warnings: 0, infos: 0, files: 0, filesWithProblems: 0 },
  configs: [],
  placementsConfigured: false,
  clusters: [],
  unplaced: [],
  inferenceNotes: [],
  notes: [],
  units: [],
  project: { organizations: [], tenants: [], workspaces: [], namespaces: [], gateways: [] },
};

export function registerTsbRequests(d: TsbRequestDeps): void {
  const { connection, project, sync, runtime, logger } = d;

  connection.onRequest(
    InferredConfigRequest,
    guard(
      logger,
      InferredConfigRequest.method,
      null,
      async (params) => {
        await sync.settled();
        const folders = d.folders();
        const uri = params.uri ? runtime.normaliseUri(params.uri) : undefined;
        const folder =
          (uri ? folders.filter((f) => uri.startsWith(f + '/')).sort((a, b) => b.length - a.length)[0] : undefined) ??
          folders[0];
        if (!folder) return null;
        const configUri = `${folder.replace(/\/$/, '')}/${CONFIG_FILE}`;
        return {
          uri: configUri,
          text: inferredConfig(project.deployment(configUri), folder.replace(/\/$/, '')),
          exists: project.hasConfig(folder.replace(/\/$/, '')),
        };
      },
      d.initialized,
    ),
  );

  connection.onRequest(
    FailoverModelRequest,
    guard(
      logger,
      FailoverModelRequest.method,
      { workspaces: [], clusters: [], placementsConfigured: false, notes: [] },
      async () => {
        await d.changes.update({ announce: false });
        return localizeModel(project.failoverModel(), d.locale());
      },
      d.initialized,
    ),
  );

  connection.onRequest(
    ProjectSummaryRequest,
    guard(
      logger,
      ProjectSummaryRequest.method,
      NO_SUMMARY,
      async () => {
        await d.changes.update({ announce: false });
        const diagnostics = d.diagnostics();
        if (!diagnostics) return NO_SUMMARY;
        return projectSummary({
          project,
          folders: [...d.folders()],
          knownUris: sync.knownUris(),
          configs: sync.configFiles(),
          status: diagnostics.status(),
          scanning: sync.isScanning,
          locale: d.locale(),
        });
      },
      d.initialized,
    ),
  );
}
