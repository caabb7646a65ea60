#!/usr/bin/env bash
# Rebuilds every lexicon file: LEX_INPUTS (inputs, see fetch_inputs.sh) -> LEX_OUT.
set -euo pipefail
cd "$(dirname "$0")"
export LEX_INPUTS="${LEX_INPUTS:-$PWD/../../build/lexicon-inputs}"
export LEX_OUT="${LEX_OUT:-$PWD/../../build/lexicon}"
python3 build_given_names.py "$@"
python3 build_countries.py
python3 build_orgs.py
python3 build_org_heads.py
python3 write_sources.py
