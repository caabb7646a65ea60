//! The words Dossier shows, in English and French: the window's, and those
//! of chart exports (made by the window and by the command line alike).
//! Every string goes through [`tr`] with its English text; a test checks
//! that each one has a French translation.

use serde::{Deserialize, Serialize};

/// Language of the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum UiLang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl UiLang {
    /// The same language for number and date formats.
    pub fn lang(self) -> crate::model::Lang {
        match self {
            Self::En => crate::model::Lang::En,
            Self::Fr => crate::model::Lang::Fr,
        }
    }

    /// The language of the system locale (`LANG`, `LC_ALL`, `LC_MESSAGES`), English otherwise.
    pub fn from_env() -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .filter(|v| v.to_lowercase().starts_with("fr"))
            .map_or(Self::En, |_| Self::Fr)
    }
}

/// The text in the window's language. `{n}`-style placeholders are kept for
/// the caller to fill.
pub fn tr(lang: UiLang, english: &'static str) -> &'static str {
    match lang {
        UiLang::En => english,
        UiLang::Fr => FRENCH
            .iter()
            .find(|(en, _)| *en == english)
            .map_or(english, |(_, fr)| fr),
    }
}

/// The text in the language of articles and number formats (chart exports
/// follow the window's language, or the command line's `--lang`).
pub fn tr_in(lang: crate::model::Lang, english: &'static str) -> &'static str {
    match lang {
        crate::model::Lang::Fr => tr(UiLang::Fr, english),
        crate::model::Lang::En | crate::model::Lang::Other => english,
    }
}

/// English → French.
const FRENCH: &[(&str, &str)] = &[
    ("Open folder…", "Ouvrir un dossier…"),
    ("Open a folder of articles", "Ouvrir un dossier d'articles"),
    ("Search", "Rechercher"),
    (
        "Search the articles: words, \"a phrase\", OR, NOT, word~ (fuzzy)",
        "Rechercher dans les articles : mots, « une expression », OR, NOT, mot~ (approché)",
    ),
    ("From", "Du"),
    ("To", "Au"),
    (
        "First day shown (YYYY-MM-DD)",
        "Premier jour affiché (AAAA-MM-JJ)",
    ),
    (
        "Last day shown (YYYY-MM-DD)",
        "Dernier jour affiché (AAAA-MM-JJ)",
    ),
    ("Period", "Période"),
    ("Day", "Jour"),
    ("Week", "Semaine"),
    ("Month", "Mois"),
    ("Year", "Année"),
    ("Mentions", "Mentions"),
    ("Share of articles", "Part des articles"),
    ("Export", "Exporter"),
    ("Chart as PNG…", "Graphique en PNG…"),
    ("Chart as SVG…", "Graphique en SVG…"),
    ("Series as CSV…", "Séries en CSV…"),
    ("Width", "Largeur"),
    ("Height", "Hauteur"),
    ("Settings", "Réglages"),
    ("Theme", "Thème"),
    ("Follow system", "Comme le système"),
    ("Light", "Clair"),
    ("Dark", "Sombre"),
    ("Language", "Langue"),
    ("Actors", "Acteurs"),
    ("Filter actors", "Filtrer les acteurs"),
    ("Plot this actor", "Tracer cet acteur"),
    ("Rename…", "Renommer…"),
    ("Hide", "Masquer"),
    ("Merge into", "Fusionner avec"),
    ("Split off", "Séparer"),
    ("counts for", "compte pour"),
    ("Merge suggestions", "Fusions suggérées"),
    ("Accept", "Accepter"),
    ("Hidden actors", "Acteurs masqués"),
    ("Show", "Afficher"),
    ("Add actor…", "Ajouter un acteur…"),
    ("Add an actor", "Ajouter un acteur"),
    ("Name", "Nom"),
    ("Kind", "Type"),
    (
        "Other forms, comma-separated",
        "Autres formes, séparées par des virgules",
    ),
    ("Add", "Ajouter"),
    ("Cancel", "Annuler"),
    ("Rename actor", "Renommer l'acteur"),
    ("Rename", "Renommer"),
    ("person", "personne"),
    ("country", "pays"),
    ("org", "organisation"),
    ("place", "lieu"),
    ("other", "autre"),
    ("Timeline", "Chronologie"),
    ("Timeline chart", "Graphique chronologique"),
    ("Quotes", "Citations"),
    ("Co-mentions", "Co-mentions"),
    (
        "Tick actors on the left to plot them",
        "Cochez des acteurs à gauche pour les tracer",
    ),
    ("Undated", "Sans date"),
    (
        "Undated articles are counted here, not on the time axis",
        "Les articles sans date sont comptés ici, pas sur l'axe du temps",
    ),
    ("articles", "articles"),
    ("article", "article"),
    ("Date", "Date"),
    ("Title", "Titre"),
    ("Outlet", "Source"),
    ("Actors in the article", "Acteurs de l'article"),
    ("Showing", "Affichés"),
    ("Clear", "Effacer"),
    ("No article matches", "Aucun article ne correspond"),
    (
        "Select an article to read it",
        "Choisissez un article pour le lire",
    ),
    ("Loading…", "Chargement…"),
    ("Date from", "Date tirée de"),
    ("No reliable date found", "Aucune date fiable"),
    ("said", "a dit"),
    ("Why this speaker", "Pourquoi ce locuteur"),
    (
        "named right after the quote",
        "nommé juste après la citation",
    ),
    (
        "named before the quote, with a verb of saying",
        "nommé avant la citation, avec un verbe de parole",
    ),
    ("named inside the quote marks", "nommé entre les guillemets"),
    (
        "named later in the sentence",
        "nommé plus loin dans la phrase",
    ),
    (
        "subject of the sentence's verb of saying",
        "sujet du verbe de parole de la phrase",
    ),
    (
        "the quote continues the previous one",
        "la citation prolonge la précédente",
    ),
    (
        "another quote of the sentence names the speaker",
        "une autre citation de la phrase nomme le locuteur",
    ),
    (
        "headline quote of the article's main speaker",
        "citation du titre, par le locuteur principal",
    ),
    (
        "last speaker of the paragraph (no cue)",
        "dernier locuteur du paragraphe (sans indice)",
    ),
    (
        "person the paragraph is about (no cue)",
        "personne dont parle le paragraphe (sans indice)",
    ),
    (
        "last speaker of the paragraph before (no cue)",
        "dernier locuteur du paragraphe précédent (sans indice)",
    ),
    (
        "person the paragraph before is about (no cue)",
        "personne dont parle le paragraphe précédent (sans indice)",
    ),
    (
        "the article's main speaker (no cue)",
        "locuteur principal de l'article (sans indice)",
    ),
    ("subject of the verb of saying", "sujet du verbe de parole"),
    ("other rule", "autre règle"),
    ("your correction", "votre correction"),
    ("Said by", "Dit par"),
    ("Not a quote", "Pas une citation"),
    ("Undo my correction", "Annuler ma correction"),
    ("unknown speaker", "locuteur inconnu"),
    ("Speaker", "Locuteur"),
    ("Mentioned in the quote", "Mentionné dans la citation"),
    ("Anyone", "Tous"),
    ("Nobody selected", "Personne"),
    ("No quote matches", "Aucune citation ne correspond"),
    ("Articles mentioning both", "Articles mentionnant les deux"),
    (
        "Tick two or more actors to compare them; the most mentioned are shown meanwhile",
        "Cochez au moins deux acteurs pour les comparer ; en attendant, les plus cités sont affichés",
    ),
    ("Indexing", "Indexation"),
    ("Correct the date", "Corriger la date"),
    ("Set", "Appliquer"),
    ("No date", "Sans date"),
    ("Restore", "Rétablir"),
    (
        "Not French or English: no actors or quotes looked for",
        "Ni français ni anglais : ni acteurs ni citations cherchés",
    ),
    (
        "Wait until indexing ends",
        "Attendez la fin de l'indexation",
    ),
    (
        "Waiting for another Dossier process that is indexing this folder…",
        "En attente d'un autre processus Dossier qui indexe ce dossier…",
    ),
    ("files", "fichiers"),
    ("Indexed in", "Indexé en"),
    ("read", "lus"),
    ("unchanged", "inchangés"),
    ("skipped…", "ignorés…"),
    ("Skipped files", "Fichiers ignorés"),
    (
        "Drop a folder of articles on the window, or open one",
        "Déposez un dossier d'articles sur la fenêtre, ou ouvrez-en un",
    ),
    (
        "Drop a folder of articles here",
        "Déposez un dossier d'articles ici",
    ),
    ("Drop to open", "Déposez pour ouvrir"),
    ("Saved", "Enregistré"),
    ("Search error", "Erreur de recherche"),
    ("Not a date", "Date invalide"),
    ("Mentions by", "Mentions par"),
    ("Exported by Dossier on", "Exporté par Dossier le"),
    ("Folder", "Dossier"),
    ("Query", "Requête"),
    ("Dates", "Dates"),
    ("all", "toutes"),
    ("(none)", "(aucune)"),
    ("Month names in dates", "Noms des mois dans les dates"),
    ("Undated articles", "Articles sans date"),
    ("none", "aucune"),
    ("Close", "Fermer"),
    ("direct", "directe"),
    ("partial", "partielle"),
    ("indirect", "indirecte"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `t("…")` literal in the window's code has a French entry.
    #[test]
    fn every_window_string_is_translated() {
        let sources = [
            include_str!("ui/app.rs"),
            include_str!("ui/panels.rs"),
            include_str!("ui/evidence.rs"),
            include_str!("chart.rs"),
        ];
        let mut missing = Vec::new();
        let mut found = 0;
        for source in sources {
            let pieces: Vec<&str> = source.split("t(\"").collect();
            for (before, piece) in pieces.iter().zip(pieces.iter().skip(1)) {
                // Only calls of `t` itself, not `hint_text("…")` or `id_salt("…")`.
                if before
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
                {
                    continue;
                }
                let Some(end) = piece.find("\")") else {
                    continue;
                };
                let literal = piece[..end].replace("\\\"", "\"");
                found += 1;
                if !FRENCH.iter().any(|(en, _)| *en == literal) {
                    missing.push(literal);
                }
            }
        }
        assert!(found > 50, "the scan found only {found} strings");
        assert!(missing.is_empty(), "no French for: {missing:?}");
    }

    #[test]
    fn lookups() {
        assert_eq!(tr(UiLang::Fr, "Open folder…"), "Ouvrir un dossier…");
        assert_eq!(tr(UiLang::En, "Open folder…"), "Open folder…");
        let mut seen = std::collections::HashSet::new();
        for (en, _) in FRENCH {
            assert!(seen.insert(en), "{en} listed twice");
        }
    }
}
