//! The checks over every printed text: translations, link schemes, characters the PDF font lacks.

use super::*;

/// What a printed text is, for messages (`field` argument, a fluent selector) and for
/// the editor to open the field a finding names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The document title.
    DocumentTitle,
    /// The purpose line.
    Purpose,
    /// The responsible person in the title block.
    Responsible,
    /// The introduction.
    Intro,
    /// A section's heading.
    Title,
    /// A section's text.
    Body,
    /// A measure's text.
    Measure,
    /// A measure's note.
    Note,
}

impl Field {
    fn key(self) -> &'static str {
        match self {
            Self::DocumentTitle => "document-title",
            Self::Purpose => "purpose",
            Self::Responsible => "responsible",
            Self::Intro => "intro",
            Self::Title => "title",
            Self::Body => "body",
            Self::Measure => "measure",
            Self::Note => "note",
        }
    }

    /// Fields whose text is Markdown (and may hold links).
    fn is_markdown(self) -> bool {
        matches!(self, Self::Intro | Self::Body | Self::Measure | Self::Note)
    }
}

/// A bilingual text that ends up in the exported document, with where it is.
pub(super) struct Printed<'a> {
    field: Field,
    text: &'a LocalText,
    location: Location,
    measure: Option<&'a Measure>,
}

impl Printed<'_> {
    fn args(&self) -> Vec<(&'static str, String)> {
        let mut args = vec![("field", self.field.key().to_owned())];
        match self.measure {
            Some(m) => args.extend(measure_args(m)),
            // The messages select on `field`; an empty measure keeps every variant defined.
            None => args.extend([("measure_de", String::new()), ("measure_en", String::new())]),
        }
        args
    }
}

pub(super) fn printed_texts<'a>(doc: &'a Document, visible: &[Visible<'a>]) -> Vec<Printed<'a>> {
    let whole = |field, text| Printed {
        field,
        text,
        location: Location::document(),
        measure: None,
    };
    let mut out = vec![
        whole(Field::DocumentTitle, &doc.meta.title),
        whole(Field::Purpose, &doc.meta.purpose),
        whole(Field::Responsible, &doc.meta.responsible),
        whole(Field::Intro, &doc.intro),
    ];
    for v in visible {
        let s = v.section;
        let here = Location::section(&s.id);
        out.push(Printed {
            field: Field::Title,
            text: &s.title,
            location: here.clone(),
            measure: None,
        });
        out.push(Printed {
            field: Field::Body,
            text: &s.body,
            location: here,
            measure: None,
        });
        for m in &s.measures {
            for (field, text) in [(Field::Measure, &m.text), (Field::Note, &m.note)] {
                out.push(Printed {
                    field,
                    text,
                    location: Location::measure(&s.id, &m.id),
                    measure: Some(m),
                });
            }
        }
    }
    out
}

/// The document's languages, each once, in its order.
pub(super) fn languages(doc: &Document) -> Vec<Lang> {
    let mut langs = Vec::new();
    for &l in &doc.meta.languages {
        if !langs.contains(&l) {
            langs.push(l);
        }
    }
    langs
}

pub(super) fn translations(doc: &Document, texts: &[Printed<'_>], out: &mut Vec<Finding>) {
    let langs = languages(doc);
    for t in texts {
        for &lang in &langs {
            let check = if t.text.lacks(lang) {
                Check::MissingTranslation
            } else if t.text.is_stale(lang) {
                Check::StaleTranslation
            } else {
                continue;
            };
            let mut args = t.args();
            args.push(("lang", lang.code().to_owned()));
            out.push(Finding::new(
                check,
                t.location.clone().with_text(t.field, lang),
                args,
            ));
        }
    }
}

/// The scheme of a URL as RFC 3986 defines it (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`
/// before a colon), lower-cased; `None` for a relative reference.
pub fn url_scheme(url: &str) -> Option<String> {
    let (scheme, _) = url.trim().split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

/// The link and image targets of a Markdown text, as written.
pub(super) fn link_targets(markdown: &str) -> Vec<(LinkType, String)> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    Parser::new_ext(markdown, options)
        .filter_map(|event| match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            })
            | Event::Start(Tag::Image {
                link_type,
                dest_url,
                ..
            }) => Some((link_type, dest_url.into_string())),
            _ => None,
        })
        .collect()
}

pub(super) fn links(doc: &Document, texts: &[Printed<'_>], out: &mut Vec<Finding>) {
    let langs = languages(doc);
    for t in texts.iter().filter(|t| t.field.is_markdown()) {
        for &lang in &langs {
            for (link_type, url) in link_targets(t.text.get(lang)) {
                // `<name@example.org>` is a mail link without the written scheme.
                if link_type == LinkType::Email {
                    continue;
                }
                let mut args = t.args();
                args.push(("lang", lang.code().to_owned()));
                args.push(("url", excerpt(&url)));
                match url_scheme(&url) {
                    Some(s) if matches!(s.as_str(), "http" | "https" | "mailto") => {}
                    Some(scheme) => {
                        args.push(("scheme", scheme));
                        out.push(Finding::new(Check::LinkScheme, t.location.clone(), args));
                    }
                    None => out.push(Finding::new(
                        Check::LinkWithoutScheme,
                        t.location.clone(),
                        args,
                    )),
                }
            }
        }
    }
}

/// The characters of `text` the PDF font lacks, each once, described as `U+2713 ✓`.
pub(super) fn unrenderable(text: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    text.chars()
        .filter(|&c| !renderable(c) && seen.insert(c))
        .map(|c| {
            if c.is_control() {
                format!("U+{:04X}", u32::from(c))
            } else {
                format!("U+{:04X} {c}", u32::from(c))
            }
        })
        .collect()
}

pub(super) fn characters(doc: &Document, texts: &[Printed<'_>], out: &mut Vec<Finding>) {
    let langs = languages(doc);
    // The title block prints these plain fields in every language.
    let meta = &doc.meta;
    for (field, text) in [
        ("organisation", &meta.organisation.name),
        ("address", &meta.organisation.address),
        ("dpo", &meta.dpo_contact),
    ] {
        let chars = unrenderable(text);
        if !chars.is_empty() {
            out.push(Finding::new(
                Check::UnrenderableCharacter,
                Location::document(),
                vec![
                    ("field", field.to_owned()),
                    ("lang", "none".to_owned()),
                    ("measure_de", String::new()),
                    ("measure_en", String::new()),
                    ("chars", chars.join(", ")),
                ],
            ));
        }
    }
    for t in texts {
        for &lang in &langs {
            let chars = unrenderable(t.text.get(lang));
            if !chars.is_empty() {
                let mut args = t.args();
                args.push(("lang", lang.code().to_owned()));
                args.push(("chars", chars.join(", ")));
                out.push(Finding::new(
                    Check::UnrenderableCharacter,
                    t.location.clone(),
                    args,
                ));
            }
        }
    }
}
