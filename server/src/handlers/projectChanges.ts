// The one way the project is brought up to date, and the one event that says it changed.
// Pending editor text is analysed (flush), the cross-file results are derived in slices, and then
// everything that shows results derived from the whole project hears once per change: pull clients
// are asked to re-pull, code lenses refresh, the failover preview reloads its model.
import type { Project } from '../engine/index';
import type { Disposable } from '../runtime';
import type { WorkspaceSync } from './workspaceSync';

export interface ProjectChange {
  /** The project's version once the change is in. */
  version: number;
  /**
   * The cross-file results moved. When false, only what decides diagnostics changed (settings, or the
   * text of a closed file): diagnostics may differ, the failover model and code lenses do not.
   */
  crossFile: boolean;
}

export interface UpdateOptions {
  /** Asked between the steps: a run overtaken by a newer one stops (the newer one finishes the work). */
  isCurrent?: () => boolean;
  /** Tell subscribers when something changed (default). Queries that only read answer without telling. */
  announce?: boolean;
}

export class ProjectChanges {
  private readonly listeners = new Set<(change: ProjectChange) => void>();
  private lastVersion = -1;
  private lastSettings = -1;
  private closedFiles = false;
  private stopped = false;

  constructor(
    private readonly project: Project,
    private readonly sync: WorkspaceSync,
    /** Bumped whenever settings are re-read (rule severities, enable): diagnostics change with them. */
    private readonly settingsGeneration: () => number,
  ) {}

  onDidChange(listener: (change: ProjectChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * A closed file's text changed (an editor closed it, or the disk changed): its diagnostics may differ
   * even when the project's cross-file version does not move.
   */
  closedFileChanged(): void {
    this.closedFiles = true;
  }

  /**
   * Brings the project up to date: the scan is done, editors' text is analysed, cross-file results are
   * derived; then subscribers hear of the change, once. Resolves false when overtaken (`isCurrent`).
   */
  async update(options: UpdateOptions = {}): Promise<boolean> {
    const current = options.isCurrent ?? (() => true);
    await this.sync.ready;
    if (!current()) return false;
    await this.sync.flush();
    // Edited again while a slice of analysis ran: the newer run goes on.
    if (!current()) return false;
    // Cross-file results in slices: requests are answered in between.
    await this.sync.derive();
    if (!current()) return false;
    if (options.announce !== false) this.announce();
    return true;
  }

  /** Shutdown: no more events. */
  stop(): void {
    this.stopped = true;
  }

  private announce(): void {
    if (this.stopped) return;
    const settings = this.settingsGeneration();
    const version = this.project.version;
    if (version === this.lastVersion && settings === this.lastSettings && !this.closedFiles) return;
    this.closedFiles = false;
    const change: ProjectChange = { version, crossFile: version !== this.lastVersion };
    this.lastVersion = version;
    this.lastSettings = settings;
    for (const listener of [...this.listeners]) listener(change);
  }
}
