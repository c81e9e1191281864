"""German UI texts, written into src/newsdesk/locale/de/LC_MESSAGES/django.po by `make messages`.

Kept as a table so translators edit one readable file; run `make messages` after changing it.
"""

import re
import sys
from pathlib import Path

DE = {
    # subscriptions: e-mail alerts with double opt-in
    "An e-mail when something important happens in this newsblog.":
        "Eine E-Mail, sobald in diesem Newsblog etwas Wichtiges passiert.",
    "e-mail address": "E-Mail-Adresse",
    "subscriber": "Abonnent",
    "subscribers": "Abonnenten",
    "Daily digest": "Tägliche Zusammenfassung",
    "Breaking news": "Eilmeldungen",
    "Article": "Artikel",
    "Similar news": "Ähnliche News",
    "Waiting for confirmation": "Wartet auf Bestätigung",
    "Confirmed": "Bestätigt",
    "Unsubscribed": "Abgemeldet",
    "kind": "Art",
    "signed up": "angemeldet",
    "consent text version": "Fassung des Einwilligungstexts",
    "confirmation mail sent": "Bestätigungsmail gesendet",
    "confirmation mail as sent": "Bestätigungsmail wie versendet",
    "confirmed": "bestätigt",
    "unsubscribed": "abgemeldet",
    "subscription": "Abonnement",
    "subscriptions": "Abonnements",
    "Please enter a valid e-mail address.": "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
    "Unknown kind of subscription.": "Dieses Abonnement gibt es nicht.",
    "Please confirm your subscription": "Bitte bestätigen Sie Ihr Abonnement",
    "This confirmation link is not valid (any more). Please sign up again.":
        "Dieser Bestätigungslink ist nicht (mehr) gültig. Bitte melden Sie sich erneut an.",
    "This confirmation link has expired. Please sign up again.":
        "Dieser Bestätigungslink ist abgelaufen. Bitte melden Sie sich erneut an.",
    "This link is not valid (any more).": "Dieser Link ist nicht (mehr) gültig.",
    "%(title)s: %(headline)s": "%(title)s: %(headline)s",
    "new key event": "neues wichtiges Ereignis",
    "This newsblog does not exist.": "Diesen Newsblog gibt es nicht.",
    "Get alerts by e-mail": "Per E-Mail benachrichtigt werden",
    "E-mail address": "E-Mail-Adresse",
    "Subscribe": "Abonnieren",
    "We send a confirmation link first; nothing else before you click it. Unsubscribe at any time with one click.":
        "Wir senden zuerst einen Bestätigungslink, vorher nichts anderes. Abmelden jederzeit mit einem Klick.",
    "Read more": "Weiterlesen",
    "You receive this e-mail because you follow \"%(title)s\" on %(site)s.":
        "Sie erhalten diese E-Mail, weil Sie „%(title)s“ auf %(site)s folgen.",
    "Your subscriptions": "Ihre Abonnements",
    "Unsubscribe": "Abmelden",
    "Read more:": "Weiterlesen:",
    "Your subscriptions:": "Ihre Abonnements:",
    "Unsubscribe:": "Abmelden:",
    "Hello,": "Guten Tag,",
    "someone – hopefully you – asked to receive e-mails from %(site)s:":
        "jemand – hoffentlich Sie – möchte E-Mails von %(site)s erhalten:",
    "Confirm subscription": "Abonnement bestätigen",
    "The link is valid for %(hours)s hours. If you did not ask for this, ignore this e-mail: "
    "you will not hear from us again.":
        "Der Link ist %(hours)s Stunden gültig. Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: "
        "Sie hören dann nichts mehr von uns.",
    "Please confirm with this link:": "Bitte bestätigen Sie mit diesem Link:",
    "E-mails to %(email)s:": "E-Mails an %(email)s:",
    "No subscriptions.": "Keine Abonnements.",
    "Download my data (JSON)": "Meine Daten herunterladen (JSON)",
    "Delete my address and all subscriptions": "Meine Adresse und alle Abonnements löschen",
    "Delete your data": "Ihre Daten löschen",
    "Delete %(email)s and all its subscriptions? This cannot be undone.":
        "%(email)s und alle Abonnements dieser Adresse löschen? Das lässt sich nicht rückgängig machen.",
    "Not subscribed": "Nicht abonniert",
    "Almost done": "Fast geschafft",
    "We have sent you an e-mail. Please confirm your subscription with the link in it; "
    "until then you receive nothing else.":
        "Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie Ihr Abonnement mit dem Link darin; bis dahin "
        "erhalten Sie nichts anderes.",
    "One click, and you are subscribed.": "Ein Klick, und Ihr Abonnement ist aktiv.",
    "Not confirmed": "Nicht bestätigt",
    "Subscribed": "Abonniert",
    "Thank you, your subscription is confirmed.": "Vielen Dank, Ihr Abonnement ist bestätigt.",
    "Stop all e-mails to %(email)s?": "Alle E-Mails an %(email)s abbestellen?",
    "Unsubscribe from everything": "Alles abbestellen",
    "You will receive no more e-mails from us.": "Sie erhalten keine E-Mails mehr von uns.",
    "Deleted": "Gelöscht",
    "Manage your subscriptions": "Ihre Abonnements verwalten",
    "The most important news by e-mail, free": "Die wichtigsten News kostenlos per E-Mail",
    "What would you like to receive?": "Was möchten Sie erhalten?",
    "The most important news once a day": "Einmal täglich das Wichtigste",
    "Breaking news as it happens": "Eilmeldungen, sobald sie erscheinen",
    "The most important news of %(date)s": "Die wichtigsten News vom %(date)s",
    "Breaking: %(headline)s": "Eilmeldung: %(headline)s",
    "breaking news": "Eilmeldung",
    "Alerts the breaking-news subscribers by e-mail when it goes live.":
        "Benachrichtigt die Abonnenten der Eilmeldungen per E-Mail, sobald der Artikel erscheint.",
    "New: %(headline)s": "Neu: %(headline)s",
    "alert": "Benachrichtigung",
    "alerts": "Benachrichtigungen",
    "Pending": "Ausstehend",
    "Done": "Erledigt",
    "Correction: %(headline)s": "Korrektur: %(headline)s",
    "An e-mail when a new article on this topic appears.":
        "Eine E-Mail, sobald zu diesem Thema ein neuer Artikel erscheint.",
    "An e-mail when this article is corrected.": "Eine E-Mail, wenn dieser Artikel korrigiert wird.",
    "This topic does not exist.": "Dieses Thema gibt es nicht.",
    "This article does not exist.": "Diesen Artikel gibt es nicht.",
    "Your address and all your subscriptions are deleted.": "Ihre Adresse und alle Ihre Abonnements sind gelöscht.",
    # subscriptions: feeds
    "Subscriptions": "Abonnements",
    "Feeds:": "Feeds:",
    "Follow this newsblog": "Diesem Newsblog folgen",
    "Follow this newsblog in your feed reader:": "Diesem Newsblog im Feedreader folgen:",
    "key events only (RSS)": "nur das Wichtigste (RSS)",
    "%(title)s – key events": "%(title)s – das Wichtigste",
    "The latest news from %(site)s": "Die neuesten Nachrichten von %(site)s",
    "Follow this article (updates and corrections):": "Diesem Artikel folgen (Aktualisierungen und Korrekturen):",
    "Updated: %(headline)s": "Aktualisiert: %(headline)s",
    "Correction: %(note)s": "Korrektur: %(note)s",
    "The article was updated on %(when)s.": "Der Artikel wurde am %(when)s aktualisiert.",
    "%(site)s: %(topic)s": "%(site)s: %(topic)s",
    "%(site)s: articles by %(author)s": "%(site)s: Artikel von %(author)s",
    "No topic with this address.": "Unter dieser Adresse gibt es kein Thema.",
    "No author with this address.": "Unter dieser Adresse gibt es keine Autorin und keinen Autor.",
    "No article with this address.": "Unter dieser Adresse gibt es keinen Artikel.",
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
    "Only files ending in .jpg, .jpeg, .png, .webp or .gif can be uploaded.":
        "Nur Dateien mit der Endung .jpg, .jpeg, .png, .webp oder .gif können hochgeladen werden.",
    "The file name ends in .%(ext)s, but the file is a %(format)s image.":
        "Der Dateiname endet auf .%(ext)s, die Datei ist aber ein %(format)s-Bild.",
    "Newsroom": "Redaktion",
    "Articles and images": "Artikel und Bilder",
    "Earlier versions (kept on every edit after publication)":
        "Frühere Fassungen (bei jeder Änderung nach der Veröffentlichung gespeichert)",
    "Publication": "Veröffentlichung",
    "Home page": "Startseite",
    "Correction": "Korrektur",
    "live since %(when)s": "online seit %(when)s",
    "scheduled for %(when)s": "geplant für %(when)s",
    "authors": "Autoren",
    "preview": "Vorschau",
    "Open page": "Seite öffnen",
    "Preview": "Vorschau",
    "reading time": "Lesedauer",
    "Not saved: %(reason)s": "Nicht gespeichert: %(reason)s",
    "A scheduled article needs a publication time.":
        "Ein geplanter Artikel braucht einen Veröffentlichungszeitpunkt.",
    "Another article already uses this address.": "Ein anderer Artikel verwendet diese Adresse bereits.",
    "Publish now": "Jetzt veröffentlichen",
    "Back to draft": "Zurück zum Entwurf",
    "The articles are drafts again.": "Die Artikel sind wieder Entwürfe.",
    "Articles": "Artikel",
    "description": "Beschreibung",
    "topic": "Thema",
    "topics": "Themen",
    "position": "Position",
    "biography": "Biografie",
    "photo": "Foto",
    "user": "Benutzer",
    "author": "Autor",
    "Draft": "Entwurf",
    "Scheduled": "Geplant",
    "Published": "Veröffentlicht",
    "kicker": "Dachzeile",
    "A short word above the headline, e.g. 'Hochwasser'.":
        'Ein kurzes Wort über der Überschrift, z. B. „Hochwasser“.',
    "dateline": "Ortsmarke",
    "Where the story comes from, e.g. 'KELMSBRÜCK'.": 'Woher die Meldung stammt, z. B. „KELMSBRÜCK“.',
    "publication time": "Veröffentlichungszeitpunkt",
    "updated": "aktualisiert",
    "correction note": "Korrekturhinweis",
    "Shown to readers under the article when something was corrected.":
        "Wird unter dem Artikel angezeigt, wenn etwas korrigiert wurde.",
    "top story": "Top-Thema",
    "Shown in the top stories on the home page.": "Erscheint bei den Top-Themen auf der Startseite.",
    "top story position": "Position unter den Top-Themen",
    "Smaller numbers come first.": "Kleinere Zahlen stehen weiter oben.",
    "article": "Artikel",
    "articles": "Artikel",
    "revision": "Fassung",
    "revisions": "Fassungen",
    "The publication time needs a time zone.": "Der Veröffentlichungszeitpunkt braucht eine Zeitzone.",
    "The publication time must be in the future.":
        "Der Veröffentlichungszeitpunkt muss in der Zukunft liegen.",
    "By": "Von",
    "and": "und",
    "Pages": "Seiten",
    "Newer": "Neuere",
    "Page %(number)s of %(total)s": "Seite %(number)s von %(total)s",
    "Older": "Ältere",
    "Archive": "Archiv",
    "All articles by month.": "Alle Artikel nach Monaten.",
    "No articles yet.": "Noch keine Artikel.",
    "No articles on these days.": "An diesen Tagen sind keine Artikel erschienen.",
    "Author": "Autor",
    "Preview: readers cannot see this article yet.":
        "Vorschau: Leserinnen und Leser sehen diesen Artikel noch nicht.",
    "o'clock": 'Uhr',
    "Authors": "Autoren",
    "Topics of this article": "Themen dieses Artikels",
    "Topics": "Themen",
    "Home": "Startseite",
    "News from the region, live and in depth.": "Nachrichten aus der Region, live und ausführlich.",
    "%(site_name)s – Home": "%(site_name)s – Startseite",
    "Live now": "Jetzt live",
    "Top stories": "Top-Themen",
    "Latest articles": "Neueste Artikel",
    "All articles in the archive": "Alle Artikel im Archiv",
    "All newsblogs": "Alle Newsblogs",
    "Articles on %(name)s": "Artikel zum Thema %(name)s",
    "Topic": "Thema",
    "No articles on this topic yet.": "Zu diesem Thema gibt es noch keine Artikel.",
    "No article at this address.": "Unter dieser Adresse gibt es keinen Artikel.",
    "No topic at this address.": "Unter dieser Adresse gibt es kein Thema.",
    "No author at this address.": "Unter dieser Adresse gibt es keine Autorin und keinen Autor.",
    "There is no such date.": "Dieses Datum gibt es nicht.",
    "Back office": "Redaktion",
    "Page not found": "Seite nicht gefunden",
    "The address may be mistyped, or the page has been removed.":
        "Vielleicht ist die Adresse falsch geschrieben, oder die Seite wurde entfernt.",
    "To the home page": "Zur Startseite",
    "lead image as readers see it": "Aufmacherbild, wie Leser es sehen",
    "No lead image yet: choose one above or upload one under “New lead image”.":
        "Noch kein Aufmacherbild: Wählen Sie oben eines aus oder laden Sie unter „Neues Aufmacherbild“ eines hoch.",
    "Upload a new lead image": "Neues Aufmacherbild hochladen",
    "JPEG, PNG, WebP or GIF, at most 20 MB. Replaces the lead image above.":
        "JPEG, PNG, WebP oder GIF, höchstens 20 MB. Ersetzt das oben gewählte Aufmacherbild.",
    "New lead image": "Neues Aufmacherbild",
    "replaced by": "ersetzt von",
    "replaced at": "ersetzt am",
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
    # search
    "Search": "Suche",
    "search document": "Suchdokument",
    "Search: %(query)s": "Suche: %(query)s",
    "Search term": "Suchbegriff",
    "Filter": "Eingrenzen",
    "All topics": "Alle Themen",
    "From": "Von",
    "To": "Bis",
    "Enter a word to search articles and newsblog entries.":
        "Geben Sie einen Begriff ein, um Artikel und Newsblog-Einträge zu durchsuchen.",
    "Your search contains no words we can look for. Please try other words.":
        "Ihre Suche enthält keine Wörter, nach denen wir suchen können. Bitte versuchen Sie andere Begriffe.",
    "No results for “%(query)s”. Try fewer or other words, or remove the filters.":
        "Keine Treffer für „%(query)s“. Versuchen Sie weniger oder andere Begriffe oder entfernen Sie die Filter.",
    "Newsblog entry": "Newsblog-Eintrag",
    "Previous": "Zurück",
    "Next": "Weiter",
    "Your search was shortened to %(n)d characters.": "Ihre Suche wurde auf %(n)d Zeichen gekürzt.",
    # related
    "Related articles": "Ähnliche Artikel",
    "Related content": "Ähnliche Inhalte",
    # feeds: similar-news alerts, breaking newsblog entries, comments in the article feed, send progress
    "Follow this article (updates, corrections and comments):":
        "Diesem Artikel folgen (Aktualisierungen, Korrekturen und Kommentare):",
    "Breaking news (alerts subscribers by e-mail)": "Eilmeldung (benachrichtigt Abonnenten per E-Mail)",
    "Comment by %(name)s": "Kommentar von %(name)s",
    "Comment": "Kommentar",
    "Alert “%(subject)s”": "Benachrichtigung „%(subject)s“",
    "Similar news: %(headline)s": "Ähnliche News: %(headline)s",
    "Similar news to “%(headline)s”": "Ähnliche News zu „%(headline)s“",
    "Similar news by e-mail: when we publish a new article on the same subject.":
        "Ähnliche News per E-Mail: sobald wir einen neuen Artikel zum selben Thema veröffentlichen.",
    "This subscription is confirmed already.": "Dieses Abonnement ist bereits bestätigt.",
    "Please confirm that we may send e-mails to %(email)s: %(what)s.":
        "Bitte bestätigen Sie, dass wir E-Mails an %(email)s senden dürfen: %(what)s.",
    # jobs: job listings, the legal pages (Impressum, Datenschutz), privacy links
    "I have read the <a href=\"%(privacy_url)s\" target=\"_blank\" rel=\"noopener\">privacy notice</a> and agree that my comment is stored.":
        "Ich habe die <a href=\"%(privacy_url)s\" target=\"_blank\" rel=\"noopener\">Datenschutzhinweise</a> gelesen und bin "
        "einverstanden, dass mein Kommentar gespeichert wird.",
    "Details in our <a href=\"%(privacy_url)s\">privacy notice</a>.":
        "Einzelheiten in unserer <a href=\"%(privacy_url)s\">Datenschutzerklärung</a>.",
    "About this site": "Über diese Website",
    "Legal notice": "Impressum",
    "Privacy": "Datenschutz",
    "Job vacancies": "Stellenangebote",
    "Describe the job: the description is empty.": "Bitte beschreiben Sie die Stelle: Die Beschreibung ist leer.",
    "Another job posting already uses this address.": "Ein anderes Stellenangebot verwendet diese Adresse bereits.",
    "shown on the site": "auf der Website sichtbar",
    "currently shown": "derzeit sichtbar",
    "expired or not yet posted": "abgelaufen oder noch nicht veröffentlicht",
    "Where and how": "Wo und wie",
    "shown": "sichtbar",
    "page": "Seite",
    "Remote or on site": "Remote oder vor Ort",
    "Remote only": "Nur remote",
    "On site only": "Nur vor Ort",
    "Type of employment": "Art der Anstellung",
    "All types": "Alle Arten",
    "Unknown type of employment “%(value)s”.": "Unbekannte Art der Anstellung „%(value)s“.",
    "Remote work": "Homeoffice",
    "Choose “ja” or “nein” for remote work.": "Wählen Sie beim Homeoffice „ja“ oder „nein“.",
    "Place of work": "Arbeitsort",
    "“%(value)s” is not a valid e-mail address.": "„%(value)s“ ist keine gültige E-Mail-Adresse.",
    "Enter a web address starting with https:// (or http://) or an e-mail address; “%(value)s” is neither.":
        "Geben Sie eine Webadresse, die mit https:// (oder http://) beginnt, oder eine E-Mail-Adresse an; "
        "„%(value)s“ ist keines von beiden.",
    "Full-time": "Vollzeit",
    "Part-time": "Teilzeit",
    "Temporary": "Befristet",
    "Freelance": "Freie Mitarbeit",
    "Internship": "Praktikum",
    "Traineeship": "Volontariat",
    "Germany": "Deutschland",
    "Austria": "Österreich",
    "Switzerland": "Schweiz",
    "job title": "Stellenbezeichnung",
    "The address /jobs/<slug>/; made from the title when left empty.":
        "Die Adresse /jobs/<adresse>/; leer lassen, dann wird sie aus dem Titel gebildet.",
    "employer": "Arbeitgeber",
    "employer's website": "Website des Arbeitgebers",
    "place of work": "Arbeitsort",
    "Town or city, e.g. “Kelmsbrück”. May stay empty for remote jobs.":
        "Stadt oder Gemeinde, z. B. „Kelmsbrück“. Darf bei Remote-Stellen leer bleiben.",
    "country": "Land",
    "remote work": "Homeoffice",
    "The job can be done entirely from home.": "Die Arbeit ist vollständig im Homeoffice möglich.",
    "type of employment": "Art der Anstellung",
    "how to apply": "Bewerbung an",
    "A web address (https://…) or an e-mail address.": "Eine Webadresse (https://…) oder eine E-Mail-Adresse.",
    "posted": "veröffentlicht",
    "Shown from this time on.": "Ab diesem Zeitpunkt sichtbar.",
    "valid through": "gültig bis",
    "Shown until the end of this day, then removed by itself.":
        "Bis zum Ende dieses Tages sichtbar, danach verschwindet das Angebot von selbst.",
    "job posting": "Stellenangebot",
    "job postings": "Stellenangebote",
    "Name the place of work, or mark the job as remote.":
        "Nennen Sie den Arbeitsort oder kennzeichnen Sie die Stelle als Homeoffice-Stelle.",
    "The posting cannot end before it is posted.": "Das Angebot kann nicht enden, bevor es veröffentlicht wird.",
    "Until when is the job open? Enter a date.": "Bis wann ist die Stelle ausgeschrieben? Bitte ein Datum angeben.",
    "Remote": "Remote",
    "All job vacancies": "Alle Stellenangebote",
    "Posted %(date)s · open until %(until)s": "Veröffentlicht am %(date)s · Bewerbung bis %(until)s",
    "Previous page": "Vorherige Seite",
    "Next page": "Nächste Seite",
    "Preview: readers see this job posting from %(date)s.":
        "Vorschau: Leserinnen und Leser sehen dieses Stellenangebot ab %(date)s.",
    "Job vacancy": "Stellenangebot",
    "remote work possible": "Homeoffice möglich",
    "Posted": "Veröffentlicht",
    "Apply by": "Bewerbung bis",
    "How to apply": "So bewerben Sie sich",
    "Send your application by e-mail directly to %(employer)s:":
        "Senden Sie Ihre Bewerbung per E-Mail direkt an %(employer)s:",
    "You apply on the employer's website.": "Sie bewerben sich auf der Website des Arbeitgebers.",
    "Apply now": "Jetzt bewerben",
    "We only publish this vacancy; your application goes to the employer, not to us.":
        "Wir veröffentlichen dieses Angebot nur; Ihre Bewerbung geht an den Arbeitgeber, nicht an uns.",
    "This vacancy has expired": "Dieses Stellenangebot ist abgelaufen",
    "“%(title)s” at %(employer)s was open until %(date)s. Applications are no longer possible.":
        "„%(title)s“ bei %(employer)s war bis zum %(date)s ausgeschrieben. Bewerbungen sind nicht mehr möglich.",
    "Current job vacancies": "Aktuelle Stellenangebote",
    "Current job vacancies in journalism and media in the region.":
        "Aktuelle Stellenangebote aus Journalismus und Medien in der Region.",
    "Filter job vacancies": "Stellenangebote filtern",
    "This filter could not be applied:": "Dieser Filter konnte nicht angewendet werden:",
    "All current vacancies are shown instead.": "Stattdessen werden alle aktuellen Stellenangebote angezeigt.",
    "Show": "Anzeigen",
    "Reset filters": "Filter zurücksetzen",
    "No current vacancy matches these filters.": "Kein aktuelles Stellenangebot passt zu diesen Filtern.",
    "Show all vacancies": "Alle Stellenangebote anzeigen",
    "There are no vacancies at the moment. Please look again soon.":
        "Derzeit gibt es keine Stellenangebote. Schauen Sie bald wieder vorbei.",
    "No job posting at this address.": "Unter dieser Adresse gibt es kein Stellenangebot.",
    "This page must not be empty.": "Diese Seite darf nicht leer sein.",
    "Legal pages": "Rechtliche Seiten",
    "Legal notice (Impressum)": "Impressum",
    "Privacy notice (Datenschutz)": "Datenschutzerklärung",
    "last changed": "zuletzt geändert",
    "legal page": "rechtliche Seite",
    "legal pages": "rechtliche Seiten",
    "Last updated: %(date)s": "Stand: %(date)s",
    "Job postings": "Stellenangebote",
    # commenters: reader side of comments (settings, e-mail confirmation, notifications, own data)
    "Notify me when my comment is published or answered":
        "Benachrichtigen, wenn mein Kommentar freigeschaltet oder beantwortet wird",
    "confirmation mail sent at": "Bestätigungsmail gesendet am",
    "notifications switched off at": "Benachrichtigungen abbestellt am",
    "e-mail not confirmed": "E-Mail nicht bestätigt",
    "notify the commenter by e-mail": "Kommentator per E-Mail benachrichtigen",
    "pre-moderation: a moderator approves every comment":
        "Vormoderation: Jeder Kommentar wird von der Moderation freigeschaltet",
    "post-moderation: low-risk comments appear at once":
        "Nachmoderation: Kommentare mit geringem Risiko erscheinen sofort",
    "moderation mode": "Moderationsart",
    "risk threshold": "Risikoschwelle",
    "Comments whose pre-screening risk is above this value always wait for a moderator (0–1).":
        "Kommentare, deren Risiko aus der Vorprüfung über diesem Wert liegt, warten immer auf die Moderation (0–1).",
    "comments closed everywhere": "Kommentare überall geschlossen",
    "closed daily from": "täglich geschlossen ab",
    "German time, e.g. 23:00. Leave both times empty for no closing hours.":
        "Deutsche Zeit, z. B. 23:00. Beide Zeiten leer lassen: keine Schließzeit.",
    "closed daily until": "täglich geschlossen bis",
    "e.g. 06:00": "z. B. 06:00",
    "approve low-risk comments of trusted commenters automatically":
        "Kommentare vertrauenswürdiger Kommentatoren mit geringem Risiko automatisch freischalten",
    "Off by default: the policy is that a person approves every comment.":
        "Standardmäßig aus: Nach unseren Regeln schaltet ein Mensch jeden Kommentar frei.",
    "approved comments needed to be trusted": "freigeschaltete Kommentare, ab denen jemand vertrauenswürdig ist",
    "first-time commenters confirm their e-mail address": "Erstkommentatoren bestätigen ihre E-Mail-Adresse",
    "Their comments wait, invisible to moderators and readers, until they click the link.":
        "Ihre Kommentare warten, für Moderation und Leser unsichtbar, bis sie den Link anklicken.",
    "comment settings": "Kommentar-Einstellungen",
    "Comment settings of the site": "Kommentar-Einstellungen der Website",
    "The risk threshold must be between 0 and 1.": "Die Risikoschwelle muss zwischen 0 und 1 liegen.",
    "Give both closing times or none.": "Bitte beide Schließzeiten angeben oder keine.",
    "Empty: as in the site settings.": "Leer: wie in den Einstellungen der Website.",
    "comments closed": "Kommentare geschlossen",
    "Empty: the site's closing hours apply.": "Leer: Es gelten die Schließzeiten der Website.",
    "comment settings for this page": "Kommentar-Einstellungen für diese Seite",
    "Comment settings": "Kommentar-Einstellungen",
    "Comments are closed for this page.": "Kommentare sind für diese Seite geschlossen.",
    "Comments are closed from %(start)s to %(end)s o'clock.": "Kommentare sind von %(start)s bis %(end)s Uhr geschlossen.",
    "The commenter has not confirmed their e-mail address yet.":
        "Der Kommentator hat seine E-Mail-Adresse noch nicht bestätigt.",
    "Please confirm your e-mail address": "Bitte bestätigen Sie Ihre E-Mail-Adresse",
    "This confirmation link is not valid.": "Dieser Bestätigungslink ist nicht gültig.",
    "This confirmation link has expired. Please write your comment again: you will get a new link.":
        "Dieser Bestätigungslink ist abgelaufen. Bitte schreiben Sie Ihren Kommentar erneut: Sie erhalten dann einen "
        "neuen Link.",
    "Your comment has been published": "Ihr Kommentar wurde freigeschaltet",
    "New reply to your comment": "Neue Antwort auf Ihren Kommentar",
    "This link is not valid.": "Dieser Link ist nicht gültig.",
    "Your comments and data": "Ihre Kommentare und Daten",
    "This link has expired. Please request a new one.": "Dieser Link ist abgelaufen. Bitte fordern Sie einen neuen an.",
    "Waiting for your e-mail confirmation – only you can see it":
        "Wartet auf Ihre E-Mail-Bestätigung – nur Sie sehen ihn",
    "Your comment has been published.": "Ihr Kommentar ist freigeschaltet.",
    "we have sent you a link. Until you click it, nobody else sees your comment.":
        "Wir haben Ihnen einen Link geschickt. Bis Sie ihn anklicken, sieht niemand sonst Ihren Kommentar.",
    "Your comment has not been sent; you can copy your text from below.":
        "Ihr Kommentar wurde nicht gesendet; Sie können Ihren Text unten kopieren.",
    "Your comments and stored data, and deleting all your comments":
        "Ihre Kommentare und gespeicherten Daten, alle Kommentare löschen",
    "A new link to your data": "Ein neuer Link zu Ihren Daten",
    "No more notifications about comments": "Keine Benachrichtigungen zu Kommentaren mehr",
    "Your comments and stored data, and deleting all your comments:":
        "Ihre Kommentare und gespeicherten Daten, alle Kommentare löschen:",
    "A new link to your data at any time:": "Jederzeit ein neuer Link zu Ihren Daten:",
    "No more notifications about comments:": "Keine Benachrichtigungen zu Kommentaren mehr:",
    "your comment on “%(title)s” has been published:": "Ihr Kommentar zu „%(title)s“ wurde freigeschaltet:",
    "Show the comment": "Kommentar ansehen",
    "thank you for your comment on “%(title)s” at %(site)s. Please confirm your e-mail address with this link; "
    "only then will a moderator see your comment:":
        "danke für Ihren Kommentar zu „%(title)s“ bei %(site)s. Bitte bestätigen Sie Ihre E-Mail-Adresse mit diesem "
        "Link; erst dann sieht die Moderation Ihren Kommentar:",
    "Confirm e-mail address": "E-Mail-Adresse bestätigen",
    "The link is valid for %(hours)s hours. If you did not write a comment, ignore this e-mail: the comment will "
    "never be published.":
        "Der Link ist %(hours)s Stunden gültig. Wenn Sie keinen Kommentar geschrieben haben, ignorieren Sie diese "
        "E-Mail: Der Kommentar wird nie veröffentlicht.",
    "you asked for your comments and the data we store about you. This link shows them, lets you download them "
    "and delete all your comments (valid for %(days)s days):":
        "Sie haben Ihre Kommentare und die über Sie gespeicherten Daten angefordert. Unter diesem Link sehen Sie sie, "
        "können sie herunterladen und alle Ihre Kommentare löschen (%(days)s Tage gültig):",
    "Show my data": "Meine Daten ansehen",
    "If you did not ask for this, ignore this e-mail.": "Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail.",
    "%(name)s has replied to your comment on “%(title)s”:": "%(name)s hat auf Ihren Kommentar zu „%(title)s“ geantwortet:",
    "Show the reply": "Antwort ansehen",
    "First comment": "Erster Kommentar",
    "E-mail confirmed": "E-Mail bestätigt",
    "yes": "ja",
    "no": "nein",
    "Notifications": "Benachrichtigungen",
    "switched off": "abbestellt",
    "on request per comment": "auf Wunsch je Kommentar",
    "Download as JSON": "Als JSON herunterladen",
    "No comments.": "Keine Kommentare.",
    "Deleting removes all your comments from every page at once; their text is erased.":
        "Das Löschen entfernt alle Ihre Kommentare sofort von allen Seiten; ihr Text wird gelöscht.",
    "Delete all my comments": "Alle meine Kommentare löschen",
    "Confirm your e-mail address": "E-Mail-Adresse bestätigen",
    "One click, and your comments go to the moderators.": "Ein Klick, und Ihre Kommentare gehen an die Moderation.",
    "E-mail address confirmed": "E-Mail-Adresse bestätigt",
    "Thank you. Your comment will be published after review.":
        "Danke. Ihr Kommentar wird nach Prüfung freigeschaltet.",
    "Stop all e-mails about your comments?": "Keine E-Mails mehr zu Ihren Kommentaren?",
    "No more notifications": "Keine Benachrichtigungen mehr",
    "Notifications switched off": "Benachrichtigungen abbestellt",
    "You will receive no more e-mails about your comments.": "Sie erhalten keine E-Mails mehr zu Ihren Kommentaren.",
    "Enter the e-mail address you comment with. We send you a link to your comments and stored data, where you "
    "can also delete all your comments.":
        "Geben Sie die E-Mail-Adresse ein, mit der Sie kommentieren. Wir schicken Ihnen einen Link zu Ihren "
        "Kommentaren und gespeicherten Daten; dort können Sie auch alle Ihre Kommentare löschen.",
    "Send link": "Link senden",
    "If we have comments from this address, we have sent it a link. Please check your inbox.":
        "Falls wir Kommentare von dieser Adresse haben, haben wir ihr einen Link geschickt. Bitte sehen Sie in Ihr "
        "Postfach.",
    "Request a new link": "Neuen Link anfordern",
    "Comments deleted": "Kommentare gelöscht",
    # modqueue: reader reports, queue counts, bulk decisions, paging, word lists
    "open reports": "offene Meldungen",
    "kept despite reports": "trotz Meldungen behalten",
    "kept": "behalten",
    "outcome": "Ergebnis",
    "report": "Meldung",
    "reports": "Meldungen",
    "Please choose why you report this comment.": "Bitte wählen Sie, warum Sie diesen Kommentar melden.",
    "Too many reports from your connection. Please wait %(minutes)d minutes and try again.":
        "Zu viele Meldungen von Ihrem Anschluss. Bitte warten Sie %(minutes)d Minuten und versuchen Sie es dann "
        "noch einmal.",
    "This comment cannot be reported (any more).": "Dieser Kommentar kann nicht (mehr) gemeldet werden.",
    "Only a published comment can be kept.": "Behalten lässt sich nur ein veröffentlichter Kommentar.",
    "Unknown action.": "Unbekannte Aktion.",
    "Please select at least one comment.": "Bitte wählen Sie mindestens einen Kommentar aus.",
    "At most %(max)d comments at once, please.": "Bitte höchstens %(max)d Kommentare auf einmal.",
    "Report": "Melden",
    "Why?": "Warum?",
    "Please choose": "Bitte wählen",
    "Send report": "Meldung senden",
    "You have reported this comment already; it is counted once.":
        "Sie haben diesen Kommentar bereits gemeldet; er wird einmal gezählt.",
    "Thank you. Our moderators will look at the comment you reported.":
        "Danke. Unsere Moderation sieht sich den gemeldeten Kommentar an.",
    "Back": "Zurück",
    "Back to the queue": "Zurück zur Warteschlange",
    "Select all on this page": "Alle auf dieser Seite auswählen",
    "0 selected": "0 ausgewählt",
    "Approve selected": "Auswahl freigeben",
    "Keep selected": "Auswahl behalten",
    "Reject selected": "Auswahl ablehnen",
    "Keys: j/k next/previous, x select, a approve, r reject (then 1–5 for the reason, Esc cancels). Shift-click "
    "selects a range.":
        "Tasten: j/k nächster/vorheriger, x auswählen, a freigeben, r ablehnen (dann 1–5 für den Grund, Esc bricht "
        "ab). Umschalt-Klick wählt einen Bereich.",
    "Keys: j/k next/previous, x select, a keep (dismiss reports), r reject (then 1–5 for the reason, Esc "
    "cancels). Shift-click selects a range.":
        "Tasten: j/k nächster/vorheriger, x auswählen, a behalten (Meldungen verwerfen), r ablehnen (dann 1–5 für "
        "den Grund, Esc bricht ab). Umschalt-Klick wählt einen Bereich.",
    "%(start)s–%(end)s of %(total)s": "%(start)s–%(end)s von %(total)s",
    "Select comment #%(pk)s": "Kommentar #%(pk)s auswählen",
    "Keep (dismiss reports)": "Behalten (Meldungen verwerfen)",
    "Queue pages": "Seiten der Warteschlange",
    "← Previous page": "← Vorherige Seite",
    "Page %(number)s of %(pages)s": "Seite %(number)s von %(pages)s",
    "Next page →": "Nächste Seite →",
    "Reported": "Gemeldet",
    "Approved": "Freigegeben",
    "Rejected": "Abgelehnt",
    "The decision was not saved": "Die Entscheidung wurde nicht gespeichert",
    "The selection is not valid.": "Die Auswahl ist ungültig.",
    "Your report was not sent": "Ihre Meldung wurde nicht gesendet",
    "banned word (reject)": "gesperrtes Wort (ablehnen)",
    "suspect word (hold)": "Verdachtswort (zurückhalten)",
    "list": "Liste",
    "wort = the whole word; wort* = words starting with it; *wort = words ending with it; *wort* = anywhere in a "
    "word. Spelling tricks (look-alike letters, zero-width characters, 1 for i, s-p-a-c-e-d letters) are folded "
    "before matching.":
        "wort = nur das ganze Wort; wort* = Wörter, die so beginnen; *wort = Wörter, die so enden; *wort* = "
        "irgendwo im Wort. Schreibtricks (ähnlich aussehende Buchstaben, unsichtbare Zeichen, 1 für i, "
        "g-e-t-r-e-n-n-t-e Buchstaben) werden vor dem Vergleich aufgelöst.",
    "word list entry": "Eintrag der Wortliste",
    "word lists": "Wortlisten",
    "The entry needs at least one letter or digit (and may not start with #).":
        "Der Eintrag braucht mindestens einen Buchstaben oder eine Ziffer (und darf nicht mit # beginnen).",
    # issue 16: hardening (input validation, login safety, two-factor login, newsblog admin)
    "The text is not valid Unicode (it contains a lone surrogate, U+%(code)04X). Please send it as UTF-8 text.":
        "Der Text ist kein gültiges Unicode (er enthält ein einzelnes Surrogat, U+%(code)04X). Bitte als "
        "UTF-8-Text senden.",
    "The text contains a control character (U+%(code)04X) that is not allowed. Only tabs and line breaks are "
    "allowed.":
        "Der Text enthält ein nicht erlaubtes Steuerzeichen (U+%(code)04X). Erlaubt sind nur Tabulatoren und "
        "Zeilenumbrüche.",
    "The input could not be read": "Die Eingabe konnte nicht gelesen werden",
    "Please go back, remove the character and send again.":
        "Bitte gehen Sie zurück, entfernen Sie das Zeichen und senden Sie erneut.",
    "Only admins can assign the editors of a newsblog.":
        "Nur Administratoren können die Redakteure eines Newsblogs festlegen.",
    "%(name)s is not an editor.": "%(name)s ist kein Redakteur.",
    "Code from the authenticator app": "Code aus der Authenticator-App",
    "only with two-factor login": "nur bei Zwei-Faktor-Anmeldung",
    "Two-factor login is on for this account: please also enter the six-digit code from your authenticator app.":
        "Für dieses Konto ist die Zwei-Faktor-Anmeldung aktiv: Bitte geben Sie auch den sechsstelligen Code aus "
        "Ihrer Authenticator-App ein.",
    "The code from the authenticator app is wrong or has expired. Please enter the code the app shows now.":
        "Der Code aus der Authenticator-App ist falsch oder abgelaufen. Bitte geben Sie den Code ein, den die "
        "App jetzt anzeigt.",
    "The code is wrong or has expired. Please enter the code the app shows now.":
        "Der Code ist falsch oder abgelaufen. Bitte geben Sie den Code ein, den die App jetzt anzeigt.",
    "Two-factor login": "Zwei-Faktor-Anmeldung",
    "Two-factor login is for editors, moderators and admins.":
        "Die Zwei-Faktor-Anmeldung gibt es für Redaktion, Moderation und Administration.",
    "Administrators of this site must log in with a code from an authenticator app.":
        "Administratoren dieser Website müssen sich mit einem Code aus einer Authenticator-App anmelden.",
    "Two-factor login is now on.": "Die Zwei-Faktor-Anmeldung ist jetzt aktiv.",
    "Two-factor login is on: every login needs your password and the code from your authenticator app.":
        "Die Zwei-Faktor-Anmeldung ist aktiv: Jede Anmeldung braucht Ihr Passwort und den Code aus Ihrer "
        "Authenticator-App.",
    "Switch two-factor login off": "Zwei-Faktor-Anmeldung ausschalten",
    "Switch two-factor login on": "Zwei-Faktor-Anmeldung einschalten",
    "Confirm": "Bestätigen",
    "Scan the code with an authenticator app (for example FreeOTP, Aegis or Google Authenticator) or type in the "
    "key, then enter the six-digit code the app shows.":
        "Scannen Sie den Code mit einer Authenticator-App (etwa FreeOTP, Aegis oder Google Authenticator) oder "
        "tippen Sie den Schlüssel ein, und geben Sie dann den sechsstelligen Code ein, den die App anzeigt.",
    "QR code for the authenticator app": "QR-Code für die Authenticator-App",
    "Key": "Schlüssel",
    "Too many failed logins": "Zu viele fehlgeschlagene Anmeldungen",
    "If you have forgotten your password, ask an administrator of the site to set a new one.":
        "Wenn Sie Ihr Passwort vergessen haben, bitten Sie eine Administratorin oder einen Administrator der "
        "Website, ein neues zu setzen.",
    # issue 14: shared caches (forms without a token on cached pages)
    "Please confirm": "Bitte bestätigen",
    "Your entries have not been sent yet. To protect your data, please confirm once more that you want to send "
    "them.": "Ihre Eingaben wurden noch nicht gesendet. Zum Schutz Ihrer Daten bestätigen Sie bitte noch einmal, "
             "dass Sie sie senden möchten.",
    "Send": "Senden",
    "This form could not be sent: it did not come from this site (%(reason)s).":
        "Dieses Formular konnte nicht gesendet werden: Es kam nicht von dieser Website (%(reason)s).",
    # issue 12: the moderation desk (cockpit, drawer, numbers) and the Digital Services Act (notices,
    # statements of reasons, complaints, terms page)
    "Nothing to undo.": "Nichts rückgängig zu machen.",
    "Note saved": "Notiz gespeichert",
    "Please choose how long the suspension lasts.": "Bitte wählen Sie, wie lange die Sperre dauert.",
    "Please give a reason for the suspension: the commenter is told.":
        "Bitte nennen Sie einen Grund für die Sperre: Er wird der Person mitgeteilt.",
    "1 hour": "1 Stunde",
    "1 day": "1 Tag",
    "7 days": "7 Tage",
    "30 days": "30 Tage",
    "Complaint decided; the author is told by e-mail.": "Beschwerde entschieden; die Person erfährt es per E-Mail.",
    "The date must look like 2026-01-31.": "Das Datum muss so aussehen: 2026-01-31.",
    "What is wrong with this comment?": "Was ist an diesem Kommentar falsch?",
    "Why? Please explain (what exactly, and why it is illegal or against our rules)":
        "Warum? Bitte erklären Sie (was genau, und warum es rechtswidrig ist oder gegen unsere Regeln verstößt)",
    "Your name (optional)": "Ihr Name (freiwillig)",
    "Your e-mail (optional: for the confirmation and our decision)":
        "Ihre E-Mail-Adresse (freiwillig: für die Eingangsbestätigung und unsere Entscheidung)",
    "I am convinced in good faith that the information and allegations in this notice are accurate and complete.":
        "Ich bin in gutem Glauben davon überzeugt, dass die Angaben in dieser Meldung richtig und vollständig sind.",
    "suspended until": "gesperrt bis",
    "reason for the suspension": "Grund der Sperre",
    "always pre-moderate": "immer vorab prüfen",
    "editors' pick": "Redaktionsempfehlung",
    "by the newsroom": "von der Redaktion",
    "featured": "als Redaktionsempfehlung markiert",
    "no longer featured": "keine Redaktionsempfehlung mehr",
    "suspended": "gesperrt",
    "undone": "rückgängig gemacht",
    "warning": "Verwarnung",
    "note on a commenter": "Notiz zu einer kommentierenden Person",
    "notes on commenters": "Notizen zu kommentierenden Personen",
    "illegal: insult (§ 185 StGB)": "rechtswidrig: Beleidigung (§ 185 StGB)",
    "illegal: incitement to hatred (§ 130 StGB)": "rechtswidrig: Volksverhetzung (§ 130 StGB)",
    "illegal: threat (§ 241 StGB)": "rechtswidrig: Bedrohung (§ 241 StGB)",
    "illegal: personal data published": "rechtswidrig: Veröffentlichung persönlicher Daten",
    "illegal: copyright infringement": "rechtswidrig: Urheberrechtsverletzung",
    "breach of the comment rules": "Verstoß gegen die Kommentarregeln",
    "removed": "entfernt",
    "category": "Kategorie",
    "explanation": "Begründung",
    "notice (DSA)": "Meldung (DSA)",
    "notices (DSA)": "Meldungen (DSA)",
    "no automated means": "keine automatisierten Mittel",
    "prepared by automated means": "durch automatisierte Mittel vorbereitet (Vorprüfung)",
    "decided by automated means": "automatisch entschieden (Vorprüfung)",
    "ground": "Grund",
    "facts": "Sachverhalt",
    "automated means": "automatisierte Mittel",
    "statement of reasons": "Begründung",
    "statements of reasons": "Begründungen",
    "decision upheld": "Entscheidung bestätigt",
    "decision reversed": "Entscheidung aufgehoben",
    "your objection": "Ihr Einwand",
    "answer": "Antwort",
    "complaint": "Beschwerde",
    "complaints": "Beschwerden",
    "You are suspended from commenting until %(until)s. Reason: %(reason)s":
        "Sie sind bis %(until)s Uhr für Kommentare gesperrt. Grund: %(reason)s",
    "You are permanently suspended from commenting. Reason: %(reason)s":
        "Sie sind dauerhaft für Kommentare gesperrt. Grund: %(reason)s",
    "The commenter has deleted this comment meanwhile.": "Die Person hat diesen Kommentar inzwischen gelöscht.",
    "This decision does not exist.": "Diese Entscheidung gibt es nicht.",
    "Only a moderator's decision can be undone.": "Nur Entscheidungen der Moderation lassen sich rückgängig machen.",
    "This decision has been undone already.": "Diese Entscheidung wurde schon rückgängig gemacht.",
    "Too late to undo: please decide again instead.": "Zu spät zum Rückgängigmachen: Bitte entscheiden Sie neu.",
    "This comment has been decided again since; undo that first.":
        "Über diesen Kommentar wurde seitdem neu entschieden; machen Sie zuerst das rückgängig.",
    "Only a waiting or published comment can be featured.":
        "Nur wartende oder veröffentlichte Kommentare können empfohlen werden.",
    "Please write a note.": "Bitte schreiben Sie eine Notiz.",
    "A note may have at most 1,000 characters.": "Eine Notiz darf höchstens 1.000 Zeichen haben.",
    "Your comment has not been published": "Ihr Kommentar wurde nicht veröffentlicht",
    "Your commenting has been suspended": "Sie sind für Kommentare gesperrt",
    "The time for a complaint (six months) has passed.": "Die Frist für eine Beschwerde (sechs Monate) ist vorbei.",
    "This decision no longer exists (it was undone).":
        "Diese Entscheidung gibt es nicht mehr (sie wurde zurückgenommen).",
    "Please say why you object to the decision.": "Bitte schreiben Sie, warum Sie der Entscheidung widersprechen.",
    "At most 3,000 characters, please.": "Bitte höchstens 3.000 Zeichen.",
    "Your complaint about this decision is already being reviewed.":
        "Ihre Beschwerde gegen diese Entscheidung wird bereits geprüft.",
    "Please choose an outcome.": "Bitte wählen Sie ein Ergebnis.",
    "This complaint has been decided already.": "Über diese Beschwerde wurde schon entschieden.",
    "Another moderator must decide this complaint: you took the first decision.":
        "Über diese Beschwerde muss eine andere Person entscheiden: Sie haben die erste Entscheidung getroffen.",
    "Your complaint has been decided": "Über Ihre Beschwerde wurde entschieden",
    "Please choose what is wrong with the comment.": "Bitte wählen Sie, was an dem Kommentar falsch ist.",
    "Please explain why the comment is illegal or breaks our rules.":
        "Bitte erklären Sie, warum der Kommentar rechtswidrig ist oder gegen unsere Regeln verstößt.",
    "At most 2,000 characters, please.": "Bitte höchstens 2.000 Zeichen.",
    "Please confirm that your notice is accurate and complete to the best of your knowledge.":
        "Bitte bestätigen Sie, dass Ihre Meldung nach bestem Wissen richtig und vollständig ist.",
    "We have received your report": "Wir haben Ihre Meldung erhalten",
    "Decision on your report": "Entscheidung zu Ihrer Meldung",
    "Editors' pick": "Redaktionsempfehlung",
    "Our rules and how we moderate": "Unsere Regeln und wie wir moderieren",
    "All comments": "Alle Kommentare",
    "Editors' picks": "Redaktionsempfehlungen",
    "Decision": "Entscheidung",
    "Your comment is not published (or was removed).": "Ihr Kommentar wird nicht veröffentlicht (oder wurde entfernt).",
    "You can no longer comment (permanent suspension).": "Sie können nicht mehr kommentieren (dauerhafte Sperre).",
    "You cannot comment for a while (suspension).": "Sie können vorübergehend nicht kommentieren (Sperre).",
    "Ground": "Grund",
    "Facts": "Sachverhalt",
    "Automated means": "Automatisierte Mittel",
    "Complaint about a moderation decision": "Beschwerde gegen eine Moderationsentscheidung",
    "Your complaint was decided on %(date)s: %(outcome)s.":
        "Über Ihre Beschwerde wurde am %(date)s entschieden: %(outcome)s.",
    "Why should we change this decision?": "Warum sollten wir diese Entscheidung ändern?",
    "Another person from our moderation team than the one who decided first reviews your complaint.":
        "Ihre Beschwerde prüft eine andere Person aus der Moderation als die, die zuerst entschieden hat.",
    "Send complaint": "Beschwerde senden",
    "Complaints": "Beschwerden",
    "Complaints about moderation decisions": "Beschwerden gegen Moderationsentscheidungen",
    "A complaint is decided by another moderator than the one who took the first decision.":
        "Über eine Beschwerde entscheidet eine andere Person als die, die zuerst entschieden hat.",
    "first decision by": "erste Entscheidung von",
    "automatic": "automatisch",
    "The author writes:": "Die Person schreibt:",
    "Answer to the author (optional)": "Antwort an die Person (freiwillig)",
    "Reverse the decision": "Entscheidung aufheben",
    "Uphold the decision": "Entscheidung bestätigen",
    "No open complaints.": "Keine offenen Beschwerden.",
    "Decided recently": "Zuletzt entschieden",
    "Moderation numbers": "Zahlen der Moderation",
    "one story": "ein Beitrag",
    "whole site": "ganze Website",
    "Transparency report (CSV)": "Transparenzbericht (CSV)",
    "The last 24 hours.": "Die letzten 24 Stunden.",
    "Pending now": "Jetzt ausstehend",
    "Decisions": "Entscheidungen",
    "Median time to decision": "Mittlere Zeit bis zur Entscheidung (Median)",
    "Held by the model": "Vom Modell zurückgehalten",
    "Model holds overturned": "Davon doch freigegeben",
    "Pending over the last 24 hours": "Ausstehend in den letzten 24 Stunden",
    "Decisions per hour": "Entscheidungen je Stunde",
    "Busiest stories": "Beiträge mit den meisten Kommentaren",
    "Story": "Beitrag",
    "Commenter": "Kommentierende Person",
    "Undo": "Rückgängig",
    "History": "Verlauf",
    "since": "seit",
    "State": "Status",
    "suspended until %(until)s": "gesperrt bis %(until)s",
    "Statements of reasons": "Begründungen",
    "All waiting comments of this commenter": "Alle wartenden Kommentare dieser Person",
    "published ones": "veröffentlichte",
    "No longer trusted": "Nicht mehr vertrauenswürdig",
    "Trusted": "Vertrauenswürdig",
    "Lift the ban": "Sperre aufheben",
    "Stop always pre-moderating": "Nicht mehr immer vorab prüfen",
    "Always pre-moderate": "Immer vorab prüfen",
    "Suspend": "Sperren",
    "This suspends the commenter permanently.": "Damit wird die Person dauerhaft gesperrt.",
    "This suspends the commenter for %(duration)s.": "Damit wird die Person für %(duration)s gesperrt.",
    "They are told the reason by e-mail and on their data page, with a link to object. You can undo it.":
        "Sie erfährt den Grund per E-Mail und auf ihrer Datenseite, mit einem Link zur Beschwerde. Sie können es "
        "rückgängig machen.",
    "Yes, suspend": "Ja, sperren",
    "Duration": "Dauer",
    "permanent": "dauerhaft",
    "Reason (the commenter is told)": "Grund (wird der Person mitgeteilt)",
    "Suspend…": "Sperren …",
    "Notes and warnings": "Notizen und Verwarnungen",
    "Note for the moderators": "Notiz für die Moderation",
    "Save note": "Notiz speichern",
    "Save as warning": "Als Verwarnung speichern",
    "No notes yet.": "Noch keine Notizen.",
    "Last comments": "Letzte Kommentare",
    "Decisions about the commenter": "Entscheidungen über die Person",
    "Moderation decisions about you": "Moderationsentscheidungen über Sie",
    "Object to this decision": "Gegen diese Entscheidung Beschwerde einlegen",
    "Report received": "Meldung erhalten",
    "We have sent you a confirmation of receipt and will tell you our decision by e-mail.":
        "Wir haben Ihnen eine Eingangsbestätigung geschickt und teilen Ihnen unsere Entscheidung per E-Mail mit.",
    "Report a comment": "Kommentar melden",
    "You think this comment is illegal or breaks our comment rules? Tell us; a person from our moderation team "
    "reviews it.":
        "Sie halten diesen Kommentar für rechtswidrig oder für einen Verstoß gegen unsere Kommentarregeln? Sagen "
        "Sie es uns; eine Person aus der Moderation prüft ihn.",
    "We keep your name and address only to answer you, and erase them six months after our decision.":
        "Name und Adresse speichern wir nur, um Ihnen zu antworten, und löschen sie sechs Monate nach unserer "
        "Entscheidung.",
    "Privacy notice": "Datenschutzhinweise",
    "Numbers": "Zahlen",
    "text, name, e-mail or fingerprint": "Text, Name, E-Mail oder Kennung",
    "Order": "Reihenfolge",
    "highest risk first": "höchstes Risiko zuerst",
    "oldest first": "älteste zuerst",
    "Story:": "Beitrag:",
    "One commenter": "Eine Person",
    "Show everything": "Alles zeigen",
    "new": "neue",
    "Keys: j/k next/previous (nothing is selected until you move), a approve, r reject (then 1–5, Esc cancels), "
    "f editors' pick, x select, u undo, c commenter.":
        "Tasten: j/k nächster/voriger (nichts ist ausgewählt, bevor Sie sich bewegen), a freigeben, r ablehnen "
        "(dann 1–5, Esc bricht ab), f Redaktionsempfehlung, x auswählen, u rückgängig, c Person.",
    "Keys: j/k next/previous (nothing is selected until you move), a keep (dismiss reports), r reject (then 1–5, "
    "Esc cancels), x select, u undo, c commenter.":
        "Tasten: j/k nächster/voriger (nichts ist ausgewählt, bevor Sie sich bewegen), a behalten (Meldungen "
        "verwerfen), r ablehnen (dann 1–5, Esc bricht ab), x auswählen, u rückgängig, c Person.",
    "Only this story": "Nur dieser Beitrag",
    "only this": "nur dieser",
    "next signal": "nächstes Signal",
    "e-mail fingerprint": "Kennung der E-Mail-Adresse",
    "Notice (DSA)": "Meldung (DSA)",
    "notifier waits for an answer": "meldende Person wartet auf Antwort",
    "Note for the author (optional)": "Anmerkung für die Person (freiwillig)",
    "Note (optional)": "Anmerkung (freiwillig)",
    "No longer an editors' pick": "Keine Redaktionsempfehlung mehr",
    "Commenter…": "Person …",
    "Notices (DSA)": "Meldungen (DSA)",
    "Kept": "Behalten",
    "Featured": "Als Redaktionsempfehlung markiert",
    "No longer featured": "Keine Redaktionsempfehlung mehr",
    "Banned": "Gesperrt",
    "Marked as trusted": "Als vertrauenswürdig markiert",
    "Complaint": "Beschwerde",
    "Complaint received": "Beschwerde erhalten",
    "Thank you. Another person from our moderation team will review the decision; we will tell you the outcome "
    "by e-mail.":
        "Danke. Eine andere Person aus der Moderation prüft die Entscheidung; das Ergebnis erfahren Sie per E-Mail.",
    "Terms and moderation policy": "Nutzungsbedingungen und Moderation",
    # issue 13: identity terms, model registry and its admin
    "identity or topic term (fairness)": "Identitäts- oder Themenbegriff (Fairness)",
    "religions and their adherents": "Religionen und ihre Anhänger",
    "nationalities and origins": "Nationalitäten und Herkunft",
    "parties and leading politicians": "Parteien und Spitzenpolitiker",
    "gender and sexuality": "Geschlecht und Sexualität",
    "refugees and migration": "Flucht und Migration",
    "group": "Gruppe",
    "Identity terms need a group.": "Identitätsbegriffe brauchen eine Gruppe.",
    "version": "Version",
    "figures": "Kennzahlen",
    "in use": "in Gebrauch",
    "previous model": "vorheriges Modell",
    "created": "angelegt",
    "offence model version": "Version des Beleidigungsmodells",
    "offence model versions": "Versionen des Beleidigungsmodells",
    "macro-F, held-out decisions": "macro-F, zurückgehaltene Entscheidungen",
    "macro-F, GermEval 2018 test": "macro-F, GermEval-2018-Test",
    "worst fairness ratio": "höchster Fairness-Faktor",
    "hold threshold": "Halteschwelle",
    "Use the selected model": "Ausgewähltes Modell verwenden",
    "Select exactly one model.": "Bitte genau ein Modell auswählen.",
    "Now in use: %(version)s": "Jetzt in Gebrauch: %(version)s",
    "the shipped model": "das mitgelieferte Modell",
    "Returned to %(version)s": "Zurück zu %(version)s",
    "shipped": "mitgeliefert",
    "Model in use:": "Modell in Gebrauch:",
    "Return to the previous model": "Zurück zum vorherigen Modell",
    # issue 10: the editor's desk (rich-text editor, photos in entries, embeds, entry addresses)
    "Done: embedded content is only loaded after a click again.":
        "Erledigt: Eingebettete Inhalte werden wieder erst nach einem Klick geladen.",
    "Embedded content: withdraw “always load”": "Eingebettete Inhalte: „Immer laden“ widerrufen",
    "Embed recognised: %%(provider)s. Readers see a placeholder and load it with one click.":
        "Einbettung erkannt: %%(provider)s. Leser sehen einen Platzhalter und laden sie mit einem Klick.",
    "The photo was not uploaded:": "Das Foto wurde nicht hochgeladen:",
    "Uploading photo… %%(percent)s %%": "Foto wird hochgeladen … %%(percent)s %%",
    "Bold (Ctrl+B)": "Fett (Strg+B)",
    "Italic (Ctrl+I)": "Kursiv (Strg+I)",
    "Link (Ctrl+K)": "Link (Strg+K)",
    "Bulleted list": "Aufzählung",
    "Numbered list": "Nummerierte Liste",
    "Subheading": "Zwischenüberschrift",
    "Add a photo": "Foto einfügen",
    "Photo": "Foto",
    "Undo (Ctrl+Z)": "Rückgängig (Strg+Z)",
    "Undo": "Rückgängig",
    "Redo (Ctrl+Y)": "Wiederholen (Strg+Y)",
    "Redo": "Wiederholen",
    "Insert link": "Link einfügen",
    "Link text": "Linktext",
    "Address (URL)": "Adresse (URL)",
    "Please enter an address beginning with https://, http:// or mailto:.":
        "Bitte eine Adresse eingeben, die mit https://, http:// oder mailto: beginnt.",
    "Remove link": "Link entfernen",
    "Photo file": "Bilddatei",
    "Alt text (required)": "Alternativtext (Pflicht)",
    "Credit (shown as “Photo: …”)": "Fotograf/Quelle (erscheint als „Foto: …“)",
    "Insert photo": "Foto einfügen",
    "Or pick an uploaded photo": "Oder ein hochgeladenes Foto wählen",
    "Search caption or credit": "Bildunterschrift oder Quelle suchen",
    "There is no photo with the number %(ids)s in the media library.":
        "In der Mediathek gibt es kein Foto mit der Nummer %(ids)s.",
    "Ctrl+Enter publishes. A paragraph holding only a link to YouTube, X, Instagram and the like becomes an embed.":
        "Strg+Enter veröffentlicht. Ein Absatz, der nur einen Link zu YouTube, X, Instagram und Ähnlichem "
        "enthält, wird eingebettet.",
    "Newsblog settings": "Einstellungen des Newsblogs",
    "Copy link": "Link kopieren",
    "Link copied.": "Link kopiert.",
    "Entry deleted": "Eintrag gelöscht",
    "This entry was deleted": "Dieser Eintrag wurde gelöscht",
    "The newsroom removed this entry from the newsblog.": "Die Redaktion hat diesen Eintrag aus dem Newsblog entfernt.",
    "To the newsblog “%(title)s”": "Zum Newsblog „%(title)s“",
    "This newsblog has no entry with this number.": "Dieser Newsblog hat keinen Eintrag mit dieser Nummer.",
    "Only editors can use the media library.": "Nur die Redaktion kann die Mediathek verwenden.",
    "Only editors can upload photos.": "Nur die Redaktion kann Fotos hochladen.",
    "Content from %(name)s": "Inhalt von %(name)s",
    "Loading this content sends data to %(name)s (such as your IP address), and %(name)s may set cookies.":
        "Beim Laden werden Daten an %(name)s übertragen (etwa Ihre IP-Adresse), und %(name)s kann Cookies setzen.",
    "Load content from %(name)s": "Inhalt von %(name)s laden",
    "Always load for %(name)s": "Immer laden für %(name)s",
    "More entries lie between these; “Load older entries” above brings them.":
        "Dazwischen liegen weitere Einträge; „Ältere Einträge laden“ darüber holt sie.",
    # issue 15
    "Another topic already has this name.": "Ein anderes Thema hat schon diesen Namen.",
    "Unknown comment status.": "Unbekannter Kommentarstatus.",
    "Import and redirects": "Import und Weiterleitungen",
    "site": "Website",
    "WordPress id": "WordPress-ID",
    "imported item": "importierter Eintrag",
    "imported items": "importierte Einträge",
    "old address": "alte Adresse",
    "Path on this host, e.g. /2024/05/03/hochwasser/ or /?p=123.":
        "Pfad auf dieser Website, z. B. /2024/05/03/hochwasser/ oder /?p=123.",
    "new address": "neue Adresse",
    "A path on this site (/artikel/…/) or a full https:// address.":
        "Ein Pfad auf dieser Website (/artikel/…/) oder eine vollständige https://-Adresse.",
    "hits": "Aufrufe",
    "last hit": "letzter Aufruf",
    "source": "Herkunft",
    "The imported site it came from; empty when added by hand.":
        "Die importierte Website, von der sie stammt; leer, wenn von Hand angelegt.",
    "redirect": "Weiterleitung",
    "redirects": "Weiterleitungen",
    "The old address must be a path starting with /, e.g. /2024/05/03/hochwasser/.":
        "Die alte Adresse muss ein Pfad sein, der mit / beginnt, z. B. /2024/05/03/hochwasser/.",
    "The new address must be a path on this site (/artikel/…/) or an https:// address.":
        "Die neue Adresse muss ein Pfad auf dieser Website (/artikel/…/) oder eine https://-Adresse sein.",
    "The old and the new address are the same.": "Alte und neue Adresse sind gleich.",
    "There is already a redirect for this old address.": "Für diese alte Adresse gibt es schon eine Weiterleitung.",
    "address": "Adresse",
    "The page is shown at /seite/<address>/.": "Die Seite erscheint unter /seite/<Adresse>/.",
    "published": "veröffentlicht",
    "pages": "Seiten",
    # issue 17 embed: a newsblog on other sites
    "Unknown variant. Leave “variante” out for the whole newsblog or use “teaser”.":
        "Unbekannte Variante. Für den ganzen Newsblog „variante“ weglassen, sonst „teaser“ angeben.",
    "Newsblog: %(title)s": "Newsblog: %(title)s",
    "The whole newsblog at %(site_name)s": "Der ganze Newsblog bei %(site_name)s",
    "Code copied.": "Code kopiert.",
    "Code selected: copy it with Ctrl+C.": "Code markiert: mit Strg+C kopieren.",
    "Embed": "Einbetten",
    "Shows this newsblog live on another site or on a section front: copy the code into that page’s HTML. "
    "Links open on our site.":
        "Zeigt diesen Newsblog live auf einer anderen Website oder einer Ressortseite: den Code in das HTML "
        "dieser Seite kopieren. Links öffnen sich auf unserer Website.",
    "Whole newsblog (newest entries)": "Ganzer Newsblog (neueste Einträge)",
    "Copy code": "Code kopieren",
    "Teaser: the newest three entries (for section fronts)": "Teaser: die drei neuesten Einträge (für Ressortseiten)",
    "Sites allowed to show it: %(parents)s (setting EMBED_ALLOWED_PARENTS).":
        "Websites, die ihn zeigen dürfen: %(parents)s (Einstellung EMBED_ALLOWED_PARENTS).",
    # issue 17 search
    "Did you mean": "Meinten Sie",
    "Results in the newsblog “%(title)s”": "Treffer im Newsblog „%(title)s“",
    "Search everything": "Alles durchsuchen",
    "Sort by:": "Sortieren nach:",
    "Relevance": "Relevanz",
    "Newest": "Neueste",
    "in the newsblog": "im Newsblog",
    # issue 11 presence: who is at the desk, who is writing, the desk chat
    "Desk": "Desk",
    "author name": "Name des Autors",
    "mentioned": "erwähnt",
    "sent at": "gesendet am",
    "desk message": "Desk-Nachricht",
    "desk messages": "Desk-Nachrichten",
    "Please log in as an editor to use the desk of this newsblog.":
        "Bitte melden Sie sich als Redakteurin oder Redakteur an, um den Desk dieses Newsblogs zu nutzen.",
    "Only the editors of this newsblog can use its desk.": "Nur die Redaktion dieses Newsblogs kann seinen Desk nutzen.",
    "Only the editors of this newsblog can follow its desk.":
        "Nur die Redaktion dieses Newsblogs kann seinem Desk folgen.",
    "Too many presence signals. Please wait a moment.": "Zu viele Anwesenheitssignale. Bitte warten Sie einen Moment.",
    "The message must be text.": "Die Nachricht muss Text sein.",
    "Please write a message.": "Bitte schreiben Sie eine Nachricht.",
    "The message has %(length)d characters; at most %(max)d are allowed.":
        "Die Nachricht hat %(length)d Zeichen; höchstens %(max)d sind erlaubt.",
    "You are sending messages too quickly. Please wait a moment and try again.":
        "Sie senden Nachrichten zu schnell. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.",
    "'editing' must be the number of an entry.": "„editing“ muss die Nummer eines Eintrags sein.",
    "The message was not sent: ": "Die Nachricht wurde nicht gesendet: ",
    "Last-Event-ID must be a non-negative whole number.": "Last-Event-ID muss eine nicht negative ganze Zahl sein.",
    "At the desk now": "Jetzt am Desk",
    "Nobody else is here.": "Sonst ist gerade niemand da.",
    "Desk chat": "Desk-Chat",
    "only for the editors of this newsblog": "nur für die Redaktion dieses Newsblogs",
    "Desk chat messages": "Nachrichten im Desk-Chat",
    "No messages yet. Write to the desk: readers never see this.":
        "Noch keine Nachrichten. Schreiben Sie dem Desk – Leserinnen und Leser sehen das nie.",
    "Message to the desk": "Nachricht an den Desk",
    "Message (@name mentions)": "Nachricht (@Name erwähnt)",
    "%%(name)s is writing …": "%%(name)s schreibt …",
    "%%(names)s are writing …": "%%(names)s schreiben …",
    "Being edited by %%(names)s right now": "Wird gerade von %%(names)s bearbeitet",
    "%%(name)s is editing": "%%(name)s bearbeitet",
    "New desk message from %%(name)s: %%(text)s": "Neue Desk-Nachricht von %%(name)s: %%(text)s",
    "Not sent:": "Nicht gesendet:",
    "Desk connection lost – reconnecting…": "Verbindung zum Desk unterbrochen – verbinde neu …",
    # issue 13 encoder
    "Target": "Ziel",
    "hold at most this share of comments": "höchstens diesen Anteil der Kommentare halten",
    "catch at least this share of what the moderators reject":
        "mindestens diesen Anteil dessen auffangen, was die Moderation ablehnt",
    "Share in percent": "Anteil in Prozent",
    "Enter a share between 1 and 100 percent.": "Bitte einen Anteil zwischen 1 und 100 Prozent angeben.",
    "Enter a whole number of percent, e.g. 20.": "Bitte eine ganze Prozentzahl angeben, z. B. 20.",
    "Only decisions from": "Nur Entscheidungen ab",
    "Empty: all decisions.": "Leer: alle Entscheidungen.",
    "Calibrate the hold threshold": "Halte-Schwelle einstellen",
    "Now in use: %(version)s with threshold %(threshold)s": "Jetzt in Gebrauch: %(version)s mit Schwelle %(threshold)s",
    "The hold threshold is computed on this site's moderator decisions (approved and rejected comments, each text "
    "once, the latest decision counts). Applying it switches in the model in use with the new threshold as a new "
    "version; \"Return to the previous model\" undoes it.":
        "Die Halte-Schwelle wird aus den Entscheidungen der Moderation dieser Website berechnet (freigegebene und "
        "abgelehnte Kommentare, jeder Text einmal, die letzte Entscheidung zählt). Übernehmen schaltet das "
        "Modell in Gebrauch mit der neuen Schwelle als neue Version ein; »Zurück zum vorherigen Modell« macht es "
        "rückgängig.",
    "Compute": "Berechnen",
    "Computed threshold": "Berechnete Schwelle",
    "Model in use": "Modell in Gebrauch",
    "current threshold": "bisherige Schwelle",
    "New threshold": "Neue Schwelle",
    "Share of comments held": "Anteil gehaltener Kommentare",
    "Expected precision (held comments the moderators rejected)":
        "Erwartete Präzision (gehaltene Kommentare, die die Moderation abgelehnt hat)",
    "Expected recall (rejected comments that are held)": "Erwarteter Recall (abgelehnte Kommentare, die gehalten werden)",
    "Decisions used": "Verwendete Entscheidungen",
    "Apply this threshold": "Diese Schwelle übernehmen",
    # issue 17 brand: site identity, navigation, share links, rough edges
    "Site identity": "Website-Identität",
    "site identity": "Website-Identität",
    "site name": "Name der Website",
    "Shown in the header, the page title, social cards and the web manifest. Empty: the NEWSDESK_SITE_NAME setting.":
        "Erscheint im Kopf, im Seitentitel, in Vorschauen sozialer Netzwerke und im Web-Manifest. Leer: die "
        "Einstellung NEWSDESK_SITE_NAME.",
    "short name": "Kurzname",
    "Under the icon on a phone's home screen. Empty: the site name.":
        "Unter dem Symbol auf dem Startbildschirm eines Telefons. Leer: der Name der Website.",
    "One sentence for search engines and the home page's social card.":
        "Ein Satz für Suchmaschinen und die Vorschau der Startseite in sozialen Netzwerken.",
    "logo (light background)": "Logo (heller Hintergrund)",
    "SVG or PNG, shown in the header.": "SVG oder PNG, erscheint im Seitenkopf.",
    "logo (dark background)": "Logo (dunkler Hintergrund)",
    "SVG or PNG for dark backgrounds: shown in the footer.": "SVG oder PNG für dunkle Hintergründe: erscheint im Seitenfuß.",
    "icon": "Symbol",
    "One square PNG or JPEG, at least 512 × 512 pixels: the favicon and the home-screen icons are made from it.":
        "Ein quadratisches PNG oder JPEG, mindestens 512 × 512 Pixel: daraus entstehen das Favicon und die Symbole "
        "für den Startbildschirm.",
    "accent colour": "Akzentfarbe",
    "Hex colour such as #0b4f8a, for links, buttons and the icon. It must be dark enough for white text (WCAG AA, 4.5:1).":
        "Farbe als Hexwert wie #0b4f8a, für Links, Schaltflächen und das Symbol. Sie muss dunkel genug für weiße "
        "Schrift sein (WCAG AA, 4,5:1).",
    "default social image": "Standardbild für soziale Netzwerke",
    "Shown when a shared page has no image of its own.": "Erscheint, wenn eine geteilte Seite kein eigenes Bild hat.",
    "changed": "geändert",
    "label": "Bezeichnung",
    "Shorter text for the navigation. Empty: the topic's name.": "Kürzerer Text für die Navigation. Leer: der Name des Themas.",
    "section": "Ressort",
    "sections (navigation)": "Ressorts (Navigation)",
    "Enter the colour as # and six hexadecimal digits, for example #0b4f8a.":
        "Bitte die Farbe als # und sechs Hexadezimalziffern angeben, zum Beispiel #0b4f8a.",
    "This colour is too light: white text on it, and links in it on a white page, reach only %(ratio)s:1 contrast; at least 4.5:1 is needed (WCAG AA). Choose a darker shade.":
        "Diese Farbe ist zu hell: Weiße Schrift darauf und Links in dieser Farbe auf weißem Grund erreichen nur "
        "einen Kontrast von %(ratio)s:1; nötig sind mindestens 4,5:1 (WCAG AA). Bitte einen dunkleren Ton wählen.",
    "This SVG contains a script or an event handler and is refused. Export the logo again without scripts.":
        "Diese SVG-Datei enthält ein Skript oder einen Event-Handler und wird abgelehnt. Bitte das Logo ohne Skripte "
        "neu exportieren.",
    "This SVG loads something from another file or address and is refused. Embed everything in the file.":
        "Diese SVG-Datei lädt etwas aus einer anderen Datei oder Adresse und wird abgelehnt. Bitte alles in die "
        "Datei einbetten.",
    "This SVG contains a DOCTYPE or entity declarations and is refused.":
        "Diese SVG-Datei enthält eine DOCTYPE- oder Entity-Deklaration und wird abgelehnt.",
    "The file could not be read as an SVG or PNG image.": "Die Datei ließ sich nicht als SVG- oder PNG-Bild lesen.",
    "Upload the logo as an SVG or PNG file.": "Bitte das Logo als SVG- oder PNG-Datei hochladen.",
    "The logo may be at most 1 MB.": "Das Logo darf höchstens 1 MB groß sein.",
    "The icon must be at least 512 × 512 pixels.": "Das Symbol muss mindestens 512 × 512 Pixel groß sein.",
    "Upload the icon as a PNG, JPEG or WebP file.": "Bitte das Symbol als PNG-, JPEG- oder WebP-Datei hochladen.",
    "The icon may be at most 10 MB.": "Das Symbol darf höchstens 10 MB groß sein.",
    "The icon could not be read as an image.": "Das Symbol ließ sich nicht als Bild lesen.",
    "Share": "Teilen",
    "Menu": "Menü",
    "Sections": "Ressorts",
    "All sections": "Alle Ressorts",
    "Services": "Service",
    "Newsletter": "Newsletter",
    "Legal": "Rechtliches",
    "Unpin": "Lösen",
    # issue 11 drafts: drafts, preview, autosave, schedule, contributors and approval
    "Contributor": "Mitarbeiter/in",
    "There is no user named '%(name)s'.": "Es gibt keinen Benutzer namens „%(name)s“.",
    "The desk of this newsblog is for its editors and contributors.":
        "Der Redaktionstisch dieses Newsblogs ist nur für seine Redakteure und Mitarbeiter.",
    "Nothing saved to resume.": "Nichts gespeichert, das sich fortsetzen ließe.",
    "contributors": "Mitarbeiter",
    "Awaiting approval": "Zur Freigabe",
    "co-authors": "Mitautoren",
    "publish at": "veröffentlichen um",
    "Contributors can only change their own entries.": "Mitarbeiter können nur ihre eigenen Einträge ändern.",
    "This entry is published; only an editor can change it now.":
        "Dieser Eintrag ist veröffentlicht; ändern kann ihn jetzt nur noch die Redaktion.",
    "The publication time is not a valid date and time (ISO 8601, e.g. 2026-11-03T18:00+01:00).":
        "Der Veröffentlichungszeitpunkt ist kein gültiges Datum mit Uhrzeit (ISO 8601, z. B. 2026-11-03T18:00+01:00).",
    "The publication time must be a date and time.": "Der Veröffentlichungszeitpunkt muss ein Datum mit Uhrzeit sein.",
    "The publication time may be at most a year ahead.":
        "Der Veröffentlichungszeitpunkt darf höchstens ein Jahr in der Zukunft liegen.",
    "Contributors cannot pin entries or mark key events or breaking news.":
        "Mitarbeiter können Einträge nicht anheften und nicht als wichtiges Ereignis oder Eilmeldung markieren.",
    "%(name)s cannot be a co-author: only editors and contributors write entries.":
        "%(name)s kann nicht Mitautor sein: Einträge schreiben nur Redakteure und Mitarbeiter.",
    "Unknown status; use draft, scheduled, pending or published.":
        "Unbekannter Status; möglich sind draft, scheduled, pending und published.",
    "Editors publish or keep drafts; the approval queue is for contributors.":
        "Redakteure veröffentlichen oder speichern Entwürfe; die Freigabe ist für Beiträge von Mitarbeitern.",
    "A scheduled entry needs a publication time (publish_at).":
        "Ein geplanter Eintrag braucht einen Veröffentlichungszeitpunkt (publish_at).",
    "An entry published now cannot also have a publication time.":
        "Ein sofort veröffentlichter Eintrag kann nicht zugleich einen Veröffentlichungszeitpunkt haben.",
    "Contributors cannot publish or schedule; an editor approves your entry.":
        "Mitarbeiter können nicht veröffentlichen oder planen; die Redaktion gibt Ihren Eintrag frei.",
    "This entry is already published.": "Dieser Eintrag ist bereits veröffentlicht.",
    "This entry is not waiting for approval.": "Dieser Eintrag wartet nicht auf Freigabe.",
    "Only a draft can be submitted for approval.": "Nur ein Entwurf kann zur Freigabe eingereicht werden.",
    "This entry is not scheduled.": "Dieser Eintrag ist nicht geplant.",
    "Not published: the newsblog was closed at the scheduled time.":
        "Nicht veröffentlicht: Der Newsblog war zum geplanten Zeitpunkt beendet.",
    "Only admins can assign the contributors of a newsblog.":
        "Nur Administratoren können die Mitarbeiter eines Newsblogs festlegen.",
    "%(name)s is not a contributor.": "%(name)s ist kein Mitarbeiter.",
    "Unfinished draft": "Unfertiger Entwurf",
    "You have an unfinished entry (%(age)s).": "Sie haben einen unfertigen Eintrag (%(age)s).",
    "just now": "gerade eben",
    "Resume draft": "Entwurf fortsetzen",
    "Discard": "Verwerfen",
    "Submit for approval": "Zur Freigabe einreichen",
    "Save as draft": "Als Entwurf speichern",
    "Publish at": "Veröffentlichen um",
    "Schedule": "Planen",
    "Berlin time; the entry goes out by itself, nobody needs to be online.":
        "Berliner Zeit; der Eintrag erscheint von selbst, niemand muss dafür online sein.",
    "Preview: as readers will see it": "Vorschau: So sehen ihn die Leser",
    "Close preview": "Vorschau schließen",
    "Delete this draft?": "Diesen Entwurf löschen?",
    "Draft saved automatically at %%(time)s.": "Entwurf automatisch gespeichert um %%(time)s Uhr.",
    "Saved as a draft.": "Als Entwurf gespeichert.",
    "Scheduled.": "Geplant.",
    "Submitted for approval.": "Zur Freigabe eingereicht.",
    "Please choose the date and time of publication.": "Bitte wählen Sie Datum und Uhrzeit der Veröffentlichung.",
    "Desk": "Redaktionstisch",
    "Nothing is waiting for approval.": "Nichts wartet auf Freigabe.",
    "Drafts": "Entwürfe",
    "No drafts.": "Keine Entwürfe.",
    "Nothing scheduled.": "Nichts geplant.",
    "My entries": "Meine Beiträge",
    "Your entries go to the newsblog's editors for approval; you see the outcome here.":
        "Ihre Einträge gehen zur Freigabe an die Redaktion des Newsblogs; was daraus wird, sehen Sie hier.",
    "publishes %(time)s": "erscheint %(time)s",
    "%(age)s ago": "vor %(age)s",
    "being written": "wird geschrieben",
    "Note from the desk: %(note)s": "Notiz der Redaktion: %(note)s",
    "Note for the contributor": "Notiz für den Mitarbeiter",
    "Send back": "Zurückschicken",
    "New time": "Neue Zeit",
    "Move": "Verschieben",
    "Cancel schedule": "Planung aufheben",
    "View": "Ansehen",
    # issue 11 deskundo: undo, entry versions, entry to article, newsblogs in the back office
    "Who writes here": "Wer hier schreibt",
    "Status": "Status",
    "closed": "beendet",
    "last entry": "letzter Eintrag",
    "all editors": "alle Redakteurinnen und Redakteure",
    "Archive (end the newsblog; it stays readable)": "Archivieren (Newsblog beenden, bleibt lesbar)",
    "%(n)d newsblogs ended and archived.": "%(n)d Newsblogs beendet und archiviert.",
    "Reopen": "Wieder öffnen",
    "%(n)d newsblogs are live again.": "%(n)d Newsblogs sind wieder live.",
    "The newsblog '%(slug)s' was deleted.": "Der Newsblog „%(slug)s“ wurde gelöscht.",
    "This entry is not deleted; there is nothing to restore.":
        "Dieser Eintrag ist nicht gelöscht; es gibt nichts wiederherzustellen.",
    "This entry has no version %(v)d.": "Dieser Eintrag hat keine Fassung %(v)d.",
    "edited": "bearbeitet",
    "restored after deletion": "nach dem Löschen wiederhergestellt",
    "earlier version restored": "frühere Fassung wiederhergestellt",
    "deleted newsblog": "gelöschter Newsblog",
    "deleted newsblogs": "gelöschte Newsblogs",
    "The lead image must be an image from the media library.":
        "Das Aufmacherbild muss ein Bild aus der Mediathek sein.",
    "There is no deleted entry with this number in this newsblog.":
        "In diesem Newsblog gibt es keinen gelöschten Eintrag mit dieser Nummer.",
    "Someone else saved this entry in the meantime (version %(v)d). "
    "Please look at the current text before restoring an earlier one.":
        "Jemand anderes hat diesen Eintrag inzwischen gespeichert (Fassung %(v)d). "
        "Bitte sehen Sie sich den aktuellen Text an, bevor Sie eine frühere Fassung wiederherstellen.",
    "Only admins can delete a newsblog.": "Nur Admins können einen Newsblog löschen.",
    "Versions": "Versionen",
    "Take over as article": "Als Artikel übernehmen",
    "The newsroom has deleted this newsblog.": "Die Redaktion hat diesen Newsblog gelöscht.",
    "Entry restored: %%(text)s": "Eintrag wiederhergestellt: %%(text)s",
    "Entry restored.": "Eintrag wiederhergestellt.",
    "Versions of this entry": "Versionen dieses Eintrags",
    "Version %%(n)s": "Fassung %%(n)s",
    "current": "aktuell",
    "Restore this version": "Diese Fassung wiederherstellen",
    "The earlier version is the current one again.": "Die frühere Fassung ist wieder die aktuelle.",
    "Compare": "Vergleichen",
    "Earlier version": "Ältere Fassung",
    "Later version": "Neuere Fassung",
    "The text is the same in both versions.": "Der Text ist in beiden Fassungen gleich.",
    "Article made from this entry: %%(headline)s": "Artikel aus diesem Eintrag: %%(headline)s",
    "written": "geschrieben",
    "Newsblog deleted": "Newsblog gelöscht",
    "This newsblog was deleted": "Dieser Newsblog wurde gelöscht",
    "The newsroom removed this newsblog and all its entries.":
        "Die Redaktion hat diesen Newsblog mit allen Einträgen entfernt.",
    "To the current newsblogs": "Zu den aktuellen Newsblogs",
    "created by": "angelegt von",
    "ended at": "beendet am",
    # issue 17 promos: promo boxes and three rough edges (comments count, older entries, preference centre)
    "Promo boxes": "Promo-Boxen",
    "promo box": "Promo-Box",
    "promo boxes": "Promo-Boxen",
    "After the article text": "Nach dem Artikeltext",
    "Sidebar (home page and below articles)": "Seitenleiste (Startseite und unter Artikeln)",
    "Between newsblog entries": "Zwischen Newsblog-Einträgen",
    "Home page, between top stories and latest articles": "Startseite, zwischen Top-Themen und neuesten Artikeln",
    "Light grey": "Hellgrau",
    "Accent colour": "Akzentfarbe",
    "Warm sand": "Sandfarben",
    "Dark": "Dunkel",
    "text": "Text",
    "A few sentences; bold, italics and line breaks are kept, nothing else.":
        "Wenige Sätze; Fett, Kursiv und Zeilenumbrüche bleiben erhalten, sonst nichts.",
    "link": "Link",
    "An address starting with https:// or a path on this site such as /newsletter/.":
        "Eine Adresse, die mit https:// beginnt, oder ein Pfad dieser Website wie /newsletter/.",
    "link text": "Linktext",
    "The button, e.g. “Jetzt anmelden”. Empty: “Mehr erfahren”.":
        "Die Schaltfläche, z. B. „Jetzt anmelden“. Leer: „Mehr erfahren“.",
    "colour style": "Farbstil",
    "advertisement (“Anzeige”)": "Werbung („Anzeige“)",
    "Paid content: shown with the label “Anzeige”, the link marked as sponsored.":
        "Bezahlter Inhalt: mit dem Hinweis „Anzeige“, der Link als gesponsert gekennzeichnet.",
    "slots": "Plätze",
    "in newsblogs: after every N entries": "in Newsblogs: nach jeweils N Einträgen",
    "Only for the slot between newsblog entries (2 to 50).": "Nur für den Platz zwischen Newsblog-Einträgen (2 bis 50).",
    "only for topics": "nur für Themen",
    "Empty: everywhere. Otherwise only beside articles of these topics.":
        "Leer: überall. Sonst nur bei Artikeln dieser Themen.",
    "shown from": "sichtbar ab",
    "shown until": "sichtbar bis",
    "Empty: until switched off.": "Leer: bis sie ausgeschaltet wird.",
    "switched on": "eingeschaltet",
    "order": "Reihenfolge",
    "Smaller numbers come first within a slot.": "Kleinere Zahlen stehen an einem Platz weiter vorn.",
    "Enter the link the box leads to.": "Geben Sie den Link an, zu dem die Box führt.",
    "Enter an address starting with https:// or a path on this site starting with /; “%(value)s” is neither.":
        "Geben Sie eine Adresse an, die mit https:// beginnt, oder einen Pfad dieser Website, der mit / beginnt; "
        "„%(value)s“ ist weder das eine noch das andere.",
    "The text is too long for a box: at most %(max)d characters.":
        "Der Text ist für eine Box zu lang: höchstens %(max)d Zeichen.",
    "Choose one of the colour styles.": "Wählen Sie einen der Farbstile.",
    "Choose at least one place where the box is shown.": "Wählen Sie mindestens einen Platz, an dem die Box erscheint.",
    "Unknown place: %(slot)s.": "Unbekannter Platz: %(slot)s.",
    "In newsblogs a box can follow every %(min)d to %(max)d entries.":
        "In Newsblogs kann eine Box nach jeweils %(min)d bis %(max)d Einträgen folgen.",
    "From when is the box shown? Enter a date.": "Ab wann ist die Box zu sehen? Geben Sie ein Datum an.",
    "The box cannot end before it starts.": "Die Box kann nicht enden, bevor sie beginnt.",
    "shown in": "zu sehen in",
    "shown now": "jetzt zu sehen",
    "not shown now": "jetzt nicht zu sehen",
    "Where": "Wo",
    "When": "Wann",
    "Advertisement": "Anzeige",
    "Learn more": "Mehr erfahren",
    "No other comments yet.": "Noch keine weiteren Kommentare.",
    "Welcome: your subscription is active": "Willkommen: Ihr Abonnement ist aktiv",
    "thank you for confirming. From now on %(site)s sends you:":
        "danke für Ihre Bestätigung. Ab jetzt schickt Ihnen %(site)s:",
    "Change or end your subscriptions at any time here:": "Ihre Abonnements ändern oder beenden Sie jederzeit hier:",
    "Keep this e-mail: the link is your personal access to your subscriptions.":
        "Heben Sie diese E-Mail auf: Der Link ist Ihr persönlicher Zugang zu Ihren Abonnements.",
    "This subscription cannot be started again here. Please sign up again.":
        "Dieses Abonnement lässt sich hier nicht wieder starten. Bitte melden Sie sich erneut an.",
    "You are unsubscribed: we will send no more e-mails of this kind. Changed your mind? “Subscribe again” below.":
        "Sie sind abgemeldet: Wir schicken Ihnen keine E-Mails dieser Art mehr. Doch anders entschieden? "
        "„Wieder anmelden“ unten.",
    "This subscription had already ended.": "Dieses Abonnement war schon beendet.",
    "Almost done: we have sent you an e-mail. The subscription starts again once you confirm it with the link in it.":
        "Fast geschafft: Wir haben Ihnen eine E-Mail geschickt. Das Abonnement beginnt wieder, sobald Sie es mit "
        "dem Link darin bestätigen.",
    "Nothing was changed: choose a subscription.": "Nichts geändert: Wählen Sie ein Abonnement.",
    "Subscribe again": "Wieder anmelden",
}
PLURALS = {
    # commenters: plurals of the reader side of comments
    "%(n)s comment": ("%(n)s Kommentar", "%(n)s Kommentare"),
    "%(count)d comment has been deleted.": ("%(count)d Kommentar wurde gelöscht.",
                                            "%(count)d Kommentare wurden gelöscht."),
    "%(total)s result": ("%(total)s Treffer", "%(total)s Treffer"),
    "%d article published.": ("%d Artikel veröffentlicht.", "%d Artikel veröffentlicht."),
    "Reading time: %(minutes)s min.": ("Lesedauer: %(minutes)s Min.", "Lesedauer: %(minutes)s Min."),
    # jobs: the count on /jobs/
    "%(total)s vacancy": ("%(total)s Stellenangebot", "%(total)s Stellenangebote"),
    # modqueue: queue summaries
    "%(n)s report:": ("%(n)s Meldung:", "%(n)s Meldungen:"),
    "%(n)d comment approved": ("%(n)d Kommentar freigegeben", "%(n)d Kommentare freigegeben"),
    "%(n)d comment rejected": ("%(n)d Kommentar abgelehnt", "%(n)d Kommentare abgelehnt"),
    "%(n)d comment kept, its reports dismissed": ("%(n)d Kommentar behalten, Meldungen verworfen",
                                                  "%(n)d Kommentare behalten, Meldungen verworfen"),
    "(%(n)d skipped: already decided or deleted)": ("(%(n)d übersprungen: schon entschieden oder gelöscht)",
                                                    "(%(n)d übersprungen: schon entschieden oder gelöscht)"),
    # issue 16: the lockout page
    "Logging in is paused for this account and this connection. Please try again in %(minutes)s minute.": (
        "Die Anmeldung ist für dieses Konto und diese Verbindung angehalten. Bitte versuchen Sie es in "
        "%(minutes)s Minute erneut.",
        "Die Anmeldung ist für dieses Konto und diese Verbindung angehalten. Bitte versuchen Sie es in "
        "%(minutes)s Minuten erneut."),
    # issue 12
    "%(n)d decision undone": ("%(n)d Entscheidung rückgängig gemacht", "%(n)d Entscheidungen rückgängig gemacht"),
    "%(n)s waiting comment is rejected.": ("%(n)s wartender Kommentar wird abgelehnt.",
                                           "%(n)s wartende Kommentare werden abgelehnt."),
    # issue 17 search
    "%(n)s result in the newsblog": ("%(n)s Treffer im Newsblog", "%(n)s Treffer im Newsblog"),
    "Show the result in this newsblog": ("Den Treffer in diesem Newsblog anzeigen",
                                         "Alle %(n)s Treffer in diesem Newsblog anzeigen"),
    # issue 17 brand
    "Published without an author: readers see no byline. Add at least one author under “Authors”.": (
        "Ohne Autorin oder Autor veröffentlicht: Leserinnen und Leser sehen keine Zeile „Von …“. Bitte unter "
        "„Autoren“ mindestens einen Namen eintragen.",
        "%(count)d Artikel sind ohne Autorin oder Autor veröffentlicht: Leserinnen und Leser sehen keine Zeile "
        "„Von …“. Bitte unter „Autoren“ Namen eintragen."),
    # issue 11 drafts
    "%(n)s entry awaiting approval": ("%(n)s Eintrag wartet auf Freigabe", "%(n)s Einträge warten auf Freigabe"),
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
                out.append(f'{head}\nmsgstr[0] ""\nmsgstr[1] ""')
                continue
            one, many = PLURALS[msgid]
            block = f'{head}\nmsgstr[0] "{po_escape(one)}"\nmsgstr[1] "{po_escape(many)}"'
        else:
            if msgid not in DE:
                missing.append(msgid)
                # Never keep a fuzzy guess from makemessages: it may be another text's translation.
                out.append(f'{head}\nmsgstr ""')
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
