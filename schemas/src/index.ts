// The catalog: one entry per (kind, apiVersion family). See types.ts.
import { CONTROL_PLANE_SPEC } from './controlPlane';
import {
  GROUP_PARENTS,
  GROUP_SCOPED_PARENTS,
  GROUP_VERSION,
  INSTALL_VERSIONS,
  kind,
  TENANCY_VERSIONS,
} from './envelope';
import { extraEntries } from './extra';
import { EGRESS_GATEWAY_SPEC, INGRESS_GATEWAY_SPEC, TIER1_GATEWAY_SPEC } from './gateway';
import { GATEWAY_SPEC } from './gatewayUnified';
import { INSTALL_EGRESS_SPEC, INSTALL_GATEWAY_SPEC, INSTALL_INGRESS_SPEC, INSTALL_TIER1_SPEC } from './install';
import { SECURITY_SETTING_SPEC, SERVICE_SECURITY_SETTING_SPEC } from './security';
import {
  CLUSTER_SPEC,
  GROUP_SPEC,
  ORGANIZATION_SETTING_SPEC,
  ORGANIZATION_SPEC,
  SERVICE_ACCOUNT_SPEC,
  TEAM_SPEC,
  TENANT_SETTING_SPEC,
  TENANT_SPEC,
  WORKSPACE_SETTING_SPEC,
  WORKSPACE_SPEC,
} from './tenancy';
import { SERVICE_ROUTE_SPEC } from './serviceRoute';
import { SERVICE_TRAFFIC_SETTING_SPEC, TRAFFIC_SETTING_SPEC } from './traffic';
import { getDef } from './dsl';
import { completeFromFacts } from './facts';
import type { GroupType, SchemaEntry } from './types';

export type { SchemaEntry } from './types';

const tenancy = (id: string, k: string, parents: SchemaEntry['parents'], description: string, spec: object) =>
  kind({
    id,
    kind: k,
    apiVersions: TENANCY_VERSIONS,
    dialect: 'tsb',
    parents,
    description,
    spec: spec as Record<string, unknown>,
  });

const group = (g: GroupType, what: string) =>
  kind({
    id: `${g}-group`,
    kind: 'Group',
    apiVersions: [GROUP_VERSION[g]],
    dialect: 'tsb',
    parents: GROUP_PARENTS,
    groupType: g,
    description: `A ${what} group: a set of namespaces of a workspace that share ${what} configuration.`,
    spec: GROUP_SPEC[g],
  });

const scoped = (
  g: GroupType,
  id: string,
  k: string,
  description: string,
  spec: Record<string, unknown>,
  deprecated?: string,
) =>
  kind({
    id,
    kind: k,
    apiVersions: [GROUP_VERSION[g]],
    dialect: 'tsb',
    parents: GROUP_SCOPED_PARENTS,
    groupType: g,
    description,
    spec,
    deprecated,
  });

const install = (id: string, k: string, description: string, spec: Record<string, unknown>) =>
  kind({ id, kind: k, apiVersions: INSTALL_VERSIONS, dialect: 'install', parents: [], description, spec });

export const catalog: SchemaEntry[] = completeFromFacts([
  // Tenancy (tctl api.tsb.tetrate.io/v2 and GitOps tsb.tetrate.io/v2).
  tenancy('organization', 'Organization', [], 'The root of the TSB hierarchy.', ORGANIZATION_SPEC),
  tenancy('tenant', 'Tenant', ['organization'], 'A tenant of an organization: a group of workspaces.', TENANT_SPEC),
  tenancy(
    'cluster',
    'Cluster',
    ['organization'],
    'A Kubernetes cluster onboarded into the organization.',
    CLUSTER_SPEC,
  ),
  tenancy(
    'workspace',
    'Workspace',
    ['organization', 'tenant'],
    'A workspace: the namespaces, across clusters, that it owns exclusively.',
    WORKSPACE_SPEC,
  ),
  tenancy(
    'workspace-setting',
    'WorkspaceSetting',
    ['organization', 'tenant', 'workspace'],
    'Default settings of a workspace (one per workspace): east-west gateways, security and traffic defaults, failover.',
    WORKSPACE_SETTING_SPEC,
  ),
  tenancy(
    'organization-setting',
    'OrganizationSetting',
    ['organization'],
    'Default settings of an organization: network reachability, security and traffic defaults.',
    ORGANIZATION_SETTING_SPEC,
  ),
  tenancy(
    'tenant-setting',
    'TenantSetting',
    ['organization', 'tenant'],
    'Default security and traffic settings of a tenant.',
    TENANT_SETTING_SPEC,
  ),
  tenancy('team', 'Team', ['organization'], 'A team of users of the organization.', TEAM_SPEC),
  tenancy(
    'service-account',
    'ServiceAccount',
    ['organization'],
    'A TSB service account: a machine identity of the organization.',
    SERVICE_ACCOUNT_SPEC,
  ),

  // Groups.
  group('gateway', 'gateway'),
  group('traffic', 'traffic'),
  group('security', 'security'),
  group('istiointernal', 'istio-internal'),

  // Gateway configuration (gateway.tsb.tetrate.io/v2).
  scoped(
    'gateway',
    'gateway-ingress-gateway',
    'IngressGateway',
    'Configures an ingress (tier-2) gateway deployed by an install IngressGateway: HTTP, TCP and TLS passthrough servers.',
    INGRESS_GATEWAY_SPEC,
    'The IngressGateway configuration kind is deprecated in favour of the unified gateway.tsb.tetrate.io/v2 Gateway.',
  ),
  scoped(
    'gateway',
    'gateway-tier1-gateway',
    'Tier1Gateway',
    'Configures a tier-1 gateway that forwards traffic to tier-2 gateways in other clusters.',
    TIER1_GATEWAY_SPEC,
  ),
  scoped(
    'gateway',
    'gateway-egress-gateway',
    'EgressGateway',
    'Configures an egress gateway: which workloads may reach which external hosts.',
    EGRESS_GATEWAY_SPEC,
  ),
  scoped(
    'gateway',
    'gateway-gateway',
    'Gateway',
    'Configures a unified gateway (ingress, tier-1, egress or transit servers).',
    GATEWAY_SPEC,
  ),

  // Traffic (traffic.tsb.tetrate.io/v2).
  scoped(
    'traffic',
    'traffic-setting',
    'TrafficSetting',
    'Traffic settings (reachability, egress, resilience, rate limits) for the proxies of a traffic group.',
    getDef(TRAFFIC_SETTING_SPEC),
  ),
  scoped(
    'traffic',
    'service-route',
    'ServiceRoute',
    'Routing for one service: subsets (versions), weights and match rules.',
    SERVICE_ROUTE_SPEC,
  ),
  scoped(
    'traffic',
    'service-traffic-setting',
    'ServiceTrafficSetting',
    'Traffic settings for one service.',
    SERVICE_TRAFFIC_SETTING_SPEC,
  ),

  // Security (security.tsb.tetrate.io/v2).
  scoped(
    'security',
    'security-setting',
    'SecuritySetting',
    'Security settings (mTLS, authorization, extensions) for the proxies of a security group.',
    getDef(SECURITY_SETTING_SPEC),
  ),
  scoped(
    'security',
    'service-security-setting',
    'ServiceSecuritySetting',
    'Security settings for one service, optionally per subset.',
    SERVICE_SECURITY_SETTING_SPEC,
  ),

  // Install CRs (install.tetrate.io/v1alpha1).
  install(
    'install-ingress-gateway',
    'IngressGateway',
    'Deploys an ingress gateway (Deployment and Service named after the CR, pods labelled `app: <name>`) in the CR namespace.',
    INSTALL_INGRESS_SPEC,
  ),
  install(
    'install-tier1-gateway',
    'Tier1Gateway',
    'Deploys a tier-1 gateway (pods labelled `app: <name>`) in the CR namespace.',
    INSTALL_TIER1_SPEC,
  ),
  install(
    'install-egress-gateway',
    'EgressGateway',
    'Deploys an egress gateway (pods labelled `app: <name>`) in the CR namespace.',
    INSTALL_EGRESS_SPEC,
  ),
  install(
    'install-gateway',
    'Gateway',
    'Deploys a unified gateway (UNIFIED, INGRESS, EGRESS or EASTWEST; pods labelled `app: <name>`) in the CR namespace.',
    INSTALL_GATEWAY_SPEC,
  ),
  install(
    'install-control-plane',
    'ControlPlane',
    'Installs the TSB control plane in the cluster (conventionally `controlplane` in `istio-system`).',
    CONTROL_PLANE_SPEC,
  ),

  ...extraEntries,
]);
