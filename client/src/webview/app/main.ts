// Entry of the preview's browser bundle. Holds the app state (model + the user's what-if), persists
// it with vscode.setState, and redraws on every change. The host sends the model after `ready`.
import './style.css';
import type { AppToHostMessage, PersistedState } from '../protocol';
import { isDownWorkload, isHostToAppMessage } from '../protocol';
import type { DownWorkload, FailoverModel, SourceRef } from '../../../../server/src/engine/model/failoverTypes';
import { buildViewModel, toggleDown } from './viewModel';
import { mount, renderPage, type RenderActions } from './render';

interface VsCodeApi<S> {
  postMessage(message: AppToHostMessage): void;
  getState(): S | undefined;
  setState(state: S): void;
}
declare function acquireVsCodeApi<S = unknown>(): VsCodeApi<S>;

const vscode = acquireVsCodeApi<PersistedState>();

interface AppState {
  model?: FailoverModel;
  version: number;
  down: DownWorkload[];
  error?: string;
  updatedAt?: Date;
}

function restore(saved: unknown): AppState {
  const s = (typeof saved === 'object' && saved !== null ? saved : {}) as Partial<PersistedState>;
  const down = Array.isArray(s.down) ? s.down.filter(isDownWorkload) : [];
  const model = typeof s.model === 'object' && s.model !== null && Array.isArray(s.model.workspaces) ? s.model : undefined;
  return { down, version: typeof s.version === 'number' ? s.version : -1, ...(model ? { model } : {}) };
}

const state = restore(vscode.getState());
const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));

function persist(): void {
  vscode.setState({ down: state.down, ...(state.model ? { model: state.model, version: state.version } : {}) });
}

const actions: RenderActions = {
  reveal(source: SourceRef) { vscode.postMessage({ type: 'reveal', source }); },
  toggleDown(target) { state.down = toggleDown(state.down, target); persist(); draw(); },
  resetDown() { state.down = []; persist(); draw(); },
  refresh() { vscode.postMessage({ type: 'requestModel' }); },
};

function statusText(): string {
  if (!state.model) return state.error ? 'No model' : 'Waiting for the language server\u2026';
  if (!state.updatedAt) return 'Restored';
  const t = state.updatedAt;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `Updated ${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}`;
}

function draw(): void {
  let vm;
  try {
    vm = state.model ? buildViewModel(state.model, state.down) : undefined;
  } catch (e) {
    // A model of an unexpected shape must not blank the panel: show the error, keep the toolbar.
    vm = undefined;
    state.error = `The failover model could not be shown: ${e instanceof Error ? e.message : String(e)}`;
  }
  mount(root, renderPage(vm, { statusText: statusText(), ...(state.error ? { error: state.error } : {}) }, actions));
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isHostToAppMessage(msg)) return;
  switch (msg.type) {
    case 'model':
      if (msg.version < state.version && state.updatedAt) return; // a stale push that arrived late
      state.model = msg.model;
      state.version = msg.version;
      state.updatedAt = new Date();
      delete state.error;
      persist();
      draw();
      break;
    case 'error':
      state.error = msg.message;
      draw();
      break;
  }
});

draw();
vscode.postMessage({ type: 'ready' });
