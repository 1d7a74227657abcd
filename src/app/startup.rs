//! The start-up and quit timelines (issues 15.10, 20.8): with `TOMWERK_STARTUP_TRACE=1` the
//! editor prints, on stderr after its first frame, how many milliseconds after `app::run`
//! each step was reached (window and GL context, fonts, document, recovery check, first
//! frame), and on quitting, how long each step of the way out took after the quit began.

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

/// The quit timeline: when the quit was decided, and each step since.
static QUIT: Mutex<Option<Timeline>> = Mutex::new(None);

/// Starts the quit timeline (when the environment asks for timelines).
pub fn quit_begin() {
    if std::env::var_os(TRACE_ENV).is_some_and(|v| v != "0")
        && let Ok(mut m) = QUIT.lock()
    {
        *m = Some((Instant::now(), Vec::new()));
    }
}

/// Records that `step` of quitting is reached now.
pub fn quit_mark(step: &'static str) {
    if let Ok(mut guard) = QUIT.lock()
        && let Some((start, marks)) = guard.as_mut()
    {
        marks.push((step, start.elapsed().as_secs_f64() * 1000.0));
    }
}

/// Records the last step and prints the quit timeline once.
pub fn quit_done(step: &'static str) {
    quit_mark(step);
    if let Ok(mut guard) = QUIT.lock()
        && let Some((_, marks)) = guard.take()
    {
        let mut last = 0.0;
        for (step, at) in marks {
            eprintln!("quit {at:8.1} ms (+{:6.1}) {step}", at - last);
            last = at;
        }
    }
}
