#!/usr/bin/env bash
# End-to-end check of the packaged extension inside real VS Code.
#
# VS Code itself cannot be downloaded by @vscode/test-electron without Microsoft's update service,
# so this uses code-server (VS Code OSS served to a browser) from npm, version 4.100.3 = VS Code
# 1.100.3, the newest line that still runs on Node 20. The script
#   1. installs code-server into a cache directory (once, about five minutes on two cores),
#   2. installs hubjobs-<version>.vsix and a small probe extension (test/e2e/probe),
#   3. serves a workspace holding a broken job file on 127.0.0.1 and opens it in headless Chromium,
#   4. lets the probe read the diagnostics VS Code shows and the quick fixes it offers, and saves a
#      screenshot,
#   5. kills the language server process and checks that the extension restarts it, and
#   6. checks the probe's report (test/e2e/check-probe.js).
#
# Usage: scripts/e2e-code-server.sh [--install-only] [OUT_DIR]
#   OUT_DIR defaults to target/e2e; it receives probe.json, workbench.png and code-server.log.
# Environment:
#   HUBJOBS_E2E_CACHE  install location (default ${XDG_CACHE_HOME:-~/.cache}/hubjobs-e2e)
#   HUBJOBS_E2E_PORT   port for code-server (default 18081)
#   VSIX               extension to test (default hubjobs-<version>.vsix, built by `npm run package`)
# Needs: node 20, npm with registry access for the first run, and the Debian packages
#   chromium, ripgrep and libkrb5-dev (apt-get install -y chromium ripgrep libkrb5-dev).
set -euo pipefail

EXT_DIR=$(cd "$(dirname "$0")/.." && pwd)
CS_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.65.1
CACHE=${HUBJOBS_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hubjobs-e2e}
CS_HOME=$CACHE/code-server-$CS_VERSION
PW_HOME=$CACHE/playwright-core-$PLAYWRIGHT_VERSION
PORT=${HUBJOBS_E2E_PORT:-18081}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

INSTALL_ONLY=false
if [[ ${1:-} == --install-only ]]; then INSTALL_ONLY=true; shift; fi
OUT=$(mkdir -p "${1:-$EXT_DIR/target/e2e}" && cd "${1:-$EXT_DIR/target/e2e}" && pwd)

log() { printf '[e2e] %s\n' "$*" >&2; }
die() { printf '[e2e] error: %s\n' "$*" >&2; exit 1; }

check_prerequisites() {
  command -v rg >/dev/null || die "ripgrep is missing: apt-get install -y ripgrep"
  [[ -x $CHROMIUM ]] || die "no Chromium at $CHROMIUM: apt-get install -y chromium (or set CHROMIUM)"
  command -v krb5-config >/dev/null || die "Kerberos headers are missing: apt-get install -y libkrb5-dev"
}

# code-server's own postinstall downloads ripgrep from GitHub; everything below avoids the network
# except the npm registry.
install_code_server() {
  if [[ -f $CS_HOME/.installed ]]; then return; fi
  log "installing code-server $CS_VERSION into $CS_HOME"
  rm -rf "$CS_HOME" && mkdir -p "$CS_HOME"
  (cd "$CACHE" && npm pack --silent "code-server@$CS_VERSION" >/dev/null)
  tar xzf "$CACHE/code-server-$CS_VERSION.tgz" -C "$CS_HOME" && rm "$CACHE/code-server-$CS_VERSION.tgz"
  local pkg=$CS_HOME/package
  export npm_config_yes=true   # node-pty's install script runs `npx node-gyp`
  (cd "$pkg" && npm install --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild argon2)
  (cd "$pkg/lib/vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund \
    && mkdir -p node_modules/@vscode/ripgrep/bin \
    && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg \
    && npm rebuild \
    && ln -sfn node_modules node_modules.asar)
  (cd "$pkg/lib/vscode/bin/remote-cli" && ln -sfn code-linux.sh code-server)
  (cd "$pkg/lib/vscode/bin/helpers" && ln -sfn browser-linux.sh browser.sh)
  (cd "$pkg/lib/vscode/extensions" && npm install --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild)
  node "$pkg/out/node/entry.js" --version >&2
  touch "$CS_HOME/.installed"
}

install_playwright() {
  if [[ -d $PW_HOME/node_modules/playwright-core ]]; then return; fi
  log "installing playwright-core $PLAYWRIGHT_VERSION into $PW_HOME"
  mkdir -p "$PW_HOME"
  npm install --prefix "$PW_HOME" --no-save --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" >&2
}

check_prerequisites
install_code_server
install_playwright
if $INSTALL_ONLY; then exit 0; fi

VERSION=$(node -p "require('$EXT_DIR/package.json').version")
VSIX=${VSIX:-$EXT_DIR/hubjobs-$VERSION.vsix}
[[ -f $VSIX ]] || die "no extension package at $VSIX: run npm run package first"

WORK=$(mktemp -d)
CS_PID=
BROWSER_PID=
cleanup() {
  if [[ -n $BROWSER_PID ]]; then kill "$BROWSER_PID" 2>/dev/null || true; fi
  if [[ -n $CS_PID ]]; then kill "$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The probe is packaged like any other extension so that code-server registers it.
cp -r "$EXT_DIR/test/e2e/probe" "$WORK/probe"
(cd "$WORK/probe" && "$EXT_DIR/node_modules/.bin/vsce" package --no-dependencies \
  --allow-missing-repository --skip-license --out "$WORK/probe.vsix" >/dev/null)

WS=$WORK/workspace
mkdir -p "$WS"
cp "$EXT_DIR/test/e2e/workspace/"*.job.json "$WS/"
PROBE_FILE=$WS/broken.job.json

# Quiet, offline-friendly user settings: no welcome page, no update or marketplace checks.
mkdir -p "$WORK/data/User"
cat >"$WORK/data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none"
}
JSON

CS=(node "$CS_HOME/package/out/node/entry.js" --user-data-dir "$WORK/data" --extensions-dir "$WORK/extensions")
"${CS[@]}" --install-extension "$VSIX" >&2
"${CS[@]}" --install-extension "$WORK/probe.vsix" >&2

log "starting code-server on 127.0.0.1:$PORT"
rm -f "$OUT"/probe.json*
HOME=$WORK/home PROBE_FILE=$PROBE_FILE PROBE_OUT=$OUT/probe.json \
  "${CS[@]}" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
  --disable-workspace-trust "$WS" >"$OUT/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 1 60); do
  if curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then break; fi
  kill -0 "$CS_PID" 2>/dev/null || die "code-server exited; see $OUT/code-server.log"
  sleep 1
done

NODE_PATH=$PW_HOME/node_modules CHROMIUM=$CHROMIUM node "$EXT_DIR/test/e2e/open-workbench.js" \
  "http://127.0.0.1:$PORT/?folder=$WS" "$OUT/probe.json" "$OUT/workbench.png" &
BROWSER_PID=$!

# Once the screenshot is taken, kill the language server (the java process below code-server)
# and let the probe check that the extension restarts it.
descendants() { local child; for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done; }
server_pids() { local pid; for pid in $(descendants "$CS_PID"); do
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == java ]] && echo "$pid"; done; return 0; }
while [[ ! -f $OUT/probe.json.shot ]]; do
  kill -0 "$BROWSER_PID" 2>/dev/null || break
  sleep 0.5
done
FIRST_SERVER=$(server_pids)
[[ -n $FIRST_SERVER ]] || die "no language server process found below code-server"
log "server command line: $(tr '\0' ' ' <"/proc/$FIRST_SERVER/cmdline")"
log "killing language server pid $FIRST_SERVER"
kill -9 "$FIRST_SERVER"
touch "$OUT/probe.json.killed"
wait "$BROWSER_PID" || die "workbench run failed; see $OUT/workbench.png and $OUT/code-server.log"
RESTARTED=$(server_pids)
log "language server after restart: pid ${RESTARTED:-none}"
[[ -n $RESTARTED && $RESTARTED != "$FIRST_SERVER" ]] || die "the language server was not restarted"

node "$EXT_DIR/test/e2e/check-probe.js" "$OUT/probe.json"
log "passed; screenshot in $OUT/workbench.png"
