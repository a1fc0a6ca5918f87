// Test-only extension used by scripts/e2e-code-server.sh. When PROBE_FILE and PROBE_OUT are set:
//  1. opens PROBE_FILE and waits until the hubjobs language server has reported on it, then a few
//     seconds more (so that a second source of problems would show); records the diagnostics and
//     the quick fixes VS Code offers;
//     opens the Problems panel and the quick fix menu, then creates PROBE_OUT.ready (screenshot time);
//  2. waits for PROBE_OUT.killed (the script has killed the server process), breaks the query and
//     waits for the server, restarted by the extension, to report the new error;
//  3. writes everything to PROBE_OUT as JSON.
const vscode = require('vscode');
const fs = require('fs');

const TIMEOUT_MS = Number(process.env.PROBE_TIMEOUT_MS) || 120_000;
const SETTLE_MS = 5_000;

exports.activate = async () => {
  const { PROBE_FILE: file, PROBE_OUT: out } = process.env;
  if (!file || !out) {
    return;
  }
  const result = { language: null, diagnostics: [], quickFixes: [], afterRestart: null, elapsedMs: 0, error: null };
  const started = Date.now();
  try {
    const uri = vscode.Uri.file(file);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    result.language = editor.document.languageId;
    const current = () => vscode.languages.getDiagnostics(uri);
    await waitUntil(() => current().some((d) => d.source === 'hubjobs'));
    await sleep(SETTLE_MS);
    const diagnostics = current();
    result.diagnostics = diagnostics.map(describe);

    const fixable = diagnostics.find((d) => d.source === 'hubjobs' && d.severity !== vscode.DiagnosticSeverity.Error)
      ?? diagnostics.find((d) => d.source === 'hubjobs');
    if (fixable) {
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, fixable.range,
        vscode.CodeActionKind.QuickFix.value);
      result.quickFixes = (actions ?? []).map((a) => ({ title: a.title, kind: a.kind?.value, isPreferred: !!a.isPreferred }));
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await vscode.window.showTextDocument(editor.document, { selection: new vscode.Range(fixable.range.start, fixable.range.start) });
      await vscode.commands.executeCommand('editor.action.quickFix');
      await sleep(1500);
    }
    fs.writeFileSync(`${out}.ready`, '');

    if (await waitUntil(() => fs.existsSync(`${out}.killed`))) {
      // Whatever the dead server published stays on screen; only a restarted server can see this edit.
      const text = editor.document.getText();
      const broken = text.replace(/"queryCondition": "/, '"queryCondition": "= ');
      const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(text.length));
      await editor.edit((edit) => edit.replace(whole, broken));
      const seen = await waitUntil(() => current().some((d) => d.source === 'hubjobs' && codeOf(d) === 'HJ010'));
      result.afterRestart = { sawNewDiagnostic: seen, diagnostics: current().map(describe) };
    }
  } catch (error) {
    result.error = String(error && error.stack ? error.stack : error);
  }
  result.elapsedMs = Date.now() - started;
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
};

function describe(d) {
  return {
    source: d.source,
    code: codeOf(d),
    message: d.message,
    severity: vscode.DiagnosticSeverity[d.severity],
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
  };
}

function codeOf(d) {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

async function waitUntil(condition) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (condition()) {
      return true;
    }
    await sleep(250);
  }
  return false;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
