import { existsSync, realpathSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { precompiledValidators } from './validators';
import {
  createProject,
  inferredConfig,
  msg,
  render,
  CONFIG_FILE,
  DEFAULT_MAX_FILE_SIZE,
  MAX_SOURCE_BYTES,
  type Message,
  type Problem,
  type Project,
} from '../engine/index';
import {
  findConfigUpwards,
  findYamlFiles,
  isSourceFile,
  isYamlFile,
  readText,
  scanYamlFiles,
  specialKind,
  type FoundFile,
  type UnreadableFolder,
} from './scan';
import { displayPath, escapeText, formatCheck, JsonCheckWriter, type FileProblem } from './format';
import { BufferedStdout } from './bufferedStdout';
import { formatFailover } from './failoverFormat';
import { packageInfo } from './version';
import { formatUnits } from './unitsFormat';
import { chooseLanguages, type Languages } from './language';

// tsb-lint: the same engine, rules, ids, messages and ranges as the editor, for CI.
// Exit 0 no errors, 1 errors found, 2 usage or internal failure (one line on stderr, no stack trace).

const COMMANDS = `  tsb-lint check [PATH...] [--format text|json|sarif] [--config FILE] [--max-file-size MIB] [--sarif-root DIR] [--lang en|zh-cn]
  tsb-lint units [PATH...] [--format text|json|config] [--config FILE] [--lang en|zh-cn]
  tsb-lint failover [PATH...] [--format text|json] [--down CLUSTER/NAMESPACE/WORKLOAD ...] [--config FILE] [--lang en|zh-cn]
  tsb-lint --help | --version`;

/** A usage mistake: one line on stderr, exit 2. */
class UsageError extends Error {
  constructor(readonly text: Message) {
    super(render(text));
  }
}
/** A failure that is not a usage mistake (a config that cannot be read): one line, exit 2. */
class FatalError extends Error {
  constructor(readonly text: Message) {
    super(render(text));
  }
}

/** The languages of this run: `text` for what people read (text output, stderr), `data` for JSON and SARIF. */
let lang: Languages = { text: 'en', data: 'en' };

interface Args {
  command: 'check' | 'failover' | 'units';
  paths: string[];
  format: string;
  config?: string;
  sarifRoot?: string;
  down: string[];
  maxFileSize: number;
}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  if (argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'failover' && command !== 'units')
    throw new UsageError(command ? msg('unknown command "{command}"', { command }) : msg('missing command'));
  const args: Args = { command, paths: [], format: 'text', down: [], maxFileSize: DEFAULT_MAX_FILE_SIZE };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (v === undefined || v === '') throw new UsageError(msg('{flag} needs a value', { flag: a.split('=')[0]! }));
      return v;
    };
    const flag = a.split('=')[0];
    if (flag === '--format') args.format = value();
    else if (flag === '--config') args.config = value();
    else if (flag === '--sarif-root') args.sarifRoot = value();
    else if (flag === '--down') args.down.push(value());
    else if (flag === '--lang')
      value(); // read before the rest (chooseLanguages), so that every message is in it
    else if (flag === '--max-file-size') {
      const mib = Number(value());
      if (!Number.isFinite(mib) || mib <= 0) throw new UsageError(msg('--max-file-size takes a size in MiB'));
      args.maxFileSize = Math.floor(mib * 1048576);
    } else if (a.startsWith('-')) throw new UsageError(msg('unknown option {option}', { option: a }));
    else args.paths.push(a);
  }
  const formats =
    command === 'check'
      ? ['text', 'json', 'sarif']
      : command === 'units'
        ? ['text', 'json', 'config']
        : ['text', 'json'];
  if (!formats.includes(args.format))
    throw new UsageError(msg('--format must be one of {formats}', { formats: formats.join(', ') }));
  if (command !== 'failover' && args.down.length) throw new UsageError(msg('--down goes with the failover command'));
  if (args.sarifRoot !== undefined && (command !== 'check' || args.format !== 'sarif'))
    throw new UsageError(msg('--sarif-root goes with check --format sarif'));
  if (args.sarifRoot !== undefined && !isDirectory(args.sarifRoot))
    throw new UsageError(msg('--sarif-root must be a folder: {path}', { path: args.sarifRoot }));
  if (!args.paths.length) args.paths.push('.');
  // Only folders and regular files: reading a FIFO blocks forever, /dev/zero never ends.
  for (const p of args.paths) {
    if (!existsSync(p)) throw new UsageError(msg('no such file or folder: {path}', { path: p }));
    const kind = specialKind(statSync(p));
    if (kind) throw new UsageError(msg('{path} is {kind}; give YAML files or folders', { path: p, kind }));
  }
  if (args.config) {
    if (!existsSync(args.config)) throw new UsageError(msg('no such config file: {path}', { path: args.config }));
    const st = statSync(args.config);
    if (!st.isFile())
      throw new UsageError(
        msg('--config {path} is {kind}, not a config file', {
          path: args.config,
          kind: st.isDirectory() ? msg('a folder') : specialKind(st)!,
        }),
      );
  }
  return args;
}

/** A tsb.config.yaml's text, read like any other file (regular files only, size limit, UTF-8). */
function readConfig(path: string, maxBytes: number): string {
  const read = readText(path, maxBytes);
  if ('skipped' in read) {
    // English says it of the config ("it is 25 MiB, above…"); other languages give the reason as it is.
    const why =
      lang.text === 'en'
        ? render(read.skipped)
            .replace(/; it is not (analysed|read)\.$/, '.')
            .replace(/^This (file )?/, 'it ')
        : read.skipped;
    throw new FatalError(msg('cannot use the config {path}: {why}', { path: display(path), why }));
  }
  return read.text;
}

function loadProject(args: Args): {
  project: Project;
  files: FoundFile[];
  configs: string[];
  unreadable: UnreadableFolder[];
} {
  const project = createProject({ maxFileSize: args.maxFileSize, batch: true }, precompiledValidators());
  const configs = new Set<string>();
  if (args.config) {
    // An explicit config governs every checked path: globs are relative to its folder when the paths
    // lie inside it, else to the current folder (where the command was run).
    const c = resolve(args.config);
    configs.add(c);
    // Compare real paths: a config or a path reached through a symlink is still inside.
    const real = (p: string) => {
      try {
        return realpathSync(p);
      } catch {
        return resolve(p);
      }
    };
    const inside = args.paths.every((p) => (real(p) + '/').startsWith(real(dirname(c)) + '/'));
    const base = args.paths.every((p) => (resolve(p) + '/').startsWith(dirname(c) + '/'))
      ? dirname(c)
      : real(dirname(c));
    project.setConfig(
      pathToFileURL(inside ? base : process.cwd()).href,
      readConfig(c, args.maxFileSize),
      pathToFileURL(c).href,
    );
  }
  const scan = scanYamlFiles(args.paths, true);
  const scanned = scan.files;
  if (!args.config) {
    // Like the editor: the config above each path, and every tsb.config.yaml below it, each bounding its own project.
    const above = new Set<string>();
    for (const p of args.paths) {
      const c = findConfigUpwards(p, CONFIG_FILE);
      if (c) {
        configs.add(c);
        above.add(c);
      }
    }
    for (const f of scanned) if (!f.source && f.path.endsWith(`${sep}${CONFIG_FILE}`)) configs.add(f.path);
    for (const c of configs) {
      // A config above every checked path governs them without being among them: say which one it is.
      if (above.has(c) && !args.paths.some((p) => (dirname(c) + sep).startsWith(resolve(p) + sep)))
        process.stderr.write(`tsb-lint: ${escapeText(render(msg('using {path}', { path: display(c) }), lang.text))}\n`);
      project.setConfig(pathToFileURL(dirname(c)).href, readConfig(c, args.maxFileSize));
    }
  }
  // check and failover need YAML to work on: a path without any is a mistake, not a green run.
  if (args.command !== 'units') {
    const nothing = nothingToCheck(
      args.paths,
      scanned.filter((f) => !f.source),
    );
    if (nothing) throw new UsageError(nothing);
  }
  const found = scanned.filter((f) => !configs.has(f.path) && !f.path.endsWith(`${sep}${CONFIG_FILE}`));
  for (const f of found) {
    const uri = pathToFileURL(f.path).href;
    if (project.isIgnored(uri)) continue;
    // A script, Makefile or Markdown file given by name is read like one found in a folder.
    if (f.source || (!isYamlFile(f.path) && isSourceFile(basename(f.path)))) {
      const read = readText(f.path, MAX_SOURCE_BYTES);
      if ('text' in read) project.setSource(uri, read.text);
      continue;
    }
    // Any other file given by name that is not YAML is reported as skipped, never parsed as YAML.
    const read = isYamlFile(f.path) ? readText(f.path, args.maxFileSize) : { skipped: NOT_YAML };
    if ('skipped' in read) project.update(uri, '', 0, { skip: read.skipped });
    else project.update(uri, read.text, 0, { template: f.template, strictUtf8: true });
  }
  return { project, files: scanned.filter((f) => !f.source), configs: [...configs], unreadable: scan.unreadable };
}

/** A folder that could not be listed: its files are missing from the check, which must not pass unnoticed. */
function unreadableProblem(u: UnreadableFolder): FileProblem {
  const at = { line: 0, character: 0 };
  const why = msg('This folder could not be read ({error}); the YAML files in it are not checked.', {
    error: u.reason,
  });
  return {
    path: u.path,
    problem: {
      rule: 'file-skipped',
      severity: 'warning',
      message: render(why),
      messageL10n: why,
      range: { start: at, end: at },
    },
  };
}

const NOT_YAML = msg('This file is not YAML (its name does not end in .yaml or .yml); it is not analysed.');

/**
 * Why there is nothing to check, if so: a folder given as PATH holds no YAML file (a mistyped CI path
 * must not pass green), or no YAML file is left at all (`check README.md`). Files given by name that
 * are not YAML are allowed next to YAML ones (`check deploy/*`): they are reported as skipped.
 */
function nothingToCheck(paths: string[], found: FoundFile[]): Message | undefined {
  for (const p of paths) {
    if (!isDirectory(p)) continue;
    const dir = resolve(p);
    const under = (f: FoundFile) => f.path.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);
    // A folder given twice (through a symlink) is scanned once, under its first name: look again alone.
    if (!found.some(under) && !findYamlFiles([p]).length)
      return msg('no YAML files (*.yaml, *.yml) in {path}: nothing to check', { path: p });
  }
  if (!found.some((f) => isYamlFile(f.path))) {
    return paths.length === 1
      ? msg('{path} is not a YAML file (*.yaml, *.yml): nothing to check', { path: paths[0]! })
      : msg('{paths} are not YAML files (*.yaml, *.yml): nothing to check', { paths: paths.join(', ') });
  }
  return undefined;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The repository root: the nearest folder at or above the current one that holds .git, else the current folder. */
function repositoryRoot(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

function check(args: Args): number {
  const { project, files, configs, unreadable } = loadProject(args);
  const uris = [...project.uris().filter((u) => !project.isIgnored(u)), ...configs.map((c) => pathToFileURL(c).href)];
  const each = function* (): Generator<FileProblem> {
    yield* unreadable.map(unreadableProblem);
    for (const uri of uris.sort()) {
      for (const p of project.diagnostics(uri)) yield { path: fileURLToPath(uri), problem: p };
    }
  };
  const locale = args.format === 'text' ? lang.text : lang.data;
  if (args.format === 'json') {
    // Written as it is found: a large project's report is never held whole in memory.
    let errors = false;
    const out = new BufferedStdout();
    const w = new JsonCheckWriter((s) => out.write(s), process.cwd(), locale);
    for (const p of each()) {
      errors ||= p.problem.severity === 'error';
      w.add(p);
    }
    w.end();
    out.flush();
    return errors ? 1 : 0;
  }
  const problems = [...each()];
  // Counted: the files found under the given paths and checked (a config found above them is reported, not counted).
  const found = new Set(files.map((f) => pathToFileURL(f.path).href));
  const fileCount = uris.filter((u) => found.has(u)).length;
  const { version, repository } = packageInfo();
  const sarifRoot = resolve(args.sarifRoot ?? repositoryRoot());
  process.stdout.write(
    formatCheck(problems, args.format, { fileCount, cwd: process.cwd(), sarifRoot, version, repository, locale }),
  );
  return problems.some((p) => p.problem.severity === 'error') ? 1 : 0;
}

function display(path: string): string {
  return displayPath(path, process.cwd());
}

function units(args: Args): number {
  const { project } = loadProject(args);
  if (args.format === 'config') {
    // The inferred deployment as a tsb.config.yaml for the (first) folder given.
    const root = resolve(args.paths[0]!);
    const dir = statSync(root).isDirectory() ? root : dirname(root);
    process.stdout.write(
      inferredConfig(project.deployment(pathToFileURL(join(dir, CONFIG_FILE)).href), pathToFileURL(dir).href),
    );
    return 0;
  }
  process.stdout.write(
    formatUnits(
      project.deployments(),
      args.format,
      (uri) => display(fileURLToPath(uri)),
      args.format === 'text' ? lang.text : lang.data,
    ),
  );
  return 0;
}

function failover(args: Args): number {
  const { project } = loadProject(args);
  const model = project.failoverModel();
  const out = formatFailover(
    model,
    args.down,
    args.format,
    (uri) => display(fileURLToPath(uri)),
    args.format === 'text' ? lang.text : lang.data,
  );
  if (out.usage) throw new UsageError(out.usage);
  process.stdout.write(out.text);
  return 0;
}

function main(argv: string[]): number {
  lang = chooseLanguages(argv, process.env);
  if (lang.invalid !== undefined)
    throw new UsageError(msg('--lang must be en or zh-cn, not "{value}"', { value: lang.invalid }));
  const args = parseArgs(argv);
  if (args === 'help') {
    process.stdout.write(
      `${render(msg('Usage:'), lang.text)}\n${COMMANDS}\n${render(msg('--lang: the language of messages (en or zh-cn); without it, text output follows LC_ALL, LC_MESSAGES or LANG, and JSON and SARIF are in English.'), lang.text)}\n`,
    );
    return 0;
  }
  if (args === 'version') {
    process.stdout.write(`${packageInfo().version}\n`);
    return 0;
  }
  return args.command === 'check' ? check(args) : args.command === 'units' ? units(args) : failover(args);
}

// V8 moves allocations from sites whose objects tend to survive straight to the old generation. One large
// YAML document (a tsb.config.yaml with thousands of placements) makes the parser's sites look like that,
// and then every later document's syntax tree, garbage a moment later, fills the old generation instead:
// on 100,000 documents behind such a config, peak memory 1.5× and CPU time 1.5×. Set before any parsing.
setFlagsFromString('--no-allocation-site-pretenuring');

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  // Messages may quote arguments and file names: escaped, so they stay one line.
  const say = (m: Message) => escapeText(render(m, lang.text));
  if (err instanceof UsageError)
    process.stderr.write(`tsb-lint: ${say(msg('{error} (see tsb-lint --help)', { error: err.text }))}\n`);
  else if (err instanceof FatalError) process.stderr.write(`tsb-lint: ${say(err.text)}\n`);
  else
    process.stderr.write(
      `tsb-lint: ${say(msg('internal error: {error}', { error: String((err as Error)?.message ?? err).split('\n')[0]! }))}\n`,
    );
  process.exitCode = 2;
}

export type { Problem };
