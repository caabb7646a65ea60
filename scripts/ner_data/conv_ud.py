"""Universal Dependencies treebanks -> ``token<TAB>upos<TAB>tag`` files.

The tag marks *proper-noun runs* (B-NAME / I-NAME / O), not typed named
entities: UD has no entity layer, but its PROPN tag says which words are
names, and a model can learn name boundaries and word classes from it.

Name-run rule (over syntactic words)
------------------------------------
1. Every maximal run of adjacent PROPN words is one name
   ("Jean-Luc Mélenchon", "New York Times").
2. Two PROPN words with non-PROPN words between them are joined into one
   name only when *every* word in the gap belongs to the same
   ``flat`` / ``fixed`` / ``compound`` chain (any subtype, e.g. ``flat:name``)
   as the PROPN words on both sides, i.e. the gap words and both neighbours
   are connected by edges of those relations alone.  UD French marks
   "Giscard d' Estaing", "Lobato del Valle", "Qabus ibn Said" that way
   (the particle is X / ``flat:name``).  A gap word attached by any other
   relation (``case``, ``det``, ``punct``, ``cc``, ``nmod`` ...) splits:
   "Conseil d' État" (``d'`` = ``case`` of ``État``) gives two names,
   "France et Allemagne" two names.  Treebanks differ: Sequoia marks the
   ``d'`` of "Giscard d' Estaing" as ``case`` (split there), EWT tokenises
   "Al-Zaman" as Al / - / Zaman with the hyphen ``punct`` (split).
3. A run from 1-2 is split between two neighbouring words when no
   dependency edge between two words of the run crosses that point: the
   name is a connected piece of the tree.  "roi de Pologne Étienne Bathory"
   -> "Pologne" | "Étienne Bathory" (``Pologne`` = ``nmod`` of *roi*,
   ``Étienne`` = ``appos`` of *roi*); "BBC Third Programme" stays whole.
   Words of one flat/fixed/compound chain count as connected even when the
   chain's head is outside the run ("le juge Van Ruymbeke": both are
   ``flat:name`` of *juge*).
4. Nothing outside the PROPN words is ever added at the edges (no leading
   article, no trailing numeral: "Louis XIV" gives "Louis" only when XIV is
   not PROPN).

Tokens
------
Output tokens are the *surface* tokens of the treebank: a multiword token
("du" = de + le, "au" = à + le) is written once with the UPOS of its words
joined by ``+`` ("ADP+DET"); it takes the tag of its first word (an I- that
this leaves without a B- becomes B-).  Empty nodes (``8.1``) are skipped.

Documents: ``# newdoc id`` when the treebank has it; for treebanks whose
``sent_id`` is ``<document>_<n>`` / ``<document>-<n>`` (Rhapsodie,
ParisStories) the document is that prefix, when asked for.
"""

from __future__ import annotations

import collections
import os
import re
from dataclasses import dataclass, field

from nerdata import SourceRepo, clean_token

CHAIN_RELS = ("flat", "fixed", "compound")


# ---------------------------------------------------------------- parsing


@dataclass
class Sentence:
    sent_id: str | None
    newdoc: str | None
    # words: (id, form, upos, head, deprel, extra columns after MISC)
    words: list = field(default_factory=list)
    # multiword tokens: (first id, last id, form)
    mwts: list = field(default_factory=list)


def parse_conllu(text: str) -> list[Sentence]:
    """Plain CoNLL-U (10 columns, or CoNLL-U Plus with more columns)."""
    out: list[Sentence] = []
    cur: Sentence | None = None
    pending_doc: str | None = None
    pending_id: str | None = None

    def flush():
        nonlocal cur
        if cur is not None and cur.words:
            out.append(cur)
        cur = None

    for line in text.splitlines():
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            if cur is not None and cur.words:
                flush()
            key, _, val = line[1:].partition("=")
            key = key.strip()
            if key == "newdoc id" or key == "newdoc":
                pending_doc = val.strip() or None
            elif key == "sent_id":
                pending_id = val.strip()
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            raise ValueError(f"not CoNLL-U: {line!r}")
        if cur is None:
            cur = Sentence(pending_id, pending_doc)
            pending_doc = pending_id = None
        tid = cols[0]
        if "-" in tid:
            a, b = tid.split("-")
            cur.mwts.append((int(a), int(b), cols[1]))
            continue
        if "." in tid:
            continue  # empty node
        head = int(cols[6]) if cols[6].isdigit() else -1
        cur.words.append((int(tid), cols[1], cols[3], head, cols[7], cols[10:]))
    flush()
    return out


def surface_tokens(sent: Sentence):
    """[(form, [word indexes])] in text order."""
    by_start = {a: (a, b, form) for a, b, form in sent.mwts}
    idx = {w[0]: i for i, w in enumerate(sent.words)}
    out = []
    i = 0
    while i < len(sent.words):
        wid = sent.words[i][0]
        if wid in by_start:
            a, b, form = by_start[wid]
            members = [idx[k] for k in range(a, b + 1) if k in idx]
            out.append((form, members))
            i = members[-1] + 1
        else:
            out.append((sent.words[i][1], [i]))
            i += 1
    return out


# ---------------------------------------------------------------- PROPN runs


def _chain_components(words) -> list[int]:
    """Union-find label per word over flat/fixed/compound edges."""
    parent = list(range(len(words)))
    idx = {w[0]: i for i, w in enumerate(words)}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, w in enumerate(words):
        rel = w[4].split(":")[0]
        if rel in CHAIN_RELS and w[3] in idx:
            a, b = find(i), find(idx[w[3]])
            if a != b:
                parent[a] = b
    return [find(i) for i in range(len(words))]


def propn_word_tags(words) -> list[str]:
    """B-NAME / I-NAME / O per syntactic word (rules in the module doc)."""
    n = len(words)
    is_p = [w[2] == "PROPN" for w in words]
    comp = _chain_components(words)
    inside = list(is_p)
    # bridge gaps between two PROPN words
    prev = None
    for i in range(n):
        if not is_p[i]:
            continue
        if prev is not None and i - prev > 1:
            c = comp[prev]
            if comp[i] == c and all(comp[k] == c for k in range(prev + 1, i)):
                for k in range(prev + 1, i):
                    inside[k] = True
        prev = i
    # split a run where no dependency edge inside the run crosses the gap
    # between two neighbouring words (two unrelated names side by side)
    idx = {w[0]: i for i, w in enumerate(words)}
    starts = set()
    i = 0
    while i < n:
        if not inside[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and inside[j + 1]:
            j += 1
        starts.add(i)
        covered = [False] * (j - i)  # covered[k]: gap between i+k and i+k+1
        spans = []
        for k in range(i, j + 1):
            h = idx.get(words[k][3])
            if h is not None and i <= h <= j:
                spans.append((min(h, k), max(h, k)))
        # words of one flat/fixed/compound chain belong together even when
        # the chain's head is outside the run ("le juge Van Ruymbeke":
        # Van, Ruymbeke = flat:name of *juge*)
        by_comp: dict[int, list[int]] = {}
        for k in range(i, j + 1):
            by_comp.setdefault(comp[k], []).append(k)
        for ks in by_comp.values():
            if len(ks) > 1:
                spans.append((ks[0], ks[-1]))
        for lo, hi in spans:
            for g in range(lo, hi):
                covered[g - i] = True
        for g, c in enumerate(covered):
            if not c:
                starts.add(i + g + 1)
        i = j + 1
    tags = []
    for i in range(n):
        if not inside[i]:
            tags.append("O")
        elif i in starts:
            tags.append("B-NAME")
        else:
            tags.append("I-NAME")
    return tags


def project_to_tokens(sent: Sentence, word_tags: list[str]):
    """Surface tokens with joined UPOS; MWT takes its first word's tag."""
    toks = []
    for form, members in surface_tokens(sent):
        upos = "+".join(sent.words[k][2] for k in members)
        toks.append([form, upos, word_tags[members[0]]])
    # repair I- without B- (possible after projection)
    prev = "O"
    for t in toks:
        if t[2].startswith("I-") and prev[2:] != t[2][2:]:
            t[2] = "B-" + t[2][2:]
        prev = t[2]
    return toks


# ---------------------------------------------------------------- documents

_DOC_SUFFIX = re.compile(r"[-_]+\d+$")


def doc_from_sent_id(sent_id: str | None) -> str | None:
    if not sent_id:
        return None
    d = _DOC_SUFFIX.sub("", sent_id)
    return d if d != sent_id else None


def group_docs(sents: list[Sentence], rows_of, docs_from_ids: bool):
    """[(doc_id or None, [rows per sentence])]: new doc on newdoc/prefix change."""
    docs: list = []
    last = object()
    for s in sents:
        d = s.newdoc
        if d is None and docs_from_ids:
            d = doc_from_sent_id(s.sent_id)
            if d == last:
                d = None
        if d is not None or not docs:
            docs.append((d, []))
            last = d
        docs[-1][1].append(rows_of(s))
    return docs


# ---------------------------------------------------------------- reading


def read_treebank(root: str, slug: str, commit: str, paths: list[str]) -> list[Sentence]:
    repo = SourceRepo(root, slug)
    sents: list[Sentence] = []
    for p in paths:
        sents.extend(parse_conllu(repo.read_text(commit, p)))
    return sents


def read_from_file_list(root: str, slug: str, commit: str, list_path: str, prefix: str) -> str:
    """Concatenate the per-document source files named in ``list_path``
    (UD_English-EWT keeps its train split as not-to-release/sources/*, and
    builds en_ewt-ud-train.conllu by plain concatenation of that list)."""
    repo = SourceRepo(root, slug)
    names = [ln.strip() for ln in repo.read_text(commit, list_path).splitlines() if ln.strip()]
    return "".join(repo.read_text(commit, prefix + n) for n in names)


def convert_propn(sents: list[Sentence], docs_from_ids: bool = False):
    def rows(s):
        return project_to_tokens(s, propn_word_tags(s.words))

    return group_docs(sents, rows, docs_from_ids)


# ---------------------------------------------------------------- writing


@dataclass
class PropnStats:
    docs: int = 0
    sentences: int = 0
    tokens: int = 0
    names: int = 0
    name_tokens: int = 0
    upos: collections.Counter = field(default_factory=collections.Counter)
    sample: list[str] = field(default_factory=list)


def write_propn_tsv(path: str, docs) -> PropnStats:
    """``token<TAB>upos<TAB>tag`` lines, blank line after each sentence,
    ``#doc <id>`` before each document that has an id."""
    st = PropnStats()
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for doc_id, sents in docs:
            sents = [[(clean_token(f), u, t) for f, u, t in s] for s in sents]
            sents = [[r for r in s if r[0]] for s in sents]
            sents = [s for s in sents if s]
            if not sents:
                continue
            if doc_id is not None:
                fh.write(f"#doc {doc_id}\n")
                st.docs += 1
            for s in sents:
                prev = "O"
                for f, u, t in s:
                    if t.startswith("I-") and prev == "O":
                        t = "B-" + t[2:]
                    fh.write(f"{f}\t{u}\t{t}\n")
                    st.upos[u] += 1
                    if t.startswith("B-"):
                        st.names += 1
                    if t != "O":
                        st.name_tokens += 1
                    prev = t
                fh.write("\n")
                st.sentences += 1
                st.tokens += len(s)
                if not st.sample and any(t != "O" for _, _, t in s) and st.sentences > 1:
                    i = next(k for k, (_, _, t) in enumerate(s) if t != "O")
                    lo = max(0, min(i - 1, len(s) - 3))
                    st.sample = ["\t".join(r) for r in s[lo: lo + 3]]
    os.replace(tmp, path)
    return st
