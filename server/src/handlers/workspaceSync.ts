// Fills the engine's Project from the workspace: every workspace folder is scanned at start, open
// editors overlay the disk (editor text wins), watched-file events and editor closes re-read the disk,
// and tsb.config.yaml files become project configs. Edits are applied lazily (flush) so a burst of
// keystrokes costs one analysis.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { holdsText, MAX_SOURCE_BYTES, type Message, type Project } from '../engine/index';
import type { FoundYaml, RuntimeEnvironment } from '../runtime';
import { folderOf, isConfigUri, isSourceUri, isYamlUri } from './files';
import type { Logger } from './guard';
import { EditorFirst, runInSlices, type Priority } from './slices';
import { analyseInSlices, analyseInWorkers } from './analysisRuns';

export type FileChange = { uri: string; type: 'created' | 'changed' | 'deleted' };

const MIB = 1024 * 1024;
/** Files read and analysed at once during a scan: keeps every worker busy. */
const SCAN_CONCURRENCY = 16;
/** A scan of this many files sends each of them to the worker threads, however small. */
const BULK_SCAN_FILES = 200;

export class WorkspaceSync {
  private readonly folders = new Set<string>();
  private readonly open = new Map<string, TextDocument>();
  private readonly dirty = new Set<string>();
  private readonly generations = new Map<string, number>();
  private readonly configUris = new Set<string>();
  private readonly templates = new Set<string>();
  private maxBytes = 20 * MIB;
  private listeners: (() => void)[] = [];
  /** Resolves when the current scan (initial or after a config/settings change) is done. */
  ready: Promise<void> = Promise.resolve();
  /** Resolves once the server's settings are known (scans not included). */
  initialized: Promise<void> = Promise.resolve();
  /** Applying editors' text (the flush): urgent work the scan waits for. */
  private readonly editors = new EditorFirst();
  /** Analyses under way, by file: a second request for the same text waits for the first. */
  private readonly inflight = new Map<string, { text: string; done: Promise<void>; priority: Priority }>();
  private scanning = 0;
  /** A large scan is running: its files go to the workers whatever their size. */
  private bulk = false;
  /** Scans asked for and not finished (queued behind initialization or another scan, or running). */
  private scansPending = 0;
  private deriving: Promise<void> | undefined;

  constructor(
    private readonly project: Project,
    private readonly runtime: RuntimeEnvironment,
    private readonly logger: Logger,
  ) {
    // While the workspace is read or checked in slices, hover and completion answer from the last
    // complete cross-file results instead of recomputing them on the spot.
    project.setStaleReads(() => this.busy || this.deriving !== undefined);
  }

  /** Holds every query until `p` settles (the server's settings are read before the first answer). */
  waitFor(p: Promise<void>): void {
    this.ready = this.ready.then(() => p);
    this.initialized = this.initialized.then(() => p);
  }

  /** The scan is done and every editor text is analysed: what queries about the whole project wait for. */
  async settled(): Promise<void> {
    await this.ready;
    await this.flush();
  }

  /** A scan or a flush is running (an analysis may be half-way through a large file). */
  get busy(): boolean {
    return this.scanning > 0 || this.editors.running;
  }

  /** The workspace is still being read (from the request to scan until the last file is in). */
  get scanPending(): boolean {
    return this.scansPending > 0;
  }

  /**
   * Brings the cross-file results up to date in time slices (requests are answered in between); one
   * computation at a time. Stops early when the project changes meanwhile: the caller's next run
   * computes them for the new state.
   */
  derive(): Promise<void> {
    this.deriving ??= this.runDerive().finally(() => {
      this.deriving = undefined;
    });
    return this.deriving;
  }

  private async runDerive(): Promise<void> {
    const version = this.project.version;
    await runInSlices(this.runtime, this.project.deriveSteps(), { stop: () => this.project.version !== version });
  }

  /** How the project analyses this file (templates are reported, not parsed). */
  updateOptions(uri: string): { template?: boolean } {
    return this.templates.has(uri) ? { template: true } : {};
  }

  /** Is the project's analysis of this open document out of date (edited, or still being analysed)? */
  isStale(uri: string): boolean {
    const doc = this.open.get(uri);
    return !!doc && (this.dirty.has(uri) || this.project.analysis(uri)?.version !== doc.version);
  }

  /** Called after the project may have changed (debounced by the caller). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  setMaxFileSize(mib: number): boolean {
    const bytes = Math.floor(mib * MIB);
    if (bytes === this.maxBytes) return false;
    this.maxBytes = bytes;
    return true;
  }

  /** A per-file counter bumped whenever its analysed text changes (part of diagnostic result ids). */
  generation(uri: string): number {
    return this.generations.get(uri) ?? 0;
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  openDocument(uri: string): TextDocument | undefined {
    return this.open.get(uri);
  }

  openUris(): string[] {
    return [...this.open.keys()];
  }

  /** The tsb.config.yaml files read, with the folder each governs. */
  configFiles(): { uri: string; root: string }[] {
    return [...this.configUris].map((uri) => ({ uri, root: folderOf(uri) }));
  }

  /** A workspace scan is running. */
  get isScanning(): boolean {
    return this.scanning > 0;
  }

  /** Every file that has diagnostics: analysed YAML files plus tsb.config.yaml files. */
  knownUris(): string[] {
    return [...new Set([...this.project.uris().filter((u) => !this.project.isIgnored(u)), ...this.configUris])];
  }

  addFolders(uris: string[]): Promise<void> {
    for (const u of uris) this.folders.add(u.replace(/\/$/, ''));
    return this.rescan();
  }

  removeFolders(uris: string[]): void {
    for (const u of uris) {
      const root = u.replace(/\/$/, '');
      this.folders.delete(root);
      for (const f of this.project.uris()) if (f.startsWith(root + '/') && !this.open.has(f)) this.project.remove(f);
      for (const f of this.project.sourceUris()) if (f.startsWith(root + '/')) this.project.setSource(f, undefined);
      for (const c of [...this.configUris]) if (c.startsWith(root + '/') && !this.open.has(c)) this.dropConfig(c);
    }
    this.changed();
  }

  /** Re-reads every folder (start, tsb.config.yaml change, maxFileSize change). */
  rescan(): Promise<void> {
    this.scansPending++;
    const run = this.ready
      .then(() => this.scanAll())
      .catch((err: unknown) => this.logger.error(`Workspace scan failed: ${String((err as Error)?.stack ?? err)}`))
      .finally(() => {
        this.scansPending--;
      });
    this.ready = run;
    return run;
  }

  private async scanAll(): Promise<void> {
    this.scanning++;
    try {
      await this.scanFolders();
    } finally {
      this.scanning--;
    }
  }

  private async scanFolders(): Promise<void> {
    const found: FoundYaml[] = [];
    for (const folder of this.folders) for (const f of await this.runtime.listYamlFiles(folder)) found.push(f);
    // Configs first: they decide which files are ignored and where the rest are placed.
    for (const f of found.filter((x) => isConfigUri(x.uri))) await this.readFromDisk(f.uri);
    const seen = new Set(found.map((f) => f.uri));
    // Deploy scripts and READMEs: small, read first, so units are known when the YAML arrives.
    for (const f of found.filter((x) => x.source)) await this.readSource(f.uri);
    const queue = found.filter((f) => !isConfigUri(f.uri) && !f.source);
    for (const f of queue) if (f.template) this.templates.add(f.uri);
    await this.readFiles(queue.map((f) => f.uri));
    // Files that vanished while we were not watching (or became ignored).
    for (const u of this.project.uris()) {
      if (!this.open.has(u) && !seen.has(u) && [...this.folders].some((f) => u.startsWith(f + '/')))
        this.project.remove(u);
    }
    for (const u of this.project.sourceUris()) {
      if (!seen.has(u) && [...this.folders].some((f) => u.startsWith(f + '/'))) this.project.setSource(u, undefined);
    }
    this.logger.info(`Scanned ${this.folders.size} workspace folder(s): ${found.length} YAML file(s).`);
    this.changed();
  }

  /** Opened or edited in an editor (`uri` is the normalised spelling of doc.uri). */
  didChange(uri: string, doc: TextDocument): void {
    this.open.set(uri, doc);
    this.dirty.add(uri);
    this.changed();
  }

  /**
   * The editor closed: the disk is the truth again (the edit may have been discarded). A file outside
   * every workspace folder was in the project only while open: it leaves it, with its cross-file effects.
   */
  async didClose(uri: string): Promise<void> {
    this.open.delete(uri);
    this.dirty.delete(uri);
    if (this.inWorkspace(uri)) await this.readFromDisk(uri);
    else this.forget(uri);
    this.changed();
  }

  private inWorkspace(uri: string): boolean {
    for (const f of this.folders) if (uri.startsWith(f + '/')) return true;
    return false;
  }

  /**
   * Files changed on disk. Applied like a scan, after any scan under way: a branch switch changes
   * thousands of files at once, which then go to the worker threads together, while requests read the
   * last complete results (one file after another, each request had run the whole check again).
   */
  async didChangeWatchedFiles(changes: FileChange[]): Promise<void> {
    const run = this.ready.then(() => this.applyDiskChanges(changes));
    this.ready = run.then(
      () => undefined,
      () => undefined,
    );
    if (await run) await this.rescan();
    this.changed();
  }

  /** Applies changes read from disk; true if a tsb.config.yaml changed (then every folder is read again). */
  private async applyDiskChanges(changes: FileChange[]): Promise<boolean> {
    let configChanged = false;
    const changed: string[] = [];
    this.scanning++;
    try {
      for (const c of changes) {
        if (this.open.has(c.uri)) continue; // editor text wins over the disk
        if (isSourceUri(c.uri)) {
          if (c.type === 'deleted') this.project.setSource(c.uri, undefined);
          else await this.readSource(c.uri);
          continue;
        }
        if (!isYamlUri(c.uri)) continue;
        if (isConfigUri(c.uri)) configChanged = true;
        if (c.type === 'deleted') this.forget(c.uri);
        else if (isConfigUri(c.uri)) await this.readFromDisk(c.uri);
        else changed.push(c.uri);
      }
      // A changed config reads every folder again, these files with them.
      if (!configChanged) await this.readFiles(changed);
    } finally {
      this.scanning--;
    }
    return configChanged;
  }

  /**
   * Reads files from disk a few at a time: worker threads analyse them in parallel (all of them when
   * there are many), requests get in between, and files an editor shows go first.
   */
  private async readFiles(uris: string[]): Promise<void> {
    this.bulk = uris.length >= BULK_SCAN_FILES;
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < uris.length) {
        await this.editors.wait();
        if (next >= uris.length) break;
        const uri = uris[next++]!;
        if (!this.open.has(uri)) await this.readFromDisk(uri);
        await this.runtime.timer.yield();
      }
    };
    try {
      await Promise.all(Array.from({ length: SCAN_CONCURRENCY }, lane));
    } finally {
      this.bulk = false;
    }
  }

  /**
   * Applies pending editor text to the project; every query waits for this first. One flush runs at a
   * time (documents edited meanwhile are picked up before it ends), in time slices.
   */
  flush(): Promise<void> {
    return this.editors.run(() => this.runFlush());
  }

  private async runFlush(): Promise<void> {
    while (this.dirty.size) {
      const uri = this.dirty.values().next().value!;
      this.dirty.delete(uri);
      const doc = this.open.get(uri);
      if (doc) await this.apply(uri, doc.getText(), doc.version, undefined, false);
    }
  }

  /** A deploy script, Makefile or README from disk (what it says about units; never analysed as YAML). */
  private async readSource(uri: string): Promise<void> {
    const read = await this.runtime.readFile(uri, MAX_SOURCE_BYTES);
    this.project.setSource(uri, 'text' in read ? read.text : undefined);
  }

  private async readFromDisk(uri: string): Promise<void> {
    const read = await this.runtime.readFile(uri, this.maxBytes);
    if (this.open.has(uri)) return; // opened while we were reading
    if ('missing' in read) this.forget(uri);
    else if ('skipped' in read) await this.apply(uri, '', 0, read.skipped, true);
    else await this.apply(uri, read.text, 0, undefined, true, read.strictUtf8);
  }

  private async apply(
    uri: string,
    text: string,
    version: number,
    skip: Message | undefined,
    fromDisk: boolean,
    strictUtf8?: boolean,
  ): Promise<void> {
    if (isConfigUri(uri)) {
      const before = this.project.version;
      this.configUris.add(uri);
      this.project.setConfig(folderOf(uri), text);
      this.bump(uri);
      // An edited config in the editor may change the ignore list: read the folders again.
      // (Disk changes rescan in didChangeWatchedFiles; the initial scan reads configs first.)
      if (this.project.version !== before && this.open.has(uri)) void this.rescan();
      return;
    }
    if (this.project.isIgnored(uri)) {
      this.project.remove(uri);
      return;
    }
    // The same text is already being analysed (the scan read the file the editor is opening): wait for
    // that analysis instead of doing it twice; what follows then only adopts the editor's version.
    const running = this.inflight.get(uri);
    if (running && holdsText(running, text) && !skip) {
      // Now wanted by an editor: the scan's analysis of it no longer waits for anything.
      if (!fromDisk) this.editors.promote(running.priority);
      await running.done;
    }
    const prev = this.project.analysis(uri);
    if (prev && prev.version === version && holdsText(prev.doc, text) && !skip) return;
    const opts = {
      ...(this.templates.has(uri) ? { template: true } : {}),
      ...(skip ? { skip } : {}),
      ...(strictUtf8 ? { strictUtf8 } : {}),
    };
    const priority: Priority = { high: !fromDisk || this.open.has(uri) };
    const work = (async () =>
      analyseInSlices(
        this.runtime,
        this.editors,
        this.project.prepare(
          uri,
          text,
          version,
          opts,
          await analyseInWorkers(this.project, this.runtime, uri, text, opts, priority, fromDisk && this.bulk),
        ),
        priority,
      ))();
    const mine = {
      text,
      done: work.then(
        () => undefined,
        () => undefined,
      ),
      priority,
    };
    this.inflight.set(uri, mine);
    let prepared: Awaited<typeof work>;
    try {
      prepared = await work;
    } finally {
      if (this.inflight.get(uri) === mine) this.inflight.delete(uri);
    }
    // Opened in an editor with other text while the disk text was being analysed: the editor's text
    // wins; closed while the editor's text was being analysed: the disk's (read by didClose) wins.
    const editor = this.open.get(uri);
    if (fromDisk ? editor !== undefined && !holdsText(editor, text) : editor === undefined) return;
    this.project.commit(prepared);
    this.bump(uri);
  }

  private forget(uri: string): void {
    if (isConfigUri(uri)) this.dropConfig(uri);
    else this.project.remove(uri);
    this.bump(uri);
  }

  private dropConfig(uri: string): void {
    this.configUris.delete(uri);
    this.project.setConfig(folderOf(uri), undefined);
  }

  private bump(uri: string): void {
    this.generations.set(uri, this.generation(uri) + 1);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
