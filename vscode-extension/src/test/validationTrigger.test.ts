import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticPullOptions } from '../client/validationTrigger';

test('onType pulls diagnostics on every change', () => {
  assert.deepEqual(diagnosticPullOptions('onType'), { onChange: true, onSave: false });
});

test('onSave pulls them only when the file is saved', () => {
  assert.deepEqual(diagnosticPullOptions('onSave'), { onChange: false, onSave: true });
});

test('an unset or unknown value behaves like the default, onType', () => {
  assert.deepEqual(diagnosticPullOptions(undefined), diagnosticPullOptions('onType'));
});
