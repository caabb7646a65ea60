//! Learning the recogniser's weights (averaged perceptron) from annotated
//! sentences. Used by `src/bin/train-ner.rs`, which reads the corpora; kept
//! in the library so that training and tagging share every feature.

use std::collections::HashMap;

use super::features::{Context, flag};
use super::{Model, TAGS, Tag, best_tag};
use crate::extract::lexicon::Lexicon;
use crate::extract::tokens::{Tokens, tokenize};
use crate::model::Lang;

/// One annotated sentence, in Dossier's own tokens.
#[derive(Clone, Debug)]
pub struct Example {
    /// The sentence text.
    pub text: String,
    /// Its language.
    pub lang: Lang,
    /// The gold tag of each of Dossier's tokens of `text`.
    pub gold: Vec<Tag>,
}

fn tokens_of<'a>(text: &'a str, lexicon: &Lexicon) -> Tokens<'a> {
    tokenize(text, &|w| lexicon.honorifics.contains(w))
}

impl Example {
    /// A sentence given as tokens with BIO tags (as annotated corpora give
    /// them), joined with spaces and tokenised again the way extraction does;
    /// each token takes the tag of the annotated token it starts in.
    pub fn from_tagged(words: &[(String, Tag)], lang: Lang, lexicon: &Lexicon) -> Self {
        let mut text = String::new();
        // (start, end, tag, the entity's start) of each annotated token.
        let mut spans = Vec::with_capacity(words.len());
        let mut entity_start = 0;
        for (word, tag) in words {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(word);
            if tag.is_begin() || *tag == Tag::O {
                entity_start = start;
            }
            spans.push((start, text.len(), *tag, entity_start));
        }
        let t = tokens_of(&text, lexicon);
        let gold = t
            .toks
            .iter()
            .map(|tok| {
                let Some(&(_, _, tag, entity)) = spans
                    .iter()
                    .find(|(s, e, _, _)| tok.start >= *s && tok.start < *e)
                else {
                    return Tag::O;
                };
                if tag == Tag::O {
                    Tag::O
                } else if tok.start == entity {
                    Tag::ALL[(tag.kind() * 2 - 1) as usize]
                } else {
                    Tag::ALL[(tag.kind() * 2) as usize]
                }
            })
            .collect();
        Self { text, lang, gold }
    }
}

/// Averaged-perceptron training state.
pub struct Trainer {
    weights: HashMap<u64, [f32; TAGS]>,
    /// Sum of updates weighted by when they happened, for averaging.
    totals: HashMap<u64, [f32; TAGS]>,
    steps: f32,
    rng: u64,
    /// Probability of hiding a token's gazetteer flags.
    pub dropout: f32,
    /// Tag features see the tags the model chose (as when tagging), not the gold ones.
    pub predicted_history: bool,
}

impl Default for Trainer {
    fn default() -> Self {
        Self {
            weights: HashMap::new(),
            totals: HashMap::new(),
            steps: 1.0,
            rng: 0x9e37_79b9_7f4a_7c15,
            dropout: 0.25,
            predicted_history: false,
        }
    }
}

impl Trainer {
    fn random(&mut self) -> f32 {
        // xorshift64*: deterministic, good enough for dropout and shuffling.
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        (self.rng.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 40) as f32 / (1u64 << 24) as f32
    }

    /// A random index below `n` (for shuffling).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.random() * n as f32) as usize).min(n.saturating_sub(1))
    }

    /// One pass over one sentence: tags it with the current weights and moves
    /// the weights towards the gold tags where it was wrong. Returns the
    /// number of wrong tags.
    pub fn learn(&mut self, example: &Example, lexicon: &Lexicon) -> usize {
        let t = tokens_of(&example.text, lexicon);
        if t.toks.len() != example.gold.len() {
            return 0;
        }
        let mut ctx = Context::new(&t, example.lang, lexicon);
        for i in 0..t.toks.len() {
            if self.random() < self.dropout {
                ctx.flags[i] &= !flag::GAZETTEERS;
            }
        }
        let mut predicted = vec![Tag::O; t.toks.len()];
        let mut features = Vec::with_capacity(64);
        let mut wrong = 0;
        for i in 0..t.toks.len() {
            if !ctx.candidate[i] {
                continue;
            }
            let prev = if i > 0 { predicted[i - 1] } else { Tag::O };
            let prev2 = if i > 1 { predicted[i - 2] } else { Tag::O };
            features.clear();
            ctx.static_features(i, &mut features);
            ctx.tag_features(i, prev, prev2, &mut features);
            let mut scores = [0f32; TAGS];
            for f in &features {
                if let Some(w) = self.weights.get(f) {
                    for (s, w) in scores.iter_mut().zip(w) {
                        *s += w;
                    }
                }
            }
            let guess = best_tag(&scores, prev);
            let gold = example.gold[i];
            if guess != gold {
                wrong += 1;
                for f in &features {
                    let w = self.weights.entry(*f).or_insert([0.0; TAGS]);
                    w[gold as usize] += 1.0;
                    w[guess as usize] -= 1.0;
                    let u = self.totals.entry(*f).or_insert([0.0; TAGS]);
                    u[gold as usize] += self.steps;
                    u[guess as usize] -= self.steps;
                }
            }
            // Later tags follow the gold history (so one error does not
            // cascade) or, as when tagging, the model's own.
            predicted[i] = if self.predicted_history { guess } else { gold };
            self.steps += 1.0;
        }
        wrong
    }

    /// The averaged weights as a model.
    pub fn finish(self) -> Model {
        let steps = self.steps;
        let totals = self.totals;
        Model::from_weights(
            self.weights
                .into_iter()
                .map(|(f, w)| {
                    let u = totals.get(&f).copied().unwrap_or([0.0; TAGS]);
                    let mut avg = [0.0; TAGS];
                    for k in 0..TAGS {
                        avg[k] = w[k] - u[k] / steps;
                    }
                    (f, avg)
                })
                .collect::<Vec<_>>()
                .into_iter(),
        )
    }
}

/// Name-level precision, recall and F1 of `model` on `examples` (a name is
/// right when its tokens and kind are).
pub fn evaluate(model: &Model, examples: &[Example], lexicon: &Lexicon) -> (f64, f64, f64) {
    let (mut right, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    for example in examples {
        let t = tokens_of(&example.text, lexicon);
        if t.toks.len() != example.gold.len() {
            continue;
        }
        let ctx = Context::new(&t, example.lang, lexicon);
        let found = super::spans(&model.tag(&ctx));
        let want = super::spans(&example.gold);
        predicted += found.len();
        gold += want.len();
        right += found.iter().filter(|s| want.contains(s)).count();
    }
    let p = right as f64 / predicted.max(1) as f64;
    let r = right as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::LEXICON;

    fn tagged(s: &str) -> Vec<(String, Tag)> {
        s.split(' ')
            .map(|w| match w.split_once('/') {
                Some((word, tag)) => (word.to_owned(), Tag::parse(tag)),
                None => (w.to_owned(), Tag::O),
            })
            .collect()
    }

    #[test]
    fn gold_tags_follow_dossier_tokens() {
        let ex = Example::from_tagged(
            &tagged("Selon Jean-Luc/B-PER Mélenchon/I-PER ,  l'/O Élysée/B-ORG ment ."),
            Lang::Fr,
            &LEXICON,
        );
        let t = tokens_of(&ex.text, &LEXICON);
        let words: Vec<(&str, Tag)> = (0..t.toks.len()).map(|i| (t.word(i), ex.gold[i])).collect();
        assert!(words.contains(&("Jean-Luc", Tag::BPer)), "{words:?}");
        assert!(words.contains(&("Mélenchon", Tag::IPer)));
        assert!(words.contains(&("Élysée", Tag::BOrg)));
        assert!(words.contains(&("l", Tag::O)));
    }

    #[test]
    fn a_tiny_model_learns_and_round_trips() {
        let sentences = [
            "Hier Amadou/B-PER Diallo/I-PER a parlé à Dakar/B-LOC .",
            "Selon Fatou/B-PER Ndiaye/I-PER , la Sonatel/B-ORG recrute .",
            "Le directeur Koffi/B-PER Annan/I-PER est arrivé à Accra/B-LOC .",
            "La société Orange/B-ORG a répondu .",
        ];
        let examples: Vec<Example> = sentences
            .iter()
            .map(|s| Example::from_tagged(&tagged(s), Lang::Fr, &LEXICON))
            .collect();
        let mut trainer = Trainer {
            dropout: 0.0,
            ..Trainer::default()
        };
        for _ in 0..10 {
            for e in &examples {
                trainer.learn(e, &LEXICON);
            }
        }
        let model = trainer.finish();
        let (_, _, f1) = evaluate(&model, &examples, &LEXICON);
        assert!(f1 > 0.9, "learns its own data: F1 {f1}");
        let back = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(
            evaluate(&back, &examples, &LEXICON).2,
            f1,
            "quantised weights tag the same"
        );
        assert!(Model::from_bytes(b"DNER0001\x05\x00").is_none());
    }
}
