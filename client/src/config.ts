// A typed, read-only view of the `tsb.*` settings, normalised by the same function the server uses,
// so both sides always agree on defaults and bounds (server/src/protocol.ts).
import * as vscode from 'vscode';
import { readSettingsWith, SETTINGS_SECTION, type Settings } from '../../server/src/protocol';

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return readSettingsWith((key) => c.get(key));
}
