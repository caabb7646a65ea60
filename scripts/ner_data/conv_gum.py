"""GUM corpus (Georgetown University Multilayer corpus), English.

GUM annotates *every* referring expression ("the team", "he", "Donald
Trump") with an entity type in the CoNLL-U MISC column::

    Entity=(3-organization-new-sssss-cf1-5-coref-Afghan_Girls_Robotics_Team
    Entity=3)
    Entity=(7-time-new-nnnnn-cf1-1-coref)

so a named-entity layer has to be derived.  Rules used here:

1. Keep mentions typed person / organization / place (-> PER / ORG / LOC).
2. A mention is *named* when its syntactic head (the token of the span whose
   head lies outside the span) has XPOS NNP or NNPS.
3. The NE span is the name core around the head: the maximal run of NNP/NNPS
   tokens containing the head, allowing name-internal connectors
   (of, the, de, ..., hyphen, &) between two proper-noun tokens, and
   cardinal numbers right after the head's run ("Route 66").  A connector
   does not lead into a nested named mention of the same type ("Red Sox of
   Major League Baseball"), nor, for persons, of any type ("Gary Chan of
   DAB"); those nested mentions get their own span.
4. For persons, leading titles ("President", "Dr.") and leading nested
   named mentions of other entities ("U.S." in "U.S. President Donald
   Trump") are removed; a person core that is a single plural NNPS token
   ("Muslims", "Democrats") is dropped (group nouns, MISC in CoNLL terms).
5. Overlapping cores: the longest (outermost) wins.
"""

from __future__ import annotations

import re

from nerdata import SourceRepo

ETYPE = {"person": "PER", "organization": "ORG", "place": "LOC"}
PROPER = {"NNP", "NNPS"}
CONNECTORS = {
    "of", "the", "de", "du", "des", "la", "le", "les", "von", "van", "der",
    "den", "da", "di", "del", "y", "for", "on", "upon", "-", "&", "'n'", "a",
}
TITLES = {
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame",
    "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Emperor",
    "Empress", "Pope", "Saint", "President", "Vice", "Prime", "Minister",
    "Chancellor", "Senator", "Sen", "Rep", "Representative", "Congressman",
    "Congresswoman", "Governor", "Gov", "Mayor", "General", "Gen", "Colonel",
    "Col", "Lieutenant", "Lt", "Captain", "Capt", "Major", "Maj", "Sergeant",
    "Sgt", "Admiral", "Adm", "Commander", "Cmdr", "Judge", "Justice",
    "Ambassador", "Secretary", "Chairman", "Chairwoman", "Chief", "Deputy",
    "Bishop", "Archbishop", "Cardinal", "Rev", "Reverend", "Father", "Rabbi",
    "Imam", "Sheikh", "Shaikh", "Duke", "Duchess", "Count", "Countess",
    "Baron", "Baroness", "Officer", "Detective", "Inspector", "Coach",
    "Doctor", "Mister", "Uncle", "Aunt", "St", "Fellow", "Earl", "Premier",
    "Tsar", "Czar", "Sultan", "Emir", "Shah", "Marquis", "Marquess",
    "Viscount", "Protector", "Speaker", "Grand", "Director", "Newcomer",
}
# single-token "person" mentions that are roles, not names (court transcripts)
ROLES = {
    "Petitioner", "Respondent", "Counsel", "Plaintiff", "Defendant",
    "Appellant", "Appellee", "Bailiff", "Witness", "Court", "Newcomer",
    "Honor", "Interviewer",
}

SOURCE_URLS: dict[str, str] = {}  # doc id -> meta::sourceURL (filled on read)

_OPEN = re.compile(r"\((\d+)-([^()]*)")


def parse_entity_field(value: str):
    """Yield ('open', id, etype, single) / ('close', id) events in order."""
    i = 0
    n = len(value)
    while i < n:
        if value[i] == "(":
            m = _OPEN.match(value, i)
            if not m:
                raise ValueError(f"bad Entity field {value!r}")
            eid, body = m.group(1), m.group(2)
            j = m.end()
            single = j < n and value[j] == ")"
            yield ("open", eid, body.split("-", 1)[0], single)
            i = j + 1 if single else j
        else:
            m = re.match(r"(\d+)\)", value[i:])
            if not m:
                raise ValueError(f"bad Entity field {value!r}")
            yield ("close", m.group(1))
            i += m.end()


def read_conllu(text: str):
    """Yield (doc_id, sentences); a sentence is a list of token dicts."""
    doc_id = None
    sents: list = []
    cur: list = []
    for line in text.splitlines():
        if line.startswith("# newdoc id"):
            doc_id = line.split("=", 1)[1].strip()
            continue
        if line.startswith("# meta::sourceURL"):
            SOURCE_URLS[doc_id] = line.split("=", 1)[1].strip()
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        c = line.split("\t")
        if "-" in c[0] or "." in c[0]:
            continue
        misc = {}
        for kv in c[9].split("|"):
            if "=" in kv:
                k, v = kv.split("=", 1)
                misc[k] = v
        cur.append(
            {
                "id": int(c[0]),
                "form": c[1],
                "xpos": c[4],
                "head": int(c[6]) if c[6].isdigit() else 0,
                "entity": misc.get("Entity", ""),
            }
        )
    if cur:
        sents.append(cur)
    return doc_id, sents


def mentions(sent):
    """Return list of (start, end_inclusive, eid, etype) with 0-based ids."""
    out = []
    stack: dict[str, list] = {}
    for i, tok in enumerate(sent):
        if not tok["entity"]:
            continue
        for ev in parse_entity_field(tok["entity"]):
            if ev[0] == "open":
                _, eid, etype, single = ev
                if single:
                    out.append((i, i, eid, etype))
                else:
                    stack.setdefault(eid, []).append((i, etype))
            else:
                eid = ev[1]
                start, etype = stack[eid].pop()
                out.append((start, i, eid, etype))
    for eid, opened in stack.items():
        if opened:
            raise ValueError(f"unclosed mention {eid}")
    return out


def _head(sent, s, e):
    """Index of the span's syntactic head (first token whose head is outside)."""
    ids = {sent[k]["id"] for k in range(s, e + 1)}
    for k in range(s, e + 1):
        if sent[k]["head"] not in ids:
            return k
    return s


def _is_prop(tok):
    return tok["xpos"] in PROPER


def _core(sent, s, e, h, blocked_starts=frozenset()):
    a = b = h
    # left
    k = a - 1
    while k >= s:
        if _is_prop(sent[k]):
            a = k
            k -= 1
            continue
        j = k
        while j >= s and sent[j]["form"] in CONNECTORS and not _is_prop(sent[j]):
            j -= 1
        if j < k and j >= s and _is_prop(sent[j]):
            a = j
            k = j - 1
            continue
        break
    # right
    k = b + 1
    while k <= e:
        if _is_prop(sent[k]):
            b = k
            k += 1
            continue
        j = k
        while j <= e and sent[j]["form"] in CONNECTORS and not _is_prop(sent[j]):
            j += 1
        if j > k and j <= e and _is_prop(sent[j]) and j not in blocked_starts:
            b = j
            k = j + 1
            continue
        break
    while b + 1 <= e and sent[b + 1]["xpos"] == "CD" and sent[b]["xpos"] in PROPER:
        b += 1
    return a, b


def named_spans(sent):
    ms = mentions(sent)
    named = []
    for s, e, eid, etype in ms:
        lab = ETYPE.get(etype)
        if lab is None:
            continue
        h = _head(sent, s, e)
        if not _is_prop(sent[h]):
            continue
        blocked = frozenset(
            s2
            for s2, e2, eid2, et2 in ms
            if eid2 != eid
            and ETYPE.get(et2) is not None
            and (lab == "PER" or ETYPE.get(et2) == lab)
            and s < s2 <= e and e2 <= e
            and s2 > h
        )
        # a connector may be followed by a determiner inside the nested
        # mention ("of the Royal Society"): block its first proper token too
        blocked = blocked | frozenset(
            k for s2 in blocked for k in range(s2, min(e, s2 + 3) + 1)
            if _is_prop(sent[k])
        )
        a, b = _core(sent, s, e, h, blocked)
        if lab == "PER" and sent[h]["form"].rstrip(".") in TITLES and a == h:
            # head is itself a title ("Earl of Clare", "a Fellow of ...")
            if b == h or not _is_prop(sent[h + 1]):
                continue  # nothing but "of ..." after the title
            a = h + 1  # "President Obama" with the title as head
        if lab == "PER":
            changed = True
            while changed and a <= b:
                changed = False
                if sent[a]["form"].rstrip(".") in TITLES and a < b:
                    a += 1
                    changed = True
                    continue
                for s2, e2, eid2, et2 in ms:
                    if (
                        eid2 != eid
                        and s2 == a
                        and e2 < h
                        and e2 >= a
                        and _is_prop(sent[_head(sent, s2, e2)])
                    ):
                        a = e2 + 1
                        changed = True
                        break
                while a <= b and sent[a]["form"] in CONNECTORS:
                    a += 1
                    changed = True
            if a > b:
                continue
            if a == b and (
                sent[a]["xpos"] == "NNPS"
                or sent[a]["form"].rstrip(".") in TITLES
                or sent[a]["form"] in ROLES
            ):
                continue
        if a > b:
            continue
        named.append((a, b, lab))
    # outermost wins
    named.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken = [False] * len(sent)
    chosen = []
    for a, b, lab in named:
        if any(taken[a : b + 1]):
            continue
        for k in range(a, b + 1):
            taken[k] = True
        chosen.append((a, b, lab))
    tags = ["O"] * len(sent)
    for a, b, lab in chosen:
        tags[a] = "B-" + lab
        for k in range(a + 1, b + 1):
            tags[k] = "I-" + lab
    return tags


def convert(root: str, commit: str, genres: list[str]):
    repo = SourceRepo(root, "amir-zeldes/gum")
    files = [
        p
        for p in repo.list_files(commit, "dep/")
        if p.endswith(".conllu")
        and any(p.startswith(f"dep/GUM_{g}_") for g in genres)
    ]
    docs = []
    for path in sorted(files):
        doc_id, sents = read_conllu(repo.read_text(commit, path))
        out = []
        for sent in sents:
            tags = named_spans(sent)
            out.append([(t["form"], tag) for t, tag in zip(sent, tags)])
        docs.append((doc_id or path, out))
    return docs, files
