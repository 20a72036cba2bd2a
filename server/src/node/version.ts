import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The version and home of the package this bundle was shipped in, read from its package.json: one
// folder up in the npm package (out/cli.js), two in the repository and the .vsix (server/out/cli.js).

interface PackageInfo {
  version: string;
  /** https URL of the source repository, without a trailing slash or .git. */
  repository: string;
}

/** Used when no package.json is found (a bundle copied elsewhere). */
const FALLBACK_REPOSITORY = 'https://github.com/tsb-authoring/tsb-authoring';
const OUR_PACKAGES = new Set(['tsb-authoring', 'tsb-lint']);

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  for (const p of [resolve(__dirname, '../package.json'), resolve(__dirname, '../../package.json')]) {
    try {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as {
        name?: string;
        version?: string;
        repository?: string | { url?: string };
      };
      if (!pkg.name || !OUR_PACKAGES.has(pkg.name) || typeof pkg.version !== 'string') continue;
      cached = { version: pkg.version, repository: repositoryUrl(pkg.repository) };
      return cached;
    } catch {
      /* try the next */
    }
  }
  cached = { version: 'unknown', repository: FALLBACK_REPOSITORY };
  return cached;
}

function repositoryUrl(repo: string | { url?: string } | undefined): string {
  const url = typeof repo === 'string' ? repo : repo?.url;
  if (!url) return FALLBACK_REPOSITORY;
  const https = url
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  return /^https:\/\//.test(https) ? https : FALLBACK_REPOSITORY;
}
