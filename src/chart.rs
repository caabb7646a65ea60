//! Chart exports: the timeline of the selected actors drawn with plotters as
//! PNG or SVG (title, legend, axis labels, provenance footer), and the same
//! series as CSV. Used by the window's export menu and by `dossier-cli chart`;
//! the font is bundled so exports never depend on installed fonts.

use std::path::Path;
use std::sync::Once;

use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::analytics::Granularity;
use crate::explore::{Explorer, PALETTE, Series, bucket_label};

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
}

impl ChartSpec {
    /// The chart of `series` as on screen: the same colours (by position in the
    /// selection, as the window assigns them), mentions or shares.
    pub fn from_series(
        explorer: &Explorer,
        series: &Series,
        share: bool,
        title: String,
        footer: Vec<String>,
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
            .collect();
        Self {
            title,
            y_label: if share {
                "Share of articles".to_owned()
            } else {
                "Mentions".to_owned()
            },
            by: series.by,
            buckets: series.buckets.clone(),
            lines,
            footer,
        }
    }

    /// The undated values as one footer line ("Undated: Russia 3, China 1"),
    /// so an export never drops them silently.
    fn undated_line(&self) -> Option<String> {
        let parts: Vec<String> = self
            .lines
            .iter()
            .filter(|l| l.undated > 0.0)
            .map(|l| format!("{} {}", l.name, format_value(l.undated)))
            .collect();
        (!parts.is_empty()).then(|| format!("Undated articles: {}", parts.join(", ")))
    }
}

fn format_value(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.3}")
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
    let y_max = spec
        .lines
        .iter()
        .flat_map(|l| l.values.iter().copied())
        .fold(0.0f64, f64::max);
    let y_max = if y_max <= 0.0 { 1.0 } else { y_max * 1.1 };
    let by = spec.by;
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(&spec.title, (FAMILY, px(22.0)))
        .margin(px(12.0))
        .x_label_area_size(px(44.0))
        .y_label_area_size(px(64.0))
        .build_cartesian_2d(lo - pad..hi + pad, 0.0..y_max)
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .x_labels(8)
        .y_labels(8)
        .x_label_formatter(&|d| bucket_label(by, *d))
        .y_label_formatter(&|v| format_value(*v))
        .x_desc(match by {
            Granularity::Day => "Day",
            Granularity::Week => "Week",
            Granularity::Month => "Month",
            Granularity::Year => "Year",
        })
        .y_desc(&spec.y_label)
        .label_style((FAMILY, px(13.0)))
        .axis_desc_style((FAMILY, px(14.0)))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()
        .map_err(draw_err)?;
    for line in &spec.lines {
        let [r, g, b] = line.color;
        let color = RGBColor(r, g, b);
        let points: Vec<(i64, f64)> = spec
            .buckets
            .iter()
            .copied()
            .zip(line.values.iter().copied())
            .collect();
        chart
            .draw_series(LineSeries::new(
                points.clone(),
                color.stroke_width(px(2.0).max(1) as u32),
            ))
            .map_err(draw_err)?
            .label(line.name.clone())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(3))
            });
        chart
            .draw_series(
                points
                    .into_iter()
                    .map(|p| Circle::new(p, px(3.0).max(2), color.filled())),
            )
            .map_err(draw_err)?;
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
            .map_or_else(String::new, |a| csv_field(&a.name))
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

/// Quotes a CSV field when it holds a comma, quote or line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
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
        ChartSpec {
            title: "Россия / Russie".to_owned(),
            y_label: "Mentions".to_owned(),
            by: Granularity::Month,
            buckets: vec![19723, 19754, 19783],
            lines: vec![
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
            footer: vec!["Folder: corpus — query: (none)".to_owned()],
        }
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
        let empty = ChartSpec {
            buckets: vec![],
            lines: vec![],
            ..spec()
        };
        assert!(svg_string(&empty, 400, 300).unwrap().contains("<svg"));
    }
}
