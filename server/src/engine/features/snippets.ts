import { render, type Locale } from '../l10n/translate';
import type { SnippetDefaults } from './snippetDefaults';
import { groupSnippet, type Builder } from './snippetParts';
import { WORKSPACE, WORKSPACE_SETTING, TENANT, SECURITY_SETTING } from './tenancySnippets';
import {
  EASTWEST_GATEWAY_INSTALL,
  GATEWAY,
  SERVICE_ROUTE,
  CONTROLPLANE_DNS_AT_EDGE,
  FAILOVER,
} from './gatewaySnippets';

export { snippetDefaults, type SnippetDefaults } from './snippetDefaults';

// Resource snippets (a whole TSB document), offered by completion at the start of an empty YAML document.
// Their defaults come from the project: its organization and tenant, a workspace that still lacks a
// WorkspaceSetting, a namespace no workspace owns yet, the east-west gateway its install CRs deploy...
// so that Tab through the defaults leaves YAML that raises no problem. The bundled example's names
// are used only when the project has nothing to offer.

/** What completion needs to offer one snippet. */
export interface ResourceSnippet {
  prefix: string;
  description: string;
  /** Snippet text (LSP snippet syntax). */
  body: string;
  /** Why the defaults are what they are, and what to watch for (markdown lines). */
  notes: string[];
}

const BUILDERS: Builder[] = [
  WORKSPACE,
  WORKSPACE_SETTING,
  TENANT,
  groupSnippet('gateway'),
  groupSnippet('traffic'),
  groupSnippet('security'),
  EASTWEST_GATEWAY_INSTALL,
  GATEWAY,
  SERVICE_ROUTE,
  SECURITY_SETTING,
  CONTROLPLANE_DNS_AT_EDGE,
  FAILOVER,
];

/** Every resource snippet, its defaults taken from the project, described in `locale`. */
export function resourceSnippets(d: SnippetDefaults, locale: Locale = 'en'): ResourceSnippet[] {
  return BUILDERS.map((b) => {
    const { lines, notes } = b.build(d);
    return {
      prefix: b.prefix,
      description: render(b.description, locale),
      body: `${lines.join('\n')}\n$0`,
      notes: (notes ?? []).map((n) => render(n, locale)),
    };
  });
}

/** Names of every resource snippet (for documentation and tests). */
export const SNIPPET_PREFIXES = BUILDERS.map((b) => b.prefix);
