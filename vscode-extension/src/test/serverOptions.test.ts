import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildServerCommand, prepareExecutable, SERVER_JAR } from '../server/serverOptions';

test('the server runs as java -XX:+ExitOnOutOfMemoryError -XX:+DisplayVMOutputToStderr -jar <extension>/server/hubjobs-lsp.jar', () => {
  const extensionPath = path.join(os.tmpdir(), 'ext dir');
  assert.deepEqual(buildServerCommand('/opt/jdk-17/bin/java', extensionPath), {
    command: '/opt/jdk-17/bin/java',
    args: [
      '-XX:+ExitOnOutOfMemoryError',
      '-XX:+DisplayVMOutputToStderr',
      '-jar',
      path.join(extensionPath, 'server', 'hubjobs-lsp.jar'),
    ],
  });
});

test('prepareExecutable uses the Java that was found and the bundled jar', () => {
  const extensionPath = fs.mkdtempSync(path.join(os.tmpdir(), 'hubjobs-ext-'));
  fs.mkdirSync(path.join(extensionPath, 'server'));
  fs.writeFileSync(path.join(extensionPath, SERVER_JAR), '');
  const executable = prepareExecutable({ source: 'PATH', executable: '/usr/bin/java', version: 17 }, extensionPath);
  assert.deepEqual(executable, buildServerCommand('/usr/bin/java', extensionPath));
});

test('prepareExecutable fails clearly when the extension has no server jar', () => {
  const extensionPath = fs.mkdtempSync(path.join(os.tmpdir(), 'hubjobs-ext-'));
  assert.throws(
    () => prepareExecutable({ source: 'PATH', executable: '/usr/bin/java', version: 17 }, extensionPath),
    /language server is missing from the extension .*hubjobs-lsp\.jar.*reinstall/,
  );
});
