//! Where each judged vendor or theme sits on the buzz-or-trend radar: the
//! rings' bands and the families' quarters on a unit disc, and the
//! placement of every item in its cell. Shared by the on-screen radar (the
//! app hands the points to the UI) and the SVG drawing; the judgement
//! itself (ring, verdict) is core's.

use std::f64::consts::{FRAC_PI_2, TAU};

use atelier_core::radar::{Family, Judgement, RadarItemKind, Ring, Verdict};
use atelier_core::text::fold;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Inner and outer radius of the ring's band on the unit disc: Adopt
/// 0–0.4, Trial 0.4–0.65, Assess 0.65–0.85, Hold 0.85–1. The centre is
/// widest because that is where the DLM looks first.
pub fn band(ring: Ring) -> (f64, f64) {
    match ring {
        Ring::Adopt => (0.0, 0.4),
        Ring::Trial => (0.4, 0.65),
        Ring::Assess => (0.65, 0.85),
        Ring::Hold => (0.85, 1.0),
    }
}

/// Start and end angle of the family's quarter, in radians, as `atan2(y,
/// x)` with y pointing down: `-π/2` is straight up and angles grow
/// clockwise on screen. Family `i` (its position in `Family::ALL`) spans
/// `-π/2 + i·π/2` to `-π/2 + (i+1)·π/2`, so Online is top-right, Live
/// bottom-right, Immersive bottom-left and Social top-left.
pub fn angles(family: Family) -> (f64, f64) {
    let i = Family::ALL.iter().position(|f| *f == family).unwrap_or(0);
    let i = f64::from(u8::try_from(i).unwrap_or(0));
    (-FRAC_PI_2 + i * FRAC_PI_2, -FRAC_PI_2 + (i + 1.0) * FRAC_PI_2)
}

/// What the app hands to [`place`]: one judged vendor or theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct RadarItem {
    /// Stable identity (e.g. the vendor id), the last tie-breaker of the order.
    pub key: String,
    /// The name drawn on the radar.
    pub label: String,
    pub kind: RadarItemKind,
    /// The sector it goes in.
    pub family: Family,
    pub judgement: Judgement,
}

/// A placed item. Coordinates are in a unit disc: centre (0,0), outer edge
/// radius 1, y pointing DOWN (SVG convention).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RadarPoint {
    /// The number drawn on the marker and in the legend, from 1.
    pub number: u32,
    pub key: String,
    pub label: String,
    pub kind: RadarItemKind,
    pub family: Family,
    pub ring: Ring,
    pub verdict: Verdict,
    /// Across, from -1 (left edge) to 1 (right edge).
    pub x: f64,
    /// Down, from -1 (top edge) to 1 (bottom edge).
    pub y: f64,
}

/// Every word drawn on the radar, in the DLM's language. The UI chooses them
/// and hands them to the export, which holds no translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct RadarLabels {
    /// Drawn on top of the picture.
    pub title: String,
    pub adopt: String,
    pub trial: String,
    pub assess: String,
    pub hold: String,
    pub online: String,
    pub live: String,
    pub immersive: String,
    pub social: String,
    pub buzz: String,
    pub trend: String,
    pub too_early: String,
    pub vendor: String,
    pub theme: String,
}

impl RadarLabels {
    /// Every word, for checks that apply to all of them.
    pub fn words(&self) -> [&str; 14] {
        [
            &self.title,
            &self.adopt,
            &self.trial,
            &self.assess,
            &self.hold,
            &self.online,
            &self.live,
            &self.immersive,
            &self.social,
            &self.buzz,
            &self.trend,
            &self.too_early,
            &self.vendor,
            &self.theme,
        ]
    }

    /// The word for a ring.
    pub fn ring(&self, r: Ring) -> &str {
        match r {
            Ring::Adopt => &self.adopt,
            Ring::Trial => &self.trial,
            Ring::Assess => &self.assess,
            Ring::Hold => &self.hold,
        }
    }

    /// The word for a family.
    pub fn family(&self, f: Family) -> &str {
        match f {
            Family::Online => &self.online,
            Family::Live => &self.live,
            Family::Immersive => &self.immersive,
            Family::Social => &self.social,
        }
    }

    /// The word for a verdict.
    pub fn verdict(&self, v: Verdict) -> &str {
        match v {
            Verdict::Buzz => &self.buzz,
            Verdict::Trend => &self.trend,
            Verdict::TooEarly => &self.too_early,
        }
    }

    /// The word for a kind of item.
    pub fn kind(&self, k: RadarItemKind) -> &str {
        match k {
            RadarItemKind::Vendor => &self.vendor,
            RadarItemKind::Theme => &self.theme,
        }
    }
}

/// Places every item on the radar, deterministically whatever the input order.
///
/// Items are sorted by family (sector order), ring (centre outwards), label
/// ignoring case and accents, then key, and numbered from 1 in that order.
/// The `n` items sharing a ring and a family are spread evenly across the
/// quarter, never on a sector line: up to three sit on the middle of the
/// band, the k-th (from 0) at angle `start + (k+1)/(n+1) × span`. More are
/// laid on two to four arcs across the band (whichever count keeps
/// neighbours furthest apart), each arc taking a share in proportion to its
/// length, spread the same way and staggered from the arc below; they are
/// numbered clockwise. The Adopt ring keeps its inner tenth of the radius
/// free. Every point stays strictly inside its band and its quarter.
pub fn place(items: &[RadarItem]) -> Vec<RadarPoint> {
    let mut judged: Vec<(&RadarItem, Ring, Verdict, String)> = items
        .iter()
        .map(|i| (i, i.judgement.ring(), i.judgement.verdict(), fold(&i.label)))
        .collect();
    judged.sort_by(|a, b| {
        (a.0.family, a.1, &a.3, &a.0.key, a.0.kind, a.2, &a.0.label)
            .cmp(&(b.0.family, b.1, &b.3, &b.0.key, b.0.kind, b.2, &b.0.label))
    });

    let mut points: Vec<RadarPoint> = Vec::with_capacity(judged.len());
    let mut start = 0;
    while start < judged.len() {
        let (family, ring) = (judged[start].0.family, judged[start].1);
        let end = judged[start..]
            .iter()
            .position(|j| (j.0.family, j.1) != (family, ring))
            .map_or(judged.len(), |p| start + p);
        let spots = cell_spots(ring, family, end - start);
        for ((item, ring, verdict, _), (x, y)) in judged[start..end].iter().zip(spots) {
            points.push(RadarPoint {
                number: u32::try_from(points.len() + 1).unwrap_or(u32::MAX),
                key: item.key.clone(),
                label: item.label.clone(),
                kind: item.kind,
                family: item.family,
                ring: *ring,
                verdict: *verdict,
                x,
                y,
            });
        }
        start = end;
    }
    points
}

/// Distance from the centre kept free in the Adopt ring: the four sectors
/// meet there, so markers would crowd each other and the sector lines.
const CENTRE_CLEAR: f64 = 0.1;

/// Where the `n` items of one (ring, family) cell go, as (x, y), in the order
/// the items are numbered.
fn cell_spots(ring: Ring, family: Family, n: usize) -> Vec<(f64, f64)> {
    let choices: &[usize] = if n <= 3 { &[1] } else { &[2, 3, 4] };
    let mut best: Option<(f64, Vec<(f64, f64)>)> = None;
    for &rows in choices {
        let spots = spots_in_rows(ring, family, n, rows);
        let gap = min_gap(&spots);
        if best.as_ref().is_none_or(|(g, _)| gap > *g) {
            best = Some((gap, spots));
        }
    }
    best.map(|(_, s)| s).unwrap_or_default()
}

/// `n` spots on `rows` arcs evenly spaced strictly inside the band, each arc
/// holding a share of the spots in proportion to its length, spread evenly
/// across the quarter and staggered from one arc to the next. Sorted
/// clockwise, so that numbers run clockwise through the cell.
fn spots_in_rows(ring: Ring, family: Family, n: usize, rows: usize) -> Vec<(f64, f64)> {
    let (lo, hi) = band(ring);
    let inner = if ring == Ring::Adopt { lo.max(CENTRE_CLEAR) } else { lo };
    let (a0, a1) = angles(family);
    let radii: Vec<f64> = (0..rows)
        .map(|j| inner + (j as f64 + 1.0) / (rows as f64 + 1.0) * (hi - inner))
        .collect();
    let counts = shares(n, &radii);
    let mut spots: Vec<(f64, f64)> = Vec::with_capacity(n);
    for (j, (&radius, &count)) in radii.iter().zip(&counts).enumerate() {
        let stagger = match (rows, j % 2) {
            (1, _) => 0.0,
            (_, 0) => -0.25,
            _ => 0.25,
        };
        for i in 0..count {
            spots.push((
                a0 + (i as f64 + 1.0 + stagger) / (count as f64 + 1.0) * (a1 - a0),
                radius,
            ));
        }
    }
    spots.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    spots
        .into_iter()
        .map(|(angle, radius)| (radius * angle.cos(), radius * angle.sin()))
        .collect()
}

/// `n` split in proportion to `weights` (largest remainders, ties to the
/// first), summing to `n`.
fn shares(n: usize, weights: &[f64]) -> Vec<usize> {
    let total: f64 = weights.iter().sum();
    let mut counts: Vec<usize> = vec![0; weights.len()];
    if total.is_nan() || total <= 0.0 {
        if let Some(first) = counts.first_mut() {
            *first = n;
        }
        return counts;
    }
    let exact: Vec<f64> = weights.iter().map(|w| n as f64 * w / total).collect();
    for (c, e) in counts.iter_mut().zip(&exact) {
        *c = e.floor() as usize;
    }
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor())
            .total_cmp(&(exact[a] - exact[a].floor()))
            .then(a.cmp(&b))
    });
    let given: usize = counts.iter().sum();
    for &j in order.iter().cycle().take(n.saturating_sub(given)) {
        counts[j] += 1;
    }
    counts
}

/// The smallest distance between two spots; infinite with fewer than two.
fn min_gap(spots: &[(f64, f64)]) -> f64 {
    let mut gap = f64::INFINITY;
    for (i, a) in spots.iter().enumerate() {
        for b in &spots[i + 1..] {
            gap = gap.min((a.0 - b.0).hypot(a.1 - b.1));
        }
    }
    gap
}

/// The polar angle of (x, y) brought into `[from, from + 2π)`, to compare
/// with a family's [`angles`].
pub fn angle_from(x: f64, y: f64, from: f64) -> f64 {
    let mut a = y.atan2(x);
    while a < from {
        a += TAU;
    }
    while a >= from + TAU {
        a -= TAU;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_core::radar::{Adoption, HypeStage};
    use proptest::prelude::*;

    fn judgement(hype: HypeStage, pilots: u16, references: u16, adoption: Adoption) -> Judgement {
        Judgement {
            hype,
            pilots,
            references,
            adoption,
            evidence: String::new(),
        }
    }

    fn item(key: &str, label: &str, family: Family, j: Judgement) -> RadarItem {
        RadarItem {
            key: key.into(),
            label: label.into(),
            kind: RadarItemKind::Vendor,
            family,
            judgement: j,
        }
    }

    fn assert_inside(p: &RadarPoint) {
        let (lo, hi) = band(p.ring);
        let r = p.x.hypot(p.y);
        assert!(r > lo && r < hi, "{} radius {r} outside {lo}–{hi}", p.label);
        let (a0, a1) = angles(p.family);
        let a = angle_from(p.x, p.y, a0);
        assert!(a > a0 && a < a1, "{} angle {a} outside {a0}–{a1}", p.label);
    }

    #[test]
    fn bands_and_sectors_tile_the_disc() {
        let mut outer = 0.0;
        for r in Ring::ALL {
            let (lo, hi) = band(r);
            assert_eq!(lo, outer);
            assert!(hi > lo);
            outer = hi;
        }
        assert_eq!(outer, 1.0);
        let mut end = -FRAC_PI_2;
        for f in Family::ALL {
            let (a0, a1) = angles(f);
            assert!((a0 - end).abs() < 1e-12);
            end = a1;
        }
        assert!((end - (TAU - FRAC_PI_2)).abs() < 1e-12);
        // Online is top-right, Live bottom-right, Immersive bottom-left, Social top-left.
        let quadrant = |f: Family| {
            let (a0, a1) = angles(f);
            let mid = (a0 + a1) / 2.0;
            (mid.cos() > 0.0, mid.sin() > 0.0)
        };
        assert_eq!(quadrant(Family::Online), (true, false));
        assert_eq!(quadrant(Family::Live), (true, true));
        assert_eq!(quadrant(Family::Immersive), (false, true));
        assert_eq!(quadrant(Family::Social), (false, false));
    }

    fn sample() -> Vec<RadarItem> {
        use HypeStage as H;
        vec![
            item(
                "v1",
                "Zeta",
                Family::Online,
                judgement(H::Plateau, 3, 4, Adoption::Growing),
            ),
            item(
                "v2",
                "Émile",
                Family::Online,
                judgement(H::Plateau, 3, 4, Adoption::Growing),
            ),
            item("v3", "alpha", Family::Online, judgement(H::Peak, 0, 0, Adoption::None)),
            item(
                "v4",
                "VR",
                Family::Immersive,
                judgement(H::Trough, 0, 1, Adoption::None),
            ),
            item(
                "v5",
                "Mentorat",
                Family::Social,
                judgement(H::Trigger, 1, 1, Adoption::Early),
            ),
            item(
                "v6",
                "Classe virtuelle",
                Family::Live,
                judgement(H::Slope, 2, 2, Adoption::Mainstream),
            ),
            item("v0", "alpha", Family::Online, judgement(H::Peak, 0, 0, Adoption::None)),
        ]
    }

    #[test]
    fn points_are_numbered_in_a_fixed_order_and_lie_in_their_cell() {
        let points = place(&sample());
        let order: Vec<(u32, &str, &str)> = points
            .iter()
            .map(|p| (p.number, p.key.as_str(), p.label.as_str()))
            .collect();
        assert_eq!(
            order,
            [
                (1, "v2", "Émile"),
                (2, "v1", "Zeta"),
                (3, "v0", "alpha"),
                (4, "v3", "alpha"),
                (5, "v6", "Classe virtuelle"),
                (6, "v4", "VR"),
                (7, "v5", "Mentorat"),
            ]
        );
        assert_eq!(points[0].ring, Ring::Adopt);
        assert_eq!(points[0].verdict, Verdict::Trend);
        assert_eq!(points[2].ring, Ring::Hold);
        assert_eq!(points[2].verdict, Verdict::Buzz);
        points.iter().for_each(assert_inside);

        let mut reversed = sample();
        reversed.reverse();
        assert_eq!(place(&reversed), points);
        let mut rotated = sample();
        rotated.rotate_left(3);
        assert_eq!(place(&rotated), points);
        assert!(place(&[]).is_empty());
    }

    #[test]
    fn a_crowded_cell_keeps_every_point_inside_and_apart() {
        for ring_judgement in [
            judgement(HypeStage::Plateau, 3, 4, Adoption::Mainstream),
            judgement(HypeStage::Trough, 0, 0, Adoption::None),
        ] {
            for family in Family::ALL {
                let items: Vec<RadarItem> = (0..30)
                    .map(|i| {
                        item(
                            &format!("k{i:02}"),
                            &format!("Item {i:02}"),
                            family,
                            ring_judgement.clone(),
                        )
                    })
                    .collect();
                let points = place(&items);
                assert_eq!(points.len(), 30);
                points.iter().for_each(assert_inside);
                for (i, a) in points.iter().enumerate() {
                    for b in &points[i + 1..] {
                        assert!(
                            (a.x - b.x).hypot(a.y - b.y) > 1e-3,
                            "{} and {} coincide",
                            a.label,
                            b.label
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn small_cells_sit_on_the_middle_of_the_band() {
        let j = judgement(HypeStage::Trigger, 0, 1, Adoption::None);
        let items: Vec<RadarItem> = (0..3)
            .map(|i| item(&i.to_string(), "x", Family::Live, j.clone()))
            .collect();
        for p in place(&items) {
            assert!((p.x.hypot(p.y) - 0.75).abs() < 1e-9);
        }
    }

    #[test]
    fn shares_add_up_and_follow_the_weights() {
        assert_eq!(shares(10, &[1.0, 1.0]), [5, 5]);
        assert_eq!(shares(5, &[1.0, 1.0]), [3, 2]);
        assert_eq!(shares(6, &[1.0, 2.0]), [2, 4]);
        assert_eq!(shares(7, &[0.2, 0.3, 0.5]), [1, 2, 4]);
        assert_eq!(shares(3, &[0.0, 0.0]), [3, 0]);
        for n in 0..50 {
            assert_eq!(shares(n, &[0.3, 0.5, 0.7, 0.9]).iter().sum::<usize>(), n);
        }
    }

    fn any_judgement() -> impl Strategy<Value = Judgement> {
        (0usize..5, any::<u16>(), any::<u16>(), 0usize..4)
            .prop_map(|(h, p, r, a)| judgement(HypeStage::ALL[h], p, r, Adoption::ALL[a]))
    }

    proptest! {
        #[test]
        fn places_are_always_inside_their_cell_and_fixed(
            items in prop::collection::vec((any_judgement(), 0usize..4, "[a-dé ]{0,3}", any::<bool>()), 0..40)
        ) {
            let items: Vec<RadarItem> = items.into_iter().enumerate().map(|(i, (j, f, label, theme))| {
                let mut it = item(&format!("{i}"), &label, Family::ALL[f], j);
                if theme { it.kind = RadarItemKind::Theme; }
                it
            }).collect();
            let points = place(&items);
            prop_assert_eq!(points.len(), items.len());
            for (i, p) in points.iter().enumerate() {
                prop_assert_eq!(p.number as usize, i + 1);
                prop_assert!(p.x.is_finite() && p.y.is_finite());
                let (lo, hi) = band(p.ring);
                let r = p.x.hypot(p.y);
                prop_assert!(r > lo && r < hi);
                let (a0, a1) = angles(p.family);
                let a = angle_from(p.x, p.y, a0);
                prop_assert!(a > a0 && a < a1);
            }
            let mut shuffled = items.clone();
            shuffled.reverse();
            prop_assert_eq!(place(&shuffled), points);
        }
    }
}
