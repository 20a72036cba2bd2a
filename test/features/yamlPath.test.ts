// The caret's YAML path from indentation, on incomplete lines the parser cannot place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionSpot, siblingKeys } from '../../server/src/engine/features/yamlPath';
import { caret } from '../helpers/workspace';

function spotOf(marked: string) {
  const { text, position } = caret(marked);
  return completionSpot(text.split('\n'), position.line, position.character);
}

test('a key being typed under nested mappings', () => {
  assert.deepEqual(spotOf('spec:\n  namespaceSelector:\n    na|\n'), {
    type: 'key',
    path: ['spec', 'namespaceSelector'],
    prefix: 'na',
    col: 4,
    inItem: false,
  });
});

test('a key in a sequence item, on the dash line and below it', () => {
  const doc = 'spec:\n  defaultEastWestGatewaySettings:\n    - workloadSelector:\n        namespace: x\n      expo|\n';
  assert.deepEqual(spotOf(doc), {
    type: 'key',
    path: ['spec', 'defaultEastWestGatewaySettings', 0],
    prefix: 'expo',
    col: 6,
    inItem: false,
  });
  assert.deepEqual(spotOf('spec:\n  defaultEastWestGatewaySettings:\n    - work|\n'), {
    type: 'key',
    path: ['spec', 'defaultEastWestGatewaySettings', 0],
    prefix: 'work',
    col: 6,
    inItem: true,
  });
});

test('a value after `key: ` and an empty sequence item', () => {
  assert.deepEqual(spotOf('metadata:\n  tenant: te|\n'), {
    type: 'value',
    path: ['metadata'],
    key: 'tenant',
    prefix: 'te',
  });
  assert.deepEqual(spotOf('spec:\n  namespaceSelector:\n    names:\n      - |\n'), {
    type: 'item',
    path: ['spec', 'namespaceSelector', 'names'],
    prefix: '',
  });
  assert.deepEqual(spotOf('kind: |'), { type: 'value', path: [], key: 'kind', prefix: '' });
});

test('an indentless sequence under its key, and document markers', () => {
  assert.deepEqual(spotOf('a: 1\n---\nspec:\n  exposedServices:\n  - serviceLabels:\n      |\n'), {
    type: 'key',
    path: ['spec', 'exposedServices', 0, 'serviceLabels'],
    prefix: '',
    col: 6,
    inItem: false,
  });
});

test('sibling keys of the caret mapping', () => {
  const lines = 'spec:\n  a: 1\n  \n  b:\n    c: 2\n  d: 3\nx: 1'.split('\n');
  assert.deepEqual([...siblingKeys(lines, 2, 2, false)].sort(), ['a', 'b', 'd']);
});
