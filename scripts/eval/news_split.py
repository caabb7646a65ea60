#!/usr/bin/env python3
"""Score a dossier-cli build on every shared set, per language, with the news
pages split in two fixed halves: `tune` (read its errors, change rules and
weights) and `check` (only measured, never read). The split is by a hash of
the page name, so it never changes.

usage: news_split.py DOSSIER_CLI [--errors tune] [--set news|seeds|hipe|all]

Needs ../shared beside the repository (corpora, gold, scorers). Prints one
table row per set, half and language; with --errors tune, also the scorers'
error lines for the tune half (never for the check half).
"""
import hashlib, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(ROOT, "..", "shared")
TOOLS = os.path.join(SHARED, "tools")


def half(name):
    """'tune' or 'check', fixed by the page name."""
    return "tune" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "check"


def run_cli(cli, folder, command, data):
    env = dict(os.environ, DOSSIER_DATA_DIR=data)
    out = subprocess.run([cli, command, folder, "--quiet"], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{command} failed: {out.stderr}")
    return out.stdout


def score(scorer, gold_path, pred_path):
    out = subprocess.run([sys.executable, os.path.join(TOOLS, scorer), gold_path, pred_path],
                         capture_output=True, text=True).stdout.strip().splitlines()
    return out[-1] if out else "", out[:-1]


def news(cli, show_errors, tmp):
    corpus = os.path.join(SHARED, "corpora", "news-pages")
    pages = json.load(open(os.path.join(corpus, "pages.json")))
    data = os.path.join(tmp, "data-news")
    quotes = os.path.join(tmp, "q.jsonl")
    actors = os.path.join(tmp, "a.jsonl")
    open(quotes, "w").write(run_cli(cli, os.path.join(corpus, "articles"), "quotes", data))
    open(actors, "w").write(run_cli(cli, os.path.join(corpus, "articles"), "actors", data))
    gold_q = [json.loads(l) for l in open(os.path.join(SHARED, "gold", "news-pages-quotes.jsonl")) if l.strip()]
    gold_a = json.load(open(os.path.join(SHARED, "gold", "news-pages-actors.json")))
    rows = []
    for part in ("tune", "check"):
        for lang in ("fr", "en"):
            keep = {k for k, v in pages.items() if v["lang"] == lang and half(k) == part}
            gq = os.path.join(tmp, f"gq-{part}-{lang}.jsonl")
            with open(gq, "w") as f:
                for g in gold_q:
                    if g["doc"] in keep:
                        f.write(json.dumps(g, ensure_ascii=False) + "\n")
            ga = os.path.join(tmp, f"ga-{part}-{lang}.json")
            sub = {k: v for k, v in gold_a.items() if k in keep}
            sub["_ignore"] = gold_a["_ignore"]
            json.dump(sub, open(ga, "w"), ensure_ascii=False)
            q, q_err = score("score_quotes.py", gq, quotes)
            a, a_err = score("score_actors.py", ga, actors)
            rows.append(f"news {part:5} {lang} ({len(keep):2} pages) | {q} | {a}")
            if show_errors == part:
                for line in q_err:
                    print("quote", line)
                for line in a_err:
                    print("actor", line)
    return rows


def seeds(cli, tmp):
    data = os.path.join(tmp, "data-seeds")
    quotes = os.path.join(tmp, "sq.jsonl")
    actors = os.path.join(tmp, "sa.jsonl")
    folder = os.path.join(SHARED, "seeds")
    open(quotes, "w").write(run_cli(cli, folder, "quotes", data))
    open(actors, "w").write(run_cli(cli, folder, "actors", data))
    q, _ = score("score_quotes.py", os.path.join(SHARED, "gold", "seeds-quotes.jsonl"), quotes)
    a, _ = score("score_actors.py", os.path.join(SHARED, "gold", "seeds-actors.json"), actors)
    return [f"seeds fr | {q} | {a}"]


def hipe(cli, tmp):
    data = os.path.join(tmp, "data-hipe")
    actors = os.path.join(tmp, "ha.jsonl")
    folder = os.path.join(SHARED, "corpora", "hipe-fr-1915-2018", "articles")
    open(actors, "w").write(run_cli(cli, folder, "actors", data))
    out = subprocess.run([sys.executable, os.path.join(TOOLS, "score_hipe.py"), folder, actors],
                         capture_output=True, text=True).stdout.strip().splitlines()
    return [f"hipe fr | {out[-1] if out else ''}"]


def main(argv):
    if not argv:
        sys.exit(__doc__)
    cli = os.path.abspath(argv[0])
    show = argv[argv.index("--errors") + 1] if "--errors" in argv else None
    if show == "check":
        sys.exit("the check half is measured only: its errors are not shown")
    which = argv[argv.index("--set") + 1] if "--set" in argv else "all"
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        if which in ("news", "all"):
            rows += news(cli, show, tmp)
        if which in ("seeds", "all"):
            rows += seeds(cli, tmp)
        if which in ("hipe", "all"):
            rows += hipe(cli, tmp)
    for r in rows:
        print(r)


if __name__ == "__main__":
    main(sys.argv[1:])
