#!/usr/bin/env bash
# Runs Dossier's extraction on Spark in local mode over a partitioned JSON-lines
# corpus (made from a folder of articles) and checks that its Parquet tables
# hold what `dossier-cli` finds on one machine. Not part of `cargo test`.
#
#   scripts/spark-test.sh [FOLDER]      (default: the bundled sample, assets/sample)
#
# Needs python3 with venv and Java 17+; installs pyspark into target/spark-venv.
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-assets/sample}
cli=${DOSSIER_CLI:-target/release/dossier-cli}
venv=${SPARK_VENV:-target/spark-venv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$cli" ] || cargo build --release --bin dossier-cli
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'pyspark>=3.5,<5'
fi
export PYSPARK_PYTHON="$venv/bin/python"
today=$(date +%F)

# The single-machine results: the app's index path and one extract process.
"$cli" actors "$folder" --index-dir "$work/index" --quiet > "$work/actors.jsonl"
"$cli" quotes "$folder" --index-dir "$work/index" --quiet > "$work/quotes.jsonl"
"$cli" docs "$folder" --text --index-dir "$work/index" --quiet > "$work/docs.jsonl"

# The corpus as JSON lines (id: path, or path:part in a file of several
# articles), dealt into four partition files.
mkdir "$work/corpus"
"$venv/bin/python" - "$work/docs.jsonl" "$work/corpus" <<'PY'
import json, sys
docs, out = sys.argv[1], sys.argv[2]
parts = [open(f"{out}/part-{i}.jsonl", "w", encoding="utf-8") for i in range(4)]
for n, line in enumerate(open(docs, encoding="utf-8")):
    d = json.loads(line)
    doc = d["doc"] if not d["part"] else f'{d["doc"]}:{d["part"]}'
    article = {k: d[k] for k in ("title", "text", "date", "lang", "outlet", "author", "url")}
    parts[n % 4].write(json.dumps({"id": doc, **article}, ensure_ascii=False) + "\n")
# One line that is not an article: it must come back as an error row.
parts[0].write('{"id": "broken", "title": "no text here"}\n')
PY
cat "$work"/corpus/*.jsonl | "$cli" extract --threads 1 --quiet --today "$today" > "$work/extract.jsonl"

"$venv/bin/python" scripts/spark/dossier_job.py "$work/corpus" "$work/tables" \
  --cli "$(realpath "$cli")" --today "$today" --partitions 4 2> "$work/spark.log" \
  || { tail -40 "$work/spark.log"; exit 1; }
"$venv/bin/python" scripts/spark/compare.py "$work/tables" "$work/extract.jsonl" \
  "$work/actors.jsonl" "$work/quotes.jsonl" 2>> "$work/spark.log"
