// What a workspace file is to the server (a tsb.config.yaml, YAML to analyse, a deploy script that
// says where YAML is applied), and the one test of whether a text is the one already held.
import { CONFIG_FILE, Project } from '../engine/index';

export function isConfigUri(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE}`);
}

export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

export function isYamlUri(uri: string): boolean {
  return /\.ya?ml$/i.test(uri.split(/[?#]/)[0]!);
}

/** A deploy script, Makefile or Markdown file: it says where YAML files are applied. */
export function isSourceUri(uri: string): boolean {
  return Project.isSource(uri.split(/[?#]/)[0]!);
}

/**
 * `holder` (an editor's document, an analysis's document, an analysis under way) holds exactly `text`.
 * Every "is this the same text?" decision of the server goes through here, so they cannot drift apart.
 */
export function holdsText(holder: { getText(): string } | { text: string } | undefined, text: string): boolean {
  if (!holder) return false;
  return ('text' in holder ? holder.text : holder.getText()) === text;
}
