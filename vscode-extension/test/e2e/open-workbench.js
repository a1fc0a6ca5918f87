// Opens the code-server workbench in headless Chromium so that VS Code starts its extension host,
// saves a screenshot once the probe extension signals PROBE_OUT.ready (then creates
// PROBE_OUT.shot), and returns when the probe's report PROBE_OUT exists.
// Usage: node open-workbench.js URL PROBE_OUT SCREENSHOT  (playwright-core resolved via NODE_PATH)
const fs = require('fs');
const { chromium } = require('playwright-core');

const TIMEOUT_MS = 240_000;

async function main() {
  const [url, probeOut, screenshot] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // Running as root in a container: no sandbox, no GPU, no /dev/shm dependence.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(url);
    const deadline = Date.now() + TIMEOUT_MS;
    const waitFor = async (file) => {
      while (!fs.existsSync(file)) {
        if (Date.now() > deadline) {
          await page.screenshot({ path: screenshot });
          throw new Error(`no ${file} after ${TIMEOUT_MS / 1000} s; screenshot saved`);
        }
        await page.waitForTimeout(250);
      }
    };
    await waitFor(`${probeOut}.ready`);
    await page.screenshot({ path: screenshot });
    fs.writeFileSync(`${probeOut}.shot`, '');
    await waitFor(probeOut);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
