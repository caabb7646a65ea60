//! The panels of an open corpus: actors (left), timeline with the article
//! list, quotes and co-mentions (centre), the article viewer (right).

use eframe::egui;
use egui::{Color32, RichText};

use super::app::{App, CorpusView, Dialog, Focus, SortBy, Tab, granularity_name, palette_color};
use super::t;
use crate::explore::{ActorIx, ArticleIx, Series, bucket_label};
use crate::extract::edits::EditOp;
use crate::extract::{ActorKind, QuoteKind};
use crate::period::axis::{self, LabelStyle};

/// An actor-list action decided while drawing, applied after.
enum ActorAction {
    Toggle(ActorIx),
    Rename(ActorIx),
    Edit(Vec<EditOp>),
    Add,
}

fn kind_icon(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "☺",
        ActorKind::Country => "⚑",
        ActorKind::Org => "▣",
        ActorKind::Place => "◉",
        ActorKind::Other => "•",
    }
}

fn kind_name(kind: ActorKind) -> &'static str {
    t(kind.as_str())
}

pub(super) fn quote_kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => t("direct"),
        QuoteKind::Partial => t("partial"),
        QuoteKind::Indirect => t("indirect"),
    }
}

/// A date with its precision and where it came from, for lists and the viewer.
fn date_text(date: Option<&crate::model::PubDate>) -> (String, String) {
    match date {
        Some(d) => (
            d.date.to_iso(),
            format!(
                "{} {} ({})",
                t("Date from"),
                d.source.as_str().replace('_', " "),
                d.detail
            ),
        ),
        None => (
            t("Undated").to_owned(),
            t("No reliable date found").to_owned(),
        ),
    }
}

impl App {
    pub(crate) fn panels_ui(&mut self, ui: &mut egui::Ui) {
        let mut action = None;
        egui::Panel::left("actors")
            .resizable(true)
            .default_size(270.0)
            .min_size(180.0)
            .show(ui, |ui| action = self.actors_ui(ui));
        match action {
            Some(ActorAction::Toggle(a)) => {
                if let Some(view) = &mut self.corpus {
                    match view.selected.iter().position(|x| *x == a) {
                        Some(i) => {
                            view.selected.remove(i);
                        }
                        None => view.selected.push(a),
                    }
                    view.dirty = true;
                }
            }
            Some(ActorAction::Rename(a)) => {
                let name = self
                    .corpus
                    .as_ref()
                    .and_then(|v| v.explorer.actors.get(a as usize))
                    .map(|a| a.name.clone())
                    .unwrap_or_default();
                self.dialog = Some(Dialog::Rename { actor: a, name });
            }
            Some(ActorAction::Edit(edits)) => self.save_edits(edits),
            Some(ActorAction::Add) => {
                self.dialog = Some(Dialog::AddActor {
                    name: String::new(),
                    kind: ActorKind::Person,
                    aliases: String::new(),
                });
            }
            None => {}
        }
        let mut open = None;
        egui::Panel::right("viewer")
            .resizable(true)
            .default_size(420.0)
            .min_size(240.0)
            .show(ui, |ui| open = self.viewer_ui(ui));
        if let Some((article, quote)) = open {
            self.open_article(article, quote);
        }
        let mut open = None;
        let style = self.label_style();
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(view) = &mut self.corpus else { return };
            ui.horizontal(|ui| {
                for (tab, name) in [
                    (Tab::Timeline, t("Timeline")),
                    (Tab::Quotes, t("Quotes")),
                    (Tab::CoMentions, t("Co-mentions")),
                ] {
                    ui.selectable_value(&mut view.tab, tab, name);
                }
            });
            ui.separator();
            let by = self.settings.granularity;
            let share = self.settings.share;
            open = match view.tab {
                Tab::Timeline => {
                    egui::Panel::top("timeline")
                        .resizable(true)
                        .default_size(400.0)
                        .min_size(160.0)
                        .show(ui, |ui| timeline_ui(ui, view, by, share, style));
                    article_list_ui(ui, view, by)
                }
                Tab::Quotes => quotes_ui(ui, view),
                Tab::CoMentions => co_mentions_ui(ui, view),
            };
        });
        if let Some((article, quote)) = open {
            self.open_article(article, quote);
        }
    }

    fn actors_ui(&mut self, ui: &mut egui::Ui) -> Option<ActorAction> {
        let view = self.corpus.as_mut()?;
        let mut action = None;
        ui.horizontal(|ui| {
            ui.heading(t("Actors"));
            if ui.small_button(t("Add actor…")).clicked() {
                action = Some(ActorAction::Add);
            }
        });
        let label = ui.label(t("Filter actors"));
        ui.add(
            egui::TextEdit::singleline(&mut view.actor_filter)
                .hint_text("…")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        let ex = std::sync::Arc::clone(&view.explorer);
        let suggestions = ex.corpus_actors.merge_suggestions();
        if !suggestions.is_empty() {
            egui::CollapsingHeader::new(format!(
                "{} ({})",
                t("Merge suggestions"),
                suggestions.len()
            ))
            .id_salt("suggestions")
            .show(ui, |ui| {
                for (a, b) in suggestions.iter().take(30) {
                    let name = |k: &str| {
                        ex.corpus_actors
                            .name(k)
                            .map_or_else(|| k.to_owned(), |(n, _)| n.to_owned())
                    };
                    ui.horizontal(|ui| {
                        ui.label(format!("{} → {}", name(a), name(b)));
                        if ui.small_button(t("Accept")).clicked() {
                            action = Some(ActorAction::Edit(vec![EditOp::Merge {
                                from: a.clone(),
                                into: b.clone(),
                            }]));
                        }
                    });
                }
            });
        }
        if !view.edits.hide.is_empty() {
            egui::CollapsingHeader::new(format!(
                "{} ({})",
                t("Hidden actors"),
                view.edits.hide.len()
            ))
            .id_salt("hidden")
            .show(ui, |ui| {
                for key in &view.edits.hide {
                    ui.horizontal(|ui| {
                        let name = ex.corpus_actors.name(key).map_or(key.as_str(), |(n, _)| n);
                        ui.label(name);
                        if ui.small_button(t("Show")).clicked() {
                            action = Some(ActorAction::Edit(vec![EditOp::Unhide(key.clone())]));
                        }
                    });
                }
            });
        }
        ui.separator();
        let wanted = crate::extract::lexicon::normalize(&view.actor_filter);
        let rows: Vec<ActorIx> = (0..ex.actors.len() as ActorIx)
            .filter(|a| {
                wanted.is_empty() || {
                    let info = &ex.actors[*a as usize];
                    crate::extract::lexicon::normalize(&info.name).contains(&wanted)
                        || info
                            .aliases
                            .iter()
                            .any(|al| crate::extract::lexicon::normalize(al).contains(&wanted))
                }
            })
            .collect();
        let row_height = ui.spacing().interact_size.y + 2.0;
        egui::ScrollArea::vertical()
            .id_salt("actor_list")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                for a in &rows[range] {
                    let info = &ex.actors[*a as usize];
                    let count = view
                        .derived
                        .totals
                        .get(*a as usize)
                        .map_or(0, |c| c.mentions);
                    ui.horizontal(|ui| {
                        let mut on = view.selected.contains(a);
                        let checkbox = ui.checkbox(&mut on, "").on_hover_text(t("Plot this actor"));
                        checkbox.widget_info(|| {
                            egui::WidgetInfo::selected(
                                egui::Role::CheckBox,
                                true,
                                on,
                                format!("{} {}", t("Plot this actor"), info.name),
                            )
                        });
                        if checkbox.changed() {
                            action = Some(ActorAction::Toggle(*a));
                        }
                        let (rect, _) =
                            ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                        if let Some(color) = view.color_of(*a) {
                            ui.painter().rect_filled(rect, 2.0, color);
                        }
                        ui.label(kind_icon(info.kind))
                            .on_hover_text(kind_name(info.kind));
                        let name = ui
                            .add(
                                egui::Label::new(&info.name)
                                    .truncate()
                                    .sense(egui::Sense::click()),
                            )
                            .on_hover_text(info.aliases.join(" · "));
                        if name.clicked() {
                            action = Some(ActorAction::Toggle(*a));
                        }
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.weak(count.to_string());
                        });
                        name.context_menu(|ui| {
                            if let Some(act) = actor_menu(ui, view, *a) {
                                action = Some(act);
                                ui.close();
                            }
                        });
                    });
                }
            });
        action
    }

    fn viewer_ui(&mut self, ui: &mut egui::Ui) -> Option<(ArticleIx, Option<u32>)> {
        let view = self.corpus.as_mut()?;
        let selected = view.selected.clone();
        let color_of = |a: ActorIx| selected.iter().position(|x| *x == a).map(palette_color);
        let Some(open) = &mut view.open else {
            ui.centered_and_justified(|ui| ui.weak(t("Select an article to read it")));
            return None;
        };
        let ex = std::sync::Arc::clone(&view.explorer);
        let article = ex.articles.get(open.ix as usize)?;
        ui.heading(&article.title);
        let (date, hint) = date_text(article.date.as_ref());
        ui.horizontal_wrapped(|ui| {
            ui.label(date);
            ui.weak(hint);
        });
        let doc = format!("{}#{}", article.path, article.part);
        let mut date_request = None;
        let mut quote_edit: Option<Vec<EditOp>> = None;
        ui.horizontal(|ui| {
            let label = ui.weak(t("Correct the date"));
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut open.date_edit)
                        .hint_text("YYYY-MM-DD")
                        .desired_width(90.0),
                )
                .labelled_by(label.id);
            let typed = open.date_edit.trim().to_owned();
            let valid = crate::model::PartialDate::parse_iso(&typed).is_some();
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.add_enabled(valid, egui::Button::new(t("Set"))).clicked() || (enter && valid) {
                date_request = Some(crate::jobs::Request::CorrectDate {
                    doc: doc.clone(),
                    date: Some(typed),
                    clear: false,
                });
            }
            if ui.button(t("No date")).clicked() {
                date_request = Some(crate::jobs::Request::CorrectDate {
                    doc: doc.clone(),
                    date: None,
                    clear: false,
                });
            }
            let corrected = article
                .date
                .as_ref()
                .is_some_and(|d| d.source == crate::model::DateSource::User);
            if corrected && ui.button(t("Restore")).clicked() {
                date_request = Some(crate::jobs::Request::CorrectDate {
                    doc: doc.clone(),
                    date: None,
                    clear: true,
                });
            }
        });
        ui.horizontal_wrapped(|ui| {
            if !article.outlet.is_empty() {
                ui.weak(&article.outlet);
            }
            if !article.author.is_empty() {
                ui.weak(&article.author);
            }
            if article.lang == crate::model::Lang::Other {
                ui.weak(t("Not French or English: no actors or quotes looked for"));
            }
            ui.weak(&article.path);
        });
        let mut select = None;
        ui.horizontal_wrapped(|ui| {
            for (a, n) in ex.actors_of(open.ix).iter().take(12) {
                let info = &ex.actors[*a as usize];
                if actor_chip(ui, &info.name, *n, color_of(*a)).clicked() {
                    select = Some(*a);
                }
            }
        });
        ui.separator();
        let body = match &open.text {
            None => {
                ui.spinner();
                ui.label(t("Loading…"));
                return None;
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
                return None;
            }
            Some(Ok(None)) => {
                ui.colored_label(ui.visuals().error_fg_color, t("No article matches"));
                return None;
            }
            Some(Ok(Some(text))) => text,
        };
        let highlights = mention_spans(&color_of, body);
        let body = body.body.clone();
        let quotes: Vec<u32> = article.quotes.clone().collect();
        let scroll_to = open.quote.filter(|_| open.scroll_pending);
        open.scroll_pending = false;
        let focused_quote = open.quote;
        egui::ScrollArea::vertical()
            .id_salt("viewer_body")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut start = 0;
                for paragraph in body.split('\n') {
                    let end = start + paragraph.len();
                    let para = (start, end);
                    start = end + 1;
                    if paragraph.trim().is_empty() {
                        continue;
                    }
                    let in_para: Vec<u32> = quotes
                        .iter()
                        .copied()
                        .filter(|q| {
                            let s = ex.quotes[*q as usize].span.0;
                            s >= para.0 && s < para.1.max(para.0 + 1)
                        })
                        .collect();
                    if !in_para.is_empty() {
                        ui.horizontal_wrapped(|ui| {
                            for q in &in_para {
                                let quote = &ex.quotes[*q as usize];
                                let (name, color) = match quote.speaker {
                                    Some(s) => (ex.actors[s as usize].name.clone(), color_of(s)),
                                    None => (t("unknown speaker").to_owned(), None),
                                };
                                let chip = actor_chip(ui, &format!("❝ {name}"), 0, color)
                                    .on_hover_text(super::evidence::why_this_speaker(quote));
                                let id = crate::extract::edits::quote_id(
                                    &article.path,
                                    article.part,
                                    quote.span.0,
                                );
                                chip.context_menu(|ui| {
                                    if let Some(ops) =
                                        super::evidence::quote_menu(ui, &ex, open.ix, quote, &id)
                                    {
                                        quote_edit = Some(ops);
                                    }
                                });
                                if chip.clicked()
                                    && let Some(s) = quote.speaker
                                {
                                    select = Some(s);
                                }
                            }
                        });
                    }
                    let job =
                        paragraph_job(ui, &body, para, &highlights, &in_para, &ex, focused_quote);
                    let response = ui.label(job);
                    if scroll_to.is_some_and(|q| in_para.contains(&q)) {
                        response.scroll_to_me(Some(egui::Align::Center));
                    }
                    ui.add_space(6.0);
                }
            });
        if let Some(a) = select {
            if !view.selected.contains(&a) {
                view.selected.push(a);
            }
            view.quote_speaker = None;
            view.focus = Focus {
                actor: Some(a),
                ..Focus::default()
            };
            view.dirty = true;
        }
        if let Some(request) = date_request {
            self.request(request);
        }
        if let Some(ops) = quote_edit {
            self.save_edits(ops);
        }
        None
    }
}

/// A rounded chip with an actor's name (and count), in its series colour.
fn actor_chip(ui: &mut egui::Ui, name: &str, count: u32, color: Option<Color32>) -> egui::Response {
    let text = if count > 0 {
        format!("{name} {count}")
    } else {
        name.to_owned()
    };
    let fill = color.map_or(ui.visuals().widgets.inactive.weak_bg_fill, |c| {
        c.gamma_multiply(0.35)
    });
    ui.add(
        egui::Button::new(RichText::new(text).small())
            .fill(fill)
            .corner_radius(8.0),
    )
}

/// Byte spans of actor mentions in the loaded article, with their colour
/// (series colour for plotted actors, a neutral tint otherwise).
fn mention_spans(
    color_of: &dyn Fn(ActorIx) -> Option<Color32>,
    text: &crate::jobs::ArticleText,
) -> Vec<(usize, usize, Option<Color32>)> {
    text.mentions
        .iter()
        .map(|(s, e, a)| (*s, *e, color_of(*a)))
        .collect()
}

/// The text of one paragraph with mentions highlighted and quotes in italics.
fn paragraph_job(
    ui: &egui::Ui,
    body: &str,
    (start, end): (usize, usize),
    highlights: &[(usize, usize, Option<Color32>)],
    quotes: &[u32],
    ex: &crate::explore::Explorer,
    focused: Option<u32>,
) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    let base = egui::TextFormat {
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let neutral = ui.visuals().selection.bg_fill.gamma_multiply(0.35);
    // Cut points: paragraph ends, mention and quote boundaries.
    let mut cuts = vec![start, end];
    for (s, e, _) in highlights {
        cuts.extend([*s, *e]);
    }
    for q in quotes {
        let (s, e) = ex.quotes[*q as usize].span;
        cuts.extend([s, e]);
    }
    cuts.retain(|c| *c >= start && *c <= end && body.is_char_boundary(*c));
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (s, e) = (pair[0], pair[1]);
        if s >= e {
            continue;
        }
        let mut format = base.clone();
        if let Some((_, _, color)) = highlights.iter().find(|(hs, he, _)| *hs <= s && e <= *he) {
            format.background = color.map_or(neutral, |c| c.gamma_multiply(0.45));
        }
        if let Some(q) = quotes.iter().find(|q| {
            let (qs, qe) = ex.quotes[**q as usize].span;
            qs <= s && e <= qe
        }) {
            format.italics = true;
            let speaker_color = ex.quotes[*q as usize]
                .speaker
                .map_or(ui.visuals().weak_text_color(), |_| {
                    ui.visuals().strong_text_color()
                });
            format.underline =
                egui::Stroke::new(if Some(*q) == focused { 2.0 } else { 1.0 }, speaker_color);
        }
        job.append(&body[s..e], 0.0, format);
    }
    job
}

fn actor_menu(ui: &mut egui::Ui, view: &CorpusView, a: ActorIx) -> Option<ActorAction> {
    let ex = &view.explorer;
    let info = &ex.actors[a as usize];
    let mut action = None;
    ui.label(RichText::new(&info.name).strong());
    if ui.button(t("Rename…")).clicked() {
        action = Some(ActorAction::Rename(a));
    }
    if ui.button(t("Hide")).clicked() {
        action = Some(ActorAction::Edit(vec![EditOp::Hide(info.key.clone())]));
    }
    ui.menu_button(t("Merge into"), |ui| {
        let mut targets: Vec<ActorIx> = view.selected.clone();
        let top: Vec<ActorIx> = (0..ex.actors.len().min(25) as ActorIx)
            .filter(|x| !view.selected.contains(x))
            .collect();
        targets.extend(top);
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .show(ui, |ui| {
                for target in targets.into_iter().filter(|x| *x != a) {
                    let other = &ex.actors[target as usize];
                    if other.kind != info.kind && info.kind == ActorKind::Person {
                        continue;
                    }
                    if ui.button(&other.name).clicked() {
                        action = Some(ActorAction::Edit(vec![EditOp::Merge {
                            from: info.key.clone(),
                            into: other.key.clone(),
                        }]));
                    }
                }
            });
    });
    if info.aliases.len() > 1 {
        ui.menu_button(t("Split off"), |ui| {
            for alias in &info.aliases {
                if ui.button(alias).clicked() {
                    // Split from every article-level actor this form belonged to.
                    let ops = info
                        .sources
                        .iter()
                        .map(|key| EditOp::Split {
                            key: key.clone(),
                            form: alias.clone(),
                        })
                        .collect();
                    action = Some(ActorAction::Edit(ops));
                }
            }
        });
    }
    let lexicon = &*crate::extract::lexicon::LEXICON;
    for alias in info.aliases.iter().filter(|al| lexicon.is_metonym(al)) {
        let mut counts = !view
            .edits
            .metonyms_off
            .contains(&crate::extract::lexicon::normalize(alias));
        if ui
            .checkbox(
                &mut counts,
                format!("{alias} {} {}", t("counts for"), info.name),
            )
            .changed()
        {
            action = Some(ActorAction::Edit(vec![EditOp::Metonym {
                form: alias.clone(),
                counts,
            }]));
        }
    }
    action
}

/// The plot's grid marks at the shared axis ticks; each mark's step is the
/// smallest gap between ticks (`span` when there is one tick).
fn grid_marks(ticks: Vec<axis::Tick>, span: f64) -> Vec<egui_plot::GridMark> {
    let step = ticks
        .windows(2)
        .map(|w| w[1].value - w[0].value)
        .fold(f64::INFINITY, f64::min);
    let step = if step.is_finite() {
        step
    } else {
        span.max(1e-9)
    };
    ticks
        .into_iter()
        .map(|tick| egui_plot::GridMark {
            value: tick.value,
            step_size: step,
        })
        .collect()
}

fn timeline_ui(
    ui: &mut egui::Ui,
    view: &mut CorpusView,
    by: crate::analytics::Granularity,
    share: bool,
    style: LabelStyle,
) {
    use egui_plot::{Line, Plot, PlotPoints, Points};
    let series = &view.derived.series;
    if view.selected.is_empty() {
        ui.centered_and_justified(|ui| ui.weak(t("Tick actors on the left to plot them")));
        return;
    }
    let ex = std::sync::Arc::clone(&view.explorer);
    let names: Vec<String> = series
        .lines
        .iter()
        .map(|(a, _, _)| ex.actors[*a as usize].name.clone())
        .collect();
    let undated_height = if series.undated_articles > 0 {
        28.0
    } else {
        0.0
    };
    let plot_height = (ui.available_height() - undated_height - 6.0).max(100.0);
    let buckets = series.buckets.clone();
    let lines: Vec<(String, Color32, Vec<[f64; 2]>)> = series
        .lines
        .iter()
        .enumerate()
        .map(|(i, (_, cells, _))| {
            let points = buckets
                .iter()
                .zip(cells)
                .zip(&series.articles)
                .map(|((x, c), n)| [*x as f64, Series::value(*c, *n, share)])
                .collect();
            (names[i].clone(), palette_color(i), points)
        })
        .collect();
    // Headroom above the highest point for the legend.
    let y_top = lines
        .iter()
        .flat_map(|(_, _, points)| points.iter().map(|p| p[1]))
        .fold(0.0f64, f64::max)
        * 1.35;
    let hover_series = series.clone();
    let hover_names = names.clone();
    let tick_buckets = buckets.clone();
    // Dots only where points are few enough to be told apart.
    let markers = buckets.len() <= 60;
    let response = Plot::new("timeline_plot")
        .height(plot_height)
        .legend(egui_plot::Legend::default().position(egui_plot::Corner::LeftTop))
        .x_grid_spacer(move |input| {
            // The export's ticks for the buckets in view: each label under
            // its bucket, the first and last always, about 90 points apart.
            let (lo, hi) = input.bounds;
            let visible: Vec<i64> = tick_buckets
                .iter()
                .copied()
                .filter(|b| (*b as f64) >= lo && (*b as f64) <= hi)
                .collect();
            let room = ((hi - lo) / (input.base_step_size * 9.0)).floor().max(2.0) as usize;
            grid_marks(axis::time_ticks(by, &visible, room, style), hi - lo)
        })
        .x_axis_formatter(move |mark, _| axis::bucket_text(by, mark.value.round() as i64, style))
        .y_grid_spacer(move |input| {
            let (ticks, top) = axis::value_ticks(input.bounds.1.max(0.0), share, 8, style);
            grid_marks(ticks, top)
        })
        .y_axis_formatter(move |mark, _| {
            if share {
                axis::format_percent(
                    mark.value,
                    axis::percent_decimals(mark.step_size),
                    style.lang,
                )
            } else {
                axis::format_number(mark.value, 0, style.lang)
            }
        })
        .y_axis_label(if share {
            t("Share of articles")
        } else {
            t("Mentions")
        })
        .x_axis_label(granularity_name(by))
        .include_y(0.0)
        .include_y(y_top)
        .set_margin_fraction(egui::vec2(0.04, 0.05))
        .allow_double_click_reset(true)
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name, index, ..
            } => {
                let line = hover_names.iter().position(|n| n == plot_name)?;
                let (_, cells, _) = hover_series.lines.get(line)?;
                let cell = cells.get(*index)?;
                let start = *hover_series.buckets.get(*index)?;
                let total = hover_series.articles.get(*index).copied().unwrap_or(0);
                Some(format!(
                    "{plot_name}\n{}\n{} {}, {}/{} {} ({:.0}%)",
                    bucket_label(by, start),
                    cell.mentions,
                    t("Mentions").to_lowercase(),
                    cell.articles,
                    total,
                    t("articles"),
                    Series::value(*cell, total, true) * 100.0
                ))
            }
            _ => None,
        })
        .show(ui, |plot_ui| {
            for (name, color, points) in &lines {
                plot_ui.line(
                    Line::new(name.clone(), PlotPoints::from(points.clone()))
                        .color(*color)
                        .width(2.0),
                );
                if markers {
                    plot_ui.points(
                        Points::new(name.clone(), PlotPoints::from(points.clone()))
                            .color(*color)
                            .radius(3.0),
                    );
                }
            }
            plot_ui.pointer_coordinate()
        });
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, t("Timeline chart")));
    let clicked = response.response.clicked();
    if clicked && let Some(pointer) = response.inner {
        // The nearest bucket, then the series nearest to the pointer there.
        let nearest = buckets
            .iter()
            .enumerate()
            .min_by(|a, b| {
                (*a.1 as f64 - pointer.x)
                    .abs()
                    .total_cmp(&(*b.1 as f64 - pointer.x).abs())
            })
            .map(|(i, b)| (i, *b));
        if let Some((i, bucket)) = nearest {
            let line = lines
                .iter()
                .enumerate()
                .min_by(|a, b| {
                    (a.1.2[i][1] - pointer.y)
                        .abs()
                        .total_cmp(&(b.1.2[i][1] - pointer.y).abs())
                })
                .map(|(l, _)| l);
            view.focus = Focus {
                actor: line.and_then(|l| view.selected.get(l).copied()),
                other: None,
                bucket: Some(Some(bucket)),
            };
            view.dirty = true;
        }
    }
    if series.undated_articles > 0 {
        ui.horizontal_wrapped(|ui| {
            ui.weak(format!(
                "{} ({} {}):",
                t("Undated"),
                series.undated_articles,
                t("articles")
            ))
            .on_hover_text(t("Undated articles are counted here, not on the time axis"));
            let mut focus = None;
            for (i, (a, _, cell)) in series.lines.iter().enumerate() {
                let value = Series::value(*cell, series.undated_articles, share);
                let text = if share {
                    format!("{} {:.0}%", names[i], value * 100.0)
                } else {
                    format!("{} {}", names[i], cell.mentions)
                };
                if actor_chip(ui, &text, 0, Some(palette_color(i))).clicked() {
                    focus = Some(*a);
                }
            }
            if let Some(a) = focus {
                view.focus = Focus {
                    actor: Some(a),
                    other: None,
                    bucket: Some(None),
                };
                view.dirty = true;
            }
        });
    }
    // The panel keeps the size the user dragged it to.
    ui.take_available_space();
}

fn focus_line(ui: &mut egui::Ui, view: &mut CorpusView, by: crate::analytics::Granularity) {
    let ex = &view.explorer;
    let mut parts = Vec::new();
    if let Some(a) = view.focus.actor {
        parts.push(ex.actors[a as usize].name.clone());
    }
    if let Some(b) = view.focus.other {
        parts.push(ex.actors[b as usize].name.clone());
    }
    match view.focus.bucket {
        Some(Some(start)) => parts.push(bucket_label(by, start)),
        Some(None) => parts.push(t("Undated").to_owned()),
        None => {}
    }
    ui.horizontal(|ui| {
        let n = view.derived.list.len();
        ui.strong(format!(
            "{n} {}",
            if n == 1 { t("article") } else { t("articles") }
        ));
        if !parts.is_empty() {
            ui.label(format!("— {}: {}", t("Showing"), parts.join(" · ")));
            if ui.small_button(t("Clear")).on_hover_text("Esc").clicked() {
                view.focus = Focus::default();
                view.dirty = true;
            }
        }
    });
}

fn article_list_ui(
    ui: &mut egui::Ui,
    view: &mut CorpusView,
    by: crate::analytics::Granularity,
) -> Option<(ArticleIx, Option<u32>)> {
    focus_line(ui, view, by);
    let ex = std::sync::Arc::clone(&view.explorer);
    if view.derived.list.is_empty() {
        ui.weak(t("No article matches"));
        return None;
    }
    let mut open = None;
    let mut sort = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let open_ix = view.open.as_ref().map(|o| o.ix);
    let scroll_to = view
        .cursor
        .filter(|_| std::mem::take(&mut view.scroll_to_cursor));
    let mut table = egui_extras::TableBuilder::new(ui);
    if let Some(row) = scroll_to {
        table = table.scroll_to_row(row, Some(egui::Align::Center));
    }
    table
        .id_salt("article_table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .column(egui_extras::Column::exact(100.0))
        .column(
            egui_extras::Column::initial(230.0)
                .at_least(120.0)
                .clip(true),
        )
        .column(egui_extras::Column::initial(80.0).at_least(40.0).clip(true))
        .column(egui_extras::Column::exact(24.0))
        .column(egui_extras::Column::remainder().at_least(60.0).clip(true))
        .header(row_height, |mut header| {
            for (column, name) in [
                (Some(SortBy::Date), t("Date")),
                (Some(SortBy::Title), t("Title")),
                (Some(SortBy::Outlet), t("Outlet")),
                (Some(SortBy::Quotes), "❝"),
                (None, t("Actors in the article")),
            ] {
                header.col(|ui| {
                    let arrow = if Some(view.sort.0) == column {
                        if view.sort.1 { " ▲" } else { " ▼" }
                    } else {
                        ""
                    };
                    let button =
                        egui::Button::new(RichText::new(format!("{name}{arrow}")).strong())
                            .frame(false);
                    if ui.add(button).clicked()
                        && let Some(c) = column
                    {
                        sort = Some(c);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, view.derived.list.len(), |mut row| {
                let Some(ix) = view.derived.list.get(row.index()).copied() else {
                    return;
                };
                let article = &ex.articles[ix as usize];
                row.set_selected(open_ix == Some(ix));
                row.col(|ui| {
                    let (date, hint) = date_text(article.date.as_ref());
                    let text = if article.date.is_some() {
                        RichText::new(date)
                    } else {
                        RichText::new(date).weak().italics()
                    };
                    ui.label(text).on_hover_text(hint);
                });
                row.col(|ui| {
                    let title = ui.add(
                        egui::Label::new(&article.title)
                            .truncate()
                            .sense(egui::Sense::click()),
                    );
                    if title.clicked() {
                        open = Some((ix, None));
                    }
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(RichText::new(&article.outlet).weak()).truncate());
                });
                row.col(|ui| {
                    let n = article.quotes.len();
                    if n > 0 {
                        ui.label(n.to_string());
                    }
                });
                row.col(|ui| {
                    ui.horizontal(|ui| {
                        for (a, n) in ex.actors_of(ix).iter().take(4) {
                            let color = view.color_of(*a);
                            let name = &ex.actors[*a as usize].name;
                            let text = RichText::new(format!("{name} {n}")).small();
                            let text = match color {
                                Some(c) => text.color(c),
                                None => text.weak(),
                            };
                            ui.label(text);
                        }
                    });
                });
                if row.response().clicked() {
                    open = Some((ix, None));
                }
            });
        });
    if let Some(column) = sort {
        view.sort = if view.sort.0 == column {
            (column, !view.sort.1)
        } else {
            (column, false)
        };
        view.dirty = true;
    }
    open
}

fn quotes_ui(ui: &mut egui::Ui, view: &mut CorpusView) -> Option<(ArticleIx, Option<u32>)> {
    let ex = std::sync::Arc::clone(&view.explorer);
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        for (label_text, slot, id) in [
            (t("Speaker"), &mut view.quote_speaker, "speaker"),
            (
                t("Mentioned in the quote"),
                &mut view.quote_mentioned,
                "mentioned",
            ),
        ] {
            let label = ui.label(label_text);
            let current = slot.map_or_else(
                || t("Anyone").to_owned(),
                |a| ex.actors[a as usize].name.clone(),
            );
            egui::ComboBox::from_id_salt(id)
                .selected_text(current)
                .width(200.0)
                .show_ui(ui, |ui| {
                    changed |= ui.selectable_value(slot, None, t("Anyone")).changed();
                    let candidates = (0..ex.actors.len() as ActorIx).filter(|a| {
                        let info = &ex.actors[*a as usize];
                        if id == "speaker" {
                            info.quotes > 0
                        } else {
                            info.mentions > 0
                        }
                    });
                    for a in candidates.take(200) {
                        changed |= ui
                            .selectable_value(slot, Some(a), &ex.actors[a as usize].name)
                            .changed();
                    }
                })
                .response
                .labelled_by(label.id);
        }
        ui.strong(format!(
            "{} {}",
            view.derived.quotes.len(),
            t("Quotes").to_lowercase()
        ));
    });
    if changed {
        view.dirty = true;
    }
    ui.separator();
    if view.derived.quotes.is_empty() {
        ui.weak(t("No quote matches"));
        return None;
    }
    let mut open = None;
    let mut select = None;
    let row_height = 3.0 * ui.text_style_height(&egui::TextStyle::Body) + 14.0;
    egui::ScrollArea::vertical()
        .id_salt("quote_list")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, view.derived.quotes.len(), |ui, range| {
            for q in &view.derived.quotes[range] {
                let quote = &ex.quotes[*q as usize];
                let article = &ex.articles[quote.article as usize];
                ui.horizontal(|ui| {
                    let (name, color) = match quote.speaker {
                        Some(s) => (ex.actors[s as usize].name.clone(), view.color_of(s)),
                        None => (t("unknown speaker").to_owned(), None),
                    };
                    if actor_chip(ui, &format!("❝ {name}"), 0, color).clicked() {
                        select = quote.speaker;
                    }
                    ui.weak(format!(
                        "{} · {} · {}",
                        date_text(article.date.as_ref()).0,
                        article.title,
                        quote_kind_name(quote.kind)
                    ));
                });
                let text: String = quote.text.chars().take(300).collect();
                let response = ui.add(
                    egui::Label::new(RichText::new(format!("« {text} »")).italics())
                        .wrap()
                        .sense(egui::Sense::click()),
                );
                if response.clicked() {
                    open = Some((quote.article, Some(*q)));
                }
                ui.separator();
            }
        });
    if let Some(s) = select {
        view.quote_speaker = Some(s);
        view.dirty = true;
    }
    open
}

fn co_mentions_ui(ui: &mut egui::Ui, view: &mut CorpusView) -> Option<(ArticleIx, Option<u32>)> {
    let ex = std::sync::Arc::clone(&view.explorer);
    let actors: Vec<ActorIx> = if view.selected.len() >= 2 {
        view.selected.clone()
    } else {
        ui.weak(t(
            "Tick two or more actors to compare them; the most mentioned are shown meanwhile",
        ));
        (0..ex.actors.len().min(8) as ActorIx).collect()
    };
    ui.weak(t("Articles mentioning both"));
    let matrix = ex.co_mentions(&view.filter, &actors);
    let max = matrix
        .iter()
        .enumerate()
        .flat_map(|(i, row)| {
            row.iter()
                .enumerate()
                .filter(move |(j, _)| *j != i)
                .map(|(_, v)| *v)
        })
        .max()
        .unwrap_or(1)
        .max(1);
    let mut focus = None;
    egui::ScrollArea::both()
        .id_salt("co_mentions")
        .show(ui, |ui| {
            egui::Grid::new("co_matrix")
                .spacing([4.0, 4.0])
                .show(ui, |ui| {
                    ui.label("");
                    for a in &actors {
                        ui.add_sized(
                            [96.0, 20.0],
                            egui::Label::new(RichText::new(&ex.actors[*a as usize].name).strong())
                                .truncate(),
                        );
                    }
                    ui.end_row();
                    for (i, a) in actors.iter().enumerate() {
                        ui.strong(&ex.actors[*a as usize].name);
                        for (j, b) in actors.iter().enumerate() {
                            let n = matrix[i][j];
                            let strength = if i == j { 0.0 } else { n as f32 / max as f32 };
                            let fill = ui
                                .visuals()
                                .selection
                                .bg_fill
                                .gamma_multiply(0.15 + 0.85 * strength);
                            let button = egui::Button::new(n.to_string())
                                .fill(if i == j {
                                    ui.visuals().faint_bg_color
                                } else {
                                    fill
                                })
                                .min_size(egui::vec2(96.0, 26.0));
                            let response = ui.add(button).on_hover_text(format!(
                                "{} — {} · {}",
                                t("Articles mentioning both"),
                                ex.actors[*a as usize].name,
                                ex.actors[*b as usize].name
                            ));
                            if response.clicked() {
                                focus = Some((*a, *b));
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    if let Some((a, b)) = focus {
        view.focus = Focus {
            actor: Some(a),
            other: (a != b).then_some(b),
            bucket: None,
        };
        view.tab = Tab::Timeline;
        view.dirty = true;
    }
    None
}
