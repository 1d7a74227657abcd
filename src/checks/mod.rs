//! Completeness checks: findings with a level, a location and a localised message.
//!
//! API contract shared with the editor and the CLI (the body is being built).

use time::Date;

use crate::model::{Lang, MeasureId, SectionId};
use crate::store::TomFile;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Must be fixed before the TOM holds up.
    Error,
    /// Should be fixed.
    Warning,
    /// Good to know.
    Info,
}

/// Where a finding points.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The section, if the finding concerns one.
    pub section: Option<SectionId>,
    /// The measure, if the finding concerns one.
    pub measure: Option<MeasureId>,
}

/// One result of the checks.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Error, warning or info.
    pub level: Level,
    /// Where to jump to.
    pub location: Location,
    /// The fluent message id (in `locales/*/checks.ftl`).
    pub message_id: String,
    /// Named arguments of the message.
    pub args: Vec<(String, String)>,
}

impl Finding {
    /// The localised message.
    pub fn message(&self, lang: Lang) -> String {
        let args: Vec<(&str, fluent_bundle::FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().into()))
            .collect();
        crate::i18n::i18n().tr_args(lang, &self.message_id, &args)
    }
}

/// Runs every check on a file, with "today" injected.
pub fn run(_file: &TomFile, _today: Date) -> Vec<Finding> {
    Vec::new()
}
