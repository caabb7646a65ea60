"""Shared helpers for building the NER training files (standard library only).

Data model
----------
A *document* is ``(doc_id, sentences)`` where ``doc_id`` is a string or
``None`` (source without document structure) and ``sentences`` is a list of
sentences; a sentence is a list of ``(token, tag)`` pairs with tags in BIO
over exactly three types: PER, ORG, LOC.

Output format (``<source>.<lang>.tsv``)
---------------------------------------
* one token per line: ``token<TAB>tag``
* a blank line ends a sentence
* a line ``#doc <id>`` (no TAB on that line) starts a document
"""

from __future__ import annotations

import collections
import os
import subprocess
from dataclasses import dataclass, field

TYPES = ("PER", "ORG", "LOC")


# ---------------------------------------------------------------- reading


class SourceRepo:
    """A fetched GitHub repository, read with ``git show COMMIT:PATH``.

    ``root`` holds one directory per repository named ``owner+name``; inside
    it, ``repo`` is the (bare) git directory.  A plain ``git clone --bare``
    into ``<root>/<owner>+<name>/repo`` works the same way.
    """

    def __init__(self, root: str, slug: str):
        self.slug = slug
        self.git_dir = os.path.join(root, slug.replace("/", "+"), "repo")
        if not os.path.isdir(self.git_dir):
            raise FileNotFoundError(
                f"{slug}: no git directory at {self.git_dir} (fetch it first)"
            )

    def _git(self, *args: str) -> bytes:
        res = subprocess.run(
            ["git", f"--git-dir={self.git_dir}", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            check=False,
        )
        if res.returncode != 0:
            raise RuntimeError(
                f"{self.slug}: git {' '.join(args)} failed: "
                + res.stderr.decode("utf-8", "replace").strip()
            )
        return res.stdout

    def read_text(self, commit: str, path: str) -> str:
        data = self._git("show", f"{commit}:{path}")
        text = data.decode("utf-8")
        return text.lstrip("\ufeff")

    def list_files(self, commit: str, prefix: str) -> list[str]:
        out = self._git("ls-tree", "-r", "--name-only", commit, "--", prefix)
        return [p for p in out.decode("utf-8").splitlines() if p]


# ---------------------------------------------------------------- tags


def split_tag(tag: str) -> tuple[str, str | None]:
    """'B-PER' -> ('B', 'PER'); 'O' -> ('O', None)."""
    tag = tag.strip()
    if tag in ("", "O"):
        return "O", None
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BIESLU":
        return tag[0], tag[2:]
    return "I", tag  # bare label, treat as inside


def normalise(tags: list[tuple[str, str | None]]) -> list[str]:
    """Turn (prefix, type-or-None) pairs into valid BIO.

    Works for IOB1/IO input too: an I- after O or after another type becomes
    B-.  A B- always starts a new entity (keeps adjacent entities apart).
    """
    out: list[str] = []
    prev: str | None = None
    for prefix, typ in tags:
        if typ is None:
            out.append("O")
            prev = None
            continue
        if prefix in ("B", "S", "U") or prev != typ:
            out.append("B-" + typ)
        else:
            out.append("I-" + typ)
        prev = typ
    return out


def map_tags(raw_tags: list[str], mapping: dict[str, str | None]) -> list[str]:
    """Map source labels to PER/ORG/LOC (None or missing -> O), then BIO."""
    pairs = []
    for t in raw_tags:
        prefix, typ = split_tag(t)
        if typ is not None:
            typ = mapping.get(typ)
        pairs.append((prefix, typ))
    return normalise(pairs)


def clean_token(tok: str) -> str:
    tok = tok.replace("\t", " ").replace("\r", " ").replace("\n", " ").strip()
    return tok


# ---------------------------------------------------------------- writing


@dataclass
class Stats:
    docs: int = 0
    sentences: int = 0
    tokens: int = 0
    entities: collections.Counter = field(default_factory=collections.Counter)
    sample: list[str] = field(default_factory=list)


def check_bio(tags: list[str]) -> None:
    prev = "O"
    for t in tags:
        if t != "O":
            p, typ = t.split("-", 1)
            if typ not in TYPES or p not in ("B", "I"):
                raise ValueError(f"bad tag {t!r}")
            if p == "I" and prev[2:] != typ:
                raise ValueError(f"I- without B-: {tags}")
        prev = t


def write_tsv(path: str, docs, sample_skip: int = 0) -> Stats:
    """Write documents to ``path``; return statistics.

    ``sample_skip``: index of the first sentence considered for the 3-line
    sample (the first sentence with an entity at or after it is used).
    """
    st = Stats()
    sample_cands: list[list[str]] = []
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for doc_id, sentences in docs:
            sents = []
            for sent in sentences:
                toks = [(clean_token(w), t) for w, t in sent]
                toks = [(w, t) for w, t in toks if w]
                if not toks:
                    continue
                # re-normalise in case a dropped token broke a span
                tags = normalise([split_tag(t) for _, t in toks])
                check_bio(tags)
                sents.append([(w, t) for (w, _), t in zip(toks, tags)])
            if not sents:
                continue
            if doc_id is not None:
                fh.write(f"#doc {doc_id}\n")
                st.docs += 1
            for sent in sents:
                for w, t in sent:
                    fh.write(f"{w}\t{t}\n")
                    if t.startswith("B-"):
                        st.entities[t[2:]] += 1
                fh.write("\n")
                st.sentences += 1
                st.tokens += len(sent)
                if (
                    len(sample_cands) < 1
                    and st.sentences > sample_skip
                    and any(t != "O" for _, t in sent)
                ):
                    # three consecutive lines around the first entity
                    i = next(k for k, (_, t) in enumerate(sent) if t != "O")
                    lo = max(0, min(i - 1, len(sent) - 3))
                    sample_cands.append(
                        [f"{w}\t{t}" for w, t in sent[lo : lo + 3]]
                    )
    os.replace(tmp, path)
    st.sample = sample_cands[0] if sample_cands else []
    return st
