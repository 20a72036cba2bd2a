// PURE: the failover model (plus the user's what-if) -> what the panel shows, as plain text and flags.
// No DOM here, so it is unit-tested under node; render.ts turns it into elements. Text goes through t()
// (the user's language); names from the YAML, field names and rule ids are passed as arguments, never translated.
// The parts: workspaceView.ts (matrix, gateways, topology), whatIfView.ts, viewText.ts (shared text).
import type { DownWorkload, FailoverModel } from '../../../../server/src/engine/index';
import type { ProjectHints } from '../protocol';
import { globalTeach, type TeachView } from './advice';
import { whatIfView, type WhatIfView } from './whatIfView';
import { workspaceView, type WorkspaceView } from './workspaceView';

export type { TeachView };
export type { TopologyView } from './topology';
export { labelsText, type LinkView } from './viewText';
export type {
  CellState,
  CellView,
  GatewayView,
  RowStatus,
  ServiceRowView,
  VersionChip,
  WorkspaceView,
} from './workspaceView';
export { downKey, sameDown, toggleDown, whatIfView } from './whatIfView';
export type { ClusterTogglesView, MarkedView, Outcome, RouteView, WhatIfView, WorkloadToggleView } from './whatIfView';

export interface ViewModel {
  clusters: string[];
  notes: string[];
  teach: TeachView[];
  workspaces: WorkspaceView[];
  whatIf: WhatIfView;
  /** Something in the project can be marked down. */
  hasWorkloads: boolean;
}

export function buildViewModel(model: FailoverModel, down: DownWorkload[], hints?: ProjectHints): ViewModel {
  const whatIf = whatIfView(model, down);
  return {
    clusters: model.clusters,
    notes: model.notes,
    teach: globalTeach(model, hints),
    workspaces: model.workspaces.map((ws) => workspaceView(model, ws, down, whatIf.routes, hints)),
    whatIf,
    hasWorkloads: whatIf.clusters.length > 0,
  };
}
