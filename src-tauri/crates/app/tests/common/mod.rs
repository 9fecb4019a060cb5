//! What the app's integration tests share (each uses a part of it).
#![allow(dead_code)]

use atelier_app::Atelier;
use atelier_core::vendor::VendorType;
use atelier_core::SaveOptions;
use atelier_core::{Modality, ProjectDraft, ProjectId, VendorDraft, VendorId};

/// A fresh database holding one project titled "Parcours".
pub fn open_with_project() -> (tempfile::TempDir, Atelier, ProjectId) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let p = app
        .create_project(
            ProjectDraft {
                title: "Parcours".into(),
                ..Default::default()
            },
            &SaveOptions::default(),
        )
        .expect("creates");
    (dir, app, p.id)
}

/// Adds a vendor with only a name, a type and modalities.
pub fn vendor(app: &Atelier, name: &str, vendor_type: VendorType, modalities: Vec<Modality>) -> VendorId {
    app.create_vendor(VendorDraft {
        name: name.into(),
        vendor_type,
        modalities,
        website: String::new(),
        country: String::new(),
        tags: vec![],
    })
    .expect("adds")
    .id
}
