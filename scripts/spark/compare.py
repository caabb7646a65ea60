"""Compares the Parquet tables of dossier_job.py with what `dossier-cli`
prints on one machine for the same articles; exits 1 on any difference.

    python compare.py TABLES EXTRACT_JSONL ACTORS_JSONL QUOTES_JSONL

EXTRACT_JSONL: `dossier-cli extract` over the whole corpus in one process;
ACTORS_JSONL / QUOTES_JSONL: `dossier-cli actors` / `quotes` on the folder the
corpus was made from (the index path of the desktop app).
"""

import collections
import json
import sys

from pyspark.sql import SparkSession


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def file_of(doc):
    """The folder's file of an article id made by spark-test.sh (path[:part])."""
    path, _, part = doc.rpartition(":")
    return path if part.isdigit() and path else doc


def totals(pairs):
    """Sums of the counts by key, from (key, count) pairs."""
    sums = collections.Counter()
    for key, count in pairs:
        sums[key] += count
    return sums


def report(name, spark_rows, local_rows):
    a, b = collections.Counter(spark_rows), collections.Counter(local_rows)
    only_spark, only_local = a - b, b - a
    status = "same" if not only_spark and not only_local else "DIFFERENT"
    print(f"{name}: {sum(a.values())} rows from Spark, {sum(b.values())} on one machine: {status}")
    for row in list(only_spark.elements())[:5]:
        print(f"  only in Spark:   {row}")
    for row in list(only_local.elements())[:5]:
        print(f"  only one machine: {row}")
    return status == "same"


def main():
    tables, extract_path, actors_path, quotes_path = sys.argv[1:5]
    spark = SparkSession.builder.appName("dossier-compare").getOrCreate()
    table = lambda name: spark.read.parquet(f"{tables}/{name}").collect()
    docs, mentions, quotes, errors = (table(n) for n in ("docs", "mentions", "quotes", "errors"))
    spark.stop()

    extract = read_lines(extract_path)
    ok = True
    ok &= report(
        "docs vs extract",
        [(d.doc, d.title, d.date, d.lang, d.chars) for d in docs],
        [(r["doc"], r["title"], r["date"], r["lang"], r["chars"]) for r in extract if "error" not in r],
    )
    ok &= report(
        "mentions vs extract",
        [(m.doc, m.key, m.name, m.kind, m["count"], tuple(map(tuple, m.spans))) for m in mentions],
        [
            (r["doc"], a["key"], a["name"], a["kind"], a["count"], tuple(map(tuple, a["spans"])))
            for r in extract
            if "error" not in r
            for a in r["actors"]
        ],
    )
    ok &= report(
        "quotes vs extract",
        [(q.doc, q.start, q.end, q.quote, q.speaker, q.speaker_text, q.kind, q.rule) for q in quotes],
        [
            (r["doc"], q["start"], q["end"], q["quote"], q["speaker"], q["speaker_text"], q["kind"],
             (q["attribution"] or {}).get("rule"))
            for r in extract
            if "error" not in r
            for q in r["quotes"]
        ],
    )
    ok &= report("errors vs extract", [(e.doc, e.error) for e in errors],
                 [(r["doc"], r["error"]) for r in extract if "error" in r])
    # The index path: the same articles read from their files by the app.
    # The index path also merges one actor's names across the corpus ("de
    # Gaulle" into "Charles de Gaulle"), which extract leaves to the corpus:
    # the mentions per article and kind must be equal, and most rows too.
    actors = read_lines(actors_path)
    ok &= report(
        "mentions per article and kind vs `dossier-cli actors`",
        sorted(totals(((file_of(m.doc), m.kind), m["count"]) for m in mentions).items()),
        sorted(totals(((r["doc"], r["kind"]), r["count"]) for r in actors).items()),
    )
    spark_rows = collections.Counter((file_of(m.doc), m.key, m.kind, m["count"]) for m in mentions)
    local_rows = collections.Counter((r["doc"], r["key"], r["kind"], r["count"]) for r in actors)
    same = sum((spark_rows & local_rows).values())
    print(f"  rows equal to the index path's: {same} of {sum(local_rows.values())} "
          f"(the others: names merged across the corpus)")
    ok &= report(
        "quotes vs `dossier-cli quotes`",
        [(file_of(q.doc), q.start, q.end, q.quote, q.speaker_text, q.kind) for q in quotes],
        [(r["doc"], r["start"], r["end"], r["quote"], r["speaker_text"], r["kind"])
         for r in read_lines(quotes_path)],
    )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
