// Settings pulled with workspace/configuration and cached until didChangeConfiguration.
// Clients without workspace/configuration (some LSP editors) use initializationOptions.settings,
// or the `settings` payload of didChangeConfiguration (the classic push model).
import type { Connection } from 'vscode-languageserver';
import { normaliseSettings, SETTINGS_SECTION, type Settings } from '../protocol';
import type { Logger } from './guard';

export class SettingsStore {
  private cached: Promise<Settings> | undefined;
  private pushed: unknown;
  /** Bumped whenever settings are re-read: part of diagnostic result ids. */
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    private readonly initial: unknown,
    private readonly logger: Logger,
  ) {}

  get(): Promise<Settings> {
    if (!this.cached) this.cached = this.load();
    return this.cached;
  }

  /** didChangeConfiguration: forget the cache; a push-model client may hand us the new values. */
  invalidate(pushedSettings?: unknown): void {
    if (pushedSettings && typeof pushedSettings === 'object' && SETTINGS_SECTION in pushedSettings) {
      this.pushed = (pushedSettings as Record<string, unknown>)[SETTINGS_SECTION];
    }
    this.cached = undefined;
    this.generation++;
  }

  private async load(): Promise<Settings> {
    const base = { ...(this.initial as object | undefined), ...(this.pushed as object | undefined) };
    if (!this.canPull) return normaliseSettings(base);
    try {
      const value: unknown = await this.connection.workspace.getConfiguration(SETTINGS_SECTION);
      // A client may answer null for an unknown section; fall back to what we were given.
      return normaliseSettings(value && typeof value === 'object' ? { ...base, ...value } : base);
    } catch (err) {
      this.logger.warn(`Could not read settings: ${String((err as Error)?.message ?? err)}`);
      return normaliseSettings(base);
    }
  }
}
