import type { ResolvedProject } from '../../workspace/resolved';
import type { TsbObjectFact } from '../../workspace/facts';
import { settingKey } from '../../model/workspaceOwnership';
import { earlierPeer, ifTogether, related, where, type LocatedProblem } from './context';
import { msg } from '../../l10n/message';

// multiple-workspace-settings: more than one WorkspaceSetting for one workspace.

export function multipleSettings(p: ResolvedProject, out: LocatedProblem[]): void {
  const byWs = new Map<string, TsbObjectFact[]>();
  for (const s of p.workspaceSettings) {
    const list = byWs.get(settingKey(s));
    if (list) list.push(s);
    else byWs.set(settingKey(s), [s]);
  }
  for (const list of byWs.values()) {
    for (let i = 1; i < list.length; i++) {
      const s = list[i]!;
      // A second copy under the same name is a duplicate-resource finding, not a second setting (the
      // first copy, if it is a second setting, is reported already).
      if (
        earlierPeer(
          p,
          list,
          i,
          (x) => x.source.uri,
          (x) => x.name === s.name,
        )
      )
        continue;
      const hit = earlierPeer(
        p,
        list,
        i,
        (x) => x.source.uri,
        (x) => x.name !== s.name,
      );
      if (!hit) continue;
      const first = hit.peer;
      const text = msg(
        'Workspace {workspace} already has WorkspaceSetting {first} ({where}); a workspace has exactly one WorkspaceSetting, so merge {name} into it.',
        { workspace: String(s.workspace), first: first.name, where: where(first.nameRef), name: s.name },
      );
      out.push({
        uri: s.source.uri,
        rule: 'multiple-workspace-settings',
        ref: s.nameRef,
        ...(hit.together ? {} : { severity: 'hint' as const }),
        message: hit.together ? text : ifTogether(p, first.source.uri, s.source.uri, text),
        related: [related(first.nameRef, msg('the first WorkspaceSetting'))],
      });
    }
  }
}
