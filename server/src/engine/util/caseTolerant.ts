// Reading a field whatever the case of its key: `Metadata:` is still the metadata (the key-case rule
// reports the spelling once; every other reader sees the field, so one typo raises one problem).

/** The item whose key is `wanted`, else the first whose key equals it ignoring case. */
export function findKeyIgnoringCase<T>(
  items: Iterable<T>,
  keyOf: (item: T) => string | undefined,
  wanted: string,
): T | undefined {
  const list = Array.isArray(items) ? (items as T[]) : [...items];
  for (const item of list) if (keyOf(item) === wanted) return item;
  const lower = wanted.toLowerCase();
  for (const item of list) if (keyOf(item)?.toLowerCase() === lower) return item;
  return undefined;
}
