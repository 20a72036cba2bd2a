// The deployment inference runs in slices in the language server: each tsb.config.yaml placement (matched
// against every file) and each few hundred files of the folder conventions end a step, so a large
// repository never holds requests behind one long inference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project } from '../helpers/engine';
import { ns } from './support';

function stepsOfDerive(files: Record<string, string>): number {
  const t = project(files);
  let steps = 0;
  const run = t.p.deriveSteps();
  while (!run.next().done) steps++;
  return steps;
}

function repository(placements: number, namespaces: number): Record<string, string> {
  const files: Record<string, string> = {
    'tsb.config.yaml': `placements:\n${Array.from(
      { length: placements },
      (_, i) => `  - files: apps/a${i}/**\n    clusters: [c${i}]\n`,
    ).join('')}`,
  };
  for (let i = 0; i < namespaces; i++) files[`apps/a${i % placements}/ns-${i}.yaml`] = ns(`ns-${i}`);
  return files;
}

test('every placement of tsb.config.yaml is matched in a step of its own', () => {
  const few = stepsOfDerive(repository(1, 60));
  const many = stepsOfDerive(repository(60, 60));
  assert.ok(many - few >= 59, `steps with 1 placement: ${few}, with 60: ${many}`);
});

test('files placed by folder conventions are looked at a few hundred per step', () => {
  // No config: every file is placed by the folder conventions.
  const files = (n: number) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`k8s/ns-${i}.yaml`, ns(`ns-${i}`)]));
  const small = stepsOfDerive(files(10));
  const large = stepsOfDerive(files(3000));
  assert.ok(large - small >= 5, `steps with 10 files: ${small}, with 3,000: ${large}`);
});
