#!/usr/bin/env bash
# The pre-commit framework, so that the hook test can run `pre-commit try-repo` for real.
set -euo pipefail
if ! command -v pre-commit >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
fi
pre-commit --version
