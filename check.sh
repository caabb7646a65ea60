#!/usr/bin/env bash
# What CI checks, runnable locally: formatting, lints, layering, tests.
set -euo pipefail
cd "$(dirname "$0")"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
# Only the GUI layer may import egui, eframe or rfd.
if grep -rlE '\b(egui|eframe|rfd|egui_extras|egui_plot)::' src | grep -vE '^src/(ui/|main\.rs)'; then
  echo "GUI crates used outside src/ui" >&2
  exit 1
fi
cargo test
