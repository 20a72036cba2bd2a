// Resource snippets of tenancy and policy: Workspace, WorkspaceSetting, Tenant and SecuritySetting, their
// defaults taken from the project.
import { TabStops } from './snippetText';
import { commas, msg, type Message } from '../l10n/message';
import {
  eastWestGateway,
  FALLBACK,
  groupFor,
  groupParents,
  lit,
  namesOf,
  newWorkspace,
  tenancy,
  unique,
  type Builder,
} from './snippetParts';

export const WORKSPACE: Builder = {
  prefix: 'tsb-workspace',
  description: msg('TSB Workspace (tctl form): owns namespaces in clusters'),
  build(d) {
    const t = new TabStops();
    const ten = tenancy(d);
    const w = newWorkspace(d);
    return {
      lines: [
        'apiVersion: api.tsb.tetrate.io/v2',
        'kind: Workspace',
        'metadata:',
        `  organization: ${t.value(d.organizations.length > 1 ? d.organizations : ten.organization)}`,
        `  tenant: ${t.value(d.tenants.length > 1 ? d.tenants : ten.tenant)}`,
        `  name: ${t.value(w.name)}`,
        'spec:',
        '  namespaceSelector:',
        '    names:',
        ...namesOf(t, [`*/${w.namespace}`], '      '),
      ],
      notes: d.freeNamespaces.length
        ? [msg('Namespace {namespace} has Services and no workspace owns it yet.', { namespace: w.namespace })]
        : [],
    };
  },
};

export const WORKSPACE_SETTING: Builder = {
  prefix: 'tsb-workspace-setting',
  description: msg(
    "TSB WorkspaceSetting: expose the workspace's services to other clusters through an east-west gateway",
  ),
  build(d) {
    const t = new TabStops();
    // A workspace has exactly one WorkspaceSetting: default to the workspaces that have none.
    const free = d.workspaces.filter((w) => !w.setting);
    const first = free[0];
    const gw = eastWestGateway(d, first?.namespaces);
    const notes: Message[] = [];
    const meta: string[] = [];
    if (first) {
      const same = free
        .filter((w) => w.organization === first.organization && w.tenant === first.tenant)
        .map((w) => w.name);
      const ten = tenancy(d, first);
      meta.push(
        `  organization: ${lit(ten.organization)}`,
        `  tenant: ${lit(ten.tenant)}`,
        `  workspace: ${t.value(same)}`,
        `  name: $${t.last}-setting`,
      );
    } else {
      const ten = tenancy(d);
      const name = d.workspaces.length ? unique(d, 'Workspace', 'new-ws') : FALLBACK.workspace;
      meta.push(
        `  organization: ${t.value(ten.organization)}`,
        `  tenant: ${t.value(ten.tenant)}`,
        `  workspace: ${t.value(name)}`,
        `  name: $${t.last}-setting`,
      );
      if (d.workspaces.length) {
        notes.push(
          msg(
            'Every workspace of this project already has its WorkspaceSetting ({settings}). A workspace has exactly one: add east-west settings to that one, or name a new workspace here.',
            { settings: commas(d.workspaces.map((w) => `${w.name}: ${w.setting}`)) },
          ),
        );
      }
    }
    if (!gw.deployed)
      notes.push(
        msg(
          'No install CR of this project deploys an east-west gateway yet: add one (snippet tsb-install-eastwest-gateway) named {name} in namespace {namespace}.',
          { name: gw.app, namespace: gw.namespace },
        ),
      );
    return {
      lines: [
        'apiVersion: api.tsb.tetrate.io/v2',
        'kind: WorkspaceSetting',
        'metadata:',
        ...meta,
        'spec:',
        '  defaultEastWestGatewaySettings:',
        '    - workloadSelector:',
        `        namespace: ${t.value(gw.namespace)}`,
        '        labels:',
        `          app: ${t.value(gw.app)}`,
      ],
      notes,
    };
  },
};

export const TENANT: Builder = {
  prefix: 'tsb-tenant',
  description: msg('TSB Tenant of an organization'),
  build(d) {
    const t = new TabStops();
    const name = d.tenants.length ? unique(d, 'Tenant', 'new-tenant') : FALLBACK.tenant;
    return {
      lines: [
        'apiVersion: api.tsb.tetrate.io/v2',
        'kind: Tenant',
        'metadata:',
        `  organization: ${t.value(tenancy(d).organization)}`,
        `  name: ${t.value(name)}`,
        'spec:',
        `  displayName: ${t.value(name.replace(/(^|-)(\w)/g, (_m, s: string, c: string) => `${s ? ' ' : ''}${c.toUpperCase()}`))}`,
      ],
    };
  },
};

export const SECURITY_SETTING: Builder = {
  prefix: 'tsb-security-setting',
  description: msg("TSB SecuritySetting: mTLS and who may call the group's services"),
  build(d) {
    const t = new TabStops();
    const parents = groupParents(d, 'security', t);
    return {
      lines: [
        'apiVersion: security.tsb.tetrate.io/v2',
        'kind: SecuritySetting',
        'metadata:',
        ...parents,
        `  name: ${t.value(unique(d, 'SecuritySetting', `${(groupFor(d, 'security')?.workspace ?? d.workspaces[0]?.name ?? FALLBACK.workspace).replace(/-ws$/, '')}-security`))}`,
        'spec:',
        '  authenticationSettings:',
        `    trafficMode: ${t.value(['REQUIRED', 'OPTIONAL'])}`,
        '  authorization:',
        `    mode: ${t.value(['WORKSPACE', 'GROUP', 'NAMESPACE', 'CLUSTER'])}`,
      ],
    };
  },
};
