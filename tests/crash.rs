//! Crash test: a process saving a `.tom` file is killed (SIGKILL) at random points, again
//! and again. After every kill the file must be byte for byte the old or the new version,
//! load cleanly and verify, and at most one temp file (the killed save's) may be left.
//!
//! The saving process is this test binary itself, started with `--ignored --exact
//! saver_child` and the path in `TOMWERK_CRASH_CHILD`. CI runs 200 kills; more locally:
//! `TOMWERK_CRASH_KILLS=5000 cargo test --test crash -- --nocapture`. The delay before
//! each kill is uniform in 0..`TOMWERK_CRASH_MAX_MS` (default 60) from a fixed seed
//! (`TOMWERK_CRASH_SEED`).

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tomwerk::store::{self, TomFile};

/// The example with a much longer working copy and two more releases: a different and
/// larger file than the example, so a save can be interrupted inside the write.
fn bigger_example() -> TomFile {
    let mut file = store::example();
    file.working = store::large_example(3);
    file.release(
        "3.0",
        time::macros::date!(2026 - 05 - 04),
        "Crash Test",
        "längere Fassung",
    )
    .expect("release 3.0");
    file.working
        .intro
        .en
        .push_str("\n\nAnnex with \"quotes\", 😀 and 漢字.");
    file.release(
        "3.1",
        time::macros::date!(2026 - 05 - 05),
        "Crash Test",
        "Anhang",
    )
    .expect("release 3.1");
    file
}

/// The saving process: alternates between the two files until killed. Started by
/// [`kill_during_saves`]; does nothing when run on its own.
#[test]
#[ignore = "helper process of kill_during_saves"]
fn saver_child() {
    let Some(path) = std::env::var_os("TOMWERK_CRASH_CHILD") else {
        return;
    };
    let path = Path::new(&path);
    let old = store::example();
    let new = bigger_example();
    println!("\nTOMWERK-SAVER-READY");
    loop {
        for file in [&new, &old] {
            store::save(path, file).expect("save");
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

#[test]
fn kill_during_saves() {
    let kills = env_num("TOMWERK_CRASH_KILLS", 200);
    let max_ms = env_num("TOMWERK_CRASH_MAX_MS", 60).max(1);
    let mut rng = Rng(env_num("TOMWERK_CRASH_SEED", 0x5eed_0fc0_ffee));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.tom");
    let old = store::example();
    let new = bigger_example();
    let old_bytes = store::to_ron(&old).unwrap().into_bytes();
    let new_bytes = store::to_ron(&new).unwrap().into_bytes();
    assert_ne!(old_bytes, new_bytes);
    store::save(&path, &old).unwrap();

    let exe = std::env::current_exe().unwrap();
    let started = Instant::now();
    let (mut saw_old, mut saw_new, mut max_temps) = (0, 0, 0);
    for round in 0..kills {
        let mut child = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "saver_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("TOMWERK_CRASH_CHILD", &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Wait until the child has built its files, so the kill lands in the save loop.
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("TOMWERK-SAVER-READY") {
            line.clear();
            if stdout.read_line(&mut line).unwrap() == 0 {
                let mut err = String::new();
                child
                    .stderr
                    .take()
                    .unwrap()
                    .read_to_string(&mut err)
                    .unwrap();
                panic!("round {round}: the saver ended before it was ready: {err}");
            }
        }
        std::thread::sleep(Duration::from_micros(rng.next() % (max_ms * 1000)));
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        if status.success() || status.code().is_some() {
            let mut err = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut err)
                .unwrap();
            panic!("round {round}: the saver exited on its own ({status}): {err}");
        }

        let bytes = std::fs::read(&path).unwrap();
        let expected = if bytes == old_bytes {
            saw_old += 1;
            &old
        } else if bytes == new_bytes {
            saw_new += 1;
            &new
        } else {
            panic!(
                "round {round}: the file is neither version ({} bytes; old {}, new {})",
                bytes.len(),
                old_bytes.len(),
                new_bytes.len()
            );
        };
        let loaded = store::load(&path)
            .unwrap_or_else(|e| panic!("round {round}: the file does not load: {e}"));
        assert_eq!(&loaded, expected, "round {round}");
        loaded.verify_deep().unwrap();

        let others: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "doc.tom")
            .collect();
        assert!(
            others
                .iter()
                .all(|n| n.starts_with(".tomwerk-") && n.ends_with(".tmp")),
            "round {round}: unexpected files {others:?}"
        );
        assert!(
            others.len() <= 1,
            "round {round}: temp files accumulate: {others:?}"
        );
        max_temps = max_temps.max(others.len());
    }
    println!(
        "crash: {kills} kills in {:.1} s (delays 0..{max_ms} ms): old version {saw_old}×, new version {saw_new}×, at most {max_temps} temp file left",
        started.elapsed().as_secs_f64()
    );
    // The kills must land in both phases, or the test proves little.
    if kills >= 50 {
        assert!(saw_old > 0 && saw_new > 0, "old {saw_old}, new {saw_new}");
    }
}
