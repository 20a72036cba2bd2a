// `npm run package` step: the README for the .vsix. VS Code shows it from the installed extension, so
// a relative link works only when its target is packaged (the preview screenshot); every other relative
// link (docs/, examples/, schemas/...) becomes an absolute link into the repository given in package.json.
// usage: node scripts/vsixReadme.mjs OUT.md
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'scripts', 'out', 'README.vsix.md'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const repo = String(pkg.repository?.url ?? pkg.repository ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
if (!/^https:\/\//.test(repo)) {
  console.error('vsixReadme: package.json has no https repository URL to link the unpackaged files to');
  process.exit(1);
}

// What the .vsix holds: the `!pattern` lines of .vscodeignore (an allowlist after `**`).
const allow = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('!')).map((l) => l.slice(1));
const packaged = picomatch(allow, { dot: true });

const LINK = /(!?)\[([^\]]*)\]\(([^)\s]+)((?:\s+"[^"]*")?)\)/g;
const text = readFileSync(join(root, 'README.md'), 'utf8').replace(LINK, (all, bang, label, target, title) => {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('/')) return all;
  const [file, fragment] = target.split('#');
  const rel = decodeURI(file).replace(/^\.\//, '').replace(/\/$/, '');
  if (packaged(rel)) return all;
  const local = join(root, rel);
  const kind = existsSync(local) && statSync(local).isDirectory() ? 'tree' : bang ? 'raw' : 'blob';
  return `${bang}[${label}](${repo}/${kind}/main/${encodeURI(rel)}${fragment !== undefined ? `#${fragment}` : ''}${title})`;
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
