# Shared strings: section titles, measure kinds and statuses, document defaults.

app-name = Tomwerk
document-title-default = Technische und organisatorische Maßnahmen nach Artikel 32 DSGVO
document-title-short = TOM nach Art. 32 DSGVO
language-de = Deutsch
language-en = Englisch

section-pseudonymisation = Pseudonymisierung
section-encryption = Verschlüsselung
section-confidentiality = Gewährleistung der Vertraulichkeit
section-confidentiality-physical_access = Zutrittskontrolle
section-confidentiality-system_access = Zugangskontrolle
section-confidentiality-data_access = Zugriffskontrolle
section-confidentiality-separation = Trennungskontrolle
section-integrity = Gewährleistung der Integrität
section-integrity-transfer = Weitergabekontrolle
section-integrity-input = Eingabekontrolle
section-availability = Gewährleistung der Verfügbarkeit
section-resilience = Gewährleistung der Belastbarkeit der Systeme
section-recovery = Verfahren zur Wiederherstellung der Verfügbarkeit personenbezogener Daten nach einem physischen oder technischen Zwischenfall
section-evaluation = Verfahren regelmäßiger Überprüfung, Bewertung und Evaluierung der Wirksamkeit der technischen und organisatorischen Maßnahmen
section-untitled = Ohne Titel

measure-kind-technical = Technisch
measure-kind-organisational = Organisatorisch
measure-status-implemented = Umgesetzt
measure-status-planned = Geplant
measure-status-not-applicable = Nicht anwendbar
