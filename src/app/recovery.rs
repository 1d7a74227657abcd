//! The recovery copy: while there are unsaved changes the working copy is written to the
//! user's data folder every few seconds, and the next start offers to restore it.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::store::{self, TomFile};

/// Environment variable that overrides the data folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "TOMWERK_DATA_DIR";

/// A recovery copy found at start-up.
#[derive(Debug, Clone)]
pub struct Found {
    /// The unsaved file content.
    pub file: TomFile,
    /// The file it belongs to; `None` for a document that was never saved.
    pub origin: Option<PathBuf>,
    /// When it was written.
    pub modified: Option<SystemTime>,
}

/// The recovery folder.
#[derive(Debug, Clone)]
pub struct Recovery {
    dir: PathBuf,
}

impl Recovery {
    /// Recovery in `dir` (created on first write).
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The data folder: `$TOMWERK_DATA_DIR`, else the platform's (e.g.
    /// `~/.local/share/tomwerk`), else a folder in the temp dir.
    pub fn default_dir() -> PathBuf {
        if let Some(d) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
            return PathBuf::from(d);
        }
        directories::ProjectDirs::from("", "", "tomwerk")
            .map(|p| p.data_dir().to_owned())
            .unwrap_or_else(|| std::env::temp_dir().join("tomwerk"))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn copy_path(&self) -> PathBuf {
        self.dir.join("recovery.tom")
    }

    fn origin_path(&self) -> PathBuf {
        self.dir.join("recovery-origin.txt")
    }

    /// Writes the working copy (atomically) and the path it belongs to.
    pub fn write(&self, file: &TomFile, origin: Option<&Path>) -> Result<(), String> {
        std::fs::create_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        let origin_text = origin
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The origin first: a crash between the two writes leaves a copy that names the
        // right file, or the previous copy with the previous name.
        store::write_atomic(&self.origin_path(), origin_text.as_bytes())
            .map_err(|e| format!("{}: {e}", self.origin_path().display()))?;
        store::save(&self.copy_path(), file).map_err(|e| e.to_string())
    }

    /// The recovery copy, if one is there and readable.
    pub fn find(&self) -> Option<Found> {
        let path = self.copy_path();
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        let file = store::load(&path).ok()?;
        let origin = std::fs::read_to_string(self.origin_path())
            .ok()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        Some(Found {
            file,
            origin,
            modified,
        })
    }

    /// Removes the copy (after a save, or when the user discards it).
    pub fn clear(&self) {
        // Absent files are fine: there was nothing to recover.
        let _ = std::fs::remove_file(self.copy_path());
        let _ = std::fs::remove_file(self.origin_path());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_find_clear() {
        let dir = tempfile::tempdir().unwrap();
        let r = Recovery::new(dir.path().join("sub"));
        assert!(r.find().is_none());
        let mut file = store::example();
        file.working.meta.organisation.name = "Wiederhergestellt GmbH".into();
        r.write(&file, Some(Path::new("/x/y.tom"))).unwrap();
        let found = r.find().unwrap();
        assert_eq!(
            found.file.working.meta.organisation.name,
            "Wiederhergestellt GmbH"
        );
        assert_eq!(found.origin.as_deref(), Some(Path::new("/x/y.tom")));
        r.clear();
        assert!(r.find().is_none());
    }

    #[test]
    fn a_corrupt_copy_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let r = Recovery::new(dir.path().to_owned());
        std::fs::write(dir.path().join("recovery.tom"), "garbage").unwrap();
        assert!(r.find().is_none());
    }
}
