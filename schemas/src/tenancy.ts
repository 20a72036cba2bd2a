// api.tsb.tetrate.io/v2 (tctl) and tsb.tetrate.io/v2 (GitOps) tenancy kinds, plus the four Group
// kinds.
import {
  CONFIG_GEN_META,
  CONFIG_MODE,
  FAILOVER_SETTINGS,
  human,
  NAMESPACE_SELECTOR,
  REGIONAL_FAILOVER,
} from './common';
import { EAST_WEST_GATEWAY } from './gateway';
import { SECURITY_SETTING_SPEC } from './security';
import { TRAFFIC_SETTING_SPEC } from './traffic';
import { arr, bool, deprecated, duration, enumOf, free, mapOf, obj, str, strs, use } from './dsl';

const cgm = () =>
  use(
    CONFIG_GEN_META,
    'Default labels/annotations for generated Istio objects (gRPC users only; YAML users use metadata).',
  );
const profiles = () => strs('FQNs of Profiles whose defaults propagate to the children of this resource (newer TSB).');
const deletionProtection = () => bool('Protect the resource from deletion; set back to false before deleting it.');
const securityDomain = () =>
  str(
    "FQN of a security domain, `organizations/<org>/securitydomains/<name>`; children cannot override an ancestor's domain.",
  );

export const ORGANIZATION_SPEC = obj(
  'An organization: the root of the TSB hierarchy (normally created at install time).',
  {
    ...human,
    configGenerationMetadata: cgm(),
    deletionProtectionEnabled: deletionProtection(),
    profiles: profiles(),
    systemNamespaces: strs('Namespaces treated as system namespaces: they cannot be onboarded into workspaces.'),
  },
);

export const TENANT_SPEC = obj('A tenant: a group of workspaces (a business unit or team).', {
  ...human,
  configGenerationMetadata: cgm(),
  deletionProtectionEnabled: deletionProtection(),
  profiles: profiles(),
  securityDomain: securityDomain(),
});

export const WORKSPACE_SPEC = obj(
  'A workspace: a set of namespaces, across clusters, that it owns exclusively.',
  {
    ...human,
    configGenerationMetadata: cgm(),
    namespaceSelector: use(
      NAMESPACE_SELECTOR,
      'The namespaces this workspace owns exclusively; no two workspaces may claim the same cluster/namespace.',
    ),
    privileged: bool('Lets gateways in this workspace route to services in other workspaces (for shared gateways).'),
    isolationBoundary: str(
      'Isolation boundary of the workspace; must be one of the ControlPlane `components.xcp.isolationBoundaries` (default `global`).',
    ),
    securityDomain: securityDomain(),
    deletionProtectionEnabled: deletionProtection(),
    profiles: profiles(),
  },
  { required: ['namespaceSelector'] },
);

const groupBase = {
  ...human,
  configGenerationMetadata: cgm(),
  namespaceSelector: use(
    NAMESPACE_SELECTOR,
    'Namespaces of the group; they must lie inside the workspace namespaces (`*/*` = all of them) and belong to one group of this type.',
  ),
  deletionProtectionEnabled: deletionProtection(),
};

export const GROUP_SPEC = {
  gateway: obj(
    'A gateway group: gateway configuration for some namespaces of the workspace.',
    { ...groupBase, configMode: CONFIG_MODE, profiles: profiles() },
    { required: ['namespaceSelector'] },
  ),
  traffic: obj(
    'A traffic group: traffic settings and service routes for some namespaces of the workspace.',
    { ...groupBase, configMode: CONFIG_MODE, profiles: profiles() },
    { required: ['namespaceSelector'] },
  ),
  security: obj(
    'A security group: security settings for some namespaces of the workspace.',
    { ...groupBase, configMode: CONFIG_MODE, profiles: profiles(), securityDomain: securityDomain() },
    { required: ['namespaceSelector'] },
  ),
  istiointernal: obj(
    'An istio-internal group: Istio direct-mode internal objects (EnvoyFilter, ServiceEntry, WasmPlugin) for some namespaces.',
    groupBase,
    { required: ['namespaceSelector'] },
  ),
};

const hostnameMatch = obj(
  'A hostname match (or, in older TSB, a plain hostname string).',
  {
    exact: str('Exact hostname.'),
    prefix: str('Hostname prefix.'),
    regex: str('Regular expression the hostname must match.'),
  },
  { oneofs: [['exact', 'prefix', 'regex']] },
);

const hostsReachability = obj(
  'Which gateway hostnames this workspace can reach. Omit to reach all; an empty list reaches none.',
  {
    hostnames: arr(
      { ...hostnameMatch, type: ['object', 'string'] },
      'Hostnames, as StringMatch objects (`exact`, `prefix`, `regex`) or, as in older TSB versions, plain strings.',
    ),
  },
  { required: ['hostnames'] },
);

const settingsCommon = {
  ...human,
  defaultSecuritySetting: use(
    SECURITY_SETTING_SPEC,
    'Default security settings for all proxies in scope (overridable below, subject to propagationStrategy).',
  ),
  defaultTrafficSetting: use(TRAFFIC_SETTING_SPEC, 'Default traffic settings for all proxies in scope.'),
};

const regionalFailover = () =>
  deprecated(
    arr(
      use(REGIONAL_FAILOVER, 'A from/to region pair.'),
      'Region-to-region failover for gateways in scope; needs outlier detection.',
    ),
    'Use failoverSettings instead (it takes precedence when both are set).',
  );

export const WORKSPACE_SETTING_SPEC = obj(
  'Default settings of a workspace (exactly one per workspace): east-west gateways, security and traffic defaults, failover.',
  {
    ...settingsCommon,
    defaultEastWestGatewaySettings: arr(
      use(EAST_WEST_GATEWAY, 'An east-west gateway and the services it exposes.'),
      "East-west gateways exposing this workspace's services to other clusters; if a service matches several, the first wins.",
    ),
    failoverSettings: use(FAILOVER_SETTINGS, 'Failover settings for clients of hosts exposed by this workspace.'),
    regionalFailover: regionalFailover(),
    hostsReachability,
  },
);

export const ORGANIZATION_SETTING_SPEC = obj('Default settings of an organization.', {
  ...settingsCommon,
  failoverSettings: use(FAILOVER_SETTINGS, 'Failover settings for clients of hosts exposed in this organization.'),
  regionalFailover: regionalFailover(),
  networkSettings: obj('Reachability between cluster networks.', {
    networkReachability: mapOf(
      'Network name → comma-separated networks it can reach, e.g. `tier1: tier2-a,tier2-b`. Clusters on the same network always reach each other.',
    ),
  }),
});

export const TENANT_SETTING_SPEC = obj('Default settings of a tenant.', settingsCommon);

const locality = obj('Where the cluster runs.', { region: str('Region of the cluster.') }, { required: ['region'] });

export const CLUSTER_SPEC = obj('A Kubernetes cluster onboarded into TSB.', {
  ...human,
  configGenerationMetadata: cgm(),
  tokenTtl: duration('Lifetime of the cluster service account token (default 1h), e.g. `87600h`.'),
  network: str(
    'Network of the cluster; clusters on the same network are assumed mutually reachable (see OrganizationSetting networkReachability).',
  ),
  tier1Cluster: deprecated(
    bool('Whether the cluster hosts only tier-1 gateways.'),
    'Tier-1 behaviour is now configured on the gateways; this flag is ignored by newer TSB.',
  ),
  trustDomain: str(
    'SPIFFE trust domain; unique per cluster and equal to the ControlPlane `components.istio.trustDomain`.',
  ),
  labels: mapOf('Cluster labels (used to select clusters, e.g. in ClusterDestination).'),
  locality: deprecated(locality, 'The region is now discovered by XCP edge.'),
  namespaceScope: obj('Whether same-named namespaces in different clusters are one logical namespace.', {
    scope: enumOf(
      ['GLOBAL', 'LOCAL'],
      "GLOBAL: same-named namespaces are one namespace; LOCAL: each cluster's namespace is distinct.",
    ),
    exceptions: strs('Namespaces with the opposite scope.'),
  }),
  namespaces: arr(
    free('A discovered namespace with its services (output only).'),
    'Output only: namespaces and services discovered in the cluster.',
  ),
  state: free('Output only: state reported by the cluster (versions, discovered locality, last sync time).'),
  serviceAccount: free('Output only: the service account of the cluster.'),
  installTemplate: free('Output only: the control-plane Helm values and install message.'),
});

export const TEAM_SPEC = obj('A team of users.', {
  ...human,
  members: strs('FQNs of the users and teams in the team, e.g. `organizations/<org>/users/<user>`.'),
  sourceType: str('Where the team comes from (e.g. MANUAL or LDAP).'),
});

export const SERVICE_ACCOUNT_SPEC = obj('A TSB service account (a machine identity, e.g. for CI/CD).', {
  ...human,
  keys: arr(
    free('A key pair of the service account (publicKey, privateKey, id, encoding...).'),
    'Key pairs of the service account.',
  ),
  keyEncoding: str('Encoding of generated keys (e.g. PEM, JWK).'),
});
