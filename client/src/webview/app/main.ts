// Entry of the webview bundle, shared by the failover preview and the project summary (the shell says
// which on <body data-view>). Holds the app state (model or summary, the user's what-if), persists it
// with vscode.setState, and redraws on every change. The host sends data after `ready`.
import './style.css';
import type { AppToHostMessage, PersistedState, ProjectHints, ProjectSummary } from '../protocol';
import { isDownWorkload, isHostToAppMessage } from '../protocol';
import type { DownWorkload, FailoverModel, SourceRef } from '../../../../server/src/engine/index';
import { setBundle, t } from './l10n';
import { buildViewModel, toggleDown } from './viewModel';
import { mount, renderPage, type RenderActions } from './render';
import { buildSummaryView } from './summaryView';
import { renderSummary, type SummaryActions } from './summaryRender';

interface VsCodeApi<S> {
  postMessage(message: AppToHostMessage): void;
  getState(): S | undefined;
  setState(state: S): void;
}
declare function acquireVsCodeApi<S = unknown>(): VsCodeApi<S>;

const vscode = acquireVsCodeApi<PersistedState>();
const view = document.body.dataset['view'] === 'summary' ? 'summary' : 'preview';

interface AppState {
  model?: FailoverModel;
  hints?: ProjectHints;
  summary?: ProjectSummary;
  canWriteConfig: boolean;
  version: number;
  down: DownWorkload[];
  bundle: Record<string, string> | null;
  language?: string;
  error?: string;
  notice?: string;
  updatedAt?: Date;
}

function restore(saved: unknown): AppState {
  const s = (typeof saved === 'object' && saved !== null ? saved : {}) as Partial<PersistedState>;
  const down = Array.isArray(s.down) ? s.down.filter(isDownWorkload) : [];
  const model =
    typeof s.model === 'object' && s.model !== null && Array.isArray(s.model.workspaces) ? s.model : undefined;
  const summary =
    typeof s.summary === 'object' && s.summary !== null && Array.isArray(s.summary.units) ? s.summary : undefined;
  const hints =
    typeof s.hints === 'object' && s.hints !== null && typeof s.hints.project === 'object' ? s.hints : undefined;
  const bundle = typeof s.bundle === 'object' && s.bundle !== null ? s.bundle : null;
  return {
    down,
    version: typeof s.version === 'number' ? s.version : -1,
    canWriteConfig: s.canWriteConfig === true,
    bundle,
    ...(typeof s.language === 'string' ? { language: s.language } : {}),
    ...(model ? { model } : {}),
    ...(summary ? { summary } : {}),
    ...(hints ? { hints } : {}),
  };
}

const state = restore(vscode.getState());
setBundle(state.bundle, state.language);
const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));

function persist(): void {
  vscode.setState({
    down: state.down,
    bundle: state.bundle,
    canWriteConfig: state.canWriteConfig,
    ...(state.language ? { language: state.language } : {}),
    ...(state.model ? { model: state.model, version: state.version } : {}),
    ...(state.hints ? { hints: state.hints } : {}),
    ...(state.summary ? { summary: state.summary, version: state.version } : {}),
  });
}

const actions: RenderActions = {
  reveal(source: SourceRef) {
    vscode.postMessage({ type: 'reveal', source });
  },
  toggleDown(target) {
    state.down = toggleDown(state.down, target);
    persist();
    draw();
  },
  resetDown() {
    state.down = [];
    persist();
    draw();
  },
  refresh() {
    vscode.postMessage({ type: 'requestModel' });
  },
  copy(text) {
    vscode.postMessage({ type: 'copy', text });
  },
  create(teach) {
    vscode.postMessage({
      type: 'createFile',
      path: teach.snippetFile,
      text: `${teach.snippet}\n`,
      ...(teach.near ? { near: teach.near } : {}),
    });
  },
  command(command) {
    vscode.postMessage({ type: 'command', command });
  },
};

const summaryActions: SummaryActions = {
  open(uri, line) {
    vscode.postMessage({ type: 'openLocation', uri, line });
  },
  command(command) {
    vscode.postMessage({ type: 'command', command });
  },
  refresh() {
    vscode.postMessage({ type: 'requestModel' });
  },
};

function statusText(): string {
  const has = view === 'summary' ? state.summary : state.model;
  if (!has) return state.error ? t('No model') : t('Waiting for the language server\u2026');
  if (!state.updatedAt) return t('Restored');
  const d = state.updatedAt;
  const pad = (n: number) => String(n).padStart(2, '0');
  return t('Updated {0}', `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`);
}

function draw(): void {
  if (view === 'summary') {
    let v: ReturnType<typeof buildSummaryView> | undefined;
    try {
      v = state.summary ? buildSummaryView(state.summary, state.canWriteConfig) : undefined;
    } catch (e) {
      v = undefined;
      state.error = t('The summary could not be shown: {0}', e instanceof Error ? e.message : String(e));
    }
    mount(
      root,
      renderSummary(v, { statusText: statusText(), ...(state.error ? { error: state.error } : {}) }, summaryActions),
    );
    return;
  }
  let vm: ReturnType<typeof buildViewModel> | undefined;
  try {
    vm = state.model ? buildViewModel(state.model, state.down, state.hints) : undefined;
  } catch (e) {
    // A model of an unexpected shape must not blank the panel: show the error, keep the toolbar.
    vm = undefined;
    state.error = t('The failover model could not be shown: {0}', e instanceof Error ? e.message : String(e));
  }
  mount(
    root,
    renderPage(
      vm,
      {
        statusText: statusText(),
        ...(state.error ? { error: state.error } : {}),
        ...(state.notice ? { notice: state.notice } : {}),
      },
      actions,
    ),
  );
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isHostToAppMessage(msg)) return;
  switch (msg.type) {
    case 'locale':
      state.bundle = msg.bundle;
      if (msg.language !== undefined) state.language = msg.language;
      setBundle(msg.bundle, state.language);
      persist();
      draw();
      break;
    case 'model':
      if (msg.version < state.version && state.updatedAt) return; // a stale push that arrived late
      state.model = msg.model;
      if (msg.hints) state.hints = msg.hints;
      state.version = msg.version;
      state.updatedAt = new Date();
      delete state.error;
      delete state.notice;
      persist();
      draw();
      break;
    case 'summary':
      if (msg.version < state.version && state.updatedAt) return;
      state.summary = msg.summary;
      state.canWriteConfig = msg.canWriteConfig;
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
    case 'notice':
      state.notice = msg.message;
      draw();
      break;
  }
});

draw();
vscode.postMessage({ type: 'ready' });
