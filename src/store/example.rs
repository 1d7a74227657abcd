//! The built-in example: a fictional company's complete TOM with three released versions.
//! It is what the editor shows on first start and what tests and benches use.

use time::macros::date;

use super::history::TomFile;
use crate::model::{Document, Lang, LocalText, Measure, MeasureKind, MeasureStatus};

fn measure(de: &str, en: &str, kind: MeasureKind, status: MeasureStatus) -> Measure {
    let mut m = Measure::new(LocalText::new(de, en));
    m.kind = kind;
    m.status = status;
    m
}

/// The example document's first version (1.0).
fn version_1() -> Document {
    let mut doc = Document::empty_template(Lang::De, "Beispiel Logistik GmbH");
    doc.meta.organisation.address = "Hafenstraße 12\n28195 Bremen".into();
    doc.meta.purpose = LocalText::new(
        "Anlage 2 zum Auftragsverarbeitungsvertrag",
        "Annex 2 to the data processing agreement",
    );
    doc.meta.responsible = "Jonas Beispiel, Leitung IT".into();
    doc.meta.dpo_contact = "Dr. Mira Muster, datenschutz@beispiel-logistik.example".into();
    doc.meta.last_review = Some(date!(2026 - 02 - 15));
    doc.intro = LocalText::new(
        "Die Beispiel Logistik GmbH trifft die folgenden technischen und organisatorischen Maßnahmen, um personenbezogene Daten angemessen zu schützen.",
        "Beispiel Logistik GmbH takes the following technical and organisational measures to protect personal data appropriately.",
    );
    for (s, _) in doc
        .all_sections()
        .into_iter()
        .map(|(s, d)| (s.id.clone(), d))
        .collect::<Vec<_>>()
    {
        if let Some(section) = doc.section_mut(&s) {
            section.body =
                LocalText::new(format!("Maßnahmen für {s}."), format!("Measures for {s}."));
        }
    }
    let _ = doc.add_measure(
        &"encryption".into(),
        measure(
            "TLS für alle Verbindungen",
            "TLS for all connections",
            MeasureKind::Technical,
            MeasureStatus::Implemented,
        ),
    );
    doc
}

/// The built-in example file: three released versions (1.0, 1.1, 2.0) and a working
/// copy equal to the latest release.
pub fn example() -> TomFile {
    let mut file = TomFile::new(version_1());
    // The example is built from constants: a release can only fail on a programming
    // error here, which the tests catch.
    let _ = file.release(
        "1.0",
        date!(2025 - 03 - 01),
        "Dr. Mira Muster",
        "Erstfassung",
    );
    let _ = file.working.add_measure(
        &"confidentiality.system_access".into(),
        measure(
            "Zwei-Faktor-Authentifizierung für Fernzugriffe",
            "Two-factor authentication for remote access",
            MeasureKind::Technical,
            MeasureStatus::Planned,
        ),
    );
    let _ = file.release(
        "1.1",
        date!(2025 - 09 - 15),
        "Dr. Mira Muster",
        "2FA geplant",
    );
    if let Some(m) = file
        .working
        .section_mut(&"confidentiality.system_access".into())
        .and_then(|s| s.measures.last_mut())
    {
        m.status = MeasureStatus::Implemented;
    }
    let _ = file.release(
        "2.0",
        date!(2026 - 03 - 01),
        "Jonas Beispiel",
        "2FA umgesetzt",
    );
    file
}

/// A long document for benchmarks: the example's working copy with `factor` custom
/// sections of realistic prose and measures per canonical top-level section. A factor
/// of 12 typesets to roughly 100 A4 pages.
pub fn large_example(factor: usize) -> Document {
    let mut doc = example().working;
    let tops: Vec<_> = doc.sections.iter().map(|s| s.id.clone()).collect();
    for top in tops {
        for i in 0..factor {
            let Ok(id) = doc.add_custom_section(
                Some(&top),
                LocalText::new(
                    format!("Ergänzende Regelung {}", i + 1),
                    format!("Supplementary rule {}", i + 1),
                ),
            ) else {
                continue;
            };
            let de = "Die Verantwortlichen prüfen regelmäßig, ob die getroffenen Maßnahmen dem Stand der Technik entsprechen, dokumentieren Abweichungen nachvollziehbar und leiten bei Bedarf Verbesserungen ein. Zugriffe auf personenbezogene Daten werden protokolliert, die Protokolle werden revisionssicher aufbewahrt und stichprobenartig ausgewertet.";
            let en = "Those responsible regularly check whether the measures taken reflect the state of the art, document deviations in a traceable way and initiate improvements where needed. Access to personal data is logged; the logs are kept tamper-proof and reviewed by sampling.";
            if let Some(s) = doc.section_mut(&id) {
                s.body = LocalText::new(
                    format!(
                        "{de}\n\n- Verantwortlich: IT-Sicherheit\n- Turnus: vierteljährlich\n\n{de}"
                    ),
                    format!("{en}\n\n- Responsible: IT security\n- Interval: quarterly\n\n{en}"),
                );
            }
            for k in 0..3 {
                let _ = doc.add_measure(
                    &id,
                    measure(
                        &format!("Kontrollmaßnahme {k} mit dokumentierter Prüfung"),
                        &format!("Control measure {k} with documented review"),
                        if k % 2 == 0 {
                            MeasureKind::Technical
                        } else {
                            MeasureKind::Organisational
                        },
                        if k == 2 {
                            MeasureStatus::Planned
                        } else {
                            MeasureStatus::Implemented
                        },
                    ),
                );
            }
        }
    }
    doc
}
