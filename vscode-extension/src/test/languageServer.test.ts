import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { resolveRequirements } from '../server/requirements';
import { buildServerCommand, SERVER_JAR } from '../server/serverOptions';

// Starts the server exactly as the extension does (same Java discovery, same command line, the jar
// that `npm run package` ships) and talks LSP to it over stdio.

const extensionPath = path.resolve(__dirname, '..', '..');
const jar = path.join(extensionPath, SERVER_JAR);
const skip = fs.existsSync(jar)
  ? false
  : `no language server at ${jar}; build it (mvn -B package -pl lsp-server -am) and run npm test again, which stages it`;

const fixture = path.join(extensionPath, 'test', 'fixtures', 'broken.job.json');
const BROKEN = "tags.floor = = '3'";
const FIXED = "tags.floor = '3'";

test('the packaged server reports and clears query diagnostics over stdio', { skip, timeout: 60_000 }, async () => {
  const java = await resolveRequirements(undefined);
  const { command, args } = buildServerCommand(java.executable, extensionPath);
  const server = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const diagnostics = new DiagnosticsInbox(connection);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.listen();

  try {
    const initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } }, workspace: { configuration: true } },
    });
    assert.ok(initialized.capabilities.textDocumentSync, 'server announces text document sync');
    await connection.sendNotification(InitializedNotification.type, {});

    const uri = pathToFileURL(fixture).href;
    const text = fs.readFileSync(fixture, 'utf8');
    assert.ok(text.includes(BROKEN));
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'hubjobs-job', version: 1, text },
    });
    const reported = await diagnostics.next(uri, (p) => p.diagnostics.length > 0);
    const query = reported.diagnostics.find((d) => d.code === 'HJ010');
    assert.ok(query, `expected HJ010 among ${JSON.stringify(reported.diagnostics)}`);
    assert.equal(query.source, 'hubjobs');
    assert.equal(query.range.start.line, 8, 'on the queryCondition line');

    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: text.replace(BROKEN, FIXED) }],
    });
    const cleared = await diagnostics.next(uri, (p) => p.diagnostics.length === 0 || p.version === 2);
    assert.deepEqual(cleared.diagnostics, []);

    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0, `server exit code (stderr: ${stderr})`);
  } finally {
    connection.dispose();
    server.kill();
  }
});

/** Collects published diagnostics so a test can wait for the next matching one. */
class DiagnosticsInbox {
  private readonly received: PublishDiagnosticsParams[] = [];
  private readonly waiting: { accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

  constructor(connection: ProtocolConnection) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const waiter = this.waiting.find((w) => w.accept(params));
      if (waiter) {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        waiter.resolve(params);
      } else {
        this.received.push(params);
      }
    });
  }

  /** The first publication for `uri` that satisfies `accept`, waiting up to 20 s for it. */
  next(uri: string, accept: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    const matches = (p: PublishDiagnosticsParams) => p.uri === uri && accept(p);
    const earlier = this.received.findIndex(matches);
    if (earlier >= 0) {
      return Promise.resolve(this.received.splice(earlier, 1)[0]);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within 20 s`)), 20_000);
      this.waiting.push({ accept: matches, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }
}
