//! Fluent message bundles for German and English, embedded in the binary, and locale detection.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use time::Date;

use crate::model::{Document, Lang, MeasureKind, MeasureStatus, Section};

/// The embedded locale files, one pair per area, so each module owns its messages.
pub const LOCALE_FILES: &[(&str, &str, &str)] = &[
    (
        "common.ftl",
        include_str!("../../locales/de/common.ftl"),
        include_str!("../../locales/en/common.ftl"),
    ),
    (
        "integrity.ftl",
        include_str!("../../locales/de/integrity.ftl"),
        include_str!("../../locales/en/integrity.ftl"),
    ),
    (
        "cli.ftl",
        include_str!("../../locales/de/cli.ftl"),
        include_str!("../../locales/en/cli.ftl"),
    ),
    (
        "editing.ftl",
        include_str!("../../locales/de/editing.ftl"),
        include_str!("../../locales/en/editing.ftl"),
    ),
    (
        "app.ftl",
        include_str!("../../locales/de/app.ftl"),
        include_str!("../../locales/en/app.ftl"),
    ),
    (
        "export.ftl",
        include_str!("../../locales/de/export.ftl"),
        include_str!("../../locales/en/export.ftl"),
    ),
    (
        "import.ftl",
        include_str!("../../locales/de/import.ftl"),
        include_str!("../../locales/en/import.ftl"),
    ),
    (
        "import_formats.ftl",
        include_str!("../../locales/de/import_formats.ftl"),
        include_str!("../../locales/en/import_formats.ftl"),
    ),
    (
        "diff.ftl",
        include_str!("../../locales/de/diff.ftl"),
        include_str!("../../locales/en/diff.ftl"),
    ),
    (
        "checks.ftl",
        include_str!("../../locales/de/checks.ftl"),
        include_str!("../../locales/en/checks.ftl"),
    ),
    (
        "defects.ftl",
        include_str!("../../locales/de/defects.ftl"),
        include_str!("../../locales/en/defects.ftl"),
    ),
    (
        "structure.ftl",
        include_str!("../../locales/de/structure.ftl"),
        include_str!("../../locales/en/structure.ftl"),
    ),
    (
        "report.ftl",
        include_str!("../../locales/de/report.ftl"),
        include_str!("../../locales/en/report.ftl"),
    ),
    (
        "docx.ftl",
        include_str!("../../locales/de/docx.ftl"),
        include_str!("../../locales/en/docx.ftl"),
    ),
];

/// The translated strings of both languages.
pub struct I18n {
    de: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("I18n")
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let langid = match lang {
        Lang::De => unic_langid::langid!("de-DE"),
        Lang::En => unic_langid::langid!("en-GB"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks (U+2068/U+2069) would end up in PDFs and in text extraction.
    bundle.set_use_isolating(false);
    for (_, de, en) in LOCALE_FILES {
        let source = if lang == Lang::De { de } else { en };
        // A resource with a syntax error still yields every message that did parse; the
        // locale test makes sure shipped files have none.
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        // Duplicate ids across files are caught by the locale test as well.
        bundle.add_resource_overriding(resource);
    }
    bundle
}

/// The process-wide message bundles.
pub fn i18n() -> &'static I18n {
    static I18N: OnceLock<I18n> = OnceLock::new();
    I18N.get_or_init(I18n::new)
}

/// Shorthand for `i18n().tr(lang, id)`.
pub fn tr(lang: Lang, id: &str) -> String {
    i18n().tr(lang, id)
}

impl I18n {
    /// Builds both bundles from the embedded locale files.
    pub fn new() -> Self {
        Self {
            de: bundle(Lang::De),
            en: bundle(Lang::En),
        }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }

    /// True when `id` exists in `lang`.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundle(lang).has_message(id)
    }

    /// The message `id` in `lang`; the id itself when it is missing (visible, never a panic).
    pub fn tr(&self, lang: Lang, id: &str) -> String {
        self.tr_args(lang, id, &[])
    }

    /// The message `id` in `lang` with named arguments.
    pub fn tr_args(&self, lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    /// The title of a section as shown: the document's own title if set, else the
    /// canonical default, else the other language's title.
    pub fn section_title(&self, section: &Section, lang: Lang) -> String {
        let own = section.title.get(lang).trim();
        if !own.is_empty() {
            return own.to_owned();
        }
        if let Some(c) = section.canonical() {
            return self.tr(lang, &c.title_message_id());
        }
        let other = section.title.get(lang.other()).trim();
        if other.is_empty() {
            self.tr(lang, "section-untitled")
        } else {
            other.to_owned()
        }
    }

    /// The document title in `lang`, or the default title.
    pub fn document_title(&self, doc: &Document, lang: Lang) -> String {
        let own = doc.meta.title.get(lang).trim();
        if own.is_empty() {
            self.tr(lang, "document-title-default")
        } else {
            own.to_owned()
        }
    }

    /// The label of a measure kind.
    pub fn kind_label(&self, kind: MeasureKind, lang: Lang) -> String {
        self.tr(lang, &format!("measure-kind-{}", kind.key()))
    }

    /// The label of a measure status.
    pub fn status_label(&self, status: MeasureStatus, lang: Lang) -> String {
        self.tr(lang, &format!("measure-status-{}", status.key()))
    }
}

impl Default for I18n {
    fn default() -> Self {
        Self::new()
    }
}

/// Formats a date for `lang`: `01.03.2026` in German, `1 March 2026` in English.
pub fn format_date(date: Date, lang: Lang) -> String {
    match lang {
        Lang::De => format!(
            "{:02}.{:02}.{}",
            date.day(),
            u8::from(date.month()),
            date.year()
        ),
        Lang::En => format!("{} {} {}", date.day(), date.month(), date.year()),
    }
}

/// The language of the operating system's locale, English when it is neither German
/// nor English or cannot be read (e.g. `C.UTF-8`).
pub fn detect_locale() -> Lang {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var)
            && !v.is_empty()
        {
            return Lang::parse(&v).unwrap_or(Lang::En);
        }
    }
    sys_locale::get_locale()
        .and_then(|l| Lang::parse(&l))
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CanonicalSection;
    use std::collections::BTreeSet;

    fn ids(source: &str, file: &str, lang: &str) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source.to_owned())
            .unwrap_or_else(|(_, e)| panic!("{lang}/{file} does not parse: {e:?}"));
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn locales_parse_and_have_the_same_ids() {
        let mut all = BTreeSet::new();
        for (file, de, en) in LOCALE_FILES {
            let de_ids = ids(de, file, "de");
            let en_ids = ids(en, file, "en");
            let only_de: Vec<_> = de_ids.difference(&en_ids).collect();
            let only_en: Vec<_> = en_ids.difference(&de_ids).collect();
            assert!(only_de.is_empty(), "{file}: only in de: {only_de:?}");
            assert!(only_en.is_empty(), "{file}: only in en: {only_en:?}");
            for id in de_ids {
                assert!(all.insert(id.clone()), "{id} is defined in two files");
            }
        }
    }

    #[test]
    fn every_canonical_section_has_a_title() {
        let i = I18n::new();
        for c in CanonicalSection::ALL {
            for lang in Lang::ALL {
                assert!(i.has(lang, &c.title_message_id()), "{} in {lang}", c.id());
            }
        }
        let s = Section::new(CanonicalSection::PhysicalAccess);
        assert_eq!(i.section_title(&s, Lang::De), "Zutrittskontrolle");
        assert_eq!(i.section_title(&s, Lang::En), "Physical access control");
    }

    #[test]
    fn no_isolation_marks() {
        let out = i18n().tr_args(Lang::De, "cli-written", &[("path", "a.tom".into())]);
        assert_eq!(out, "a.tom geschrieben");
    }

    #[test]
    fn dates_per_language() {
        let d = time::macros::date!(2026 - 03 - 01);
        assert_eq!(format_date(d, Lang::De), "01.03.2026");
        assert_eq!(format_date(d, Lang::En), "1 March 2026");
    }
}
