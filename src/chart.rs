//! The statistics chart: [`Stats`] in, PNG bytes out. Pure: no clock, no files, no fonts from
//! the system.
//!
//! Decisions by month are drawn as stacked bars (one colour per verdict, as in the verdict
//! embeds); under them, how often each gate was not answered Yes, how often each driver was
//! cited, and how the decisions turned out (the team's own rate next to the assumed one). Text
//! is drawn with DejaVu Sans, compiled into the binary (`assets/fonts`, under the Bitstream Vera
//! licence beside it), so the chart renders the same in a slim container.
//!
//! Readable for everyone: the verdict colours come from the Okabe–Ito palette (vermillion,
//! yellow, blue: told apart with any colour vision, and by lightness in greyscale), and colour
//! is never the only cue: every verdict also has a letter (P, N, J) drawn in its bar segments
//! and outcome bars and named in the legend, segments are separated by a white line, and the
//! stack order is always P, N, J from the bottom.

use crate::app::Lang;
use crate::app::words::say_in;
use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, register_font};

use crate::store::{MonthCounts, OutcomeStats, Stats};

/// The chart's size in pixels.
pub const WIDTH: u32 = 1000;
pub const HEIGHT: u32 = 640;
/// The most recent months shown; older ones are left out (and the subtitle says so).
pub const MAX_MONTHS: usize = 36;

/// DejaVu Sans; see `assets/fonts/DejaVuSans-LICENSE.txt`.
static FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const FAMILY: &str = "sans-serif";

/// Okabe–Ito vermillion.
const PREMATURE: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Okabe–Ito yellow.
const NOT_JUSTIFIED_YET: RGBColor = RGBColor(0xF0, 0xE4, 0x42);
/// Okabe–Ito blue.
const JUSTIFIED: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// The letter that names each verdict in the bars and the legend.
const PREMATURE_MARK: &str = "P";
const NOT_JUSTIFIED_YET_MARK: &str = "N";
const JUSTIFIED_MARK: &str = "J";
/// A letter is drawn in a bar segment at least this many pixels high.
const MARK_MIN_HEIGHT: i32 = 16;
const GATES: RGBColor = RGBColor(0x34, 0x49, 0x5E);
const DRIVERS: RGBColor = RGBColor(0x5D, 0x6D, 0x7E);
const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);

/// Why no chart could be drawn (never expected: the font and sizes are fixed).
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the bundled chart font could not be loaded")]
    Font,
    #[error("could not draw the chart: {0}")]
    Draw(String),
    #[error("could not encode the chart as PNG: {0}")]
    Encode(String),
}

fn draw_err<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError::Draw(format!("{e:?}"))
}

/// Registers the bundled font with plotters, once per process.
fn ensure_font() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| register_font(FAMILY, FontStyle::Normal, FONT).is_ok());
    if ok { Ok(()) } else { Err(ChartError::Font) }
}

/// Draws `stats` under `title` (e.g. "Decisions in the last 90 days") as a PNG, labelled in
/// English.
pub fn stats_png(stats: &Stats, title: &str) -> Result<Vec<u8>, ChartError> {
    stats_png_in(Lang::En, stats, title)
}

/// [`stats_png`] with its labels in `lang` (from `locales/<lang>/audit.ftl`).
pub fn stats_png_in(lang: Lang, stats: &Stats, title: &str) -> Result<Vec<u8>, ChartError> {
    encode_png(&stats_pixels(lang, stats, title)?)
}

/// A chart label in `lang`.
fn say(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    say_in(lang, key, args)
}

/// Where the outcome panel starts, from the left edge.
const OUTCOME_PANEL_X: u32 = 2 * WIDTH / 3;

/// The chart as RGB pixels, row by row.
fn stats_pixels(lang: Lang, stats: &Stats, title: &str) -> Result<Vec<u8>, ChartError> {
    ensure_font()?;
    let mut pixels = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let root = root
            .titled(title, (FAMILY, 26).into_font().color(&INK))
            .map_err(draw_err)?;
        let (top, bottom) = root.split_vertically(380);
        draw_months(lang, &top, stats)?;
        let (left, rest) = bottom.split_horizontally(WIDTH / 3);
        let (middle, right) = rest.split_horizontally(OUTCOME_PANEL_X - WIDTH / 3);
        let gates: Vec<(String, u64)> = ordered(&stats.failing_gates, &["g1", "g2", "g3", "g4"]);
        let drivers: Vec<(String, u64)> = ordered(&stats.drivers, &["d1", "d2", "d3", "d4"]);
        let gates_title = say(lang, "chart-gates", &[]);
        draw_bars(&left, &gates_title, &gates, &[(GATES, None)])?;
        let drivers_title = say(lang, "chart-drivers", &[]);
        draw_bars(&middle, &drivers_title, &drivers, &[(DRIVERS, None)])?;
        draw_outcomes(lang, &right, &stats.outcomes)?;
        root.present().map_err(draw_err)?;
    }
    Ok(pixels)
}

/// The team's own rate: how PREMATURE decisions turned out (in the premature colour) and
/// JUSTIFIED ones (in the justified colour), the share solved next to the assumed one.
fn draw_outcomes<DB: DrawingBackend>(
    lang: Lang,
    area: &DrawingArea<DB, Shift>,
    o: &OutcomeStats,
) -> Result<(), ChartError> {
    let share = |s: Option<f64>| s.map_or("-".to_string(), |s| format!("{:.0}%", s * 100.0));
    if o.premature_with_outcome + o.justified_with_outcome == 0 {
        let font = (FAMILY, 16).into_font().color(&INK);
        area.draw(&Text::new(
            say(lang, "chart-outcomes", &[]),
            (20, 20),
            font.clone(),
        ))
        .map_err(draw_err)?;
        area.draw(&Text::new(
            say(lang, "chart-no-outcome", &[]),
            (20, 110),
            (FAMILY, 15).into_font().color(&INK),
        ))
        .map_err(draw_err)?;
        area.draw(&Text::new(
            say(
                lang,
                "chart-awaiting",
                &[("count", &o.awaiting.to_string())],
            ),
            (20, 135),
            (FAMILY, 15).into_font().color(&INK),
        ))
        .map_err(draw_err)?;
        return Ok(());
    }
    let bar = |key: &str| say(lang, key, &[]);
    let bars = [
        (bar("chart-bar-solved"), o.solved),
        (bar("chart-bar-partly"), o.partly),
        (bar("chart-bar-still"), o.still_needed),
        (bar("chart-bar-paid"), o.paid_off),
        (bar("chart-bar-no-gain"), o.no_gain),
        (bar("chart-bar-dropped"), o.dropped),
    ];
    let caption = say(
        lang,
        "chart-outcomes-caption",
        &[
            ("solved", &share(o.solved_share)),
            ("assumed", &share(Some(o.assumed_solved_share))),
        ],
    );
    let p = (PREMATURE, Some(PREMATURE_MARK));
    let j = (JUSTIFIED, Some(JUSTIFIED_MARK));
    draw_bars(area, &caption, &bars, &[p, p, p, j, j, j])
}

/// Counts in a fixed key order (the store ranks them by count).
fn ordered(counts: &[(String, u64)], keys: &[&str]) -> Vec<(String, u64)> {
    keys.iter()
        .map(|k| {
            let n = counts
                .iter()
                .find(|(key, _)| key == k)
                .map_or(0, |(_, n)| *n);
            (k.to_uppercase(), n)
        })
        .collect()
}

/// Where one verdict's bar segment starts and ends within a month's stack.
type Span = fn(&MonthCounts) -> (u64, u64);

fn draw_months<DB: DrawingBackend>(
    lang: Lang,
    area: &DrawingArea<DB, Shift>,
    stats: &Stats,
) -> Result<(), ChartError> {
    let skipped = stats.by_month.len().saturating_sub(MAX_MONTHS);
    let months = &stats.by_month[skipped..];
    if months.is_empty() {
        area.draw(&Text::new(
            say(lang, "chart-no-decisions", &[]),
            (WIDTH as i32 / 2 - 150, 160),
            (FAMILY, 24).into_font().color(&INK),
        ))
        .map_err(draw_err)?;
        return Ok(());
    }
    let top = months
        .iter()
        .map(|m| m.premature + m.not_justified_yet + m.justified)
        .max()
        .unwrap_or(0)
        .max(1);
    let caption = if skipped > 0 {
        say(
            lang,
            "chart-by-month-last",
            &[("months", &MAX_MONTHS.to_string())],
        )
    } else {
        say(lang, "chart-by-month", &[])
    };
    // plotters' integer ranges include their end: `n` bars span `0..n - 1`. The head room
    // above the highest bar keeps the legend clear of it.
    let last = months.len().saturating_sub(1) as u32;
    let mut chart = ChartBuilder::on(area)
        .caption(caption, (FAMILY, 18).into_font().color(&INK))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(60)
        .build_cartesian_2d((0u32..last).into_segmented(), 0u64..top + top / 3 + 1)
        .map_err(draw_err)?;
    let labels: Vec<String> = months.iter().map(|m| m.month.clone()).collect();
    let label_of = |v: &SegmentValue<u32>| match v {
        SegmentValue::CenterOf(i) => labels.get(*i as usize).cloned().unwrap_or_default(),
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(months.len().min(12))
        .x_label_formatter(&label_of)
        .y_labels(10)
        .light_line_style(WHITE)
        .y_desc(say(lang, "chart-decisions-axis", &[]))
        .label_style((FAMILY, 13).into_font().color(&INK))
        .axis_desc_style((FAMILY, 14).into_font().color(&INK))
        .draw()
        .map_err(draw_err)?;
    let layers: [(String, &'static str, RGBColor, Span); 3] = [
        (
            say(lang, "chart-premature", &[]),
            PREMATURE_MARK,
            PREMATURE,
            |m| (0, m.premature),
        ),
        (
            say(lang, "chart-not-justified", &[]),
            NOT_JUSTIFIED_YET_MARK,
            NOT_JUSTIFIED_YET,
            |m| (m.premature, m.premature + m.not_justified_yet),
        ),
        (
            say(lang, "chart-justified", &[]),
            JUSTIFIED_MARK,
            JUSTIFIED,
            |m| {
                (
                    m.premature + m.not_justified_yet,
                    m.premature + m.not_justified_yet + m.justified,
                )
            },
        ),
    ];
    for (name, mark, colour, span) in layers {
        let segment = |i: usize, m: &MonthCounts| {
            let (low, high) = span(m);
            let i = i as u32;
            [
                (SegmentValue::Exact(i), low),
                (SegmentValue::Exact(i + 1), high),
            ]
        };
        chart
            .draw_series(months.iter().enumerate().map(|(i, m)| {
                let mut bar = Rectangle::new(segment(i, m), colour.filled());
                bar.set_margin(0, 0, 3, 3);
                bar
            }))
            .map_err(draw_err)?
            .label(format!("{mark}  {name}"))
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], colour.filled()));
        // A white line between segments, so a stack reads without colour too.
        chart
            .draw_series(
                months
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| span(m).1 > span(m).0)
                    .map(|(i, m)| {
                        let mut edge = Rectangle::new(segment(i, m), WHITE.stroke_width(1));
                        edge.set_margin(0, 0, 3, 3);
                        edge
                    }),
            )
            .map_err(draw_err)?;
        // The verdict's letter in every segment tall enough to hold it.
        let marks: Vec<_> = months
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let [bottom, top] = segment(i, m);
                let (_, y_low) = chart.backend_coord(&bottom);
                let (_, y_high) = chart.backend_coord(&top);
                let height = y_low - y_high;
                (height >= MARK_MIN_HEIGHT).then(|| {
                    let centre = (SegmentValue::CenterOf(i as u32), span(m).0);
                    EmptyElement::at(centre) + Text::new(mark, (0, -height / 2), mark_font(colour))
                })
            })
            .collect();
        chart.draw_series(marks).map_err(draw_err)?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .label_font((FAMILY, 13).into_font().color(&INK))
        .draw()
        .map_err(draw_err)?;
    Ok(())
}

/// The letter's font: white on the dark verdict colours, ink on the light one; centred.
fn mark_font(background: RGBColor) -> TextStyle<'static> {
    let (r, g, b) = (
        background.0 as u32,
        background.1 as u32,
        background.2 as u32,
    );
    let light = 299 * r + 587 * g + 114 * b > 150_000;
    (FAMILY, 14)
        .into_font()
        .color(if light { &INK } else { &WHITE })
        .pos(Pos::new(HPos::Center, VPos::Center))
}

/// A bar's colour and, for verdict bars, the verdict's letter (drawn just above the bar).
type BarStyle = (RGBColor, Option<&'static str>);

fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    caption: &str,
    bars: &[(String, u64)],
    styles: &[BarStyle],
) -> Result<(), ChartError> {
    let top = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let style_of = |i: usize| {
        styles
            .get(i % styles.len().max(1))
            .copied()
            .unwrap_or((INK, None))
    };
    // Room above the highest bar for the letters of verdict bars.
    let head = if styles.iter().any(|(_, mark)| mark.is_some()) {
        5
    } else {
        10
    };
    let last = bars.len().saturating_sub(1) as u32;
    let mut chart = ChartBuilder::on(area)
        .caption(caption, (FAMILY, 16).into_font().color(&INK))
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(if bars.len() > 4 { 36 } else { 60 })
        .build_cartesian_2d((0u32..last).into_segmented(), 0u64..top + top / head + 1)
        .map_err(draw_err)?;
    let label_of = |v: &SegmentValue<u32>| match v {
        SegmentValue::CenterOf(i) => bars
            .get(*i as usize)
            .map(|(k, _)| k.clone())
            .unwrap_or_default(),
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(bars.len())
        .x_label_formatter(&label_of)
        .y_labels(8)
        .light_line_style(WHITE)
        .label_style((FAMILY, 13).into_font().color(&INK))
        .draw()
        .map_err(draw_err)?;
    chart
        .draw_series(bars.iter().enumerate().map(|(i, (_, count))| {
            let (colour, _) = style_of(i);
            let margin = if bars.len() > 4 { 4 } else { 12 };
            let i = i as u32;
            let mut bar = Rectangle::new(
                [
                    (SegmentValue::Exact(i), 0),
                    (SegmentValue::Exact(i + 1), *count),
                ],
                colour.filled(),
            );
            bar.set_margin(0, 0, margin, margin);
            bar
        }))
        .map_err(draw_err)?;
    // Verdict bars say which verdict they follow, above the bar, whatever its height.
    let marks: Vec<_> = bars
        .iter()
        .enumerate()
        .filter_map(|(i, (_, count))| {
            let mark = style_of(i).1?;
            let font = (FAMILY, 13)
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Center, VPos::Bottom));
            Some(
                EmptyElement::at((SegmentValue::CenterOf(i as u32), *count))
                    + Text::new(mark, (0, -3), font),
            )
        })
        .collect();
    chart.draw_series(marks).map_err(draw_err)?;
    Ok(())
}

fn encode_png(rgb: &[u8]) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder
        .write_header()
        .map_err(|e| ChartError::Encode(e.to_string()))?;
    writer
        .write_image_data(rgb)
        .map_err(|e| ChartError::Encode(e.to_string()))?;
    writer
        .finish()
        .map_err(|e| ChartError::Encode(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Stats {
        Stats {
            decisions: 12,
            failing_gates: vec![("g3".into(), 7), ("g1".into(), 3)],
            drivers: vec![("d1".into(), 2)],
            by_month: vec![
                MonthCounts {
                    month: "2026-10".into(),
                    premature: 4,
                    not_justified_yet: 2,
                    justified: 1,
                },
                MonthCounts {
                    month: "2026-11".into(),
                    premature: 1,
                    not_justified_yet: 2,
                    justified: 2,
                },
            ],
            ..Stats::default()
        }
    }

    fn dimensions(png: &[u8]) -> (u32, u32) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let be = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
        (be(16), be(20))
    }

    #[test]
    fn a_chart_is_a_png_of_the_announced_size() {
        let png = stats_png(&sample(), "Decisions in the last 90 days").unwrap();
        assert_eq!(dimensions(&png), (WIDTH, HEIGHT));
        assert!(png.len() > 5_000 && png.len() < 1_000_000, "{}", png.len());
    }

    /// Pixels of `colour` inside the outcome panel.
    fn in_outcome_panel(pixels: &[u8], colour: RGBColor) -> usize {
        pixels
            .chunks(3)
            .enumerate()
            .filter(|(i, px)| {
                let (x, y) = ((*i as u32) % WIDTH, (*i as u32) / WIDTH);
                x >= OUTCOME_PANEL_X && y > 400 && *px == [colour.0, colour.1, colour.2]
            })
            .count()
    }

    #[test]
    fn the_outcome_panel_draws_how_decisions_turned_out() {
        let mut stats = sample();
        stats.outcomes = OutcomeStats {
            premature_with_outcome: 5,
            solved: 3,
            partly: 1,
            still_needed: 1,
            solved_share: Some(0.6),
            assumed_solved_share: 0.8,
            justified_with_outcome: 2,
            paid_off: 1,
            dropped: 1,
            paid_off_share: Some(0.5),
            awaiting: 4,
            ..OutcomeStats::default()
        };
        let with = stats_pixels(Lang::En, &stats, "With outcomes").unwrap();
        assert!(
            in_outcome_panel(&with, PREMATURE) > 500,
            "premature outcome bars"
        );
        assert!(
            in_outcome_panel(&with, JUSTIFIED) > 200,
            "justified outcome bars"
        );
        let png = stats_png(&stats, "With outcomes").unwrap();
        assert_eq!(dimensions(&png), (WIDTH, HEIGHT));
    }

    #[test]
    fn without_outcomes_the_panel_says_so_and_draws_no_bars() {
        let without = stats_pixels(Lang::En, &sample(), "No outcomes").unwrap();
        assert_eq!(in_outcome_panel(&without, PREMATURE), 0);
        assert_eq!(in_outcome_panel(&without, JUSTIFIED), 0);
        let ink = without
            .chunks(3)
            .enumerate()
            .filter(|(i, px)| (*i as u32) % WIDTH >= OUTCOME_PANEL_X && px[0] < 0x80)
            .count();
        assert!(ink > 100, "the panel says there is no outcome yet");
    }

    #[test]
    fn empty_statistics_still_draw_a_chart() {
        let png = stats_png(&Stats::default(), "Nothing yet").unwrap();
        assert_eq!(dimensions(&png), (WIDTH, HEIGHT));
    }

    /// WCAG relative luminance of a colour, 0 (black) to 1 (white).
    fn luminance(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let v = v as f64 / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    #[test]
    fn the_verdict_colours_are_okabe_ito_and_neighbours_differ_in_lightness() {
        // Okabe & Ito's colour-blind-safe set: vermillion, yellow, blue.
        assert_eq!(PREMATURE, RGBColor(0xD5, 0x5E, 0x00));
        assert_eq!(NOT_JUSTIFIED_YET, RGBColor(0xF0, 0xE4, 0x42));
        assert_eq!(JUSTIFIED, RGBColor(0x00, 0x72, 0xB2));
        // Stacked neighbours (P|N, N|J) stay apart in greyscale too (vermillion on yellow is
        // 2.9:1, yellow on blue 3.9:1); the white line between them and the letters do the rest.
        let contrast = |a: RGBColor, b: RGBColor| {
            let (hi, lo) = (
                luminance(a).max(luminance(b)),
                luminance(a).min(luminance(b)),
            );
            (hi + 0.05) / (lo + 0.05)
        };
        assert!(contrast(PREMATURE, NOT_JUSTIFIED_YET) >= 2.5);
        assert!(contrast(NOT_JUSTIFIED_YET, JUSTIFIED) >= 2.5);
        let marks = [PREMATURE_MARK, NOT_JUSTIFIED_YET_MARK, JUSTIFIED_MARK];
        assert_eq!(marks, ["P", "N", "J"], "one distinct letter per verdict");
    }

    /// Pixels of exactly `colour` inside the box spanned by `inside`'s pixels in the
    /// monthly panel (its top 380 rows), the box's edge excluded.
    fn within_bars_of(pixels: &[u8], inside: RGBColor, colour: RGBColor) -> usize {
        let at = |i: usize| ((i as u32) % WIDTH, (i as u32) / WIDTH);
        let is = |px: &[u8], c: RGBColor| px == [c.0, c.1, c.2];
        let bar: Vec<(u32, u32)> = pixels
            .chunks(3)
            .enumerate()
            .filter(|(i, px)| at(*i).1 < 380 && is(px, inside))
            .map(|(i, _)| at(i))
            .collect();
        assert!(!bar.is_empty(), "no bar of that colour");
        let (x0, x1) = (
            bar.iter().map(|p| p.0).min().unwrap(),
            bar.iter().map(|p| p.0).max().unwrap(),
        );
        let (y0, y1) = (
            bar.iter().map(|p| p.1).min().unwrap(),
            bar.iter().map(|p| p.1).max().unwrap(),
        );
        pixels
            .chunks(3)
            .enumerate()
            .filter(|(i, px)| {
                let (x, y) = at(*i);
                x > x0 && x < x1 && y > y0 && y < y1 && is(px, colour)
            })
            .count()
    }

    #[test]
    fn verdict_segments_carry_their_letter_not_only_their_colour() {
        let one = |premature, justified| Stats {
            by_month: vec![MonthCounts {
                month: "2026-11".into(),
                premature,
                not_justified_yet: 0,
                justified,
            }],
            ..Stats::default()
        };
        // A tall PREMATURE segment shows a white "P" inside it; a tall JUSTIFIED one a "J".
        let premature = stats_pixels(Lang::En, &one(10, 0), "P").unwrap();
        assert!(
            within_bars_of(&premature, PREMATURE, WHITE) > 10,
            "a letter in the bar"
        );
        let justified = stats_pixels(Lang::En, &one(0, 10), "J").unwrap();
        assert!(
            within_bars_of(&justified, JUSTIFIED, WHITE) > 10,
            "a letter in the bar"
        );
    }

    /// The example chart of the README, drawn from example data. Regenerate it with
    /// `cargo test --lib chart::tests::docs_chart -- --ignored`.
    #[test]
    #[ignore = "writes docs/stats-chart.png"]
    fn docs_chart() {
        let month = |month: &str, premature, not_justified_yet, justified| MonthCounts {
            month: month.into(),
            premature,
            not_justified_yet,
            justified,
        };
        let stats = Stats {
            decisions: 216,
            failing_gates: vec![("g1".into(), 87), ("g3".into(), 72), ("g2".into(), 31)],
            drivers: vec![
                ("d1".into(), 73),
                ("d4".into(), 70),
                ("d3".into(), 37),
                ("d2".into(), 36),
            ],
            by_month: vec![
                month("2026-04", 27, 11, 2),
                month("2026-05", 28, 7, 4),
                month("2026-06", 23, 13, 4),
                month("2026-07", 23, 12, 4),
                month("2026-08", 19, 17, 5),
                month("2026-09", 8, 6, 3),
            ],
            outcomes: OutcomeStats {
                premature_with_outcome: 61,
                solved: 44,
                partly: 10,
                still_needed: 7,
                solved_share: Some(44.0 / 61.0),
                assumed_solved_share: 0.8,
                justified_with_outcome: 12,
                paid_off: 7,
                no_gain: 3,
                dropped: 2,
                paid_off_share: Some(7.0 / 12.0),
                awaiting: 143,
            },
            ..Stats::default()
        };
        let png = stats_png(&stats, "Fine-tuning decisions").unwrap();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/stats-chart.png");
        std::fs::write(path, png).unwrap();
    }
}
