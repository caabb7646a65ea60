#!/usr/bin/env python3
"""Main-text extraction of HTML pages against the reference texts kept in
../shared/corpora/news-pages/maintext (token-level precision / recall / F1,
bag of lower-cased words, averaged over pages), per half and language.

Usage: scripts/eval/maintext.py target/release/dossier-cli [--errors] [--trafilatura]
--errors lists the worst tune-half pages only; --trafilatura scores trafilatura
(pip install trafilatura lxml_html_clean; default settings) on the same pages,
side by side. trafilatura is a measuring stick here, never part of Dossier.
"""
import collections, hashlib, json, os, re, subprocess, sys, tempfile

SHARED = os.path.join(os.path.dirname(__file__), "../../../shared")


def half(name):
    return "tune" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "check"


def tokens(text):
    return collections.Counter(re.findall(r"\w+", text.lower()))


def main():
    cli = sys.argv[1]
    corpus = os.path.join(SHARED, "corpora/news-pages")
    pages = json.load(open(os.path.join(corpus, "pages.json")))
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DOSSIER_DATA_DIR=tmp)
        out = subprocess.run([cli, "docs", os.path.join(corpus, "articles"), "--text", "--quiet"],
                             env=env, capture_output=True, text=True, check=True).stdout
    got = {d["doc"]: d.get("text") or "" for d in map(json.loads, out.splitlines())}
    systems = [("dossier", got)]
    if "--trafilatura" in sys.argv:
        import trafilatura
        theirs = {}
        for name, page in pages.items():
            if page.get("maintext"):
                html = open(os.path.join(corpus, "articles", name), "rb").read()
                theirs[name] = trafilatura.extract(html) or ""
        systems.append(("trafilatura", theirs))
    for system, texts in systems:
        report(system, texts, pages, corpus)


def report(system, got, pages, corpus):
    rows = collections.defaultdict(list)
    worst = []
    for name, page in sorted(pages.items()):
        if not page.get("maintext"):
            continue
        ref = open(os.path.join(corpus, "maintext", name.rsplit(".", 1)[0] + ".txt")).read()
        want, have = tokens(ref), tokens(got.get(name, ""))
        common = sum((want & have).values())
        p = common / max(1, sum(have.values()))
        r = common / max(1, sum(want.values()))
        f = 2 * p * r / max(1e-9, p + r)
        rows[(half(name), page["lang"])].append((p, r, f))
        if half(name) == "tune":
            worst.append((f, p, r, name))
    for (h, lang), values in sorted(rows.items()):
        n = len(values)
        p, r, f = (sum(v[i] for v in values) / n for i in range(3))
        print(f"{system:11} maintext {h:5} {lang} ({n} pages) | precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    allv = [v for values in rows.values() for v in values]
    n = len(allv)
    p, r, f = (sum(v[i] for v in allv) / n for i in range(3))
    print(f"{system:11} maintext all ({n} pages) | precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    if "--errors" in sys.argv and system == "dossier":
        for f, p, r, name in sorted(worst)[:12]:
            print(f"  {name}: F1 {f:.3f} (P {p:.3f} R {r:.3f})")


if __name__ == "__main__":
    main()
