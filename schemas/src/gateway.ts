// gateway.tsb.tetrate.io/v2 configuration: IngressGateway, Tier1Gateway, EgressGateway, Gateway
// (unified) and the EastWestGateway entries of WorkspaceSetting.
import {
  CLIENT_TLS,
  CLUSTER_DESTINATION,
  CONFIG_GEN_META,
  FAILOVER_SETTINGS,
  human,
  SERVER_TLS,
  SERVICE_SELECTOR,
  STRING_MATCH,
  WAF,
  WASM_ATTACHMENT,
  WORKLOAD_SELECTOR,
} from './common';
import { AUTHENTICATION, AUTHORIZATION, AUTHORIZATION_SETTINGS } from './security';
import { HEADER_MATCH, RATE_LIMITING } from './traffic';
import {
  anyValue,
  arr,
  bool,
  def,
  deprecated,
  duration,
  enumOf,
  int,
  mapOf,
  obj,
  port,
  serverPort,
  str,
  strs,
  use,
} from './dsl';

const NS_FQDN = {
  pattern: '^[^/]+/[^/]+$',
  patternErrorMessage: 'Use `<namespace>/<fqdn>`, e.g. `bookinfo/productpage.bookinfo.svc.cluster.local`.',
};

export const EAST_WEST_GATEWAY = def(
  'EastWestGateway',
  obj(
    "An east-west gateway that exposes this workspace's services to other clusters (the prerequisite for cross-cluster failover).",
    {
      workloadSelector: use(
        WORKLOAD_SELECTOR,
        'The east-west gateway pods: the namespace of the gateway install CR and its pod labels (normally `app: <install CR name>`).',
      ),
      exposedServices: arr(
        use(SERVICE_SELECTOR, 'Services with these Kubernetes Service labels.'),
        'Services exposed through this gateway (entries are OR-ed). Omit to expose every service of the workspace.',
      ),
      configGenerationMetadata: use(
        CONFIG_GEN_META,
        'Labels/annotations for generated Istio objects (gRPC users only).',
      ),
    },
    {
      required: ['workloadSelector'],
      extra: {
        defaultSnippets: [
          {
            label: 'east-west gateway',
            body: {
              workloadSelector: { namespace: '${1:eastwest}', labels: { app: '${2:eastwest-gateway}' } },
              exposedServices: [{ serviceLabels: { app: '${3:details}' } }],
            },
          },
        ],
      },
    },
  ),
);

const HEADER_OPS = def(
  'HeaderOperations',
  obj('Header operations.', {
    add: mapOf('Headers appended.'),
    set: mapOf('Headers set (overwritten).'),
    remove: strs('Headers removed.'),
  }),
);

const HTTP_MATCH = def(
  'HttpMatchCondition',
  obj('A request match (conditions inside one entry are AND-ed).', {
    uri: use(STRING_MATCH, 'URI match.'),
    headers: {
      type: 'object',
      additionalProperties: use(HEADER_MATCH, 'Match for this header.'),
      description: 'Header matches (all must match).',
    },
  }),
);

const MODIFY = def(
  'HttpModifyAction',
  obj('Changes made to the request before forwarding.', {
    rewrite: obj('Rewrite the URI or authority.', {
      uri: str('New URI (prefix).'),
      authority: str('New authority (Host header).'),
    }),
    headers: obj('Add, set or remove headers.', {
      request: use(HEADER_OPS, 'Request header operations.'),
      response: use(HEADER_OPS, 'Response header operations.'),
    }),
  }),
);

const REDIRECT = def(
  'Redirect',
  obj('Redirect the client.', {
    uri: str('New URI.'),
    authority: str('New authority (host).'),
    port: port('New port.'),
    scheme: str('New scheme (http or https).'),
    redirectCode: int('HTTP status code (default 301).'),
  }),
);

const DIRECT_RESPONSE = def(
  'HTTPDirectResponse',
  obj(
    'Return a fixed response.',
    {
      status: int('HTTP status code.'),
      body: obj(
        'Response body (`string` or `bytes`).',
        {
          string: str('Body as text.'),
          bytes: str('Body as base64-encoded bytes.'),
        },
        { oneofs: [['string', 'bytes']] },
      ),
    },
    { required: ['status'] },
  ),
);

const CORS = def(
  'CorsPolicy',
  obj('Cross-origin resource sharing policy.', {
    allowOrigin: strs('Allowed origins (`*` allows all).'),
    allowMethods: strs('Allowed methods.'),
    allowHeaders: strs('Allowed request headers.'),
    exposeHeaders: strs('Headers browsers may read.'),
    maxAge: duration('How long preflight results may be cached.'),
    allowCredentials: bool('Whether credentials are allowed.'),
  }),
);

const ROUTE = obj(
  'Forward to a service.',
  {
    host: str('Destination as `<namespace>/<fqdn>`, e.g. `bookinfo/productpage.bookinfo.svc.cluster.local`.', NS_FQDN),
    port: port('Destination port; may be omitted only if the service has a single port.'),
  },
  { required: ['host'] },
);

const RULE_ALTERNATIVES = ['route', 'redirect', 'directResponse'];

const oldAuthn = obj('Legacy authentication block.', {
  jwt: obj(
    'JWT authentication.',
    {
      issuer: str('Token issuer.'),
      audiences: strs('Accepted audiences.'),
      jwksUri: str('URL of the key set.'),
      jwks: str('Inline key set.'),
    },
    { required: ['issuer'], oneofs: [['jwksUri', 'jwks']] },
  ),
});

const serverCommon = (what: string) => ({
  name: str(`Name of the ${what}, unique across all servers of the gateway (visible in metrics).`, { minLength: 1 }),
  hostname: str('Hostname clients use; must be unique across the gateways of a cluster for multi-cluster routing.', {
    minLength: 1,
  }),
});

const INGRESS_HTTP = obj(
  'An HTTP(S) server.',
  {
    ...serverCommon('server'),
    port: serverPort('Port the server listens on (not 15443, which TSB reserves).'),
    tls: use(SERVER_TLS, 'TLS settings; omit for plain HTTP.'),
    routing: obj(
      'Routing rules.',
      {
        rules: arr(
          obj(
            'A routing rule: match conditions and exactly one of route, redirect or directResponse.',
            {
              match: arr(use(HTTP_MATCH, 'A match condition.'), 'Match conditions (OR-ed); all requests when empty.'),
              modify: use(MODIFY, 'Changes made before forwarding.'),
              route: ROUTE,
              redirect: use(REDIRECT, 'Redirect the client.'),
              directResponse: use(DIRECT_RESPONSE, 'Return a fixed response.'),
            },
            { exactlyOne: [RULE_ALTERNATIVES] },
          ),
          'Routing rules, evaluated in order.',
          { minItems: 1 },
        ),
        corsPolicy: use(CORS, 'CORS policy for all routes.'),
      },
      { required: ['rules'] },
    ),
    authentication: use(AUTHENTICATION, 'End-user authentication (use with TLS).'),
    authorization: use(AUTHORIZATION, 'End-user authorization (use with TLS).'),
    rateLimiting: use(RATE_LIMITING, 'Rate limiting for this server.'),
    xxxOldAuthentication: deprecated(oldAuthn, 'Use authentication instead.'),
    xxxOldAuthorization: deprecated(use(AUTHORIZATION, 'Legacy authorization block.'), 'Use authorization instead.'),
  },
  { required: ['name', 'hostname', 'port', 'routing'] },
);

const gatewayBase = {
  ...human,
  configGenerationMetadata: use(CONFIG_GEN_META, 'Labels/annotations for generated Istio objects (gRPC users only).'),
  workloadSelector: use(
    WORKLOAD_SELECTOR,
    'The gateway pods this configuration applies to: the namespace of the gateway install CR and its pod labels (normally `app: <install CR name>`).',
  ),
  extension: arr(use(WASM_ATTACHMENT, 'A WasmExtension attachment.'), 'WasmExtensions applied to the gateway.'),
  waf: use(WAF, 'Web application firewall settings (alpha).'),
};

export const INGRESS_GATEWAY_SPEC = obj(
  'Configuration of an ingress (tier-2) gateway: HTTP, TCP and TLS passthrough servers.',
  {
    ...gatewayBase,
    http: arr(INGRESS_HTTP, 'HTTP(S) servers.'),
    tcp: arr(
      obj(
        'A TCP server.',
        {
          ...serverCommon('server'),
          port: serverPort('Port the server listens on (not 15443).'),
          tls: use(SERVER_TLS, 'TLS settings; omit for plain TCP.'),
          route: ROUTE,
        },
        { required: ['name', 'hostname', 'port'] },
      ),
      'TCP servers.',
    ),
    tlsPassthrough: arr(
      obj(
        'A TLS passthrough server (routes by SNI without terminating TLS).',
        {
          ...serverCommon('server'),
          port: serverPort('Port the server listens on (not 15443).'),
          route: ROUTE,
        },
        { required: ['name', 'hostname', 'port', 'route'] },
      ),
      'TLS passthrough servers.',
    ),
  },
  { required: ['workloadSelector'] },
);

const clusters = () =>
  arr(use(CLUSTER_DESTINATION, 'A cluster.'), 'Clusters whose tier-2 gateways receive the traffic.');

export const TIER1_GATEWAY_SPEC = obj(
  'Configuration of a tier-1 gateway that forwards to tier-2 gateways in other clusters over mTLS (15443).',
  {
    ...gatewayBase,
    externalServers: arr(
      obj(
        'A server that terminates TLS and forwards to the tier-2 gateways of `clusters`.',
        {
          ...serverCommon('server'),
          port: serverPort('Port the server listens on (not 15443).'),
          tls: use(SERVER_TLS, 'TLS settings.'),
          clusters: clusters(),
          redirect: use(REDIRECT, 'Redirect instead of forwarding.'),
          authentication: use(AUTHENTICATION, 'End-user authentication.'),
          authorization: use(AUTHORIZATION, 'End-user authorization.'),
          rateLimiting: use(RATE_LIMITING, 'Rate limiting.'),
        },
        { required: ['name', 'hostname', 'port'] },
      ),
      'Servers exposed outside the mesh.',
    ),
    passthroughServers: arr(
      obj(
        'A server that forwards by SNI without terminating TLS.',
        {
          ...serverCommon('server'),
          port: serverPort('Port the server listens on (not 15443).'),
          clusters: clusters(),
        },
        { required: ['name', 'hostname', 'port'] },
      ),
      'TLS passthrough servers.',
    ),
    internalServers: arr(
      obj(
        'A server exposing a host inside the mesh.',
        {
          ...serverCommon('server'),
          clusters: clusters(),
          authentication: use(AUTHENTICATION, 'End-user authentication.'),
          authorization: use(AUTHORIZATION, 'End-user authorization.'),
        },
        { required: ['name', 'hostname'] },
      ),
      'Servers exposed inside the mesh.',
    ),
    tcpExternalServers: arr(
      obj(
        'A TCP server exposed outside the mesh.',
        {
          ...serverCommon('server'),
          port: serverPort('Port the server listens on (not 15443).'),
          tls: use(SERVER_TLS, 'TLS settings.'),
          clusters: clusters(),
        },
        { required: ['name', 'hostname', 'port'] },
      ),
      'TCP servers exposed outside the mesh.',
    ),
    tcpInternalServers: arr(
      obj(
        'A TCP server exposed inside the mesh.',
        {
          ...serverCommon('server'),
          clusters: clusters(),
        },
        { required: ['name', 'hostname'] },
      ),
      'TCP servers exposed inside the mesh.',
    ),
  },
  { required: ['workloadSelector'] },
);

const { waf: _egressWaf, ...egressBase } = gatewayBase;

export const EGRESS_GATEWAY_SPEC = obj(
  'Configuration of an egress gateway: which workloads may reach which external hosts.',
  {
    ...egressBase,
    authorization: arr(
      obj(
        'Allow some workloads to reach some hosts.',
        {
          from: use(AUTHORIZATION_SETTINGS, 'Workloads allowed (service accounts as `<namespace>/<sa>`).'),
          to: strs('External hostnames (`*` = any).'),
        },
        { required: ['to'] },
      ),
      'Egress authorization; an empty list denies all egress traffic.',
    ),
  },
  { required: ['workloadSelector'] },
);

// ---- unified Gateway ---------------------------------------------------------------------------

const ROUTE_TO = def(
  'RouteTo',
  obj(
    'Where traffic goes: a service, or the gateways of some clusters (one of them).',
    {
      serviceDestination: obj(
        'Forward to a service.',
        {
          host: str('Destination as `<namespace>/<fqdn>`.', NS_FQDN),
          port: port('Destination port.'),
          tls: use(CLIENT_TLS, 'TLS settings towards the service.'),
        },
        { required: ['host'] },
      ),
      clusterDestination: obj('Forward to the gateways of some clusters (tier-1 behaviour).', {
        clusters: arr(
          use(CLUSTER_DESTINATION, 'A cluster.'),
          'Clusters; an empty list means any cluster exposing the host.',
        ),
      }),
    },
    { oneofs: [['clusterDestination', 'serviceDestination']] },
  ),
);

const pluginConfig = (alts: string[]) => {
  const props: Record<string, ReturnType<typeof str>> = {
    inline: anyValue('Inline plugin configuration (any YAML).'),
    secret: str('Kubernetes secret with the plugin configuration.'),
    configMap: str('ConfigMap with the plugin configuration.'),
  };
  return obj('Plugin configuration source.', Object.fromEntries(alts.map((a) => [a, props[a]])), { oneofs: [alts] });
};

const EXTENSIONS = def(
  'Extensions',
  obj('Gateway extensions (Composer or Kong plugins).', {
    composer: obj('Tetrate Composer plugins (Lua/Go).', {
      plugins: arr(
        obj(
          'A plugin.',
          {
            name: str('Plugin name.'),
            url: str('Plugin location.'),
            priority: int('Execution priority.'),
            config: pluginConfig(['inline', 'secret', 'configMap']),
          },
          { required: ['name'] },
        ),
        'Plugins.',
      ),
    }),
    kong: obj('Kong plugins.', {
      plugins: arr(
        obj(
          'A plugin.',
          {
            name: str('Plugin name.'),
            priority: int('Execution priority.'),
            config: pluginConfig(['inline', 'secret']),
            pluginSource: obj(
              'Where the plugin code is.',
              { configMap: str('ConfigMap with the plugin code.') },
              { required: ['configMap'] },
            ),
          },
          { required: ['name'] },
        ),
        'Plugins.',
      ),
    }),
  }),
);

const TRAFFIC_MODE = enumOf(
  ['AUTO', 'INGRESS', 'EGRESS', 'TRANSIT'],
  'How the server handles traffic (auto-detected when unset). A TRANSIT server must not set `tls` or `port`.',
);
const TRANSIT = deprecated(
  bool('Expose the server inside the mesh only (transit between clusters).'),
  'Use trafficMode: TRANSIT instead.',
);

// The unified Gateway attaches WasmExtensions with `wasmPlugins`; it has no `extension` field.
const { extension: _unifiedExtension, ...unifiedBase } = gatewayBase;

export const GATEWAY_SPEC = obj(
  'Configuration of a unified gateway (ingress, tier-1, egress or transit); the recommended replacement for IngressGateway and Tier1Gateway.',
  {
    ...unifiedBase,
    wasmPlugins: arr(use(WASM_ATTACHMENT, 'A WasmExtension attachment.'), 'WasmExtensions applied to the gateway.'),
    http: arr(
      obj(
        'An HTTP(S) server.',
        {
          ...serverCommon('server'),
          port: serverPort('Port on the gateway pod (e.g. 8443 or 443); not 15443.'),
          tls: use(SERVER_TLS, 'TLS settings; omit for plain HTTP.'),
          routing: obj(
            'Routing rules.',
            {
              rules: arr(
                obj(
                  'A routing rule: match conditions and exactly one of route, redirect or directResponse.',
                  {
                    match: arr(use(HTTP_MATCH, 'A match condition.'), 'Match conditions (OR-ed).'),
                    modify: use(MODIFY, 'Changes made before forwarding.'),
                    route: use(ROUTE_TO, 'Forward the request.'),
                    redirect: use(REDIRECT, 'Redirect the client.'),
                    directResponse: use(DIRECT_RESPONSE, 'Return a fixed response.'),
                    corsPolicy: use(CORS, 'CORS policy for this route (overrides the server one).'),
                    timeout: duration('Request timeout for this route.'),
                    disableExternalAuthorization: bool('Skip external authorization on this route.'),
                    extensions: use(EXTENSIONS, 'Extensions for this route.'),
                  },
                  { exactlyOne: [RULE_ALTERNATIVES] },
                ),
                'Routing rules, evaluated in order.',
                { minItems: 1 },
              ),
              corsPolicy: use(CORS, 'CORS policy for all routes.'),
            },
            { required: ['rules'] },
          ),
          authentication: use(AUTHENTICATION, 'End-user authentication.'),
          authorization: use(AUTHORIZATION, 'End-user authorization.'),
          rateLimiting: use(RATE_LIMITING, 'Rate limiting.'),
          extensions: use(EXTENSIONS, 'Extensions for this hostname.'),
          failoverSettings: use(FAILOVER_SETTINGS, 'Failover settings for clients of this host.'),
          openapi: obj('OpenAPI request validation.', {
            validation: obj('Validation settings.', {
              enabled: bool('Validate requests against the OpenAPI spec.'),
              pathPrefix: str('Path prefix of the API.'),
            }),
          }),
          trafficMode: TRAFFIC_MODE,
          transit: TRANSIT,
        },
        { required: ['name', 'hostname', 'routing'] },
      ),
      'HTTP(S) servers.',
    ),
    tcp: arr(
      obj(
        'A TCP server.',
        {
          ...serverCommon('server'),
          port: serverPort('Port on the gateway pod; not 15443.'),
          tls: use(SERVER_TLS, 'TLS settings.'),
          route: use(ROUTE_TO, 'Where the traffic goes.'),
          failoverSettings: use(FAILOVER_SETTINGS, 'Failover settings.'),
          trafficMode: TRAFFIC_MODE,
          transit: TRANSIT,
        },
        { required: ['name', 'hostname', 'route'] },
      ),
      'TCP servers.',
    ),
    tls: arr(
      obj(
        'A TLS passthrough server.',
        {
          ...serverCommon('server'),
          port: serverPort('Port on the gateway pod; not 15443.'),
          route: use(ROUTE_TO, 'Where the traffic goes.'),
          failoverSettings: use(FAILOVER_SETTINGS, 'Failover settings.'),
        },
        { required: ['name', 'hostname', 'port', 'route'] },
      ),
      'TLS passthrough servers.',
    ),
    egressAuthorization: arr(
      obj(
        'Allow some workloads to reach some external hosts.',
        {
          from: obj('Workloads allowed to reach the hosts.', {
            mode: enumOf(
              ['UNSET', 'NAMESPACE', 'GROUP', 'WORKSPACE', 'CLUSTER', 'SERVICE_ACCOUNT'],
              'Which workloads: same NAMESPACE, GROUP, WORKSPACE or CLUSTER, or the listed SERVICE_ACCOUNTs.',
            ),
            serviceAccounts: strs('With mode SERVICE_ACCOUNT: service accounts as `<namespace>/<service-account>`.'),
            resources: strs('FQNs of TSB resources whose workloads are allowed.'),
          }),
          to: arr(
            obj(
              'A destination host.',
              {
                host: use(STRING_MATCH, 'Host match.'),
                methods: strs('Allowed HTTP methods.'),
                paths: strs('Allowed paths.'),
              },
              { required: ['host'] },
            ),
            'Destinations.',
          ),
          identityMatch: enumOf(
            ['UNKNOWN', 'PEER_CERTIFICATE', 'PERMISSIVE', 'SOURCE_IDENTITY'],
            'Which identity is matched.',
          ),
        },
        { required: ['to'] },
      ),
      'Egress authorization rules.',
    ),
  },
  { required: ['workloadSelector'] },
);
