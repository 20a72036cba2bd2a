// The mesh parts of the ControlPlane components: Istio (sidecar and ambient), XCP edge and VM onboarding
// (mesh expansion), with the small field helpers the other components share.
import { ISTIO_KUBE_SPEC, KUBE_SPEC, logLevels } from './kube';
import { arr, bool, def, deprecated, duration, enumOf, free, mapOf, num, obj, port, str, strs, use } from './dsl';

export const kubeSpec = () =>
  use(KUBE_SPEC, 'Kubernetes settings of the component (Deployment, Service, ServiceAccount, overlays).');
export const logLevel = () => str('Log level of the component (e.g. info, debug).');

const istioCommon = {
  kubeSpec: use(
    ISTIO_KUBE_SPEC,
    'Kubernetes settings of Istio (istiod, operator, CNI, overlays on the IstioOperator).',
  ),
  logLevels: logLevels('Istio'),
  defaultWorkloadCertTTL: duration('Default lifetime of workload certificates.'),
  maxWorkloadCertTTL: duration('Maximum lifetime of workload certificates.'),
  mountInternalWasmExtensions: bool('Mount the internal Wasm extensions into the proxies.'),
  traceSamplingRate: num('Trace sampling rate in percent (0-100).'),
  trustDomain: str(
    "SPIFFE trust domain of the cluster; unique per cluster and equal to the Cluster object's `trustDomain` (derived from the cluster name when omitted).",
  ),
  tsbVersion: str('TSB version of the Istio images.'),
};

const waypointConfig = obj('Waypoint proxy settings.', {
  enable: bool('Deploy waypoint proxies.'),
  revision: str('Istio revision of the waypoints.'),
  labels: mapOf('Labels of the waypoints.'),
  annotations: mapOf('Annotations of the waypoints.'),
  disableLabelManagement: bool('Do not manage waypoint labels on namespaces.'),
  overlays: free('Overlays applied to the waypoint objects (free-form).'),
  resources: free('Kubernetes resource requirements (limits, requests).'),
  tolerations: mapOf('Tolerations of the waypoints.'),
});

export const ISTIO = obj('Istio control plane settings.', {
  ...istioCommon,
  ambient: obj('Istio ambient mode.', {
    enable: bool('Enable ambient mode.'),
    revision: str('Istio revision of ambient components.'),
    ztunnelRevision: str('Istio revision of ztunnel.'),
    waypoints: obj('Waypoint proxies.', {
      clusterLevel: waypointConfig,
      namespaceLevel: arr(
        obj(
          'Waypoint settings for some namespaces.',
          {
            name: str('Namespace name.'),
            selector: obj('Namespace label selector.', { labels: mapOf('Namespace labels.') }),
            config: waypointConfig,
          },
          { oneofs: [['name', 'selector']] },
        ),
        'Per-namespace waypoint settings.',
      ),
    }),
  }),
});

const endpoint = (withDns: boolean) =>
  obj(
    'Endpoint of the service (hostnames and certificate secret).',
    {
      hosts: strs('Hostnames of the endpoint.'),
      secretName: str('Secret with the TLS certificate of the endpoint.'),
      ...(withDns ? { hasNoDnsRecord: bool('The hosts have no DNS record.') } : {}),
    },
    { required: ['hosts', 'secretName'] },
  );

const planeKube = () => obj('Plane component.', { kubeSpec: kubeSpec(), logLevels: logLevels('component') });

export const MESH_EXPANSION = def(
  'MeshExpansionSettings',
  obj('VM onboarding (mesh expansion) settings.', {
    customGateway: obj(
      'A custom gateway VMs connect through.',
      {
        host: str('Gateway host.'),
        port: port('Gateway port.'),
      },
      { required: ['host', 'port'] },
    ),
    onboarding: obj(
      'The workload onboarding plane.',
      {
        endpoint: endpoint(false),
        localRepository: obj('Serve onboarding artifacts from a local repository.', {}),
        tokenIssuer: obj('Token issuer for onboarded workloads.', {
          jwt: obj('JWT token issuer.', { expiration: duration('Token lifetime.') }),
        }),
        uid: str('Unique id of the onboarding plane.'),
        workloads: obj('Workload settings.', {
          authentication: obj('How workloads authenticate.', {
            jwt: obj('JWT authentication.', {
              issuers: arr(
                obj(
                  'A trusted JWT issuer.',
                  {
                    issuer: str('Issuer (`iss`).'),
                    shortName: str('Short name of the issuer.'),
                    jwksUri: str('URL of the key set.'),
                    jwks: str('Inline key set.'),
                    tokenFields: obj('Token fields.', {
                      attributes: obj(
                        'Attributes field.',
                        { jsonPath: str('JSON path of the attributes in the token.') },
                        { required: ['jsonPath'] },
                      ),
                    }),
                  },
                  { required: ['issuer', 'shortName'], oneofs: [['jwksUri', 'jwks']] },
                ),
                'Trusted issuers.',
              ),
            }),
          }),
          deregistration: obj('Deregistration.', {
            propagationDelay: duration('Delay before deregistration propagates.'),
          }),
        }),
      },
      { required: ['endpoint'] },
    ),
    hostManagement: obj(
      'Host management.',
      {
        enabled: bool('Enable host management.'),
        endpoint: endpoint(true),
        agent: obj('Agent.', { version: str('Agent version.') }),
        plane: planeKube(),
        repository: obj('Repository.', { kubeSpec: kubeSpec() }),
      },
      { required: ['endpoint'] },
    ),
    serviceObservability: obj('Service observability for VMs.', {
      enabled: bool('Enable service observability.'),
      domains: strs('Domains observed.'),
      agent: obj('Agent.', { version: str('Agent version.') }),
      serviceDiscovery: obj('Service discovery.', {
        agent: obj('Agent.', { version: str('Agent version.') }),
        plane: planeKube(),
      }),
    }),
  }),
);

export const XCP = obj('XCP edge settings (the agent connecting this cluster to the management plane).', {
  kubeSpec: use(
    KUBE_SPEC,
    'Kubernetes settings of XCP edge. Its `overlays` patch the rendered `EdgeXcp` object (install.xcp.tetrate.io/v1alpha1, name edge-xcp), e.g. to add ENABLE_DNS_RESOLUTION_AT_EDGE.',
  ),
  logLevels: logLevels('XCP'),
  centralAuthMode: enumOf(
    ['UNKNOWN', 'MUTUAL_TLS', 'JWT'],
    'How edge authenticates to XCP central (mutual TLS when unset).',
  ),
  centralProvidedCaCert: bool('Use the CA certificate provided by XCP central.'),
  configProtection: obj('Protect XCP-generated configuration from edits.', {
    enableAuthorizedUpdateDeleteOnXcpConfigs: bool('Only authorized users may update/delete XCP configs.'),
    enableAuthorizedCreateUpdateDeleteOnXcpConfigs: bool('Only authorized users may create/update/delete XCP configs.'),
    authorizedUsers: strs('Users allowed to change XCP configs.'),
  }),
  deleteDirectModeTranslatedResources: bool('Delete resources translated from direct mode.'),
  enableHttpMeshInternalIdentityPropagation: bool('Propagate mesh-internal identity over HTTP.'),
  enableJwtAuthenticationRequireJwtTokenSetting: bool('Allow `requireJwt` in authentication settings.'),
  enableReducedDirectModeResources: bool('Generate fewer resources in direct mode.'),
  sharedGatewayEnabled: bool('Enable shared gateways.'),
  remoteDiagnostic: obj('Remote diagnostics.', { enabled: bool('Enable remote diagnostics.') }),
  revision: deprecated(str('Istio revision of XCP edge.'), 'Use isolationBoundaries revisions instead.'),
  isolationBoundaries: arr(
    obj(
      'An isolation boundary: a set of Istio revisions; workspaces pick one with `isolationBoundary`.',
      {
        name: str('Boundary name (workspaces default to `global`).'),
        revisions: arr(
          obj(
            'An Istio revision.',
            {
              name: str('Revision name, unique across the cluster.'),
              istio: obj('Istio settings of this revision.', {
                ...istioCommon,
                ambient: obj('Ambient mode.', { enable: bool('Enable ambient mode.') }),
              }),
              disable: bool('Disable this revision.'),
              gatewayReconciliation: obj('Gateway reconciliation.', {
                enabled: bool('Reconcile gateways with this revision.'),
                namespaceOverrides: arr(
                  obj('Per-namespace override.', {
                    namespace: str('Namespace.'),
                    enabled: bool('Reconcile gateways in this namespace.'),
                  }),
                  'Per-namespace overrides.',
                ),
              }),
            },
            { required: ['name', 'istio'] },
          ),
          'Istio revisions of the boundary.',
        ),
        meshExpansion: use(MESH_EXPANSION, 'VM onboarding settings of the boundary.'),
      },
      { required: ['name', 'revisions'] },
    ),
    'Isolation boundaries (revisioned control planes).',
  ),
});
