#!/usr/bin/env python3
"""Builds orgs.tsv: organisations of French and English news with kind, country,
canonical, English and French names and other names/acronyms.

Inputs:
  data/orgs/*.tsv (hand-made, facts): international and EU bodies, French institutions,
      courts, ministries, agencies, parties, unions; US/UK and other institutions;
      news agencies, media, NGOs, think tanks, unions; large companies.
  hdigital/partyfactsdata import/wikipedia/wikidata.csv: parties world-wide with their
      Wikidata ids, names, short and native names (Wikidata, CC0), and
      import/wikipedia/wikipedia.csv for the year a party was dissolved (facts taken
      from Wikipedia infoboxes).
  datasets/s-and-p-500-companies data/constituents.csv (ODC-PDDL-1.0): S&P 500 names.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from common import DATA, Words, fold, inputs_dir, need, nfc, out_dir, read_tsv, write_tsv

CORP_SUFFIX = re.compile(
    r"[,]?\s+(Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|Holdings?|Group|plc|"
    r"PLC|Ltd\.?|Limited|S\.A\.|SA|SE|N\.V\.|AG|& Co\.|L\.P\.|Companies|Technologies|"
    r"Platforms|Brands|International)$")


def key(s: str) -> str:
    """Matching key: folded, punctuation dropped, 'the'/'le'/'la'/'les' dropped in front."""
    k = re.sub(r"[^\w]+", " ", fold(s)).strip()
    k = re.sub(r"^(the|le|la|les|l) ", "", k)
    return k


def is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1) \
        and len(s) <= 12 and " " not in s


def latin(s: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in s)


class Org:
    def __init__(self, kind: str, country: str, en: str, fr: str, aliases: list[str],
                 source: str) -> None:
        self.kind, self.country = kind, country
        self.en, self.fr = en, fr or en
        self.aliases: list[str] = []
        self.sources = {source}
        self.qid = ""
        self.add(aliases)

    def names(self) -> list[str]:
        return [self.en, self.fr] + self.aliases

    def add(self, names: list[str]) -> None:
        have = {key(n) for n in self.names() if n} | {n for n in self.names() if n}
        for n in names:
            n = nfc(n).replace("’", "'")
            if not n or len(n) < 2 or not latin(n):
                continue
            # Acronyms keep their case (RN vs Rn); other names match on the key.
            if (n in have) if is_acronym(n) else (key(n) in have):
                continue
            self.aliases.append(n)
            have.add(n)
            have.add(key(n))


MIN_SHARE = 3.0  # per cent of the vote at the party's best national election


def load_curated() -> list[Org]:
    orgs = []
    for path in sorted((DATA / "orgs").glob("*.tsv")):
        for row in read_tsv(path):
            row += [""] * (5 - len(row))
            kind, country, en, fr, aliases = row[:5]
            orgs.append(Org(kind, country.lower(), en, fr,
                            [a for a in aliases.split("|") if a], "dossier"))
    return orgs


def iso3_to_2() -> dict[str, str]:
    data = json.loads(Path("/usr/share/iso-codes/json/iso_3166-1.json").read_text())["3166-1"]
    return {c["alpha_3"]: c["alpha_2"].lower() for c in data}


def load_parties(root: Path) -> list[Org]:
    base = root / "github/partyfactsdata/import/wikipedia"
    wd = need(base / "wikidata.csv")
    years: dict[str, tuple[str, str]] = {}
    wp = base / "wikipedia.csv"
    if wp.exists():
        with open(wp, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                years[r["partyfacts_id"]] = (r.get("year_founded", ""), r.get("year_dissolved", ""))
    # Party Facts core parties: highest vote share and last election year (facts) to
    # keep the parties that matter in current news.
    core: dict[str, tuple[float, str, str]] = {}
    core_path = root / "github/partyfactsdata/import/elecglob/partyfacts-core-parties.csv"
    if core_path.exists():
        with open(core_path, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                try:
                    share = float(r.get("share") or 0)
                except ValueError:
                    share = 0.0
                core[r["partyfacts_id"]] = (share, r.get("year_last", ""), r.get("technical", ""))
    to2 = iso3_to_2()
    out = []
    with open(wd, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            founded, dissolved = years.get(r["partyfacts_id"], ("", ""))
            if dissolved and dissolved[:4].isdigit() and int(dissolved[:4]) < 2000:
                continue
            share, last, technical = core.get(r["partyfacts_id"], (0.0, "", ""))
            if core and (technical or share < MIN_SHARE
                         or (last[:4].isdigit() and int(last[:4]) < 2000)):
                continue
            name = r["name"].strip()
            if not name or "(" in name and name.endswith(")") and len(name) < 8:
                continue
            name = re.sub(r"\s*\((?:[^()]*)\)$", "", name)  # 'Left Front (France)'
            shorts = [s.strip() for s in re.split(r"[/|,]", r.get("name_short", ""))]
            shorts = [s for s in shorts if 2 <= len(s) <= 10 and latin(s) and s[0].isupper()]
            native = re.sub(r"\s*\([^()]*\)$", "", r.get("name_native", "")).strip()
            aliases = shorts + ([native] if native and latin(native) else [])
            org = Org("party", to2.get(r["country"], r["country"].lower()), name, "",
                      aliases, "wikidata")
            org.qid = r.get("wikidata_id", "")
            out.append(org)
    return out


def load_sp500(root: Path) -> list[Org]:
    path = need(root / "github/s-and-p-500-companies/data/constituents.csv")
    out = []
    seen = set()
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            full = re.sub(r"\s*\(Class [A-Z]\)", "", r["Security"]).strip()
            short = full
            for _ in range(2):
                short = CORP_SUFFIX.sub("", short).strip()
            if key(short) in seen:
                continue
            seen.add(key(short))
            out.append(Org("company", "us", short, short, [full],
                           "sp500"))
    return out


def main() -> None:
    root = inputs_dir()
    words = Words()
    orgs = load_curated()
    index: dict[tuple[str, str], Org] = {}
    for o in orgs:
        for n in o.names():
            index.setdefault((o.country, key(n)), o)
            index.setdefault(("*", key(n)), o)
    merged = added = 0
    for imp in load_sp500(root) + load_parties(root):
        hit = None
        for n in imp.names():
            hit = index.get((imp.country, key(n))) or (
                index.get(("*", key(n))) if imp.kind == "company" else None)
            if hit:
                break
            hit = None
        if hit:
            hit.add(imp.names())
            hit.sources |= imp.sources
            hit.qid = hit.qid or imp.qid
            merged += 1
            continue
        orgs.append(imp)
        for n in imp.names():
            index.setdefault((imp.country, key(n)), imp)
        added += 1

    def common_word(name: str) -> bool:
        if is_acronym(name):
            return False
        toks = re.sub(r"[^\w]+", " ", fold(name)).split()
        if len(toks) != 1:
            return False
        drop, amb = words.verdict(name.split()[-1] if name.split() else name)
        en, fr, is_en, is_fr = words.scores(toks[0])
        return drop or (is_en and en >= 3.3) or (is_fr and fr >= 3.3)

    rows = []
    ids: set[str] = set()
    dropped = []
    for o in orgs:
        names = o.names()
        amb = [n for n in dict.fromkeys(names) if n and common_word(n)]
        distinctive = [n for n in names if n and n not in amb]
        if not distinctive and "dossier" not in o.sources:
            dropped.append(o.en)
            continue
        # A lone upper-case letter or a common word is no alias on its own.
        aliases = [a for a in o.aliases if len(a) > 1 and a not in (o.en, o.fr)]
        slug = re.sub(r"[^a-z0-9]+", "-", fold(o.en)).strip("-")[:48]
        oid = f"org:{o.country}:{slug}"
        n = 2
        while oid in ids:
            oid = f"org:{o.country}:{slug}-{n}"
            n += 1
        ids.add(oid)
        canonical = o.fr if o.country == "fr" else o.en
        rows.append((oid, o.kind, o.country, canonical, o.en, o.fr, "|".join(aliases),
                     "|".join(amb), ",".join(sorted(o.sources)), o.qid))
    rows.sort(key=lambda r: (r[1], r[2], fold(r[3])))
    out = out_dir() / "orgs.tsv"
    header = [
        "Organisations in French and English news. Built by scripts/lexicon/build_orgs.py.",
        "kind: intl, eu, institution, court, ministry, agency, party, organization (armed or",
        "political movement), news_agency, media, ngo (incl. think tanks and pollsters),",
        "union (incl. employers' bodies), company. country: ISO alpha-2, 'int' or 'eu'.",
        "canonical is the French name for French bodies, else the English one. aliases are",
        "|-separated; names in ambiguous_names are common words (Orange, Renaissance,",
        "Shell): match them only with context. Acronyms (all capitals) match case-sensitively.",
        "wikidata: the Q-id where the row came from or was matched to Wikidata.",
    ]
    cols = ["id", "kind", "country", "canonical", "name_en", "name_fr", "aliases",
            "ambiguous_names", "sources", "wikidata"]
    count = write_tsv(out, header, cols, rows)
    print(f"{out}: {count} rows ({merged} imports merged, {added} added, "
          f"{len(dropped)} dropped as common words: {' | '.join(dropped[:40])})")


if __name__ == "__main__":
    main()
