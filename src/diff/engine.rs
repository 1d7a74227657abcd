//! The comparison itself: index both trees by id, classify, and order the changes.

use std::collections::{HashMap, HashSet};

use super::{Change, ChangeKind, DocDiff, MeasureRef, MetaField, SectionRef, TextChange};
use crate::i18n::i18n;
use crate::model::{Document, Lang, LocalText, Measure, MeasureId, Section, SectionId};

/// Where a section sits in one document.
struct SectionInfo<'a> {
    section: &'a Section,
    parent: Option<&'a SectionId>,
    /// Depth-first position in the whole tree.
    preorder: usize,
    number: Option<String>,
}

/// Where a measure sits in one document.
struct MeasureInfo<'a> {
    section: &'a SectionId,
    /// 0-based position in its section.
    position: usize,
    measure: &'a Measure,
}

/// One document indexed by id. Lookups only: every walk that decides the output order
/// goes over vectors, so the result never depends on hash order.
struct Index<'a> {
    preorder: Vec<&'a SectionId>,
    sections: HashMap<&'a SectionId, SectionInfo<'a>>,
    measures: HashMap<&'a MeasureId, MeasureInfo<'a>>,
}

impl<'a> Index<'a> {
    fn new(doc: &'a Document) -> Self {
        let numbers: HashMap<&SectionId, String> = doc
            .numbered()
            .into_iter()
            .map(|(n, s)| (&s.id, crate::model::format_number(&n)))
            .collect();
        let mut index = Index {
            preorder: Vec::new(),
            sections: HashMap::new(),
            measures: HashMap::new(),
        };
        index.walk(&doc.sections, None, &numbers);
        index
    }

    fn walk(
        &mut self,
        list: &'a [Section],
        parent: Option<&'a SectionId>,
        numbers: &HashMap<&SectionId, String>,
    ) {
        for s in list {
            // A duplicated id (an invalid file) keeps its first occurrence: the diff
            // stays defined instead of panicking.
            if self.sections.contains_key(&s.id) {
                continue;
            }
            self.sections.insert(
                &s.id,
                SectionInfo {
                    section: s,
                    parent,
                    preorder: self.preorder.len(),
                    number: numbers.get(&s.id).cloned(),
                },
            );
            self.preorder.push(&s.id);
            for (position, m) in s.measures.iter().enumerate() {
                self.measures.entry(&m.id).or_insert(MeasureInfo {
                    section: &s.id,
                    position,
                    measure: m,
                });
            }
            self.walk(&s.children, Some(&s.id), numbers);
        }
    }

    /// The children of `parent` (top level for `None`), as the document holds them.
    fn children(&self, doc: &'a Document, parent: Option<&SectionId>) -> &'a [Section] {
        match parent {
            None => &doc.sections,
            Some(p) => self
                .sections
                .get(p)
                .map_or(&[][..], |i| &i.section.children[..]),
        }
    }

    /// Whether this measure is the one indexed under its id (not a duplicate).
    fn owns(&self, section: &SectionId, m: &Measure) -> bool {
        self.measures
            .get(&m.id)
            .is_some_and(|i| i.section == section && std::ptr::eq(i.measure, m))
    }
}

/// The displayed title in one language without falling back to the other language:
/// the own title, else the canonical default, else blank.
fn title_in(section: &Section, lang: Lang) -> String {
    let own = section.title.get(lang).trim();
    if !own.is_empty() {
        return own.to_owned();
    }
    match section.canonical() {
        Some(c) => i18n().tr(lang, &c.title_message_id()),
        None => String::new(),
    }
}

fn display_title(section: &Section) -> LocalText {
    let i = i18n();
    LocalText::new(
        i.section_title(section, Lang::De),
        i.section_title(section, Lang::En),
    )
}

/// Marks which items of a sequence stay in place: the longest increasing subsequence of
/// their old positions. The rest moved. Its length (and so the number of moves) is the
/// same in both directions, which keeps A→B and B→A counts mirrored.
fn stable(old_positions: &[usize]) -> Vec<bool> {
    let n = old_positions.len();
    let mut keep = vec![false; n];
    // tails[k] = index of the smallest tail of an increasing run of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        let v = old_positions[i];
        let k = tails.partition_point(|&t| old_positions[t] < v);
        prev[i] = k.checked_sub(1).map(|j| tails[j]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        keep[i] = true;
        cur = prev[i];
    }
    keep
}

/// A sort key placing each change in the newer document's order.
type Key = (usize, usize, usize, usize, usize);

struct Builder<'a> {
    old_doc: &'a Document,
    new_doc: &'a Document,
    old: Index<'a>,
    new: Index<'a>,
    out: Vec<(Key, Change)>,
}

/// Where each section sits and whether a reader of the document sees it: a section is
/// unseen when it or any ancestor is hidden.
struct Visibility<'a> {
    unseen: HashSet<&'a SectionId>,
    parent: HashMap<&'a SectionId, Option<&'a SectionId>>,
}

impl<'a> Visibility<'a> {
    fn of(doc: &'a Document) -> Self {
        fn walk<'a>(
            list: &'a [Section],
            parent: Option<&'a SectionId>,
            hidden_above: bool,
            v: &mut Visibility<'a>,
        ) {
            for s in list {
                let unseen = hidden_above || s.hidden;
                if unseen {
                    v.unseen.insert(&s.id);
                }
                v.parent.entry(&s.id).or_insert(parent);
                walk(&s.children, Some(&s.id), unseen, v);
            }
        }
        let mut v = Visibility {
            unseen: HashSet::new(),
            parent: HashMap::new(),
        };
        walk(&doc.sections, None, false, &mut v);
        v
    }

    fn seen(&self, id: &SectionId) -> bool {
        self.parent.contains_key(id) && !self.unseen.contains(id)
    }

    fn unseen(&self, id: &SectionId) -> bool {
        self.unseen.contains(id)
    }
}

/// `doc` without its hidden sections (and everything in them): what a reader sees.
fn without_hidden(doc: &Document) -> Document {
    fn prune(list: &mut Vec<Section>) {
        list.retain(|s| !s.hidden);
        for s in list {
            prune(&mut s.children);
        }
    }
    let mut public = doc.clone();
    prune(&mut public.sections);
    public
}

/// The comparison as the documents' readers see them: hidden sections and the measures
/// in them never appear with their content. A section hidden (or shown again) between
/// the two versions appears only as [`ChangeKind::SectionHidden`] or
/// [`ChangeKind::SectionShown`], without its text, measures or subsections.
pub(super) fn compare_public(old_doc: &Document, new_doc: &Document) -> DocDiff {
    let full_old = Visibility::of(old_doc);
    let full_new = Visibility::of(new_doc);
    // Seen in the older document, present but unseen in the newer one, and the reverse.
    let newly_hidden: HashSet<&SectionId> = full_old
        .parent
        .keys()
        .copied()
        .filter(|id| full_old.seen(id) && full_new.unseen(id))
        .collect();
    let newly_shown: HashSet<&SectionId> = full_new
        .parent
        .keys()
        .copied()
        .filter(|id| full_new.seen(id) && full_old.unseen(id))
        .collect();
    let public = compare(&without_hidden(old_doc), &without_hidden(new_doc));
    let mut changes = Vec::with_capacity(public.changes.len());
    for mut change in public.changes {
        let Some(section) = change.section.as_ref().map(|s| s.id.clone()) else {
            changes.push(change);
            continue;
        };
        let keep = match &change.kind {
            ChangeKind::SectionRemoved { .. } if newly_hidden.contains(&section) => {
                // Only the outermost one: its subsections went with it.
                let outer = full_old
                    .parent
                    .get(&section)
                    .copied()
                    .flatten()
                    .is_none_or(|p| !newly_hidden.contains(p));
                change.kind = ChangeKind::SectionHidden;
                outer
            }
            ChangeKind::SectionAdded { .. } if newly_shown.contains(&section) => {
                let outer = full_new
                    .parent
                    .get(&section)
                    .copied()
                    .flatten()
                    .is_none_or(|p| !newly_shown.contains(p));
                change.kind = ChangeKind::SectionShown;
                outer
            }
            ChangeKind::MeasureRemoved(_) => !newly_hidden.contains(&section),
            ChangeKind::MeasureAdded(_) => !newly_shown.contains(&section),
            _ => true,
        };
        if keep {
            changes.push(change);
        }
    }
    for (i, c) in changes.iter_mut().enumerate() {
        c.index = i;
    }
    DocDiff { changes }
}

/// The comparison of everything the documents hold, hidden sections included (for the
/// compare view's internal mode; never for anything exported).
pub(super) fn compare(old_doc: &Document, new_doc: &Document) -> DocDiff {
    let mut b = Builder {
        old_doc,
        new_doc,
        old: Index::new(old_doc),
        new: Index::new(new_doc),
        out: Vec::new(),
    };
    b.meta();
    if let Some(t) = TextChange::between(&old_doc.intro, &new_doc.intro) {
        b.push((1, 0, 0, 0, 0), None, None, ChangeKind::Intro(t));
    }
    b.sections();
    b.removed_sections();
    // The sort is stable and every key is unique per (section, kind, measure) group,
    // so equal keys keep the order in which they were pushed.
    b.out.sort_by_key(|(k, _)| *k);
    let changes = b
        .out
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut c))| {
            c.index = i;
            c
        })
        .collect();
    DocDiff { changes }
}

impl<'a> Builder<'a> {
    fn push(
        &mut self,
        key: Key,
        section: Option<SectionRef>,
        measure: Option<&Measure>,
        kind: ChangeKind,
    ) {
        let measure = measure.map(|m| MeasureRef {
            id: m.id.clone(),
            text: m.text.clone(),
        });
        self.out.push((
            key,
            Change {
                index: 0,
                section,
                measure,
                kind,
            },
        ));
    }

    fn section_ref(&self, id: &SectionId) -> SectionRef {
        let old = self.old.sections.get(id);
        let new = self.new.sections.get(id);
        let title = new
            .or(old)
            .map(|i| display_title(i.section))
            .unwrap_or_default();
        SectionRef {
            id: id.clone(),
            title,
            old_number: old.and_then(|i| i.number.clone()),
            new_number: new.and_then(|i| i.number.clone()),
        }
    }

    fn meta(&mut self) {
        let (o, n) = (&self.old_doc.meta, &self.new_doc.meta);
        let date = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let langs = |l: &[Lang]| l.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ");
        let mut fields: Vec<(MetaField, Option<TextChange>)> = vec![
            (
                MetaField::OrganisationName,
                TextChange::plain(&o.organisation.name, &n.organisation.name),
            ),
            (
                MetaField::OrganisationAddress,
                TextChange::plain(&o.organisation.address, &n.organisation.address),
            ),
            (MetaField::Title, TextChange::between(&o.title, &n.title)),
            (
                MetaField::Purpose,
                TextChange::between(&o.purpose, &n.purpose),
            ),
            (
                MetaField::Responsible,
                TextChange::between(&o.responsible, &n.responsible),
            ),
            (
                MetaField::DpoContact,
                TextChange::plain(&o.dpo_contact, &n.dpo_contact),
            ),
            (
                MetaField::ReviewInterval,
                TextChange::plain(
                    &o.review_interval_months.to_string(),
                    &n.review_interval_months.to_string(),
                ),
            ),
            (
                MetaField::LastReview,
                TextChange::plain(&date(o.last_review), &date(n.last_review)),
            ),
            (
                MetaField::Languages,
                TextChange::plain(&langs(&o.languages), &langs(&n.languages)),
            ),
            (
                MetaField::PrimaryLanguage,
                TextChange::plain(o.primary_language.code(), n.primary_language.code()),
            ),
        ];
        // Extra keys in sorted order (BTreeMap), union of both sides.
        let mut keys: Vec<&String> = o.extra.keys().chain(n.extra.keys()).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            let ov = o.extra.get(k).map_or("", String::as_str);
            let nv = n.extra.get(k).map_or("", String::as_str);
            fields.push((MetaField::Extra(k.clone()), TextChange::plain(ov, nv)));
        }
        for (i, (field, text)) in fields.into_iter().enumerate() {
            if let Some(text) = text {
                self.push(
                    (0, 0, 0, i, 0),
                    None,
                    None,
                    ChangeKind::Meta { field, text },
                );
            }
        }
    }

    /// Sections that moved among siblings under the same parent (LIS), plus those whose
    /// parent changed.
    fn moved_sections(&self) -> HashSet<&'a SectionId> {
        let mut moved = HashSet::new();
        // Every parent present in the new document, and the top level.
        let parents: Vec<Option<&'a SectionId>> = std::iter::once(None)
            .chain(self.new.preorder.iter().map(|&id| Some(id)))
            .collect();
        for parent in parents {
            let kids = self.new.children(self.new_doc, parent);
            let mut ids = Vec::new();
            let mut old_positions = Vec::new();
            for s in kids {
                let Some(o) = self.old.sections.get(&s.id) else {
                    continue;
                };
                if o.parent != parent {
                    if let Some(info) = self.new.sections.get(&s.id)
                        && std::ptr::eq(info.section, s)
                    {
                        moved.insert(&s.id);
                    }
                    continue;
                }
                ids.push(&s.id);
                // The position among the old siblings.
                let old_sibs = self.old.children(self.old_doc, parent);
                let pos = old_sibs.iter().position(|x| x.id == s.id).unwrap_or(0);
                old_positions.push(pos);
            }
            for (id, keep) in ids.into_iter().zip(stable(&old_positions)) {
                if !keep {
                    moved.insert(id);
                }
            }
        }
        moved
    }

    fn sections(&mut self) {
        let moved = self.moved_sections();
        let preorder = self.new.preorder.clone();
        for (i, id) in preorder.into_iter().enumerate() {
            let a = i + 2;
            let Some(ni) = self.new.sections.get(id) else {
                continue;
            };
            let new_s = ni.section;
            match self.old.sections.get(id) {
                None => {
                    let body = TextChange::between(&LocalText::default(), &new_s.body);
                    self.push(
                        (a, 0, 0, 0, 0),
                        Some(self.section_ref(id)),
                        None,
                        ChangeKind::SectionAdded { body },
                    );
                }
                Some(oi) => {
                    let old_s = oi.section;
                    let mut kinds = Vec::new();
                    if moved.contains(id) {
                        kinds.push(ChangeKind::SectionMoved {
                            old_parent: oi.parent.cloned(),
                            new_parent: ni.parent.cloned(),
                            old_number: oi.number.clone(),
                            new_number: ni.number.clone(),
                        });
                    }
                    // Same stored title and same id: same displayed title (skips the lookups).
                    if old_s.title != new_s.title {
                        let effective = |s: &Section| {
                            LocalText::new(title_in(s, Lang::De), title_in(s, Lang::En))
                        };
                        if let Some(t) = TextChange::between(&effective(old_s), &effective(new_s)) {
                            kinds.push(ChangeKind::SectionRenamed(t));
                        }
                    }
                    if old_s.hidden != new_s.hidden {
                        kinds.push(if new_s.hidden {
                            ChangeKind::SectionHidden
                        } else {
                            ChangeKind::SectionShown
                        });
                    }
                    if let Some(t) = TextChange::between(&old_s.body, &new_s.body) {
                        kinds.push(ChangeKind::SectionBody(t));
                    }
                    if old_s.covers != new_s.covers {
                        kinds.push(ChangeKind::SectionCovers {
                            old: old_s.covers.clone(),
                            new: new_s.covers.clone(),
                        });
                    }
                    for (d, kind) in kinds.into_iter().enumerate() {
                        let sref = self.section_ref(id);
                        self.push((a, 0, 0, d, 0), Some(sref), None, kind);
                    }
                }
            }
            self.measures_of(id, a);
        }
    }

    /// The measure changes of a section present in the newer document.
    fn measures_of(&mut self, id: &'a SectionId, a: usize) {
        let Some(ni) = self.new.sections.get(id) else {
            return;
        };
        let new_s = ni.section;
        // Measures that stayed in this section: which of them moved within it.
        let staying: Vec<(usize, usize)> = new_s
            .measures
            .iter()
            .enumerate()
            .filter(|(_, m)| self.new.owns(id, m))
            .filter_map(|(j, m)| {
                self.old
                    .measures
                    .get(&m.id)
                    .filter(|o| o.section == id)
                    .map(|o| (j, o.position))
            })
            .collect();
        let keep = stable(&staying.iter().map(|&(_, p)| p).collect::<Vec<_>>());
        let moved_within: HashSet<usize> = staying
            .iter()
            .zip(keep)
            .filter(|(_, k)| !k)
            .map(|(&(j, _), _)| j)
            .collect();
        let mut pushes = Vec::new();
        for (j, m) in new_s.measures.iter().enumerate() {
            if !self.new.owns(id, m) {
                continue;
            }
            let d = 2 * j + 1;
            match self.old.measures.get(&m.id) {
                None => pushes.push(((a, 0, 1, d, 0), m, ChangeKind::MeasureAdded(m.clone()))),
                Some(o) => {
                    if o.section != id || moved_within.contains(&j) {
                        pushes.push((
                            (a, 0, 1, d, 0),
                            m,
                            ChangeKind::MeasureMoved {
                                from: self.section_ref(o.section),
                                old_position: o.position + 1,
                                new_position: j + 1,
                            },
                        ));
                    }
                    if let Some(kind) = measure_change(o.measure, m) {
                        pushes.push(((a, 0, 1, d, 1), m, kind));
                    }
                }
            }
        }
        // Measures removed from the old version of this section, after the nearest
        // preceding measure that is still here.
        if let Some(oi) = self.old.sections.get(id) {
            let mut anchor = 0;
            for (p, m) in oi.section.measures.iter().enumerate() {
                if !self.old.owns(id, m) {
                    continue;
                }
                match self.new.measures.get(&m.id) {
                    Some(n) if n.section == id => anchor = 2 * n.position + 2,
                    Some(_) => {}
                    None => pushes.push((
                        (a, 0, 1, anchor, 2 + p),
                        m,
                        ChangeKind::MeasureRemoved(m.clone()),
                    )),
                }
            }
        }
        if pushes.is_empty() {
            return;
        }
        // Named only when something changed: the title lookups are the costly part.
        let sref = self.section_ref(id);
        for (key, mid, kind) in pushes {
            self.push(key, Some(sref.clone()), Some(mid), kind);
        }
    }

    /// Sections only in the older document, each after the nearest preceding section
    /// (in the old order) that the newer document still has.
    fn removed_sections(&mut self) {
        let old_preorder = self.old.preorder.clone();
        let mut anchor_a = 1;
        for (p, id) in old_preorder.into_iter().enumerate() {
            if let Some(n) = self.new.sections.get(id) {
                anchor_a = n.preorder + 2;
                continue;
            }
            let Some(oi) = self.old.sections.get(id) else {
                continue;
            };
            let old_s = oi.section;
            let sref = self.section_ref(id);
            let b = p + 1;
            let body = TextChange::between(&old_s.body, &LocalText::default());
            self.push(
                (anchor_a, b, 0, 0, 0),
                Some(sref.clone()),
                None,
                ChangeKind::SectionRemoved { body },
            );
            for (q, m) in old_s.measures.iter().enumerate() {
                if self.old.owns(id, m) && !self.new.measures.contains_key(&m.id) {
                    self.push(
                        (anchor_a, b, 1, q, 0),
                        Some(sref.clone()),
                        Some(m),
                        ChangeKind::MeasureRemoved(m.clone()),
                    );
                }
            }
        }
    }
}

fn measure_change(old: &Measure, new: &Measure) -> Option<ChangeKind> {
    let kind = (old.kind != new.kind).then_some((old.kind, new.kind));
    let status = (old.status != new.status).then_some((old.status, new.status));
    let text = TextChange::between(&old.text, &new.text);
    let note = TextChange::between(&old.note, &new.note);
    if kind.is_none() && status.is_none() && text.is_none() && note.is_none() {
        return None;
    }
    Some(ChangeKind::MeasureChanged {
        kind,
        status,
        text,
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::stable;

    #[test]
    fn stable_keeps_the_longest_increasing_run() {
        assert_eq!(stable(&[0, 1, 2]), vec![true, true, true]);
        assert_eq!(stable(&[]), Vec::<bool>::new());
        // One section moved from the end to the front: only it is marked.
        assert_eq!(stable(&[3, 0, 1, 2]), vec![false, true, true, true]);
        let swap = stable(&[1, 0]);
        assert_eq!(swap.iter().filter(|k| **k).count(), 1);
    }
}
