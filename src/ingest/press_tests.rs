//! Exports written by us after the formats' documented structure.

use super::*;

fn paragraphs(lines: &[&str]) -> Vec<Paragraph> {
    lines
        .iter()
        .map(|t| Paragraph {
            text: (*t).to_owned(),
            heading: false,
        })
        .collect()
}

/// A Europresse HTML export with `n` articles (the first has a rubric line
/// before its title and a note in an aside).
pub(crate) fn europresse_export(n: usize) -> String {
    let mut page =
        String::from("<html><head><meta charset=\"utf-8\"><title>Europresse</title></head><body>");
    for i in 1..=n {
        page.push_str(&format!(
            "<article><header><div class=\"rdp__DocPublicationName\"><span class=\"DocPublicationName\">Le Quotidien {i}, no. 2400{i}</span></div>\
             <div class=\"rdp__DocHeader\"><span class=\"DocHeader\">France, mercredi {i} septembre 2024 134 mots, p. 11</span></div>\
             <p class=\"sm-margin-bottomNews\">Politique</p>\
             <div class=\"titreArticle\"><p class=\"sm-margin-TopNews titreArticleVisu rdp__articletitle\">Titre num&eacute;ro {i}</p>\
             <p class=\"sm-margin-TopNews rdp__subtitle\">Un sous-titre</p></div>\
             <p class=\"sm-margin-bottomNews\">Marie Dupont</p></header>\
             <section><div class=\"DocText clearfix\"><div class=\"docOcurrContainer\">\
             <p>Le ministre a d&eacute;clar&eacute; : &laquo; Nous irons jusqu'au bout. &raquo;</p>\
             <p>Deuxi&egrave;me paragraphe de l'article {i}.</p></div></div></section>\
             <aside><p>Illustration : une photo.</p></aside>\
             <footer><div class=\"publiC-lblNodoc\">news&#183;2024090{i}&#183;LQ&#183;00000{i}</div>\
             <div class=\"Doc-LegalInfo\"><small>&copy; 2024 Le Quotidien</small></div></footer></article>"
        ));
    }
    page.push_str("</body></html>");
    page
}

#[test]
fn europresse_items_are_articles() {
    let items = split_html(&europresse_export(3)).unwrap();
    assert_eq!(items.articles.len(), 3);
    let first = &items.articles[0];
    assert_eq!(first.title.as_deref(), Some("Titre numéro 1"));
    assert_eq!(first.outlet.as_deref(), Some("Le Quotidien 1"));
    assert_eq!(first.author.as_deref(), Some("Marie Dupont"));
    assert_eq!(first.date_candidates[0].0, "2024-09-01");
    assert_eq!(first.item, 1);
    assert_eq!(first.format, Some("europresse"));
    assert_eq!(
        first.body,
        "Le ministre a déclaré : « Nous irons jusqu'au bout. »\n\nDeuxième paragraphe de l'article 1."
    );
    assert_eq!(items.articles[2].date_candidates[0].0, "2024-09-03");
    // An ordinary page is not an export.
    assert!(split_html("<html><body><article><p>Texte.</p></article></body></html>").is_none());
}

#[test]
fn nexis_items_are_articles() {
    let lines = [
        "User Name: Researcher",
        "Date and Time: Friday, July 5, 2019 09:31:00 CEST",
        "Documents (2)",
        "1. Port strike ends",
        "Client/Matter: -None-",
        "Port strike ends",
        "The Daily Courier",
        "July 1, 2019 Monday 9:20 AM GMT",
        "Copyright 2019 The Daily Courier",
        "Section: BUSINESS; Pg. 12",
        "Length:\u{a0}355 words",
        "Byline:\u{a0}Ana de la Cruz",
        "Body",
        "The strike ended on Sunday, the union said.",
        "\"We won,\" said its leader.",
        "Classification",
        "Language: ENGLISH",
        "Load-Date: July 4, 2019",
        "End of Document",
        "Second title",
        "Le Journal",
        "4 juillet 2019 jeudi",
        "Body",
        "Le texte du second article.",
        "Load-Date: July 5, 2019",
        "End of Document",
    ];
    let items = split_paragraphs(&paragraphs(&lines)).unwrap();
    assert_eq!(items.articles.len(), 2);
    let first = &items.articles[0];
    assert_eq!(first.title.as_deref(), Some("Port strike ends"));
    assert_eq!(first.outlet.as_deref(), Some("The Daily Courier"));
    assert_eq!(first.author.as_deref(), Some("Ana de la Cruz"));
    assert_eq!(first.date_candidates[0].0, "2019-07-01");
    assert_eq!(
        first.body,
        "The strike ended on Sunday, the union said.\n\n\"We won,\" said its leader."
    );
    assert_eq!(items.articles[1].date_candidates[0].0, "2019-07-04");
    assert_eq!(items.articles[1].format, Some("nexis"));
}

#[test]
fn factiva_labelled_and_plain_items_are_articles() {
    let labelled = [
        "HD",
        "La grève est finie",
        "BY",
        "Marie Dupont",
        "WC",
        "295 mots",
        "PD",
        "29 décembre 2011",
        "SN",
        "Le Quotidien",
        "LA",
        "Français",
        "LP",
        "La grève s'est terminée dimanche.",
        "TD",
        "« Nous avons gagné », a dit le délégué.",
        "NS",
        "glabor : Travail",
        "AN",
        "Document LEQUOT0020111229e7ct0001r",
        "HD Second article",
        "PD 30 décembre 2011",
        "TD Texte du second.",
        "AN Document LEQUOT0020111230e7cu0002s",
    ];
    let items = split_paragraphs(&paragraphs(&labelled)).unwrap();
    assert_eq!(items.articles.len(), 2);
    let first = &items.articles[0];
    assert_eq!(first.title.as_deref(), Some("La grève est finie"));
    assert_eq!(first.author.as_deref(), Some("Marie Dupont"));
    assert_eq!(first.outlet.as_deref(), Some("Le Quotidien"));
    assert_eq!(first.declared_lang.as_deref(), Some("fr"));
    assert_eq!(first.date_candidates[0].0, "2011-12-29");
    assert_eq!(
        first.body,
        "La grève s'est terminée dimanche.\n\n« Nous avons gagné », a dit le délégué."
    );
    assert_eq!(items.articles[1].title.as_deref(), Some("Second article"));

    let plain = [
        "Port strike ends after ten days",
        "Ana de la Cruz",
        "523 words",
        "5 March 2024",
        "10:30",
        "The Daily Courier",
        "DLYCOU",
        "English",
        "Copyright 2024 The Daily Courier",
        "The strike ended on Sunday.",
        "Document DLYCOU0020240305ek350001d",
    ];
    let items = split_paragraphs(&paragraphs(&plain)).unwrap();
    let raw = &items.articles[0];
    assert_eq!(
        raw.title.as_deref(),
        Some("Port strike ends after ten days")
    );
    assert_eq!(raw.author.as_deref(), Some("Ana de la Cruz"));
    assert_eq!(raw.outlet.as_deref(), Some("The Daily Courier"));
    assert_eq!(raw.declared_lang.as_deref(), Some("en"));
    assert_eq!(raw.date_candidates[0].0, "2024-03-05");
    assert_eq!(raw.body, "The strike ended on Sunday.");
    // A document that merely mentions "End of" is no export.
    assert!(split_paragraphs(&paragraphs(&["End of the story.", "Text."])).is_none());
}

#[test]
fn factiva_html_is_read_through_its_paragraphs() {
    let page = "<html><body><div class=\"article frArticle\"><table>\
        <tr><td class=\"index\"><b>HD</b>&nbsp;</td><td><b class=\"frHeadline\">La gr&egrave;ve est finie</b></td></tr>\
        <tr><td class=\"index\"><b>PD</b>&nbsp;</td><td>29 d&eacute;cembre 2011</td></tr>\
        <tr><td class=\"index\"><b>SN</b>&nbsp;</td><td>Le Quotidien</td></tr>\
        <tr><td class=\"index\"><b>TD</b>&nbsp;</td><td><p class=\"articleParagraph frarticleParagraph\">Le texte.</p></td></tr>\
        <tr><td class=\"index\"><b>AN</b>&nbsp;</td><td>Document LEQUOT0020111229e7ct0001r</td></tr>\
        </table></div></body></html>";
    let items = split_html(page).unwrap();
    assert_eq!(items.articles.len(), 1);
    assert_eq!(
        items.articles[0].title.as_deref(),
        Some("La grève est finie")
    );
    assert_eq!(items.articles[0].body, "Le texte.");
    assert_eq!(items.articles[0].format, Some("factiva"));
}
