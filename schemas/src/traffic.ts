// traffic.tsb.tetrate.io/v2: TrafficSetting, ServiceRoute, ServiceTrafficSetting and the
// RateLimiting message gateways reuse.
import { CLIENT_TLS, CONFIG_GEN_META, FAILOVER_SETTINGS, human, STRING_MATCH } from './common';
import { arr, bool, def, deprecated, duration, enumOf, int, mapOf, num, obj, port, str, strs, use } from './dsl';

const NS_FQDN = {
  pattern: '^[^/]+/[^/]+$',
  patternErrorMessage: 'Use `<namespace>/<fqdn>`, e.g. `bookinfo/reviews.bookinfo.svc.cluster.local`.',
};

export const HEADER_MATCH = def(
  'HeaderMatch',
  obj(
    'How to match a header value.',
    {
      exact: str('Exact value.'),
      prefix: str('Value prefix.'),
      regex: str('Regular expression the value must match.'),
    },
    { oneofs: [['exact', 'prefix', 'regex']] },
  ),
);

const headersMap = (description: string) => ({
  type: 'object',
  additionalProperties: use(HEADER_MATCH, 'Match for this header.'),
  description,
});

const dimensionHeader = obj(
  'Rate limit on the value of a request header.',
  {
    name: str('Header name.'),
    value: use(STRING_MATCH, 'Only requests whose header value matches are counted (all values when omitted).'),
    dontMatch: bool('Count requests whose header does NOT match `value`.'),
  },
  { required: ['name'] },
);
const dimensionRemote = obj(
  'Rate limit on the client address.',
  {
    value: str('Client IP address, or `*` for each distinct address.'),
  },
  { required: ['value'] },
);

export const RATE_LIMITING = def(
  'RateLimiting',
  obj(
    'Rate limiting of HTTP requests: TSB rate limit server (`settings`), an external server or local token buckets (one of them).',
    {
      settings: obj(
        "Use TSB's rate limit server.",
        {
          rules: arr(
            obj(
              'A rate limit rule.',
              {
                dimensions: arr(
                  obj(
                    'What to count requests by.',
                    { header: dimensionHeader, remoteAddress: dimensionRemote },
                    { oneofs: [['remoteAddress', 'header']] },
                  ),
                  'Dimensions; a request is counted when all match.',
                  { minItems: 1 },
                ),
                limit: obj(
                  'The limit.',
                  {
                    requestsPerUnit: int('Requests allowed per unit of time.'),
                    unit: enumOf(['UNKNOWN', 'SECOND', 'MINUTE', 'HOUR', 'DAY'], 'Time unit.'),
                  },
                  { required: ['requestsPerUnit', 'unit'] },
                ),
              },
              { required: ['dimensions', 'limit'] },
            ),
            'Rate limit rules.',
          ),
          failClosed: bool('Reject requests when the rate limit server is unavailable.'),
          timeout: duration('Timeout of the rate limit server call (default 20ms).'),
        },
        { required: ['rules'] },
      ),
      externalService: obj(
        'Use your own external rate limit server.',
        {
          domain: str('Rate limit domain sent to the server.'),
          rateLimitServerUri: str('URI of the rate limit server.'),
          rules: arr(
            obj(
              'A rule: descriptors sent to the server.',
              {
                dimensions: arr(
                  obj(
                    'A descriptor entry.',
                    {
                      sourceCluster: obj('Descriptor from the source Envoy cluster.', {}),
                      destinationCluster: obj('Descriptor from the destination Envoy cluster.', {}),
                      remoteAddress: obj('Descriptor from the client address.', {}),
                      requestHeaders: obj(
                        'Descriptor from a request header value.',
                        {
                          headerName: str('Header to read.'),
                          descriptorKey: str('Descriptor key.'),
                        },
                        { required: ['headerName', 'descriptorKey'] },
                      ),
                      headerValueMatch: obj(
                        'Descriptor when headers match.',
                        {
                          descriptorValue: str('Descriptor value.'),
                          headers: headersMap('Headers to match (all must match).'),
                          dontMatch: bool('Match when the headers do NOT match.'),
                        },
                        { required: ['descriptorValue', 'headers'] },
                      ),
                    },
                    {
                      oneofs: [
                        ['sourceCluster', 'destinationCluster', 'remoteAddress', 'requestHeaders', 'headerValueMatch'],
                      ],
                    },
                  ),
                  'Descriptor entries, in order.',
                ),
              },
              { required: ['dimensions'] },
            ),
            'Rules.',
          ),
          failClosed: bool('Reject requests when the rate limit server is unavailable.'),
          timeout: duration('Timeout of the rate limit server call.'),
          tls: use(CLIENT_TLS, 'TLS settings for calls to the rate limit server.'),
        },
        { required: ['domain', 'rateLimitServerUri', 'rules'] },
      ),
      local: obj(
        'Local token buckets inside each Envoy replica.',
        {
          rules: arr(
            obj(
              'A local rate limit rule.',
              {
                dimensions: arr(
                  obj(
                    'What to count requests by.',
                    { header: dimensionHeader, remoteAddress: dimensionRemote },
                    { oneofs: [['remoteAddress', 'header']] },
                  ),
                  'Dimensions.',
                ),
                tokenBucket: obj(
                  'Token bucket.',
                  {
                    maxTokens: int('Bucket size.'),
                    tokensPerFill: int('Tokens added per fill.'),
                    fillInterval: duration('Fill interval.'),
                  },
                  { required: ['maxTokens', 'fillInterval'] },
                ),
              },
              { required: ['dimensions', 'tokenBucket'] },
            ),
            'Rules.',
          ),
          maxWildcardDimensions: int('Maximum number of distinct wildcard descriptors kept.'),
        },
        { required: ['rules'] },
      ),
    },
    { oneofs: [['settings', 'externalService', 'local']] },
  ),
);

const keepAlive = def(
  'TcpKeepAlive',
  obj('TCP keep-alive probes.', {
    probes: int('Probes sent before the connection is dead.'),
    idleTime: int('Seconds idle before probes start.'),
    interval: int('Seconds between probes.'),
  }),
);

export const HTTP_RETRY = def(
  'HTTPRetry',
  obj(
    'Retries for HTTP requests.',
    {
      attempts: int('Number of retries.'),
      perTryTimeout: duration('Timeout per attempt.'),
      retryOn: str('Conditions that trigger a retry (Envoy `x-envoy-retry-on` values, comma-separated).'),
      retryBackOff: obj(
        'Back-off between retries.',
        {
          baseInterval: duration('Base interval.'),
          maxInterval: duration('Maximum interval.'),
        },
        { required: ['baseInterval'] },
      ),
    },
    { required: ['attempts'] },
  ),
);

const REACHABILITY = def(
  'ReachabilitySettings',
  obj('Which services the proxies need to reach (limits the config pushed to them).', {
    mode: enumOf(
      ['UNSET', 'NAMESPACE', 'GROUP', 'WORKSPACE', 'CLUSTER', 'CUSTOM'],
      'Reach services in the same NAMESPACE, GROUP, WORKSPACE or CLUSTER, or CUSTOM (`hosts`).',
    ),
    hosts: strs('With mode CUSTOM: hosts as `<namespace>/<fqdn>` (`./*`, `ns1/*`, `ns1/svc1.com`, `*/svc1.com`).'),
  }),
);

const upstreamResilience = obj(
  'Resilience (circuit breaking, connection pools, outlier detection) for upstream hosts.',
  {
    circuitBreakerSensitivity: enumOf(
      ['UNSET', 'LOW', 'MEDIUM', 'HIGH', 'CUSTOM'],
      'Preset circuit breaker sensitivity; CUSTOM uses the values below.',
    ),
    connectionPool: obj('Connection pool limits.', {
      http: obj('HTTP connection pool.', {
        maxRequests: int('Maximum concurrent requests.'),
        maxRequestsPerConnection: int('Maximum requests per connection.'),
        requestTimeout: duration('Request timeout.'),
        retries: use(HTTP_RETRY, 'Retries.'),
      }),
      tcp: obj('TCP connection pool.', {
        maxConnections: int('Maximum connections.'),
        connectTimeout: duration('Connection timeout.'),
        keepAlive: use(keepAlive, 'TCP keep-alive.'),
      }),
    }),
    outlierDetection: obj('Eject unhealthy endpoints (needed for failover to take effect).', {
      consecutive5xx: int('5xx errors before ejection.'),
      consecutiveGatewayFailure: int('Gateway errors (502/503/504) before ejection.'),
      consecutiveLocalOriginFailure: int('Locally originated failures before ejection.'),
      enforcingConsecutive5xx: int('Percent chance of ejecting on consecutive 5xx.'),
      enforcingConsecutiveGatewayFailure: int('Percent chance of ejecting on gateway failures.'),
      enforcingConsecutiveLocalOriginFailure: int('Percent chance of ejecting on local failures.'),
      interval: duration('Interval between ejection sweeps.'),
      baseEjectionTime: duration('Minimum ejection duration.'),
      maxEjectionTime: duration('Maximum ejection duration.'),
      maxEjectionPercent: int('Maximum percent of endpoints ejected.'),
      splitExternalLocalOriginErrors: bool('Track locally originated errors separately.'),
    }),
  },
);

const loadBalancer = obj(
  'Load balancing policy: `simple` or `consistentHash` (one of them).',
  {
    simple: enumOf(
      ['UNSPECIFIED', 'RANDOM', 'PASSTHROUGH', 'ROUND_ROBIN', 'LEAST_REQUEST'],
      'Simple load balancing algorithm.',
    ),
    consistentHash: obj(
      'Consistent hashing (sticky sessions).',
      {
        httpHeaderName: str('Hash on this header.'),
        httpCookie: obj(
          'Hash on a cookie (generated when absent).',
          {
            name: str('Cookie name.'),
            path: str('Cookie path.'),
            ttl: duration('Cookie lifetime.'),
          },
          { required: ['name', 'ttl'] },
        ),
        useSourceIp: bool('Hash on the client IP.'),
        httpQueryParameterName: str('Hash on this query parameter.'),
        ringHash: obj('Ring hash algorithm.', { minimumRingSize: int('Minimum ring size.') }),
        maglev: obj('Maglev algorithm.', { tableSize: int('Lookup table size (prime).') }, { required: ['tableSize'] }),
      },
      {
        oneofs: [
          ['httpHeaderName', 'httpCookie', 'useSourceIp', 'httpQueryParameterName'],
          ['ringHash', 'maglev'],
        ],
      },
    ),
  },
  { oneofs: [['simple', 'consistentHash']] },
);

const UPSTREAM = def(
  'UpstreamTrafficSettings',
  obj('Client-side settings for calls to some upstream hosts.', {
    hosts: strs('Upstream hostnames (wildcards allowed, e.g. `*` or `*.bookinfo.svc.cluster.local`).'),
    settings: obj('Settings for these hosts.', {
      authentication: obj('Upstream authentication.', {
        trafficMode: enumOf(
          ['UNSET', 'OPTIONAL', 'REQUIRED'],
          'Whether calls use mTLS (REQUIRED) or may use plain text (OPTIONAL).',
        ),
      }),
      loadBalancer,
      resilience: upstreamResilience,
    }),
  }),
);

const EGRESS = (withPort: boolean) =>
  obj(
    'Egress gateway unknown destinations are forwarded to.',
    {
      host: str('Egress gateway host as `<namespace>/<fqdn>`, e.g. `bookinfo-perimeter/tsb-egress`.', NS_FQDN),
      ...(withPort ? { port: deprecated(int('Port of the egress gateway.'), 'Ignored; will be removed.') } : {}),
    },
    { required: ['host'] },
  );

const trafficProps = {
  ...human,
  configGenerationMetadata: use(CONFIG_GEN_META, 'Labels/annotations for generated Istio objects (gRPC users only).'),
  inbound: obj('Inbound traffic (the proxies act as servers).', {
    failoverSettings: use(FAILOVER_SETTINGS, 'Failover settings for clients of these services.'),
    rateLimiting: use(RATE_LIMITING, 'Rate limiting of inbound requests.'),
    resilience: obj('Downstream resilience.', {
      connectionPool: obj('Connection pool.', { tcp: obj('TCP.', { keepAlive: use(keepAlive, 'TCP keep-alive.') }) }),
      meshTimeout: obj('Mesh timeouts.', {
        maxConnectionDuration: duration('Maximum connection duration.'),
        maxDownstreamConnectionDuration: duration('Maximum downstream connection duration.'),
        maxStreamDuration: duration('Maximum stream duration.'),
        proxyType: enumOf(['ANY', 'SIDECAR', 'GATEWAY'], 'Which proxies the timeouts apply to.'),
      }),
    }),
  }),
  outbound: obj('Outbound traffic (the proxies act as clients).', {
    reachability: use(REACHABILITY, 'Services the proxies need to reach.'),
    egress: EGRESS(false),
    upstreamTrafficSettings: arr(use(UPSTREAM, 'Settings for some upstream hosts.'), 'Per-host client settings.'),
  }),
  reachability: deprecated(
    use(REACHABILITY, 'Services the proxies need to reach.'),
    'Use outbound.reachability instead.',
  ),
  resilience: deprecated(
    obj('Timeouts, retries and keep-alive for outbound traffic.', {
      circuitBreakerSensitivity: enumOf(['UNSET', 'LOW', 'MEDIUM', 'HIGH'], 'Preset circuit breaker sensitivity.'),
      httpRequestTimeout: duration('HTTP request timeout.'),
      httpRetries: use(HTTP_RETRY, 'HTTP retries.'),
      keepAlive: obj('Keep-alive.', {
        tcp: obj('TCP keep-alive.', {
          downstream: use(keepAlive, 'Downstream keep-alive.'),
          upstream: use(keepAlive, 'Upstream keep-alive.'),
        }),
      }),
    }),
    'Use outbound.upstreamTrafficSettings instead.',
  ),
  egress: deprecated(EGRESS(true), 'Use outbound.egress instead.'),
  rateLimiting: deprecated(use(RATE_LIMITING, 'Rate limiting.'), 'Use inbound.rateLimiting instead.'),
  upstreamTrafficSettings: deprecated(
    arr(use(UPSTREAM, 'Settings for some upstream hosts.'), 'Per-host client settings.'),
    'Use outbound.upstreamTrafficSettings instead.',
  ),
};

export const TRAFFIC_SETTING_SPEC = def(
  'TrafficSettingSpec',
  obj('Traffic settings (reachability, egress, resilience, rate limits) for the proxies in scope.', trafficProps),
);

export const SERVICE_TRAFFIC_SETTING_SPEC = obj(
  'Traffic settings for one service.',
  {
    ...human,
    configGenerationMetadata: use(CONFIG_GEN_META, 'Labels/annotations for generated Istio objects (gRPC users only).'),
    service: str('The service as `<namespace>/<fqdn>`; only one ServiceTrafficSetting per service.', NS_FQDN),
    settings: use(TRAFFIC_SETTING_SPEC, 'Traffic settings applied to this service.'),
  },
  { required: ['service', 'settings'] },
);

// ---- ServiceRoute ----------------------------------------------------------------------------

const stickySession = def(
  'StickySession',
  obj(
    'Session affinity: hash on a header, a cookie or the client IP (one of them). TCP ports support only `useSourceIp`.',
    {
      header: str('Hash on this header.', { minLength: 1 }),
      cookie: obj(
        'Hash on a cookie (generated when absent).',
        {
          name: str('Cookie name.'),
          path: str('Cookie path.'),
          ttl: duration('Cookie lifetime.'),
        },
        { required: ['name', 'path', 'ttl'] },
      ),
      useSourceIp: bool('Hash on the client IP.'),
    },
    { oneofs: [['header', 'cookie', 'useSourceIp']] },
  ),
);

const portLevel = def(
  'PortLevelTrafficSettings',
  obj(
    'Settings for one service port.',
    {
      port: port('Service port (1-65535).'),
      trafficType: enumOf(['HTTP', 'TCP', 'TLS_PASSTHROUGH'], 'Protocol of the port.'),
      stickySession: use(stickySession, 'Session affinity for this port.'),
    },
    { required: ['port', 'trafficType'] },
  ),
);

const destination = obj(
  'Where matched traffic goes.',
  {
    subset: str('Subset name (defined in `subsets`).'),
    port: port('Destination port (1-65535).'),
    weight: int('Share of the traffic (percent).', { minimum: 0 }),
    destinationHost: str('Destination host, short (`reviews`) or FQDN; defaults to the service.'),
  },
  { required: ['port'] },
);

export const SERVICE_ROUTE_SPEC = obj(
  'Traffic routing for one service: subsets (versions), weights and match rules.',
  {
    ...human,
    configGenerationMetadata: use(CONFIG_GEN_META, 'Labels/annotations for generated Istio objects (gRPC users only).'),
    service: str('The service as `<namespace>/<fqdn>`, e.g. `bookinfo/reviews.bookinfo.svc.cluster.local`.', NS_FQDN),
    portLevelSettings: arr(
      use(portLevel, 'Settings for one port.'),
      'Service ports; list every port when the service has several.',
    ),
    subsets: arr(
      obj(
        'A version of the service.',
        {
          name: str('Subset name.', { minLength: 1 }),
          labels: mapOf('Pod labels that select this version.'),
          weight: int('Share of the traffic (percent); weights usually sum to 100.', { minimum: 0 }),
          portLevelSettings: arr(use(portLevel, 'Settings for one port.'), 'Per-port settings for this subset.'),
        },
        { required: ['name'] },
      ),
      'Versions of the service and their default weights.',
    ),
    stickySession: use(stickySession, 'Session affinity for all ports.'),
    httpRoutes: arr(
      obj(
        'An HTTP route.',
        {
          name: str('Route name.', { minLength: 1 }),
          match: arr(
            obj(
              'A match condition (conditions are OR-ed).',
              {
                name: str('Name of the condition.'),
                uri: use(STRING_MATCH, 'URI match.'),
                headers: headersMap('Header matches (all must match).'),
                port: port('Service port the request arrives on; must also appear in portLevelSettings.'),
              },
              { required: ['name'] },
            ),
            'Match conditions.',
          ),
          destination: arr(destination, 'Destinations and weights.'),
          fault: obj('Fault injection.', {
            delay: obj('Inject a delay.', {
              fixedDelay: duration('Fixed delay.'),
              percentage: num('Percent of requests delayed.'),
            }),
            abort: obj(
              'Abort requests.',
              {
                httpStatus: int('HTTP status returned.'),
                grpcStatus: str('gRPC status returned.'),
                percentage: num('Percent of requests aborted.'),
              },
              { oneofs: [['httpStatus', 'grpcStatus']] },
            ),
          }),
          mirrors: arr(
            obj(
              'Mirror traffic to another destination.',
              {
                host: str('Mirror host.'),
                subset: str('Mirror subset.'),
                port: port('Mirror port.'),
                percentage: num('Percent of traffic mirrored.'),
              },
              { required: ['port'] },
            ),
            'Traffic mirrors.',
          ),
          flagger: obj(
            'Delegate the route to a Flagger canary.',
            {
              canary: str('Canary name.'),
              namespace: str('Canary namespace.'),
            },
            { required: ['canary', 'namespace'] },
          ),
        },
        { required: ['name'] },
      ),
      'HTTP routes, evaluated in order.',
    ),
    tcpRoutes: arr(
      obj(
        'A TCP route.',
        {
          name: str('Route name.', { minLength: 1 }),
          match: arr(
            obj(
              'A match condition.',
              {
                name: str('Name of the condition.'),
                port: port('Service port; must also appear in portLevelSettings.'),
              },
              { required: ['name', 'port'] },
            ),
            'Match conditions.',
          ),
          destination: arr(destination, 'Destinations and weights.'),
        },
        { required: ['name'] },
      ),
      'TCP routes.',
    ),
    argoRollout: obj('Let an Argo Rollout own the generated objects.', {
      virtualServiceName: str('VirtualService name used by the rollout.'),
      destinationRuleName: str('DestinationRule name used by the rollout.'),
    }),
  },
  { required: ['service'] },
);
