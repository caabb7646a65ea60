"""Plain two-column CoNLL files (token, tag), blank line between sentences.

Used for wikigold (IO tags, ``-DOCSTART-`` documents), the Broad Twitter
Corpus (BIO) and WNUT-17 (BIO, fine types).
"""

from __future__ import annotations

from nerdata import SourceRepo, map_tags


def parse_conll(text: str, mapping: dict, doc_prefix: str | None):
    """Return documents.  ``doc_prefix`` None: no document structure (one
    anonymous document); otherwise ``-DOCSTART-`` lines start documents named
    ``<doc_prefix>-<n>``."""
    docs: list[tuple[str | None, list]] = []
    sents: list = []
    words: list[str] = []
    raw: list[str] = []
    ndoc = 0

    def flush():
        nonlocal words, raw
        if words:
            sents.append(list(zip(words, map_tags(raw, mapping))))
        words, raw = [], []

    if doc_prefix is None:
        docs.append((None, sents))
    for line in text.splitlines():
        if not line.strip():
            flush()
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            parts = line.split()
        tok, tag = parts[0], parts[-1].strip()
        if tok.startswith("-DOCSTART-"):
            flush()
            if doc_prefix is not None:
                ndoc += 1
                sents = []
                docs.append((f"{doc_prefix}-{ndoc:03d}", sents))
            continue
        if doc_prefix is not None and not docs:
            ndoc += 1
            docs.append((f"{doc_prefix}-{ndoc:03d}", sents))
        words.append(tok)
        raw.append(tag or "O")
    flush()
    return docs


def convert(root: str, slug: str, files, mapping, doc_prefix=None):
    repo = SourceRepo(root, slug)
    docs = []
    for commit, path in files:
        docs.extend(parse_conll(repo.read_text(commit, path), mapping, doc_prefix))
    return docs
