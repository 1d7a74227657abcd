//! The canonical section tree of Art. 32(1) GDPR with stable ids.

use serde::{Deserialize, Serialize};

/// The letter of Art. 32(1) GDPR that a section covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Art32Letter {
    /// (a) pseudonymisation and encryption.
    A,
    /// (b) confidentiality, integrity, availability and resilience.
    B,
    /// (c) timely restoration after an incident.
    C,
    /// (d) regular testing, assessing and evaluating.
    D,
}

impl Art32Letter {
    /// All letters in statute order.
    pub const ALL: [Art32Letter; 4] = [Self::A, Self::B, Self::C, Self::D];

    /// The lower-case letter as printed in the statute, e.g. `"a"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::A => "a",
            Self::B => "b",
            Self::C => "c",
            Self::D => "d",
        }
    }
}

/// One of the 14 canonical sections of a TOM along Art. 32 GDPR.
///
/// The stable id (e.g. `confidentiality.physical_access`) is what files, diffs and the
/// import store; the title shown to users comes from the locale files (`section-…` messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CanonicalSection {
    /// 1 Pseudonymisierung.
    Pseudonymisation,
    /// 2 Verschlüsselung.
    Encryption,
    /// 3 Gewährleistung der Vertraulichkeit.
    Confidentiality,
    /// 3.1 Zutrittskontrolle.
    PhysicalAccess,
    /// 3.2 Zugangskontrolle.
    SystemAccess,
    /// 3.3 Zugriffskontrolle.
    DataAccess,
    /// 3.4 Trennungskontrolle.
    Separation,
    /// 4 Gewährleistung der Integrität.
    Integrity,
    /// 4.1 Weitergabekontrolle.
    Transfer,
    /// 4.2 Eingabekontrolle.
    Input,
    /// 5 Gewährleistung der Verfügbarkeit.
    Availability,
    /// 6 Gewährleistung der Belastbarkeit der Systeme.
    Resilience,
    /// 7 Wiederherstellung nach einem Zwischenfall.
    Recovery,
    /// 8 Regelmäßige Überprüfung, Bewertung und Evaluierung.
    Evaluation,
}

impl CanonicalSection {
    /// All canonical sections in document order (parents before their children).
    pub const ALL: [CanonicalSection; 14] = [
        Self::Pseudonymisation,
        Self::Encryption,
        Self::Confidentiality,
        Self::PhysicalAccess,
        Self::SystemAccess,
        Self::DataAccess,
        Self::Separation,
        Self::Integrity,
        Self::Transfer,
        Self::Input,
        Self::Availability,
        Self::Resilience,
        Self::Recovery,
        Self::Evaluation,
    ];

    /// The stable id stored in files, e.g. `"confidentiality.physical_access"`.
    pub fn id(self) -> &'static str {
        match self {
            Self::Pseudonymisation => "pseudonymisation",
            Self::Encryption => "encryption",
            Self::Confidentiality => "confidentiality",
            Self::PhysicalAccess => "confidentiality.physical_access",
            Self::SystemAccess => "confidentiality.system_access",
            Self::DataAccess => "confidentiality.data_access",
            Self::Separation => "confidentiality.separation",
            Self::Integrity => "integrity",
            Self::Transfer => "integrity.transfer",
            Self::Input => "integrity.input",
            Self::Availability => "availability",
            Self::Resilience => "resilience",
            Self::Recovery => "recovery",
            Self::Evaluation => "evaluation",
        }
    }

    /// Looks a canonical section up by its stable id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The Art. 32(1) letter this section covers.
    pub fn letter(self) -> Art32Letter {
        match self {
            Self::Pseudonymisation | Self::Encryption => Art32Letter::A,
            Self::Recovery => Art32Letter::C,
            Self::Evaluation => Art32Letter::D,
            _ => Art32Letter::B,
        }
    }

    /// The canonical parent, for the subsections 3.x and 4.x.
    pub fn parent(self) -> Option<Self> {
        match self {
            Self::PhysicalAccess | Self::SystemAccess | Self::DataAccess | Self::Separation => {
                Some(Self::Confidentiality)
            }
            Self::Transfer | Self::Input => Some(Self::Integrity),
            _ => None,
        }
    }

    /// The canonical children, in order.
    pub fn children(self) -> &'static [CanonicalSection] {
        match self {
            Self::Confidentiality => &[
                Self::PhysicalAccess,
                Self::SystemAccess,
                Self::DataAccess,
                Self::Separation,
            ],
            Self::Integrity => &[Self::Transfer, Self::Input],
            _ => &[],
        }
    }

    /// The fluent message id of the default title, e.g. `"section-confidentiality-physical_access"`.
    pub fn title_message_id(self) -> String {
        format!("section-{}", self.id().replace('.', "-"))
    }

    /// The top-level canonical sections, in order.
    pub fn top_level() -> impl Iterator<Item = CanonicalSection> {
        Self::ALL.into_iter().filter(|c| c.parent().is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for c in CanonicalSection::ALL {
            assert_eq!(CanonicalSection::from_id(c.id()), Some(c));
            assert!(seen.insert(c.id()));
        }
        assert_eq!(CanonicalSection::from_id("nope"), None);
    }

    #[test]
    fn children_agree_with_parents() {
        for c in CanonicalSection::ALL {
            for child in c.children() {
                assert_eq!(child.parent(), Some(c));
            }
        }
        assert_eq!(CanonicalSection::top_level().count(), 8);
    }
}
