# DOCX-, ODT- und HTML-Import: Hinweise auf nicht Übernommenes.

import-warn-images = { $count ->
    [one] 1 Bild oder Zeichnung nicht übernommen ({ $where })
   *[other] { $count } Bilder oder Zeichnungen nicht übernommen ({ $where })
}
import-image-under = { $paragraph ->
    [0] in der Überschrift „{ $heading }“
   *[other] unter „{ $heading }“, Absatz { $paragraph }
}
import-image-top = vor der ersten Überschrift, Absatz { $paragraph }
import-image-more = und { $count } weitere
import-warn-tracked = Die Datei enthielt nachverfolgte Änderungen: gelesen mit allen Änderungen angenommen
import-warn-comments = { $count ->
    [one] 1 Kommentar als zitierter Absatz nach dem kommentierten Text übernommen
   *[other] { $count } Kommentare als zitierte Absätze nach dem kommentierten Text übernommen
}
import-warn-notes = { $count ->
    [one] 1 Fuß- oder Endnote als Absatz nach dem verweisenden Absatz übernommen
   *[other] { $count } Fuß- oder Endnoten als Absätze nach den verweisenden Absätzen übernommen
}
import-warn-encoding = Die Seite ist kein gültiges { $charset }: unlesbare Bytes durch � ersetzt
import-warn-nested = { $count ->
    [one] 1 verschachtelte Tabelle als Text ihrer Zelle übernommen
   *[other] { $count } verschachtelte Tabellen als Text ihrer Zellen übernommen
}
import-warning = Hinweis: { $text }
