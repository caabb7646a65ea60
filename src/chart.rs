//! Chart exports: the timeline of the selected actors drawn with plotters as
//! PNG or SVG (title, legend, axis labels, provenance footer), and the same
//! series as CSV. Used by the window's export menu and by `dossier-cli chart`;
//! the font is bundled so exports never depend on installed fonts.

use std::path::Path;
use std::sync::Once;

use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::analytics::Granularity;
use crate::explore::{Explorer, PALETTE, Series};
use crate::period::axis::{self, LabelStyle, Tick};

/// The font used by the window and by chart exports (Latin, Greek, Cyrillic).
pub const FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
/// The family name charts ask plotters for.
const FAMILY: &str = "sans-serif";

/// One plotted actor.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLine {
    /// Legend label.
    pub name: String,
    /// sRGB colour.
    pub color: [u8; 3],
    /// One value per bucket.
    pub values: Vec<f64>,
    /// The value of the undated bucket.
    pub undated: f64,
}

/// The words of a chart, in the user's language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartText {
    /// Title at the top.
    pub title: String,
    /// Y axis label ("Mentions", "Share of articles").
    pub y_label: String,
    /// X axis label ("Month").
    pub x_label: String,
    /// Provenance lines at the bottom.
    pub footer: Vec<String>,
}

impl ChartText {
    /// The title, axis names and provenance footer of a timeline export,
    /// in `lang`: one wording for the window's export and the command line's.
    /// `dates` is the shown range (`None`: all dates).
    pub fn timeline(
        lang: crate::model::Lang,
        by: Granularity,
        share: bool,
        folder: &Path,
        query: Option<&str>,
        dates: Option<(String, String)>,
    ) -> Self {
        let t = |english: &'static str| crate::i18n::tr_in(lang, english);
        let period = period_name(lang, by);
        let folder_name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let query = query
            .filter(|q| !q.trim().is_empty())
            .unwrap_or(t("(none)"));
        let dates = dates.map_or_else(
            || t("all").to_owned(),
            |(from, to)| format!("{from} – {to}"),
        );
        let today = crate::ingest::dates::today().to_iso();
        Self {
            title: format!(
                "{} {} — {folder_name}",
                t("Mentions by"),
                period.to_lowercase()
            ),
            y_label: if share {
                t("Share of articles")
            } else {
                t("Mentions")
            }
            .to_owned(),
            x_label: period.to_owned(),
            footer: vec![
                format!("{}: {}", t("Folder"), folder.display()),
                format!(
                    "{}: {query} — {}: {dates} — {} {today}",
                    t("Query"),
                    t("Dates"),
                    t("Exported by Dossier on")
                ),
            ],
        }
    }
}

/// The name of a period in `lang` ("Month", "Mois").
pub fn period_name(lang: crate::model::Lang, by: Granularity) -> &'static str {
    let t = |english: &'static str| crate::i18n::tr_in(lang, english);
    match by {
        Granularity::Day => t("Day"),
        Granularity::Week => t("Week"),
        Granularity::Month => t("Month"),
        Granularity::Year => t("Year"),
    }
}

/// Everything a chart export shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Title at the top.
    pub title: String,
    /// Y axis label.
    pub y_label: String,
    /// Bucket size.
    pub by: Granularity,
    /// Bucket starts (days since the epoch).
    pub buckets: Vec<i64>,
    /// Plotted actors.
    pub lines: Vec<ChartLine>,
    /// Provenance lines at the bottom (folder, query, date range, export date).
    pub footer: Vec<String>,
    /// Labels under the time axis, each at the start of the bucket it names.
    pub x_ticks: Vec<Tick>,
    /// Labels of the value axis: whole numbers, or percentages for shares.
    pub y_ticks: Vec<Tick>,
    /// Top of the value axis (its last tick).
    pub y_top: f64,
    /// How labels and numbers are written.
    pub style: LabelStyle,
    /// Values are shares of articles (0..=1), not counts.
    pub share: bool,
    /// X axis label ("Month").
    pub x_label: String,
}

/// Points are marked with dots only up to this many buckets.
const MAX_MARKED_POINTS: usize = 60;
/// At most this many labels on the value axis.
const MAX_Y_LABELS: usize = 8;

/// At most this many labels under the time axis: fewer for long labels
/// ("2024-01-22", "22 janv. 2024") than for short ones ("2024-01", "2024").
fn max_x_labels(by: Granularity, style: LabelStyle) -> usize {
    match (by, style.month_names) {
        (Granularity::Year, _) => 14,
        (Granularity::Month, false) => 12,
        (Granularity::Month, true) => 10,
        (Granularity::Day | Granularity::Week, false) => 9,
        (Granularity::Day | Granularity::Week, true) => 8,
    }
}

impl ChartSpec {
    /// The chart of `series` as on screen: the same colours (by position in the
    /// selection, as the window assigns them), mentions or shares.
    pub fn from_series(
        explorer: &Explorer,
        series: &Series,
        share: bool,
        style: LabelStyle,
        text: ChartText,
    ) -> Self {
        let lines = series
            .lines
            .iter()
            .enumerate()
            .map(|(i, (actor, cells, undated))| ChartLine {
                name: explorer
                    .actors
                    .get(*actor as usize)
                    .map_or_else(String::new, |a| a.name.clone()),
                color: PALETTE[i % PALETTE.len()],
                values: cells
                    .iter()
                    .zip(&series.articles)
                    .map(|(c, n)| Series::value(*c, *n, share))
                    .collect(),
                undated: Series::value(*undated, series.undated_articles, share),
            })
            .collect::<Vec<ChartLine>>();
        Self::new(series.by, series.buckets.clone(), lines, share, style, text)
    }

    /// A chart of `lines` over `buckets`, with its axes' ticks.
    pub fn new(
        by: Granularity,
        buckets: Vec<i64>,
        lines: Vec<ChartLine>,
        share: bool,
        style: LabelStyle,
        text: ChartText,
    ) -> Self {
        let y_max = lines
            .iter()
            .flat_map(|l| l.values.iter().copied())
            .fold(0.0f64, f64::max);
        let (y_ticks, y_top) = axis::value_ticks(y_max, share, MAX_Y_LABELS, style);
        Self {
            title: text.title,
            y_label: text.y_label,
            by,
            x_ticks: axis::time_ticks(by, &buckets, max_x_labels(by, style), style),
            buckets,
            lines,
            footer: text.footer,
            y_ticks,
            y_top,
            style,
            share,
            x_label: text.x_label,
        }
    }

    /// The undated values as one footer line ("Undated: Russia 3, China 1"),
    /// so an export never drops them silently.
    fn undated_line(&self) -> Option<String> {
        let parts: Vec<String> = self
            .lines
            .iter()
            .filter(|l| l.undated > 0.0)
            .map(|l| format!("{} {}", l.name, self.value_text(l.undated)))
            .collect();
        let t = |english: &'static str| crate::i18n::tr_in(self.style.lang, english);
        (!parts.is_empty()).then(|| format!("{}: {}", t("Undated articles"), parts.join(", ")))
    }
}

impl ChartSpec {
    /// A value as the axis writes it: a count, or a percentage.
    fn value_text(&self, v: f64) -> String {
        if self.share {
            axis::format_percent(v, 1, self.style.lang)
        } else {
            axis::format_number(v, 0, self.style.lang)
        }
    }
}

/// Chart export errors.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// Drawing failed.
    #[error("cannot draw the chart: {0}")]
    Draw(String),
    /// Writing the file failed.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// Size out of range.
    #[error("chart size {0}×{1} is out of range (100–8000 pixels)")]
    Size(u32, u32),
}

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if plotters::style::register_font(FAMILY, FontStyle::Normal, FONT).is_err() {
            log::error!("the bundled chart font is invalid");
        }
    });
}

fn draw_err<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError::Draw(format!("{e:?}"))
}

fn draw<DB: DrawingBackend>(
    spec: &ChartSpec,
    root: DrawingArea<DB, plotters::coord::Shift>,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE).map_err(draw_err)?;
    let (width, height) = root.dim_in_pixel();
    let scale = (f64::from(width.min(height * 2)) / 900.0).clamp(0.6, 3.0);
    let px = |v: f64| (v * scale).round() as i32;
    let mut footer = spec.footer.clone();
    footer.extend(spec.undated_line());
    let line_h = px(16.0);
    let footer_h = u32::try_from(line_h * footer.len() as i32 + px(10.0)).unwrap_or(0);
    let (plot_area, footer_area) = root.split_vertically(height.saturating_sub(footer_h));
    let small = (FAMILY, px(12.0)).into_font().color(&RGBColor(90, 90, 90));
    for (i, line) in footer.iter().enumerate() {
        footer_area
            .draw(&Text::new(
                line.clone(),
                (px(10.0), px(4.0) + line_h * i as i32),
                small.clone(),
            ))
            .map_err(draw_err)?;
    }
    let (lo, hi) = match (spec.buckets.first(), spec.buckets.last()) {
        (Some(lo), Some(hi)) => (*lo, *hi),
        _ => (0, 1),
    };
    // Room on both sides so the first and last points are not on the frame.
    let pad = ((hi - lo) / 40).max(1);
    // Headroom above the last tick for the legend.
    let y_end = spec.y_top * 1.3;
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(&spec.title, (FAMILY, px(22.0)))
        .margin(px(12.0))
        .margin_left(px(76.0))
        .margin_right(px(44.0))
        .margin_bottom(px(52.0))
        .build_cartesian_2d(lo - pad..hi + pad, 0.0..y_end)
        .map_err(draw_err)?;
    // The axes are drawn here from the spec's ticks, so every label sits
    // exactly at the position the spec gives it (plotters' own tick choice
    // put month labels between their points).
    let grid = RGBColor(225, 225, 225);
    let frame = RGBColor(120, 120, 120);
    for tick in &spec.y_ticks {
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(lo - pad, tick.value), (hi + pad, tick.value)],
                grid.stroke_width(1),
            )))
            .map_err(draw_err)?;
    }
    for tick in &spec.x_ticks {
        let x = tick.value as i64;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(x, 0.0), (x, y_end)],
                grid.stroke_width(1),
            )))
            .map_err(draw_err)?;
    }
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(lo - pad, y_end), (lo - pad, 0.0), (hi + pad, 0.0)],
            frame.stroke_width(1),
        )))
        .map_err(draw_err)?;
    let label_font = (FAMILY, px(13.0)).into_font().color(&RGBColor(40, 40, 40));
    let desc_font = (FAMILY, px(14.0)).into_font().color(&RGBColor(40, 40, 40));
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    for tick in &spec.x_ticks {
        let (x, y) = chart.backend_coord(&(tick.value as i64, 0.0));
        root.draw(&Text::new(
            tick.label.clone(),
            (x, y + px(6.0)),
            label_font.clone().pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(draw_err)?;
    }
    for tick in &spec.y_ticks {
        let (x, y) = chart.backend_coord(&(lo - pad, tick.value));
        root.draw(&Text::new(
            tick.label.clone(),
            (x - px(6.0), y),
            label_font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(draw_err)?;
    }
    let (left, bottom) = chart.backend_coord(&(lo - pad, 0.0));
    let (right, top) = chart.backend_coord(&(hi + pad, y_end));
    root.draw(&Text::new(
        spec.x_label.clone(),
        ((left + right) / 2, bottom + px(28.0)),
        desc_font.clone().pos(Pos::new(HPos::Center, VPos::Top)),
    ))
    .map_err(draw_err)?;
    root.draw(&Text::new(
        spec.y_label.clone(),
        (left - px(62.0), (top + bottom) / 2),
        desc_font
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))
    .map_err(draw_err)?;
    // Markers only where points are few enough to be told apart.
    let markers = spec.buckets.len() <= MAX_MARKED_POINTS;
    for line in &spec.lines {
        let [r, g, b] = line.color;
        let color = RGBColor(r, g, b);
        let points: Vec<(i64, f64)> = spec
            .buckets
            .iter()
            .copied()
            .zip(line.values.iter().copied())
            .collect();
        let marker = px(3.0).max(2);
        // Each segment is one filled band: plotters' wide strokes draw
        // diagonal lines as two thin parallel ones.
        let pixels: Vec<(i32, i32)> = points.iter().map(|p| chart.backend_coord(p)).collect();
        let half = f64::from(px(2.0).max(2)) / 2.0;
        for pair in pixels.windows(2) {
            root.draw(&Polygon::new(band(pair[0], pair[1], half), color.filled()))
                .map_err(draw_err)?;
        }
        for p in &pixels {
            let radius = if markers { marker } else { half.round() as i32 };
            root.draw(&Circle::new(*p, radius, color.filled()))
                .map_err(draw_err)?;
        }
        chart
            .draw_series(std::iter::empty::<PathElement<(i64, f64)>>())
            .map_err(draw_err)?
            .label(line.name.clone())
            .legend(move |(x, y)| Rectangle::new([(x, y - 1), (x + 20, y + 2)], color.filled()));
    }
    if !spec.lines.is_empty() {
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .label_font((FAMILY, px(13.0)))
            .background_style(WHITE.mix(0.85))
            .border_style(RGBColor(180, 180, 180))
            .draw()
            .map_err(draw_err)?;
    }
    root.present().map_err(draw_err)?;
    Ok(())
}

/// The four corners of a band `half` pixels on each side of the segment a–b.
fn band(a: (i32, i32), b: (i32, i32), half: f64) -> Vec<(i32, i32)> {
    let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
    let length = dx.hypot(dy).max(1e-9);
    let (nx, ny) = (-dy / length * half, dx / length * half);
    let at = |p: (i32, i32), sign: f64| {
        (
            (f64::from(p.0) + sign * nx).round() as i32,
            (f64::from(p.1) + sign * ny).round() as i32,
        )
    };
    vec![at(a, 1.0), at(b, 1.0), at(b, -1.0), at(a, -1.0)]
}

fn check_size(width: u32, height: u32) -> Result<(), ChartError> {
    if (100..=8000).contains(&width) && (100..=8000).contains(&height) {
        Ok(())
    } else {
        Err(ChartError::Size(width, height))
    }
}

/// Draws the chart as PNG into `path` (written to a temporary file, then renamed).
pub fn write_png(spec: &ChartSpec, path: &Path, width: u32, height: u32) -> Result<(), ChartError> {
    check_size(width, height)?;
    register_font();
    let tmp = temp_path(path, "png");
    let result = draw(
        spec,
        BitMapBackend::new(&tmp, (width, height)).into_drawing_area(),
    );
    finish(result, &tmp, path)
}

/// Draws the chart as SVG text.
pub fn svg_string(spec: &ChartSpec, width: u32, height: u32) -> Result<String, ChartError> {
    check_size(width, height)?;
    register_font();
    let mut out = String::new();
    draw(
        spec,
        SVGBackend::with_string(&mut out, (width, height)).into_drawing_area(),
    )?;
    Ok(out)
}

/// Writes the chart as SVG into `path` (atomically).
pub fn write_svg(spec: &ChartSpec, path: &Path, width: u32, height: u32) -> Result<(), ChartError> {
    let svg = svg_string(spec, width, height)?;
    crate::storage::write_atomic(path, svg.as_bytes()).map_err(|source| ChartError::Write {
        path: path.display().to_string(),
        source,
    })
}

/// The series as CSV: bucket, actor, mentions, articles, share (undated last).
pub fn series_csv(explorer: &Explorer, series: &Series) -> String {
    let mut out = String::from("bucket,actor,mentions,articles,share\n");
    let name = |a: u32| {
        explorer
            .actors
            .get(a as usize)
            .map_or_else(String::new, |a| crate::csv::field(&a.name))
    };
    for (i, start) in series.buckets.iter().enumerate() {
        let day = crate::model::PartialDate::from_unix_days(*start).to_iso();
        for (actor, cells, _) in &series.lines {
            let cell = cells[i];
            out.push_str(&format!(
                "{day},{},{},{},{:.4}\n",
                name(*actor),
                cell.mentions,
                cell.articles,
                Series::value(cell, series.articles[i], true)
            ));
        }
    }
    for (actor, _, cell) in &series.lines {
        if series.undated_articles > 0 {
            out.push_str(&format!(
                "undated,{},{},{},{:.4}\n",
                name(*actor),
                cell.mentions,
                cell.articles,
                Series::value(*cell, series.undated_articles, true)
            ));
        }
    }
    out
}

fn temp_path(path: &Path, ext: &str) -> std::path::PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp.{ext}", std::process::id()))
}

fn finish(result: Result<(), ChartError>, tmp: &Path, path: &Path) -> Result<(), ChartError> {
    let result = result.and_then(|()| {
        std::fs::rename(tmp, path).map_err(|source| ChartError::Write {
            path: path.display().to_string(),
            source,
        })
    });
    if result.is_err() {
        std::fs::remove_file(tmp).ok(); // Best effort: nothing to clean if drawing never started.
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> ChartSpec {
        let text = ChartText {
            title: "Россия / Russie".to_owned(),
            y_label: "Mentions".to_owned(),
            x_label: "Month".to_owned(),
            footer: vec!["Folder: corpus — query: (none)".to_owned()],
        };
        ChartSpec::new(
            Granularity::Month,
            vec![19723, 19754, 19783],
            vec![
                ChartLine {
                    name: "Russie".to_owned(),
                    color: PALETTE[0],
                    values: vec![1.0, 0.0, 4.0],
                    undated: 2.0,
                },
                ChartLine {
                    name: "Владимир Путин".to_owned(),
                    color: PALETTE[1],
                    values: vec![0.0, 3.0, 1.0],
                    undated: 0.0,
                },
            ],
            false,
            LabelStyle::default(),
            text,
        )
    }

    #[test]
    fn png_of_the_requested_size_and_svg_with_labels() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.png");
        write_png(&spec(), &path, 640, 360).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        assert_eq!((width, height), (640, 360));
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
        let svg = svg_string(&spec(), 800, 450).unwrap();
        for text in [
            "Russie",
            "Владимир Путин",
            "Mentions",
            "2024-02",
            "Undated articles: Russie 2",
            "Folder: corpus",
        ] {
            assert!(svg.contains(text), "{text} missing from the SVG");
        }
        assert!(
            svg.contains("#1F77B4") || svg.contains("#1f77b4"),
            "series colour"
        );
        assert!(matches!(
            write_png(&spec(), &path, 10, 10),
            Err(ChartError::Size(10, 10))
        ));
    }

    #[test]
    fn empty_chart_still_draws() {
        let empty = ChartSpec::new(
            Granularity::Month,
            vec![],
            vec![],
            false,
            LabelStyle::default(),
            ChartText::default(),
        );
        assert!(svg_string(&empty, 400, 300).unwrap().contains("<svg"));
    }
}
