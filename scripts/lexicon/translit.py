"""Russian and Ukrainian given names (Cyrillic) -> the Latin spellings that
English- and French-language news use.

English: BGN/PCGN-like for Russian plus the popular press variants
(Sergey/Sergei, Dmitriy/Dmitry/Dmitri, Yelena/Elena, Aleksandr/Alexandr), and the
Ukrainian national system of 2010 for Ukrainian (Volodymyr, Oleksandr, Serhii/Serhiy).
French: the usual French press transcription (Sergueï, Iouri, Lioudmila, Mikhaïl,
Vassili; Ukrainian h for г and y for и: Volodymyr, Oleksandr, Serhiï).

Each name gives a few variants; accents do not matter to Dossier's matching
(normalize() strips them) but the conventional forms keep them.
"""

from __future__ import annotations

from itertools import product

VOWELS = set("аеёиоуыэюяієїАЕЁИОУЫЭЮЯІЄЇ")
SOFT = set("ьъ'’")

MAX_VARIANTS = 8


DIGRAPHS = ("кс", "ья", "ье", "ью", "ия", "ія", "ий", "ій")


def _tokens(s: str) -> list[str]:
    out, i = [], 0
    while i < len(s):
        if s[i:i + 2] in DIGRAPHS:
            out.append(s[i:i + 2])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return out


def _ctx(t: list[str], i: int) -> tuple[str, str, bool, bool]:
    prev = t[i - 1][-1] if i > 0 else ""
    nxt = t[i + 1][0] if i + 1 < len(t) else ""
    return prev, nxt, i == 0, i == len(t) - 1


def _opts_ru_en(t: list[str], i: int) -> list[str]:
    c = t[i]
    prev, nxt, start, end = _ctx(t, i)
    after_vowel = prev in VOWELS or prev in SOFT
    special = {"кс": ["ks", "x"], "ья": ["ya", "ia", "iya"], "ье": ["ye", "ie"],
               "ью": ["yu", "iu"], "ия": ["iya", "ia"]}
    if c in special:
        return special[c]
    if c == "ий":
        return ["iy", "y", "i"] if end else ["iy"]
    if c == "е":
        return ["ye", "e"] if (start or after_vowel) else ["e"]
    if c == "ё":
        return ["yo", "e"] if (start or after_vowel) else ["yo", "e", "io"]
    if c == "й":
        return ["y", "i"] if end else ["y"]
    table = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i",
             "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
             "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
             "щ": "shch", "ъ": "", "ь": "", "ы": "y", "э": "e", "ю": "yu", "я": "ya"}
    return [table.get(c, c)]


def _opts_ru_fr(t: list[str], i: int) -> list[str]:
    c = t[i]
    prev, nxt, start, end = _ctx(t, i)
    after_vowel = prev in VOWELS or prev in SOFT
    special = {"кс": ["x", "ks"], "ья": ["ia"], "ье": ["ie"], "ью": ["iou"], "ия": ["ia"]}
    if c in special:
        return special[c]
    if c == "ий":
        return ["i"] if end else ["ii"]
    if c == "г":
        return ["gu"] if nxt in ("е", "и", "ы", "э", "ё") else ["g"]
    if c == "е":
        return ["ie", "e"] if (start or after_vowel) else ["e"]
    if c == "ё":
        return ["io"]
    if c == "и":
        return ["ï"] if prev in ("а", "о", "у") else ["i"]
    if c == "й":
        return ["ï"] if prev in VOWELS else ["i"]
    if c == "с":
        return ["ss"] if prev in VOWELS and nxt in VOWELS else ["s"]
    table = {"а": "a", "б": "b", "в": "v", "д": "d", "ж": "j", "з": "z", "к": "k", "л": "l",
             "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "т": "t", "у": "ou", "ф": "f",
             "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ъ": "", "ь": "",
             "ы": "y", "э": "e", "ю": "iou", "я": "ia"}
    return [table.get(c, c)]


def _opts_uk_en(t: list[str], i: int) -> list[str]:
    c = t[i]
    prev, nxt, start, end = _ctx(t, i)
    special = {"ія": ["iia", "iya", "ia"], "ій": ["ii", "iy"] if end else ["ii"],
               "кс": ["ks"], "ья": ["ia"], "ью": ["iu"], "ье": ["ie"], "ия": ["yia"]}
    if c in special:
        return special[c]
    if c == "є":
        return ["ye"] if start else ["ie", "ye"]
    if c == "ї":
        return ["yi"] if start else ["i", "yi"]
    if c == "й":
        return ["y"] if start else (["i", "y"] if end else ["i"])
    if c == "ю":
        return ["yu"] if start else ["iu", "yu"]
    if c == "я":
        return ["ya"] if start else ["ia", "ya"]
    if c == "г" and prev == "з":
        return ["gh"]
    table = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh",
             "з": "z", "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
             "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
             "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "'": "", "’": ""}
    return [table.get(c, c)]


def _opts_uk_fr(t: list[str], i: int) -> list[str]:
    c = t[i]
    prev, nxt, start, end = _ctx(t, i)
    special = {"ія": ["ia"], "ій": ["iï", "iy"] if end else ["ii"], "кс": ["ks"],
               "ья": ["ia"], "ью": ["iou"], "ье": ["ie"], "ия": ["yia"]}
    if c in special:
        return special[c]
    if c == "є":
        return ["ie", "ye"] if start else ["ie"]
    if c == "ї":
        return ["ï"]
    if c == "й":
        return ["ï", "y"] if prev in VOWELS else ["i"]
    if c == "с":
        return ["ss"] if prev in VOWELS and nxt in VOWELS else ["s"]
    table = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "j",
             "з": "z", "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
             "п": "p", "р": "r", "т": "t", "у": "ou", "ф": "f", "х": "kh", "ц": "ts",
             "ч": "tch", "ш": "ch", "щ": "chtch", "ь": "", "'": "", "’": "", "ю": "iou",
             "я": "ia"}
    return [table.get(c, c)]


RULES = {("ru", "en"): _opts_ru_en, ("ru", "fr"): _opts_ru_fr,
         ("uk", "en"): _opts_uk_en, ("uk", "fr"): _opts_uk_fr,
         # Belarusian names are close enough to Russian spelling rules for a gazetteer.
         ("be", "en"): _opts_ru_en, ("be", "fr"): _opts_ru_fr}


def _combine(parts: list[list[str]]) -> list[str]:
    out: list[str] = []
    for combo in product(*parts):
        w = "".join(combo)
        if w and w not in out:
            out.append(w)
        if len(out) >= MAX_VARIANTS:
            break
    return out


def transliterate(name: str, lang: str, target: str) -> list[str]:
    """Latin spellings of a Cyrillic given name, most standard first."""
    rule = RULES.get((lang, target))
    if rule is None:
        return []
    low = name.lower()
    if not all(ch.isalpha() or ch in "'’-" for ch in low):
        return []
    results = []
    for seg in low.split("-"):
        toks = _tokens(seg)
        results.append(_combine([rule(toks, i) for i in range(len(toks))]))
    joined = ["-".join(p) for p in product(*results)][:MAX_VARIANTS]
    out = []
    for w in joined:
        w = "-".join(x[:1].upper() + x[1:] for x in w.split("-"))
        if w not in out:
            out.append(w)
    return out


if __name__ == "__main__":
    tests = [("Сергей", "ru"), ("Дмитрий", "ru"), ("Владимир", "ru"), ("Юрий", "ru"),
             ("Людмила", "ru"), ("Михаил", "ru"), ("Евгений", "ru"), ("Алексей", "ru"),
             ("Наталья", "ru"), ("Анастасия", "ru"), ("Николай", "ru"), ("Георгий", "ru"),
             ("Володимир", "uk"), ("Олександр", "uk"), ("Сергій", "uk"), ("Андрій", "uk"),
             ("Тетяна", "uk"), ("Євген", "uk"), ("Юлія", "uk"), ("В'ячеслав", "uk")]
    for n, l in tests:
        print(n, l, transliterate(n, l, "en"), transliterate(n, l, "fr"))
