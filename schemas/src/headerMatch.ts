// Header matching shared by rate limiting and ServiceRoute, and the `<namespace>/<fqdn>` pattern
// the traffic kinds use for service names.
import { def, obj, str, use } from './dsl';

export const NS_FQDN = {
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

export const headersMap = (description: string) => ({
  type: 'object',
  additionalProperties: use(HEADER_MATCH, 'Match for this header.'),
  description,
});
