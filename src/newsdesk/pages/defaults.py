"""The default Impressum and Datenschutz: clearly fictional (Beispiel Medien GmbH), so that a fresh install has
both pages and no operator publishes them unknowingly. Operators replace them in the admin.

The privacy notice describes what newsdesk actually stores (see the comments and subscriptions apps).
"""

from __future__ import annotations

NOTICE = ("<p><strong>Hinweis: Beispieltext.</strong> Alle Angaben auf dieser Seite sind erfunden. Die Betreiberin "
          "dieser Website ersetzt sie in der Verwaltung durch ihre eigenen Angaben.</p>")

IMPRESSUM_TITLE = "Impressum"
IMPRESSUM_BODY = NOTICE + """
<h2>Angaben gemäß § 5 DDG</h2>
<p>Beispiel Medien GmbH<br>Musterallee 12<br>99999 Kelmsbrück<br>Deutschland</p>
<p>Vertreten durch die Geschäftsführerin Henrike Beispielmann</p>
<p>Registergericht: Amtsgericht Kelmsbrück, HRB 00000 (fiktiv)<br>
Umsatzsteuer-Identifikationsnummer gemäß § 27a UStG: DE000000000 (fiktiv)</p>
<h2>Kontakt</h2>
<p>Telefon: 0000 000000-0 (fiktiv)<br>
E-Mail: <a href="mailto:redaktion@beispiel-medien.example">redaktion@beispiel-medien.example</a></p>
<h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h2>
<p>Jonas Platzhalter (Chefredakteur)<br>Beispiel Medien GmbH<br>Musterallee 12<br>99999 Kelmsbrück</p>
<h2>Streitschlichtung</h2>
<p>Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer
Verbraucherschlichtungsstelle teilzunehmen.</p>
<h2>Stellenangebote</h2>
<p>Für den Inhalt der Stellenangebote sind die jeweils genannten Arbeitgeber verantwortlich. Bewerbungen gehen
direkt an sie, nicht an uns.</p>
"""

DATENSCHUTZ_TITLE = "Datenschutzerklärung"
DATENSCHUTZ_BODY = NOTICE + """
<h2>Verantwortlich</h2>
<p>Beispiel Medien GmbH, Musterallee 12, 99999 Kelmsbrück (fiktiv).<br>
Unsere Datenschutzbeauftragte erreichen Sie unter
<a href="mailto:datenschutz@beispiel-medien.example">datenschutz@beispiel-medien.example</a>.</p>
<h2>Aufruf dieser Website</h2>
<p>Um Seiten auszuliefern, verarbeitet unser Server die IP-Adresse Ihres Geräts, den Zeitpunkt und die aufgerufene
Adresse. Wir werten diese Daten nicht für Werbung aus und erstellen keine Nutzungsprofile (Art. 6 Abs. 1 lit. f
DSGVO: sicherer Betrieb der Website).</p>
<h2>Cookies</h2>
<p>Wir setzen nur technisch notwendige Cookies: ein Schutz-Cookie gegen gefälschte Formulare (<em>csrftoken</em>),
ein Sitzungs-Cookie für angemeldete Mitarbeiterinnen und Mitarbeiter (<em>sessionid</em>) und, wenn Sie die Sprache
wechseln, ein Cookie mit Ihrer Wahl. Es gibt keine Analyse- oder Werbe-Cookies (§ 25 Abs. 2 TDDDG).</p>
<h2>Kommentare</h2>
<p>Wenn Sie kommentieren, speichern wir Ihren Namen, Ihre E-Mail-Adresse und Ihren Text, mit Ihrer Einwilligung
(Art. 6 Abs. 1 lit. a DSGVO). Ihre IP-Adresse speichern wir nur als verschlüsselten Prüfwert, um Missbrauch zu
erkennen, und löschen ihn nach sieben Tagen. Ein automatisches Verfahren sortiert Kommentare für die Moderation vor;
ob ein Kommentar erscheint, entscheiden Menschen.</p>
<h2>Benachrichtigungen per E-Mail</h2>
<p>Für Benachrichtigungen und Newsletter verwenden wir das Double-Opt-in-Verfahren: Wir senden erst etwas, nachdem
Sie den Link in unserer Bestätigungsmail angeklickt haben. Gespeichert werden Ihre E-Mail-Adresse, die Zeitpunkte
von Anmeldung und Bestätigung, je ein Prüfwert der IP-Adresse und die Bestätigungsmail, um Ihre Einwilligung
nachweisen zu können. Nicht bestätigte Anmeldungen löschen wir nach sieben Tagen. Jede Mail enthält einen Link, mit
dem Sie sich sofort abmelden, Ihre Daten herunterladen oder alles löschen können.</p>
<h2>Stellenangebote</h2>
<p>Bewerbungen senden Sie direkt an die Arbeitgeber. Wir erfahren davon nichts und speichern keine
Bewerbungsdaten.</p>
<h2>Ihre Rechte</h2>
<p>Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der
Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21). Eine Einwilligung können Sie
jederzeit für die Zukunft widerrufen (Art. 7 Abs. 3). Sie können sich außerdem bei einer
Datenschutz-Aufsichtsbehörde beschweren (Art. 77).</p>
"""

# Issue 12: the terms of the comment section (Art. 14 DSA): moderation policy and the automated tools used.
TERMS_TITLE = "Nutzungsbedingungen und Moderation"
TERMS_BODY = NOTICE + """
<h2>Kommentare und Moderation</h2>
<p>Alle Kommentare werden moderiert: Eine Moderatorin oder ein Moderator liest jeden Kommentar, bevor er
erscheint. Wir veröffentlichen keine Kommentare, die nicht zum Thema gehören, andere herabsetzen, werben oder
rechtswidrig sind (zum Beispiel Beleidigung nach § 185 StGB, Volksverhetzung nach § 130 StGB, Bedrohung,
Veröffentlichung persönlicher Daten, Urheberrechtsverletzungen).</p>
<h2>Automatische Vorprüfung</h2>
<p>Ein Programm prüft jeden Kommentar vorab: ein Sprachmodell für abwertende Sprache, ein Vergleich mit dem Thema
des Artikels, Wortlisten, Links und Wiederholungen. Es ordnet die Warteschlange und begründet seine Hinweise; die
Entscheidung trifft ein Mensch. Nur Kommentare mit gesperrten Wörtern lehnt es selbst ab. In jeder Begründung
steht, ob die Entscheidung automatisch getroffen oder vorbereitet wurde.</p>
<h2>Sperren</h2>
<p>Bei wiederholten oder schweren Verstößen sperren wir eine E-Mail-Adresse für 1 Stunde, 1 Tag, 7 Tage, 30 Tage
oder dauerhaft. Wir teilen Ihnen die Gründe mit.</p>
<h2>Meldungen und Beschwerden</h2>
<p>Jeden Kommentar können Sie über »Melden« als rechtswidrig oder regelwidrig melden; wir bestätigen den Eingang
und teilen Ihnen die Entscheidung mit, wenn Sie eine E-Mail-Adresse angeben. Gegen eine Entscheidung über Ihren
Kommentar oder Ihre Sperre können Sie binnen sechs Monaten über den Link in unserer Begründung Beschwerde
einlegen; darüber entscheidet eine andere Person als die, die zuerst entschieden hat.</p>
"""

DEFAULTS = {
    "impressum": {"title": IMPRESSUM_TITLE, "body": IMPRESSUM_BODY},
    "datenschutz": {"title": DATENSCHUTZ_TITLE, "body": DATENSCHUTZ_BODY},
    "nutzungsbedingungen": {"title": TERMS_TITLE, "body": TERMS_BODY},
}
