import { pathToFileURL } from 'node:url';
import { RULES } from '../engine/problems';
import type { Problem } from '../engine/types';

// Output formats of `tsb-lint check` (contract §3): text lines, JSON (1-based lines/columns) and SARIF 2.1.0.

export interface FileProblem {
  file: string;
  problem: Problem;
}

export function formatCheck(items: FileProblem[], format: string, fileCount: number): string {
  if (format === 'json') return JSON.stringify({ diagnostics: items.map(toJson) }, null, 2) + '\n';
  if (format === 'sarif') return JSON.stringify(toSarif(items), null, 2) + '\n';
  const lines = items.map(({ file, problem: p }) => `${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity} ${p.rule}: ${p.message}`);
  const count = (s: string) => items.filter((i) => i.problem.severity === s).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info') + count('hint'), 'note')} in ${plural(fileCount, 'file')}.`);
  return lines.join('\n') + '\n';
}

function toJson({ file, problem: p }: FileProblem) {
  return {
    file,
    line: p.range.start.line + 1,
    column: p.range.start.character + 1,
    endLine: p.range.end.line + 1,
    endColumn: p.range.end.character + 1,
    severity: p.severity,
    rule: p.rule,
    message: p.message,
    ...(p.data ? { fix: p.data } : {}),
  };
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function toSarif(items: FileProblem[]) {
  const used = [...new Set(items.map((i) => i.problem.rule))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'tsb-lint',
          informationUri: 'https://github.com/tsb-authoring/tsb-authoring',
          rules: used.map((id) => ({
            id,
            shortDescription: { text: RULES.get(id)?.description ?? id },
            defaultConfiguration: { level: SARIF_LEVEL[RULES.get(id)?.severity ?? 'warning'] },
          })),
        },
      },
      results: items.map(({ file, problem: p }) => ({
        ruleId: p.rule,
        ruleIndex: used.indexOf(p.rule),
        level: SARIF_LEVEL[p.severity],
        message: { text: p.message },
        locations: [{
          physicalLocation: {
            // Relative paths are relative to the scanned root; an absolute one is a file:// URI of its own.
            artifactLocation: file.startsWith('/') ? { uri: pathToFileURL(file).href } : { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
            region: { startLine: p.range.start.line + 1, startColumn: p.range.start.character + 1, endLine: p.range.end.line + 1, endColumn: p.range.end.character + 1 },
          },
        }],
      })),
    }],
  };
}
