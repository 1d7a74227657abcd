//! Fuzzing with proptest: the `.tom` loader, the Markdown importer and the layout engine
//! must return `Ok` or `Err` on any input, never panic or hang.
//!
//! Each target runs a bounded number of cases within a time budget, so CI stays short.
//! Scale up locally with environment variables:
//!
//! - `TOMWERK_FUZZ_CASES=N`  cases per target (default: a few hundred, see each target);
//! - `TOMWERK_FUZZ_SECS=S`   time budget per target in seconds (default 20);
//! - `TOMWERK_FUZZ_SEED=X`   the seed (default fixed, so CI is reproducible);
//! - `TOMWERK_FUZZ_CASE_SECS=S` a single case taking longer than this is a hang (default 60);
//! - `TOMWERK_FUZZ_SLOW_MS=MS` a case slower than this fails and is shrunk (to hunt slow inputs).
//!
//! e.g. `TOMWERK_FUZZ_CASES=1000000 TOMWERK_FUZZ_SECS=600 TOMWERK_FUZZ_SEED=$RANDOM
//! cargo test --test fuzz -- --nocapture`. A failure is shrunk to a minimal input and
//! printed; every one found so far has a named regression test at the end of this file.

use std::fmt::Debug;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use time::macros::date;

use tomwerk::export::{
    self, Block, ExportOptions, Furniture, Highlight, Inline, InlineStyle, MeasureLayout, PdfMeta,
};
use tomwerk::import;
use tomwerk::model::{
    Document, Lang, LocalText, Measure, MeasureKind, MeasureStatus, SectionId, validate,
};
use tomwerk::store::{self, TomFile};

// ---------------------------------------------------------------------------------------
// The runner: proptest strategies and shrinking, with a case count, a time budget and a
// watchdog that turns a hang into a failure naming the input.
// ---------------------------------------------------------------------------------------

fn env_num(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

fn seed() -> u64 {
    env_num("TOMWERK_FUZZ_SEED").unwrap_or(0x746f_6d77_6572_6b21)
}

/// What a check says about one input: `Err` is a violated property.
type Verdict = Result<(), String>;

fn run_case<T>(check: &impl Fn(&T) -> Verdict, value: &T) -> Option<String> {
    let start = Instant::now();
    match catch_unwind(AssertUnwindSafe(|| check(value))) {
        Ok(Ok(())) => match env_num("TOMWERK_FUZZ_SLOW_MS") {
            // Hunting slow inputs: a case slower than this fails, so it gets shrunk.
            Some(ms) if start.elapsed() > Duration::from_millis(ms) => {
                Some(format!("slow: {:?}", start.elapsed()))
            }
            _ => None,
        },
        Ok(Err(msg)) => Some(msg),
        Err(panic) => Some(format!(
            "panicked: {}",
            panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(non-string payload)")
        )),
    }
}

fn shorten(s: String, max: usize) -> String {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes in all)", &s[..end], s.len())
}

/// Runs `check` on inputs from `strategy` until `default_cases` (or `TOMWERK_FUZZ_CASES`)
/// cases or the time budget are used up. Panics with the shrunk input on a failure.
fn fuzz<S>(name: &str, strategy: S, default_cases: u64, check: impl Fn(&S::Value) -> Verdict)
where
    S: Strategy,
    S::Value: Debug,
{
    let cases = env_num("TOMWERK_FUZZ_CASES").unwrap_or(default_cases);
    let budget = Duration::from_secs(env_num("TOMWERK_FUZZ_SECS").unwrap_or(20));
    let case_limit = Duration::from_secs(env_num("TOMWERK_FUZZ_CASE_SECS").unwrap_or(60));
    let seed = seed();
    let mut seed_bytes = [0u8; 32];
    for (i, b) in seed_bytes.iter_mut().enumerate() {
        *b = (seed.rotate_left(i as u32 * 8) & 0xff) as u8 ^ i as u8;
    }
    let config = Config {
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new_with_rng(
        config,
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
    );

    // The watchdog: a case running longer than `case_limit` is a hang. It cannot be
    // stopped from outside, so the watchdog names the input and ends the process.
    let current: Arc<Mutex<Option<(Instant, String)>>> = Arc::new(Mutex::new(None));
    let done = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let current = Arc::clone(&current);
        let done = Arc::clone(&done);
        let name = name.to_owned();
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(200));
                let guard = current.lock().unwrap_or_else(|e| e.into_inner());
                if let Some((start, input)) = guard.as_ref()
                    && start.elapsed() > case_limit
                {
                    eprintln!(
                        "fuzz {name}: HANG: one case ran longer than {case_limit:?} (seed {seed:#x}); input: {}",
                        shorten(input.clone(), 4000)
                    );
                    std::process::exit(101);
                }
            }
        })
    };

    let started = Instant::now();
    let mut executed = 0u64;
    let mut failure = None;
    while executed < cases && started.elapsed() < budget {
        let tree = match strategy.new_tree(&mut runner) {
            Ok(t) => t,
            Err(e) => panic!("fuzz {name}: the strategy failed: {e}"),
        };
        let value = tree.current();
        *current.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((Instant::now(), format!("{value:?}")));
        let verdict = run_case(&check, &value);
        executed += 1;
        if let Some(msg) = verdict {
            failure = Some((tree, value, msg));
            break;
        }
    }
    *current.lock().unwrap_or_else(|e| e.into_inner()) = None;

    if let Some((mut tree, mut best, mut msg)) = failure {
        // Shrink: simplify while it still fails, step back when it stops failing.
        let shrink_start = Instant::now();
        let mut steps = 0;
        if tree.simplify() {
            while steps < 4000 && shrink_start.elapsed() < Duration::from_secs(120) {
                steps += 1;
                let candidate = tree.current();
                let more = match run_case(&check, &candidate) {
                    Some(m) => {
                        best = candidate;
                        msg = m;
                        tree.simplify()
                    }
                    None => tree.complicate(),
                };
                if !more {
                    break;
                }
            }
        }
        done.store(true, Ordering::Relaxed);
        let _ = watchdog.join();
        panic!(
            "fuzz {name}: FAILED after {executed} cases (seed {seed:#x}, {steps} shrink steps): {msg}\nminimal input: {}",
            shorten(format!("{best:?}"), 8000)
        );
    }
    done.store(true, Ordering::Relaxed);
    let _ = watchdog.join();
    println!(
        "fuzz {name}: {executed} cases in {:.1} s, no failure (seed {seed:#x})",
        started.elapsed().as_secs_f64()
    );
}

// ---------------------------------------------------------------------------------------
// Text generators: words, odd Unicode, Markdown-ish lines.
// ---------------------------------------------------------------------------------------

/// Characters and clusters that break naive text handling.
const ODD: &[&str] = &[
    "😀",
    "👩‍👩‍👧‍👦",
    "🇩🇪",
    "👍🏽",
    "漢字",
    "中文字符测试",
    "日本語のテキスト",
    "한국어",
    "עברית",
    "العربية",
    "\u{202E}gnp.exe",
    "\u{200F}",
    "\u{2067}x\u{2069}",
    "e\u{301}\u{301}\u{301}\u{301}",
    "a\u{20DD}",
    "\u{300}",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{8}",
    "\t",
    "\r",
    "\r\n",
    "\u{b}",
    "\u{c}",
    "\u{85}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{2028}",
    "\u{2029}",
    "\u{AD}",
    "\u{A0}",
    "\u{2011}",
    "\u{FFFD}",
    "\u{FFFF}",
    "\u{10FFFF}",
    "\u{E000}",
    "ẞß",
    "ﬁ",
    "Ⅻ",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "ǅ",
    "İı",
    "ﷺ",
    "𒐫",
    "꧅",
    "\"",
    "\"#",
    "r#\"",
    "\\",
    "}",
    ")",
    "*",
    "_",
    "`",
    "|",
    "<",
    "&amp;",
    "&#0;",
    "[",
    "]",
];

fn plain_word() -> impl Strategy<Value = String> {
    "[a-zA-ZäöüÄÖÜß0-9-]{1,14}"
}

/// A word with no break opportunity, up to a few thousand characters.
fn long_word() -> impl Strategy<Value = String> {
    (
        prop_oneof![9 => 1usize..300, 1 => 300usize..3000],
        select(vec![
            "a", "W", "ß", "-", "/", "漢", "😀", "\u{301}", "m", "0", "\u{AD}",
        ]),
    )
        .prop_map(|(n, c)| c.repeat(n))
}

fn word() -> BoxedStrategy<String> {
    prop_oneof![
        12 => plain_word().boxed(),
        3 => select(ODD).prop_map(str::to_owned).boxed(),
        1 => any::<String>().boxed(),
        1 => long_word().boxed(),
        1 => prop_oneof![9 => 0usize..200, 1 => 200usize..2000].prop_map(|n| format!("https://example.org/{}", "x".repeat(n))).boxed(),
    ]
    .boxed()
}

fn words(max: usize) -> impl Strategy<Value = String> {
    vec(word(), 0..max).prop_map(|w| w.join(" "))
}

/// Inline Markdown: emphasis, code, links, autolinks, HTML, escapes.
fn inline_md() -> BoxedStrategy<String> {
    prop_oneof![
        6 => word(),
        1 => word().prop_map(|w| format!("**{w}**")),
        1 => word().prop_map(|w| format!("_{w}_")),
        1 => word().prop_map(|w| format!("~~{w}~~")),
        1 => word().prop_map(|w| format!("`{w}`")),
        1 => (word(), word()).prop_map(|(t, u)| format!("[{t}](https://{u})")),
        1 => (word(), word()).prop_map(|(t, u)| format!("[{t}]({u})")),
        1 => word().prop_map(|u| format!("<https://{u}>")),
        1 => word().prop_map(|u| format!("<mailto:{u}@example.org>")),
        1 => word().prop_map(|w| format!("![{w}](img.png)")),
        1 => select(vec!["<b>", "</i>", "<!-- c -->", "[^1]", "\\*", "***", "**_", "[", "](", "<br>"])
            .prop_map(str::to_owned),
    ]
    .boxed()
}

fn inline_line(max: usize) -> impl Strategy<Value = String> {
    vec(inline_md(), 0..max).prop_map(|w| w.join(" "))
}

/// One line of Markdown-ish text.
fn md_line() -> BoxedStrategy<String> {
    let number = "[0-9]{1,3}(\\.[0-9]{1,3}){0,3}\\.?";
    prop_oneof![
        4 => inline_line(12).boxed(),
        3 => (1usize..=8, proptest::option::of(number), inline_line(6))
            .prop_map(|(n, num, t)| format!("{} {} {t}", "#".repeat(n), num.unwrap_or_default()))
            .boxed(),
        3 => (0usize..24, select(vec!["-", "*", "+", "1.", "2)", "10.", "- [ ]", "- [x]", "99999999999."]), inline_line(6))
            .prop_map(|(i, m, t)| format!("{}{m} {t}", " ".repeat(i)))
            .boxed(),
        2 => vec(inline_line(3), 1..7).prop_map(|c| format!("| {} |", c.join(" | "))).boxed(),
        1 => vec(select(vec!["---", ":--", ":-:", "--:", "-"]), 1..7)
            .prop_map(|c| format!("|{}|", c.join("|")))
            .boxed(),
        1 => (1usize..12, inline_line(5)).prop_map(|(n, t)| format!("{} {t}", ">".repeat(n))).boxed(),
        3 => Just(String::new()).boxed(),
        1 => select(vec!["```", "~~~", "```rust", "    indented code", "---", "***", "===", "<div>", "</div>", "<table><tr><td>x</td></tr></table>", "\\", "  ", "\t- tab"])
            .prop_map(str::to_owned)
            .boxed(),
    ]
    .boxed()
}

fn md_text(max_lines: usize) -> impl Strategy<Value = String> {
    (vec(md_line(), 0..max_lines), any::<bool>())
        .prop_map(|(lines, crlf)| lines.join(if crlf { "\r\n" } else { "\n" }))
}

// ---------------------------------------------------------------------------------------
// 1. The .tom loader.
// ---------------------------------------------------------------------------------------

/// What must hold for any text given to the loader: no panic; and a file that loads can
/// be verified, its versions opened, and it saves and loads back to the same value.
fn check_loader(text: &str) -> Verdict {
    let Ok(file) = store::parse(text) else {
        return Ok(());
    };
    let _ = file.verify();
    let _ = file.verify_deep();
    let _ = file.has_unreleased_changes();
    for v in &file.versions {
        let _ = v.document_ref();
    }
    let saved = store::to_ron(&file).map_err(|e| format!("loads but cannot be saved: {e}"))?;
    let back = store::parse(&saved).map_err(|e| format!("saved file does not load: {e}"))?;
    if back != file {
        return Err("save + load does not give the same file".into());
    }
    Ok(())
}

/// Tokens that get the RON parser past the envelope and into the document.
fn ron_token() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(vec![
            "(", ")", "[", "]", "{", "}", ",", ":", "\"", "r#\"", "\"#", "#", "Some(", "None",
            "true", "false", "//", "/*", "*/", "#![enable(implicit_some)]", "format:", "working:",
            "versions:", "meta:", "sections:", "id:", "title:", "de:", "en:", "body:", "hidden:",
            "measures:", "children:", "covers:", "label:", "date:", "hash:", "prev_hash:",
            "content:", "delta:", "content_format:", "next_id:", "\"2024-01-01\"", "0", "1", "2",
            "-1", "1e400", "18446744073709551616", "\"\\u{0}\"", "'x'", "\n", " ",
        ])
        .prop_map(str::to_owned)
        .boxed(),
        1 => word(),
    ]
    .boxed()
}

fn ron_ish() -> impl Strategy<Value = String> {
    (
        select(vec![
            "",
            "(format: 2, ",
            "(format: 1, ",
            "// c\n(format:2,working:(",
        ]),
        vec(ron_token(), 0..60),
    )
        .prop_map(|(head, toks)| format!("{head}{}", toks.concat()))
}

#[test]
fn fuzz_loader_arbitrary_text() {
    let strategy = prop_oneof![any::<String>(), ron_ish(), md_text(10)];
    fuzz("loader/arbitrary", strategy, 3000, |t| check_loader(t));
}

/// The example with two more releases (the second valid file of the mutation corpus).
fn example_plus() -> TomFile {
    let mut file = store::example();
    file.working
        .intro
        .de
        .push_str("\n\nErgänzung mit \"Anführung\" und 😀.");
    file.release("2.1", date!(2026 - 03 - 01), "Fuzz", "mehr")
        .expect("release 2.1");
    let id = file
        .working
        .add_custom_section(None, LocalText::new("Anhang", "Annex"))
        .expect("add section");
    file.working.section_mut(&id).expect("section").body =
        LocalText::new("| a | b |\n|---|---|\n| 1 | 2 |", "x");
    file.release("3.0", date!(2026 - 04 - 01), "Fuzz", "Anhang")
        .expect("release 3.0");
    file
}

fn corpus() -> Vec<String> {
    let v1 = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v1.tom"),
    )
    .expect("fixture");
    vec![
        store::to_ron(&store::example()).expect("example"),
        store::to_ron(&example_plus()).expect("example_plus"),
        store::to_ron(&TomFile::new(Document::empty_template(Lang::En, "Leer"))).expect("empty"),
        v1,
    ]
}

/// A change to a valid file.
#[derive(Debug, Clone)]
enum Mutation {
    /// Cut the file at this fraction of its length.
    Truncate(f64),
    /// XOR one byte.
    FlipByte(f64, u8),
    /// Insert junk.
    Insert(f64, String),
    DuplicateLine(f64),
    DeleteLine(f64),
    SwapLines(f64, f64),
    /// Replace the number after `format:`.
    SetFormat(u64),
    /// Swap two released versions' blocks.
    SwapVersions(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0f64..1.0;
    prop_oneof![
        2 => at.clone().prop_map(Mutation::Truncate),
        3 => (at.clone(), 1u8..=255).prop_map(|(p, m)| Mutation::FlipByte(p, m)),
        3 => (at.clone(), prop_oneof![ron_token(), word()]).prop_map(|(p, s)| Mutation::Insert(p, s)),
        2 => at.clone().prop_map(Mutation::DuplicateLine),
        2 => at.clone().prop_map(Mutation::DeleteLine),
        2 => (at.clone(), at).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        1 => select(vec![0u64, 1, 2, 3, 99, u32::MAX as u64, u64::MAX]).prop_map(Mutation::SetFormat),
        1 => (0usize..5, 0usize..5).prop_map(|(a, b)| Mutation::SwapVersions(a, b)),
    ]
}

fn pos(len: usize, frac: f64) -> usize {
    ((len as f64 * frac) as usize).min(len)
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let lines = || text.split_inclusive('\n').collect::<Vec<_>>();
    match m {
        Mutation::Truncate(f) => bytes.truncate(pos(bytes.len(), *f)),
        Mutation::FlipByte(f, mask) => {
            if !bytes.is_empty() {
                let i = pos(bytes.len() - 1, *f);
                bytes[i] ^= mask;
            }
        }
        Mutation::Insert(f, junk) => {
            let i = pos(bytes.len(), *f);
            bytes.splice(i..i, junk.bytes());
        }
        Mutation::DuplicateLine(f) | Mutation::DeleteLine(f) => {
            let mut l = lines();
            if !l.is_empty() {
                let i = pos(l.len() - 1, *f);
                if matches!(m, Mutation::DeleteLine(_)) {
                    l.remove(i);
                } else {
                    l.insert(i, l[i]);
                }
            }
            return l.concat();
        }
        Mutation::SwapLines(a, b) => {
            let mut l = lines();
            if !l.is_empty() {
                let (i, j) = (pos(l.len() - 1, *a), pos(l.len() - 1, *b));
                l.swap(i, j);
            }
            return l.concat();
        }
        Mutation::SetFormat(n) => {
            return text.replacen("format: 2", &format!("format: {n}"), 1);
        }
        Mutation::SwapVersions(a, b) => {
            // Each version in the file starts with a `(` line followed by `label:`.
            let l = lines();
            let starts: Vec<usize> = (1..l.len())
                .filter(|&i| l[i].trim_start().starts_with("label:"))
                .map(|i| i - 1)
                .collect();
            if starts.len() < 2 {
                return text.to_owned();
            }
            let blocks: Vec<(usize, usize)> = starts
                .iter()
                .enumerate()
                .map(|(k, &s)| {
                    (
                        s,
                        starts.get(k + 1).copied().unwrap_or_else(|| {
                            // The last block ends at its closing `),` line.
                            (s..l.len())
                                .find(|&i| l[i].trim() == "),")
                                .map_or(l.len(), |i| i + 1)
                        }),
                    )
                })
                .collect();
            let (i, j) = (a % blocks.len(), b % blocks.len());
            let (i, j) = (i.min(j), i.max(j));
            if i == j {
                return text.to_owned();
            }
            let (bi, bj) = (blocks[i], blocks[j]);
            let mut out: Vec<&str> = l[..bi.0].to_vec();
            out.extend(&l[bj.0..bj.1]);
            out.extend(&l[bi.1..bj.0]);
            out.extend(&l[bi.0..bi.1]);
            out.extend(&l[bj.1..]);
            return out.concat();
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn fuzz_loader_mutated_files() {
    let corpus = corpus();
    let n = corpus.len();
    fuzz(
        "loader/mutations",
        (0..n, vec(mutation(), 1..5)),
        600,
        |(i, muts)| {
            let mut text = corpus[*i].clone();
            for m in muts {
                text = apply(&text, m);
            }
            check_loader(&text)
        },
    );
}

#[test]
fn swapped_versions_load_but_fail_verification() {
    let text = store::to_ron(&example_plus()).unwrap();
    let swapped = apply(&text, &Mutation::SwapVersions(1, 3));
    assert_ne!(swapped, text, "the mutation found the version blocks");
    let file = store::parse(&swapped).expect("still well-formed");
    assert!(file.verify().is_err(), "reordered versions must not verify");
    check_loader(&swapped).unwrap();
}

#[test]
fn invalid_utf8_and_deep_nesting_are_refused_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.tom");
    let mut bytes = store::to_ron(&store::example()).unwrap().into_bytes();
    bytes[200] = 0xff;
    std::fs::write(&path, &bytes).unwrap();
    assert!(store::load(&path).is_err());
    for format in [1, 2] {
        for open in ["[", "(", "Some(", "{"] {
            let text = format!("(format: {format}, working: {}", open.repeat(100_000));
            assert!(store::parse(&text).is_err());
        }
    }
}

// ---------------------------------------------------------------------------------------
// 2. The Markdown importer.
// ---------------------------------------------------------------------------------------

/// What must hold for any imported document: no panic; no fatal structural error; it
/// saves and loads back unchanged; it exports to Markdown.
fn check_import(text: &str, lang: Option<Lang>) -> Verdict {
    let Ok(imported) = import::import_markdown(text, lang) else {
        return Ok(());
    };
    let doc = imported.document;
    let fatal: Vec<_> = validate(&doc)
        .into_iter()
        .filter(|e| e.is_fatal())
        .collect();
    if !fatal.is_empty() {
        return Err(format!("import made an invalid document: {fatal:?}"));
    }
    let file = TomFile::new(doc);
    let saved = store::to_ron(&file).map_err(|e| format!("imported doc cannot be saved: {e}"))?;
    let back = store::parse(&saved).map_err(|e| format!("imported doc does not reload: {e}"))?;
    if back != file {
        return Err("imported doc changes on save + load".into());
    }
    Ok(())
}

#[test]
fn fuzz_import_markdown() {
    let lang = prop_oneof![Just(None), Just(Some(Lang::De)), Just(Some(Lang::En))];
    fuzz(
        "import/markdown",
        (
            prop_oneof![4 => md_text(60).boxed(), 1 => any::<String>().boxed()],
            lang,
        ),
        400,
        |(text, lang)| check_import(text, *lang),
    );
}

/// Extreme inputs that random generation rarely reaches, each within a time limit.
#[test]
fn import_extremes() {
    let limit = Duration::from_secs(env_num("TOMWERK_FUZZ_CASE_SECS").unwrap_or(60));
    let mut inputs: Vec<(&str, String)> = Vec::new();
    inputs.push((
        "10k headings",
        (0..10_000)
            .map(|i| {
                format!(
                    "{} {}. Abschnitt {i}\n\nText {i}.\n",
                    "#".repeat(1 + i % 4),
                    i
                )
            })
            .collect(),
    ));
    inputs.push((
        "deep list nesting",
        (0..2_000)
            .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
            .collect(),
    ));
    inputs.push(("deep quotes", format!("{} deep\n", ">".repeat(5_000))));
    inputs.push((
        "deep emphasis",
        format!("{}x{}", "*_".repeat(5_000), "_*".repeat(5_000)),
    ));
    inputs.push((
        "deep links",
        format!("{}x{}", "[".repeat(10_000), "](u)".repeat(10_000)),
    ));
    inputs.push((
        "huge word",
        format!("# Verschlüsselung\n\n{}\n", "Datenschutz".repeat(100_000)),
    ));
    inputs.push((
        "odd unicode headings",
        ODD.iter()
            .map(|s| format!("# {s}\n\n{s} {s}\n\n"))
            .collect(),
    ));
    inputs.push(("only blanks", "\n \r\n\t\n".repeat(10_000)));
    inputs.push((
        "wide table",
        format!("|{}\n|{}\n", "a|".repeat(2_000), "-|".repeat(2_000)),
    ));
    for (name, text) in &inputs {
        let start = Instant::now();
        if let Some(msg) = run_case(&|t: &String| check_import(t, None), text) {
            panic!("import of {name}: {msg}");
        }
        assert!(
            start.elapsed() < limit,
            "import of {name} took {:?}",
            start.elapsed()
        );
    }
}

// ---------------------------------------------------------------------------------------
// 3. The layout engine (export::pdf and pdf_from_blocks).
// ---------------------------------------------------------------------------------------

/// A recipe for a random document: filled canonical sections, custom sections at any
/// depth, measures with empty or odd fields.
#[derive(Debug, Clone)]
struct DocSpec {
    lang: Lang,
    org: String,
    address: String,
    title: (String, String),
    intro: String,
    /// (index into all sections, body de, body en, hidden)
    bodies: Vec<(usize, String, String, bool)>,
    /// (parent index or None, title de, title en, body)
    custom: Vec<(Option<usize>, String, String, String)>,
    /// (section index, text de, text en, technical, status, note)
    measures: Vec<(usize, String, String, bool, u8, String)>,
    release_first: bool,
    toc: bool,
    history: bool,
    table: bool,
    export_lang: Lang,
}

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::De), Just(Lang::En)]
}

fn short_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => words(6).boxed(), 1 => Just(String::new()).boxed(), 1 => Just("   ".to_owned()).boxed()]
}

fn doc_spec() -> impl Strategy<Value = DocSpec> {
    (
        (
            lang(),
            short_text(),
            short_text(),
            short_text(),
            short_text(),
            md_text(8),
        ),
        vec((0usize..64, md_text(12), md_text(4), any::<bool>()), 0..8),
        vec(
            (
                proptest::option::of(0usize..64),
                short_text(),
                short_text(),
                md_text(6),
            ),
            0..8,
        ),
        vec(
            (
                0usize..64,
                short_text(),
                short_text(),
                any::<bool>(),
                0u8..3,
                short_text(),
            ),
            0..20,
        ),
        (
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            lang(),
        ),
    )
        .prop_map(
            |(
                (lang, org, address, t_de, t_en, intro),
                bodies,
                custom,
                measures,
                (release_first, toc, history, table, export_lang),
            )| DocSpec {
                lang,
                org,
                address,
                title: (t_de, t_en),
                intro,
                bodies,
                custom,
                measures,
                release_first,
                toc,
                history,
                table,
                export_lang,
            },
        )
}

fn section_ids(doc: &Document) -> Vec<SectionId> {
    doc.all_sections()
        .into_iter()
        .map(|(s, _)| s.id.clone())
        .collect()
}

/// At most the title block's field limit (issue 19.8: longer names are refused on load).
fn capped(text: &str) -> String {
    text.chars()
        .take(tomwerk::model::MAX_LINE_FIELD_CHARS)
        .collect()
}

fn build(spec: &DocSpec) -> TomFile {
    let mut doc = Document::empty_template(spec.lang, &capped(&spec.org));
    doc.meta.organisation.address = capped(&spec.address);
    doc.meta.title = LocalText::new(spec.title.0.clone(), spec.title.1.clone());
    doc.intro = LocalText::new(
        spec.intro.clone(),
        spec.intro.chars().rev().collect::<String>(),
    );
    for (parent, de, en, body) in &spec.custom {
        let ids = section_ids(&doc);
        let parent = parent.map(|p| ids[p % ids.len()].clone());
        // A custom section needs a title in some language.
        let title = if de.trim().is_empty() && en.trim().is_empty() {
            LocalText::new("X", "")
        } else {
            LocalText::new(de.clone(), en.clone())
        };
        if let Ok(id) = doc.add_custom_section(parent.as_ref(), title) {
            doc.section_mut(&id).expect("just added").body = LocalText::new(body.clone(), "");
        }
    }
    let ids = section_ids(&doc);
    for (i, de, en, hidden) in &spec.bodies {
        let s = doc.section_mut(&ids[i % ids.len()]).expect("exists");
        s.body = LocalText::new(de.clone(), en.clone());
        s.hidden = *hidden;
    }
    for (i, de, en, technical, status, note) in &spec.measures {
        let mut m = Measure::new(LocalText::new(de.clone(), en.clone()));
        m.kind = if *technical {
            MeasureKind::Technical
        } else {
            MeasureKind::Organisational
        };
        m.status = MeasureStatus::ALL[*status as usize % 3];
        m.note = LocalText::new(note.clone(), "");
        doc.add_measure(&ids[i % ids.len()], m)
            .expect("section exists");
    }
    let mut file = TomFile::new(doc);
    if spec.release_first {
        let _ = file.release("1.0", date!(2026 - 01 - 15), "Fuzz \u{1F600}", "erste");
        file.working.intro.de.push_str(" geändert");
    }
    file
}

fn check_pdf(bytes: &[u8], pages: usize) -> Verdict {
    if !bytes.starts_with(b"%PDF-") {
        return Err("output is not a PDF".into());
    }
    if pages == 0 {
        return Err("a PDF with no pages".into());
    }
    let parsed =
        lopdf::Document::load_mem(bytes).map_err(|e| format!("lopdf cannot read it: {e}"))?;
    if parsed.get_pages().len() != pages {
        return Err(format!(
            "{} pages reported, {} in the file",
            pages,
            parsed.get_pages().len()
        ));
    }
    Ok(())
}

#[test]
fn fuzz_export_documents() {
    fuzz("export/documents", doc_spec(), 150, |spec| {
        let file = build(spec);
        let options = ExportOptions {
            lang: spec.export_lang,
            version: None,
            toc: spec.toc,
            history: spec.history,
            measures: if spec.table {
                MeasureLayout::Table
            } else {
                MeasureLayout::List
            },
            date: date!(2026 - 02 - 01),
        };
        let out = export::pdf(&file, &options).map_err(|e| format!("export failed: {e}"))?;
        check_pdf(&out.bytes, out.pages)
    });
}

fn inline() -> impl Strategy<Value = Inline> {
    (
        word(),
        any::<(bool, bool, bool, bool)>(),
        proptest::option::of(prop_oneof![
            Just(Highlight::Inserted),
            Just(Highlight::Deleted)
        ]),
        proptest::option::of(word()),
    )
        .prop_map(
            |(text, (bold, italic, strike, code), highlight, link)| Inline {
                text,
                style: InlineStyle {
                    bold,
                    italic,
                    strike,
                    highlight,
                    link,
                    code,
                },
            },
        )
}

fn inlines() -> impl Strategy<Value = Vec<Inline>> {
    vec(inline(), 0..12)
}

fn block() -> impl Strategy<Value = Block> {
    let leaf = prop_oneof![
        1 => word().prop_map(Block::Title),
        2 => (any::<u8>(), words(3), words(8), any::<bool>()).prop_map(|(level, number, text, outline)| {
            Block::Heading { level, number, text, outline }
        }),
        4 => inlines().prop_map(Block::Paragraph),
        1 => inlines().prop_map(Block::Small),
        1 => (vec(inlines(), 0..5), vec(vec(inlines(), 0..6), 0..8))
            .prop_map(|(header, rows)| Block::Table { header, rows }),
        1 => words(4).prop_map(|title| Block::Toc { title }),
        1 => prop_oneof![-100.0f32..2000.0, Just(0.0), Just(1e9)].prop_map(Block::Spacer),
        1 => Just(Block::Rule),
    ];
    leaf.prop_recursive(6, 32, 4, |inner| {
        (any::<bool>(), any::<u64>(), vec(vec(inner, 0..3), 0..4)).prop_map(
            |(ordered, start, items)| Block::List {
                ordered,
                start,
                items,
            },
        )
    })
}

#[test]
fn fuzz_export_blocks() {
    let furniture = (
        short_text(),
        short_text(),
        short_text(),
        proptest::option::of(word()),
    )
        .prop_map(
            |(footer_left, footer_version, fingerprint, draft_mark)| Furniture {
                footer_left,
                footer_version,
                fingerprint,
                draft_mark,
            },
        );
    fuzz(
        "export/blocks",
        (vec(block(), 0..12), furniture, short_text(), lang()),
        150,
        |(blocks, furniture, title, lang)| {
            let meta = PdfMeta {
                title: title.clone(),
                author: title.chars().rev().collect(),
                subject: String::new(),
                lang: *lang,
                date: date!(2026 - 02 - 01).midnight().assume_utc(),
            };
            let out = export::pdf_from_blocks(blocks, furniture, &meta)
                .map_err(|e| format!("export failed: {e}"))?;
            check_pdf(&out.bytes, out.pages)
        },
    );
}

/// Long words with no break opportunity, deep lists and empty fields in one document.
#[test]
fn export_extremes() {
    let mut doc = Document::empty_template(Lang::De, "");
    let ids = section_ids(&doc);
    let s = doc.section_mut(&ids[0]).unwrap();
    s.body.de = format!(
        "{}\n\n{}\n\n{}\n\n| {} | b |\n|---|---|\n| 😀漢字עברית | e\u{301} |",
        "Donaudampfschifffahrt".repeat(200),
        (0..60)
            .map(|i| format!("{}- Ebene {i}\n", "  ".repeat(i)))
            .collect::<String>(),
        "\u{0}\u{7}\u{1b}\u{202E}\u{FEFF}\u{2028}".repeat(50),
        "x".repeat(3000),
    );
    doc.add_measure(&ids[1], Measure::new(LocalText::default()))
        .unwrap();
    let file = TomFile::new(doc);
    let options = ExportOptions {
        lang: Lang::De,
        version: None,
        toc: true,
        history: true,
        measures: MeasureLayout::Table,
        date: date!(2026 - 02 - 01),
    };
    let out = export::pdf(&file, &options).expect("export");
    check_pdf(&out.bytes, out.pages).unwrap();
}

// ---------------------------------------------------------------------------------------
// 4. The diff engine and the Markdown round trip (random documents again).
// ---------------------------------------------------------------------------------------

/// An edit that turns one random document into a related newer one.
#[derive(Debug, Clone)]
enum Edit {
    Body(usize, String),
    Title(usize, String),
    Hide(usize),
    Remove(usize),
    MeasureText(usize, String),
    MeasureStatus(usize, u8),
    RemoveMeasure(usize),
    Organisation(String),
    Intro(String),
    AddSection(usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (0usize..64, md_text(8)).prop_map(|(i, t)| Edit::Body(i, t)),
        1 => (0usize..64, short_text()).prop_map(|(i, t)| Edit::Title(i, t)),
        1 => (0usize..64).prop_map(Edit::Hide),
        1 => (0usize..64).prop_map(Edit::Remove),
        2 => (0usize..64, short_text()).prop_map(|(i, t)| Edit::MeasureText(i, t)),
        1 => (0usize..64, 0u8..3).prop_map(|(i, s)| Edit::MeasureStatus(i, s)),
        1 => (0usize..64).prop_map(Edit::RemoveMeasure),
        1 => short_text().prop_map(Edit::Organisation),
        1 => md_text(4).prop_map(Edit::Intro),
        1 => (0usize..64, short_text()).prop_map(|(i, t)| Edit::AddSection(i, t)),
    ]
}

fn apply_edit(doc: &mut Document, e: &Edit) {
    let ids = section_ids(doc);
    let measures: Vec<_> = doc
        .all_measures()
        .into_iter()
        .map(|(_, m)| m.id.clone())
        .collect();
    let section = |i: usize| ids[i % ids.len()].clone();
    match e {
        Edit::Body(i, t) => doc.section_mut(&section(*i)).expect("exists").body.de = t.clone(),
        Edit::Title(i, t) => doc.section_mut(&section(*i)).expect("exists").title.en = t.clone(),
        Edit::Hide(i) => {
            let s = doc.section_mut(&section(*i)).expect("exists");
            s.hidden = !s.hidden;
        }
        Edit::Remove(i) => {
            let _ = doc.remove_section(&section(*i));
        }
        Edit::MeasureText(i, _) | Edit::MeasureStatus(i, _) | Edit::RemoveMeasure(i) => {
            if measures.is_empty() {
                return;
            }
            let id = measures[i % measures.len()].clone();
            if matches!(e, Edit::RemoveMeasure(_)) {
                let _ = doc.remove_measure(&id);
                return;
            }
            for s in doc
                .all_sections()
                .into_iter()
                .map(|(s, _)| s.id.clone())
                .collect::<Vec<_>>()
            {
                let sec = doc.section_mut(&s).expect("exists");
                for m in &mut sec.measures {
                    if m.id == id {
                        match e {
                            Edit::MeasureText(_, t) => m.text.de = t.clone(),
                            Edit::MeasureStatus(_, st) => {
                                m.status = MeasureStatus::ALL[*st as usize % 3]
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        Edit::Organisation(t) => doc.meta.organisation.name = capped(t),
        Edit::Intro(t) => doc.intro.en = t.clone(),
        Edit::AddSection(i, t) => {
            let _ = doc.add_custom_section(Some(&section(*i)), LocalText::new(t.clone(), "Neu"));
        }
    }
}

fn check_diff(old: &Document, new: &Document) -> Verdict {
    if !tomwerk::diff::compare(old, old).is_empty() {
        return Err("a document differs from itself".into());
    }
    let diff = tomwerk::diff::compare(old, new);
    if diff.changes.iter().enumerate().any(|(i, c)| c.index != i) {
        return Err("change indices out of order".into());
    }
    // Equal documents have no changes, and an empty diff means equal documents, up to
    // white space around titles (compared as displayed, by design of the diff).
    if old.content_eq(new) && !diff.is_empty() {
        return Err("equal documents, but changes reported".into());
    }
    // The public comparison leaves hidden sections out by design (they never reach a
    // customer), so completeness is checked on the internal comparison.
    let full = tomwerk::diff::compare_including_hidden(old, new);
    if full.is_empty() && !trimmed_titles(old).content_eq(&trimmed_titles(new)) {
        return Err("the documents differ, but no change is reported".into());
    }
    let _ = diff.summary();
    for lang in Lang::ALL {
        let report = tomwerk::diff::Report::new(
            &diff,
            lang,
            tomwerk::diff::Fingerprint::version("1.0", "0123456789ab"),
            tomwerk::diff::Fingerprint::version("2.0", "ba9876543210"),
        );
        let _ = report.to_text();
        let _ = report.to_markdown();
        let _ = report.to_blocks();
    }
    Ok(())
}

fn trimmed_titles(doc: &Document) -> Document {
    fn walk(list: &mut [tomwerk::model::Section]) {
        for s in list {
            s.title = LocalText::new(s.title.de.trim(), s.title.en.trim());
            walk(&mut s.children);
        }
    }
    let mut doc = doc.clone();
    walk(&mut doc.sections);
    doc
}

#[test]
fn fuzz_diff() {
    fuzz(
        "diff/compare",
        (doc_spec(), vec(edit(), 0..8), doc_spec()),
        300,
        |(spec, edits, other)| {
            let old = build(spec).working;
            let mut new = old.clone();
            for e in edits {
                apply_edit(&mut new, e);
            }
            check_diff(&old, &new)?;
            // Unrelated documents (custom ids collide with different content).
            check_diff(&old, &build(other).working)
        },
    );
}

#[test]
fn fuzz_word_diff() {
    fuzz(
        "diff/words",
        (
            prop_oneof![md_text(6).boxed(), any::<String>().boxed()],
            vec(edit_text(), 0..6),
        ),
        2000,
        |(old, edits)| {
            let mut new = old.clone();
            for (at, junk, cut) in edits {
                let mut i = pos(new.len(), *at);
                while !new.is_char_boundary(i) {
                    i -= 1;
                }
                let mut j = (i + cut).min(new.len());
                while !new.is_char_boundary(j) {
                    j -= 1;
                }
                new.replace_range(i..j.max(i), junk);
            }
            let segments = tomwerk::diff::word_diff(old, &new);
            if tomwerk::diff::old_text(&segments) != *old {
                return Err("old text not recovered from the segments".into());
            }
            if tomwerk::diff::new_text(&segments) != new {
                return Err("new text not recovered from the segments".into());
            }
            Ok(())
        },
    );
}

/// (where, what to insert, how many bytes to cut)
fn edit_text() -> impl Strategy<Value = (f64, String, usize)> {
    (
        0.0f64..1.0,
        prop_oneof![word(), Just(String::new())],
        0usize..40,
    )
}

#[test]
fn fuzz_markdown_round_trip() {
    fuzz(
        "markdown/round-trip",
        (doc_spec(), lang()),
        300,
        |(spec, lang)| {
            let file = build(spec);
            for layout in [MeasureLayout::List, MeasureLayout::Table] {
                let md = export::markdown::document_markdown(&file.working, *lang, layout);
                check_import(&md, Some(*lang))?;
            }
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------
// Regression tests: the inputs the fuzzers found, minimal, each with its fix.
// ---------------------------------------------------------------------------------------

/// Found by export/documents (seed 0x1092): an organisation name of thousands of
/// characters made the footer's shortening quadratic per page (drop one character,
/// re-measure all): minutes for one export. Fixed in `export::layout::fit` (linear).
#[test]
fn regression_long_organisation_name_exports_quickly() {
    let file = TomFile::new(Document::empty_template(Lang::En, &"漢".repeat(9_000)));
    let options = ExportOptions {
        lang: Lang::En,
        version: None,
        toc: false,
        history: false,
        measures: MeasureLayout::List,
        date: date!(2026 - 02 - 01),
    };
    let start = Instant::now();
    let out = export::pdf(&file, &options).expect("export");
    check_pdf(&out.bytes, out.pages).unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "took {:?}",
        start.elapsed()
    );
}
