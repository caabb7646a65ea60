#!/usr/bin/env python3
"""Write a large test corpus for the scale benchmarks: N article files made
of real news text (Reuters-21578 English wire copy and French newspaper
articles from ../shared), about 2 KB each, dated over ten years, in folders
of 1,000 files. The text is shuffled paragraph by paragraph, so every article
is different; nothing is written inside the repository.

usage: make_corpus.py N OUT_FOLDER [--seed 7]
"""
import json, os, random, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(ROOT, "..", "shared", "corpora")


def paragraphs(folder):
    out = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = json.load(f).get("text") or ""
        # Wire copy is hard-wrapped: paragraphs start with an indent.
        for p in text.replace("\n    ", "\n\n").split("\n\n"):
            p = " ".join(p.split())
            if len(p) > 80:
                out.append(p)
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7)
    pools = {
        "en": paragraphs(os.path.join(SHARED, "reuters21578-en", "articles")),
        "fr": paragraphs(os.path.join(SHARED, "hipe-fr-1915-2018", "articles")),
    }
    total = 0
    for i in range(n):
        lang = "fr" if i % 3 == 0 else "en"
        pool = pools[lang]
        body, size = [], 0
        while size < 2000:
            p = rng.choice(pool)
            body.append(p)
            size += len(p) + 2
        day = rng.randrange(3650)
        y, rest = 2015 + day // 365, day % 365
        m, d = 1 + rest // 31 % 12, 1 + rest % 28
        folder = os.path.join(out, f"{i // 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        title = body[0][:70]
        text = f"{title}\n{y:04d}-{m:02d}-{d:02d}\n\n" + "\n\n".join(body) + "\n"
        with open(os.path.join(folder, f"a{i:07d}-{lang}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode())
    print(f"{n} articles, {total / 1e6:.1f} MB of text in {out}")


if __name__ == "__main__":
    main()
