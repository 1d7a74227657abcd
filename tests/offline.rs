//! The offline guarantee: every headless job (example, import, export as PDF and
//! Markdown, check, diff with reports, verify, release, versions) runs under `strace`,
//! and the test fails if any of them creates a socket other than a local (AF_UNIX) one or
//! connects to anything but a local address. Skipped with a message when strace is
//! missing (`.ci/run` installs it).
//!
//! AF_UNIX is allowed because glibc may ask the name-service cache daemon over a unix
//! socket when the user name or home folder is looked up; it never leaves the machine.
//! Nothing else is allowed, not even AF_NETLINK (which only lists network interfaces, and
//! which nothing here has a reason to do).

use std::path::{Path, PathBuf};
use std::process::Command;

fn strace_available() -> bool {
    Command::new("strace")
        .args(["-o", "/dev/null", "true"])
        .status()
        .is_ok_and(|s| s.success())
}

/// What strace saw one command do that breaks the guarantee.
fn violations(trace: &str) -> Vec<String> {
    trace
        .lines()
        .filter(|line| {
            // Lines look like `1234  socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3`
            // and `1234  connect(3, {sa_family=AF_UNIX, sun_path="…"}, 110) = -1 …`.
            let call = line
                .split_once(' ')
                .map_or(*line, |(_, rest)| rest)
                .trim_start();
            if let Some(args) = call
                .strip_prefix("socket(")
                .or_else(|| call.strip_prefix("socketpair("))
            {
                !(args.starts_with("AF_UNIX") || args.starts_with("AF_LOCAL"))
            } else if let Some(args) = call.strip_prefix("connect(") {
                !(args.contains("sa_family=AF_UNIX") || args.contains("sa_family=AF_LOCAL"))
            } else {
                // sendto/sendmsg to an address need a socket first, which is caught above;
                // every other network call on a local socket is harmless.
                false
            }
        })
        .map(str::to_owned)
        .collect()
}

struct Run<'a> {
    dir: &'a Path,
    traces: Vec<(String, String)>,
}

impl Run<'_> {
    /// Runs `tomwerk ARGS` under strace, asserts the exit code, keeps the trace.
    fn tomwerk(&mut self, args: &[&str], ok_codes: &[i32]) {
        let trace_path = self.dir.join(format!("trace-{}.txt", self.traces.len()));
        let out = Command::new("strace")
            .args(["-f", "-qq", "-e", "trace=network", "-o"])
            .arg(&trace_path)
            .arg(env!("CARGO_BIN_EXE_tomwerk"))
            .args(args)
            .current_dir(self.dir)
            .env("TOMWERK_TODAY", "2026-05-27")
            .env("TOMWERK_AUTHOR", "Offline Test")
            .env("HOME", self.dir)
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(
            code.is_some_and(|c| ok_codes.contains(&c)),
            "tomwerk {args:?} exited with {:?}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        let trace = std::fs::read_to_string(&trace_path).unwrap();
        self.traces.push((args.join(" "), trace));
    }
}

#[test]
fn no_network_in_any_headless_job() {
    if !strace_available() {
        eprintln!(
            "SKIPPED no_network_in_any_headless_job: strace is not installed (apt install strace)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fixture: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/art32_numbered_de.md");
    let fixture = fixture.to_str().unwrap();
    let mut run = Run {
        dir: dir.path(),
        traces: Vec::new(),
    };
    run.tomwerk(&["example", "ex.tom"], &[0]);
    run.tomwerk(&["import", fixture, "imported.tom"], &[0]);
    run.tomwerk(&["export", "imported.tom", "imported.pdf"], &[0]);
    run.tomwerk(&["export", "ex.tom", "ex.pdf", "--toc", "--history"], &[0]);
    run.tomwerk(
        &[
            "export",
            "ex.tom",
            "ex-en.pdf",
            "--lang",
            "en",
            "--measures",
            "table",
        ],
        &[0],
    );
    run.tomwerk(&["export", "ex.tom", "ex.md"], &[0]);
    run.tomwerk(&["import", "ex.md", "roundtrip.tom"], &[0]);
    // check exits 1 when it finds errors; both are fine here, a crash is not.
    run.tomwerk(&["check", "ex.tom"], &[0, 1]);
    run.tomwerk(&["check", "imported.tom"], &[0, 1]);
    run.tomwerk(&["diff", "ex.tom", "--from", "1.0", "--to", "2.0"], &[0]);
    run.tomwerk(
        &[
            "diff",
            "ex.tom",
            "--from",
            "1.0",
            "--to",
            "2.0",
            "--out",
            "changes.pdf",
        ],
        &[0],
    );
    run.tomwerk(
        &["diff", "ex.tom", "--from", "1.1", "--out", "changes.md"],
        &[0],
    );
    run.tomwerk(&["verify", "ex.tom"], &[0]);
    run.tomwerk(&["versions", "ex.tom"], &[0]);
    run.tomwerk(
        &[
            "release",
            "imported.tom",
            "--label",
            "1.0",
            "--note",
            "Import",
        ],
        &[0],
    );
    run.tomwerk(&["verify", "imported.tom"], &[0]);
    for out in ["imported.pdf", "ex.pdf", "ex-en.pdf", "changes.pdf"] {
        let bytes = std::fs::read(dir.path().join(out)).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{out} is a PDF");
    }

    let mut bad = Vec::new();
    for (args, trace) in &run.traces {
        for v in violations(trace) {
            bad.push(format!("tomwerk {args}: {v}"));
        }
    }
    assert!(bad.is_empty(), "network activity:\n{}", bad.join("\n"));
    let calls = run
        .traces
        .iter()
        .flat_map(|(_, t)| t.lines())
        .filter(|l| l.contains('(') && !l.contains(" --- ") && !l.contains(" +++ "))
        .count();
    println!(
        "offline: {} commands traced, {calls} network system calls in all, no socket other than AF_UNIX, no connect to a non-local address",
        run.traces.len()
    );
}

/// The positive control's child: opens a loopback UDP socket (no network needed).
#[test]
#[ignore = "helper process of strace_sees_a_real_socket"]
fn control_child() {
    if std::env::var_os("TOMWERK_OFFLINE_CONTROL").is_some() {
        let socket = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        drop(socket);
    }
}

/// The positive control: strace, as used above, does see a process open an AF_INET socket
/// (so a clean trace means something).
#[test]
fn strace_sees_a_real_socket() {
    if !strace_available() {
        eprintln!("SKIPPED strace_sees_a_real_socket: strace is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let trace_path = dir.path().join("control.txt");
    let status = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=network", "-o"])
        .arg(&trace_path)
        .arg(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "control_child", "--test-threads=1"])
        .env("TOMWERK_OFFLINE_CONTROL", "1")
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    let trace = std::fs::read_to_string(&trace_path).unwrap();
    let v = violations(&trace);
    assert!(
        v.iter().any(|l| l.contains("socket(AF_INET,")),
        "the control socket was not seen: {trace}"
    );
}

/// The filter itself: it must catch what it is there to catch.
#[test]
fn the_trace_filter_catches_network_sockets() {
    let trace = "\
100 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3
100 connect(3, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT
100 socketpair(AF_UNIX, SOCK_STREAM, 0, [4, 5]) = 0
100 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED} ---
101 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 4
101 connect(4, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"10.0.0.1\")}, 16) = 0
102 socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP) = 5
103 socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = 6
104 +++ exited with 0 +++
";
    let v = violations(trace);
    assert_eq!(v.len(), 4, "{v:#?}");
    assert!(v[0].contains("AF_INET,"));
    assert!(v[1].contains("htons(53)"));
    assert!(v[2].contains("AF_INET6"));
    assert!(v[3].contains("AF_NETLINK"));
}
