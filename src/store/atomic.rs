//! Atomic file replacement: temp file in the same folder, fsync, rename, fsync the folder.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Replaces `path` with `bytes` so that a crash or error at any point leaves either the
/// old file or the new one, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, |_| Ok(()))
}

/// Like [`write_atomic`], with a hook that runs after the temp file is written and
/// synced and before the rename. Tests use it to inject a failure at that point.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    // Write through a symlink: the link stays a link and its target gets the new bytes.
    let resolved = resolve_link(path)?;
    let path = resolved.as_path();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    if path.file_name().is_none() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "no file name"));
    }
    remove_orphaned_temps(&dir);
    let (tmp_path, mut tmp) = create_temp(&dir)?;
    let result = (|| {
        tmp.write_all(bytes)?;
        // Keep the permissions of the file being replaced.
        if let Ok(meta) = fs::metadata(path) {
            tmp.set_permissions(meta.permissions())?;
        }
        tmp.sync_all()?;
        drop(tmp);
        before_rename(&tmp_path)?;
        fs::rename(&tmp_path, path)?;
        sync_dir(&dir);
        Ok(())
    })();
    if result.is_err() {
        // Best effort: the temp file is ours and useless now.
        let _ = fs::remove_file(&tmp_path);
    }
    result
}

/// The prefix of our temp files. The name does not contain the target's name, so a target
/// name of up to 255 bytes still leaves room for the temp name (`.tomwerk-PID-N.tmp`).
const TEMP_PREFIX: &str = ".tomwerk-";

/// Follows a chain of symlinks (at most 40, like the kernel) to the file they point at,
/// so the rename replaces the target and not the link. A dangling link resolves to its
/// target path, which is then created.
pub(crate) fn resolve_link(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

fn create_temp(dir: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!("{TEMP_PREFIX}{}-{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Removes temp files of earlier saves in this folder whose process has died (a crash
/// or kill between creating the temp file and the rename leaves one behind). Only files
/// named exactly like ours with the pid of a process that no longer runs are touched, so
/// a save in progress in another process is left alone. Where liveness cannot be checked
/// (no `/proc`), nothing is removed. Best effort: failures are ignored.
fn remove_orphaned_temps(dir: &Path) {
    let proc_root = Path::new("/proc");
    if !proc_root.join("self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = TEMP_PREFIX;
    let own = std::process::id();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|f| f.strip_prefix(prefix))
            .and_then(|f| f.strip_suffix(".tmp"))
            .and_then(|f| f.split_once('-'))
            .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != own && !proc_root.join(pid.to_string()).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes the rename durable. Some file systems refuse to sync a directory; the rename
/// itself has happened, so that is not an error worth failing the save for.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn orphaned_temps_of_dead_processes_are_removed() {
        if !Path::new("/proc/self").exists() {
            return;
        }
        let dir = std::env::temp_dir().join(format!("tomwerk-atomic-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        // A process that has finished: its pid is free (and not reused this quickly).
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let live = std::os::unix::process::parent_id();
        let orphan = dir.join(format!(".tomwerk-{dead}-0.tmp"));
        let in_flight = dir.join(format!(".tomwerk-{live}-3.tmp"));
        let other = dir.join(format!(".other.tom.{dead}-0.tmp"));
        let unrelated = dir.join(format!(".tomwerk-{dead}-x.tmp"));
        for p in [&orphan, &in_flight, &other, &unrelated] {
            fs::write(p, b"partial").unwrap();
        }
        write_atomic(&dir.join("doc.tom"), b"new").unwrap();
        assert!(!orphan.exists(), "the dead process's temp file is gone");
        assert!(in_flight.exists(), "a live process's temp file stays");
        assert!(other.exists(), "a file not named like ours stays");
        assert!(unrelated.exists(), "a file not named like ours stays");
        assert_eq!(fs::read(dir.join("doc.tom")).unwrap(), b"new");
        fs::remove_dir_all(&dir).unwrap();
    }
}

#[cfg(all(test, unix))]
mod link_tests {
    use super::*;

    #[test]
    fn a_save_writes_through_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.tom");
        let link = dir.path().join("link.tom");
        fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink("real.tom", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }

    #[test]
    fn a_file_name_of_255_bytes_can_be_saved() {
        let dir = tempfile::tempdir().unwrap();
        let name = format!("{}.tom", "a".repeat(251));
        let path = dir.path().join(&name);
        write_atomic(&path, b"x").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"x");
    }
}
