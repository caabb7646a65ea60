"""Dossier's extraction on Spark: a partitioned JSON-lines corpus in, Parquet
tables of documents, mentions, quotes and errors out (docs/scale-out.md).

Each Spark task pipes its partition's lines through `dossier-cli extract`
(one process per partition, one thread each: Spark does the parallelism), so
the cluster runs exactly the extraction of the desktop app. A task whose
process fails is retried by Spark like any failed task.

    spark-submit scripts/spark/dossier_job.py INPUT OUTPUT --cli /path/to/dossier-cli

INPUT: a folder (or glob) of JSON-lines files, one article per line with at
least a text field (`text`, `body`, `content`, ...) and an `id`; every worker
must be able to run the `--cli` binary (ship it with `--files` or install it).
OUTPUT gets four Parquet tables: docs/, mentions/, quotes/, errors/.
"""

import argparse
import json
import shlex

from pyspark.sql import SparkSession
from pyspark.sql import types as T

DOCS = T.StructType(
    [
        T.StructField("doc", T.StringType(), False),
        T.StructField("part", T.LongType()),
        T.StructField("title", T.StringType()),
        T.StructField("date", T.StringType()),
        T.StructField("date_precision", T.StringType()),
        T.StructField("date_source", T.StringType()),
        T.StructField("lang", T.StringType()),
        T.StructField("outlet", T.StringType()),
        T.StructField("author", T.StringType()),
        T.StructField("url", T.StringType()),
        T.StructField("format", T.StringType()),
        T.StructField("chars", T.LongType()),
    ]
)

MENTIONS = T.StructType(
    [
        T.StructField("doc", T.StringType(), False),
        T.StructField("key", T.StringType(), False),
        T.StructField("name", T.StringType()),
        T.StructField("kind", T.StringType()),
        T.StructField("count", T.LongType()),
        T.StructField("aliases_seen", T.ArrayType(T.StringType())),
        T.StructField("spans", T.ArrayType(T.ArrayType(T.LongType()))),
    ]
)

QUOTES = T.StructType(
    [
        T.StructField("doc", T.StringType(), False),
        T.StructField("start", T.LongType(), False),
        T.StructField("end", T.LongType()),
        T.StructField("quote", T.StringType()),
        T.StructField("speaker", T.StringType()),
        T.StructField("speaker_key", T.StringType()),
        T.StructField("speaker_text", T.StringType()),
        T.StructField("kind", T.StringType()),
        T.StructField("confidence", T.DoubleType()),
        T.StructField("mentioned", T.ArrayType(T.StringType())),
        T.StructField("rule", T.StringType()),
        T.StructField("cue", T.StringType()),
    ]
)

ERRORS = T.StructType(
    [
        T.StructField("doc", T.StringType()),
        T.StructField("line", T.LongType()),
        T.StructField("error", T.StringType()),
    ]
)


def doc_row(r):
    return tuple(r.get(f.name) for f in DOCS.fields)


def mention_rows(r):
    for a in r.get("actors", []):
        yield (
            r["doc"],
            a["key"],
            a.get("name"),
            a.get("kind"),
            a.get("count"),
            a.get("aliases_seen"),
            a.get("spans"),
        )


def quote_rows(r):
    for q in r.get("quotes", []):
        why = q.get("attribution") or {}
        yield (
            r["doc"],
            q["start"],
            q.get("end"),
            q.get("quote"),
            q.get("speaker"),
            q.get("speaker_key"),
            q.get("speaker_text"),
            q.get("kind"),
            float(q.get("confidence") or 0.0),
            q.get("mentioned"),
            why.get("rule"),
            why.get("cue"),
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="folder or glob of JSON-lines files")
    parser.add_argument("output", help="folder for the Parquet tables")
    parser.add_argument("--cli", required=True, help="dossier-cli on every worker")
    parser.add_argument("--today", help="YYYY-MM-DD taken as today (reproducible dates)")
    parser.add_argument("--partitions", type=int, default=0, help="minimum partitions")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("dossier-extract").getOrCreate()
    context = spark.sparkContext
    lines = context.textFile(args.input, minPartitions=args.partitions or None)
    command = [args.cli, "extract", "--threads", "1", "--quiet"]
    if args.today:
        command += ["--today", args.today]
    # checkCode: a process that fails fails the task, which Spark retries.
    records = (
        lines.filter(lambda line: line.strip())
        .pipe(shlex.join(command), checkCode=True)
        .map(json.loads)
        .cache()
    )
    good = records.filter(lambda r: "error" not in r)
    bad = records.filter(lambda r: "error" in r)
    tables = {
        "docs": (good.map(doc_row), DOCS),
        "mentions": (good.flatMap(mention_rows), MENTIONS),
        "quotes": (good.flatMap(quote_rows), QUOTES),
        "errors": (bad.map(lambda r: (r.get("doc"), r.get("line"), r["error"])), ERRORS),
    }
    for name, (rows, schema) in tables.items():
        spark.createDataFrame(rows, schema).write.mode("overwrite").parquet(f"{args.output}/{name}")
    spark.stop()


if __name__ == "__main__":
    main()
