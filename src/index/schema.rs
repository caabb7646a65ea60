//! The tantivy schema: one document per article. Text is indexed twice-over per
//! language (a French article fills `title_fr`/`body_fr`, an English one
//! `title_en`/`body_en`) so each gets its own stemming; the raw text is stored
//! once in `title`/`body`.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, STORED, STRING,
    Schema, TEXT, TextFieldIndexing, TextOptions,
};

use super::tokenizers::analyzer_name;
use crate::model::Lang;

/// Bump when the schema, the analyzers or what is stored changes: older index
/// folders are then rebuilt automatically.
pub const SCHEMA_VERSION: u32 = 4;

/// Field handles, resolved once.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// Article id (u64), indexed and fast.
    pub id: Field,
    /// Relative path, for deleting a file's articles.
    pub path: Field,
    /// Position in a multi-article file.
    pub part: Field,
    /// Stored raw title.
    pub title: Field,
    /// Stored raw body.
    pub body: Field,
    /// Analyzed French title and body.
    pub title_fr: Field,
    /// Analyzed French body.
    pub body_fr: Field,
    /// Analyzed English title.
    pub title_en: Field,
    /// Analyzed English body.
    pub body_en: Field,
    /// Title of an article in another language (neutral analyzer).
    pub title_other: Field,
    /// Body of an article in another language.
    pub body_other: Field,
    /// "fr" / "en".
    pub lang: Field,
    /// Outlet name as written.
    pub outlet: Field,
    /// Author(s), searchable as `author:dupont` (not stored: the manifest has it).
    pub author: Field,
    /// Original URL.
    pub url: Field,
    /// First day of the publication period (fast, for ranges and histograms).
    pub published: Field,
    /// The date as written in JSON output ("2023-07").
    pub date_iso: Field,
    /// `date_source` value.
    pub date_source: Field,
    /// Finer provenance ("json-ld", "dateline", …).
    pub date_detail: Field,
    /// Actors and quotes found in the article, as JSON (stored only).
    pub extraction: Field,
}

impl Fields {
    /// The analyzed fields of a language: (title, body).
    pub fn text_fields(&self, lang: Lang) -> (Field, Field) {
        match lang {
            Lang::Fr => (self.title_fr, self.body_fr),
            Lang::En => (self.title_en, self.body_en),
            Lang::Other => (self.title_other, self.body_other),
        }
    }
}

fn analyzed(lang: Lang) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer_name(lang))
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let id = builder.add_u64_field(
        "id",
        NumericOptions::default()
            .set_indexed()
            .set_fast()
            .set_stored(),
    );
    let path = builder.add_text_field("path", STRING | STORED);
    let part = builder.add_u64_field("part", STORED);
    let title = builder.add_text_field("title", STORED);
    let body = builder.add_text_field("body", STORED);
    let title_fr = builder.add_text_field("title_fr", analyzed(Lang::Fr));
    let body_fr = builder.add_text_field("body_fr", analyzed(Lang::Fr));
    let title_en = builder.add_text_field("title_en", analyzed(Lang::En));
    let body_en = builder.add_text_field("body_en", analyzed(Lang::En));
    let title_other = builder.add_text_field("title_other", analyzed(Lang::Other));
    let body_other = builder.add_text_field("body_other", analyzed(Lang::Other));
    let lang = builder.add_text_field("lang", STRING | STORED);
    let outlet = builder.add_text_field("outlet", STRING | STORED);
    let author = builder.add_text_field("author", TEXT);
    let url = builder.add_text_field("url", STORED);
    let published = builder.add_date_field(
        "published",
        DateOptions::default()
            .set_indexed()
            .set_fast()
            .set_stored()
            .set_precision(DateTimePrecision::Seconds),
    );
    let date_iso = builder.add_text_field("date_iso", STRING | STORED);
    let date_source = builder.add_text_field("date_source", STRING | STORED);
    let date_detail = builder.add_text_field("date_detail", STORED);
    let extraction = builder.add_text_field("extraction", STORED);
    let fields = Fields {
        id,
        path,
        part,
        title,
        body,
        title_fr,
        body_fr,
        title_en,
        body_en,
        title_other,
        body_other,
        lang,
        outlet,
        author,
        url,
        published,
        date_iso,
        date_source,
        date_detail,
        extraction,
    };
    (builder.build(), fields)
}
