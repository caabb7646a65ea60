"""Universal NER (UNER v1) English files, CoNLL-U-like ``.iob2``.

Columns: ID, FORM, NER tag, (unused), annotator.  Comment lines carry
``# newdoc id = ...`` and ``# sent_id = ...``.  Tags are PER, ORG, LOC and,
in early drafts, OTH (and stray ``B-O``), which become O.
"""

from __future__ import annotations

from nerdata import SourceRepo, map_tags

MAPPING = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}


def parse_iob2(text: str, default_doc: str):
    docs: list[tuple[str, list]] = []
    sents: list | None = None
    words: list[str] = []
    raw: list[str] = []

    def flush():
        nonlocal words, raw
        if words:
            if sents is None:
                start_doc(default_doc)
            sents.append(list(zip(words, map_tags(raw, MAPPING))))
        words, raw = [], []

    def start_doc(doc_id: str):
        nonlocal sents
        sents = []
        docs.append((doc_id, sents))

    for line in text.splitlines():
        if line.startswith("#"):
            if line.startswith("# newdoc id"):
                flush()
                start_doc(line.split("=", 1)[1].strip())
            continue
        if not line.strip():
            flush()
            continue
        cols = line.split("\t")
        tok_id = cols[0]
        if "-" in tok_id or "." in tok_id:
            continue  # multiword ranges / empty nodes (none expected)
        words.append(cols[1])
        raw.append(cols[2] if len(cols) > 2 else "O")
    flush()
    return docs


def convert(root: str, slug: str, files: list[tuple[str, str]]):
    repo = SourceRepo(root, slug)
    docs = []
    for commit, path in files:
        docs.extend(parse_iob2(repo.read_text(commit, path), path))
    return docs
