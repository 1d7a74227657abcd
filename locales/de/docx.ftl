# Word export (DOCX) and the change report as tracked changes.
docx-cover-old = Ältere Fassung: { $side }
docx-cover-new = Neuere Fassung: { $side }
docx-cover-version = Version { $label } vom { $date }, freigegeben von { $author }, Fingerabdruck { $hash }
docx-cover-working = Arbeitsstand vom { $date } (nicht freigegeben), Fingerabdruck { $hash }
docx-cover-how = Jede Änderung ist als Word-Überarbeitung markiert: „Alle annehmen“ ergibt die neuere Fassung, „Alle ablehnen“ die ältere. Dieser Kasten gehört zu keiner der beiden Fassungen.
cmd-export-word = Als Word exportieren…
cmd-export-change-report-word = Änderungsbericht als Word (Überarbeitungen)…
dialog-export-word-title = Als Word exportieren
dialog-change-report-word-title = Änderungsbericht als Word exportieren
filter-docx = Word-Dokumente
exported-docx-to = Word-Datei geschrieben: { $path }
