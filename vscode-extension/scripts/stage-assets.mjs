// Copies what the extension ships but does not build itself into place:
//   ../lsp-server/target/hubjobs-lsp.jar -> server/hubjobs-lsp.jar  (built by the lsp-server module)
//   ../LICENSE                           -> LICENSE                 (the project's licence, shipped in the vsix)
// Usage: node scripts/stage-assets.mjs [--if-present]
// Without --if-present a missing input is an error (packaging must not produce a broken vsix);
// with it, missing inputs are only reported (tests that need them skip themselves).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = path.resolve(extensionDir, '..');
const assets = [
  {
    from: path.join(repoDir, 'lsp-server', 'target', 'hubjobs-lsp.jar'),
    to: path.join(extensionDir, 'server', 'hubjobs-lsp.jar'),
    hint: 'build the language server first: mvn -B package -pl lsp-server -am (from the repository root)',
  },
  {
    from: path.join(repoDir, 'LICENSE'),
    to: path.join(extensionDir, 'LICENSE'),
    hint: 'it is committed at the root of the repository; restore it',
  },
];

const ifPresent = process.argv.includes('--if-present');
const missing = [];
for (const { from, to, hint } of assets) {
  if (!existsSync(from)) {
    missing.push(`${path.relative(extensionDir, from)} is missing: ${hint}`);
    continue;
  }
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
  console.log(`staged ${path.relative(extensionDir, to)}`);
}
for (const message of missing) {
  console.error(`${ifPresent ? 'note' : 'error'}: ${message}`);
}
if (missing.length > 0 && !ifPresent) {
  process.exit(1);
}
