"""Shared helpers for the lexicon build scripts (Python 3.11, stdlib only
except where a caller imports wordfreq)."""

from __future__ import annotations

import csv
import os
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"


def inputs_dir() -> Path:
    """Where fetch_inputs.sh put the downloaded inputs."""
    return Path(os.environ.get("LEX_INPUTS", "build/lexicon-inputs")).resolve()


def out_dir() -> Path:
    """Where the built TSV files go."""
    path = Path(os.environ.get("LEX_OUT", "build/lexicon")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def need(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"missing input {path}: run scripts/lexicon/fetch_inputs.sh first")
    return path


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip())


def fold(s: str) -> str:
    """Lower case, accents and other marks removed: the key Dossier itself
    matches on (src/extract/lexicon.rs normalize())."""
    out = []
    for c in unicodedata.normalize("NFD", s):
        if unicodedata.combining(c):
            continue
        out.append(c)
    folded = "".join(out).lower()
    # Letters that do not decompose.
    table = str.maketrans({"ø": "o", "đ": "d", "ł": "l", "ɗ": "d", "ɓ": "b", "ƙ": "k",
                           "ƴ": "y", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ŋ": "n",
                           "ð": "d", "þ": "th", "ʼ": "'", "’": "'", "ʻ": "'"})
    return folded.translate(table)


def ascii_variant(s: str) -> str:
    """The spelling with accents dropped but the case kept ("Hiển" -> "Hien")."""
    out = []
    for ch in s:
        f = fold(ch)
        if ch.isupper():
            f = f.upper() if len(f) == 1 else f.capitalize()
        out.append(f)
    return "".join(out)


def title_name(s: str) -> str:
    """"jean-pierre" -> "Jean-Pierre", "d'arcy" -> "D'Arcy"."""
    out = []
    up = True
    for ch in s:
        out.append(ch.upper() if up else ch)
        up = ch in "-' "
    return "".join(out)


def read_tsv(path: Path) -> list[list[str]]:
    """Data lines of a hand-made TSV (comments start with #)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def write_tsv(path: Path, header_comment: list[str], columns: list[str], rows) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        for line in header_comment:
            f.write(f"# {line}\n" if line else "#\n")
        f.write("\t".join(columns) + "\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                       escapechar=None, quotechar=None)
        for row in rows:
            cells = ["" if c is None else str(c) for c in row]
            for c in cells:
                if "\t" in c or "\n" in c:
                    raise ValueError(f"tab or newline in cell {c!r}")
            w.writerow(cells)
            n += 1
    return n


class Words:
    """Is a (lower-case) form a common English or French word?

    Frequencies come from wordfreq (Zipf scale, 7 = 'the'); a form counts as a
    word only if the Hunspell dictionary (en_US, fr) lists it in lower case
    (wordfreq lower-cases everything, so names such as 'John' are frequent there too).
    """

    def __init__(self) -> None:
        try:
            from wordfreq import zipf_frequency
        except ImportError:
            sys.exit("pip install wordfreq==3.1.1")
        self.zipf = zipf_frequency
        self.dict_en = self._hunspell("/usr/share/hunspell/en_US.dic")
        self.dict_fr = self._hunspell("/usr/share/hunspell/fr.dic")
        if not self.dict_en or not self.dict_fr:
            sys.exit("apt-get install hunspell-en-us hunspell-fr-classical")
        # Capitalised words that are no names but common in news text.
        self.capitalised = {w.lower() for w in CAPITALISED_WORDS}

    @staticmethod
    def _hunspell(path: str) -> set[str]:
        """Lower-case entries of a Hunspell dictionary (proper nouns are capitalised
        there, so 'pierre' is the stone and 'Pierre' is not counted)."""
        words: set[str] = set()
        if not os.path.exists(path):
            return words
        with open(path, encoding="utf-8", errors="replace") as f:
            next(f, None)  # entry count
            for line in f:
                parts = line.split()
                w = parts[0].split("/", 1)[0] if parts else ""
                if w and w[0].islower():
                    w = unicodedata.normalize("NFC", w)
                    words.add(w)
                    words.add(w + "s")
        return words

    def scores(self, name: str) -> tuple[float, float, bool, bool]:
        low = name.lower()
        en = self.zipf(low, "en")
        fr = self.zipf(low, "fr")
        return en, fr, low in self.dict_en, low in self.dict_fr

    def verdict(self, name: str, drop_at: float = 5.8, flag_at: float = 3.5) -> tuple[bool, bool]:
        """(drop, ambiguous) for a single-word name as written at a sentence start."""
        en, fr, is_en, is_fr = self.scores(name)
        low = name.lower()
        drop = (is_en and en >= drop_at) or (is_fr and fr >= drop_at)
        ambiguous = ((is_en and en >= flag_at) or (is_fr and fr >= flag_at)
                     or (low in self.capitalised and max(en, fr) >= 3.0))
        return drop, ambiguous


# Capitalised common words of news text that are also given names somewhere
# (months, weekdays, places, faiths): flagged ambiguous, never dropped.
CAPITALISED_WORDS = """
January February March April May June July August September October November December
Janvier Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche
Christian Christians Muslim Jordan Israel India China Georgia Virginia Carolina Florida
Victoria Sydney Austin Chelsea Paris Florence Lourdes Madison Dallas Denver Phoenix Brooklyn
Houston Chad Niger Kenya America Asia Africa Europe Sahara Sierra Trinidad Santiago Lorraine
Alsace Bretagne Normandie Savoie Vendée Gironde Loire Seine Rhône Champagne Provence Corse
Israël Jordanie Chine Inde Géorgie Amérique Afrique Asie Ukraine Russie Syrie Liban Egypte
Kyiv Kiev Moscou Moscow London Londres Berlin Rome Washington Lincoln Jackson Lafayette
Congress Senate Parliament Labour Tory God Allah Jesus Christ
""".split()
