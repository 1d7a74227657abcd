//! Builds the document: decides which blocks are headings, places each heading's content in
//! its canonical slot or in a custom section at the same place, and fills the metadata.

use std::collections::{HashMap, HashSet};

use super::blocks::{self, Block};
use super::frontmatter::{self, FrontMatter, Target, apply_front_matter};
use super::matching::{self, MAX_DEPTH, Numbering, Strictness};
use super::measures::{self, MeasureDetection, kind_heading, parse_kind_list, parse_measures};
use super::tree::Tree;
use super::{HeadingMapping, ImportReport, Imported, detect_language};
use crate::i18n::i18n;
use crate::model::{
    CanonicalSection, Document, Lang, LocalText, Measure, MeasureId, MeasureKind, Section,
    SectionId,
};

/// A heading as the builder sees it.
struct Heading {
    /// As written (number included), for the report.
    source: String,
    /// Markdown level; `None` for a bold line.
    level: Option<u8>,
    number: Option<Numbering>,
    /// The heading without its number.
    title: String,
    /// The heading's loose match, computed once before the build.
    loose: Option<matching::Match>,
    /// True when the heading uses a secondary name ([`matching::secondary_name`]).
    secondary: bool,
}

enum Item {
    Heading(Heading),
    Content {
        markdown: String,
        list_source: Option<String>,
    },
    Directive(String),
}

/// Builds the document from normalized Markdown.
pub fn build(text: &str, lang: Option<Lang>, detection: MeasureDetection) -> Imported {
    let (front, body_start) = frontmatter::split(text);
    let body = &text[body_start..];
    let fm_lang = front.as_ref().and_then(|fm| {
        fm.fields
            .iter()
            .find(|(k, _)| frontmatter::target(k) == Target::Language)
            .and_then(|(_, v)| Lang::parse(v.trim()))
    });
    let lang = lang.or(fm_lang).unwrap_or_else(|| detect_language(body));
    build_scanned(blocks::scan(body), lang, detection, front)
}

/// Builds the document from blocks a structured reader (DOCX, ODT, HTML) produced; `plain`
/// is their visible text, for detecting the language when `lang` is `None`.
pub fn build_blocks(
    blocks: Vec<Block>,
    plain: &str,
    lang: Option<Lang>,
    detection: MeasureDetection,
) -> Imported {
    let lang = lang.unwrap_or_else(|| detect_language(plain));
    let scanned = blocks::Scanned {
        blocks,
        ..blocks::Scanned::default()
    };
    build_scanned(scanned, lang, detection, None)
}

fn build_scanned(
    scanned: blocks::Scanned,
    lang: Lang,
    detection: MeasureDetection,
    front: Option<FrontMatter>,
) -> Imported {
    let mut doc = Document::empty_template(lang, "");
    // An import is kept in the language it was written in (issue 20.2): the other one
    // is switched on when the user starts translating, not reported as missing at once.
    doc.meta.languages = vec![lang];
    let mut report = ImportReport {
        lang: Some(lang),
        measures: detection,
        repairs: scanned.repairs.clone(),
        ..ImportReport::default()
    };
    let items = classify(scanned.blocks);
    let mut builder = Builder::new(lang, detection, &mut doc);
    builder.run(items, &mut report);
    let title_block = std::mem::take(&mut builder.title_block);
    builder.finish(&mut doc, &scanned.definitions, &mut report);
    if let Some(fm) = front {
        apply_front_matter(&mut doc, &fm, lang, &mut report);
    }
    if !title_block.is_empty() {
        // Front matter, where there is one, wins; a title-block field whose slot it filled
        // with something else is kept in `meta.extra` under its label.
        let before = report.metadata.len();
        let fields = FrontMatter {
            fields: title_block,
            kind: "title block",
        };
        apply_front_matter(&mut doc, &fields, lang, &mut report);
        report.title_block = report.metadata.split_off(before);
    }
    doc.ensure_canonical();
    Imported {
        document: doc,
        report,
    }
}

/// Turns blocks into items, deciding which bold lines are headings.
fn classify(blocks: Vec<Block>) -> Vec<Item> {
    let atx = blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { .. }))
        .count();
    let mut items = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            Block::Heading { level, text } => items.push(Item::Heading(heading(text, Some(level)))),
            Block::Directive(d) => items.push(Item::Directive(d)),
            Block::Content {
                markdown,
                list_source,
            } => items.push(Item::Content {
                markdown,
                list_source,
            }),
            Block::Bold { text, whole, rest } => {
                if bold_is_heading(&text, atx) {
                    items.push(Item::Heading(heading(text, None)));
                    if let Some(rest) = rest {
                        items.push(Item::Content {
                            markdown: rest,
                            list_source: None,
                        });
                    }
                } else {
                    items.push(Item::Content {
                        markdown: whole,
                        list_source: None,
                    });
                }
            }
        }
    }
    items
}

fn heading(source: String, level: Option<u8>) -> Heading {
    let (number, rest) = matching::split_number(&source);
    let title = rest.trim().trim_end_matches(':').trim_end().to_owned();
    Heading {
        source,
        level,
        number,
        title,
        loose: None,
        secondary: false,
    }
}

/// A bold-only line is a heading when it is numbered or names a section; in a document
/// without `#` headings (besides a title) any short line that is not a sentence counts.
fn bold_is_heading(text: &str, atx_headings: usize) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 120 || !t.chars().any(char::is_alphabetic) {
        return false;
    }
    let (number, rest) = matching::split_number(t);
    if number.is_some() {
        return true;
    }
    let strict = if atx_headings > 1 {
        Strictness::Exact
    } else {
        Strictness::Loose
    };
    if matching::match_heading(rest, strict, false).is_some() {
        return true;
    }
    atx_headings <= 1 && !t.trim_end_matches(':').ends_with(['.', '!', '?', ';', ','])
}

struct Builder {
    lang: Lang,
    tree: Tree,
    used: HashSet<CanonicalSection>,
    used_ids: HashSet<String>,
    next_custom: u64,
    /// (depth, node) of the open headings.
    stack: Vec<(usize, usize)>,
    /// The node receiving content; `None` before the first section (intro).
    current: Option<usize>,
    intro: String,
    section64: bool,
    /// Measures to add after the tree is built: (node, measure).
    measures: Vec<(usize, Measure)>,
    explicit_measure_ids: HashSet<String>,
    last_atx_depth: usize,
    /// The title heading when it differs from the default title.
    pending_title: Option<String>,
    /// Fields of the title block ("**Stand:** …") and the subtitle, as (label, value).
    title_block: Vec<(String, String)>,
    /// True once a heading after the title was seen.
    after_title: bool,
    /// Whether measure tables and task lists become measures.
    detection: MeasureDetection,
    /// Sections some heading names by a primary (not a secondary) name.
    primary_claims: HashSet<CanonicalSection>,
    /// Nodes that had subheadings in the source.
    wrappers: HashSet<usize>,
    /// Custom node -> index of its entry in the report's mappings.
    custom_mapping: HashMap<usize, usize>,
}

impl Builder {
    fn new(lang: Lang, detection: MeasureDetection, doc: &mut Document) -> Self {
        Builder {
            lang,
            tree: Tree::from_template(doc),
            used: HashSet::new(),
            used_ids: HashSet::new(),
            next_custom: 1,
            stack: Vec::new(),
            current: None,
            intro: String::new(),
            section64: false,
            measures: Vec::new(),
            explicit_measure_ids: HashSet::new(),
            last_atx_depth: 0,
            pending_title: None,
            title_block: Vec::new(),
            after_title: false,
            primary_claims: HashSet::new(),
            detection,
            wrappers: HashSet::new(),
            custom_mapping: HashMap::new(),
        }
    }

    fn run(&mut self, mut items: Vec<Item>, report: &mut ImportReport) {
        let title_at = self.find_title(&items);
        let ranks = heading_ranks(&items, title_at);
        self.section64 = uses_section64_names(&items);
        for (n, it) in items.iter_mut().enumerate() {
            if let Item::Heading(h) = it
                && Some(n) != title_at
            {
                h.loose = matching::match_heading(&h.title, Strictness::Loose, self.section64);
                h.secondary = matching::secondary_name(&h.title, self.section64);
                if let Some(m) = h.loose.as_ref().filter(|_| !h.secondary) {
                    self.primary_claims.insert(m.section);
                }
            }
        }
        if let Some(Item::Heading(h)) = title_at.and_then(|i| items.get(i)) {
            report.title = Some(h.source.clone());
            self.set_title(&h.source);
        }
        let mut skipping = false;
        let mut i = 0;
        while i < items.len() {
            if Some(i) == title_at {
                i += 1;
                continue;
            }
            let directive = match items.get(i + 1) {
                Some(Item::Directive(d)) => Some(d.clone()),
                _ => None,
            };
            match std::mem::replace(&mut items[i], Item::Directive(String::new())) {
                Item::Heading(h) => {
                    skipping = directive.as_deref() == Some("tomwerk:history");
                    let first_after_title = report.title.is_some()
                        && self.current.is_none()
                        && !std::mem::replace(&mut self.after_title, true);
                    if !skipping && directive.is_none() {
                        if let Some(end) = toc_under_heading(&h, &items, i + 1) {
                            report.toc =
                                Some((h.source.clone(), joined_content(&items[i + 1..end])));
                            i = end;
                            continue;
                        }
                        // "… — Art. 32 DSGVO" right under the title is the purpose line.
                        // A heading with subheadings of its own is a section, not a subtitle.
                        let has_subheadings = matches!(
                            items.get(i + 1),
                            Some(Item::Heading(next)) if next.level.unwrap_or(7) > h.level.unwrap_or(0)
                        );
                        if first_after_title
                            && !has_subheadings
                            && h.number.is_none()
                            && matching::looks_like_title(&h.title)
                            && matching::match_heading(&h.title, Strictness::Loose, false).is_none()
                        {
                            self.title_block
                                .push(("purpose".to_owned(), h.title.clone()));
                            i += 1;
                            continue;
                        }
                    }
                    // "Technische Maßnahmen" over a list inside a section is how Tomwerk's
                    // own PDF/DOCX and many real TOMs set measures: structured measures of
                    // that kind, not a custom section.
                    if !skipping
                        && self.current.is_some()
                        && let Some(kind) = kind_heading(&h.title)
                        && let Some(Item::Content {
                            markdown,
                            list_source,
                        }) = items.get(i + 1)
                        && let Some(ms) = self
                            .detected(markdown, list_source.as_deref(), Some(kind))
                            .or_else(|| parse_kind_list(list_source.as_deref()?, kind, self.lang))
                    {
                        let node = self.current.unwrap_or_default();
                        report.measure_blocks.push((h.source.clone(), ms.len()));
                        self.measures.extend(ms.into_iter().map(|m| (node, m)));
                        i += 2;
                        continue;
                    }
                    if !skipping {
                        let explicit = directive
                            .as_deref()
                            .and_then(|d| d.strip_prefix("tomwerk:section "));
                        if explicit.is_some() {
                            i += 1;
                        }
                        self.heading(h, &ranks, explicit, report);
                    }
                }
                Item::Directive(d) if d == "tomwerk:measures" && !skipping => {
                    if let Some(Item::Content {
                        markdown,
                        list_source: Some(src),
                    }) = items.get(i + 1)
                    {
                        match parse_measures(src, self.lang) {
                            Some(ms) if self.current.is_some() => {
                                let node = self.current.unwrap_or_default();
                                for m in ms {
                                    if !m.id.0.is_empty() {
                                        self.explicit_measure_ids.insert(m.id.0.clone());
                                    }
                                    self.measures.push((node, m));
                                }
                            }
                            _ => {
                                let md = markdown.clone();
                                self.content(&md);
                            }
                        }
                        i += 1;
                    }
                }
                // Tomwerk's own table of contents and draft mark are not document content.
                Item::Directive(d) if d == "tomwerk:toc" || d == "tomwerk:draft" => {
                    if matches!(items.get(i + 1), Some(Item::Content { .. })) {
                        i += 1;
                    }
                }
                Item::Directive(_) => {}
                Item::Content {
                    markdown,
                    list_source,
                } => {
                    if skipping {
                    } else if list_source.as_deref().is_some_and(is_anchor_list) {
                        report
                            .toc
                            .get_or_insert((first_line(&markdown), markdown.clone()));
                    } else if self.current.is_none()
                        && let Some(fields) = frontmatter::title_block(&markdown)
                    {
                        self.title_block.extend(fields);
                    } else if let Some(node) = self.current
                        && let Some(ms) = self.detected(&markdown, list_source.as_deref(), None)
                    {
                        report
                            .measure_blocks
                            .push((first_line(&markdown), ms.len()));
                        self.measures.extend(ms.into_iter().map(|m| (node, m)));
                    } else {
                        self.content(&markdown);
                    }
                }
            }
            i += 1;
        }
        report.intro = !self.intro.trim().is_empty();
    }

    /// The first block is the title when it is an unnumbered heading that names no section
    /// and either reads like a title or sits above every other heading.
    fn find_title(&self, items: &[Item]) -> Option<usize> {
        let Some(Item::Heading(h)) = items.first() else {
            return None;
        };
        if h.number.is_some() || h.title.is_empty() {
            return None;
        }
        if matching::match_heading(&h.title, Strictness::Loose, false).is_some()
            && !matching::looks_like_title(&h.title)
        {
            return None;
        }
        // A bold line has no level to compare: only its wording can make it the title.
        let Some(level) = h.level else {
            return matching::looks_like_title(&h.title).then_some(0);
        };
        let above_all = items[1..].iter().all(|it| match it {
            Item::Heading(o) => o.level.is_none_or(|l| l > level),
            _ => true,
        });
        let others = items[1..].iter().any(|it| matches!(it, Item::Heading(_)));
        (matching::looks_like_title(&h.title) || (above_all && others)).then_some(0)
    }

    fn set_title(&mut self, title: &str) {
        let default = i18n().tr(self.lang, "document-title-default");
        if matching::normalize(title) != matching::normalize(&default) {
            self.pending_title = Some(title.to_owned());
        }
    }

    fn content(&mut self, markdown: &str) {
        let target = match self.current {
            Some(node) => self.tree.sections[node].body.get_mut(self.lang),
            None => &mut self.intro,
        };
        if !target.is_empty() {
            target.push_str("\n\n");
        }
        target.push_str(markdown);
    }

    fn depth_of(&mut self, h: &Heading, ranks: &[u8]) -> usize {
        let numbered = h.number.as_ref().map_or(0, |n| n.depth);
        let depth = match h.level {
            Some(level) => {
                let rank = ranks.iter().position(|&r| r == level).map_or(1, |p| p + 1);
                let d = rank.max(numbered);
                self.last_atx_depth = d;
                d
            }
            // A bold line inside a document with `#` headings sits below the current one.
            None if self.last_atx_depth > 0 => numbered.max(self.last_atx_depth + 1),
            None if numbered > 0 => numbered,
            None => 1,
        };
        depth.clamp(1, MAX_DEPTH)
    }

    fn heading(
        &mut self,
        h: Heading,
        ranks: &[u8],
        explicit: Option<&str>,
        report: &mut ImportReport,
    ) {
        let depth = self.depth_of(&h, ranks);
        let mut prev_same = None;
        while let Some(&(d, n)) = self.stack.last() {
            if d < depth {
                break;
            }
            if d == depth {
                prev_same = Some(n);
            }
            self.stack.pop();
        }
        let parent = self.stack.last().map(|&(_, n)| n);
        if let Some(p) = parent {
            self.wrappers.insert(p);
        }

        // Our own export names the section; otherwise match the title.
        let (explicit_id, explicit_covers) = parse_section_directive(explicit);
        let found = match explicit_id.as_deref().map(CanonicalSection::from_id) {
            Some(Some(c)) => Some(matching::Match {
                section: c,
                also: explicit_covers
                    .iter()
                    .filter_map(|id| CanonicalSection::from_id(id))
                    .collect(),
            }),
            Some(None) => None,
            None => self.match_in_context(&h),
        };
        let title = if h.title.is_empty() {
            h.number
                .as_ref()
                .map(|n| n.label.clone())
                .unwrap_or_else(|| i18n().tr(self.lang, "section-untitled"))
        } else {
            h.title.clone()
        };
        // A second heading for a section already taken is a custom subsection at that topic's
        // home (the canonical group, or the section itself), never a copy elsewhere.
        let duplicate_of = found
            .as_ref()
            .filter(|m| {
                self.used.contains(&m.section)
                    || (explicit_id.is_none()
                        && self.primary_claims.contains(&m.section)
                        && h.secondary)
            })
            .map(|m| m.section);
        let node = match found.filter(|_| duplicate_of.is_none()) {
            Some(m) => {
                self.used.insert(m.section);
                let node = self.tree.canonical[&m.section];
                let default = i18n().tr(self.lang, &m.section.title_message_id());
                let section = &mut self.tree.sections[node];
                if matching::normalize(&title) != matching::normalize(&default) {
                    *section.title.get_mut(self.lang) = title;
                }
                section.hidden = false;
                for c in &m.also {
                    let id = SectionId::from(*c);
                    if !section.covers.contains(&id) {
                        section.covers.push(id);
                    }
                }
                report.mappings.push(HeadingMapping {
                    heading: h.source,
                    section: SectionId::from(m.section),
                    custom: false,
                    also_covers: m.also.iter().map(|c| SectionId::from(*c)).collect(),
                });
                node
            }
            None => {
                let id = self.custom_id(explicit_id.as_deref());
                let mut section = Section::new(id.clone());
                section.title = LocalText::only(self.lang, title);
                let home = explicit_id.is_none() && matching::evaluation_topic(&h.title);
                let node = match duplicate_of.filter(|_| explicit_id.is_none()) {
                    Some(c) => {
                        let host = self.tree.canonical[&c.parent().unwrap_or(c)];
                        let len = self.tree.children[host].len();
                        self.tree.insert_at(Some(host), len, section)
                    }
                    None => self.place_custom(home, depth, prev_same, parent, section),
                };
                self.custom_mapping.insert(node, report.mappings.len());
                report.mappings.push(HeadingMapping {
                    heading: h.source,
                    section: id,
                    custom: true,
                    also_covers: Vec::new(),
                });
                node
            }
        };
        self.stack.push((depth, node));
        self.current = Some(node);
    }

    /// A measure table or task list read as measures, when detection is on.
    fn detected(
        &self,
        markdown: &str,
        list_source: Option<&str>,
        kind: Option<MeasureKind>,
    ) -> Option<Vec<Measure>> {
        if self.detection == MeasureDetection::Off {
            return None;
        }
        match list_source {
            Some(src) => measures::from_task_list(src, kind, self.lang),
            None => measures::from_table(markdown, kind, self.lang),
        }
    }

    /// Matches a heading by its own words wherever it stands. Below a matched section only an
    /// exact name, or a word stem naming one of that section's own subsections, counts: there
    /// a stem such as "Verschlüsselung von Datenträgern" usually names a detail.
    fn match_in_context(&self, h: &Heading) -> Option<matching::Match> {
        let ancestor = self
            .stack
            .iter()
            .rev()
            .find_map(|&(_, n)| self.tree.sections[n].canonical());
        match ancestor {
            None => h.loose.clone(),
            Some(a) => matching::match_heading(&h.title, Strictness::Exact, self.section64)
                .or_else(|| h.loose.clone().filter(|m| m.section.parent() == Some(a))),
        }
    }

    /// Where a custom section goes: it keeps the source's level and stays next to the
    /// sibling it followed in the source (wherever a matched sibling went), so a source
    /// group is never split across unrelated parents. Topics that belong under the
    /// regular evaluation (processor control, training, incident response, data protection
    /// management) become a subsection of 8 unless the source puts them at top level.
    fn place_custom(
        &mut self,
        evaluation_topic: bool,
        depth: usize,
        prev_same: Option<usize>,
        parent: Option<usize>,
        section: Section,
    ) -> usize {
        let canonical = |tree: &Tree, n: usize| tree.sections[n].canonical().is_some();
        // Below a matched section such a heading is a detail of it ("Schulung der
        // Administratoren" under Zugangskontrolle), unless it sits among matched controls.
        let moved = parent.is_none_or(|p| !canonical(&self.tree, p))
            || prev_same.is_some_and(|s| canonical(&self.tree, s));
        if depth >= 2 && moved && evaluation_topic {
            let eight = self.tree.canonical[&CanonicalSection::Evaluation];
            let len = self.tree.children[eight].len();
            return self.tree.insert_at(Some(eight), len, section);
        }
        match (prev_same, parent) {
            // A top-level heading stays at the top level, even after a heading that went
            // to a canonical subsection ("## Eingabekontrolle", "## Auftragskontrolle").
            (Some(s), None) => {
                let mut top = s;
                while let Some(p) = self.tree.parent[top] {
                    top = p;
                }
                self.tree.insert_after(top, section)
            }
            (Some(s), Some(_)) => self.tree.insert_after(s, section),
            (None, Some(p)) => self.tree.insert_at(Some(p), 0, section),
            (None, None) => {
                // The first section of the document, or a heading above everything so far.
                let at = match self.current {
                    None => 0,
                    Some(_) => self.tree.top.len(),
                };
                self.tree.insert_at(None, at, section)
            }
        }
    }

    /// A custom heading that matched nothing, has no text of its own and whose subsections
    /// all went to their canonical places dissolves instead of printing as an empty wrapper
    /// ("## Sicherheit" over "### Zugriffskontrolle"). The report names it.
    fn dissolve_empty_wrappers(
        &mut self,
        with_measures: &HashSet<usize>,
        report: &mut ImportReport,
    ) {
        let mut gone: HashSet<usize> = HashSet::new();
        let mut gone_nodes: HashSet<usize> = HashSet::new();
        // Children already dissolved, per parent; the lists are pruned once at the end so
        // the pass stays linear when thousands of wrappers share one parent.
        let mut removed: HashMap<Option<usize>, usize> = HashMap::new();
        // Newest first: a child is always created after its parent, so an inner wrapper
        // dissolves before the outer one is looked at.
        let mut wrappers: Vec<usize> = self.wrappers.iter().copied().collect();
        wrappers.sort_unstable_by(|a, b| b.cmp(a));
        for node in wrappers {
            let Some(&mapping) = self.custom_mapping.get(&node) else {
                continue;
            };
            let left =
                self.tree.children[node].len() - removed.get(&Some(node)).copied().unwrap_or(0);
            let empty =
                self.tree.sections[node].is_empty() && !with_measures.contains(&node) && left == 0;
            if !empty {
                continue;
            }
            *removed.entry(self.tree.parent[node]).or_default() += 1;
            gone_nodes.insert(node);
            gone.insert(mapping);
        }
        if gone.is_empty() {
            return;
        }
        for parent in removed.keys() {
            self.tree
                .list_mut(*parent)
                .retain(|x| !gone_nodes.contains(x));
        }
        let mut index = 0;
        report.mappings.retain(|m| {
            let keep = !gone.contains(&index);
            if !keep {
                report.dissolved.push(m.heading.clone());
            }
            index += 1;
            keep
        });
    }

    /// After an import a canonical section the source does not have is hidden (the model
    /// keeps it, the editor shows it greyed): no bare headings in the export. One that a
    /// combined heading covers is hidden as well, its content lives in the covering section.
    fn hide_absent_canonical(&mut self, with_measures: &HashSet<usize>, report: &mut ImportReport) {
        let covered: HashSet<SectionId> = self
            .tree
            .sections
            .iter()
            .flat_map(|s| s.covers.iter().cloned())
            .collect();
        // Children before parents, so a parent sees whether its children stay.
        for c in CanonicalSection::ALL.into_iter().rev() {
            let node = self.tree.canonical[&c];
            let section = &self.tree.sections[node];
            let empty = !self.used.contains(&c)
                && section.is_empty()
                && !with_measures.contains(&node)
                && self.tree.children[node]
                    .iter()
                    .all(|&k| self.tree.sections[k].hidden);
            if empty {
                self.tree.sections[node].hidden = true;
                let id = SectionId::from(c);
                if !covered.contains(&id) {
                    report.hidden.push(id);
                }
            }
        }
        report.hidden.reverse();
    }

    fn custom_id(&mut self, wanted: Option<&str>) -> SectionId {
        if let Some(w) = wanted.filter(|w| w.starts_with("custom-"))
            && self.used_ids.insert(w.to_owned())
        {
            return SectionId(w.to_owned());
        }
        loop {
            let id = format!("custom-{}", self.next_custom);
            self.next_custom += 1;
            if !self.used_ids.contains(&id) {
                self.used_ids.insert(id.clone());
                return SectionId(id);
            }
        }
    }

    fn finish(
        mut self,
        doc: &mut Document,
        definitions: &HashMap<String, String>,
        report: &mut ImportReport,
    ) {
        let with_measures: HashSet<usize> = self.measures.iter().map(|(n, _)| *n).collect();
        self.dissolve_empty_wrappers(&with_measures, report);
        self.hide_absent_canonical(&with_measures, report);
        if !definitions.is_empty() {
            append_definitions(&mut self.intro, definitions);
            for s in &mut self.tree.sections {
                append_definitions(s.body.get_mut(self.lang), definitions);
            }
        }
        // Measure ids: keep those the export wrote, number the rest after every id in use.
        let max_measure = self
            .explicit_measure_ids
            .iter()
            .filter_map(|id| id.strip_prefix("m-").and_then(|n| n.parse::<u64>().ok()))
            .max()
            .unwrap_or(0);
        let max_custom = self
            .used_ids
            .iter()
            .filter_map(|id| {
                id.strip_prefix("custom-")
                    .and_then(|n| n.parse::<u64>().ok())
            })
            .max()
            .unwrap_or(0);
        let mut next = max_measure.max(max_custom) + 1;
        let mut seen = HashSet::new();
        for (node, mut m) in std::mem::take(&mut self.measures) {
            if m.id.0.is_empty() || !seen.insert(m.id.0.clone()) {
                m.id = MeasureId(format!("m-{next}"));
                next += 1;
                seen.insert(m.id.0.clone());
            }
            self.tree.sections[node].measures.push(m);
        }
        *doc.intro.get_mut(self.lang) = std::mem::take(&mut self.intro);
        if let Some(t) = self.pending_title.take() {
            *doc.meta.title.get_mut(self.lang) = t;
        }
        doc.sections = self.tree.into_sections();
        doc.next_id = next;
    }
}

/// Headings that name a table of contents.
const TOC_HEADINGS: &[&str] = &[
    "inhalt",
    "inhaltsverzeichnis",
    "inhaltsuebersicht",
    "contents",
    "table of contents",
    "toc",
];

/// When `h` names a table of contents and the blocks after it, up to the next heading, are
/// lists or short lines (entries), the index where the table of contents ends.
fn toc_under_heading(h: &Heading, items: &[Item], from: usize) -> Option<usize> {
    if h.number.is_some() || !TOC_HEADINGS.contains(&matching::normalize(&h.title).as_str()) {
        return None;
    }
    let mut end = from;
    while let Some(Item::Content { markdown, .. }) = items.get(end) {
        // Entries: list items or short lines that are not sentences.
        let entries = markdown.lines().filter(|l| !l.trim().is_empty()).all(|l| {
            let t = l.trim();
            let item = t.starts_with(['-', '*', '+'])
                || t.split_once(['.', ')'])
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            item || (t.chars().count() <= 80 && !t.ends_with(['.', '!', '?', ':']))
        });
        if !entries {
            return None;
        }
        end += 1;
    }
    (end > from).then_some(end)
}

/// A list whose items are mostly links to anchors of this document (`[…](#…)`): a table
/// of contents without a heading.
fn is_anchor_list(src: &str) -> bool {
    let items: Vec<&str> = src
        .lines()
        .map(str::trim_start)
        .filter(|l| {
            l.starts_with(['-', '*', '+'])
                || l.split_once(['.', ')'])
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        })
        .collect();
    let links = items.iter().filter(|l| l.contains("](#")).count();
    items.len() >= 3 && links * 2 > items.len()
}

/// The Markdown of content items, blank-line separated.
fn joined_content(items: &[Item]) -> String {
    items
        .iter()
        .filter_map(|it| match it {
            Item::Content { markdown, .. } => Some(markdown.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().trim().to_owned()
}

/// The distinct Markdown levels of the section headings (title excluded), shallowest first.
fn heading_ranks(items: &[Item], title_at: Option<usize>) -> Vec<u8> {
    let mut levels: Vec<u8> = items
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != title_at)
        .filter_map(|(_, it)| match it {
            Item::Heading(h) => h.level,
            _ => None,
        })
        .collect::<HashSet<u8>>()
        .into_iter()
        .collect();
    levels.sort_unstable();
    levels
}

/// True when the headings follow § 64 BDSG ("Benutzerkontrolle") rather than the old BDSG
/// ("Zutrittskontrolle"): then "Zugangskontrolle" means physical access.
fn uses_section64_names(items: &[Item]) -> bool {
    let mut benutzer = false;
    let mut zutritt = false;
    for it in items {
        if let Item::Heading(h) = it {
            let core = matching::core(&h.title);
            benutzer |= core == "benutzerkontrolle";
            zutritt |= core.contains("zutritt");
        }
    }
    benutzer && !zutritt
}

/// `tomwerk:section ID covers: A, B` → (ID, [A, B]).
fn parse_section_directive(directive: Option<&str>) -> (Option<String>, Vec<String>) {
    let Some(d) = directive else {
        return (None, Vec::new());
    };
    let (id, covers) = match d.split_once(" covers:") {
        Some((id, c)) => (
            id,
            c.split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
        ),
        None => (d, Vec::new()),
    };
    let id = id.trim();
    ((!id.is_empty()).then(|| id.to_owned()), covers)
}

/// Appends the link reference definitions a text uses (`[label]` or `[text][label]`), so
/// links keep their targets when the text is split into sections.
fn append_definitions(text: &mut String, definitions: &HashMap<String, String>) {
    let mut used: Vec<&String> = Vec::new();
    let mut seen = HashSet::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            break;
        };
        let label = after[..close].trim().to_lowercase();
        if close <= 999
            && let Some(def) = definitions.get(&label)
            && seen.insert(label.clone())
            && !text.contains(def.as_str())
        {
            used.push(def);
        }
        rest = &after[close + 1..];
    }
    let defs: Vec<String> = used.into_iter().cloned().collect();
    if !defs.is_empty() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&defs.join("\n"));
    }
}
