import type { CodeLens } from 'vscode-languageserver-types';
import type { AnalysedProject } from '../analysedProject';
import { Commands } from '../commandIds';
import type { WorkspaceFailover } from '../model/failoverTypes';
import { msg, msgN, type Message } from '../l10n/message';
import { render, type Locale } from '../l10n/translate';

// Code lenses on each defaultEastWestGatewaySettings entry: how many services it exposes and how
// many can fail over (from the same failover model as the preview and the CLI), and a link to the preview.

export function codeLenses(
  uri: string,
  project: Pick<AnalysedProject, 'facts' | 'failoverModel'>,
  locale: Locale = 'en',
): CodeLens[] {
  const facts = project.facts(uri);
  if (!facts?.workspaceSettings.length) return [];
  // The last complete model while the project is checked again: lenses are refreshed when it changes.
  const model = project.failoverModel({ stale: true });
  const out: CodeLens[] = [];
  for (const s of facts.workspaceSettings) {
    const ws: WorkspaceFailover | undefined = model.workspaces.find(
      (w) =>
        w.name === s.workspace &&
        (!s.tenant || w.tenant === s.tenant) &&
        (!s.organization || w.organization === s.organization),
    );
    for (const e of s.eastWest) {
      const line = e.selectorRef.line;
      const range = { start: { line, character: 0 }, end: { line, character: 0 } };
      let title: Message;
      if (!ws) title = msg('no Workspace {name} in the project: nothing exposed', { name: s.workspace ?? '' });
      else {
        const exposed = ws.candidates.filter((c) => c.exposedBy.entry === e.entry);
        const failover = exposed.filter((c) => c.failover).length;
        title = msgN(
          exposed.length,
          'exposes {n} service · {failover} can fail over',
          'exposes {n} services · {failover} can fail over',
          { n: exposed.length, failover },
        );
      }
      out.push({
        range,
        command: { title: render(title, locale), command: Commands.showFailoverPreview, arguments: [uri] },
      });
      out.push({
        range,
        command: {
          title: render(msg('Show failover preview'), locale),
          command: Commands.showFailoverPreview,
          arguments: [uri],
        },
      });
    }
  }
  return out;
}
