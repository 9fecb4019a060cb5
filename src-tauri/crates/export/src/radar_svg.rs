//! The technology radar as a standalone SVG picture: the disc with its four
//! rings and four sectors on the left, each placed item as a numbered marker
//! coloured by verdict, and on the right a legend with the numbered list.
//!
//! The picture is a plain SVG 1.1 document with no script and no external
//! reference, so it opens on its own in a browser, in an `<img>` and in office
//! suites. Every word comes from [`RadarLabels`]: the export holds no
//! translation. The same points and labels always give the same bytes.

use atelier_core::radar::{Family, RadarItemKind, Ring, Verdict};

use crate::radar_layout::{band, RadarLabels, RadarPoint};
use crate::xml::one_line;

/// Canvas size in pixels.
const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 760.0;
/// Centre and radius of the disc.
const CX: f64 = 362.0;
const CY: f64 = 412.0;
const RADIUS: f64 = 318.0;
/// Left edge and width of the legend.
const LEGEND_X: f64 = 742.0;
const LEGEND_W: f64 = 240.0;
/// Lowest baseline anything may use.
const BOTTOM: f64 = 742.0;

const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif";
const INK: &str = "#1f2937";
const MUTED: &str = "#4b5563";
const RING_INK: &str = "#2f5443";

/// Band fill: greenest at the centre, greyish at the edge.
fn ring_fill(r: Ring) -> &'static str {
    match r {
        Ring::Adopt => "#bfe2cb",
        Ring::Trial => "#d5ebdb",
        Ring::Assess => "#e6efe6",
        Ring::Hold => "#eceef1",
    }
}

/// Marker fill, outline and number colour for a verdict. A trend is solid
/// teal and buzz solid orange (told apart under every common colour
/// blindness); too early is an outlined, hollow marker. Both solid fills keep
/// white numbers above 4.5:1 contrast.
fn verdict_style(v: Verdict) -> (&'static str, &'static str, &'static str) {
    match v {
        Verdict::Trend => ("#0f766e", "#ffffff", "#ffffff"),
        Verdict::Buzz => ("#c2410c", "#ffffff", "#ffffff"),
        Verdict::TooEarly => ("#ffffff", "#6b7280", "#374151"),
    }
}

/// The text a marker number and a legend number are written in.
fn verdict_ink(v: Verdict) -> &'static str {
    match v {
        Verdict::Trend => "#0f766e",
        Verdict::Buzz => "#c2410c",
        Verdict::TooEarly => "#4b5563",
    }
}

/// Renders the radar as a complete SVG document (UTF-8, with its XML
/// declaration). `points` come from [`crate::radar_layout::place`]; a point
/// outside the unit disc is pulled back onto it, and one with a non-finite
/// coordinate is drawn at the centre.
pub fn render(points: &[RadarPoint], labels: &RadarLabels) -> String {
    let mut out = String::with_capacity(8_192 + points.len() * 400);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\">\n",
        w = num(WIDTH),
        h = num(HEIGHT),
    ));
    out.push_str(&format!("<title>{}</title>\n", one_line(&labels.title)));
    out.push_str(&format!(
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n",
        num(WIDTH),
        num(HEIGHT)
    ));
    out.push_str(&format!(
        "<text x=\"32\" y=\"46\" font-size=\"22\" font-weight=\"700\" fill=\"{INK}\">{}</text>\n",
        one_line(&truncate(&labels.title, 80))
    ));
    disc(&mut out, labels);
    markers(&mut out, points, labels);
    legend(&mut out, points, labels);
    out.push_str("</svg>\n");
    out
}

/// Rings, sector lines, ring names along the vertical axis, family names in
/// the corners.
fn disc(out: &mut String, labels: &RadarLabels) {
    out.push_str("<g id=\"rings\">\n");
    for ring in Ring::ALL.iter().rev() {
        let (_, hi) = band(*ring);
        out.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n",
            num(CX),
            num(CY),
            num(hi * RADIUS),
            ring_fill(*ring)
        ));
    }
    out.push_str(&format!(
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"#cfd5db\" stroke-width=\"1\"/>\n",
        num(CX),
        num(CY),
        num(RADIUS + 1.0)
    ));
    out.push_str(&format!(
        "<path d=\"M{} {}H{}M{} {}V{}\" stroke=\"#ffffff\" stroke-width=\"4\" fill=\"none\"/>\n",
        num(CX - RADIUS),
        num(CY),
        num(CX + RADIUS),
        num(CX),
        num(CY - RADIUS),
        num(CY + RADIUS)
    ));
    out.push_str("</g>\n<g id=\"ring-names\" font-size=\"11.5\" font-weight=\"700\" text-anchor=\"middle\">\n");
    for ring in Ring::ALL {
        let (_, hi) = band(ring);
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" fill=\"{RING_INK}\" stroke=\"{}\" stroke-width=\"5\" stroke-linejoin=\"round\" \
             paint-order=\"stroke\" letter-spacing=\"0.6\">{}</text>\n",
            num(CX),
            num(CY - hi * RADIUS + 16.0),
            ring_fill(ring),
            one_line(&truncate(labels.ring(ring), 24))
        ));
    }
    out.push_str("</g>\n<g id=\"families\" font-size=\"16\" font-weight=\"700\" fill=\"#374151\">\n");
    let (left, right, top, bottom) = (CX - RADIUS, CX + RADIUS, CY - RADIUS + 8.0, CY + RADIUS);
    for family in Family::ALL {
        let (x, y, anchor) = match family {
            Family::Online => (right, top, "end"),
            Family::Live => (right, bottom, "end"),
            Family::Immersive => (left, bottom, "start"),
            Family::Social => (left, top, "start"),
        };
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>\n",
            num(x),
            num(y),
            one_line(&truncate(labels.family(family), 22))
        ));
    }
    out.push_str("</g>\n");
}

/// One numbered marker per point, with a tooltip.
fn markers(out: &mut String, points: &[RadarPoint], labels: &RadarLabels) {
    let size = if points.len() > 60 { 9.0 } else { 11.0 };
    out.push_str("<g id=\"points\" font-weight=\"700\" text-anchor=\"middle\">\n");
    for p in points {
        let (x, y) = on_disc(p.x, p.y);
        let (px, py) = (CX + x * RADIUS, CY + y * RADIUS);
        let (fill, stroke, ink) = verdict_style(p.verdict);
        out.push_str(&format!(
            "<g><title>{}. {} \u{2014} {} \u{b7} {} \u{b7} {}</title>\n",
            p.number,
            one_line(&p.label),
            one_line(labels.ring(p.ring)),
            one_line(labels.verdict(p.verdict)),
            one_line(labels.kind(p.kind))
        ));
        out.push_str(&shape(p.kind, px, py, size, fill, stroke, 1.8));
        let digits = p.number.to_string();
        let font = match digits.len() {
            0..=2 => size * 0.95,
            3 => size * 0.75,
            _ => size * 0.6,
        };
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{ink}\">{digits}</text></g>\n",
            num(px),
            num(py + font * 0.36),
            num(font)
        ));
    }
    out.push_str("</g>\n");
}

/// A vendor's circle or a theme's rounded square, centred on (x, y), `size`
/// being the circle's radius (the square is drawn to look as big).
fn shape(kind: RadarItemKind, x: f64, y: f64, size: f64, fill: &str, stroke: &str, width: f64) -> String {
    match kind {
        RadarItemKind::Vendor => format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{}\"/>\n",
            num(x),
            num(y),
            num(size),
            num(width)
        ),
        RadarItemKind::Theme => {
            let half = size * 0.9;
            format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\" \
                 stroke-width=\"{}\"/>\n",
                num(x - half),
                num(y - half),
                num(2.0 * half),
                num(2.0 * half),
                num(size * 0.3),
                num(width)
            )
        }
    }
}

/// The words beside a colour or shape key of the legend.
fn key_text(out: &mut String, y: f64, text: &str) {
    out.push_str(&format!(
        "<text x=\"{}\" y=\"{}\">{}</text>\n",
        num(LEGEND_X + 24.0),
        num(y),
        one_line(&truncate(text, 30))
    ));
}

/// One row of the numbered list.
enum Row<'a> {
    Heading(Ring),
    Item(&'a RadarPoint),
}

/// Verdict colours, kind shapes, then the numbered list grouped by ring, in
/// up to three columns, shrinking the type when even three are too few.
fn legend(out: &mut String, points: &[RadarPoint], labels: &RadarLabels) {
    out.push_str(&format!("<g id=\"legend\" font-size=\"13\" fill=\"{INK}\">\n"));
    let mut y = 104.0;
    for v in [Verdict::Trend, Verdict::Buzz, Verdict::TooEarly] {
        let (fill, stroke, _) = verdict_style(v);
        out.push_str(&shape(
            RadarItemKind::Vendor,
            LEGEND_X + 8.0,
            y - 4.5,
            7.0,
            fill,
            stroke,
            1.8,
        ));
        key_text(out, y, labels.verdict(v));
        y += 22.0;
    }
    y += 8.0;
    for kind in [RadarItemKind::Vendor, RadarItemKind::Theme] {
        out.push_str(&shape(kind, LEGEND_X + 8.0, y - 4.5, 7.0, MUTED, MUTED, 1.0));
        key_text(out, y, labels.kind(kind));
        y += 22.0;
    }
    y += 2.0;
    out.push_str(&format!(
        "<path d=\"M{} {}H{}\" stroke=\"#d1d5db\" stroke-width=\"1\"/>\n",
        num(LEGEND_X),
        num(y - 4.0),
        num(LEGEND_X + LEGEND_W)
    ));

    let mut rows: Vec<Row> = Vec::new();
    for ring in Ring::ALL {
        let mut in_ring: Vec<&RadarPoint> = points.iter().filter(|p| p.ring == ring).collect();
        if in_ring.is_empty() {
            continue;
        }
        in_ring.sort_by_key(|p| p.number);
        rows.push(Row::Heading(ring));
        rows.extend(in_ring.into_iter().map(Row::Item));
    }
    if rows.is_empty() {
        out.push_str("</g>\n");
        return;
    }

    let top = y + 18.0;
    let room = BOTTOM - top;
    let (columns, line) = list_layout(rows.len(), room);
    let per_column = rows.len().div_ceil(columns);
    let column_w = LEGEND_W / columns as f64;
    let font = (line * 0.78).min(12.5);
    let char_w = font * 0.56;
    for (i, row) in rows.iter().enumerate() {
        let x = LEGEND_X + (i / per_column) as f64 * column_w;
        let y = top + (i % per_column) as f64 * line;
        match row {
            Row::Heading(ring) => {
                out.push_str(&format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"{}\" stroke=\"#9fb8a8\" \
                     stroke-width=\"0.8\"/>\n",
                    num(x),
                    num(y - font * 0.8),
                    num(font * 0.85),
                    num(font * 0.85),
                    ring_fill(*ring)
                ));
                let max = chars_in(column_w - font * 1.3 - 6.0, char_w);
                out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"700\" fill=\"{RING_INK}\">{}</text>\n",
                    num(x + font * 1.3),
                    num(y),
                    num(font),
                    one_line(&truncate(labels.ring(*ring), max))
                ));
            }
            Row::Item(p) => {
                let number = format!("{}.", p.number);
                let max = chars_in(column_w - 8.0, char_w).saturating_sub(number.chars().count() + 1);
                out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"{}\"><tspan font-weight=\"700\" fill=\"{}\">{number}</tspan> \
                     {}</text>\n",
                    num(x),
                    num(y),
                    num(font),
                    verdict_ink(p.verdict),
                    one_line(&truncate(&p.label, max.max(1)))
                ));
            }
        }
    }
    out.push_str("</g>\n");
}

/// How many columns (1 to 3) and what line height the list needs to fit in
/// `room` pixels: one column while lines stay at least 14 px apart (17 px at
/// most), else two while they stay 9 px apart, else three with whatever line
/// height fits. Two columns of smaller type keep more of each label than
/// three narrow ones.
fn list_layout(rows: usize, room: f64) -> (usize, f64) {
    let line = |columns: usize| (room / rows.div_ceil(columns).max(1) as f64).min(17.0);
    if line(1) >= 14.0 {
        (1, line(1))
    } else if line(2) >= 9.0 {
        (2, line(2))
    } else {
        (3, line(3))
    }
}

/// How many characters of width `char_w` fit in `width` pixels.
fn chars_in(width: f64, char_w: f64) -> usize {
    if width <= 0.0 || char_w <= 0.0 || !width.is_finite() {
        return 1;
    }
    (width / char_w).floor().min(200.0) as usize
}

/// The point's coordinates, finite and inside the unit disc.
fn on_disc(x: f64, y: f64) -> (f64, f64) {
    let (x, y) = (if x.is_finite() { x } else { 0.0 }, if y.is_finite() { y } else { 0.0 });
    let r = x.hypot(y);
    if r > 1.0 {
        (x / r, y / r)
    } else {
        (x, y)
    }
}

/// A coordinate written with one decimal, never `NaN` nor `-0`.
fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".to_owned();
    }
    let s = format!("{:.1}", v);
    let s = s.strip_suffix(".0").unwrap_or(&s).to_owned();
    if s == "-0" {
        "0".to_owned()
    } else {
        s
    }
}

/// At most `max` characters, the last one an ellipsis when cut; line breaks
/// and tabs become spaces.
fn truncate(text: &str, max: usize) -> String {
    let text: String = text
        .trim()
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if text.chars().count() <= max {
        return text;
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}\u{2026}", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::radar_layout::{place, RadarItem};
    use atelier_core::radar::{Adoption, HypeStage, Judgement};

    fn labels() -> RadarLabels {
        RadarLabels {
            title: "Radar des technologies".into(),
            adopt: "Adopter".into(),
            trial: "Expérimenter".into(),
            assess: "Évaluer".into(),
            hold: "Attendre".into(),
            online: "En ligne".into(),
            live: "Synchrone".into(),
            immersive: "Immersif".into(),
            social: "Social".into(),
            buzz: "Buzz".into(),
            trend: "Tendance".into(),
            too_early: "Trop tôt".into(),
            vendor: "Prestataire".into(),
            theme: "Thème".into(),
        }
    }

    fn item(
        key: &str,
        label: &str,
        kind: RadarItemKind,
        family: Family,
        j: (HypeStage, u16, u16, Adoption),
    ) -> RadarItem {
        RadarItem {
            key: key.into(),
            label: label.into(),
            kind,
            family,
            judgement: Judgement {
                hype: j.0,
                pilots: j.1,
                references: j.2,
                adoption: j.3,
                evidence: String::new(),
            },
        }
    }

    /// A dozen items across every family, ring and verdict.
    fn sample() -> Vec<RadarItem> {
        use Adoption as A;
        use Family as F;
        use HypeStage as H;
        use RadarItemKind::{Theme, Vendor};
        vec![
            item("1", "Rise Up", Vendor, F::Online, (H::Plateau, 3, 4, A::Mainstream)),
            item(
                "2",
                "Tuteurs IA génératifs",
                Theme,
                F::Online,
                (H::Peak, 1, 0, A::Early),
            ),
            item(
                "3",
                "Microlearning mobile",
                Theme,
                F::Online,
                (H::Slope, 2, 3, A::Growing),
            ),
            item(
                "4",
                "Classe virtuelle Klaxoon",
                Vendor,
                F::Live,
                (H::Plateau, 3, 4, A::Growing),
            ),
            item("5", "Hybride « comodal »", Theme, F::Live, (H::Trough, 0, 2, A::Early)),
            item(
                "6",
                "Réalité virtuelle",
                Theme,
                F::Immersive,
                (H::Trough, 2, 1, A::Early),
            ),
            item(
                "7",
                "Serious game Kahoot & Cie",
                Vendor,
                F::Immersive,
                (H::Peak, 0, 0, A::None),
            ),
            item("8", "Métavers", Theme, F::Immersive, (H::Peak, 0, 1, A::None)),
            item("9", "Mentorat inversé", Theme, F::Social, (H::Slope, 2, 4, A::Growing)),
            item(
                "10",
                "Communautés de pratique",
                Theme,
                F::Social,
                (H::Trigger, 1, 2, A::Early),
            ),
            item(
                "11",
                "Plateforme d'apprentissage social très très longue à nommer",
                Vendor,
                F::Social,
                (H::Trigger, 0, 1, A::None),
            ),
            item(
                "12",
                "Réalité augmentée terrain",
                Theme,
                F::Immersive,
                (H::Slope, 3, 2, A::Growing),
            ),
        ]
    }

    fn parse(svg: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(svg).expect("well-formed XML")
    }

    #[test]
    fn the_sample_is_well_formed_and_names_everything() {
        let labels = labels();
        let points = place(&sample());
        let svg = render(&points, &labels);
        let doc = parse(&svg);
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
        assert_eq!(root.attribute("viewBox"), Some("0 0 1000 760"));
        assert_eq!(root.attribute("width"), Some("1000"));
        assert!(!svg.contains("NaN") && !svg.contains("inf\""));
        assert!(!svg.contains("<script") && !svg.contains("href"));

        let text: String = doc
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join("\n");
        for word in labels.words() {
            assert!(text.contains(word), "{word} missing");
        }
        for p in &points {
            // Every label is whole in its marker's tooltip, escaped in the source.
            assert!(
                text.contains(&format!("{}. {} \u{2014}", p.number, p.label)),
                "{} missing",
                p.label
            );
            assert!(svg.contains(&one_line(&p.label)));
        }
        assert!(svg.contains("Serious game Kahoot &amp; Cie"));
        assert!(svg.contains("Plateforme d&apos;apprentissage"));
        // Long labels are cut in the legend.
        assert!(text.contains('\u{2026}'));
        // One marker per point.
        let tooltips = doc
            .descendants()
            .filter(|n| n.has_tag_name("title") && n.parent().is_some_and(|p| !p.has_tag_name("svg")))
            .count();
        assert_eq!(tooltips, points.len());
        assert_eq!(render(&points, &labels), svg, "deterministic");
    }

    #[test]
    fn hostile_text_is_escaped() {
        let mut labels = labels();
        labels.title = "<script>alert('x')</script> & \"co\"".into();
        labels.hold = "A\u{1}B\u{ffff}".into();
        let items = vec![item(
            "k",
            "<script>alert(1)</script> R&D",
            RadarItemKind::Theme,
            Family::Live,
            (HypeStage::Peak, 0, 0, Adoption::None),
        )];
        let svg = render(&place(&items), &labels);
        parse(&svg);
        assert!(!svg.contains("<script"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; R&amp;D"));
        assert!(svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;co&quot;"));
        assert!(svg.contains(">AB<"));
    }

    #[test]
    fn an_empty_radar_still_draws_rings_and_legend() {
        let labels = labels();
        let svg = render(&[], &labels);
        let doc = parse(&svg);
        let circles = doc.descendants().filter(|n| n.has_tag_name("circle")).count();
        assert!(circles >= 4 + 3, "four bands and the verdict swatches");
        assert!(svg.contains(&one_line(&labels.trend)));
        assert!(svg.contains(&labels.assess));
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn many_items_stay_on_the_canvas() {
        let items: Vec<RadarItem> = (0..200)
            .map(|i| {
                item(
                    &format!("{i:03}"),
                    &format!("Prestataire numéro {i} au nom interminable"),
                    if i % 2 == 0 {
                        RadarItemKind::Vendor
                    } else {
                        RadarItemKind::Theme
                    },
                    Family::ALL[i % 4],
                    (
                        HypeStage::ALL[i % 5],
                        (i % 4) as u16,
                        (i % 5) as u16,
                        Adoption::ALL[i % 4],
                    ),
                )
            })
            .collect();
        let svg = render(&place(&items), &labels());
        let doc = parse(&svg);
        for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
            let x: f64 = n.attribute("x").and_then(|v| v.parse().ok()).expect("x");
            let y: f64 = n.attribute("y").and_then(|v| v.parse().ok()).expect("y");
            assert!((0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y), "{x},{y}");
        }
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn odd_coordinates_are_drawn_on_the_disc() {
        let mut points = place(&sample());
        points[0].x = f64::NAN;
        points[1].y = f64::INFINITY;
        points[2].x = 7.0;
        let svg = render(&points, &labels());
        parse(&svg);
        assert!(!svg.contains("NaN") && !svg.contains("inf\""));
        assert_eq!(on_disc(3.0, 4.0), (0.6, 0.8));
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(truncate("abcdef", 4), "abc\u{2026}");
        assert_eq!(truncate(" ab\ncd ", 10), "ab cd");
    }
}
