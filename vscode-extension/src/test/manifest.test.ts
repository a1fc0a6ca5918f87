import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  JAVA_HOME_SETTING,
  LANGUAGE_ID,
  RESTART_SERVER_COMMAND,
  SETTINGS_SECTION,
  SHOW_OUTPUT_COMMAND,
  VALIDATE_TRIGGER_SETTING,
} from '../constants';

// package.json entries whose absence VS Code does not report: the file just opens as plain JSON,
// or the extension never activates, or the schema is never applied.

const extensionPath = path.resolve(__dirname, '..', '..');
interface Manifest {
  main: string;
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  extensionDependencies?: string[];
  contributes: {
    languages: { id: string; filenamePatterns?: string[]; configuration?: string }[];
    grammars: { language: string; path: string }[];
    jsonLanguageParticipants?: { languageId: string; comments?: boolean }[];
    jsonValidation?: { fileMatch: string | string[]; url: string }[];
    commands: { command: string }[];
    configuration: { properties: Record<string, unknown> };
  };
}
const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as Manifest;
const contributes = manifest.contributes;

test('*.job.json gets its own language, with a configuration file (needed for implicit activation)', () => {
  const language = contributes.languages.find((l) => l.id === LANGUAGE_ID);
  assert.ok(language);
  assert.deepEqual(language.filenamePatterns, ['*.job.json']);
  assert.ok(language.configuration && fs.existsSync(path.join(extensionPath, language.configuration)));
  const grammar = contributes.grammars.find((g) => g.language === LANGUAGE_ID);
  assert.ok(grammar && fs.existsSync(path.join(extensionPath, grammar.path)));
});

test("VS Code's JSON support stays out of job files: each problem shows once, from hubjobs", () => {
  // A JSON language participant is validated by VS Code's JSON server (json.validate.enable is one
  // switch for every document it serves), which reports the unquoted keys, trailing commas and
  // type errors that hubjobs reports with its rule codes: see docs/decisions.md.
  assert.equal(contributes.jsonLanguageParticipants, undefined);
  assert.equal(contributes.jsonValidation, undefined);
  assert.equal(manifest.extensionDependencies, undefined);
});

test('settings and commands used by the code are declared', () => {
  const settings = Object.keys(contributes.configuration.properties).sort();
  assert.deepEqual(settings, [JAVA_HOME_SETTING, 'hubjobs.fleet', 'hubjobs.tier', 'hubjobs.units', 'hubjobs.trace.server', VALIDATE_TRIGGER_SETTING].sort());
  assert.ok(settings.every((key) => key.startsWith(`${SETTINGS_SECTION}.`)));
  assert.deepEqual(contributes.commands.map((c) => c.command).sort(), [RESTART_SERVER_COMMAND, SHOW_OUTPUT_COMMAND].sort());
});

test('@types/vscode matches the declared engine (vsce refuses newer typings)', () => {
  assert.equal(manifest.engines.vscode, '^1.91.0');
  assert.equal(manifest.devDependencies['@types/vscode'], '~1.91.0');
});

test('the packaged files are the ones the manifest points at', () => {
  const ignore = fs.readFileSync(path.join(extensionPath, '.vscodeignore'), 'utf8');
  for (const kept of ['dist/extension.js', 'server/hubjobs-lsp.jar', 'language-configuration.json']) {
    assert.ok(ignore.includes(`!${kept}`), `.vscodeignore keeps ${kept}`);
  }
  assert.equal(manifest.main, './dist/extension.js');
});

test('the trigger setting offers exactly the values the client understands', () => {
  const trigger = contributes.configuration.properties[VALIDATE_TRIGGER_SETTING] as { enum: string[]; default: string };
  assert.deepEqual(trigger.enum, ['onType', 'onSave']);
  assert.equal(trigger.default, 'onType');
});
