//! Writing a file the DLM asked for (a brief, a calendar, a report, an
//! archive, the registry, the radar) so
//! that it is whole or absent: the bytes go to `<name>.part` beside it,
//! which then replaces the file. A failed or interrupted write never
//! leaves half a document under the name the DLM chose.

use std::path::Path;

use crate::{AppError, Result};

/// Writes `bytes` to `path` whole; an error names `path`.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut part = path.as_os_str().to_owned();
    part.push(".part");
    let part = Path::new(&part);
    let written = std::fs::write(part, bytes).and_then(|()| std::fs::rename(part, path));
    written.map_err(|e| {
        // Best effort: the part may not exist (the write itself failed).
        let _ = std::fs::remove_file(part);
        AppError::file(path, &e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_a_failure_leaves_nothing_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("fiche.md");
        std::fs::write(&path, "ancienne").expect("an older file");
        write_whole(&path, b"nouvelle").expect("writes");
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "nouvelle");
        let blocked = dir.path().join("dossier");
        std::fs::create_dir(&blocked).expect("a folder in the way");
        let Err(AppError::File { path: named, .. }) = write_whole(&blocked, b"x") else {
            panic!("refused")
        };
        assert_eq!(named, blocked);
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("lists").collect();
        assert_eq!(left.len(), 2, "no .part left behind");
    }
}
