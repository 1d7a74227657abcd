//! The logical structure of a tagged PDF: marked-content ids per page, structure
//! elements in reading order, the parent tree, and the structure tree objects.

use lopdf::{Dictionary, Object, ObjectId};

use super::text_string;
use crate::export::layout::{Role, StructElem};

/// One child of a structure element, in reading order.
enum Kid {
    /// Marked content on a page.
    Content { page: usize, mcid: i64 },
    /// Another element.
    Element(usize),
    /// An annotation (a link's clickable area).
    Annotation { page: usize, id: ObjectId },
}

/// Collects the structure while the pages are written.
pub(super) struct Tagger<'a> {
    structure: &'a [StructElem],
    kids: Vec<Vec<Kid>>,
    attached: Vec<bool>,
    /// Per page: the element of each MCID.
    per_page: Vec<Vec<usize>>,
    /// The element of each annotation with a /StructParent (numbered after the pages).
    annotations: Vec<usize>,
    /// The text of each element, for a link's /Contents.
    pub(super) text: Vec<String>,
    /// The element's last text ended with an inserted hyphen: the next joins without a space.
    joined: Vec<bool>,
}

/// The PDF name of a role.
pub(super) fn role_name(role: Role) -> &'static str {
    match role {
        Role::Document => "Document",
        Role::Heading(1) => "H1",
        Role::Heading(2) => "H2",
        Role::Heading(3) => "H3",
        Role::Heading(4) => "H4",
        Role::Heading(5) => "H5",
        Role::Heading(_) => "H6",
        Role::P => "P",
        Role::L => "L",
        Role::LI => "LI",
        Role::Lbl => "Lbl",
        Role::LBody => "LBody",
        Role::Table => "Table",
        Role::TR => "TR",
        Role::TH => "TH",
        Role::TD => "TD",
        Role::Link => "Link",
        Role::BlockQuote => "BlockQuote",
        Role::Toc => "TOC",
        Role::TocItem => "TOCI",
    }
}

impl<'a> Tagger<'a> {
    pub(super) fn new(structure: &'a [StructElem], pages: usize) -> Self {
        let n = structure.len().max(1);
        let mut attached = vec![false; n];
        attached[0] = true;
        Self {
            structure,
            kids: (0..n).map(|_| Vec::new()).collect(),
            attached,
            per_page: vec![Vec::new(); pages],
            annotations: Vec::new(),
            text: vec![String::new(); n],
            joined: vec![false; n],
        }
    }

    /// The role of element `e`.
    pub(super) fn role(&self, e: usize) -> Role {
        self.structure.get(e).map_or(Role::P, |s| s.role)
    }

    /// A valid element index (an unknown one falls back to the document).
    pub(super) fn element(&self, e: u32) -> usize {
        let e = e as usize;
        if e < self.kids.len() { e } else { 0 }
    }

    /// Hangs `e` and its ancestors into the tree at their first use, so children come
    /// in the order their content is first met.
    fn attach(&mut self, e: usize) {
        let mut chain = Vec::new();
        let mut cur = e;
        while !self.attached[cur] {
            chain.push(cur);
            cur = self
                .structure
                .get(cur)
                .and_then(|s| s.parent)
                .map_or(0, |p| p as usize)
                .min(self.kids.len() - 1);
            if chain.len() > self.kids.len() {
                break;
            }
        }
        let mut parent = cur;
        for child in chain.into_iter().rev() {
            self.attached[child] = true;
            self.kids[parent].push(Kid::Element(child));
            parent = child;
        }
    }

    /// A new marked-content id on `page` for element `e`.
    pub(super) fn content(&mut self, page: usize, e: usize) -> i64 {
        self.attach(e);
        let mcid = self.per_page[page].len() as i64;
        self.per_page[page].push(e);
        self.kids[e].push(Kid::Content { page, mcid });
        mcid
    }

    /// Records text of element `e` (for link descriptions).
    pub(super) fn add_text(&mut self, e: usize, text: &str, hyphen: bool) {
        let text = if hyphen {
            text.strip_suffix('-').unwrap_or(text)
        } else {
            text
        };
        let t = &mut self.text[e];
        if !t.is_empty() && !self.joined[e] && !t.ends_with(' ') && !text.starts_with(' ') {
            t.push(' ');
        }
        t.push_str(text);
        self.joined[e] = hyphen;
    }

    /// An annotation of element `e` on `page`; returns its /StructParent key.
    pub(super) fn annotation(&mut self, page: usize, e: usize, id: ObjectId) -> i64 {
        self.attach(e);
        self.kids[e].push(Kid::Annotation { page, id });
        self.annotations.push(e);
        (self.per_page.len() + self.annotations.len() - 1) as i64
    }

    /// Writes the structure elements and the parent tree; returns the StructTreeRoot.
    pub(super) fn finish(self, doc: &mut lopdf::Document, page_ids: &[ObjectId]) -> ObjectId {
        let root_id = doc.new_object_id();
        let ids: Vec<Option<ObjectId>> = self
            .attached
            .iter()
            .map(|a| a.then(|| doc.new_object_id()))
            .collect();
        for (e, kids) in self.kids.iter().enumerate() {
            let Some(id) = ids[e] else { continue };
            let parent = if e == 0 {
                root_id
            } else {
                self.structure
                    .get(e)
                    .and_then(|s| s.parent)
                    .and_then(|p| ids.get(p as usize).copied().flatten())
                    .unwrap_or(root_id)
            };
            // The element's page is that of its first content; content there is a bare
            // MCID, content elsewhere a marked-content reference with its page.
            let home = kids.iter().find_map(|k| match k {
                Kid::Content { page, .. } => Some(*page),
                _ => None,
            });
            let mut k = Vec::with_capacity(kids.len());
            for kid in kids {
                match kid {
                    Kid::Content { page, mcid } if Some(*page) == home => {
                        k.push(Object::Integer(*mcid));
                    }
                    Kid::Content { page, mcid } => {
                        let mut mcr = Dictionary::new();
                        mcr.set("Type", Object::Name(b"MCR".to_vec()));
                        mcr.set("Pg", Object::Reference(page_ids[*page]));
                        mcr.set("MCID", Object::Integer(*mcid));
                        k.push(Object::Dictionary(mcr));
                    }
                    Kid::Element(c) => {
                        if let Some(cid) = ids[*c] {
                            k.push(Object::Reference(cid));
                        }
                    }
                    Kid::Annotation { page, id } => {
                        let mut objr = Dictionary::new();
                        objr.set("Type", Object::Name(b"OBJR".to_vec()));
                        objr.set("Pg", Object::Reference(page_ids[*page]));
                        objr.set("Obj", Object::Reference(*id));
                        k.push(Object::Dictionary(objr));
                    }
                }
            }
            let role = self.role(e);
            let mut d = Dictionary::new();
            // /Type /StructElem is optional (ISO 32000-1, Table 323): left out, as it
            // would be repeated hundreds of times.
            d.set("S", Object::Name(role_name(role).as_bytes().to_vec()));
            d.set("P", Object::Reference(parent));
            if let Some(page) = home {
                d.set("Pg", Object::Reference(page_ids[page]));
            }
            if role == Role::TH {
                let mut a = Dictionary::new();
                a.set("O", Object::Name(b"Table".to_vec()));
                a.set("Scope", Object::Name(b"Column".to_vec()));
                d.set("A", Object::Dictionary(a));
            }
            if role == Role::Link && !self.text[e].is_empty() {
                d.set("Alt", text_string(self.text[e].trim()));
            }
            d.set("K", Object::Array(k));
            doc.objects.insert(id, Object::Dictionary(d));
        }
        let mut nums = Vec::new();
        for (p, mcids) in self.per_page.iter().enumerate() {
            nums.push(Object::Integer(p as i64));
            nums.push(Object::Array(
                mcids
                    .iter()
                    .filter_map(|e| ids[*e].map(Object::Reference))
                    .collect(),
            ));
        }
        for (k, e) in self.annotations.iter().enumerate() {
            if let Some(id) = ids[*e] {
                nums.push(Object::Integer((self.per_page.len() + k) as i64));
                nums.push(Object::Reference(id));
            }
        }
        let next_key = (self.per_page.len() + self.annotations.len()) as i64;
        let mut tree = Dictionary::new();
        tree.set("Nums", Object::Array(nums));
        let tree_id = doc.add_object(tree);
        let mut root = Dictionary::new();
        root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
        if let Some(doc_elem) = ids[0] {
            root.set("K", Object::Reference(doc_elem));
        }
        root.set("ParentTree", Object::Reference(tree_id));
        root.set("ParentTreeNextKey", Object::Integer(next_key));
        doc.objects.insert(root_id, Object::Dictionary(root));
        root_id
    }
}
