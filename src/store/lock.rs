//! Exclusive advisory locks around a read-modify-write of a `.tom` file, and the check just
//! before the rename that the file on disk is still the one that was read.
//!
//! Two `tomwerk release` runs on one file used to both read the same file, both append a
//! version and both rename their result into place: one release vanished. Now each run
//! holds an exclusive lock (`flock` on Unix, `LockFileEx` on Windows, through
//! `std::fs::File::lock`) from reading until its rename, so the second waits and then reads
//! the first's result.
//!
//! What is locked: on Unix the document itself. The rename replaces the document's inode,
//! so a waiter that finally gets the lock may hold it on the old, replaced file; it then
//! sees that the path names another file now and locks that one instead. No lock file is
//! left in the user's folder (it would travel into git and cloud folders). Elsewhere a
//! stable lock file beside the document (`.NAME.lock`) is locked; it is never removed,
//! since another process may be holding it.
//!
//! Writers that take no lock (an older Tomwerk, a text editor) are caught by the second
//! guard: just before the rename the file's size, modification time and SHA-256 are
//! compared with what was read, and the save is refused when they differ.

use std::cell::Cell;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use sha2::{Digest, Sha256};

use super::atomic::{resolve_link, write_atomic_with};
use super::error::{StoreError, StoreErrorKind};
use super::format::{parse_bytes, read_limited, to_ron};
use super::history::TomFile;

/// How long to wait for another process's read-modify-write before giving up. A release
/// takes milliseconds; a lock held this long belongs to a hung process.
const LOCK_TIMEOUT: Duration = Duration::from_secs(60);

/// What the file on disk looked like when it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DiskState {
    /// There was no file.
    Absent,
    /// A file with these size, modification time and content hash.
    Present {
        len: u64,
        modified: Option<SystemTime>,
        sha256: [u8; 32],
    },
}

impl DiskState {
    fn of_bytes(bytes: &[u8], meta: &fs::Metadata) -> Self {
        DiskState::Present {
            len: bytes.len() as u64,
            modified: meta.modified().ok(),
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// The state of `path` now, read by streaming (the file may be large or not a `.tom`).
    fn now(path: &Path) -> io::Result<Self> {
        let mut file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // A dangling symlink counts as absent too: the save creates its target.
                return Ok(DiskState::Absent);
            }
            Err(e) => return Err(e),
        };
        let meta = file.metadata()?;
        let mut hasher = Sha256::new();
        let len = io::copy(&mut file, &mut hasher)?;
        Ok(DiskState::Present {
            len,
            modified: meta.modified().ok(),
            sha256: hasher.finalize().into(),
        })
    }
}

/// A `.tom` file held under an exclusive advisory lock for a whole read-modify-write.
/// The lock is released when this value is dropped (or the process dies).
#[derive(Debug)]
pub struct LockedDocument {
    /// The document as given (for messages).
    path: PathBuf,
    /// The held lock; `None` when there was no file to lock (a new document).
    _lock: Option<File>,
    /// What was on disk when the lock was taken or the file read.
    read: DiskState,
}

impl LockedDocument {
    /// Takes the exclusive lock on `path`, waiting for another Tomwerk process that holds
    /// it. A file that does not exist yet is not locked; [`LockedDocument::save`] then
    /// only checks that it still does not exist.
    pub fn lock(path: &Path) -> Result<Self, StoreError> {
        let err = |e: io::Error| StoreError::new(path, e);
        super::format::ensure_regular_file(path)?;
        let target = resolve_link(path).map_err(err)?;
        let lock = lock_file(&target).map_err(|e| match e {
            LockFailure::Timeout => StoreError::new(path, StoreErrorKind::Locked),
            LockFailure::Io(e) => err(e),
        })?;
        let read = DiskState::now(path).map_err(err)?;
        Ok(Self {
            path: path.to_owned(),
            _lock: lock,
            read,
        })
    }

    /// Reads and parses the locked file, remembering exactly which bytes were read.
    pub fn load(&mut self) -> Result<TomFile, StoreError> {
        let (bytes, meta) = read_limited(&self.path)?;
        self.read = DiskState::of_bytes(&bytes, &meta);
        parse_bytes(&self.path, bytes)
    }

    /// Saves atomically, refusing (and writing nothing) when the file on disk is no longer
    /// the one that was read: someone wrote it without taking the lock.
    pub fn save(&self, file: &TomFile) -> Result<(), StoreError> {
        let text = to_ron(file).map_err(|e| e.at(&self.path))?;
        self.save_bytes_with(text.as_bytes(), |_| Ok(()))
    }

    /// Like [`LockedDocument::save`] with raw bytes and a hook that runs just before the
    /// final check (tests use it to change the file under the save).
    pub fn save_bytes_with(
        &self,
        bytes: &[u8],
        before_check: impl FnOnce(&Path) -> io::Result<()>,
    ) -> Result<(), StoreError> {
        let changed = Cell::new(false);
        let result = write_atomic_with(&self.path, bytes, |tmp| {
            before_check(tmp)?;
            if DiskState::now(&self.path)? != self.read {
                changed.set(true);
                return Err(io::Error::other("changed on disk"));
            }
            Ok(())
        });
        match result {
            Ok(()) => Ok(()),
            Err(_) if changed.get() => {
                Err(StoreError::new(&self.path, StoreErrorKind::ChangedOnDisk))
            }
            Err(e) => Err(StoreError::new(&self.path, e)),
        }
    }
}

enum LockFailure {
    Timeout,
    Io(io::Error),
}

impl From<io::Error> for LockFailure {
    fn from(e: io::Error) -> Self {
        LockFailure::Io(e)
    }
}

/// Waits for the exclusive lock, polling so that a hung holder ends in a clear error
/// instead of a process that never returns.
fn acquire(file: &File) -> Result<(), LockFailure> {
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(fs::TryLockError::WouldBlock) => {}
            Err(fs::TryLockError::Error(e)) => return Err(e.into()),
        }
        if start.elapsed() > LOCK_TIMEOUT {
            return Err(LockFailure::Timeout);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

/// Locks the document itself and makes sure the lock is on the file the path names now:
/// a holder's rename replaces the file, and a lock on the replaced one protects nothing.
#[cfg(unix)]
fn lock_file(target: &Path) -> Result<Option<File>, LockFailure> {
    use std::os::unix::fs::MetadataExt as _;
    loop {
        let file = match File::open(target) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        acquire(&file)?;
        let held = file.metadata()?;
        match fs::metadata(target) {
            Ok(now) if now.dev() == held.dev() && now.ino() == held.ino() => {
                return Ok(Some(file));
            }
            // Replaced (or removed) while we waited: lock whatever is there now.
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

/// Locks a stable lock file beside the document (`.NAME.lock`), created when missing and
/// never removed. Only for an existing document, like on Unix.
#[cfg(not(unix))]
fn lock_file(target: &Path) -> Result<Option<File>, LockFailure> {
    if !target.exists() {
        return Ok(None);
    }
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let mut lock_name = std::ffi::OsString::from(".");
    lock_name.push(name);
    lock_name.push(".lock");
    let lock_path = target.with_file_name(lock_name);
    let file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)?;
    acquire(&file)?;
    Ok(Some(file))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::store::{example, load, save};

    #[test]
    fn a_second_locker_waits_and_then_reads_the_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.tom");
        save(&path, &example()).unwrap();
        let mut first = LockedDocument::lock(&path).unwrap();
        let mut file = first.load().unwrap();
        let count = file.versions.len();
        let waiter = {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut second = LockedDocument::lock(&path).unwrap();
                let file = second.load().unwrap();
                file.versions.len()
            })
        };
        std::thread::sleep(Duration::from_millis(100));
        assert!(!waiter.is_finished(), "the second locker waits");
        file.working.intro.en.push_str(" Changed.");
        file.release("9.0", time::macros::date!(2026 - 12 - 03), "A", "n")
            .unwrap();
        first.save(&file).unwrap();
        drop(first);
        assert_eq!(waiter.join().unwrap(), count + 1, "it read the new file");
    }

    #[test]
    fn a_file_changed_without_the_lock_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.tom");
        save(&path, &example()).unwrap();
        let mut doc = LockedDocument::lock(&path).unwrap();
        let file = doc.load().unwrap();
        // Same size, different bytes: only the hash can tell.
        let mut other = fs::read(&path).unwrap();
        let at = other.len() - 3;
        other[at] = if other[at] == b' ' { b'\t' } else { b' ' };
        let err = doc
            .save_bytes_with(to_ron(&file).unwrap().as_bytes(), |_| {
                fs::write(&path, &other)
            })
            .unwrap_err();
        assert!(matches!(err.kind, StoreErrorKind::ChangedOnDisk), "{err}");
        assert_eq!(fs::read(&path).unwrap(), other, "nothing written");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temp file and no lock file left");
    }

    #[test]
    fn a_new_file_that_appears_meanwhile_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.tom");
        let doc = LockedDocument::lock(&path).unwrap();
        save(&path, &example()).unwrap();
        let err = doc.save(&TomFile::new(example().working)).unwrap_err();
        assert!(matches!(err.kind, StoreErrorKind::ChangedOnDisk), "{err}");
        assert_eq!(load(&path).unwrap(), example());
    }
}
