# Der Änderungsbericht als Dokument: Vorspann, Legende (Issue 14).
report-versions-title = Verglichene Fassungen
report-older = Ältere Fassung
report-newer = Neuere Fassung
report-row-version = Version
report-row-date = Freigegeben am
report-row-author = Freigegeben von
report-row-note = Anmerkung
report-not-released = nicht freigegeben
report-checksum = Prüfsumme { $name }: { $hash }
report-date = Bericht erstellt am { $date }.
report-legend-intro = Markierung:
report-legend-deleted-sample = gelöschter Text
report-legend-deleted = durchgestrichen und rot hinterlegt;
report-legend-inserted-sample = eingefügter Text
report-legend-inserted = unterstrichen und grün hinterlegt. Hinzugefügte oder entfernte Absätze, Listenpunkte und Tabellenzeilen sind als Ganzes so markiert; „…“ steht für unveränderten Text, der hier ausgelassen ist.
report-summary = Zusammenfassung:
report-no-changes = Die beiden Fassungen stimmen überein.
