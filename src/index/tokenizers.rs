//! The "news" analyzers: one per language, because stemming is language-specific.
//!
//! Both split on non-alphanumeric characters, drop French elided articles
//! (`l'`, `d'`, `qu'`, `jusqu'`, … before an apostrophe, straight or curly),
//! lowercase, stem (Snowball) and then fold accents, so that "États", "etats" and
//! "état" meet at the same term. Folding comes after stemming because the French
//! stemmer relies on accented endings.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, Stemmer, TextAnalyzer, Token,
    TokenStream, Tokenizer, TokenizerManager,
};

use crate::model::Lang;

/// Name of the analyzer registered for a language.
pub fn analyzer_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "news_fr",
        Lang::En => "news_en",
        Lang::Other => "news_other",
    }
}

/// Words that French writes elided before a vowel (`l'État`, `jusqu'à`).
const ELIDED: &[&str] = &[
    "l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

/// Splits on anything that is not alphanumeric and drops elided French articles.
#[derive(Clone, Default)]
pub struct NewsTokenizer {
    token: Token,
}

/// Token stream of [`NewsTokenizer`].
pub struct NewsTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    token: &'a mut Token,
}

impl Tokenizer for NewsTokenizer {
    type TokenStream<'a> = NewsTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> NewsTokenStream<'a> {
        self.token.reset();
        NewsTokenStream {
            text,
            cursor: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for NewsTokenStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let rest = &self.text[self.cursor..];
            let Some(start_rel) = rest.find(char::is_alphanumeric) else {
                self.cursor = self.text.len();
                return false;
            };
            let start = self.cursor + start_rel;
            let word_len = self.text[start..]
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(self.text.len() - start);
            let end = start + word_len;
            self.cursor = end;
            let word = &self.text[start..end];
            // "l'" followed by a letter: skip the elided article, keep the word after it.
            let mut after = self.text[end..].chars();
            if after.next().is_some_and(is_apostrophe)
                && after.next().is_some_and(char::is_alphabetic)
                && word.len() <= 7
                && ELIDED.contains(&word.to_lowercase().as_str())
            {
                continue;
            }
            self.token.text.clear();
            self.token.text.push_str(word);
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.position = self.token.position.wrapping_add(1);
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The analyzer for one language.
pub fn analyzer(lang: Lang) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(NewsTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser);
    let stemmer = match lang {
        Lang::Fr => Language::French,
        Lang::En => Language::English,
        // Other languages: words as written, lowercased and folded, no stemming.
        Lang::Other => return builder.filter(AsciiFoldingFilter).build(),
    };
    builder
        .filter(Stemmer::new(stemmer))
        .filter(AsciiFoldingFilter)
        .build()
}

/// Tantivy's default tokenizers plus ours. Tokenizers are not stored in the index
/// folder, so this runs on every open.
pub fn manager() -> TokenizerManager {
    let manager = TokenizerManager::default();
    for lang in [Lang::Fr, Lang::En, Lang::Other] {
        manager.register(analyzer_name(lang), analyzer(lang));
    }
    manager
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(lang: Lang, text: &str) -> Vec<String> {
        let mut analyzer = analyzer(lang);
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn french_analysis() {
        let cases = [
            ("l’adhésion totale", vec!["adhes", "total"]),
            (
                "L'État et les États-Unis",
                vec!["etat", "et", "le", "etat", "unis"],
            ),
            ("jusqu'à Pyongyang qu'il", vec!["a", "pyongyang", "il"]),
            ("Sergueï Choïgou", vec!["serguei", "choigou"]),
            ("aujourd'hui", vec!["aujourd", "hui"]),
        ];
        for (text, expected) in cases {
            assert_eq!(terms(Lang::Fr, text), expected, "{text}");
        }
        // Inflected forms meet at one stem.
        assert_eq!(terms(Lang::Fr, "déclaré"), terms(Lang::Fr, "déclarer"));
    }

    #[test]
    fn english_analysis() {
        assert_eq!(
            terms(Lang::En, "The sanctions were imposed"),
            vec!["the", "sanction", "were", "impos"]
        );
        assert_eq!(terms(Lang::En, "Reuters' report"), vec!["reuter", "report"]);
    }
}
