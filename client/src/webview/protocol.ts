// Messages between the extension host (panel.ts, summaryPanel.ts) and the webview app (app/main.ts).
// Declared once, imported by both sides. Every message is a discriminated union on `type`.
// Type-only imports but the command ids: this file adds nothing to either bundle but those and the guards below.
import { Commands, type DownWorkload, type FailoverModel, type SourceRef } from '../../../server/src/engine/index';
import type { ProjectSummary, ProjectValues } from '../../../server/src/protocol';

export type { DownWorkload, FailoverModel, ProjectSummary, ProjectValues, SourceRef };
export { Commands };

/** View type of the failover preview; also the key of its WebviewPanelSerializer. */
export const FAILOVER_PREVIEW_VIEW_TYPE = 'tsb.failoverPreview';
/** View type of the project summary. */
export const PROJECT_SUMMARY_VIEW_TYPE = 'tsb.projectSummary';

/** Which page the shared webview bundle draws (set on <body data-view> by the shell). */
export type WebviewView = 'preview' | 'summary';

/** What the project looks like, for advice that names its own clusters, namespaces and gateways. */
export interface ProjectHints {
  project: ProjectValues;
  /** Workspace folder URIs (files the app proposes to create are relative to one of them). */
  folders: string[];
  /** `tsb.writeConfig` is registered: the app may offer "Write tsb.config.yaml". */
  canWriteConfig: boolean;
}

/** Commands the app may ask the host to run: a fixed list, nothing else. */
export const APP_COMMANDS = [
  Commands.writeConfig,
  Commands.showFailoverPreview,
  Commands.showSummary,
  Commands.showOutput,
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** Host -> app. */
export type HostToAppMessage =
  /** A new model. `version` grows with every push; the app ignores an older version than the one it shows. */
  | { type: 'model'; model: FailoverModel; version: number; hints?: ProjectHints }
  /** The project summary, for the summary view. */
  | { type: 'summary'; summary: ProjectSummary; version: number; canWriteConfig: boolean }
  /**
   * The extension's message bundle for the display language (null: English), and that language (the
   * what-if, computed in the app, renders the engine's messages in it). Sent before any model.
   */
  | { type: 'locale'; bundle: Record<string, string> | null; language?: string }
  /** The model could not be computed (server not ready, request failed). The app keeps showing the last model. */
  | { type: 'error'; message: string }
  /** The result of an action the app asked for (copied, created), to announce. */
  | { type: 'notice'; message: string };

/** App -> host. */
export type AppToHostMessage =
  /** The app has installed its message listener: the host may now send the model. */
  | { type: 'ready' }
  /** Open the YAML behind something shown in the panel and select its range. */
  | { type: 'reveal'; source: SourceRef }
  /** Open a file at a line (evidence in the summary); only files the data shown names. */
  | { type: 'openLocation'; uri: string; line: number }
  /** Ask for a fresh model (the Refresh button). */
  | { type: 'requestModel' }
  /** Copy a suggestion to the clipboard. */
  | { type: 'copy'; text: string }
  /** Create a file with a suggestion: `path` relative to the folder of `near` (a URI the data names) or of the workspace folder. */
  | { type: 'createFile'; path: string; text: string; near?: string }
  | { type: 'command'; command: AppCommand };

/** What the app persists with vscode.setState; the host's serializer receives it back on restore. */
export interface PersistedState {
  /** The what-if: workloads the user marked down. */
  down: DownWorkload[];
  /** Last model shown, so a restored panel paints at once, before the host answers `ready`. */
  model?: FailoverModel;
  hints?: ProjectHints;
  summary?: ProjectSummary;
  canWriteConfig?: boolean;
  version?: number;
  bundle?: Record<string, string> | null;
  language?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isNat = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
/** Suggestions are a few dozen lines; anything far larger is not ours. */
const MAX_TEXT = 100_000;

export function isSourceRef(v: unknown): v is SourceRef {
  return (
    isRecord(v) &&
    typeof v.uri === 'string' &&
    v.uri.length > 0 &&
    isNat(v.line) &&
    isNat(v.character) &&
    isNat(v.endLine) &&
    isNat(v.endCharacter)
  );
}

/** A relative path of a YAML file: no absolute path, no `..`, no odd characters. */
export function isSafeRelativeYamlPath(p: unknown): p is string {
  return (
    typeof p === 'string' &&
    p.length <= 200 &&
    /^[\w.-]+(\/[\w.-]+)*\.ya?ml$/.test(p) &&
    !p.split('/').some((s) => s === '..' || s === '.')
  );
}

/** The host validates every message from the webview: it is untrusted input. */
export function isAppToHostMessage(v: unknown): v is AppToHostMessage {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case 'ready':
    case 'requestModel':
      return true;
    case 'reveal':
      return isSourceRef(v.source);
    case 'openLocation':
      return typeof v.uri === 'string' && v.uri.length > 0 && isNat(v.line);
    case 'copy':
      return typeof v.text === 'string' && v.text.length <= MAX_TEXT;
    case 'createFile':
      return (
        isSafeRelativeYamlPath(v.path) &&
        typeof v.text === 'string' &&
        v.text.length <= MAX_TEXT &&
        (v.near === undefined || typeof v.near === 'string')
      );
    case 'command':
      return (APP_COMMANDS as readonly unknown[]).includes(v.command);
    default:
      return false;
  }
}

/** The app checks the shape of what arrives on `message` (other frames may post too). */
export function isHostToAppMessage(v: unknown): v is HostToAppMessage {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case 'model':
      return (
        isNat(v.version) &&
        isRecord(v.model) &&
        Array.isArray(v.model.workspaces) &&
        Array.isArray(v.model.clusters) &&
        (v.hints === undefined || (isRecord(v.hints) && isRecord(v.hints.project) && Array.isArray(v.hints.folders)))
      );
    case 'summary':
      return (
        isNat(v.version) &&
        isRecord(v.summary) &&
        Array.isArray(v.summary.units) &&
        isRecord(v.summary.project) &&
        typeof v.canWriteConfig === 'boolean'
      );
    case 'locale':
      return (
        (v.language === undefined || typeof v.language === 'string') &&
        (v.bundle === null || (isRecord(v.bundle) && Object.values(v.bundle).every((x) => typeof x === 'string')))
      );
    case 'error':
    case 'notice':
      return typeof v.message === 'string';
    default:
      return false;
  }
}

export function isDownWorkload(v: unknown): v is DownWorkload {
  return (
    isRecord(v) && typeof v.cluster === 'string' && typeof v.namespace === 'string' && typeof v.workload === 'string'
  );
}
