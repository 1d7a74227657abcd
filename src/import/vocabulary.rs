//! The vocabulary of section names as data: every term real TOMs use for a canonical
//! section, with its language and the source it comes from.
//!
//! Terms are normalised ([`super::matching::normalize`]: lower case, umlauts and ß spelled
//! out, punctuation as spaces). The default titles of both languages are added at run time.
//! Where a source names a control that has no canonical section (Auftragskontrolle,
//! Transparenz, data minimisation …) it is not listed: those become custom sections.

use crate::model::{CanonicalSection, Lang};

/// Where a term comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Art. 32(1) GDPR, official German and English wording.
    Gdpr,
    /// The old BDSG, Anlage zu § 9 Satz 1 (before 2018): the classic eight controls.
    BdsgOld,
    /// § 64(3) BDSG: the 14 controls of today's law for authorities.
    Bdsg64,
    /// State data protection laws (e.g. Bavaria's Organisationskontrolle).
    StateLaw,
    /// The Standard-Datenschutzmodell's protection goals (Gewährleistungsziele).
    Sdm,
    /// The EU standard contractual clauses (Decision 2021/914), Annex II example headings.
    SccAnnexII,
    /// Names seen in published TOMs beyond the texts above.
    Practice,
}

/// One term of the vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// The normalised term.
    pub term: &'static str,
    /// The canonical section it names.
    pub section: CanonicalSection,
    /// Its language.
    pub lang: Lang,
    /// Where it comes from.
    pub source: Source,
}

const fn t(term: &'static str, section: CanonicalSection, lang: Lang, source: Source) -> Term {
    Term {
        term,
        section,
        lang,
        source,
    }
}

use CanonicalSection as C;
use Lang::{De, En};
use Source::*;

/// The vocabulary, grouped by source.
pub const VOCABULARY: &[Term] = &[
    // Art. 32(1) GDPR
    t("pseudonymisierung", C::Pseudonymisation, De, Gdpr),
    t("pseudonymisation", C::Pseudonymisation, En, Gdpr),
    t("pseudonymization", C::Pseudonymisation, En, Gdpr),
    t(
        "pseudonymisierung personenbezogener daten",
        C::Pseudonymisation,
        De,
        Gdpr,
    ),
    t(
        "pseudonymisation of personal data",
        C::Pseudonymisation,
        En,
        Gdpr,
    ),
    t(
        "pseudonymization of personal data",
        C::Pseudonymisation,
        En,
        Gdpr,
    ),
    t("verschluesselung", C::Encryption, De, Gdpr),
    t(
        "verschluesselung personenbezogener daten",
        C::Encryption,
        De,
        Gdpr,
    ),
    t("encryption", C::Encryption, En, Gdpr),
    t("encryption of personal data", C::Encryption, En, Gdpr),
    t("vertraulichkeit", C::Confidentiality, De, Gdpr),
    t("confidentiality", C::Confidentiality, En, Gdpr),
    t("restoring availability and access", C::Recovery, En, Gdpr),
    t(
        "ability to restore availability and access",
        C::Recovery,
        En,
        Gdpr,
    ),
    t("integritaet", C::Integrity, De, Gdpr),
    t("integrity", C::Integrity, En, Gdpr),
    t("verfuegbarkeit", C::Availability, De, Gdpr),
    t("availability", C::Availability, En, Gdpr),
    t("belastbarkeit", C::Resilience, De, Gdpr),
    t("belastbarkeit der systeme", C::Resilience, De, Gdpr),
    t(
        "belastbarkeit der systeme und dienste",
        C::Resilience,
        De,
        Gdpr,
    ),
    t("resilience", C::Resilience, En, Gdpr),
    t("resilience of systems", C::Resilience, En, Gdpr),
    t(
        "resilience of systems and services",
        C::Resilience,
        En,
        Gdpr,
    ),
    t("rasche wiederherstellbarkeit", C::Recovery, De, Gdpr),
    t("evaluation", C::Evaluation, En, Gdpr),
    t("evaluierung", C::Evaluation, De, Gdpr),
    t("regular testing", C::Evaluation, En, Gdpr),
    t("regular testing and evaluation", C::Evaluation, En, Gdpr),
    t("testing and evaluation", C::Evaluation, En, Gdpr),
    t("regelmaessige ueberpruefung", C::Evaluation, De, Gdpr),
    t(
        "ueberpruefung bewertung und evaluierung",
        C::Evaluation,
        De,
        Gdpr,
    ),
    t(
        "regelmaessige ueberpruefung bewertung und evaluierung",
        C::Evaluation,
        De,
        Gdpr,
    ),
    // BDSG a.F., Anlage zu § 9
    t("zutrittskontrolle", C::PhysicalAccess, De, BdsgOld),
    t("physical access control", C::PhysicalAccess, En, BdsgOld),
    t("zugangskontrolle", C::SystemAccess, De, BdsgOld),
    t("system access control", C::SystemAccess, En, BdsgOld),
    t("zugriffskontrolle", C::DataAccess, De, BdsgOld),
    t("data access control", C::DataAccess, En, BdsgOld),
    t("trennungskontrolle", C::Separation, De, BdsgOld),
    t("trennungsgebot", C::Separation, De, BdsgOld),
    t("separation control", C::Separation, En, BdsgOld),
    t("weitergabekontrolle", C::Transfer, De, BdsgOld),
    t("transfer control", C::Transfer, En, BdsgOld),
    t("eingabekontrolle", C::Input, De, BdsgOld),
    t("input control", C::Input, En, BdsgOld),
    t("verfuegbarkeitskontrolle", C::Availability, De, BdsgOld),
    t("availability control", C::Availability, En, BdsgOld),
    // § 64(3) BDSG
    t("speicherkontrolle", C::SystemAccess, De, Bdsg64),
    t("datentraegerkontrolle", C::DataAccess, De, Bdsg64),
    t("wiederherstellbarkeitskontrolle", C::Recovery, De, Bdsg64),
    t("recoverability control", C::Recovery, En, Bdsg64),
    t("benutzerkontrolle", C::SystemAccess, De, Bdsg64),
    t("user control", C::SystemAccess, En, Bdsg64),
    t("trennbarkeit", C::Separation, De, Bdsg64),
    t("separability", C::Separation, En, Bdsg64),
    t("datenintegritaet", C::Integrity, De, Bdsg64),
    t("data integrity", C::Integrity, En, Bdsg64),
    t("uebertragungskontrolle", C::Transfer, De, Bdsg64),
    t("transportkontrolle", C::Transfer, De, Bdsg64),
    t("transport control", C::Transfer, En, Bdsg64),
    t("zuverlaessigkeit", C::Resilience, De, Bdsg64),
    t("reliability", C::Resilience, En, Bdsg64),
    t("wiederherstellbarkeit", C::Recovery, De, Bdsg64),
    t("recoverability", C::Recovery, En, Bdsg64),
    // State laws
    t("organisationskontrolle", C::Evaluation, De, StateLaw),
    t("organisational control", C::Evaluation, En, StateLaw),
    t("organizational control", C::Evaluation, En, StateLaw),
    // SDM protection goals
    t("nichtverkettung", C::Separation, De, Sdm),
    t("unlinkability", C::Separation, En, Sdm),
    // EU SCC Annex II
    t(
        "user identification and authorisation",
        C::SystemAccess,
        En,
        SccAnnexII,
    ),
    t(
        "user identification and authorization",
        C::SystemAccess,
        En,
        SccAnnexII,
    ),
    t(
        "protection of data during transmission",
        C::Transfer,
        En,
        SccAnnexII,
    ),
    t(
        "protection of data during storage",
        C::DataAccess,
        En,
        SccAnnexII,
    ),
    t(
        "physical security of locations at which personal data are processed",
        C::PhysicalAccess,
        En,
        SccAnnexII,
    ),
    t(
        "physical security of locations",
        C::PhysicalAccess,
        En,
        SccAnnexII,
    ),
    t("physical security", C::PhysicalAccess, En, SccAnnexII),
    t("events logging", C::Input, En, SccAnnexII),
    t("event logging", C::Input, En, SccAnnexII),
    t("logging", C::Input, En, SccAnnexII),
    t(
        "system configuration including default configuration",
        C::Resilience,
        En,
        SccAnnexII,
    ),
    t("system configuration", C::Resilience, En, SccAnnexII),
    t(
        "internal it and it security governance and management",
        C::Evaluation,
        En,
        SccAnnexII,
    ),
    t(
        "certification assurance of processes and products",
        C::Evaluation,
        En,
        SccAnnexII,
    ),
    // Practice
    t("kryptografie", C::Encryption, De, Practice),
    t("kryptographie", C::Encryption, De, Practice),
    t("cryptography", C::Encryption, En, Practice),
    t("zutritt", C::PhysicalAccess, De, Practice),
    t("physical access", C::PhysicalAccess, En, Practice),
    t("physical access controls", C::PhysicalAccess, En, Practice),
    t("premises access control", C::PhysicalAccess, En, Practice),
    t("access control to systems", C::SystemAccess, En, Practice),
    t(
        "access control to premises",
        C::PhysicalAccess,
        En,
        Practice,
    ),
    t("access control to data", C::DataAccess, En, Practice),
    t("load capacity", C::Resilience, En, Practice),
    t("belastbarkeitskontrolle", C::Resilience, De, Practice),
    t("backups", C::Availability, En, Practice),
    t("backup", C::Availability, En, Practice),
    t("datensicherung", C::Availability, De, Practice),
    t("zugang", C::SystemAccess, De, Practice),
    t("system access", C::SystemAccess, En, Practice),
    t("access control", C::SystemAccess, En, Practice),
    t("logical access", C::SystemAccess, En, Practice),
    t("logical access control", C::SystemAccess, En, Practice),
    t("zugriff", C::DataAccess, De, Practice),
    t("data access", C::DataAccess, En, Practice),
    t("authorisation control", C::DataAccess, En, Practice),
    t("authorization control", C::DataAccess, En, Practice),
    t("trennung", C::Separation, De, Practice),
    t("datentrennung", C::Separation, De, Practice),
    t("separation", C::Separation, En, Practice),
    t("data separation", C::Separation, En, Practice),
    t("segregation", C::Separation, En, Practice),
    t("segregation control", C::Separation, En, Practice),
    t("weitergabe", C::Transfer, De, Practice),
    t("transmission control", C::Transfer, En, Practice),
    t("disclosure control", C::Transfer, En, Practice),
    t("data transfer control", C::Transfer, En, Practice),
    t("eingabe", C::Input, De, Practice),
    t("data entry control", C::Input, En, Practice),
    t("wiederherstellung", C::Recovery, De, Practice),
    t("recovery", C::Recovery, En, Practice),
    t("restoration", C::Recovery, En, Practice),
    t("restore", C::Recovery, En, Practice),
    t("business continuity", C::Recovery, En, Practice),
    t("disaster recovery", C::Recovery, En, Practice),
    t("regular review", C::Evaluation, En, Practice),
];

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::import::matching::normalize;

    #[test]
    fn terms_are_normalised_unique_and_cover_every_section_in_both_languages() {
        let mut seen: HashMap<&str, CanonicalSection> = HashMap::new();
        for term in VOCABULARY {
            assert_eq!(normalize(term.term), term.term, "{term:?}");
            let before = seen.insert(term.term, term.section);
            assert!(before.is_none_or(|b| b == term.section), "{term:?} twice");
        }
        for c in CanonicalSection::ALL {
            for lang in Lang::ALL {
                assert!(
                    VOCABULARY.iter().any(|t| t.section == c && t.lang == lang),
                    "{c:?} has no {lang:?} term"
                );
            }
        }
        // Every source is represented.
        for source in [Gdpr, BdsgOld, Bdsg64, StateLaw, Sdm, SccAnnexII, Practice] {
            assert!(VOCABULARY.iter().any(|t| t.source == source), "{source:?}");
        }
    }
}
