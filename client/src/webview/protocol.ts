// Messages between the extension host (panel.ts) and the preview app (app/main.ts).
// Declared once, imported by both sides. Every message is a discriminated union on `type`.
// Type-only imports: this file adds nothing to either bundle but the guards below.
import type { DownWorkload, FailoverModel, SourceRef } from '../../../server/src/engine/model/failoverTypes';

export type { DownWorkload, FailoverModel, SourceRef };

/** View type of the panel; also the key of its WebviewPanelSerializer. */
export const FAILOVER_PREVIEW_VIEW_TYPE = 'tsb.failoverPreview';
/** Command that opens (or reveals) the panel. */
export const SHOW_FAILOVER_PREVIEW_COMMAND = 'tsb.showFailoverPreview';

/** Host -> app. */
export type HostToAppMessage =
  /** A new model. `version` grows with every push; the app ignores an older version than the one it shows. */
  | { type: 'model'; model: FailoverModel; version: number }
  /** The model could not be computed (server not ready, request failed). The app keeps showing the last model. */
  | { type: 'error'; message: string };

/** App -> host. */
export type AppToHostMessage =
  /** The app has installed its message listener: the host may now send the model. */
  | { type: 'ready' }
  /** Open the YAML behind something shown in the panel and select its range. */
  | { type: 'reveal'; source: SourceRef }
  /** Ask for a fresh model (the Refresh button). */
  | { type: 'requestModel' };

/** What the app persists with vscode.setState; the host's serializer receives it back on restore. */
export interface PersistedState {
  /** The what-if: workloads the user marked down. */
  down: DownWorkload[];
  /** Last model shown, so a restored panel paints at once, before the host answers `ready`. */
  model?: FailoverModel;
  version?: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isNat = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isSourceRef(v: unknown): v is SourceRef {
  return isRecord(v) && typeof v.uri === 'string' && v.uri.length > 0
    && isNat(v.line) && isNat(v.character) && isNat(v.endLine) && isNat(v.endCharacter);
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
    default:
      return false;
  }
}

/** The app checks the shape of what arrives on `message` (other frames may post too). */
export function isHostToAppMessage(v: unknown): v is HostToAppMessage {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case 'model':
      return isNat(v.version) && isRecord(v.model) && Array.isArray(v.model.workspaces) && Array.isArray(v.model.clusters);
    case 'error':
      return typeof v.message === 'string';
    default:
      return false;
  }
}

export function isDownWorkload(v: unknown): v is DownWorkload {
  return isRecord(v) && typeof v.cluster === 'string' && typeof v.namespace === 'string' && typeof v.workload === 'string';
}
