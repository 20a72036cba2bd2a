// What a workspace file is to the server: a tsb.config.yaml, YAML to analyse, or a deploy script that
// says where YAML is applied.
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
