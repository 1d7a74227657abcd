# Formatiertes Bearbeiten und Rechtschreibprüfung (Issue 17).
spell-no-suggestions = Keine Vorschläge
spell-ignore = Ignorieren
spell-add = Zum Wörterbuch hinzufügen
