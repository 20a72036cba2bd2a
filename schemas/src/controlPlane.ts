// install.tetrate.io/v1alpha1 ControlPlane. The same tree is the `spec:` of the
// control-plane Helm values. Components the TSB API reference does not expand keep their listed sub-fields
// with free objects where the shape is unknown.
import { GLOBAL_KUBE_SPEC, imagePullSecrets, logLevels } from './kube';
import { arr, bool, deprecated, duration, enumOf, free, int, mapOf, obj, port, str, strs, use, type S } from './dsl';
import { ISTIO, kubeSpec, logLevel, MESH_EXPANSION, XCP } from './controlPlaneMesh';

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
