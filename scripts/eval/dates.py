#!/usr/bin/env python3
"""Exact-day accuracy of `dossier-cli docs` on the shared htmldate pages.

Usage: scripts/eval/dates.py target/release/dossier-cli [--errors]
Halves: pages are split by a hash of their name (tune / check), as in news_split.py;
--errors shows the tune half's misses only.
"""
import hashlib, json, os, subprocess, sys, tempfile

SHARED = os.path.join(os.path.dirname(__file__), "../../../shared")


def main():
    cli = sys.argv[1]
    show = "--errors" in sys.argv
    corpus = os.path.join(SHARED, "corpora/htmldate")
    gold = json.load(open(os.path.join(corpus, "gold.json")))
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DOSSIER_DATA_DIR=tmp)
        out = subprocess.run([cli, "docs", os.path.join(corpus, "articles"), "--quiet"],
                             env=env, capture_output=True, text=True, check=True).stdout
    got = {}
    for line in out.splitlines():
        d = json.loads(line)
        got[d["doc"]] = d
    halves = {"tune": [0, 0], "check": [0, 0]}
    for name, entry in sorted(gold.items()):
        half = "tune" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "check"
        d = got.get(name, {})
        ok = d.get("date") == entry["date"]
        halves[half][0] += ok
        halves[half][1] += 1
        if show and not ok and half == "tune":
            print(f"  {name}: got {d.get('date')} ({d.get('date_detail')}), want {entry['date']}")
    right = sum(h[0] for h in halves.values())
    total = sum(h[1] for h in halves.values())
    for half, (r, t) in halves.items():
        print(f"htmldate {half}: exact day {r / t:.3f} ({r}/{t})")
    print(f"htmldate all: exact day {right / total:.3f} ({right}/{total})")


if __name__ == "__main__":
    main()
