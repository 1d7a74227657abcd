# Editor defects of issues 15 and 20.
compare-include-hidden = Ausgeblendete Abschnitte einbeziehen (intern)
compare-include-hidden-hint = Zeigt auch den Inhalt ausgeblendeter Abschnitte. Nur zur internen Prüfung: Änderungsberichte und Exporte enthalten sie nie.
compare-internal-banner = Interne Ansicht: enthält ausgeblendete Abschnitte. Der exportierte Änderungsbericht enthält sie nicht.
released-saved = Version { $label } freigegeben und in { $path } gespeichert.
released-not-saved = Version { $label } freigegeben, aber NOCH NICHT gespeichert: Speichern Sie die Datei, um sie zu behalten.
released-choose-file = Version { $label } freigegeben, aber noch nicht gespeichert: Wählen Sie, wo die Datei gespeichert wird.
version-banner = Version { $label } vom { $date } – nur lesen
version-banner-back = Zurück zur Arbeitskopie
version-banner-restore = Diese Version wiederherstellen
