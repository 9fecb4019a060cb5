//! The small, closed world typst compiles in: the embedded template as the
//! only source file, the data as one virtual JSON file, the embedded fonts,
//! and nothing else — no disk, no packages, no clock — so that what is
//! printed depends on the document alone.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, PathError, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The template that lays the data out.
const TEMPLATE: &str = include_str!("brief.typ");

/// Where the template finds the data (`json("/data.json")` in the template).
const DATA_PATH: &str = "/data.json";

/// The template's own path.
const MAIN_PATH: &str = "/brief.typ";

/// Noto Sans in its four styles and Noto Sans Mono (OFL, see `fonts/OFL.txt`).
const FONT_FILES: [&[u8]; 5] = [
    include_bytes!("../../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../../fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../../fonts/NotoSans-BoldItalic.ttf"),
    include_bytes!("../../../fonts/NotoSansMono-Regular.ttf"),
];

/// The standard library, built once: building it is not free and it never
/// changes.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The embedded fonts, parsed once for the life of the process.
static FONTS: LazyLock<Fonts> = LazyLock::new(Fonts::embedded);

/// The template's and the data's file ids, and the template parsed once
/// (typst then reuses what it memoised about it from one export to the
/// next).
static FILES: LazyLock<Result<Files, PathError>> = LazyLock::new(Files::new);

/// The fonts typst may use, and their metadata for font selection.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Fonts {
    /// Parses the embedded font files (a file typst cannot read is left
    /// out; the tests check that every style is there).
    fn embedded() -> Self {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Self { book, fonts }
    }
}

/// The two files of every compilation.
struct Files {
    main: FileId,
    data: FileId,
    template: Source,
}

impl Files {
    /// Interns the two paths and parses the template.
    fn new() -> Result<Self, PathError> {
        let main = project_file(MAIN_PATH)?;
        let data = project_file(DATA_PATH)?;
        Ok(Self {
            main,
            data,
            template: Source::new(main, TEMPLATE.to_owned()),
        })
    }
}

/// The id of a file at `path` in the project's root.
fn project_file(path: &str) -> Result<FileId, PathError> {
    Ok(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path)?).intern())
}

/// One compilation's world: the shared template and fonts, and this
/// document's data.
pub(super) struct BriefWorld {
    files: &'static Files,
    data: Bytes,
}

impl BriefWorld {
    /// A world whose `/data.json` holds `data` (the serialised input of the
    /// template).
    pub(super) fn new(data: Vec<u8>) -> Result<Self, PathError> {
        let files = FILES.as_ref().map_err(|e| *e)?;
        Ok(Self {
            files,
            data: Bytes::new(data),
        })
    }
}

impl World for BriefWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.files.main
    }

    /// Only the template is a source file; the data is read by `json`, not
    /// evaluated.
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.files.main {
            Ok(self.files.template.clone())
        } else if id == self.files.data {
            Err(FileError::NotSource)
        } else {
            Err(FileError::AccessDenied)
        }
    }

    /// The template's text or the data; any other path is refused.
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.files.data {
            Ok(self.data.clone())
        } else if id == self.files.main {
            Ok(Bytes::from_string(self.files.template.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    /// No clock: the document carries its own dates, and the same document
    /// must print the same whenever it is exported.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_style_is_in_the_font_book() {
        assert_eq!(FONTS.fonts.len(), FONT_FILES.len());
        let families: Vec<&str> = FONTS.book.families().map(|(name, _)| name).collect();
        assert!(families.contains(&"Noto Sans"), "{families:?}");
        assert!(families.contains(&"Noto Sans Mono"), "{families:?}");
    }

    #[test]
    fn nothing_outside_the_two_files_is_readable() {
        let world = BriefWorld::new(b"{}".to_vec()).expect("the paths are valid");
        let other = project_file("/etc/passwd").expect("a valid path");
        assert!(world.file(other).is_err());
        assert!(world.source(other).is_err());
        assert_eq!(
            world.file(world.files.data).expect("the data is readable").as_slice(),
            b"{}"
        );
    }
}
