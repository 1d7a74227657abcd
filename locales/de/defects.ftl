# Editor defects of issues 15 and 20.
compare-include-hidden = Ausgeblendete Abschnitte einbeziehen (intern)
compare-include-hidden-hint = Zeigt auch den Inhalt ausgeblendeter Abschnitte. Nur zur internen Prüfung: Änderungsberichte und Exporte enthalten sie nie.
compare-internal-banner = Interne Ansicht: enthält ausgeblendete Abschnitte. Der exportierte Änderungsbericht enthält sie nicht.
