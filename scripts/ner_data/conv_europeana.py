"""Europeana Newspapers NER corpus, French part (BnF), CC0.

The source file is one token per line (``token TAG``), IO-tagged (only I-),
with no sentence or document boundaries.  We convert IO -> BIO (adjacent
entities of the same type cannot be told apart in the source and stay merged)
and cut the stream into pseudo-sentences at sentence-final punctuation.
"""

from __future__ import annotations

from nerdata import SourceRepo, map_tags

MAPPING = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}

# tokens after which a '.' does not end a sentence (titles, initials handled
# separately)
_ABBREV = {
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Dr", "St", "Ste",
    "Cie", "Cle", "No", "N", "n", "art", "av", "boul", "bd", "r", "fr", "f",
    "c", "cf", "etc", "dép", "Dép", "gén", "Gén", "col", "cap", "lieut",
    "vol", "p", "t", "h", "min", "kil", "km", "fig", "Vve", "Ve", "Pr",
}
_FINAL = {".", "!", "?", "…", "...", "!...", "?..."}
_OPENERS = set("«\"'—–-(")
MAX_LEN = 150


def _starts_sentence(tok: str) -> bool:
    ch = tok[0]
    return ch.isupper() or ch.isdigit() or ch in _OPENERS


def segment(tokens: list[str], tags: list[str]) -> list[list[tuple[str, str]]]:
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    n = len(tokens)
    for i, (w, t) in enumerate(zip(tokens, tags)):
        cur.append((w, t))
        nxt_tag = tags[i + 1] if i + 1 < n else "O"
        if nxt_tag.startswith("I-"):
            continue  # never cut inside an entity
        cut = False
        if w in _FINAL and i + 1 < n and _starts_sentence(tokens[i + 1]):
            prev = tokens[i - 1] if i > 0 else ""
            if w == "." and (
                prev in _ABBREV or (len(prev) == 1 and prev.isalpha())
            ):
                cut = False
            else:
                cut = True
        elif len(cur) >= MAX_LEN and w in {";", ":", ",", "."}:
            cut = True
        elif len(cur) >= 2 * MAX_LEN:
            cut = True
        if cut:
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents


def convert(root: str, commit: str, path: str):
    repo = SourceRepo(root, "EuropeanaNewspapers/ner-corpora")
    text = repo.read_text(commit, path)
    tokens, raw = [], []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        tok, _, tag = line.rpartition(" ")
        if not tok:
            raise ValueError(f"bad line {line!r}")
        tokens.append(tok)
        raw.append(tag)
    tags = map_tags(raw, MAPPING)
    return [(None, segment(tokens, tags))]
