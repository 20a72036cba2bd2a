import { defineRule } from './types';

export default defineRule({
  id: 'unknown-field',
  severity: 'error',
  scope: 'single-file',
  fixable: true,
  description:
    'A field the schema does not have: the nearest name, or the level it belongs to when a block is mis-indented.',
  explanation: `TSB resources are protobuf messages: a field they do not have is dropped (or the whole object is
rejected), so the setting you wrote never takes effect. When the key exists one level deeper or shallower,
the block is mis-indented: the message says where it belongs, the quick fix moves it, and the block is
still validated as if it were where it belongs, so its own mistakes are reported in the same pass.`,
  bad: `spec:
defaultEastWestGatewaySettings:     # not under spec
  - workloadSelector:
      namespace: eastwest`,
  good: `spec:
  defaultEastWestGatewaySettings:
    - workloadSelector:
        namespace: eastwest`,
});
