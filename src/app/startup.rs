//! The start-up timeline (issue 15.10): with `TOMWERK_STARTUP_TRACE=1` the editor prints,
//! on stderr after its first frame, how many milliseconds after `app::run` each step was
//! reached (window and GL context, fonts, document, recovery check, first frame).

use std::sync::Mutex;
use std::time::Instant;

/// The environment variable that switches the timeline on.
pub const TRACE_ENV: &str = "TOMWERK_STARTUP_TRACE";

/// When the timeline started, and each step with its time in milliseconds.
type Timeline = (Instant, Vec<(&'static str, f64)>);

static MARKS: Mutex<Option<Timeline>> = Mutex::new(None);

/// Starts the timeline (when asked for by the environment).
pub fn begin() {
    if std::env::var_os(TRACE_ENV).is_some_and(|v| v != "0")
        && let Ok(mut m) = MARKS.lock()
    {
        *m = Some((Instant::now(), Vec::new()));
    }
}

/// Records that `step` is reached now.
pub fn mark(step: &'static str) {
    if let Ok(mut guard) = MARKS.lock()
        && let Some((start, marks)) = guard.as_mut()
    {
        marks.push((step, start.elapsed().as_secs_f64() * 1000.0));
    }
}

/// Records the end of the first frame and prints the timeline once.
pub fn first_frame_done() {
    mark("first frame drawn");
    if let Ok(mut guard) = MARKS.lock()
        && let Some((_, marks)) = guard.take()
    {
        let mut last = 0.0;
        for (step, at) in marks {
            eprintln!("startup {at:8.1} ms (+{:6.1}) {step}", at - last);
            last = at;
        }
    }
}
