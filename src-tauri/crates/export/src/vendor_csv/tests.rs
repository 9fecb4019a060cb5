//! The registry CSV, out and back in.

use super::read::{detect_delimiter, parse_key};
use super::*;
use atelier_core::ids::VendorId;
use atelier_core::person::{Organisation, Person, PersonDraft};
use atelier_core::scorecard::{default_criteria, Score};
use atelier_core::validation::{Rule, ValidationError};
use atelier_core::vendor::{Vendor, VendorDraft, VendorType, WatchStage};

fn contact(name: &str, job_title: &str, email: &str, phone: &str) -> Contact {
    Contact {
        name: name.into(),
        job_title: job_title.into(),
        email: email.into(),
        phone: phone.into(),
    }
}

/// A person of the directory working for `vendor`, from a contact line.
fn person_of(vendor: &Vendor, c: Contact) -> Person {
    let draft = PersonDraft {
        name: c.name,
        job_title: c.job_title,
        email: c.email,
        phone: c.phone,
        organisation: Some(Organisation::Vendor { vendor: vendor.id }),
        ..PersonDraft::default()
    };
    Person::create(draft, Default::default()).expect("valid")
}

/// A person as the contacts cell writes them.
fn as_contact(p: &Person) -> Contact {
    contact(&p.fields.name, &p.fields.job_title, &p.fields.email, &p.fields.phone)
}

fn vendor(name: &str, vendor_type: VendorType, stage: WatchStage) -> Vendor {
    let draft = VendorDraft {
        name: name.into(),
        vendor_type,
        modalities: Vec::new(),
        website: String::new(),
        country: String::new(),
        tags: Vec::new(),
    };
    let mut v = Vendor::create(draft, Default::default()).expect("valid");
    v.stage = stage;
    v
}

fn score(criterion: &str, score: u8) -> Score {
    Score {
        criterion: criterion.into(),
        score,
    }
}

/// Vendors, and their people, that exercise every awkward corner of the
/// format.
fn registry() -> (Vec<Vendor>, Vec<Person>) {
    let mut a = vendor("Société Œuvre « ça » €", VendorType::Startup, WatchStage::Evaluating);
    a.fields.modalities = vec![Modality::SeriousGame, Modality::ArVr, Modality::OnTheJob];
    a.fields.website = "https://exemple.fr/a;b,c?d=\"e\"".into();
    a.fields.country = "Côte d'Ivoire".into();
    a.fields.tags = vec!["Réalité, virtuelle".into(), "IA; générative".into(), "\"cité\"".into()];
    let mut people: Vec<Person> = [
        contact("Léa Çelik", "CEO", "lea@exemple.fr", "+33 1 23 45 67 89"),
        contact("Noël", "", "noel@exemple.fr", ""),
        contact("Zoé", "", "", ""),
    ]
    .into_iter()
    .map(|c| person_of(&a, c))
    .collect();
    a.scores = vec![score("price", 2), score("pedagogy", 5), score("maturity", 1)];
    let b = vendor(
        "Multi\nligne \"quoted\"; and, commas",
        VendorType::Freelance,
        WatchStage::Dropped,
    );
    people.push(person_of(&b, contact("A", "Role; with, seps", "a@b.co", "01")));
    let c = vendor("Plain", VendorType::Internal, WatchStage::Spotted);
    let mut all = vec![a, b, c];
    for (i, stage) in WatchStage::ALL.into_iter().enumerate() {
        let mut v = vendor(&format!("Stage {i}"), VendorType::Established, stage);
        v.fields.modalities = Modality::ALL.to_vec();
        v.scores = default_criteria()
            .iter()
            .map(|c| score(&c.key, u8::try_from(i % 5 + 1).expect("small")))
            .collect();
        all.push(v);
    }
    (all, people)
}

fn read(text: &str) -> Result<Vec<ImportedVendor>, CsvError> {
    read_registry(text.as_bytes(), &default_criteria(), &ValueNames::default())
}

fn err(text: &str) -> CsvError {
    read(text).expect_err("refused")
}

/// Scores in criteria order, as the import returns them.
fn in_criteria_order(scores: &[Score]) -> Vec<Score> {
    default_criteria()
        .iter()
        .filter_map(|c| scores.iter().find(|s| s.criterion == c.key).cloned())
        .collect()
}

#[test]
fn a_written_registry_reads_back_the_same() {
    let criteria = default_criteria();
    let (vendors, people) = registry();
    for dialect in [CsvDialect::Semicolon, CsvDialect::Comma] {
        let bytes = write_registry(&vendors, &people, &criteria, dialect);
        let rows = read_registry(&bytes, &criteria, &ValueNames::default()).expect("valid");
        assert_eq!(rows.len(), vendors.len());
        for (row, v) in rows.iter().zip(&vendors) {
            assert_eq!(row.id, Some(v.id));
            assert_eq!(row.draft, v.fields, "{dialect:?}");
            assert_eq!(row.stage, v.stage);
            assert_eq!(row.scores, in_criteria_order(&v.scores));
            let theirs: Vec<Contact> = people
                .iter()
                .filter(|p| p.fields.vendor() == Some(v.id))
                .map(as_contact)
                .collect();
            assert_eq!(row.contacts, theirs, "{dialect:?}");
        }
    }
}

#[test]
fn the_file_has_a_bom_crlf_and_the_dialect_s_separator() {
    let criteria = default_criteria();
    let (vendors, people) = registry();
    let fr = write_registry(&vendors, &people, &criteria, CsvDialect::Semicolon);
    assert!(fr.starts_with(UTF8_BOM));
    let text = std::str::from_utf8(&fr[3..]).expect("utf-8");
    assert!(text.starts_with(
        "id;name;type;stage;modalities;website;country;tags;contacts;score:pedagogy;score:learner_experience;\
         score:technical_integration;score:data_gdpr;score:price;score:support;score:maturity\r\n"
    ));
    assert!(text.ends_with("\r\n"));
    // Every line feed outside a quoted cell is preceded by a carriage return.
    let mut quoted = false;
    let mut previous = '\0';
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        assert!(quoted || c != '\n' || previous == '\r', "bare LF in {text}");
        previous = c;
    }
    let first = &vendors[0];
    let row = format!(
        "{};Société Œuvre « ça » €;startup;evaluating;serious_game | ar_vr | on_the_job;\
         \"https://exemple.fr/a;b,c?d=\"\"e\"\"\";Côte d'Ivoire;\
         \"Réalité, virtuelle | IA; générative | \"\"cité\"\"\";\
         \"Léa Çelik | CEO | lea@exemple.fr | +33 1 23 45 67 89\nNoël |  | noel@exemple.fr\nZoé\";\
         5;;;;2;;1\r\n",
        first.id
    );
    assert!(text.contains(&row), "{text}");

    let en = write_registry(&vendors, &people, &criteria, CsvDialect::Comma);
    let text = std::str::from_utf8(&en[3..]).expect("utf-8");
    assert!(text.starts_with("id,name,type,stage,modalities,website,country,tags,contacts,score:pedagogy,"));
    assert!(text.contains(",\"Réalité, virtuelle | IA; générative | \"\"cité\"\"\","));
    assert_eq!(CsvDialect::for_lang(Lang::Fr), CsvDialect::Semicolon);
    assert_eq!(CsvDialect::for_lang(Lang::En), CsvDialect::Comma);
}

#[test]
fn an_empty_registry_is_a_header_alone() {
    let bytes = write_registry(&[], &[], &[], CsvDialect::Comma);
    assert_eq!(
        bytes,
        b"\xEF\xBB\xBFid,name,type,stage,modalities,website,country,tags,contacts\r\n"
    );
    assert_eq!(read_registry(&bytes, &[], &ValueNames::default()), Ok(Vec::new()));
}

#[test]
fn windows_1252_files_keep_their_accents() {
    let bytes = b"Nom;Type;Pays\r\nSoci\xE9t\xE9 \x9Cuvre \x80;startup;Cura\xE7ao\r\n";
    let rows = read_registry(bytes, &[], &ValueNames::default()).expect("valid");
    assert_eq!(rows[0].draft.name, "Société œuvre €");
    assert_eq!(rows[0].draft.country, "Curaçao");
}

#[test]
fn utf16_files_with_a_bom_are_read() {
    let text = "\u{feff}name\ttype\r\nÉcole ç\tinternal\r\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for bytes in [le, be] {
        let rows = read_registry(&bytes, &[], &ValueNames::default()).expect("valid");
        assert_eq!(rows[0].draft.name, "École ç");
        assert_eq!(rows[0].draft.vendor_type, VendorType::Internal);
    }
    let unpaired: Vec<u8> = [0xFEFF_u16, u16::from(b'n'), 0xD800, u16::from(b'\n')]
        .into_iter()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(
        read_registry(&unpaired, &[], &ValueNames::default())
            .expect_err("bad")
            .problem,
        CsvProblem::Malformed
    );
}

#[test]
fn the_separator_is_guessed_from_the_header() {
    for (text, name) in [
        ("name;country\nA, B;France\n", "A, B"),
        ("name,country\n\"A; B\",France\n", "A; B"),
        ("name\tcountry\nA; B, C\tFrance\n", "A; B, C"),
        ("name\nA, B\n", "A, B"),
    ] {
        let rows = read(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(rows[0].draft.name, name, "{text:?}");
    }
    assert_eq!(detect_delimiter("\"a;b;c\",d,e\n"), b',');
    assert_eq!(detect_delimiter("\r\n\u{feff}a\tb;c\td\n;;;;"), b'\t');
}

#[test]
fn headers_are_forgiving_and_missing_columns_take_defaults() {
    let text = "  NOM ; Étape;Modalités;Site web;PAYS;etiquettes; Score: Pedagogy \r\n\
                Immersia;Serious-Game | VR;Piloting;x;y;a | b | A;4\r\n";
    // Columns in a different order than the export: the stage column
    // holds modalities here and must be refused as such.
    assert_eq!(
        err(text),
        CsvError {
            line: 2,
            column: Some("stage".into()),
            problem: CsvProblem::InvalidValue {
                value: "Serious-Game | VR".into()
            },
        }
    );
    let text = "  NOM ; Étape;Modalités;Site web;PAYS;etiquettes; Score: Pedagogy \r\n\
                Immersia;Piloting;Serious-Game | AR VR | on the job;x.io;y;a | b | A;4\r\n\
                Autre;;;;;;\r\n";
    let rows = read(text).expect("valid");
    let r = &rows[0];
    assert_eq!(r.draft.name, "Immersia");
    assert_eq!(r.draft.vendor_type, VendorType::Established);
    assert_eq!(r.stage, WatchStage::Piloting);
    assert_eq!(
        r.draft.modalities,
        [Modality::SeriousGame, Modality::ArVr, Modality::OnTheJob]
    );
    assert_eq!((r.draft.website.as_str(), r.draft.country.as_str()), ("x.io", "y"));
    assert_eq!(r.draft.tags, ["a", "b"]);
    assert_eq!(r.scores, [score("pedagogy", 4)]);
    assert_eq!(r.id, None);
    assert_eq!(rows[1].stage, WatchStage::Spotted);
    assert!(rows[1].draft.modalities.is_empty() && rows[1].draft.tags.is_empty());
    assert!(rows[1].scores.is_empty());
    let rows = read("site;etape;nom\r\nw.fr;Referenced;N\r\n").expect("valid");
    assert_eq!(
        (rows[0].draft.website.as_str(), rows[0].stage),
        ("w.fr", WatchStage::Referenced)
    );
}

#[test]
fn contacts_read_one_per_line_with_trailing_fields_optional() {
    let text = "name;contacts\r\nA;\"Léa | CEO\r\n\r\n  Noël | | n@x.fr | 01  \nZoé\"\r\n";
    let rows = read(text).expect("valid");
    assert_eq!(
        rows[0].contacts,
        [
            contact("Léa", "CEO", "", ""),
            contact("Noël", "", "n@x.fr", "01"),
            contact("Zoé", "", "", "")
        ]
    );
}

#[test]
fn blank_lines_are_skipped() {
    let text = "\r\n;;\r\nname;type;country\r\n\r\nA;startup;\r\n;;\r\n  ; ;\r\n\r\nB;startup;\r\n\r\n";
    let rows = read(text).expect("valid");
    let names: Vec<(&str, u64)> = rows.iter().map(|r| (r.draft.name.as_str(), r.line)).collect();
    assert_eq!(names, [("A", 5), ("B", 9)]);
}

#[test]
fn an_empty_file_has_no_header() {
    for text in ["", "\r\n\n", ";;\r\n", "\u{feff}"] {
        assert_eq!(
            err(text),
            CsvError {
                line: 1,
                column: None,
                problem: CsvProblem::Empty
            },
            "{text:?}"
        );
    }
    assert_eq!(
        read_registry(UTF8_BOM, &[], &ValueNames::default())
            .expect_err("empty")
            .problem,
        CsvProblem::Empty
    );
}

#[test]
fn header_problems_name_the_column() {
    let at = |line, column: &str, problem| CsvError {
        line,
        column: Some(column.into()),
        problem,
    };
    assert_eq!(err("id;type\r\nx;y\r\n"), at(1, "name", CsvProblem::MissingColumn));
    assert_eq!(err("name;colour\r\n"), at(1, "colour", CsvProblem::UnknownColumn));
    assert_eq!(err("\r\nname;;type\r\n"), at(2, "", CsvProblem::UnknownColumn));
    assert_eq!(
        err("name;score:nope\r\n"),
        at(1, "score:nope", CsvProblem::UnknownColumn)
    );
    assert_eq!(err("name;type; Nom \r\n"), at(1, "Nom", CsvProblem::RepeatedColumn));
    assert_eq!(
        err("name;score:price;SCORE: price\r\n"),
        at(1, "SCORE: price", CsvProblem::RepeatedColumn)
    );
}

#[test]
fn a_row_of_the_wrong_length_is_refused() {
    assert_eq!(
        err("name;type\r\nA;startup\r\nB\r\n"),
        CsvError {
            line: 3,
            column: None,
            problem: CsvProblem::FieldCount { expected: 2, found: 1 }
        }
    );
    assert_eq!(
        err("name;type\nA;startup;x\n").problem,
        CsvProblem::FieldCount { expected: 2, found: 3 }
    );
}

#[test]
fn an_unclosed_quote_is_malformed_at_its_record() {
    let text = "name;type\r\nA;startup\r\n\"B;startup\r\nC;startup\r\n";
    assert_eq!(
        err(text),
        CsvError {
            line: 3,
            column: None,
            problem: CsvProblem::Malformed
        }
    );
    assert_eq!(err("\"name;type\r\nA;startup\r\n").line, 1);
    // Earlier problems win over the unclosed quote further down.
    assert_eq!(err("name;type\r\nA;nope\r\n\"B;startup\r\n").line, 2);
    // Quotes inside a cell, or doubled, are not unclosed quotes.
    let rows = read("name;type\r\nA \"x;startup\r\n\"B \"\"y\"\"\";startup\r\n\"C\"z;startup\r\n").expect("valid");
    let names: Vec<&str> = rows.iter().map(|r| r.draft.name.as_str()).collect();
    assert_eq!(names, ["A \"x", "B \"y\"", "Cz"]);
}

#[test]
fn invalid_values_name_their_line_and_column() {
    let bad = |row: &str| {
        let text = format!(
            "id;name;type;stage;modalities;contacts;score:price\r\n\
             ;Ok;startup;;;;\r\n\
             \r\n\
             {row}\r\n"
        );
        let e = err(&text);
        assert_eq!(e.line, 4, "{row}");
        (e.column.unwrap_or_default(), e.problem)
    };
    let invalid = |column: &str, value: &str| {
        (
            column.to_owned(),
            CsvProblem::InvalidValue {
                value: value.to_owned(),
            },
        )
    };
    assert_eq!(bad(";A;Nope;;;;"), invalid("type", "Nope"));
    assert_eq!(bad(";A; ;;;;"), invalid("type", ""));
    assert_eq!(bad(";A;startup;later;;;"), invalid("stage", "later"));
    assert_eq!(bad(";A;startup;;mooc | hologram;;"), invalid("modalities", "hologram"));
    assert_eq!(bad("not-an-id;A;startup;;;;"), invalid("id", "not-an-id"));
    assert_eq!(bad(";A;startup;;;;6"), invalid("score:price", "6"));
    assert_eq!(bad(";A;startup;;;;0"), invalid("score:price", "0"));
    assert_eq!(bad(";A;startup;;;;3.5"), invalid("score:price", "3.5"));
    assert_eq!(bad(";A;startup;;;;good"), invalid("score:price", "good"));
    assert_eq!(
        bad(";A;startup;;;\"Léa\nB | r | e@x.fr | 01 | extra\";"),
        invalid("contacts", "B | r | e@x.fr | 01 | extra")
    );
}

#[test]
fn lines_count_from_where_a_record_starts_past_multi_line_cells() {
    let text = "name;type;contacts\r\n\
                A;startup;\"Léa\r\nNoël\r\nZoé\"\r\n\
                B;startup;\"one\ntwo\"\r\n\
                C;unknown;\r\n";
    assert_eq!(err(text).line, 7);
    let text = text.replace("\r\n", "\n");
    assert_eq!(err(&text).line, 7);
    let rows = read("name;contacts\n\"A\";\"x\ny\"\n\nB;z\n").expect("valid");
    assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 5]);
}

#[test]
fn rows_are_checked_like_the_vendor_form() {
    let e = err("name;type\r\nA;startup\r\n  ;startup\r\n");
    assert_eq!(e.line, 3);
    let CsvProblem::Invalid { issues } = e.problem else {
        panic!("{e}")
    };
    assert_eq!((issues[0].field.as_str(), issues[0].rule), ("name", Rule::Required));

    let e = err("name;contacts\r\nA;Léa | CEO | not-an-email\r\n");
    let CsvProblem::Invalid { issues } = e.problem else {
        panic!("{e}")
    };
    assert_eq!(issues[0].rule, Rule::InvalidEmail);
    let long = "x".repeat(201);
    assert!(matches!(
        err(&format!("name\r\n{long}\r\n")).problem,
        CsvProblem::Invalid { .. }
    ));
}

#[test]
fn the_same_vendor_twice_is_refused() {
    let e = err("name;type\r\nSociété Générale;startup\r\nAutre;startup\r\n  SOCIETE generale ;startup\r\n");
    assert_eq!(
        e,
        CsvError {
            line: 4,
            column: Some("name".into()),
            problem: CsvProblem::DuplicateRow { first_line: 2 }
        }
    );
    let id = VendorId::new();
    let e = err(&format!("id;name\r\n{id};A\r\n\r\n{id};B\r\n"));
    assert_eq!(
        e,
        CsvError {
            line: 4,
            column: Some("id".into()),
            problem: CsvProblem::DuplicateRow { first_line: 2 }
        }
    );
}

#[test]
fn more_than_the_row_limit_is_refused() {
    let mut text = String::from("name\r\n");
    for i in 0..IMPORT_ROWS_MAX {
        text.push_str(&format!("V{i}\r\n"));
    }
    assert_eq!(read(&text).expect("at the limit").len(), IMPORT_ROWS_MAX as usize);
    text.push_str("One too many\r\n");
    assert_eq!(
        err(&text),
        CsvError {
            line: u64::from(IMPORT_ROWS_MAX) + 2,
            column: None,
            problem: CsvProblem::TooManyRows { limit: IMPORT_ROWS_MAX }
        }
    );
}

#[test]
fn enum_keys_match_serde() {
    // `parse_key` goes through serde, so a written key that reads back
    // is the serde key.
    for m in Modality::ALL {
        assert_eq!(parse_key::<Modality>(modality_key(m)), Some(m));
    }
    for s in WatchStage::ALL {
        assert_eq!(parse_key::<WatchStage>(stage_key(s)), Some(s));
    }
    for t in [
        VendorType::Startup,
        VendorType::Established,
        VendorType::Freelance,
        VendorType::Internal,
    ] {
        assert_eq!(parse_key::<VendorType>(vendor_type_key(t)), Some(t));
    }
    assert_eq!(parse_key::<Modality>(" Serious game "), Some(Modality::SeriousGame));
    assert_eq!(parse_key::<Modality>("AR-VR"), Some(Modality::ArVr));
    assert_eq!(parse_key::<Modality>(""), None);
}

#[test]
fn values_read_as_the_names_the_app_shows_in_either_language() {
    let names = ValueNames {
        vendor_types: vec![(
            VendorType::Established,
            vec!["Acteur confirmé".into(), "Established player".into()],
        )],
        stages: vec![(WatchStage::Piloting, vec!["En pilote".into(), "Piloting".into()])],
        modalities: vec![
            (
                Modality::ArVr,
                vec!["Réalité augmentée / virtuelle".into(), "AR / VR".into()],
            ),
            (
                Modality::VirtualClass,
                vec!["Classe virtuelle".into(), "Virtual class".into()],
            ),
        ],
    };
    let text = "name;type;stage;modalities\r\n\
                Académie Plus; acteur CONFIRME ;en pilote;Classe virtuelle | realite augmentee / virtuelle | mooc\r\n\
                Ludik;startup;Piloting;\r\n";
    let rows = read_registry(text.as_bytes(), &[], &names).expect("valid");
    assert_eq!(rows[0].draft.vendor_type, VendorType::Established);
    assert_eq!(rows[0].stage, WatchStage::Piloting);
    assert_eq!(
        rows[0].draft.modalities,
        [Modality::Mooc, Modality::VirtualClass, Modality::ArVr],
        "in the order the vendor form keeps"
    );
    assert_eq!(rows[1].draft.vendor_type, VendorType::Startup, "keys still read");

    let unknown = "name;stage\r\nLudik;En test\r\n";
    assert_eq!(
        read_registry(unknown.as_bytes(), &[], &names)
            .expect_err("unknown")
            .problem,
        CsvProblem::InvalidValue {
            value: "En test".into()
        }
    );
    assert!(
        read_registry(text.as_bytes(), &[], &ValueNames::default()).is_err(),
        "without names, only keys are understood"
    );
}

#[test]
fn errors_cross_ipc_tagged_by_kind() {
    let json = |e: &CsvError| serde_json::to_value(e).expect("serialisable");
    let e = CsvError {
        line: 4,
        column: Some("type".into()),
        problem: CsvProblem::InvalidValue { value: "nope".into() },
    };
    assert_eq!(
        json(&e),
        serde_json::json!({"line": 4, "column": "type", "problem": {"kind": "invalid_value", "value": "nope"}})
    );
    let e = CsvError {
        line: 1,
        column: None,
        problem: CsvProblem::Empty,
    };
    assert_eq!(
        json(&e),
        serde_json::json!({"line": 1, "column": null, "problem": {"kind": "empty"}})
    );
    let e = CsvError {
        line: 5,
        column: Some("name".into()),
        problem: CsvProblem::DuplicateRow { first_line: 2 },
    };
    assert_eq!(
        json(&e)["problem"],
        serde_json::json!({"kind": "duplicate_row", "first_line": 2})
    );
    assert_eq!(
        serde_json::to_value(CsvDialect::Semicolon).expect("serialisable"),
        "semicolon"
    );
}

#[test]
fn errors_read_as_english_for_logs() {
    let e = CsvError {
        line: 4,
        column: Some("type".into()),
        problem: CsvProblem::InvalidValue { value: "nope".into() },
    };
    assert_eq!(e.to_string(), "line 4, column \"type\": invalid value \"nope\"");
    let e = CsvError {
        line: 2,
        column: None,
        problem: CsvProblem::FieldCount { expected: 3, found: 2 },
    };
    assert_eq!(e.to_string(), "line 2: expected 3 cells, found 2");
    let e = CsvError {
        line: 3,
        column: None,
        problem: CsvProblem::Invalid {
            issues: vec![ValidationError::new("name", Rule::Required)],
        },
    };
    assert_eq!(e.to_string(), "line 3: invalid vendor: name is required");
}
