#!/usr/bin/env python3
"""Builds org_heads.tsv from data/org_heads.tsv: checks it and adds the capitalised
spelling (French capitalises only the first word: "Ministère de la Culture"; English
title-cases names: "Court of Appeal") and the plural of the head."""

from __future__ import annotations

import sys

from common import DATA, out_dir, read_tsv, write_tsv

KINDS = {"ministry", "agency", "institution", "court", "union", "ngo", "party", "intl",
         "company"}
FOLLOWS = {"place", "field", "either", "none"}
SMALL = {"of", "for", "the", "and", "in", "at", "on", "to", "de", "d'", "du", "des", "la",
         "le", "l'", "et", "à"}


def capitalised(lang: str, head: str) -> str:
    words = head.split(" ")
    if lang == "fr":
        return head[:1].upper() + head[1:]
    return " ".join(w if (i and w in SMALL) else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def plural(lang: str, head: str) -> str:
    words = head.split(" ")
    first = words[0]
    if head in ("police", "gendarmerie nationale"):
        return head
    if lang == "fr" and first == "état-major":
        words[0] = first = "états-major"
        if first.endswith(("s", "x", "z")):
            p = first
        elif first.endswith("al"):
            p = first[:-2] + "aux"
        elif first.endswith("eau"):
            p = first + "x"
        else:
            p = first + "s"
        # The adjective after the noun agrees too ("tribunaux administratifs").
        rest = []
        for w in words[1:]:
            if w.endswith("al"):
                rest.append(w[:-2] + "aux")
            elif w in ("d'appel", "de", "d'assises", "du", "des") or "'" in w or rest and rest[-1] in ("de", "d'"):
                rest.append(w)
            elif w.endswith(("e", "é", "if", "el", "aire", "ique", "ier", "al", "ale")) and not w.endswith("s"):
                rest.append(w + "s")
            else:
                rest.append(w)
        return " ".join([p] + rest)
    last = words[-1]
    if len(words) > 1 and words[1] in ("of", "for"):
        # court of appeal -> courts of appeal
        return " ".join([first + "s"] + words[1:])
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last = last + "es"
    elif last.endswith("'s office"):
        last = last
    else:
        last = last + "s"
    return " ".join(words[:-1] + [last])


def main() -> None:
    rows = []
    seen = set()
    for r in read_tsv(DATA / "org_heads.tsv"):
        r += [""] * (5 - len(r))
        lang, head, kind, follows, links = r[:5]
        if lang not in ("fr", "en") or kind not in KINDS or follows not in FOLLOWS:
            sys.exit(f"bad row in org_heads.tsv: {r}")
        if head != head.lower():
            sys.exit(f"head must be lower case: {head}")
        if (lang, head) in seen:
            sys.exit(f"duplicate head: {lang} {head}")
        seen.add((lang, head))
        rows.append((lang, head, capitalised(lang, head), plural(lang, head), kind, follows,
                     links))
    out = out_dir() / "org_heads.tsv"
    header = [
        "Head nouns that start institution names followed by a link word and a place or a",
        "field (ministère de l'Intérieur, tribunal de Nanterre, Ministry of Defence,",
        "University of Oxford). Built by scripts/lexicon/build_org_heads.py.",
        "follows: place, field, either, none. links: |-separated words that join the head",
        "to what follows. Vocabulary compiled by the Dossier authors.",
    ]
    n = write_tsv(out, header, ["lang", "head", "capitalised", "plural", "kind", "follows",
                                "links"], rows)
    print(f"{out}: {n} rows")


if __name__ == "__main__":
    main()
