//! Name keys: how two spellings of a name are found to be the same name
//! (case, accents, punctuation; familiar given names; transliterations).

/// Name key: lower case, no diacritics, apostrophes/hyphens/dots as spaces, single spaces.
pub fn normalize(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    // Fast path for the common case: one ASCII word.
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// The key that recognises a built-in person by name: the transliteration
/// key, with a familiar given name in its full form ("Joe Biden" and "Joseph
/// Biden", "Bill Clinton" and "William Clinton" meet).
pub fn person_key(name: &str) -> String {
    let base = normalize(name);
    match base.split_once(' ') {
        Some((given, rest)) => {
            let full = FAMILIAR_NAMES
                .iter()
                .find(|(short, _)| *short == given)
                .map_or(given, |(_, full)| full);
            translit_key(&format!("{full} {rest}"))
        }
        None => translit_key(&base),
    }
}

/// Familiar forms of English given names and the full form (facts).
const FAMILIAR_NAMES: &[(&str, &str)] = &[
    ("joe", "joseph"),
    ("bill", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("mike", "michael"),
    ("dick", "richard"),
    ("rick", "richard"),
    ("tony", "anthony"),
    ("ted", "edward"),
    ("ed", "edward"),
    ("tom", "thomas"),
    ("ron", "ronald"),
    ("dan", "daniel"),
    ("chuck", "charles"),
    ("dave", "david"),
    ("fred", "frederick"),
    ("ben", "benjamin"),
    ("sam", "samuel"),
    ("nick", "nicholas"),
    ("pete", "peter"),
    ("andy", "andrew"),
    ("matt", "matthew"),
    ("chris", "christopher"),
    ("larry", "lawrence"),
    ("jerry", "gerald"),
    ("hank", "henry"),
    ("liz", "elizabeth"),
    ("kate", "katherine"),
    ("al", "albert"),
];

/// Transliteration key: folds the spelling differences between French, English and
/// German renderings of Russian, Arabic and Korean names (Choïgou / Choïgu / Shoigu,
/// Poutine / Putin, Sergueï / Sergei, Prigojine / Prigozhin).
pub fn translit_key(s: &str) -> String {
    let base = normalize(s);
    let mut words = Vec::new();
    for word in base.split(' ') {
        let mut w = word
            .replace("sch", "sh")
            .replace("tch", "ch")
            .replace("ch", "sh")
            .replace("kh", "h")
            .replace("ou", "u")
            .replace("gue", "ge")
            .replace("gui", "gi")
            .replace('j', "zh")
            .replace("zhzh", "zh")
            .replace('y', "i")
            .replace('w', "v")
            .replace("ph", "f")
            .replace("ck", "k");
        if w.len() > 4 && w.ends_with('e') {
            w.pop();
        }
        // Doubled letters: "Zelenskii" / "Zelenski".
        let mut collapsed = String::with_capacity(w.len());
        for c in w.chars() {
            if !collapsed.ends_with(c) {
                collapsed.push(c);
            }
        }
        words.push(collapsed);
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn transliteration_keys_meet() {
        let groups = [
            vec!["Choïgou", "Choïgu", "Shoigu", "Schoigu"],
            vec!["Poutine", "Putin"],
            vec!["Sergueï", "Sergei"],
            vec!["Dmitri", "Dmitry"],
            vec!["Prigojine", "Prigozhin"],
            vec!["Gorbatchev", "Gorbachev"],
            vec!["Zelensky", "Zelenskyy", "Zelenski"],
            vec!["Netanyahou", "Netanyahu"],
        ];
        for group in groups {
            let keys: HashSet<String> = group.iter().map(|n| translit_key(n)).collect();
            assert_eq!(keys.len(), 1, "{group:?} → {keys:?}");
        }
        assert_ne!(translit_key("Peskov"), translit_key("Lavrov"));
    }
}
