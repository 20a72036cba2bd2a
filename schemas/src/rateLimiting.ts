// The RateLimiting message of TrafficSetting, which gateways reuse: local, internal and external
// rate limiting with their rule dimensions.
import { CLIENT_TLS, STRING_MATCH } from './common';
import { arr, bool, def, duration, enumOf, int, obj, str, use } from './dsl';
import { headersMap } from './headerMatch';

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
