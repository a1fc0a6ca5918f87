// Checks the probe's report: the job file opened as hubjobs-job, the hubjobs server's diagnostics
// arrived and every problem shows once (no second source such as VS Code's JSON validation, no
// two diagnostics with the same code at the same range), the server offered a quick fix, and after
// the server process was killed the extension restarted it (a new query error was reported).
// Usage: node check-probe.js PROBE_OUT
const fs = require('fs');

const report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const failures = [];
const expect = (ok, what) => ok || failures.push(what);

expect(report.error === null, `probe error: ${report.error}`);
expect(report.language === 'hubjobs-job', `language id is ${report.language}, expected hubjobs-job`);
const ours = report.diagnostics.filter((d) => d.source === 'hubjobs');
const others = report.diagnostics.filter((d) => d.source !== 'hubjobs');
expect(ours.length > 0 && ours.every((d) => /^HJ\d{3}$/.test(String(d.code))), 'hubjobs diagnostics with HJnnn codes');
expect(others.length === 0, `every problem from hubjobs only, found: ${others.map((d) => `${d.source}: ${d.message}`).join(' | ')}`);
const spots = ours.map((d) => `${d.code}@${d.range.join(':')}`);
expect(new Set(spots).size === spots.length, `each problem once, found: ${spots.join(' ')}`);
expect(!report.diagnostics.some((d) => /comments are not permitted/i.test(d.message)), 'comments accepted in job files');
expect(report.quickFixes.some((f) => f.kind === 'quickfix'), 'a quick fix for a hubjobs diagnostic');
expect(report.afterRestart?.sawNewDiagnostic === true, 'a new HJ010 diagnostic after the server was killed and restarted');

for (const d of report.diagnostics) {
  console.log(`${d.severity.padEnd(11)} ${String(d.source).padEnd(8)} ${String(d.code ?? '').padEnd(6)} ${d.range[0] + 1}:${d.range[1] + 1} ${d.message}`);
}
for (const fix of report.quickFixes) {
  console.log(`quick fix: ${fix.title} (${fix.kind}${fix.isPreferred ? ', preferred' : ''})`);
}
if (report.afterRestart) {
  console.log(`after restart: ${report.afterRestart.diagnostics.filter((d) => d.source === 'hubjobs').map((d) => d.code).join(', ')}`);
}
console.log(`probe finished after ${report.elapsedMs} ms`);
if (failures.length > 0) {
  console.error(`e2e failed: ${failures.join('; ')}`);
  process.exit(1);
}
