// The webview's HTML shell: static markup plus the CSP nonce and the bundle URIs. No workspace data
// is ever interpolated here; the model travels by postMessage and is rendered with DOM APIs.
// Pure (no `vscode` import) so tests can build the exact shell the host serves.

export interface ShellOptions {
  /** webview.cspSource */
  cspSource: string;
  /** Fresh per load, from crypto.randomBytes. */
  nonce: string;
  /** asWebviewUri(client/out/webview/main.js) */
  scriptUri: string;
  /** asWebviewUri(client/out/webview/main.css) */
  styleUri: string;
  /** Which page the bundle draws (default: the failover preview). */
  view?: 'preview' | 'summary';
  /** BCP 47 language of the UI (vscode.env.language), for <html lang>. */
  lang?: string;
  /** The panel's title, already localized (plain text; escaped here). */
  title?: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

const NONCE = /^[A-Za-z0-9+/=_-]{16,}$/;
const SAFE_ATTR = /^[^"<>\s]+$/;

function attr(value: string, what: string): string {
  // These values come from VS Code (URIs, cspSource) and crypto, never from the workspace; refuse anything odd anyway.
  if (!SAFE_ATTR.test(value)) throw new Error(`unsafe ${what} for the webview shell`);
  return value;
}

const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

function text(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function buildShellHtml(o: ShellOptions): string {
  if (!NONCE.test(o.nonce)) throw new Error('unsafe nonce for the webview shell');
  const view = o.view === 'summary' ? 'summary' : 'preview';
  const lang = o.lang && LANG.test(o.lang) ? o.lang : 'en';
  const title = text(o.title ?? (view === 'summary' ? 'TSB Project Summary' : 'Failover Preview'));
  const csp = contentSecurityPolicy(
    o.cspSource
      .split(/\s+/)
      .map((s) => attr(s, 'cspSource'))
      .join(' '),
    o.nonce,
  );
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri, 'style URI')}">
<title>${title}</title>
</head>
<body data-view="${view}">
<div id="root" class="root" aria-busy="true"></div>
<script nonce="${o.nonce}" src="${attr(o.scriptUri, 'script URI')}"></script>
</body>
</html>
`;
}
