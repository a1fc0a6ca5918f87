import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RestartPolicy } from '../client/restartPolicy';

test('allows maxRestarts restarts within the window, then refuses', () => {
  const policy = new RestartPolicy(3, 60_000);
  assert.deepEqual([0, 1_000, 2_000, 3_000].map((t) => policy.shouldRestart(t)), [true, true, true, false]);
});

test('crashes older than the window no longer count', () => {
  const policy = new RestartPolicy(2, 60_000);
  assert.equal(policy.shouldRestart(0), true);
  assert.equal(policy.shouldRestart(10_000), true);
  assert.equal(policy.shouldRestart(59_999), false);
  assert.equal(policy.shouldRestart(60_000), true);
});

test('reset forgets earlier crashes', () => {
  const policy = new RestartPolicy(1, 60_000);
  assert.equal(policy.shouldRestart(0), true);
  assert.equal(policy.shouldRestart(1), false);
  policy.reset();
  assert.equal(policy.shouldRestart(2), true);
});
