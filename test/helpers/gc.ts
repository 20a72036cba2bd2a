// The garbage collector, for tests about what a project keeps.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** The garbage collector, reached without a command-line flag (test runs pass none). */
export function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
