// Runs the compiled tests (out/test/*.test.js) with Node's test runner. Listing the files here
// rather than passing a directory or glob works the same on Node 20 and 22 and on Windows shells.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const testDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'out', 'test');
const files = readdirSync(testDir)
  .filter((name) => name.endsWith('.test.js'))
  .map((name) => path.join(testDir, name));
if (files.length === 0) {
  console.error(`no compiled tests in ${testDir}; run npm run compile first`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
