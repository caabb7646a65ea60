#!/usr/bin/env python3
"""Builds countries.tsv: every ISO 3166-1 country and territory (plus Kosovo) with
English and French names, other names, capitals and demonyms.

Inputs:
  iso-codes (Debian, LGPL-2.1+): /usr/share/iso-codes/json/iso_3166-1.json and the
      French translations /usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo
  Unicode CLDR via Babel (Unicode licence / BSD-3): territory names in en and fr
  mledoze/countries (ODbL-1.0): capitals, alternative spellings, demonyms (en; fr m/f)
  data/country_overrides.tsv (hand-made): corrections, French capitals, short forms.
"""

from __future__ import annotations

import gettext
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from common import DATA, ascii_variant, inputs_dir, need, nfc, out_dir, read_tsv, write_tsv

ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
LIST_FIELDS = {"names", "drop", "capital_en", "capital_fr", "dem_en", "dem_fr_extra"}


def latin(s: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in s)


def plain_latin(s: str) -> bool:
    """Latin-1 letters only: native names such as 'Cộng hòa Xã hội' stay out."""
    return latin(s) and all(ord(ch) < 0x180 or not ch.isalpha() for ch in s)


def uniq(items) -> list[str]:
    seen, out = set(), []
    for x in items:
        x = nfc(x) if x else ""
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def iso_names() -> tuple[dict, dict]:
    data = json.loads(need(ISO_JSON).read_text(encoding="utf-8"))["3166-1"]
    fr = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["fr"],
                             fallback=True)
    en_names, fr_names = {}, {}
    for c in data:
        code = c["alpha_2"]
        en = [c.get("common_name"), c["name"], c.get("official_name")]
        en_names[code] = [n for n in en if n]
        fr_names[code] = [fr.gettext(n) for n in en if n]
    return en_names, fr_names


def cldr_names() -> tuple[dict, dict]:
    try:
        from babel import Locale
    except ImportError:
        return {}, {}
    return dict(Locale("en").territories), dict(Locale("fr").territories)


def clean_names(names: list[str]) -> list[str]:
    """'Korea, Republic of' style names are left out; 'Myanmar (Burma)' gives both."""
    out = []
    for n in names:
        n = re.sub(r"^(the|l') ?", "", n.replace("’", "'").strip())
        if not n or "," in n:
            continue
        m = re.fullmatch(r"(.+?) \((.+)\)", n)
        if m:
            out += [m.group(1), m.group(2)]
            continue
        out.append(n.replace(" - ", "-"))
    return out


def fr_plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def fr_feminine(m: str) -> str:
    if m.endswith("e"):
        return m
    if m.endswith(("ien", "éen", "en")):
        return m + "ne"
    if m.endswith("on") and not m.endswith("ton"):
        return m + "ne"
    return m + "e"


def fr_demonyms(m: str, f: str) -> list[str]:
    m, f = m.lower(), (f or fr_feminine(m)).lower()
    # Compounds inflect each part that is an adjective (nord-coréen -> nord-coréens).
    def plural(w: str) -> str:
        head, sep, tail = w.rpartition("-")
        if sep and head in ("nord", "sud", "est", "ouest", "néo", "équato", "bissau",
                            "centre", "saint", "sri", "cap", "sierra"):
            return head + sep + fr_plural(tail)
        return "-".join(fr_plural(p) for p in w.split("-")) if sep else fr_plural(w)
    return uniq([m, f, plural(m), plural(f)])


EN_NO_PLURAL = ("ese", "ish", "ch", "ss", "sh", "i") # Chinese, British, French, Swiss...


def en_demonyms(adj: str) -> list[str]:
    if not adj:
        return []
    forms = [adj]
    if adj.endswith("i"):
        forms.append(adj + "s")  # Iraqis, Pakistanis
    elif not adj.endswith(EN_NO_PLURAL):
        forms.append(adj + "s")
    return forms


def main() -> None:
    root = inputs_dir()
    iso_en, iso_fr = iso_names()
    cldr_en, cldr_fr = cldr_names()
    mledoze = {c["cca2"]: c for c in json.loads(
        need(root / "github/countries/countries.json").read_text(encoding="utf-8"))}
    overrides: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in read_tsv(DATA / "country_overrides.tsv"):
        code, field = row[0], row[1]
        value = row[2] if len(row) > 2 else ""
        vals = [v.strip() for v in value.split("|")] if field in LIST_FIELDS else [value]
        overrides[code][field] += [v for v in vals if v] or [""]

    codes = sorted(set(iso_en) | {"XK"})
    rows = []
    for code in codes:
        ov = overrides.get(code, {})
        md = mledoze.get(code, {})
        sources = ["iso-codes"]
        if md:
            sources.append("mledoze")
        if code in cldr_en:
            sources.append("cldr")
        if ov:
            sources.append("dossier")
        md_en = [md.get("name", {}).get("common"), md.get("name", {}).get("official")]
        md_fr = [md.get("translations", {}).get("fra", {}).get(k) for k in ("common", "official")]
        name_en = clean_names([x for x in (ov.get("name_en", []) + [md_en[0], cldr_en.get(code)]
                                           + iso_en.get(code, [])) if x])[0]
        name_fr = clean_names([x for x in (ov.get("name_fr", []) + [cldr_fr.get(code)]
                                           + iso_fr.get(code, []) + [md_fr[0]]) if x])[0]
        alts = clean_names(iso_en.get(code, []) + iso_fr.get(code, []) + md_en + md_fr +
                           [cldr_en.get(code, ""), cldr_fr.get(code, "")]
                           + [a for a in md.get("altSpellings", [])
                              if len(a) > 3 and plain_latin(a) and len(a.split()) <= 4]
                           + ov.get("names", []))
        # French names lose the accent of their capital letter in much of the press.
        alts += [ascii_variant(n) for n in [name_fr] + alts
                 if n[:1] in "ÉÈÊÎÔÂ" or n.startswith("Île")]
        drop = set(ov.get("drop", [])) | {name_en, name_fr}
        alts = [a for a in uniq(alts) if a not in drop and len(a) > 1]

        cap_en = ov["capital_en"] if "capital_en" in ov else md.get("capital", [])
        cap_en = [c for c in cap_en if c]
        cap_fr = ov["capital_fr"] if "capital_fr" in ov else cap_en
        cap_fr = [c for c in cap_fr if c]

        dem = md.get("demonyms", {})
        if "dem_en" in ov:
            dem_en = [d for d in ov["dem_en"] if d]
        else:
            adj = dem.get("eng", {}).get("m", "")
            dem_en = [] if ("," in adj or " or " in adj) else en_demonyms(adj)
        m = (ov.get("dem_fr_m") or [dem.get("fra", {}).get("m", "")])[0]
        f = (ov.get("dem_fr_f") or [dem.get("fra", {}).get("f", "")])[0]
        doubt = list(ov.get("doubtful", []))
        dem_fr: list[str] = []
        if m and "," not in m and " " not in m:
            dem_fr = fr_demonyms(m, f if f and "," not in f and " " not in f else "")
        elif m:
            doubt.append(f"French demonym '{m}' not inflected")
        dem_fr = uniq(dem_fr + [d.lower() for d in ov.get("dem_fr_extra", [])])
        kind = "country" if md.get("independent") or code in ("XK", "PS", "TW", "VA") \
            else "territory"
        if not cap_en and kind == "country":
            doubt.append("no capital")
        if not dem_fr and kind == "country":
            doubt.append("no French demonym")
        if cap_fr == cap_en and cap_en and kind == "country" and "capital_fr" not in ov:
            # Not checked by hand: the French name may differ.
            if any(ch in "áéíóúãõ" for ch in "".join(cap_en)) is False:
                pass
        rows.append((code, kind, name_en, name_fr, "|".join(alts), "|".join(cap_en),
                     "|".join(cap_fr), "|".join(dem_en), "|".join(dem_fr),
                     ",".join(sources), "; ".join(d for d in doubt if d)))
    out = out_dir() / "countries.tsv"
    header = [
        "Countries and territories (ISO 3166-1 alpha-2; XK = Kosovo). Built by",
        "scripts/lexicon/build_countries.py. Lists are |-separated. demonyms_fr holds the",
        "masculine and feminine, singular and plural (lower case, as French writes the",
        "adjective; the capitalised noun normalises to the same key). 'doubtful' notes rows",
        "that need a human check.",
    ]
    cols = ["iso2", "kind", "name_en", "name_fr", "other_names", "capital_en", "capital_fr",
            "demonyms_en", "demonyms_fr", "sources", "doubtful"]
    n = write_tsv(out, header, cols, rows)
    print(f"{out}: {n} rows, {sum(1 for r in rows if r[-1])} doubtful")


if __name__ == "__main__":
    main()
