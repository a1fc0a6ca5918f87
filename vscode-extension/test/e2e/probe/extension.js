// Test-only extension used by scripts/e2e-code-server.sh. When PROBE_FILE and PROBE_OUT are set it
// opens PROBE_FILE, waits until both the hubjobs language server and VS Code's JSON schema
// validation have reported on it, asks for the quick fixes of the hubjobs diagnostics, opens the
// quick fix menu for the screenshot, and writes everything to PROBE_OUT as JSON.
const vscode = require('vscode');
const fs = require('fs');

const TIMEOUT_MS = 120_000;

exports.activate = async () => {
  const { PROBE_FILE: file, PROBE_OUT: out } = process.env;
  if (!file || !out) {
    return;
  }
  const result = { language: null, diagnostics: [], quickFixes: [], elapsedMs: 0, error: null };
  const started = Date.now();
  try {
    const uri = vscode.Uri.file(file);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    result.language = editor.document.languageId;
    let diagnostics = [];
    const complete = (ds) => ds.some((d) => d.source === 'hubjobs') && ds.some((d) => d.source !== 'hubjobs');
    while (Date.now() - started < TIMEOUT_MS && !complete((diagnostics = vscode.languages.getDiagnostics(uri)))) {
      await sleep(250);
    }
    result.diagnostics = diagnostics.map((d) => ({
      source: d.source,
      code: typeof d.code === 'object' ? d.code.value : d.code,
      message: d.message,
      severity: vscode.DiagnosticSeverity[d.severity],
      range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    }));
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
  } catch (error) {
    result.error = String(error && error.stack ? error.stack : error);
  }
  result.elapsedMs = Date.now() - started;
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
};

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
