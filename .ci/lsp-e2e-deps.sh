#!/usr/bin/env bash
# Installs what the language server's end-to-end test needs: Neovim (Debian's 0.7.2 is enough).
# Without it the test is skipped on a developer machine and fails under .ci/run.
set -euo pipefail
if ! command -v nvim >/dev/null 2>&1; then
  apt-get update
  apt-get install -y neovim
fi
nvim --version | head -n 1
