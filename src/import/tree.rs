//! The section tree while an import fills it: an arena with parent and child lists.

use std::collections::HashMap;

use crate::model::{CanonicalSection, Document, Section};

/// The section tree while it is being filled: an arena, so placing a section after
/// another is cheap and the build stays linear for thousands of headings.
pub(super) struct Tree {
    pub(super) sections: Vec<Section>,
    pub(super) children: Vec<Vec<usize>>,
    pub(super) parent: Vec<Option<usize>>,
    pub(super) top: Vec<usize>,
    pub(super) canonical: HashMap<CanonicalSection, usize>,
}

impl Tree {
    pub(super) fn from_template(doc: &mut Document) -> Self {
        let mut tree = Tree {
            sections: Vec::new(),
            children: Vec::new(),
            parent: Vec::new(),
            top: Vec::new(),
            canonical: HashMap::new(),
        };
        for s in std::mem::take(&mut doc.sections) {
            let i = tree.add(s, None);
            tree.top.push(i);
        }
        tree
    }

    fn add(&mut self, mut section: Section, parent: Option<usize>) -> usize {
        let kids = std::mem::take(&mut section.children);
        let i = self.sections.len();
        if let Some(c) = section.canonical() {
            self.canonical.insert(c, i);
        }
        self.sections.push(section);
        self.children.push(Vec::new());
        self.parent.push(parent);
        for k in kids {
            let ki = self.add(k, Some(i));
            self.children[i].push(ki);
        }
        i
    }

    pub(super) fn list_mut(&mut self, parent: Option<usize>) -> &mut Vec<usize> {
        match parent {
            Some(p) => &mut self.children[p],
            None => &mut self.top,
        }
    }

    /// Adds a new section right after `sibling`, in the same list.
    pub(super) fn insert_after(&mut self, sibling: usize, section: Section) -> usize {
        let parent = self.parent[sibling];
        let i = self.add(section, parent);
        let list = self.list_mut(parent);
        // Searching from the end: the sibling is almost always one of the last entries.
        let at = list
            .iter()
            .rposition(|&x| x == sibling)
            .map_or(list.len(), |p| p + 1);
        list.insert(at, i);
        i
    }

    /// Adds a new section as child `index` of `parent` (top level when `None`).
    pub(super) fn insert_at(
        &mut self,
        parent: Option<usize>,
        index: usize,
        section: Section,
    ) -> usize {
        let i = self.add(section, parent);
        let list = self.list_mut(parent);
        let at = index.min(list.len());
        list.insert(at, i);
        i
    }

    pub(super) fn into_sections(mut self) -> Vec<Section> {
        // Children are filled bottom-up in reverse creation order: a child is always created
        // after its parent, so by the time a parent is taken its children are complete.
        let mut built: Vec<Option<Section>> = self.sections.drain(..).map(Some).collect();
        for i in (0..built.len()).rev() {
            let kids: Vec<Section> = self.children[i]
                .iter()
                .filter_map(|&k| built[k].take())
                .collect();
            if let Some(s) = built[i].as_mut() {
                s.children = kids;
            }
        }
        self.top.iter().filter_map(|&t| built[t].take()).collect()
    }
}
