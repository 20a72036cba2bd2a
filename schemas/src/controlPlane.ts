// install.tetrate.io/v1alpha1 ControlPlane. The same tree is the `spec:` of the
// control-plane Helm values. Components the TSB API reference does not expand keep their listed sub-fields
// with free objects where the shape is unknown.
import { GLOBAL_KUBE_SPEC, imagePullSecrets, ISTIO_KUBE_SPEC, KUBE_SPEC, logLevels } from './kube';
import {
  arr,
  bool,
  def,
  deprecated,
  duration,
  enumOf,
  free,
  int,
  mapOf,
  num,
  obj,
  port,
  str,
  strs,
  use,
  type S,
} from './dsl';

const kubeSpec = () =>
  use(KUBE_SPEC, 'Kubernetes settings of the component (Deployment, Service, ServiceAccount, overlays).');
const logLevel = () => str('Log level of the component (e.g. info, debug).');

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

const ISTIO = obj('Istio control plane settings.', {
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

const MESH_EXPANSION = def(
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

const XCP = obj('XCP edge settings (the agent connecting this cluster to the management plane).', {
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

const component = (what: string, extra: Record<string, S> = {}) =>
  obj(`${what} component.`, { kubeSpec: kubeSpec(), ...extra });

const COMPONENTS = obj('Settings of the individual control-plane components.', {
  defaultKubeSpec: GLOBAL_KUBE_SPEC,
  defaultLogLevel: str('Default log level of all components.'),
  xcp: XCP,
  istio: ISTIO,
  gitops: obj('GitOps: push Kubernetes TSB CRs from this cluster to the management plane.', {
    enabled: bool('Enable GitOps.'),
    pushMode: enumOf(['SYNC', 'ASYNC'], 'Push changes synchronously (webhook) or asynchronously.'),
    reconcileInterval: duration('How often all objects are re-synced.'),
    batchWindow: duration('Window used to batch changes.'),
    webhookTimeout: duration('Timeout of the admission webhook (0s-30s, default 30s).'),
    managementplaneRequestTimeout: duration('Timeout of requests to the management plane.'),
    reconcileRequestTimeout: duration('Timeout of reconcile requests.'),
  }),
  oap: component('OAP (observability analysis)', {
    logLevel: logLevel(),
    onDemandEnvoyMetricsEnabled: bool('Enable on-demand Envoy metrics.'),
    storageIndexMergingEnabled: bool('Merge storage indices.'),
    streamingLogEnabled: bool('Enable streaming logs.'),
  }),
  collector: component('OpenTelemetry collector', {
    logLevel: logLevel(),
    envoyMetricScrapingSelectors: arr(
      obj('Which Envoys to scrape.', {
        namespace: str('Namespace.'),
        // Unlike the TSB WorkloadSelector, the collector's selector makes both fields optional.
        workloadSelector: obj('Workloads whose Envoys are scraped.', {
          namespace: str('Namespace of the workloads.'),
          labels: mapOf('Pod labels of the workloads.'),
        }),
      }),
      'Envoy metric scraping selectors.',
    ),
    metrics: obj('Metric settings.', {
      disableDefaultExclusions: bool('Disable the default exclusions.'),
      exclusions: arr(
        obj('A metric excluded from collection.', {
          metric: obj(
            'Which metric names match.',
            { exact: str('Exact metric name.'), regex: str('RE2 regular expression on the metric name.') },
            { oneofs: [['exact', 'regex']] },
          ),
        }),
        'Excluded metrics.',
      ),
    }),
  }),
  satellite: component('Satellite', { enabled: bool('Enable satellite.'), logLevel: logLevel() }),
  ngac: component('NGAC', { enabled: bool('Enable NGAC.'), logLevels: logLevels('NGAC') }),
  hpaAdapter: component('HPA adapter', { enabled: bool('Enable the HPA adapter.') }),
  wasmfetcher: component('Wasm fetcher', {
    logLevels: logLevels('Wasm fetcher'),
    cacheDisableInsecureRegistries: bool('Refuse insecure registries.'),
    cacheExpiration: duration('Cache entry lifetime.'),
    cacheMaxRetries: int('Maximum fetch retries.'),
    cachePurgeInterval: duration('Cache purge interval.'),
    cacheRequestTimeout: duration('Fetch timeout.'),
  }),
  rateLimitServer: component('Rate limit server', {
    domain: str('Rate limit domain.'),
    backend: obj(
      'Backend store of the counters.',
      { redis: free('Redis backend (`uri`: host:port).') },
      { required: ['redis'] },
    ),
  }),
  internalCertProvider: obj(
    'Who issues internal certificates: cert-manager, a custom signer or TSB (one of them).',
    {
      certManager: obj('cert-manager.', {
        managed: enumOf(
          ['AUTO', 'EXTERNAL', 'INTERNAL'],
          'INTERNAL: TSB installs cert-manager; EXTERNAL: use an existing one; AUTO: detect.',
        ),
        certManagerSpec: free('Kubernetes settings of cert-manager.'),
        certManagerWebhookSpec: free('Kubernetes settings of the cert-manager webhook.'),
        certManagerCaInjector: free('Kubernetes settings of the CA injector.'),
        certManagerStartupapicheck: free('Kubernetes settings of the startup API check.'),
      }),
      custom: obj('A custom Kubernetes CSR signer.', {
        caBundleSecretName: str('Secret with the CA bundle.'),
        csrSignerName: str('CSR signer name.'),
      }),
      tsbManaged: obj('Certificates managed by TSB.', {}),
    },
    { oneofs: [['certManager', 'custom', 'tsbManaged']] },
  ),
  onboarding: obj('VM onboarding components.', {
    operator: obj('Onboarding operator.', { kubeSpec: kubeSpec(), logLevels: logLevels('operator') }),
    plane: obj('Onboarding plane.', { instance: free('Onboarding plane instance settings.') }),
    repository: obj('Onboarding repository.', { kubeSpec: kubeSpec() }),
  }),
  awsController: component('AWS controller'),
  route53Controller: component('Route 53 controller'),
  spmAgent: component('SPM agent', {
    enabled: bool('Enable the agent.'),
    disableMultiProtocolAnalysis: bool('Disable multi-protocol analysis.'),
    hostPath: str('Host path used by the agent.'),
    logLevel: logLevel(),
    priority: obj('Priority.', { enabled: bool('Enable priority.'), value: int('Priority value.') }),
  }),
});

export const CONTROL_PLANE_SPEC = obj(
  'Installs the TSB control plane in this cluster (the same tree is the `spec:` of the control-plane Helm values).',
  {
    hub: str('Container registry of the TSB images, e.g. `docker.io/tetrate`.'),
    managementPlane: obj(
      'How to reach the management plane.',
      {
        host: str('Management plane host name or IP.'),
        port: port('Management plane port.'),
        clusterName: str('Name of the Cluster object created in the management plane for this cluster.'),
        selfSigned: bool('The management plane uses a self-signed certificate.'),
        tenant: deprecated(
          str('Tenant of the cluster (older TSB releases).'),
          'Clusters belong to the organization; remove this field.',
        ),
      },
      { required: ['host', 'port', 'clusterName'] },
    ),
    telemetryStore: obj(
      'Where telemetry is stored: Elasticsearch or BanyanDB (one of them).',
      {
        elastic: obj(
          'Elasticsearch.',
          {
            host: str('Host.'),
            port: port('Port.'),
            protocol: enumOf(['https', 'http'], 'Protocol.'),
            selfSigned: bool('Self-signed certificate.'),
            clientCertAuth: bool('Authenticate with a client certificate.'),
            indexPrefix: str('Index prefix.'),
            version: int('Elasticsearch major version.'),
          },
          { required: ['host', 'port'] },
        ),
        banyandb: obj('BanyanDB.', { host: str('Host.'), port: port('Port.') }, { required: ['host', 'port'] }),
        retentionPeriodDays: int('Retention of telemetry in days.'),
        tracesRetentionPeriodDays: int('Retention of traces in days.'),
      },
      { oneofs: [['elastic', 'banyandb']] },
    ),
    components: COMPONENTS,
    imagePullSecrets: imagePullSecrets(),
    meshExpansion: use(MESH_EXPANSION, 'VM onboarding (mesh expansion) settings.'),
    meshObservability: obj(
      'Mesh observability settings (`settings` or `demoSettings`).',
      {
        settings: obj('Settings.', { apiEndpointMetricsEnabled: bool('Collect per-API-endpoint metrics.') }),
        demoSettings: obj('Demo settings.', { apiEndpointMetricsEnabled: bool('Collect per-API-endpoint metrics.') }),
      },
      { oneofs: [['demoSettings', 'settings']] },
    ),
    mode: enumOf(['UNSET', 'CONTROL', 'OBSERVE'], 'CONTROL (default) configures the mesh; OBSERVE only observes it.'),
    providerSettings: obj('Cloud provider integrations.', {
      aws: obj(
        'AWS.',
        { serviceAccountName: str('Service account with AWS permissions.') },
        { required: ['serviceAccountName'] },
      ),
      eks: obj('EKS.', { useNlbByDefault: bool('Use Network Load Balancers by default.') }),
      lattice: obj('VPC Lattice.', { enabled: bool('Enable the integration.') }),
      route53: obj(
        'Route 53.',
        {
          serviceAccountName: str('Service account with Route 53 permissions.'),
          enabled: bool('Enable the integration.'),
          domainFilter: strs('Domains managed.'),
          evaluateTargetHealth: bool('Evaluate target health.'),
          filterSettings: free(
            'Zone filters (annotationFilter, excludeDomain, labelFilter, zoneIdFilter, zoneTagFilter, zoneType).',
          ),
          interval: duration('Sync interval.'),
          namespaceSelector: free('Namespaces watched (namespace, ignoreNamespaces).'),
          policy: enumOf(['SYNC', 'UPSERT_ONLY', 'CREATE_ONLY'], 'Record update policy.'),
          ttl: int('Record TTL in seconds.'),
        },
        { required: ['serviceAccountName'] },
      ),
    }),
    tier1Cluster: deprecated(
      bool('Whether this is a tier-1 cluster.'),
      'Set tier1Cluster on the Cluster object instead.',
    ),
  },
  { required: ['hub', 'managementPlane', 'telemetryStore'] },
);
