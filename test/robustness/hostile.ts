// Hostile inputs, shared by limits.test.ts and measure.mjs. Each case builds its text, says
// which engine options it needs and what the engine must answer, and how long it may take at most
// (bounds only catch pathologies; the real figures are in docs/robustness.md). 20 s for ordinary
// inputs, 60 s for the three largest, whose parse alone takes several seconds on a loaded 2-core box.

export interface HostileCase {
  name: string;
  text: () => string;
  maxFileSize?: number;
  /** Upper bound for update + diagnostics + failoverModel, on a loaded CI machine. */
  maxMs: number;
  /** What the diagnostics must show (rule and message pattern), or 'none' for no diagnostics. */
  expect: { rule: string; message?: RegExp; min?: number; max?: number } | 'none' | 'any';
}

export const WS_BODY =
  'apiVersion: tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: ws\n  annotations:\n    tsb.tetrate.io/organization: tetrate\n    tsb.tetrate.io/tenant: tetrate\nspec:\n  namespaceSelector:\n    names:\n      - "*/bookinfo"\n';

function billionLaughs(): string {
  let s =
    'apiVersion: tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: lol\nspec:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 10; i++)
    s += `  a${i}: &a${i} [${Array(9)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  return s;
}

function service(i: number): string {
  return `# service ${i}\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  namespace: ns-${i % 50}\n  labels:\n    app: app-${i}\nspec:\n  ports:\n    - port: 8080\n`;
}

/** 10,000 levels of block mappings, each indented one space more than its parent (about 50 MB). */
function deepIndentedMaps(levels: number): string {
  const parts: string[] = [];
  for (let i = 0; i < levels; i++) parts.push(' '.repeat(i) + `k${i}:\n`);
  parts.push(' '.repeat(levels) + 'leaf\n');
  return parts.join('');
}

export const HOSTILE: HostileCase[] = [
  { name: 'empty file', text: () => '', maxMs: 2000, expect: 'none' },
  { name: 'only "---" markers', text: () => '---\n---\n---\n', maxMs: 2000, expect: 'none' },
  { name: 'only "..." and "---"', text: () => '...\n---\n...\n', maxMs: 2000, expect: 'any' },
  { name: 'only comments', text: () => '# a comment\n# another: {{ not a template }}\n', maxMs: 2000, expect: 'none' },
  { name: 'only whitespace and newlines', text: () => ' \n\n   \n\t\n', maxMs: 2000, expect: 'any' },
  { name: 'BOM then a workspace', text: () => '\uFEFF' + WS_BODY, maxMs: 5000, expect: 'none' },
  {
    name: 'billion laughs (9 levels of 9 aliases)',
    text: billionLaughs,
    maxMs: 5000,
    expect: { rule: 'yaml-syntax', message: /alias bomb/, max: 1 },
  },
  {
    name: '10,000 nested [ (closed)',
    text: () => 'spec: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n',
    maxMs: 20000,
    expect: { rule: 'yaml-syntax', message: /nests collections too deeply/, max: 1 },
  },
  {
    name: '10,000 nested [ (never closed)',
    text: () => 'spec: ' + '['.repeat(10000) + '\n',
    maxMs: 20000,
    expect: { rule: 'yaml-syntax', message: /nests collections too deeply/, max: 1 },
  },
  {
    name: '10,000 nested { (closed)',
    text: () => 'a: ' + '{a: '.repeat(10000) + '1' + '}'.repeat(10000) + '\n',
    maxMs: 20000,
    expect: { rule: 'yaml-syntax', message: /nests collections too deeply/, max: 1 },
  },
  {
    name: '10,000 levels of indented maps (50 MB, default limit)',
    text: () => deepIndentedMaps(10000),
    maxMs: 20000,
    expect: { rule: 'file-skipped', message: /above the 20 MiB limit/, max: 1 },
  },
  {
    name: '10,000 levels of indented maps (limit raised to 64 MiB)',
    text: () => deepIndentedMaps(10000),
    maxFileSize: 64 * 1048576,
    maxMs: 20000,
    expect: { rule: 'yaml-syntax', message: /nests collections too deeply/, max: 1 },
  },
  {
    name: '1,000 levels of indented maps in a TSB document',
    text: () =>
      WS_BODY +
      deepIndentedMaps(1000)
        .replace(/^/gm, '  ')
        .replace(/^ {2}k0:/m, '  extra:'),
    maxMs: 20000,
    expect: 'any',
  },
  {
    name: '1 MB line (scalar value)',
    text: () => WS_BODY.replace('name: ws', `name: ${'x'.repeat(1 << 20)}`),
    maxMs: 20000,
    expect: 'any',
  },
  {
    name: '1 MB line (flow sequence of 200k items)',
    text: () =>
      WS_BODY.replace('- "*/bookinfo"', `- "*/bookinfo"\n    other: [${Array(200000).fill('c/n').join(', ')}]`),
    maxMs: 60000,
    expect: { rule: 'unknown-field', min: 1 },
  },
  {
    name: 'binary content (NUL bytes)',
    text: () => 'apiVersion: v1\n\u0000\u0001\u0002\u00ff' + '\u0000'.repeat(100),
    maxMs: 2000,
    expect: { rule: 'file-skipped', message: /binary/, max: 1 },
  },
  {
    name: 'replacement characters (invalid UTF-8 decoded leniently)',
    text: () => 'a: ' + '\uFFFD'.repeat(64) + '\n',
    maxMs: 2000,
    expect: { rule: 'file-skipped', message: /UTF-8/, max: 1 },
  },
  { name: 'CRLF workspace', text: () => WS_BODY.replace(/\n/g, '\r\n'), maxMs: 5000, expect: 'none' },
  { name: 'lone CR line endings (classic Mac)', text: () => WS_BODY.replace(/\n/g, '\r'), maxMs: 5000, expect: 'none' },
  {
    name: '100,000-key mapping (was quadratic)',
    text: () =>
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n' +
      Array.from({ length: 100000 }, (_, i) => `  k${i}: "v${i}"`).join('\n') +
      '\n  k5: dup\n',
    maxMs: 60000,
    expect: { rule: 'yaml-syntax', message: /unique/, max: 1 },
  },
  {
    name: '300,000-line file (27,273 Service documents)',
    text: () => Array.from({ length: 27273 }, (_, i) => service(i)).join('---\n'),
    maxMs: 60000,
    expect: 'none',
  },
  {
    name: '5,000 syntax errors in one document (flood capped)',
    text: () => 'a:\n' + '\t- x\n'.repeat(5000),
    maxMs: 20000,
    expect: { rule: 'yaml-syntax', min: 1, max: 51 },
  },
  { name: '20,000 empty documents', text: () => '---\n'.repeat(20000), maxMs: 20000, expect: 'none' },
  {
    name: 'many anchors and aliases (below the bomb limit)',
    text: () =>
      WS_BODY + 'extra:\n  base: &b {x: 1}\n' + Array.from({ length: 500 }, (_, i) => `  r${i}: *b`).join('\n') + '\n',
    maxMs: 10000,
    expect: { rule: 'unknown-field', min: 1 },
  },
  {
    name: 'code-execution tags (!!js/function, !!python/object)',
    text: () =>
      WS_BODY +
      'x: !!js/function "function(){ process.exit(7) }"\ny: !!python/object/apply:os.system ["touch /tmp/pwned"]\n',
    maxMs: 5000,
    expect: { rule: 'yaml-syntax', message: /Unresolved tag/ },
  },
];
