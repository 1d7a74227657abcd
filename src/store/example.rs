//! The built-in example: a fictional company's complete TOM with three released versions.
//! It is what the editor shows on first start and what tests and benches use.
//!
//! All wording is our own. The company, its platform "TrackPort" and the people are
//! invented; the `.example` domain is reserved and never resolves.

use time::Date;
use time::macros::date;

use super::history::TomFile;
use crate::model::{
    CanonicalSection, Document, Lang, LocalText, Measure, MeasureId, MeasureKind, MeasureStatus,
    SectionId,
};

use MeasureKind::{Organisational as O, Technical as T};
use MeasureStatus::{Implemented as DONE, NotApplicable as NA, Planned as PLANNED};

/// Release dates of the three versions and the review dates recorded in them.
const RELEASE_1_0: Date = date!(2025 - 03 - 03);
const RELEASE_1_1: Date = date!(2025 - 09 - 15);
const RELEASE_2_0: Date = date!(2026 - 03 - 02);
const REVIEW_1: Date = date!(2025 - 02 - 24);
const REVIEW_2: Date = date!(2026 - 02 - 23);

fn measure(de: &str, en: &str, kind: MeasureKind, status: MeasureStatus) -> Measure {
    let mut m = Measure::new(LocalText::new(de, en));
    m.kind = kind;
    m.status = status;
    m
}

/// Adds a measure to a canonical section of the example. The ids are fixed by the order
/// of calls, so every build of the example is identical.
fn add(
    doc: &mut Document,
    section: CanonicalSection,
    kind: MeasureKind,
    status: MeasureStatus,
    de: &str,
    en: &str,
) -> Option<MeasureId> {
    doc.add_measure(&section.into(), measure(de, en, kind, status))
        .ok()
}

/// Like [`add`], with a note in both languages.
fn add_noted(
    doc: &mut Document,
    section: &SectionId,
    kind: MeasureKind,
    status: MeasureStatus,
    text: (&str, &str),
    note: (&str, &str),
) -> Option<MeasureId> {
    let mut m = measure(text.0, text.1, kind, status);
    m.note = LocalText::new(note.0, note.1);
    doc.add_measure(section, m).ok()
}

fn set_body(doc: &mut Document, section: &SectionId, de: &str, en: &str) {
    if let Some(s) = doc.section_mut(section) {
        s.body = LocalText::new(de, en);
    }
}

const INTRO_DE: &str = "Dieses Dokument beschreibt die technischen und organisatorischen Maßnahmen, mit denen die Beispiel Logistik GmbH personenbezogene Daten schützt, die sie im Auftrag ihrer Kunden verarbeitet. Das sind vor allem Anschriften von Empfängern, Sendungsdaten und die Kontaktdaten von Ansprechpartnern der Kunden. Die Maßnahmen gelten für die Plattform zur Sendungsverfolgung *TrackPort*, für die Arbeitsplätze am Standort Bremen und für die Server in einem angemieteten Rechenzentrum in Frankfurt am Main.

Bei der Auswahl der Maßnahmen hat das Unternehmen, wie es Art. 32 DSGVO verlangt, den Stand der Technik, die Kosten, die Art und den Umfang der Verarbeitung sowie das Risiko für die betroffenen Personen berücksichtigt. Den Wortlaut der Verordnung finden Sie bei [EUR-Lex](https://eur-lex.europa.eu/eli/reg/2016/679/oj).";

const INTRO_EN: &str = "This document describes the technical and organisational measures Beispiel Logistik GmbH uses to protect the personal data it processes on behalf of its customers. This is mainly the addresses of recipients, shipment data and the contact details of customer staff. The measures apply to the shipment tracking platform *TrackPort*, to the workplaces at the Bremen site and to the servers in rented space in a data centre in Frankfurt am Main.

As Art. 32 GDPR requires, the company chose the measures taking into account the state of the art, the costs, the nature and scope of the processing and the risk to the people concerned. The text of the Regulation is available on [EUR-Lex](https://eur-lex.europa.eu/eli/reg/2016/679/oj).";

const ENCRYPTION_V1_DE: &str = "Personenbezogene Daten werden bei der Übertragung und bei der Speicherung verschlüsselt. Die Schlüssel verwaltet das Plattform-Team; sie liegen getrennt von den verschlüsselten Daten.";
const ENCRYPTION_V1_EN: &str = "Personal data is encrypted in transit and at rest. The platform team manages the keys; they are kept apart from the encrypted data.";
const ENCRYPTION_V2_DE: &str = "Personenbezogene Daten werden bei der Übertragung **und** bei der Speicherung verschlüsselt. Für alle Verbindungen ist mindestens TLS 1.2 vorgeschrieben; ältere Protokollversionen und schwache Verfahren sind abgeschaltet.

Die Schlüssel verwaltet das Plattform-Team in einem zentralen Dienst zur Schlüsselverwaltung, getrennt von den verschlüsselten Daten. Sie werden jährlich erneuert und sofort ausgetauscht, wenn ein Verdacht auf Kompromittierung besteht.";
const ENCRYPTION_V2_EN: &str = "Personal data is encrypted in transit **and** at rest. Every connection must use at least TLS 1.2; older protocol versions and weak ciphers are switched off.

The platform team manages the keys in a central key management service, apart from the encrypted data. Keys are renewed every year, and replaced at once whenever a compromise is suspected.";

const AVAILABILITY_V1_DE: &str = "Die Plattform ist auf einen Betrieb rund um die Uhr ausgelegt. Das Rechenzentrum verfügt über eine unterbrechungsfreie Stromversorgung, ein Notstromaggregat, eine Klimatisierung und eine Brandfrüherkennung. Gesichert wird nach diesem Plan:

| Daten | Sicherung | Aufbewahrung | Ablage |
|---|---|---|---|
| Datenbank der Plattform | stündlich inkrementell, täglich vollständig | 30 Tage | zweiter Brandabschnitt |
| Dateiablage des Büros | täglich | 90 Tage | Rechenzentrum Frankfurt |
| Konfiguration der Server | bei jeder Änderung | 1 Jahr | Versionsverwaltung |";
const AVAILABILITY_V1_EN: &str = "The platform is designed to run around the clock. The data centre has an uninterruptible power supply, a standby generator, air conditioning and early fire detection. Backups follow this schedule:

| Data | Backup | Retention | Location |
|---|---|---|---|
| Platform database | hourly incremental, daily full | 30 days | second fire compartment |
| Office file share | daily | 90 days | Frankfurt data centre |
| Server configuration | on every change | 1 year | version control |";
const AVAILABILITY_V2_DE: &str = "Die Plattform ist auf einen Betrieb rund um die Uhr ausgelegt. Das Rechenzentrum verfügt über eine unterbrechungsfreie Stromversorgung, ein Notstromaggregat, eine Klimatisierung und eine Brandfrüherkennung. Gesichert wird nach diesem Plan:

| Daten | Sicherung | Aufbewahrung | Ablage |
|---|---|---|---|
| Datenbank der Plattform | stündlich inkrementell, täglich vollständig | 35 Tage | zweiter Brandabschnitt |
| Monatssicherung der Datenbank | monatlich vollständig | 12 Monate | Rechenzentrum eines zweiten Anbieters |
| Dateiablage des Büros | täglich | 90 Tage | Rechenzentrum Frankfurt |
| Konfiguration der Server | bei jeder Änderung | 1 Jahr | Versionsverwaltung |

Alle Sicherungen sind verschlüsselt; der Erfolg jeder Sicherung wird automatisch geprüft.";
const AVAILABILITY_V2_EN: &str = "The platform is designed to run around the clock. The data centre has an uninterruptible power supply, a standby generator, air conditioning and early fire detection. Backups follow this schedule:

| Data | Backup | Retention | Location |
|---|---|---|---|
| Platform database | hourly incremental, daily full | 35 days | second fire compartment |
| Monthly database backup | monthly full | 12 months | data centre of a second provider |
| Office file share | daily | 90 days | Frankfurt data centre |
| Server configuration | on every change | 1 year | version control |

All backups are encrypted; every backup run is checked for success automatically.";

/// The example document's first version (1.0).
fn version_1() -> Document {
    use CanonicalSection as C;
    let mut doc = Document::empty_template(Lang::De, "Beispiel Logistik GmbH");
    let meta = &mut doc.meta;
    meta.organisation.address = "Hafenstraße 12\n28195 Bremen".into();
    meta.title = LocalText::new(
        "Technische und organisatorische Maßnahmen nach Art. 32 DSGVO",
        "Technical and organisational measures under Art. 32 GDPR",
    );
    meta.purpose = LocalText::new(
        "Anlage 2 zum Auftragsverarbeitungsvertrag",
        "Annex 2 to the data processing agreement",
    );
    meta.responsible = LocalText::new("Jonas Beispiel, Leitung IT", "Jonas Beispiel, Head of IT");
    meta.dpo_contact = "Dr. Mira Muster, datenschutz@beispiel-logistik.example".into();
    meta.review_interval_months = 12;
    meta.last_review = Some(REVIEW_1);
    doc.intro = LocalText::new(INTRO_DE, INTRO_EN);

    // 1. Pseudonymisation
    set_body(
        &mut doc,
        &C::Pseudonymisation.into(),
        "Für Auswertungen über Laufzeiten und Zustellquoten braucht das Unternehmen weder Namen noch Anschriften. Die Analyseumgebung erhält deshalb nur Sendungsdaten, in denen jeder Empfänger durch eine zufällig erzeugte Kennung ersetzt ist. Die Zuordnungstabelle liegt in einer eigenen Datenbank, auf die nur das Plattform-Team zugreifen kann.",
        "Analyses of transit times and delivery rates need neither names nor addresses. The analytics environment therefore receives only shipment records in which each recipient is replaced by a randomly generated identifier. The mapping table sits in a database of its own that only the platform team can reach.",
    );
    add(
        &mut doc,
        C::Pseudonymisation,
        T,
        DONE,
        "Empfängerdaten werden vor der Übernahme in die Analyseumgebung durch zufällige Kennungen ersetzt",
        "Recipient data is replaced by random identifiers before it enters the analytics environment",
    );
    add(
        &mut doc,
        C::Pseudonymisation,
        T,
        DONE,
        "Die Zuordnungstabelle wird getrennt und verschlüsselt gespeichert und hat ein eigenes Berechtigungskonzept",
        "The mapping table is stored separately and encrypted, with permissions of its own",
    );
    add(
        &mut doc,
        C::Pseudonymisation,
        O,
        DONE,
        "Eine Re-Identifizierung erfolgt nur auf dokumentierte Anfrage des Kunden und nach Freigabe durch die Teamleitung",
        "Re-identification happens only on a documented customer request approved by the team lead",
    );
    add(
        &mut doc,
        C::Pseudonymisation,
        O,
        DONE,
        "Statistiken werden nur zusammengefasst für Gruppen von mindestens zehn Sendungen herausgegeben",
        "Statistics are only released in aggregated form, for groups of at least ten shipments",
    );

    // 2. Encryption
    set_body(
        &mut doc,
        &C::Encryption.into(),
        ENCRYPTION_V1_DE,
        ENCRYPTION_V1_EN,
    );
    add(
        &mut doc,
        C::Encryption,
        T,
        DONE,
        "Alle Verbindungen zur Plattform sind mit TLS verschlüsselt",
        "All connections to the platform are encrypted with TLS",
    );
    add(
        &mut doc,
        C::Encryption,
        T,
        DONE,
        "Vollverschlüsselung der Datenträger aller Notebooks und Smartphones",
        "Full-disk encryption on all laptops and smartphones",
    );
    add(
        &mut doc,
        C::Encryption,
        T,
        DONE,
        "Datenbanken und Datensicherungen sind im Ruhezustand verschlüsselt (AES-256)",
        "Databases and backups are encrypted at rest (AES-256)",
    );
    add(
        &mut doc,
        C::Encryption,
        T,
        DONE,
        "Fernzugriff auf das Firmennetz nur über ein VPN",
        "Remote access to the company network only through a VPN",
    );
    add(
        &mut doc,
        C::Encryption,
        O,
        DONE,
        "Vertrauliche Anhänge werden nur verschlüsselt versandt (S/MIME oder ein Archiv mit getrennt übermitteltem Passwort)",
        "Confidential attachments are only sent encrypted (S/MIME, or an archive with the password sent separately)",
    );

    // 3. Confidentiality
    set_body(
        &mut doc,
        &C::Confidentiality.into(),
        "Vertraulichkeit heißt, dass nur befugte Personen personenbezogene Daten zur Kenntnis nehmen können. Die Maßnahmen dazu gliedern sich in vier Bereiche: den Zutritt zu Räumen, den Zugang zu Systemen, den Zugriff auf Daten und die Trennung der Daten verschiedener Kunden und Zwecke.",
        "Confidentiality means that only authorised people can learn of personal data. The measures fall into four areas: entry to premises, access to systems, access to data, and keeping the data of different customers and purposes apart.",
    );
    add(
        &mut doc,
        C::Confidentiality,
        O,
        DONE,
        "Alle Beschäftigten sind schriftlich auf die Vertraulichkeit verpflichtet",
        "All staff have signed a confidentiality undertaking",
    );
    add(
        &mut doc,
        C::Confidentiality,
        O,
        DONE,
        "Datenschutzschulung beim Eintritt und danach jährlich",
        "Data protection training on joining and every year after",
    );

    // 3.1 Physical access
    set_body(
        &mut doc,
        &C::PhysicalAccess.into(),
        "Das Büro in Bremen liegt im zweiten Obergeschoss eines Geschäftshauses. Die Server der Plattform stehen nicht im Büro, sondern in einem nach ISO/IEC 27001 zertifizierten Rechenzentrum in Frankfurt am Main; dessen Betreiber sorgt für den physischen Schutz. Der Zutritt ist so geregelt:

- **Büro:** elektronisches Schließsystem mit persönlichen Transpondern, jeder Zutritt wird protokolliert.
- **Technikraum im Büro** (Netzwerktechnik, keine Kundendaten): zusätzlich verschlossen, Zutritt nur für die IT.
- **Rechenzentrum:** Zutritt nur nach Voranmeldung, mit Ausweiskontrolle und in Begleitung.",
        "The Bremen office is on the second floor of a commercial building. The platform's servers are not in the office but in an ISO/IEC 27001 certified data centre in Frankfurt am Main, whose operator provides the physical protection. Entry is controlled as follows:

- **Office:** electronic locks with personal transponders; every entry is logged.
- **Equipment room in the office** (network equipment, no customer data): locked separately, entry for IT staff only.
- **Data centre:** entry only when announced in advance, with an ID check and an escort.",
    );
    add(
        &mut doc,
        C::PhysicalAccess,
        T,
        DONE,
        "Elektronisches Schließsystem mit Protokollierung aller Zutritte",
        "Electronic locking system that logs every entry",
    );
    add(
        &mut doc,
        C::PhysicalAccess,
        T,
        DONE,
        "Alarmanlage, außerhalb der Geschäftszeiten auf einen Wachdienst aufgeschaltet",
        "Alarm system connected to a security service outside office hours",
    );
    add(
        &mut doc,
        C::PhysicalAccess,
        O,
        DONE,
        "Besucher melden sich am Empfang an, werden eingetragen und begleitet",
        "Visitors sign in at reception, are registered and accompanied",
    );
    add(
        &mut doc,
        C::PhysicalAccess,
        O,
        DONE,
        "Transponder werden beim Austritt zurückgegeben und sofort gesperrt",
        "Transponders are handed back and blocked at once when someone leaves",
    );
    add_noted(
        &mut doc,
        &C::PhysicalAccess.into(),
        T,
        NA,
        (
            "Eigenes Rechenzentrum mit Vereinzelungsanlage",
            "Own data centre with a mantrap",
        ),
        (
            "Kein eigenes Rechenzentrum; der Betreiber in Frankfurt weist seine Zutrittskontrollen mit seinem ISO-27001-Zertifikat nach.",
            "No own data centre; the Frankfurt operator proves its entry controls with its ISO 27001 certificate.",
        ),
    );

    // 3.2 System access
    set_body(
        &mut doc,
        &C::SystemAccess.into(),
        "Jede Person meldet sich mit einem eigenen Konto an; Sammelkonten gibt es nicht. Die Konten werden zentral in einem Verzeichnisdienst verwaltet, so dass beim Austritt ein einziger Schritt alle Zugänge sperrt.",
        "Everyone signs in with a personal account; there are no shared accounts. Accounts are managed centrally in a directory service, so that a single step blocks all access when someone leaves.",
    );
    add(
        &mut doc,
        C::SystemAccess,
        T,
        DONE,
        "Passwörter haben mindestens 12 Zeichen und werden mit Listen bekannter kompromittierter Passwörter abgeglichen",
        "Passwords have at least 12 characters and are checked against lists of known compromised passwords",
    );
    add(
        &mut doc,
        C::SystemAccess,
        T,
        DONE,
        "Sperre des Kontos nach zehn fehlgeschlagenen Anmeldeversuchen",
        "Account lock after ten failed sign-in attempts",
    );
    add(
        &mut doc,
        C::SystemAccess,
        T,
        DONE,
        "Automatische Bildschirmsperre nach fünf Minuten ohne Eingabe",
        "Automatic screen lock after five minutes without input",
    );
    add(
        &mut doc,
        C::SystemAccess,
        T,
        DONE,
        "Firewall, Virenschutz und zentral verwaltete Updates auf allen Geräten",
        "Firewall, anti-malware and centrally managed updates on every device",
    );
    add(
        &mut doc,
        C::SystemAccess,
        O,
        DONE,
        "Konten werden am letzten Arbeitstag gesperrt",
        "Accounts are blocked on the last working day",
    );

    // 3.3 Data access
    set_body(
        &mut doc,
        &C::DataAccess.into(),
        "Berechtigungen folgen dem Grundsatz *so viel wie nötig, so wenig wie möglich*. Die Rollen sind im Berechtigungskonzept beschrieben; eine Rolle wird erst zugewiesen, wenn die Fachabteilung sie freigegeben hat.",
        "Permissions follow the principle of *as much as needed, as little as possible*. The roles are described in the permission concept; a role is only assigned once the business unit has approved it.",
    );
    add(
        &mut doc,
        C::DataAccess,
        T,
        DONE,
        "Rollenbasierte Berechtigungen in der Plattform und in den Fachanwendungen",
        "Role-based permissions in the platform and the business applications",
    );
    add(
        &mut doc,
        C::DataAccess,
        T,
        DONE,
        "Getrennte Administratorkonten, die nur für administrative Arbeiten genutzt werden",
        "Separate administrator accounts, used for administrative work only",
    );
    add(
        &mut doc,
        C::DataAccess,
        T,
        DONE,
        "Lesezugriffe des Kundensupports auf Empfängerdaten werden protokolliert",
        "Read access by customer support to recipient data is logged",
    );
    add(
        &mut doc,
        C::DataAccess,
        O,
        DONE,
        "Die Vorgesetzten überprüfen alle Berechtigungen halbjährlich",
        "Managers review all permissions every six months",
    );
    add(
        &mut doc,
        C::DataAccess,
        O,
        DONE,
        "Papier und Datenträger vernichtet ein zertifizierter Dienstleister nach DIN 66399",
        "A certified service provider destroys paper and media to DIN 66399",
    );

    // 3.4 Separation
    set_body(
        &mut doc,
        &C::Separation.into(),
        "Die Plattform ist mandantenfähig: Jeder Kunde sieht ausschließlich seine eigenen Sendungen. Entwicklung, Test und Produktion laufen in getrennten Umgebungen mit getrennten Zugangsdaten.",
        "The platform is multi-tenant: each customer sees only their own shipments. Development, testing and production run in separate environments with separate credentials.",
    );
    add(
        &mut doc,
        C::Separation,
        T,
        DONE,
        "Jede Datenbankabfrage ist auf die Kennung des Kunden beschränkt; automatisierte Tests sichern das ab",
        "Every database query is restricted to the customer's identifier; automated tests guard this",
    );
    add(
        &mut doc,
        C::Separation,
        T,
        DONE,
        "Getrennte Umgebungen für Entwicklung, Test und Produktion",
        "Separate environments for development, testing and production",
    );
    add(
        &mut doc,
        C::Separation,
        O,
        DONE,
        "Test und Entwicklung arbeiten nur mit künstlich erzeugten Daten",
        "Testing and development use generated data only",
    );

    // 4. Integrity
    set_body(
        &mut doc,
        &C::Integrity.into(),
        "Integrität heißt: Daten werden weder bei der Übertragung noch bei der Eingabe unbemerkt verändert, und jede Änderung lässt sich nachvollziehen.",
        "Integrity means that data is not changed unnoticed, neither in transfer nor on input, and that every change can be traced.",
    );
    add(
        &mut doc,
        C::Integrity,
        T,
        DONE,
        "Prüfsummen bei Dateiübertragungen von und zu Kunden",
        "Checksums on file transfers to and from customers",
    );

    // 4.1 Transfer
    set_body(
        &mut doc,
        &C::Transfer.into(),
        "Kunden übergeben Sendungsdaten über eine Programmierschnittstelle oder per SFTP. Beide Wege sind verschlüsselt und verlangen, dass sich der Absender authentisiert. Daten verlassen das Unternehmen nur an Empfänger, die im Vertrag mit dem Kunden vorgesehen sind.",
        "Customers hand over shipment data through an API or by SFTP. Both channels are encrypted and require the sender to authenticate. Data leaves the company only for recipients provided for in the contract with the customer.",
    );
    add(
        &mut doc,
        C::Transfer,
        T,
        DONE,
        "Zugriff auf die Schnittstelle nur mit kundeneigenen Schlüsseln, die jederzeit widerrufen werden können",
        "API access only with customer-specific keys that can be revoked at any time",
    );
    add(
        &mut doc,
        C::Transfer,
        T,
        DONE,
        "Jede Datenübermittlung wird mit Zeitpunkt, Absender und Umfang protokolliert",
        "Every transfer is logged with its time, sender and volume",
    );
    add(
        &mut doc,
        C::Transfer,
        O,
        DONE,
        "Die Empfänger von Daten sind im Verzeichnis der Verarbeitungstätigkeiten dokumentiert",
        "The recipients of data are documented in the record of processing activities",
    );
    add(
        &mut doc,
        C::Transfer,
        O,
        DONE,
        "Kundendaten werden nicht auf mobilen Datenträgern weitergegeben",
        "Customer data is never handed over on removable media",
    );

    // 4.2 Input
    set_body(
        &mut doc,
        &C::Input.into(),
        "Wer Sendungsdaten anlegt, ändert oder löscht, lässt sich in der Plattform nachvollziehen. Die Protokolle werden gegen nachträgliche Änderung geschützt gespeichert.",
        "The platform records who creates, changes or deletes shipment data. The logs are stored protected against later alteration.",
    );
    add(
        &mut doc,
        C::Input,
        T,
        DONE,
        "Änderungsprotokoll mit Benutzer, Zeitpunkt sowie altem und neuem Wert",
        "Change log with user, time, old and new value",
    );
    add(
        &mut doc,
        C::Input,
        O,
        DONE,
        "Protokolle werden zwölf Monate aufbewahrt und danach gelöscht",
        "Logs are kept for twelve months and then deleted",
    );
    add(
        &mut doc,
        C::Input,
        O,
        DONE,
        "Die IT-Sicherheit wertet die Protokolle monatlich stichprobenartig aus",
        "IT security reviews samples of the logs every month",
    );

    // 5. Availability
    set_body(
        &mut doc,
        &C::Availability.into(),
        AVAILABILITY_V1_DE,
        AVAILABILITY_V1_EN,
    );
    add(
        &mut doc,
        C::Availability,
        T,
        DONE,
        "Unterbrechungsfreie Stromversorgung und Notstromaggregat im Rechenzentrum",
        "Uninterruptible power supply and standby generator in the data centre",
    );
    add(
        &mut doc,
        C::Availability,
        T,
        DONE,
        "Gespiegelte Festplatten (RAID) in allen Servern",
        "Mirrored disks (RAID) in every server",
    );
    add(
        &mut doc,
        C::Availability,
        T,
        DONE,
        "Überwachung aller Dienste mit Alarmierung der Rufbereitschaft",
        "Monitoring of every service, alerting the on-call engineer",
    );
    add(
        &mut doc,
        C::Availability,
        O,
        DONE,
        "Rufbereitschaft außerhalb der Geschäftszeiten",
        "On-call duty outside office hours",
    );

    // 6. Resilience
    set_body(
        &mut doc,
        &C::Resilience.into(),
        "Die Plattform muss auch Lastspitzen verkraften, etwa im Weihnachtsgeschäft. Sie läuft auf mehreren Anwendungsservern hinter einem Lastverteiler; fällt ein Server aus, übernehmen die übrigen seine Arbeit.",
        "The platform has to cope with peaks in load, for example before Christmas. It runs on several application servers behind a load balancer; when one fails, the others take over its work.",
    );
    add(
        &mut doc,
        C::Resilience,
        T,
        DONE,
        "Lastverteilung über mindestens drei Anwendungsserver",
        "Load balancing across at least three application servers",
    );
    add(
        &mut doc,
        C::Resilience,
        T,
        DONE,
        "Überwachung von Auslastung und Speicherplatz mit Warnschwellen",
        "Monitoring of load and storage with warning thresholds",
    );
    add(
        &mut doc,
        C::Resilience,
        T,
        DONE,
        "Schutz vor Überlastungsangriffen (DDoS) durch den Netzbetreiber",
        "Protection against denial-of-service attacks (DDoS) by the network provider",
    );
    add(
        &mut doc,
        C::Resilience,
        O,
        DONE,
        "Sicherheitsupdates werden binnen 14 Tagen eingespielt, kritische binnen 72 Stunden",
        "Security updates are installed within 14 days, critical ones within 72 hours",
    );
    add(
        &mut doc,
        C::Resilience,
        O,
        DONE,
        "Lasttest vor jeder größeren Änderung der Plattform",
        "Load test before every major change to the platform",
    );

    // 7. Recovery
    set_body(
        &mut doc,
        &C::Recovery.into(),
        "Für den Ausfall von Systemen gibt es einen Notfallplan mit Zuständigkeiten, Meldewegen und der Reihenfolge des Wiederanlaufs. Ziel ist, die Plattform nach einem Ausfall binnen *vier Stunden* wieder bereitzustellen; dabei gehen höchstens die Daten der letzten Stunde verloren.",
        "A contingency plan covers the failure of systems, with responsibilities, reporting lines and the order of restart. The goal is to have the platform back within *four hours* of an outage, losing at most the last hour's data.",
    );
    add(
        &mut doc,
        C::Recovery,
        O,
        DONE,
        "Notfallhandbuch mit Wiederanlaufplan, auch auf Papier und offline verfügbar",
        "Contingency handbook with a restart plan, also available on paper and offline",
    );
    add(
        &mut doc,
        C::Recovery,
        O,
        DONE,
        "Vierteljährlich wird eine Wiederherstellung aus der Sicherung geprobt und protokolliert",
        "A restore from backup is rehearsed and documented every quarter",
    );
    add(
        &mut doc,
        C::Recovery,
        T,
        DONE,
        "Sicherungskopien liegen in einem zweiten Brandabschnitt, getrennt vom Produktivsystem",
        "Backup copies are kept in a second fire compartment, apart from the production system",
    );

    // 8. Evaluation
    set_body(
        &mut doc,
        &C::Evaluation.into(),
        "Die Geschäftsführung hat eine Datenschutzbeauftragte benannt und ein Datenschutzmanagement eingerichtet. Die Maßnahmen in diesem Dokument werden mindestens einmal im Jahr und nach jeder wesentlichen Änderung überprüft; die Ergebnisse fließen in die nächste Fassung ein.",
        "The management has appointed a data protection officer and set up data protection management. The measures in this document are reviewed at least once a year and after every significant change; the results go into the next edition.",
    );
    add(
        &mut doc,
        C::Evaluation,
        O,
        DONE,
        "Jährliche Überprüfung dieser Maßnahmen durch die Datenschutzbeauftragte und die IT-Leitung",
        "Yearly review of these measures by the data protection officer and the head of IT",
    );
    add(
        &mut doc,
        C::Evaluation,
        T,
        DONE,
        "Externer Penetrationstest der Plattform einmal im Jahr",
        "External penetration test of the platform once a year",
    );
    add(
        &mut doc,
        C::Evaluation,
        O,
        DONE,
        "Datenschutzvorfälle werden nach einem festen Ablauf gemeldet, bewertet und dokumentiert",
        "Data breaches are reported, assessed and documented following a fixed procedure",
    );
    add(
        &mut doc,
        C::Evaluation,
        O,
        DONE,
        "Neue Kundenkonten starten mit der kürzesten angebotenen Aufbewahrungsfrist (datenschutzfreundliche Voreinstellung)",
        "New customer accounts start with the shortest retention period offered (privacy by default)",
    );
    add_noted(
        &mut doc,
        &C::Evaluation.into(),
        O,
        NA,
        (
            "Zertifizierung nach ISO/IEC 27001",
            "ISO/IEC 27001 certification",
        ),
        (
            "Für ein Unternehmen dieser Größe nicht vorgesehen; die jährliche externe Prüfung deckt den Bedarf.",
            "Not intended for a company of this size; the yearly external test meets the need.",
        ),
    );
    doc
}

/// Changes from 1.0 to 1.1: MFA is planned (a measure added), the encryption text is
/// reworded, and a custom section "Auftragskontrolle" is added.
fn revise_to_1_1(doc: &mut Document) {
    add_noted(
        doc,
        &CanonicalSection::SystemAccess.into(),
        T,
        PLANNED,
        (
            "Mehr-Faktor-Authentifizierung für Fernzugriff und Administration",
            "Multi-factor authentication for remote access and administration",
        ),
        ("Einführung bis Ende 2025", "Roll-out by the end of 2025"),
    );
    set_body(
        doc,
        &CanonicalSection::Encryption.into(),
        ENCRYPTION_V2_DE,
        ENCRYPTION_V2_EN,
    );
    let Ok(id) = doc.add_custom_section(
        None,
        LocalText::new("Auftragskontrolle", "Control of processors"),
    ) else {
        return;
    };
    set_body(
        doc,
        &id,
        "Setzt die Beispiel Logistik GmbH Unterauftragsverarbeiter ein, geschieht das nur mit Zustimmung des Kunden und auf Grundlage eines Vertrags nach Art. 28 DSGVO. Die aktuelle Liste der Unterauftragsverarbeiter ist Anlage 3 zum Auftragsverarbeitungsvertrag.",
        "Beispiel Logistik GmbH engages sub-processors only with the customer's consent and under a contract according to Art. 28 GDPR. The current list of sub-processors is Annex 3 to the data processing agreement.",
    );
    for (kind, de, en) in [
        (
            O,
            "Dienstleister werden auch nach ihren technischen und organisatorischen Maßnahmen ausgewählt",
            "Service providers are also chosen for their technical and organisational measures",
        ),
        (
            O,
            "Mit allen Unterauftragsverarbeitern bestehen Verträge zur Auftragsverarbeitung",
            "Data processing agreements are in place with every sub-processor",
        ),
        (
            O,
            "Jährliche Prüfung der Nachweise der Unterauftragsverarbeiter (Zertifikate, Prüfberichte)",
            "Yearly check of the sub-processors' evidence (certificates, audit reports)",
        ),
        (
            O,
            "Weisungen der Kunden werden in Textform entgegengenommen und dokumentiert",
            "Customer instructions are taken in text form and documented",
        ),
    ] {
        let _ = doc.add_measure(&id, measure(de, en, kind, DONE));
    }
}

/// Changes from 1.1 to 2.0: MFA is in place (a status changed), the backup schedule is
/// extended (a text reworded), an immutable backup copy is planned (a measure added),
/// and the yearly review is recorded.
fn revise_to_2_0(doc: &mut Document) {
    if let Some(m) = doc
        .section_mut(&CanonicalSection::SystemAccess.into())
        .and_then(|s| s.measures.iter_mut().find(|m| m.status == PLANNED))
    {
        m.status = DONE;
        m.note = LocalText::new(
            "Seit Dezember 2025 für alle Konten aktiv",
            "Active for all accounts since December 2025",
        );
    }
    set_body(
        doc,
        &CanonicalSection::Availability.into(),
        AVAILABILITY_V2_DE,
        AVAILABILITY_V2_EN,
    );
    add_noted(
        doc,
        &CanonicalSection::Recovery.into(),
        T,
        PLANNED,
        (
            "Zusätzliche unveränderbare Sicherungskopie als Schutz vor Erpressungssoftware",
            "An additional immutable backup copy as protection against ransomware",
        ),
        (
            "Inbetriebnahme im ersten Quartal 2027 geplant",
            "Planned to go live in the first quarter of 2027",
        ),
    );
    doc.meta.last_review = Some(REVIEW_2);
}

/// The built-in example file: three released versions (1.0, 1.1, 2.0) and a working
/// copy equal to the latest release.
pub fn example() -> TomFile {
    let mut file = TomFile::new(version_1());
    // The example is built from constants: a release can only fail on a programming
    // error here, which the tests catch.
    let _ = file.release_with_notes(
        "1.0",
        RELEASE_1_0,
        "Dr. Mira Muster",
        &LocalText::new("Erstfassung", "First version"),
    );
    revise_to_1_1(&mut file.working);
    let _ = file.release_with_notes(
        "1.1",
        RELEASE_1_1,
        "Dr. Mira Muster",
        &LocalText::new(
            "Mehr-Faktor-Authentifizierung geplant, Verschlüsselung präzisiert, Auftragskontrolle ergänzt",
            "Multi-factor authentication planned, encryption made more precise, processor control added",
        ),
    );
    revise_to_2_0(&mut file.working);
    let _ = file.release_with_notes(
        "2.0",
        RELEASE_2_0,
        "Jonas Beispiel",
        &LocalText::new(
            "Jährliche Überprüfung: Mehr-Faktor-Authentifizierung umgesetzt, Sicherungsplan erweitert",
            "Annual review: multi-factor authentication in place, backup plan extended",
        ),
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
                let mut m = measure(
                    &format!("Kontrollmaßnahme {k} mit dokumentierter Prüfung"),
                    &format!("Control measure {k} with documented review"),
                    if k % 2 == 0 { T } else { O },
                    if k == 2 { PLANNED } else { DONE },
                );
                if k == 2 {
                    m.note = LocalText::new("Umsetzung im nächsten Quartal", "Due next quarter");
                }
                let _ = doc.add_measure(&id, m);
            }
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use pulldown_cmark::{Event, Options, Parser, Tag};

    use super::*;
    use crate::model::{Section, validate};

    fn versions() -> Vec<Document> {
        let file = example();
        file.versions
            .iter()
            .map(|v| v.document().expect("released content parses"))
            .collect()
    }

    fn measure_ids(doc: &Document) -> BTreeSet<MeasureId> {
        doc.all_measures()
            .into_iter()
            .map(|(_, m)| m.id.clone())
            .collect()
    }

    fn section_ids(doc: &Document) -> BTreeSet<SectionId> {
        doc.all_sections()
            .into_iter()
            .map(|(s, _)| s.id.clone())
            .collect()
    }

    fn changed_bodies(a: &Document, b: &Document) -> Vec<SectionId> {
        a.all_sections()
            .into_iter()
            .filter_map(|(s, _)| {
                let other = b.section(&s.id)?;
                (other.body != s.body).then(|| s.id.clone())
            })
            .collect()
    }

    #[test]
    fn example_is_valid_verified_and_released() {
        let file = example();
        assert!(
            validate(&file.working).is_empty(),
            "{:?}",
            validate(&file.working)
        );
        assert_eq!(file.verify(), Ok(()));
        let labels: Vec<_> = file.versions.iter().map(|v| v.label.as_str()).collect();
        assert_eq!(labels, ["1.0", "1.1", "2.0"]);
        assert!(!file.has_unreleased_changes());
        assert!(file.versions.windows(2).all(|w| w[0].date < w[1].date));
        for doc in versions() {
            assert!(validate(&doc).is_empty());
        }
    }

    #[test]
    fn example_is_deterministic() {
        assert_eq!(example(), example());
    }

    #[test]
    fn metadata_is_complete() {
        let meta = example().working.meta;
        assert!(!meta.organisation.name.is_empty());
        assert!(meta.organisation.address.contains('\n'));
        assert_eq!(meta.purpose.de, "Anlage 2 zum Auftragsverarbeitungsvertrag");
        assert!(!meta.purpose.en.is_empty());
        assert!(!meta.title.de.is_empty() && !meta.title.en.is_empty());
        assert!(!meta.responsible.lacks(Lang::En) && !meta.responsible.lacks(Lang::De));
        assert!(meta.dpo_contact.contains('@'));
        assert_eq!(meta.review_interval_months, 12);
        assert_eq!(meta.last_review, Some(REVIEW_2));
        assert_eq!(meta.languages, vec![Lang::De, Lang::En]);
    }

    #[test]
    fn every_section_and_measure_is_filled_in_both_languages() {
        for doc in versions() {
            for c in CanonicalSection::ALL {
                let s = doc.section(&c.into()).expect("canonical section present");
                assert!(!s.hidden, "{c:?}");
                assert!(!s.body.de.trim().is_empty(), "{c:?} lacks German text");
                assert!(!s.body.en.trim().is_empty(), "{c:?} lacks English text");
                assert!(!s.measures.is_empty(), "{c:?} has no measures");
            }
            for (text_at, text) in doc.texts() {
                assert!(!text.lacks(Lang::De), "{text_at} lacks German");
                assert!(!text.lacks(Lang::En), "{text_at} lacks English");
            }
        }
    }

    #[test]
    fn measures_have_both_kinds_and_every_status() {
        let doc = example().working;
        let measures = doc.all_measures();
        for kind in MeasureKind::ALL {
            assert!(measures.iter().any(|(_, m)| m.kind == kind), "{kind:?}");
        }
        for status in MeasureStatus::ALL {
            assert!(
                measures.iter().any(|(_, m)| m.status == status),
                "{status:?}"
            );
        }
        for (_, m) in &measures {
            if m.status != DONE {
                assert!(!m.note.de.is_empty() && !m.note.en.is_empty(), "{}", m.id);
            }
        }
    }

    /// The Markdown features the export has to show: a link, a table, a bullet list,
    /// bold and italic text, several paragraphs.
    #[test]
    fn prose_uses_markdown_features() {
        let doc = example().working;
        for lang in Lang::ALL {
            let (mut links, mut tables, mut lists, mut bold, mut italic) = (0, 0, 0, 0, 0);
            let mut texts = vec![doc.intro.get(lang)];
            texts.extend(doc.all_sections().iter().map(|(s, _)| s.body.get(lang)));
            for text in texts {
                for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
                    match event {
                        Event::Start(Tag::Link { dest_url, .. }) => {
                            assert!(dest_url.starts_with("https://"));
                            links += 1;
                        }
                        Event::Start(Tag::Table(_)) => tables += 1,
                        Event::Start(Tag::List(None)) => lists += 1,
                        Event::Start(Tag::Strong) => bold += 1,
                        Event::Start(Tag::Emphasis) => italic += 1,
                        _ => {}
                    }
                }
            }
            assert!(links >= 1 && tables >= 1 && lists >= 1 && bold >= 1 && italic >= 1);
        }
    }

    #[test]
    fn versions_differ_realistically() {
        let v = versions();
        assert_eq!(v.len(), 3);
        let (v1, v2, v3) = (&v[0], &v[1], &v[2]);

        // 1.0 → 1.1: a planned measure and a custom section are added, a text is reworded.
        let added: Vec<_> = measure_ids(v2)
            .difference(&measure_ids(v1))
            .cloned()
            .collect();
        let planned_added = added
            .iter()
            .filter_map(|id| v2.measure(id))
            .find(|(_, m)| m.status == PLANNED)
            .expect("1.1 adds a planned measure");
        assert_eq!(planned_added.0.id, CanonicalSection::SystemAccess.into());
        let new_sections: Vec<_> = section_ids(v2)
            .difference(&section_ids(v1))
            .cloned()
            .collect();
        assert_eq!(new_sections.len(), 1);
        let custom: &Section = v2.section(&new_sections[0]).expect("new section");
        assert!(custom.canonical().is_none());
        assert_eq!(custom.title.de, "Auftragskontrolle");
        assert!(!custom.measures.is_empty());
        assert_eq!(
            changed_bodies(v1, v2),
            vec![SectionId::from(CanonicalSection::Encryption)]
        );

        // 1.1 → 2.0: the planned measure is implemented, another is added, a text changes.
        let (_, mfa) = v3.measure(&planned_added.1.id).expect("MFA kept");
        assert_eq!(mfa.status, DONE);
        assert_eq!(mfa.text, planned_added.1.text);
        let added_2: Vec<_> = measure_ids(v3)
            .difference(&measure_ids(v2))
            .cloned()
            .collect();
        assert_eq!(added_2.len(), 1);
        assert_eq!(
            v3.measure(&added_2[0]).map(|(s, _)| s.id.clone()),
            Some(CanonicalSection::Recovery.into())
        );
        assert_eq!(
            changed_bodies(v2, v3),
            vec![SectionId::from(CanonicalSection::Availability)]
        );
        assert!(v3.meta.last_review > v2.meta.last_review);
        // Nothing is ever removed: customers see additions and improvements only.
        assert!(measure_ids(v1).is_subset(&measure_ids(v3)));
        assert!(section_ids(v1).is_subset(&section_ids(v3)));
    }

    #[test]
    fn prose_is_a_few_pages() {
        let doc = example().working;
        for lang in Lang::ALL {
            let chars: usize = doc
                .texts()
                .iter()
                .map(|(_, t)| t.get(lang).chars().count())
                .sum();
            // About 2,500 characters of German prose fill an A4 page with headings.
            assert!((8_000..=16_000).contains(&chars), "{lang}: {chars}");
        }
    }

    #[test]
    fn large_example_grows_with_factor() {
        let small = large_example(0);
        let big = large_example(2);
        assert!(small.content_eq(&example().working));
        assert_eq!(
            big.all_sections().len(),
            small.all_sections().len() + 2 * small.sections.len()
        );
        assert!(validate(&big).is_empty());
    }
}
