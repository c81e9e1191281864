"""German UI texts, written into src/newsdesk/locale/de/LC_MESSAGES/django.po by `make messages`.

Kept as a table so translators edit one readable file; run `make messages` after changing it.
"""

import re
import sys
from pathlib import Path

DE = {
    # subscriptions: feeds
    "Subscriptions": "Abonnements",
    "Feeds:": "Feeds:",
    "Follow this newsblog": "Diesem Newsblog folgen",
    "Follow this newsblog in your feed reader:": "Diesem Newsblog im Feedreader folgen:",
    "key events only (RSS)": "nur das Wichtigste (RSS)",
    "%(title)s – key events": "%(title)s – das Wichtigste",
    "The latest news from %(site)s": "Die neuesten Nachrichten von %(site)s",
    "Reader": "Leser",
    "Editor": "Redaktion",
    "Moderator": "Moderation",
    "Job listings": "Stellenanzeigen",
    "Administrator": "Administration",
    "role": "Rolle",
    "name": "Name",
    "First characters, to tell tokens apart.": "Die ersten Zeichen, um Tokens zu unterscheiden.",
    "API token": "API-Token",
    "API tokens": "API-Tokens",
    "Invalid value.": "Ungültiger Wert.",
    "Invalid input: ": "Ungültige Eingabe: ",
    "Authentication required: send 'Authorization: Bearer TOKEN' or log in.":
        "Anmeldung erforderlich: Senden Sie 'Authorization: Bearer TOKEN' oder melden Sie sich an.",
    "Not found.": "Nicht gefunden.",
    "The request is too large.": "Die Anfrage ist zu groß.",
    "This field is required.": "Dieses Feld ist erforderlich.",
    "Unknown field; it is not part of this request.": "Unbekanntes Feld; es gehört nicht zu dieser Anfrage.",
    "Must be text (a JSON string).": "Muss Text sein (eine JSON-Zeichenkette).",
    "Must be true or false.": "Muss true oder false sein.",
    "Must be a whole number.": "Muss eine ganze Zahl sein.",
    "Not one of the allowed values.": "Keiner der erlaubten Werte.",
    "The request body is not valid JSON.": "Der Inhalt der Anfrage ist kein gültiges JSON.",
    "The request body must be a JSON object.": "Der Inhalt der Anfrage muss ein JSON-Objekt sein.",
    "CSRF check failed: send the X-CSRFToken header from the page's csrftoken cookie.":
        "CSRF-Prüfung fehlgeschlagen: Senden Sie den Header X-CSRFToken mit dem Wert des Cookies csrftoken.",
    "Skip to content": "Zum Inhalt springen",
    "Main navigation": "Hauptnavigation",
    "Newsblogs": "Newsblogs",
    "Administration": "Verwaltung",
    "Log out (%(name)s)": "Abmelden (%(name)s)",
    "Log in": "Anmelden",
    "All times in German time (Europe/Berlin).": "Alle Zeitangaben in deutscher Zeit.",
    "For editors and moderators of this site.": "Für Redaktion und Moderation dieser Seite.",
    "User name": "Benutzername",
    "Password": "Passwort",
    "No newsblog with the address '%(slug)s'.": "Unter der Adresse „%(slug)s“ gibt es keinen Newsblog.",
    "Fields may be left out, but not set to null.": "Felder dürfen fehlen, aber nicht null sein.",
    "%(name)s must be a non-negative whole number.": "%(name)s muss eine ganze Zahl ab 0 sein.",
    "Title": "Titel",
    "Teaser": "Vorspann",
    "Entry order": "Reihenfolge der Einträge",
    "Lead image": "Aufmacherbild",
    "Alt text of the image": "Alternativtext des Bildes",
    "Caption": "Bildunterschrift",
    "Credit": "Bildnachweis",
    "Please describe the image for people who cannot see it.":
        "Bitte beschreiben Sie das Bild für Menschen, die es nicht sehen können.",
    "Headline (optional)": "Überschrift (optional)",
    "Text": "Text",
    "Key event": "Wichtig",
    "Pin to top": "Oben anheften",
    "Live": "Live",
    "Closed": "Beendet",
    "Newest first": "Neueste zuerst",
    "Oldest first": "Älteste zuerst",
    "slug": "Adresse",
    "title": "Titel",
    "teaser": "Vorspann",
    "status": "Status",
    "entry order": "Reihenfolge",
    "lead image": "Aufmacherbild",
    "editors": "Redakteurinnen und Redakteure",
    "newsblog": "Newsblog",
    "newsblogs": "Newsblogs",
    "headline": "Überschrift",
    "text": "Text",
    "key event": "wichtiges Ereignis",
    "pinned": "angeheftet",
    "entry": "Eintrag",
    "entries": "Einträge",
    "Please log in as an editor to write in this newsblog.":
        "Bitte melden Sie sich als Redakteurin oder Redakteur an, um in diesem Newsblog zu schreiben.",
    "You are not allowed to write in this newsblog.": "Sie dürfen in diesem Newsblog nicht schreiben.",
    "The text must be a string.": "Der Text muss eine Zeichenkette sein.",
    "The text is too long: at most %(kb)d KB are allowed.": "Der Text ist zu lang: höchstens %(kb)d KB sind erlaubt.",
    "The entry is empty. Please write some text.": "Der Eintrag ist leer. Bitte schreiben Sie einen Text.",
    "This field must be text.": "Dieses Feld muss Text enthalten.",
    "At most %(max)d characters are allowed here.": "Hier sind höchstens %(max)d Zeichen erlaubt.",
    "This entry does not exist in this newsblog (or was deleted).":
        "Diesen Eintrag gibt es in diesem Newsblog nicht (oder er wurde gelöscht).",
    "This newsblog is closed; reopen it to post or edit.":
        "Dieser Newsblog ist beendet; öffnen Sie ihn wieder, um zu schreiben oder zu bearbeiten.",
    "Only editors can create newsblogs.": "Nur die Redaktion kann Newsblogs anlegen.",
    "Unknown entry order.": "Unbekannte Reihenfolge.",
    "Someone else saved this entry in the meantime (version %(v)d). "
    "Your changes were not saved; please compare with the current text.":
        "Jemand anderes hat diesen Eintrag inzwischen gespeichert (Version %(v)d). Ihre Änderungen wurden "
        "nicht gespeichert; bitte vergleichen Sie mit dem aktuellen Text.",
    "New entry": "Neuer Eintrag",
    "Formatting": "Formatierung",
    "Bold": "Fett",
    "Italic": "Kursiv",
    "Link": "Link",
    "Quote": "Zitat",
    "List": "Liste",
    "Blank lines separate paragraphs. Ctrl+Enter publishes.":
        "Leerzeilen trennen Absätze. Strg+Enter veröffentlicht.",
    "Publish": "Veröffentlichen",
    "End this newsblog? Readers will see it as ended.": "Diesen Newsblog beenden? Leser sehen ihn dann als beendet.",
    "End newsblog": "Newsblog beenden",
    "Reopen newsblog": "Newsblog wieder öffnen",
    "Edit entry": "Eintrag bearbeiten",
    "Edit": "Bearbeiten",
    "Pin": "Anheften",
    "Delete": "Löschen",
    "Save": "Speichern",
    "Cancel": "Abbrechen",
    "Link to this entry": "Link zu diesem Eintrag",
    "Pinned": "Angeheftet",
    "updated %(time)s": "aktualisiert %(time)s",
    "Load more entries": "Weitere Einträge laden",
    "Load older entries": "Ältere Einträge laden",
    "LIVE": "LIVE",
    "Ended": "Beendet",
    "Newsblog": "Newsblog",
    "Updated on %(date)s – %(time)s": "Aktualisiert am %(date)s – %(time)s Uhr",
    "Enlarge image": "Bild vergrößern",
    "Photo: %(credit)s": "Foto: %(credit)s",
    "Enlarged image": "Vergrößertes Bild",
    "Close": "Schließen",
    "This newsblog has ended. No further entries will be added.":
        "Dieser Newsblog ist beendet. Es kommen keine weiteren Einträge hinzu.",
    "Key events": "Das Wichtigste",
    "Entries": "Einträge",
    "Back to the latest entries": "Zurück zu den neuesten Einträgen",
    "No entries yet.": "Noch keine Einträge.",
    "1 new entry": "1 neuer Eintrag",
    "%%(count)s new entries": "%%(count)s neue Einträge",
    "New entry: %%(text)s": "Neuer Eintrag: %%(text)s",
    "Updated on %%(date)s – %%(time)s": "Aktualisiert am %%(date)s – %%(time)s Uhr",
    "Delete this entry? Readers will no longer see it.": "Diesen Eintrag löschen? Leser sehen ihn dann nicht mehr.",
    "Someone else changed this entry meanwhile. This is their version:":
        "Jemand anderes hat diesen Eintrag inzwischen geändert. Das ist die andere Fassung:",
    "Connection lost – reconnecting…": "Verbindung unterbrochen – neuer Versuch …",
    "Not saved:": "Nicht gespeichert:",
    "Published.": "Veröffentlicht.",
    "New newsblog": "Neuer Newsblog",
    "Start newsblog": "Newsblog starten",
    "No newsblogs yet.": "Noch keine Newsblogs.",
    "No newsblog with this address.": "Unter dieser Adresse gibt es keinen Newsblog.",
    "The newsblog is live. Write the first entry.": "Der Newsblog ist live. Schreiben Sie den ersten Eintrag.",
    "The entry was not published: ": "Der Eintrag wurde nicht veröffentlicht: ",
    "Unknown status.": "Unbekannter Status.",
    "file": "Datei",
    "alt text": "Alternativtext",
    "caption": "Bildunterschrift",
    "credit": "Bildnachweis",
    "image": "Bild",
    "images": "Bilder",
    "Please describe the image for people who cannot see it (alt text).":
        "Bitte beschreiben Sie das Bild für Menschen, die es nicht sehen können (Alternativtext).",
    "The image is larger than 20 MB.": "Das Bild ist größer als 20 MB.",
    "The image has too many pixels.": "Das Bild hat zu viele Pixel.",
    "This file is not an image we can read (JPEG, PNG, WebP or GIF).":
        "Diese Datei ist kein lesbares Bild (JPEG, PNG, WebP oder GIF).",
    "German": "Deutsch",
    "English": "Englisch",
    # comments
    "Comments": "Kommentare",
    "comments": "Kommentare",
    "comment": "Kommentar",
    "normal": "normal",
    "trusted": "vertrauenswürdig",
    "banned": "gesperrt",
    "e-mail": "E-Mail",
    "state": "Zustand",
    "approved comments": "freigegebene Kommentare",
    "rejected comments": "abgelehnte Kommentare",
    "e-mail confirmed at": "E-Mail bestätigt am",
    "commenter": "Kommentator",
    "commenters": "Kommentatoren",
    "off-topic": "nicht zum Thema",
    "demeaning": "abwertend",
    "spam": "Spam",
    "illegal": "rechtswidrig",
    "other": "Sonstiges",
    "pending": "wartend",
    "approved": "freigegeben",
    "rejected": "abgelehnt",
    "deleted": "gelöscht",
    "reason": "Grund",
    "approve": "freigeben",
    "reject": "ablehnen",
    "ban": "sperren",
    "trust": "vertrauen",
    "deleted by the commenter": "vom Verfasser gelöscht",
    "action": "Aktion",
    "note": "Notiz",
    "decision": "Entscheidung",
    "decisions": "Entscheidungen",
    "Please enter a name.": "Bitte geben Sie einen Namen an.",
    "The name may have at most %(max)d characters.": "Der Name darf höchstens %(max)d Zeichen lang sein.",
    "Please enter a valid e-mail address.": "Bitte geben Sie eine gültige E-Mail-Adresse an.",
    "Please write a comment.": "Bitte schreiben Sie einen Kommentar.",
    "The comment has %(length)d characters; at most %(max)d are allowed.":
        "Der Kommentar hat %(length)d Zeichen; erlaubt sind höchstens %(max)d.",
    "Please agree to the privacy notice.": "Bitte stimmen Sie den Datenschutzhinweisen zu.",
    "Too many comments from your connection. Please wait %(minutes)d minutes and try again.":
        "Zu viele Kommentare von Ihrem Anschluss. Bitte warten Sie %(minutes)d Minuten und versuchen Sie es dann "
        "noch einmal.",
    "Too many comments from this e-mail address. Please wait %(minutes)d minutes and try again.":
        "Zu viele Kommentare von dieser E-Mail-Adresse. Bitte warten Sie %(minutes)d Minuten und versuchen Sie es "
        "dann noch einmal.",
    "The comment you reply to does not exist (any more).":
        "Den Kommentar, auf den Sie antworten, gibt es nicht (mehr).",
    "Comments are not possible here.": "Hier sind keine Kommentare möglich.",
    "No such comment.": "Diesen Kommentar gibt es nicht.",
    "The commenter has deleted this comment.": "Der Verfasser hat diesen Kommentar gelöscht.",
    "Please choose a reason.": "Bitte wählen Sie einen Grund.",
    "This link to delete a comment is not valid.": "Dieser Link zum Löschen eines Kommentars ist ungültig.",
    "Name (shown with your comment)": "Name (wird mit Ihrem Kommentar angezeigt)",
    "E-mail (never shown)": "E-Mail (wird nie angezeigt)",
    "Your comment": "Ihr Kommentar",
    "I have read the privacy notice and agree that my comment is stored.":
        "Ich habe die Datenschutzhinweise gelesen und bin einverstanden, dass mein Kommentar gespeichert wird.",
    "Leave this field empty": "Dieses Feld bitte leer lassen",
    "Waiting for review – only you can see it": "Wartet auf Prüfung – nur Sie sehen ihn",
    "Your reply to a comment.": "Ihre Antwort auf einen Kommentar.",
    "Write a new comment instead": "Stattdessen einen neuen Kommentar schreiben",
    "All comments are moderated. Comments that do not address the topic or only serve to demean readers or "
    "authors are not published.":
        "Alle Kommentare werden moderiert. Kommentare, die nicht auf das Thema eingehen oder nur dazu dienen, "
        "Leser oder Autoren herabzusetzen, veröffentlichen wir nicht.",
    "Send comment": "Kommentar senden",
    "Your comment will be published after review.": "Ihr Kommentar wird nach Prüfung freigeschaltet.",
    "Delete my comment": "Meinen Kommentar löschen",
    "Reply": "Antworten",
    "No comments yet.": "Noch keine Kommentare.",
    "More comments": "Weitere Kommentare",
    "Newer comments": "Neuere Kommentare",
    "Older comments": "Ältere Kommentare",
    "Write a comment": "Kommentar schreiben",
    "Your comment on “%(title)s”": "Ihr Kommentar zu „%(title)s“",
    "Your comment has not been sent yet. Please check the marked fields.":
        "Ihr Kommentar ist noch nicht gesendet. Bitte prüfen Sie die markierten Felder.",
    "Back to the page": "Zurück zur Seite",
    "Moderation": "Moderation",
    "Comment moderation": "Kommentar-Moderation",
    "Queues": "Warteschlangen",
    "Keys: j/k next/previous, a approve, r reject (then 1–5 for the reason, Esc cancels).":
        "Tasten: j/k nächster/vorheriger, a freigeben, r ablehnen (dann 1–5 für den Grund, Esc bricht ab).",
    "risk": "Risiko",
    "%(approved)s approved, %(rejected)s rejected": "%(approved)s freigegeben, %(rejected)s abgelehnt",
    "In reply to %(name)s:": "Antwort auf %(name)s:",
    "Reason:": "Grund:",
    "Approve": "Freigeben",
    "Reason": "Grund",
    "Reject": "Ablehnen",
    "Ban commenter": "Kommentator sperren",
    "Trust commenter": "Kommentator vertrauen",
    "Nothing here.": "Hier ist nichts.",
    "Reason for rejecting": "Grund der Ablehnung",
    "Reject because:": "Ablehnen, weil:",
    "Esc cancels.": "Esc bricht ab.",
}
PLURALS = {
    "Reading time: %(minutes)s min.": ("Lesedauer: %(minutes)s Min.", "Lesedauer: %(minutes)s Min."),
}


def po_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def fill(po_path: Path) -> list[str]:
    source = po_path.read_text(encoding="utf-8")
    missing = []
    blocks = source.split("\n\n")
    out = []
    for block in blocks:
        ids = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if not ids or block.startswith('msgid ""\nmsgstr ""\n"'):
            out.append(block)
            continue
        msgid = "".join(re.findall(r'"(.*)"', ids.group(1))).replace('\\"', '"').replace("\\\\", "\\")
        if msgid == "":
            out.append(block)
            continue
        block = re.sub(r"^#, fuzzy\n", "", block, flags=re.M).replace(", fuzzy", "")
        head = block.split("\nmsgstr")[0]
        if "msgid_plural" in block:
            if msgid not in PLURALS:
                missing.append(msgid)
                out.append(block)
                continue
            one, many = PLURALS[msgid]
            block = f'{head}\nmsgstr[0] "{po_escape(one)}"\nmsgstr[1] "{po_escape(many)}"'
        else:
            if msgid not in DE:
                missing.append(msgid)
                out.append(block)
                continue
            block = f'{head}\nmsgstr "{po_escape(DE[msgid])}"'
        out.append(block)
    out[0] = out[0].replace("#, fuzzy\n", "").replace('"Language: \\n"', '"Language: de\\n"')
    po_path.write_text("\n\n".join(out).rstrip("\n") + "\n", encoding="utf-8")
    return missing


if __name__ == "__main__":
    missing = fill(Path(sys.argv[1]))
    for msgid in missing:
        print("untranslated:", msgid)
    sys.exit(1 if missing else 0)
