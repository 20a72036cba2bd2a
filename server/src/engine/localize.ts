// The presentation boundary: what the engine computed (problems, the failover model, deployment units)
// as the user reads it, in their language. The analysis itself is the same in every language and is
// never repeated for another one: these functions only render the messages the results carry, and drop
// the messages (`…L10n`) from what leaves the server or tsb-lint.
import type { Problem } from './types';
import type { FailoverModel, WhatIfResult } from './model/failoverTypes';
import type { InferenceNote, Unit } from './deployment';
import { render, type Locale } from './l10n/translate';

/** A problem with its message (and its related places' messages) in `locale`. */
export function localizeProblem(p: Problem, locale: Locale): Problem {
  if (locale === 'en') return p;
  return {
    ...p,
    message: render(p.messageL10n, locale),
    ...(p.related ? { related: p.related.map((r) => ({ ...r, message: render(r.messageL10n, locale) })) } : {}),
  };
}

/** The failover model in `locale`, as plain data (the messages beside its texts dropped). */
export function localizeModel(model: FailoverModel, locale: Locale): FailoverModel {
  const { notesL10n, ...rest } = model;
  return {
    ...rest,
    notes: notesL10n ? notesL10n.map((n) => render(n, locale)) : model.notes,
    workspaces: model.workspaces.map((ws) => ({
      ...ws,
      candidates: ws.candidates.map(({ reasonL10n, ...c }) =>
        reasonL10n ? { ...c, reason: render(reasonL10n, locale) } : c,
      ),
      excluded: ws.excluded.map(({ reasonL10n, ...e }) =>
        reasonL10n ? { ...e, reason: render(reasonL10n, locale) } : e,
      ),
    })),
  };
}

/** A what-if result in `locale`, as plain data. */
export function localizeWhatIf(r: WhatIfResult, locale: Locale): WhatIfResult {
  return {
    ...r,
    unknown: r.unknown.map(({ reasonL10n, ...u }) => (reasonL10n ? { ...u, reason: render(reasonL10n, locale) } : u)),
    routes: r.routes.map(({ reasonL10n, ...x }) => (reasonL10n ? { ...x, reason: render(reasonL10n, locale) } : x)),
  };
}

/** A deployment unit in `locale`, as plain data. */
export function localizeUnit(u: Unit, locale: Locale): Unit {
  const { clustersUnknownL10n, ...rest } = u;
  return {
    ...rest,
    clusterMatches: u.clusterMatches.map(({ whyL10n, ...m }) => (whyL10n ? { ...m, why: render(whyL10n, locale) } : m)),
    ...(clustersUnknownL10n ? { clustersUnknown: render(clustersUnknownL10n, locale) } : {}),
  };
}

/** A note of the deployment inference in `locale`, as plain data. */
export function localizeNote(n: InferenceNote, locale: Locale): InferenceNote {
  const { reasonL10n, ...rest } = n;
  return reasonL10n ? { ...rest, reason: render(reasonL10n, locale) } : rest;
}
