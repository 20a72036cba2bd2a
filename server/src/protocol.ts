// The client–server contract, declared once: custom requests/notifications and the Settings type.
// The extension imports this file by TypeScript import (never a copy), so both sides always agree.
// A test (test/assets/packageJson.test.ts) keeps package.json `contributes.configuration` in sync.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import { Commands, RULE_IDS, type FailoverModel, type ProjectValues, type SeveritySetting } from './engine/index';

// Shapes the engine computes travel as they are.
export type { FailoverModel, GatewayInstallSummary, ProjectValues, WorkspaceSummary } from './engine/index';

/** Configuration section the server pulls with workspace/configuration. */
export const SETTINGS_SECTION = 'tsb';

export type TraceSetting = 'off' | 'messages' | 'verbose';
export type DiagnosticsMode = 'auto' | 'pull' | 'push';

/** The extension's settings (`tsb.*` in VS Code), as the server reads them. */
export interface Settings {
  /** Turns validation and every feature on or off. */
  enable: boolean;
  /** Per-rule severity; tsb.config.yaml `rules` win over these. */
  rules: Partial<Record<string, SeveritySetting>>;
  trace: { server: TraceSetting };
  /** Files larger than this many MiB are not analysed. */
  maxFileSize: number;
  /** Delay in ms before diagnostics are recomputed after an edit. */
  diagnosticsDelay: number;
  /** TSB version the files are applied to (`tsb.version`); "" accepts every version's fields. tsb.config.yaml `tsbVersion` wins. */
  version: string;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  rules: {},
  trace: { server: 'off' },
  maxFileSize: 20,
  diagnosticsDelay: 300,
  version: '',
};

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];
export const TRACE_SETTINGS: readonly TraceSetting[] = ['off', 'messages', 'verbose'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads any value (from workspace/configuration, initializationOptions...) into valid Settings. */
export function normaliseSettings(raw: unknown): Settings {
  const r = isRecord(raw) ? raw : {};
  const num = (v: unknown, dflt: number, min: number, max: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : dflt;
  const rules: Settings['rules'] = {};
  if (isRecord(r['rules'])) {
    for (const [id, sev] of Object.entries(r['rules'])) {
      if (RULE_IDS.includes(id) && SEVERITY_SETTINGS.includes(sev as SeveritySetting))
        rules[id] = sev as SeveritySetting;
    }
  }
  const trace = isRecord(r['trace']) ? r['trace']['server'] : undefined;
  return {
    enable: typeof r['enable'] === 'boolean' ? r['enable'] : DEFAULT_SETTINGS.enable,
    rules,
    trace: {
      server: TRACE_SETTINGS.includes(trace as TraceSetting) ? (trace as TraceSetting) : DEFAULT_SETTINGS.trace.server,
    },
    maxFileSize: num(r['maxFileSize'], DEFAULT_SETTINGS.maxFileSize, 1, 1024),
    diagnosticsDelay: num(r['diagnosticsDelay'], DEFAULT_SETTINGS.diagnosticsDelay, 0, 10_000),
    // Checked in full by the engine; the client bundles this file, so only the shape is checked here.
    version:
      typeof r['version'] === 'string' && /^\s*(v?\d+\.\d+(\.\d+)?|current|latest|next)\s*$/i.test(r['version'])
        ? r['version'].trim()
        : DEFAULT_SETTINGS.version,
  };
}

/** Every setting's key under `tsb.`, declared once: package.json lists exactly these (test/assets/packageJson.test.ts). */
export const SETTING_KEYS = ['enable', 'rules', 'trace.server', 'maxFileSize', 'diagnosticsDelay', 'version'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Reads every setting through `get` (a key of SETTING_KEYS in, the raw value out) into valid Settings. */
export function readSettingsWith(get: (key: SettingKey) => unknown): Settings {
  const raw: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const [head, tail] = key.split('.') as [string, string | undefined];
    if (tail === undefined) raw[head] = get(key);
    else raw[head] = { ...(raw[head] as Record<string, unknown> | undefined), [tail]: get(key) };
  }
  return normaliseSettings(raw);
}

/** What a client may pass in `initializationOptions` (editors without workspace/configuration use `settings`). */
export interface InitializationOptions {
  settings?: Partial<Settings>;
  /** Force pull or push diagnostics regardless of client capabilities (default auto). */
  diagnosticsMode?: DiagnosticsMode;
}

/** Problem counts over the whole project, for the status bar. */
export interface StatusParams {
  errors: number;
  warnings: number;
  infos: number;
  /** YAML files the server knows about (open or on disk). */
  files: number;
  /** Files with at least one problem. */
  filesWithProblems: number;
}

export interface FailoverModelParams {
  /** Optional: a document the caller is looking at (reserved; the model covers the whole project). */
  uri?: string;
}

/** The failover model of the whole project. */
export const FailoverModelRequest = new RequestType<FailoverModelParams, FailoverModel, void>('tsb/failoverModel');

/** Sent (debounced) after the project changed in a way that may change the failover model. */
export const ModelChangedNotification = new NotificationType<{ version: number }>('tsb/modelChanged');

/** Sent (debounced) whenever the project's problem counts may have changed. */
export const StatusNotification = new NotificationType<StatusParams>('tsb/status');

/** A place in a file that shows why something was inferred (`deploy.sh:12  kubectl --context c1 apply -f k8s/`). */
export interface UnitEvidence {
  uri: string;
  /** 0-based, like LSP positions. */
  line: number;
  /** The line's text (or a short excerpt), shown as is. */
  text: string;
}

/** Files applied together in one step (a deploy script's `kubectl apply`, an Argo CD Application, ...). */
export interface DeploymentUnit {
  name: string;
  /** URIs of the files of the unit. */
  files: string[];
  clusters: string[];
  /** Reaches the management plane: sent with tctl apply, or TSB objects synced through a cluster's GitOps. */
  managementPlane: boolean;
  /** Default namespace imposed by the mechanism (`-n`, kustomize `namespace:`), null when none. */
  namespace: string | null;
  evidence: UnitEvidence[];
  /** Names of units that never coexist with this one (either/or scenarios, successive versions). */
  alternativeTo: string[];
}

/** A tsb.config.yaml the server read. */
export interface ConfigFileSummary {
  uri: string;
  placements: number;
  /** Problems in the file itself (unknown keys, bad globs...). */
  problems: number;
}

/** What the server found in the workspace: the status item's text and the summary view. */
export interface ProjectSummary {
  /** Grows whenever the project changes. */
  version: number;
  /** Workspace folder URIs. */
  folders: string[];
  /** YAML files the server knows about (open or on disk), ignored ones excluded. */
  files: number;
  /** Files with at least one TSB document (a *.tetrate.io apiVersion). */
  tsbFiles: number;
  /** The scan of the workspace folders is still running. */
  scanning: boolean;
  problems: StatusParams;
  configs: ConfigFileSummary[];
  /** Some file is placed in clusters by tsb.config.yaml or an inference. */
  placementsConfigured: boolean;
  /** Clusters named by placements, configured or inferred. */
  clusters: string[];
  /** YAML files with Kubernetes or TSB objects that nothing in the repository places. */
  unplaced: string[];
  /** What the inference read but could not use, and where ("inline YAML (a heredoc)", "the current kube context"). */
  inferenceNotes: (UnitEvidence & { reason: string })[];
  /** The failover model's notes ("No WorkspaceSetting yet..."). */
  notes: string[];
  /** Deployment units inferred from the repository (scripts, CI, Argo CD...). */
  units: DeploymentUnit[];
  project: ProjectValues;
}

export interface ProjectSummaryParams {
  /** Reserved: the summary covers every workspace folder. */
  uri?: string;
}

/** What the server found: files, problems, configs, inferred placements and units. */
export const ProjectSummaryRequest = new RequestType<ProjectSummaryParams, ProjectSummary, void>('tsb/projectSummary');

/** Command ids the server names in code lenses and code actions; the client registers them. */
export { Commands };

/** Writes a tsb.config.yaml from what was inferred; the summary view and the preview offer it when it is registered. */
export const WRITE_CONFIG_COMMAND = Commands.writeConfig;

export interface InferredConfigParams {
  /** A file of the project (its workspace folder gets the config); the first folder when omitted. */
  uri?: string;
}

export interface InferredConfig {
  /** Where the tsb.config.yaml goes. */
  uri: string;
  /** What was inferred, as tsb.config.yaml text. */
  text: string;
  /** A tsb.config.yaml is already there (the client shows the text instead of overwriting it). */
  exists: boolean;
}

/** The inferred deployment as a tsb.config.yaml ("Write tsb.config.yaml"). */
export const InferredConfigRequest = new RequestType<InferredConfigParams, InferredConfig | null, void>(
  'tsb/inferredConfig',
);
