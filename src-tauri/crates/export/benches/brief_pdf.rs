//! How long a full project brief takes to become a PDF once typst is warm
//! (fonts parsed, template memoised): the time a DLM waits on "Export PDF".
//! Target: ≤ 200 ms for an edited brief on a 2-core machine.

use atelier_export::document::{pdf, Align, Bar, BarChart, Block, Column, Document, Fact, Span, Table};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

/// A full brief's worth: 12 sections of styled paragraphs and lists, the
/// cover's facts, a 50-row task table, a 20-row and a 10-row table, and two
/// charts.
fn brief() -> Document {
    let mut blocks = vec![facts()];
    for section in 1..=12u32 {
        blocks.push(Block::Heading {
            level: 1,
            text: format!("Section {section} — objectifs et périmètre"),
        });
        blocks.push(paragraph(section));
        blocks.push(Block::Heading {
            level: 2,
            text: format!("Points clés de la section {section}"),
        });
        blocks.push(Block::List {
            ordered: section % 2 == 0,
            items: (1..=4)
                .map(|i| {
                    vec![Span::plain(format!(
                        "Point {i} : une action concrète à mener, mesurable"
                    ))]
                })
                .collect(),
        });
        blocks.push(paragraph(section + 100));
        match section {
            3 => blocks.push(table(&["Tâche", "Responsable", "Début", "Fin", "Charge"], 50)),
            6 => blocks.push(table(&["Indicateur", "Niveau", "Cible", "Mesure", "Écart"], 20)),
            8 => blocks.push(table(&["Fournisseur", "Contrat", "Début", "Fin", "Montant"], 10)),
            9 | 11 => blocks.push(Block::Chart(chart(section))),
            _ => {}
        }
    }
    Document {
        lang: "fr",
        title: "Accueil des nouveaux managers — note de cadrage".into(),
        subtitle: "Sponsor\u{a0}: Direction des ressources humaines · du 3 mars au 30 juin 2025".into(),
        header: "Accueil des nouveaux managers — note de cadrage".into(),
        footer: "Atelier · document de travail".into(),
        page_word: "Page".into(),
        blocks,
    }
}

/// The cover's label–value pairs.
fn facts() -> Block {
    let fact = |label: &str, value: &str| Fact {
        label: label.into(),
        value: value.into(),
    };
    Block::Facts {
        facts: vec![
            fact("Sponsor", "Claire Dubois, DRH"),
            fact("Chef de projet", "Élodie Martin"),
            fact("Dates", "du 3\u{a0}mars au 30\u{a0}juin 2025"),
            fact("Budget", "48\u{202f}500\u{a0}€"),
            fact("Statut", "En conception"),
        ],
    }
}

/// A paragraph mixing plain, bold, italic, code and a link.
fn paragraph(seed: u32) -> Block {
    Block::Paragraph {
        spans: vec![
            Span::plain(format!(
                "Le dispositif n°\u{a0}{seed} accompagne les managers pendant leurs cent premiers jours\u{202f}; il \
                 s’appuie sur des modules courts, des "
            )),
            Span::bold("rituels d’équipe"),
            Span::plain(" et un "),
            Span {
                text: "parcours en ligne".into(),
                italic: true,
                ..Span::default()
            },
            Span::plain(" publié sous "),
            Span {
                text: "LMS/accueil-managers".into(),
                code: true,
                ..Span::default()
            },
            Span::plain(". Voir le "),
            Span {
                text: "guide de déploiement".into(),
                link: Some("https://intranet.example/guide".into()),
                ..Span::default()
            },
            Span::plain(" pour le détail des étapes, des responsabilités et des jalons de validation."),
        ],
    }
}

/// A table of `rows` rows under `titles`, the last column figures.
fn table(titles: &[&str], rows: usize) -> Block {
    let last = titles.len() - 1;
    Block::Table(Table {
        columns: titles
            .iter()
            .enumerate()
            .map(|(i, title)| Column {
                title: (*title).into(),
                align: if i == last { Align::Right } else { Align::Left },
                weight: if i == 0 { 3 } else { 1 },
            })
            .collect(),
        rows: (1..=rows)
            .map(|r| {
                (0..titles.len())
                    .map(|i| match i {
                        0 => format!("Ligne {r} : préparer, relire et valider le livrable"),
                        _ if i == last => format!("{}\u{202f}{}00\u{a0}€", r, r % 10),
                        _ => format!("{}\u{a0}avril", r % 28 + 1),
                    })
                    .collect()
            })
            .collect(),
    })
}

/// A chart of eight bars with targets.
fn chart(seed: u32) -> BarChart {
    BarChart {
        caption: format!("Taux de complétion par module (graphique {seed}), cible en trait noir"),
        max: 100,
        bars: (1..=8)
            .map(|i| {
                let value = (i * 13 + seed * 7) % 100;
                Bar {
                    label: format!("Module {i}"),
                    value,
                    value_text: format!("{value}\u{202f}%"),
                    target: Some(70),
                }
            })
            .collect(),
    }
}

/// `pdf::write` on the brief, after a first run that warms typst up
/// (fonts parsed, template evaluated): once on the same brief again (typst
/// reuses its whole layout), once on a brief edited before each export
/// (the DLM's case: new data is laid out anew).
fn write_brief(c: &mut Criterion) {
    let doc = brief();
    // Fail loudly here rather than measure an error path.
    if let Err(e) = pdf::write(&doc) {
        panic!("the brief does not typeset: {e}");
    }
    c.bench_function("pdf::write (full brief, same again)", |b| b.iter(|| pdf::write(&doc)));
    let mut edition = 0u64;
    c.bench_function("pdf::write (full brief, edited)", |b| {
        b.iter_batched(
            || {
                edition += 1;
                Document {
                    subtitle: format!("{} · version {edition}", doc.subtitle),
                    ..doc.clone()
                }
            },
            |edited| pdf::write(&edited),
            BatchSize::SmallInput,
        )
    });
}

criterion_group!(benches, write_brief);
criterion_main!(benches);
