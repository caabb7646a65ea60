"""Deep Sequoia 9.x with PARSEME-FR named entities -> PER/ORG/LOC BIO.

Input: ``sequoia-ud.parseme.frsemcor`` (CoNLL-U Plus, UD tokenisation of
the Sequoia treebank, 12 columns).  Column 11 (PARSEME:MWE) holds the
PARSEME-FR annotation of multiword expressions *and* named entities::

    1:PROPN|NE-PERS.final|_          first word of expression 1
    1                                a further word of expression 1
    3:PROPN|NE-ORG.prim|_;4:PROPN|NE-LOC.final|_   two readings, one span
    *                                nothing

A named entity is an expression whose category is ``NE-<TYPE>.<reading>``;
TYPE is PERS, ORG, LOC, PROD, EVE.  A metonymic entity carries two
expressions over the same words: its primary (literal) reading ``.prim``
and its reading in context ``.final`` (every entity has a ``.final``).
Rules used here:

1. Only ``.final`` readings are used (the type in context, as CoNLL-style
   NER tags it): PERS -> PER, ORG -> ORG, LOC -> LOC; PROD and EVE take
   part in overlap resolution (3) and are then dropped (-> O), so "France"
   inside the event "Tour de France" is not tagged.
2. A discontinuous entity ("[Jeanine] et Willy [Schaer]") is cut into its
   contiguous pieces, each an entity of the same type.
3. Overlapping entities: the longest wins (nested entities are dropped),
   ties -> the leftmost.
4. Output tokens are the surface tokens (multiword tokens "du", "au" once);
   a multiword token takes the tag of its first word, then BIO is repaired.
"""

from __future__ import annotations

import collections

from conv_ud import parse_conllu, surface_tokens
from nerdata import SourceRepo, normalise, split_tag

TYPE_MAP = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC"}

COUNTS: collections.Counter = collections.Counter()  # filled while converting


def _expressions(words):
    """{mwe id: (category, [word indexes])} from column 11."""
    exprs: dict[str, list] = {}
    for i, w in enumerate(words):
        extra = w[5]
        val = extra[0] if extra else "*"
        if val in ("*", "_", ""):
            continue
        for part in val.split(";"):
            eid, _, cat = part.partition(":")
            e = exprs.setdefault(eid, [None, []])
            if cat:
                e[0] = cat
            e[1].append(i)
    return {k: (v[0] or "", v[1]) for k, v in exprs.items()}


def entity_word_tags(words) -> list[str]:
    exprs = _expressions(words)
    spans = []  # (start, end, type)
    prim_spans = {}
    for cat, idxs in exprs.values():
        if "NE-" not in cat:
            continue
        ne = cat.split("NE-", 1)[1].split("|", 1)[0]  # e.g. LOC.final
        typ, _, reading = ne.partition(".")
        idxs = sorted(set(idxs))
        if reading == "prim":
            prim_spans[tuple(idxs)] = typ
            continue
        if reading != "final":
            COUNTS["ne_unknown_reading"] += 1
            continue
        COUNTS[f"ne_final_{typ}"] += 1
        pieces = [[idxs[0]]]
        for k in idxs[1:]:
            if k == pieces[-1][-1] + 1:
                pieces[-1].append(k)
            else:
                pieces.append([k])
        if len(pieces) > 1:
            COUNTS["ne_discontinuous"] += 1
        for p in pieces:
            spans.append((p[0], p[-1], typ, tuple(idxs)))
    finals = {s[3]: s[2] for s in spans}
    for key, ptyp in prim_spans.items():
        ftyp = finals.get(key)
        COUNTS[f"prim_{ptyp}->final_{ftyp}"] += 1
    # longest first, then leftmost
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    owner = [None] * len(words)
    for a, b, typ, _ in spans:
        if any(owner[k] is not None for k in range(a, b + 1)):
            COUNTS["ne_nested_or_overlap_dropped"] += 1
            continue
        for k in range(a, b + 1):
            owner[k] = (a, typ)
    tags = []
    for k, o in enumerate(owner):
        if o is None or o[1] not in TYPE_MAP:
            tags.append("O")
        else:
            tags.append(("B-" if o[0] == k else "I-") + TYPE_MAP[o[1]])
    return tags


def convert(root: str, slug: str, commit: str, paths: list[str]):
    repo = SourceRepo(root, slug)
    sents_out = []
    for p in paths:
        for s in parse_conllu(repo.read_text(commit, p)):
            wtags = entity_word_tags(s.words)
            toks = surface_tokens(s)
            raw = [wtags[m[0]] for _, m in toks]
            tags = normalise([split_tag(t) for t in raw])
            sents_out.append([(f, t) for (f, _), t in zip(toks, tags)])
    return [(None, sents_out)]
