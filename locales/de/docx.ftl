# Word export (DOCX) and the change report as tracked changes.
docx-cover-old = Ältere Fassung: { $side }
docx-cover-new = Neuere Fassung: { $side }
docx-cover-version = Version { $label } vom { $date }, freigegeben von { $author }, Fingerabdruck { $hash }
docx-cover-working = Arbeitsstand vom { $date } (nicht freigegeben), Fingerabdruck { $hash }
docx-cover-how = Jede Änderung ist als Word-Überarbeitung markiert: „Alle annehmen“ ergibt die neuere Fassung, „Alle ablehnen“ die ältere. Dieser Kasten gehört zu keiner der beiden Fassungen.
