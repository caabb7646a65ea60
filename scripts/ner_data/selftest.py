#!/usr/bin/env python3
"""Small checks of the conversion logic (no source data needed)."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import conv_conll  # noqa: E402
import conv_europeana  # noqa: E402
import conv_gum  # noqa: E402
import conv_sequoia_ne  # noqa: E402
import conv_ud  # noqa: E402
import conv_uner  # noqa: E402
from nerdata import map_tags  # noqa: E402

M = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}


def test_io_to_bio():
    assert map_tags(["I-PER", "I-PER", "O", "I-LOC", "I-ORG"], M) == [
        "B-PER", "I-PER", "O", "B-LOC", "B-ORG"]
    # B- keeps adjacent entities apart; MISC dropped; I- after MISC -> B-
    assert map_tags(["B-PER", "B-PER", "I-MISC", "I-PER"], M) == [
        "B-PER", "B-PER", "O", "B-PER"]
    assert map_tags(["B-OTH", "B-O", "I-LOC"], M) == ["O", "O", "B-LOC"]


def test_conll_docs():
    text = "-DOCSTART- O\n\nJohn I-PER\nSmith I-PER\nvisited O\nParis I-LOC\n\n"
    docs = conv_conll.parse_conll(text, M, "wg")
    assert docs == [("wg-001", [[("John", "B-PER"), ("Smith", "I-PER"),
                                 ("visited", "O"), ("Paris", "B-LOC")]])]


def test_uner():
    text = ("# newdoc id = d1\n# sent_id = s1\n1\tAl\tB-ORG\t-\tx\n2\t-\tI-ORG\t-\tx\n"
            "3\tAmerican\tB-OTH\t-\tx\n\n")
    assert conv_uner.parse_iob2(text, "f") == [
        ("d1", [[("Al", "B-ORG"), ("-", "I-ORG"), ("American", "O")]])]


def test_europeana_segment():
    toks = ["M", ".", "Dupont", "arrive", ".", "Il", "part", "."]
    tags = ["O", "O", "B-PER", "O", "O", "O", "O", "O"]
    sents = conv_europeana.segment(toks, tags)
    assert [len(s) for s in sents] == [5, 3], sents


def _tok(i, form, xpos, head, ent=""):
    return {"id": i, "form": form, "xpos": xpos, "head": head, "entity": ent}


def test_gum():
    # "U.S. President Donald Trump 's policies" with nested place mention
    sent = [
        _tok(1, "U.S.", "NNP", 2, "(21-abstract-new-x-cf9-1-sgl(22-person-new-x-cf5-1-coref-Donald_Trump(18-place-giv-x-cf2-1-coref-United_States)"),
        _tok(2, "President", "NNP", 3),
        _tok(3, "Donald", "NNP", 6),
        _tok(4, "Trump", "NNP", 3),
        _tok(5, "'s", "POS", 3, "22)"),
        _tok(6, "policies", "NNS", 0, "21)"),
    ]
    assert conv_gum.named_spans(sent) == ["B-LOC", "O", "B-PER", "I-PER", "O", "O"]
    # "the University of Helsinki" with nested place: outer ORG wins
    sent = [
        _tok(1, "the", "DT", 2, "(1-organization-new-x-cf1-2-coref"),
        _tok(2, "University", "NNP", 0),
        _tok(3, "of", "IN", 4),
        _tok(4, "Helsinki", "NNP", 2, "(2-place-new-x-cf2-1-sgl)1)"),
    ]
    assert conv_gum.named_spans(sent) == ["O", "B-ORG", "I-ORG", "I-ORG"]
    # common-noun head: not a named entity
    sent = [_tok(1, "the", "DT", 2, "(3-organization-new-x-cf1-2-coref"),
            _tok(2, "team", "NN", 0, "3)")]
    assert conv_gum.named_spans(sent) == ["O", "O"]


def _conllu(rows, extra=None):
    """rows: (id, form, upos, head, deprel); extra: column 11 per row."""
    lines = ["# sent_id = doc_a-1"]
    for k, (i, form, upos, head, rel) in enumerate(rows):
        cols = [str(i), form, "_", upos, "_", "_", str(head), rel, "_", "_"]
        if extra is not None:
            cols += [extra[k], "*"]
        lines.append("\t".join(cols))
    return "\n".join(lines) + "\n\n"


def test_ud_propn_runs():
    # Valéry Giscard d' Estaing (d' = X flat:name) dit : one name
    text = _conllu([(1, "Valéry", "PROPN", 5, "nsubj"), (2, "Giscard", "PROPN", 1, "flat:name"),
                    (3, "d'", "X", 1, "flat:name"), (4, "Estaing", "PROPN", 1, "flat:name"),
                    (5, "dit", "VERB", 0, "root")])
    (s,) = conv_ud.parse_conllu(text)
    assert conv_ud.propn_word_tags(s.words) == ["B-NAME", "I-NAME", "I-NAME", "I-NAME", "O"]
    # Conseil d' État: d' = case -> two names
    text = _conllu([(1, "Conseil", "PROPN", 0, "root"), (2, "d'", "ADP", 3, "case"),
                    (3, "État", "PROPN", 1, "nmod")])
    (s,) = conv_ud.parse_conllu(text)
    assert conv_ud.propn_word_tags(s.words) == ["B-NAME", "O", "B-NAME"]
    # roi de Pologne Étienne Bathory: adjacent but unrelated -> split
    text = _conllu([(1, "roi", "NOUN", 0, "root"), (2, "de", "ADP", 3, "case"),
                    (3, "Pologne", "PROPN", 1, "nmod"), (4, "Étienne", "PROPN", 1, "appos"),
                    (5, "Bathory", "PROPN", 4, "flat:name")])
    (s,) = conv_ud.parse_conllu(text)
    assert conv_ud.propn_word_tags(s.words) == ["O", "O", "B-NAME", "B-NAME", "I-NAME"]
    # le juge Van Ruymbeke: both flat:name of the noun -> one name
    text = _conllu([(1, "le", "DET", 2, "det"), (2, "juge", "NOUN", 0, "root"),
                    (3, "Van", "PROPN", 2, "flat:name"), (4, "Ruymbeke", "PROPN", 2, "flat:name")])
    (s,) = conv_ud.parse_conllu(text)
    assert conv_ud.propn_word_tags(s.words) == ["O", "O", "B-NAME", "I-NAME"]


def test_ud_mwt_and_docs():
    text = ("# sent_id = Rhap_D0001-1\n1-2\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n"
            "1\tde\t_\tADP\t_\t_\t3\tcase\t_\t_\n2\tle\t_\tDET\t_\t_\t3\tdet\t_\t_\n"
            "3\tMans\t_\tPROPN\t_\t_\t0\troot\t_\t_\n\n"
            "# sent_id = Rhap_D0001-2\n1\tLyon\t_\tPROPN\t_\t_\t0\troot\t_\t_\n\n"
            "# sent_id = Rhap_D0002-1\n1\toui\t_\tINTJ\t_\t_\t0\troot\t_\t_\n\n")
    docs = conv_ud.convert_propn(conv_ud.parse_conllu(text), docs_from_ids=True)
    assert docs == [
        ("Rhap_D0001", [[["du", "ADP+DET", "O"], ["Mans", "PROPN", "B-NAME"]],
                        [["Lyon", "PROPN", "B-NAME"]]]),
        ("Rhap_D0002", [[["oui", "INTJ", "O"]]]),
    ], docs


def test_sequoia_ne():
    # "Cora" ORG.prim + LOC.final; "Tour de France" EVE containing LOC France
    rows = [(1, "chez", "ADP", 2, "case"), (2, "Cora", "PROPN", 0, "root"),
            (3, "Tour", "PROPN", 2, "nmod"), (4, "de", "ADP", 5, "case"),
            (5, "France", "PROPN", 3, "nmod"), (6, "Jean", "PROPN", 2, "nmod")]
    extra = ["*", "1:PROPN|NE-ORG.prim|_;2:PROPN|NE-LOC.final|_", "3:PROPN|NE-EVE.final|_",
             "3", "3;4:PROPN|NE-LOC.final|_", "5:PROPN|NE-PERS.final|_"]
    (s,) = conv_ud.parse_conllu(_conllu(rows, extra))
    assert conv_sequoia_ne.entity_word_tags(s.words) == ["O", "B-LOC", "O", "O", "O", "B-PER"]


if __name__ == "__main__":
    n = 0
    for name, fn in sorted(globals().items()):
        if name.startswith("test_") and callable(fn):
            fn()
            n += 1
    print(f"{n} passed, 0 failed")
