#!/usr/bin/env python3
"""Builds common_words.tsv: lower-case words that are common in French and in
English, with how often Universal Dependencies treebanks use them as something
other than a proper noun. Extraction uses it to tell a capitalised common word
("Selon", "However", "Mais") from a name.

Input: the `*.propn.tsv` files made by scripts/ner_data (token, UPOS, tag) from
the UD treebanks named in scripts/ner_data/README.md (CC BY-SA / LGPL-LR).
usage: build_common_words.py NER_DATA_DIR OUT.tsv [--min 2]
"""
import collections, glob, os, sys


def main(argv):
    src, out = argv[0], argv[1]
    minimum = int(argv[argv.index("--min") + 1]) if "--min" in argv else 2
    counts = collections.Counter()
    for path in sorted(glob.glob(os.path.join(src, "ud_*.propn.tsv"))):
        lang = path.rsplit(".", 3)[-3]
        for line in open(path, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3 or line.startswith("#"):
                continue
            word, upos = cols[0], cols[1]
            if upos in ("PROPN", "PUNCT", "NUM", "SYM", "X") or not any(c.isalpha() for c in word):
                continue
            counts[(lang, word.lower())] += 1
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Common words (lower case) of French and English, from Universal Dependencies\n")
        f.write("# treebanks (not tagged as proper nouns). Built by scripts/lexicon/build_common_words.py.\n")
        f.write("# Columns: lang, word, count in the treebanks.\n")
        for (lang, word), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])):
            if n >= minimum:
                f.write(f"{lang}\t{word}\t{n}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
