//! Store and chain errors as one line in the user's language, naming the file and, for an
//! error inside a released version, that version (issue 19.12). The editor uses it too.

use fluent_bundle::FluentValue;

use crate::i18n::i18n;
use crate::model::Lang;
use crate::store::{ChainError, StoreError, StoreErrorKind};

/// The line for a store error: "FILE: [version L: ]what is wrong", in `lang`.
pub fn store_error_text(e: &StoreError, lang: Lang) -> String {
    let tr = |id: &str, args: &[(&str, FluentValue<'_>)]| i18n().tr_args(lang, id, args);
    let what = match &e.kind {
        StoreErrorKind::Io(io) => io_text(io, lang),
        StoreErrorKind::Empty => tr("store-error-empty", &[]),
        StoreErrorKind::NotRegularFile => tr("store-error-not-regular", &[]),
        StoreErrorKind::TooLarge { size, limit } => tr(
            "store-error-too-large",
            &[("size", (*size).into()), ("limit", (*limit).into())],
        ),
        StoreErrorKind::NotUtf8 { offset } => {
            tr("store-error-not-utf8", &[("offset", (*offset).into())])
        }
        StoreErrorKind::NotTomwerk => tr("store-error-not-tomwerk", &[]),
        StoreErrorKind::NewerFormat { found, supported } => tr(
            "store-error-newer",
            &[
                ("found", (*found).into()),
                ("supported", (*supported).into()),
            ],
        ),
        StoreErrorKind::Truncated { line } => {
            tr("store-error-truncated", &[("line", (*line).into())])
        }
        StoreErrorKind::Syntax {
            line,
            column,
            message,
        } => tr(
            "store-error-syntax",
            &[
                ("line", (*line).into()),
                ("column", (*column).into()),
                ("detail", message.as_str().into()),
            ],
        ),
        StoreErrorKind::Invalid(detail) => {
            tr("store-error-invalid", &[("detail", detail.as_str().into())])
        }
        StoreErrorKind::ChangedOnDisk => tr("store-error-changed-on-disk", &[]),
        StoreErrorKind::Locked => tr("store-error-locked", &[]),
        StoreErrorKind::Serialize(detail) => tr(
            "store-error-serialize",
            &[("detail", detail.as_str().into())],
        ),
    };
    let what = match &e.version {
        Some(label) => tr(
            "store-error-in-version",
            &[("label", label.as_str().into()), ("what", what.into())],
        ),
        None => what,
    };
    if e.path.as_os_str().is_empty() {
        what
    } else {
        format!("{}: {what}", e.path.display())
    }
}

/// An I/O error without the OS's "(os error 2)": the common kinds in the user's language.
fn io_text(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let id = match e.kind() {
        K::NotFound => "store-error-not-found",
        K::PermissionDenied | K::ReadOnlyFilesystem => "store-error-permission",
        K::IsADirectory => "store-error-not-regular",
        K::StorageFull | K::QuotaExceeded => "store-error-disk-full",
        _ => {
            let text = e.to_string();
            let text = match text.find(" (os error") {
                Some(at) => text[..at].to_owned(),
                None => text,
            };
            return i18n().tr_args(lang, "store-error-io", &[("detail", text.into())]);
        }
    };
    i18n().tr(lang, id)
}

/// What is wrong at the first bad version of a chain, in `lang`.
pub fn chain_fault_text(e: &ChainError, lang: Lang) -> String {
    i18n().tr(lang, &format!("integrity-fault-{}", e.fault.key()))
}
