// traffic.tsb.tetrate.io/v2: TrafficSetting and ServiceTrafficSetting (the RateLimiting message is in
// rateLimiting.ts, ServiceRoute in serviceRoute.ts).
import { CONFIG_GEN_META, FAILOVER_SETTINGS, human } from './common';
import { arr, bool, def, deprecated, duration, enumOf, int, obj, str, strs, use } from './dsl';
import { NS_FQDN } from './headerMatch';
import { RATE_LIMITING } from './rateLimiting';

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
