// traffic.tsb.tetrate.io/v2 ServiceRoute: subsets, weights, sticky sessions and per-port settings
// for the traffic to one service.
import { CONFIG_GEN_META, human, STRING_MATCH } from './common';
import { arr, bool, def, duration, enumOf, int, mapOf, num, obj, port, str, use } from './dsl';
import { headersMap, NS_FQDN } from './headerMatch';

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
