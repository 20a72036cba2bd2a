// Kinds used in public TSB YAML beyond the core API: RBAC, applications, Team/ServiceAccount,
// and permissive entries (recognised, spec not checked) for kinds whose public API is not clear.
import { human, NAMESPACE_SELECTOR, TSB_META_NO_NAME, WORKLOAD_SELECTOR } from './common';
import { GROUP_SCOPED_PARENTS, GROUP_VERSION, INSTALL_VERSIONS, kind } from './envelope';
import { arr, bool, deprecated, free, obj, str, strs, use } from './dsl';
import type { SchemaEntry } from './types';

const RBAC = ['rbac.tsb.tetrate.io/v2'];
const APPLICATION = ['application.tsb.tetrate.io/v2'];

const configResources = () =>
  arr(
    obj('A configuration resource related to this object.', {
      exclusivelyOwned: bool('Delete the resource with this object.'),
      expectedEtag: str('Etag used to detect changes to the resource.'),
    }),
    'Configuration resources related to this object.',
  );

const allowBindings = () =>
  obj(
    'Role bindings on the resource.',
    {
      description: str('A description of the bindings.'),
      allow: arr(
        obj(
          'A role granted to some subjects.',
          {
            role: str('The role, e.g. `rbac/admin`, `rbac/reader`, `rbac/creator`.'),
            subjects: arr(
              obj(
                'A user, team or service account (exactly one).',
                {
                  user: str('User FQN, e.g. `organizations/<org>/users/<user>`.'),
                  team: str('Team FQN, e.g. `organizations/<org>/teams/<team>`.'),
                  serviceAccount: str('Service account FQN, e.g. `organizations/<org>/serviceaccounts/<sa>`.'),
                },
                { exactlyOne: [['user', 'team', 'serviceAccount']] },
              ),
              'Subjects the role is granted to.',
            ),
          },
          { required: ['role', 'subjects'] },
        ),
        'Bindings.',
      ),
    },
    { required: ['allow'] },
  );

/** Older per-type access binding kinds (before the generic AccessBindings), still accepted by tctl. */
const LEGACY_BINDINGS: [string, string][] = [
  ['OrganizationAccessBindings', 'an organization'],
  ['TenantAccessBindings', 'a tenant'],
  ['WorkspaceAccessBindings', 'a workspace'],
  ['GatewayAccessBindings', 'a gateway group'],
  ['TrafficAccessBindings', 'a traffic group'],
  ['SecurityAccessBindings', 'a security group'],
  ['IstioInternalAccessBindings', 'an istio-internal group'],
  ['ApplicationAccessBindings', 'an application'],
  ['APIAccessBindings', 'an API'],
];

export const extraEntries: SchemaEntry[] = [
  kind({
    id: 'rbac-role',
    kind: 'Role',
    apiVersions: RBAC,
    dialect: 'tsb',
    parents: [],
    description: 'A TSB RBAC role: a named set of permissions on API groups and kinds.',
    spec: obj('Permissions granted by the role.', {
      ...human,
      rules: arr(
        obj(
          'Permissions on some API types.',
          {
            types: arr(
              obj(
                'An API group and some of its kinds.',
                {
                  apiGroup: str('API group, e.g. `traffic.tsb.tetrate.io/v2`.'),
                  kinds: strs('Kinds of the group; all kinds when omitted.'),
                  scopedAt: arr(
                    obj(
                      'A parent type the kinds are scoped under.',
                      {
                        apiGroup: str('API group of the parent type.'),
                        kind: str('Kind of the parent type.'),
                      },
                      { required: ['apiGroup', 'kind'] },
                    ),
                    'Parent types limiting the scope.',
                  ),
                },
                { required: ['apiGroup'] },
              ),
              'API types; all types when omitted.',
            ),
            permissions: strs('Actions allowed, e.g. READ, WRITE, CREATE, DELETE, SET_POLICY.'),
          },
          { required: ['permissions'] },
        ),
        'Rules of the role.',
      ),
    }),
  }),
  kind({
    id: 'rbac-access-bindings',
    kind: 'AccessBindings',
    apiVersions: RBAC,
    dialect: 'tsb',
    parents: [],
    meta: TSB_META_NO_NAME,
    description:
      'Grants roles to users, teams and service accounts on one TSB resource (named by `metadata.fqn` or the `tsb.tetrate.io/fqn` annotation).',
    spec: allowBindings(),
  }),
  ...LEGACY_BINDINGS.map(([k, what]) =>
    kind({
      id: `rbac-${k
        .replace(/AccessBindings$/, '')
        .replace(/^API$/, 'Api')
        .replace(/([a-z])([A-Z])/g, '$1-$2')
        .toLowerCase()}-access-bindings`,
      kind: k,
      apiVersions: RBAC,
      dialect: 'tsb',
      parents: [],
      meta: TSB_META_NO_NAME,
      description: `Grants roles to users, teams and service accounts on ${what} (the target is named by the metadata parents or \`fqn\`).`,
      spec: allowBindings(),
    }),
  ),
  kind({
    id: 'profile',
    kind: 'Profile',
    apiVersions: ['profile.tsb.tetrate.io/v2'],
    dialect: 'tsb',
    parents: ['organization'],
    description:
      'A profile: default and mandatory settings that resources attaching it (`profiles:`) propagate to their children.',
    spec: obj('The profile.', { ...human }),
  }),
  kind({
    id: 'extension-wasm-extension',
    kind: 'WasmExtension',
    apiVersions: ['extension.tsb.tetrate.io/v2'],
    dialect: 'tsb',
    parents: ['organization'],
    description: 'A WebAssembly extension of the organization, attached to gateways and security settings by FQN.',
    spec: obj('The extension: its image and where it may be used.', { ...human }, { required: ['url'] }),
  }),
  kind({
    id: 'user',
    kind: 'User',
    apiVersions: ['api.tsb.tetrate.io/v2'],
    dialect: 'tsb',
    parents: ['organization'],
    description: 'A user of the organization (normally synchronised from the identity provider).',
    spec: obj('The user.', { displayName: str('Human-friendly name of the user.') }),
  }),
  kind({
    id: 'resource-status',
    kind: 'ResourceStatus',
    apiVersions: ['api.tsb.tetrate.io/v2'],
    dialect: 'tsb',
    parents: [],
    description: 'Output only: the configuration status of a resource, as printed by `tctl x status -o yaml`.',
  }),
  kind({
    id: 'application',
    kind: 'Application',
    apiVersions: APPLICATION,
    dialect: 'tsb',
    parents: ['organization', 'tenant'],
    description: 'An application: a set of services of a workspace exposed through APIs.',
    spec: obj(
      'The application.',
      {
        ...human,
        workspace: str('FQN of the workspace the application belongs to.'),
        gatewayGroup: str('FQN of the gateway group used by the application.'),
        namespaceSelector: use(NAMESPACE_SELECTOR, 'Namespaces the application may configure.'),
        services: strs('FQNs of the services of the application (all services of the workspace when omitted).'),
        configResources: configResources(),
      },
      { required: ['workspace'] },
    ),
  }),
  kind({
    id: 'application-api',
    kind: 'API',
    apiVersions: APPLICATION,
    dialect: 'tsb',
    parents: ['organization', 'tenant'],
    description:
      'An API of an application, described by an OpenAPI document (its parent application is `metadata.application` or the `tsb.tetrate.io/application` annotation).',
    spec: obj(
      'The API.',
      {
        ...human,
        openapi: str('The raw OpenAPI document (with `x-tsb-*` extensions).'),
        workloadSelector: use(WORKLOAD_SELECTOR, 'Gateway workloads that expose the API.'),
        httpServers: arr(
          free('A gateway HTTP server exposing the API (same shape as Gateway `http` servers).'),
          'Gateway servers exposing the API (mostly generated from the OpenAPI document).',
        ),
        servers: deprecated(
          arr(free('A server.'), 'Servers exposing the API (APIs created before TSB 1.7).'),
          'Use httpServers instead.',
        ),
        endpoints: arr(
          free('An endpoint (output, generated from the OpenAPI document).'),
          'Output only: endpoints of the API.',
        ),
        configResources: configResources(),
      },
      { required: ['openapi'] },
    ),
  }),
  kind({
    id: 'gateway-external-cluster',
    kind: 'ExternalCluster',
    apiVersions: [GROUP_VERSION.gateway],
    dialect: 'tsb',
    parents: GROUP_SCOPED_PARENTS,
    groupType: 'gateway',
    description: 'Endpoints outside the mesh that tier-1 gateways can route to as if they were a cluster.',
  }),
  kind({
    id: 'install-management-plane',
    kind: 'ManagementPlane',
    apiVersions: INSTALL_VERSIONS,
    dialect: 'install',
    parents: [],
    description: 'Installs the TSB management plane (API server, UI, XCP central, data store, identity provider).',
  }),
  kind({
    id: 'install-xcp-edge',
    kind: 'EdgeXcp',
    apiVersions: ['install.xcp.tetrate.io/v1alpha1'],
    dialect: 'install',
    parents: [],
    description:
      'The XCP edge install object rendered by the control-plane operator (tune it through ControlPlane `components.xcp.kubeSpec.overlays`).',
  }),
  kind({
    id: 'onboarding-policy',
    kind: 'OnboardingPolicy',
    apiVersions: ['authorization.onboarding.tetrate.io/v1alpha1'],
    dialect: 'onboarding',
    parents: [],
    description:
      'Authorises VMs and other workloads outside Kubernetes to join the mesh as members of WorkloadGroups in its namespace.',
  }),
  kind({
    id: 'onboarding-agent-configuration',
    kind: 'AgentConfiguration',
    apiVersions: ['config.agent.onboarding.tetrate.io/v1alpha1'],
    dialect: 'onboarding',
    parents: [],
    description: 'Configuration file of the workload onboarding agent on a VM (not a Kubernetes object).',
    rootProperties: {
      host: free('Host settings: credential plugins, host information.'),
      sidecar: free('Settings of the Istio sidecar started on the host.'),
    },
  }),
  kind({
    id: 'onboarding-configuration',
    kind: 'OnboardingConfiguration',
    apiVersions: ['config.agent.onboarding.tetrate.io/v1alpha1'],
    dialect: 'onboarding',
    parents: [],
    description: 'Configuration file telling the onboarding agent on a VM where to onboard (not a Kubernetes object).',
    rootProperties: {
      onboardingEndpoint: free('The onboarding endpoint: host and transport security.'),
      workloadGroup: free('The WorkloadGroup the workload joins (namespace, name).'),
      workload: free('The workload: labels and other attributes.'),
      settings: free('Onboarding settings (e.g. connectedOver).'),
    },
  }),
];
