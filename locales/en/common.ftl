# Shared strings: section titles, measure kinds and statuses, document defaults.

app-name = Tomwerk
document-title-default = Technical and organisational measures pursuant to Article 32 GDPR
document-title-short = TOM pursuant to Art. 32 GDPR
language-de = German
language-en = English

section-pseudonymisation = Pseudonymisation
section-encryption = Encryption
section-confidentiality = Ensuring confidentiality
section-confidentiality-physical_access = Physical access control
section-confidentiality-system_access = System access control
section-confidentiality-data_access = Data access control
section-confidentiality-separation = Separation control
section-integrity = Ensuring integrity
section-integrity-transfer = Transfer control
section-integrity-input = Input control
section-availability = Ensuring availability
section-resilience = Ensuring the resilience of systems
section-recovery = Procedures for restoring the availability of personal data after a physical or technical incident
section-evaluation = Procedures for regularly testing, assessing and evaluating the effectiveness of the technical and organisational measures
section-untitled = Untitled

measure-kind-technical = Technical
measure-kind-organisational = Organisational
measure-status-implemented = Implemented
measure-status-planned = Planned
measure-status-not-applicable = Not applicable
