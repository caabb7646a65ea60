//! Corpus-level view of actors: one canonical key and display name per actor
//! across articles. Built-in actors are named in the corpus's main language;
//! a surname-only person in one article ("Pak") is merged with the one person
//! of the corpus whose full name ends with it ("Jung Pak"). The user's edits
//! (merges, splits, metonym switches, renames, hidden actors) apply on top.

use rustc_hash::FxHashMap as HashMap;

use super::edits::{ActorEdits, QuoteFix};
use super::lexicon::{ActorKind, LEXICON, normalize, translit_key};
use super::{ArticleActor, ExtractedQuote, Extraction};
use crate::model::Lang;

/// One actor of one article after the corpus view and the user's edits:
/// several article-level actors may have become one, or one may have been split.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedActor {
    /// Canonical key.
    pub key: String,
    /// Display name.
    pub name: String,
    /// The name as this article gives it (in its language, its fullest
    /// form), or the display name when the user renamed or merged the actor.
    pub local_name: String,
    /// Kind.
    pub kind: ActorKind,
    /// Mentions in the article.
    pub count: usize,
    /// Forms as written.
    pub aliases_seen: Vec<String>,
    /// Byte spans of the mentions in the body, in text order.
    pub spans: Vec<(usize, usize)>,
    /// The article-level keys merged into it.
    pub sources: Vec<String>,
}

/// Canonical keys and names of a corpus's actors.
#[derive(Debug, Default, Clone)]
pub struct CorpusActors {
    /// Article-level key → canonical key.
    remap: HashMap<String, String>,
    /// Canonical key → (display name, kind).
    names: HashMap<String, (String, ActorKind)>,
    /// The user's corrections.
    edits: ActorEdits,
}

impl CorpusActors {
    /// Builds the view from everything extracted in a corpus: each article's
    /// language and extraction.
    pub fn build<E: std::borrow::Borrow<Extraction>>(
        articles: impl Iterator<Item = (Lang, E)> + Clone,
        edits: &ActorEdits,
    ) -> Self {
        let lexicon = &*LEXICON;
        let (mut fr, mut en) = (0usize, 0usize);
        let mut names: HashMap<String, (String, ActorKind)> = HashMap::default();
        let alias_edits = !edits.split.is_empty() || !edits.metonyms_off.is_empty();
        for (article_lang, extraction) in articles.clone() {
            match article_lang {
                Lang::Fr => fr += 1,
                Lang::En => en += 1,
                Lang::Other => {}
            }
            for actor in &extraction.borrow().actors {
                // Built-in actors are named in the corpus's language, below.
                let builtin = lexicon.entry(&actor.key).is_some();
                // Looked up before inserting: most keys are seen many times.
                let slot = match names.get_mut(&actor.key) {
                    Some(slot) => slot,
                    None => names
                        .entry(actor.key.clone())
                        .or_insert_with(|| (String::new(), actor.kind)),
                };
                // Discovered people are named by their longest form.
                if !builtin && actor.name.len() > slot.0.len() {
                    slot.0.clone_from(&actor.name);
                }
            }
        }
        let lang = if fr > en { Lang::Fr } else { Lang::En };
        for (key, (name, _)) in &mut names {
            if let Some(entry) = lexicon.entry(key) {
                entry.name(lang).clone_into(name);
            }
        }
        // Surname-only people → the single full name ending with that surname.
        let mut by_surname: HashMap<String, Vec<String>> = HashMap::default();
        for (key, (name, kind)) in &names {
            if *kind == ActorKind::Person && name.split_whitespace().count() >= 2 {
                let surname = translit_key(name)
                    .rsplit(' ')
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                let list = by_surname.entry(surname).or_default();
                if !list.contains(key) {
                    list.push(key.clone());
                }
            }
        }
        let mut remap = HashMap::default();
        for (key, (name, kind)) in &names {
            if *kind != ActorKind::Person || name.split_whitespace().count() != 1 {
                continue;
            }
            if let Some([full]) = by_surname.get(&translit_key(name)).map(Vec::as_slice) {
                remap.insert(key.clone(), full.clone());
            }
        }
        let mut view = Self {
            remap,
            names,
            edits: edits.clone(),
        };
        // Forms split off an actor are actors of their own, named as written.
        if alias_edits {
            for (_, extraction) in articles {
                for actor in &extraction.borrow().actors {
                    for alias in &actor.aliases_seen {
                        if let Some((key, kind)) = view.alias_target(actor, alias) {
                            view.names
                                .entry(key)
                                .or_insert_with(|| (alias.clone(), kind));
                        }
                    }
                }
            }
        }
        view
    }

    /// Where a form of an article-level actor goes after the user's alias
    /// edits: a split-off actor (`split~pak`, when the form was split off the
    /// actor or the one it is merged into), a place for a switched-off metonym
    /// (`place~pyongyang`), or `None` to stay with its actor.
    fn alias_target(&self, actor: &ArticleActor, alias: &str) -> Option<(String, ActorKind)> {
        let key = normalize(alias);
        let split = |k: &str| {
            self.edits
                .split
                .get(k)
                .is_some_and(|set| set.contains(&key))
        };
        if split(&actor.key) || split(self.canonical(&actor.key)) {
            return Some((format!("split~{key}"), actor.kind));
        }
        if self.edits.metonyms_off.contains(&key) && LEXICON.is_metonym_of(alias, &actor.key) {
            return Some((format!("place~{key}"), ActorKind::Place));
        }
        None
    }

    /// The actors of one article, with automatic merges and the user's edits
    /// applied; hidden actors left out; most mentioned first.
    pub fn article_actors(&self, extraction: &Extraction) -> Vec<ResolvedActor> {
        let alias_edits = !self.edits.split.is_empty() || !self.edits.metonyms_off.is_empty();
        let mut out: Vec<ResolvedActor> = Vec::new();
        let mut add =
            |key: &str, actor: &ArticleActor, alias: Option<&String>, spans: &[(usize, usize)]| {
                let key = self.canonical(key);
                if self.edits.hide.contains(key) {
                    return;
                }
                let index = match out.iter().position(|r| r.key == key) {
                    Some(index) => index,
                    None => {
                        let (name, kind) = self
                            .name(key)
                            .map_or((actor.name.as_str(), actor.kind), |(n, k)| (n, k));
                        // Renamed, merged or split by the user: the user's actor.
                        let automatic = self
                            .remap
                            .get(&actor.key)
                            .map_or(actor.key.as_str(), String::as_str);
                        let edited = alias.is_some()
                            || self.edits.rename.contains_key(key)
                            || self.edits.resolve(automatic) != automatic;
                        out.push(ResolvedActor {
                            key: key.to_owned(),
                            name: name.to_owned(),
                            local_name: if edited { name } else { actor.name.as_str() }.to_owned(),
                            kind,
                            count: 0,
                            aliases_seen: Vec::new(),
                            spans: Vec::new(),
                            sources: Vec::new(),
                        });
                        out.len() - 1
                    }
                };
                let row = &mut out[index];
                if !row.sources.contains(&actor.key) {
                    row.sources.push(actor.key.clone());
                    // The fullest form the article gives ("Sophie Binet", not "Binet").
                    if row.local_name != row.name && actor.name.len() > row.local_name.len() {
                        row.local_name = actor.name.clone();
                    }
                }
                row.count += spans.len();
                row.spans.extend_from_slice(spans);
                let aliases = alias.map_or(actor.aliases_seen.as_slice(), std::slice::from_ref);
                for alias in aliases {
                    if !row.aliases_seen.contains(alias) {
                        row.aliases_seen.push(alias.clone());
                    }
                }
            };
        for actor in &extraction.actors {
            let split = alias_edits
                && actor.span_alias.len() == actor.spans.len()
                && actor
                    .aliases_seen
                    .iter()
                    .any(|alias| self.alias_target(actor, alias).is_some());
            if !split {
                add(&actor.key, actor, None, &actor.spans);
                continue;
            }
            for (span, alias) in actor.spans.iter().zip(&actor.span_alias) {
                let Some(alias) = actor.aliases_seen.get(usize::from(*alias)) else {
                    continue;
                };
                match self.alias_target(actor, alias) {
                    Some((key, _)) => add(&key, actor, Some(alias), std::slice::from_ref(span)),
                    None => add(&actor.key, actor, Some(alias), std::slice::from_ref(span)),
                }
            }
        }
        for row in &mut out {
            row.spans.sort_unstable();
        }
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        out
    }

    /// A quote (id from [`super::edits::quote_id`]) as the user sees it:
    /// `None` when the user said it is not a quote, else its speaker's
    /// canonical key and the words naming the speaker, the user's correction
    /// first.
    pub fn quote_speaker(
        &self,
        id: &str,
        quote: &ExtractedQuote,
        extraction: &Extraction,
    ) -> Option<(Option<String>, Option<String>)> {
        match self.edits.quotes.get(id) {
            Some(QuoteFix::NotQuote) => None,
            Some(QuoteFix::Speaker(key)) => Some((Some(self.canonical(key).to_owned()), None)),
            Some(QuoteFix::Unnamed(text)) => Some((None, Some(text.clone()))),
            None => Some((
                self.speaker_key(quote, extraction),
                quote.speaker_text.clone(),
            )),
        }
    }

    /// True when the user corrected some quote of the corpus (else no quote
    /// id needs computing).
    pub fn has_quote_corrections(&self) -> bool {
        !self.edits.quotes.is_empty()
    }

    /// True when the user corrected the quote `id`.
    pub fn quote_corrected(&self, id: &str) -> bool {
        self.edits.quotes.contains_key(id)
    }

    /// The canonical key of a quote's speaker, following a split when the
    /// speaker is named by a form the user split off.
    pub fn speaker_key(&self, quote: &ExtractedQuote, extraction: &Extraction) -> Option<String> {
        let key = quote.speaker_key.as_deref()?;
        let split = quote.speaker_text.as_deref().and_then(|text| {
            let actor = extraction.actors.iter().find(|a| a.key == key)?;
            self.alias_target(actor, text).map(|(k, _)| k)
        });
        Some(self.canonical(split.as_deref().unwrap_or(key)).to_owned())
    }

    /// The canonical key of an article-level key: automatic merges, then the user's.
    pub fn canonical<'a>(&'a self, key: &'a str) -> &'a str {
        let automatic = self.remap.get(key).map_or(key, String::as_str);
        self.edits.resolve(automatic)
    }

    /// Display name and kind of a key (canonical or not); the user's name wins.
    pub fn name(&self, key: &str) -> Option<(&str, ActorKind)> {
        let key = self.canonical(key);
        let (name, kind) = self.names.get(key).map(|(n, k)| (n.as_str(), *k))?;
        Some((
            self.edits.rename.get(key).map_or(name, String::as_str),
            kind,
        ))
    }

    /// The forms of an actor (canonical key) seen in the corpus that the user
    /// may split off or, for metonyms, switch off.
    pub fn edits(&self) -> &ActorEdits {
        &self.edits
    }

    /// True when the user hid this actor.
    pub fn is_hidden(&self, key: &str) -> bool {
        self.edits.hide.contains(self.canonical(key))
    }

    /// The canonical key of the actor with this name or key (case- and accent-insensitive).
    pub fn find(&self, name_or_key: &str) -> Option<String> {
        if self.names.contains_key(name_or_key) {
            return Some(self.canonical(name_or_key).to_owned());
        }
        let wanted = super::lexicon::normalize(name_or_key);
        let mut keys: Vec<&String> = self.names.keys().collect();
        keys.sort();
        keys.into_iter()
            .find(|k| {
                self.name(k)
                    .is_some_and(|(n, _)| super::lexicon::normalize(n) == wanted)
            })
            .map(|k| self.canonical(k).to_owned())
    }

    /// Pairs of people who are probably the same person, for the user to accept
    /// or not: same family name (transliteration key) and first names that agree
    /// on their initial ("S. Ivanov" / "Sergueï Ivanov"). Sorted; each pair once.
    pub fn merge_suggestions(&self) -> Vec<(String, String)> {
        let mut people: Vec<(&String, Vec<String>)> = self
            .names
            .iter()
            .filter(|(key, (_, kind))| {
                *kind == ActorKind::Person && self.canonical(key) == key.as_str()
            })
            .map(|(key, (name, _))| {
                (
                    key,
                    translit_key(name).split(' ').map(str::to_owned).collect(),
                )
            })
            .filter(|(_, words): &(&String, Vec<String>)| words.len() >= 2)
            .collect();
        people.sort();
        let mut out = Vec::new();
        for (i, (a, wa)) in people.iter().enumerate() {
            for (b, wb) in people.iter().skip(i + 1) {
                let same_family = wa.last() == wb.last();
                let initials_agree = wa.first().and_then(|w| w.chars().next())
                    == wb.first().and_then(|w| w.chars().next());
                if same_family && initials_agree {
                    out.push(((*a).clone(), (*b).clone()));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::edits::UserActor;
    use crate::extract::extract_text;

    fn view(texts: &[&str], edits: &ActorEdits) -> (CorpusActors, Vec<Extraction>) {
        let extractions: Vec<Extraction> =
            texts.iter().map(|t| extract_text(t, Lang::Fr)).collect();
        let actors = CorpusActors::build(extractions.iter().map(|e| (Lang::Fr, e)), edits);
        (actors, extractions)
    }

    fn counts(actors: &CorpusActors, extraction: &Extraction) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = actors
            .article_actors(extraction)
            .into_iter()
            .map(|a| (a.name, a.count))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn surname_references_merge_across_articles() {
        let (actors, ex) = view(
            &[
                "L'experte Jung Pak a parlé de la Corée du Nord.",
                "Interrogée jeudi, Mme Pak a répondu aux questions sur Séoul.",
            ],
            &ActorEdits::default(),
        );
        let jung_pak = actors.find("Jung Pak").unwrap();
        assert_eq!(actors.canonical("person~pak"), jung_pak);
        assert!(counts(&actors, &ex[1]).contains(&("Jung Pak".to_owned(), 1)));
    }

    #[test]
    fn split_forms_and_metonyms_become_actors_of_their_own() {
        let text = "Pyongyang a tiré un missile, a indiqué la Corée du Nord. \
                    Selon l'experte Jung Pak, Pyongyang teste Washington. Pak doute.";
        let (actors, ex) = view(&[text], &ActorEdits::default());
        let plain = counts(&actors, &ex[0]);
        assert!(
            plain.contains(&("Corée du Nord".to_owned(), 3)),
            "{plain:?}"
        );
        assert!(plain.contains(&("Jung Pak".to_owned(), 2)), "{plain:?}");

        let mut edits = ActorEdits::default();
        edits.set_metonym("Pyongyang", false);
        let jung_pak = actors.find("Jung Pak").unwrap();
        edits.split_alias(&jung_pak, "Pak").unwrap();
        let (actors, ex) = view(&[text], &edits);
        let resolved = actors.article_actors(&ex[0]);
        let get = |name: &str| resolved.iter().find(|a| a.name == name).unwrap();
        assert_eq!(get("Corée du Nord").count, 1);
        assert_eq!(get("Pyongyang").count, 2);
        assert_eq!(get("Pyongyang").kind, ActorKind::Place);
        assert_eq!(get("Pyongyang").key, "place~pyongyang");
        assert_eq!(get("Jung Pak").count, 1);
        assert_eq!(get("Pak").count, 1);
        assert_eq!(get("Pak").aliases_seen, ["Pak"]);
        for actor in &resolved {
            assert_eq!(actor.spans.len(), actor.count);
            for (start, end) in &actor.spans {
                assert!(actor.aliases_seen.iter().any(|a| a == &text[*start..*end]));
            }
        }
        // A split-off form can be merged, renamed, hidden and found like any actor.
        assert_eq!(actors.find("pak").as_deref(), Some("split~pak"));
        edits.hide.insert("place~pyongyang".to_owned());
        let (actors, ex) = view(&[text], &edits);
        assert!(
            !actors
                .article_actors(&ex[0])
                .iter()
                .any(|a| a.name == "Pyongyang")
        );
    }

    #[test]
    fn added_actors_are_found_with_their_aliases() {
        let text = "Les mercenaires de Wagner ont quitté Bakhmout. Le groupe Wagner dément.";
        let mut edits = ActorEdits::default();
        edits
            .add_actor(UserActor {
                name: "Groupe Wagner".into(),
                kind: ActorKind::Org,
                aliases: vec!["Wagner".into()],
            })
            .unwrap();
        let lexicon = LEXICON.with_user_actors(&edits.added);
        let extraction = crate::extract::extract_with(text, Lang::Fr, &lexicon);
        let actors = CorpusActors::build(std::iter::once((Lang::Fr, &extraction)), &edits);
        let resolved = actors.article_actors(&extraction);
        let wagner = resolved
            .iter()
            .find(|a| a.key == "user:groupe wagner")
            .unwrap();
        assert_eq!(wagner.name, "Groupe Wagner");
        assert_eq!(wagner.kind, ActorKind::Org);
        assert_eq!(wagner.count, 2, "{resolved:?}");
    }
}
