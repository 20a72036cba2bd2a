// A digest of a value's canonical form: tells identical duplicate resources from conflicting ones.

/**
 * A digest of the spec's canonical form (keys sorted): equal for identical duplicates, different for
 * conflicting ones. Linear in the distinct values: a value that aliases repeat is digested once, so an
 * alias-heavy spec costs what its text costs (a canonical JSON string grew with every repetition).
 */
export function canonical(v: unknown): string {
  const memo = new WeakMap<object, string>();
  const open = new Set<object>();
  const digest = (x: unknown): string => {
    if (x === null || x === undefined) return 'n';
    if (typeof x !== 'object') return typeof x === 'string' && x.length > 32 ? `s${hash(x)}` : JSON.stringify(x);
    const known = memo.get(x);
    if (known) return known;
    if (open.has(x)) return 'cycle';
    open.add(x);
    let body: string;
    if (Array.isArray(x)) body = `[${x.map(digest).join(',')}]`;
    else {
      const entries = Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      body = `{${entries.map(([k, c]) => `${JSON.stringify(k)}:${digest(c)}`).join(',')}}`;
    }
    open.delete(x);
    const d = body.length > 32 ? `h${hash(body)}` : body;
    memo.set(x, d);
    return d;
  };
  return digest(v);
}

/** 106 bits of two seeded 53-bit string hashes (cyrb53): collisions are not a practical concern. */
function hash(s: string): string {
  const one = (seed: number) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  };
  return `${one(1)}.${one(2)}`;
}
