"""Fictional demo content for the newsblog demo (invented town, people and events).

Kelmsbrück, the river Lindra, every street, institution and person named here are
made up. Any resemblance to real places, people or events is coincidental. Phone
numbers use the fictional 555 scheme; links point to example.org only.
"""

AUTHORS: list[dict] = [
    {"username": "jana.bergmeier", "first_name": "Jana", "last_name": "Bergmeier"},
    {"username": "tobias.reinwald", "first_name": "Tobias", "last_name": "Reinwald"},
    {"username": "miriam.sommerfeld", "first_name": "Miriam", "last_name": "Sommerfeld"},
]

LIVEBLOG: dict = {
    "slug": "hochwasser-in-kelmsbrueck",
    "title": "Newsblog: Hochwasser der Lindra – Teile von Kelmsbrück geräumt",
    "teaser": (
        "Nach starkem Regen ist die Lindra in Kelmsbrück über die Ufer getreten. "
        "Rund 950 Menschen mussten ihre Wohnungen verlassen. Alle Entwicklungen im Newsblog."
    ),
    "image_caption": "Symbolbild: Hochwasser an der Lindra in Kelmsbrück (abstrakte Illustration)",
    "image_credit": "newsdesk-Demo (Illustration)",
    "image_alt": "Abstrakte Grafik in Blau- und Grautönen mit geschwungenen, wellenartigen Flächen",
}

ENTRIES: list[dict] = [
    {
        "minutes_ago": 612,
        "author": "jana.bergmeier",
        "headline": "Starkregen: Lindra steigt rasch an",
        "body": (
            "<p>Nach heftigen Regenfällen in der Nacht steigt der Pegel der Lindra in Kelmsbrück "
            "seit den frühen Morgenstunden deutlich an. Am Pegel Brückenmühle wurden zuletzt "
            "2,90 Meter gemessen – üblich sind an dieser Stelle etwa 1,40 Meter. Damit ist die "
            "Meldestufe zwei überschritten.</p>"
            "<p>Die Stadtverwaltung rät Anwohnerinnen und Anwohnern in Ufernähe, Keller und "
            "Tiefgaragen im Blick zu behalten und Wertsachen vorsorglich in höhere Stockwerke zu "
            "bringen. In diesem Newsblog halten wir Sie über die Lage in Kelmsbrück auf dem "
            "Laufenden.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 598,
        "author": "jana.bergmeier",
        "headline": "Uferstraße gesperrt",
        "body": (
            "<p>Die Stadt hat die <strong>Uferstraße</strong> zwischen Brückengasse und Mühlenweg "
            "für den Verkehr gesperrt. Das Wasser der Lindra steht dort bereits auf dem Gehweg. "
            "Eine Umleitung über den Eichenring ist ausgeschildert.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 585,
        "author": "tobias.reinwald",
        "headline": "Feuerwehr im Dauereinsatz",
        "body": (
            "<p>Die Freiwillige Feuerwehr Kelmsbrück ist seit der Nacht ununterbrochen im Einsatz. "
            "Nach Angaben von Stadtbrandinspektor Jörg Ballhausen rückten die Einsatzkräfte "
            "bislang zu mehr als 20 Einsätzen aus, meist wegen vollgelaufener Keller in Niederau "
            "und in der Altstadt.</p>"
            "<p>„Wir arbeiten die Meldungen nach Dringlichkeit ab“, sagte Ballhausen. Wer lediglich "
            "etwas Wasser im Keller habe, müsse mit Wartezeiten rechnen. Bei Gefahr für Menschen "
            "gelte selbstverständlich weiterhin der Notruf.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 570,
        "author": "jana.bergmeier",
        "headline": "Schule und Kita in Niederau geschlossen",
        "body": (
            "<p>Die Grundschule Niederau und die Kita Lindrahof bleiben heute geschlossen. Die "
            "Eltern seien über die Schul-App und per Telefonkette informiert worden, teilte die "
            "Stadt mit. Für Kinder, die bereits auf dem Weg waren, gibt es eine Betreuung in der "
            "Gesamtschule am Eichenring.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 556,
        "author": "tobias.reinwald",
        "headline": "",
        "body": (
            "<p>Neuer Pegelstand an der Brückenmühle: <strong>3,20 Meter</strong>. Der Wetterdienst "
            "rechnet bis zum Nachmittag mit weiteren 30 bis 50 Litern Regen pro Quadratmeter im "
            "Einzugsgebiet der Lindra.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 540,
        "author": "miriam.sommerfeld",
        "headline": "Stadt beruft Krisenstab ein",
        "body": (
            "<p>Bürgermeisterin Karin Wendtland hat den Krisenstab der Stadt Kelmsbrück "
            "einberufen. Er tagt im Rathaus und soll die Arbeit von Feuerwehr, Bauhof, Stadtwerken "
            "und Polizei koordinieren.</p>"
            "<p>„Wir nehmen die Lage sehr ernst, aber es gibt im Moment keinen Grund zur Panik“, "
            "sagte Wendtland. Die Stadt werde regelmäßig informieren. Geleitet wird der Stab vom "
            "Leiter des Ordnungsamts, Henrik Falkenrath.</p>"
        ),
        "key_event": True,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 528,
        "author": "miriam.sommerfeld",
        "headline": "",
        "body": (
            "<p>Die Stadtwerke leiten die Buslinien 3 und 7 um. Die Haltestellen Brückenmühle, "
            "Uferstraße und Fischerpfad werden bis auf Weiteres nicht angefahren.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 515,
        "author": "tobias.reinwald",
        "headline": "Sandsäcke für Anwohner",
        "body": (
            "<p>Der städtische Bauhof gibt ab sofort gefüllte Sandsäcke aus. Ausgabestelle ist der "
            "Wertstoffhof Am Stadtgraben. Vorrang haben Haushalte in Ufernähe.</p>"
            "<p>Nach Angaben der Stadt stehen zunächst rund 8.000 Säcke bereit, weitere werden "
            "gefüllt. Wer kein Auto hat, kann sich beim Bürgertelefon melden; Helferinnen und "
            "Helfer bringen die Säcke dann vorbei.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 500,
        "author": "jana.bergmeier",
        "headline": "Bitte keine Schaulustigen",
        "body": (
            "<p>Die Polizei bittet eindringlich darum, die Lindrabrücke und die Uferwege nicht als "
            "Aussichtspunkt zu nutzen. Schaulustige behinderten die Einsatzkräfte und brächten sich "
            "selbst in Gefahr, sagte ein Sprecher der Polizeiinspektion Kelmsbrück.</p>"
            "<p>Auch wir bitten unsere Leserinnen und Leser: Schicken Sie uns gern Hinweise und "
            "Fotos – aber nur, wenn Sie sich dafür nicht in Gefahr begeben.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 486,
        "author": "tobias.reinwald",
        "headline": "Lindra überschreitet Meldestufe drei",
        "body": (
            "<p>Der Pegel der Lindra hat die Meldestufe drei überschritten. An der Brückenmühle "
            "wurden zuletzt <strong>3,26 Meter</strong> gemessen. Einen so hohen Wasserstand hat "
            "Kelmsbrück seit fast zwanzig Jahren nicht mehr erlebt.</p>"
            "<p>Bei Meldestufe drei ist mit der Überflutung einzelner bebauter Grundstücke und "
            "Straßen zu rechnen. Der Krisenstab prüft nach eigenen Angaben, ob Teile von Niederau "
            "vorsorglich geräumt werden müssen.</p>"
        ),
        "key_event": True,
        "pinned": False,
        "edited": True,
        "edited_body": (
            "<p>Der Pegel der Lindra hat die Meldestufe drei überschritten. An der Brückenmühle "
            "wurden zuletzt <strong>3,62 Meter</strong> gemessen. Einen so hohen Wasserstand hat "
            "Kelmsbrück seit fast zwanzig Jahren nicht mehr erlebt.</p>"
            "<p>Bei Meldestufe drei ist mit der Überflutung einzelner bebauter Grundstücke und "
            "Straßen zu rechnen. Der Krisenstab prüft nach eigenen Angaben, ob Teile von Niederau "
            "vorsorglich geräumt werden müssen.</p>"
            "<p><em>Korrektur: In einer früheren Fassung dieses Eintrags war der Pegelstand "
            "versehentlich mit 3,26 Metern angegeben. Richtig sind 3,62 Meter.</em></p>"
        ),
    },
    {
        "minutes_ago": 472,
        "author": "miriam.sommerfeld",
        "headline": "",
        "body": (
            "<p>In der Unterführung an der Gerberstraße ist ein Autofahrer trotz Sperrung ins "
            "Wasser gefahren und stecken geblieben. Die Feuerwehr holte den Mann unverletzt aus "
            "seinem Wagen. Die Polizei erinnert daran, dass schon flaches, fließendes Wasser ein "
            "Auto mitreißen kann.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 458,
        "author": "jana.bergmeier",
        "headline": "Evakuierung in Niederau angeordnet",
        "body": (
            "<p>Der Krisenstab hat die Räumung mehrerer Straßen im Stadtteil Niederau angeordnet. "
            "Betroffen sind nach Angaben der Stadt rund 600 Menschen. Sie werden gebeten, ihre "
            "Wohnungen in den kommenden zwei Stunden zu verlassen. Die Anordnung gilt vorsorglich: "
            "Der Krisenstab rechnet damit, dass die Lindra weiter steigt und die Ufermauer in "
            "Niederau an mehreren Stellen überspülen könnte.</p>"
            "<h3>Diese Straßen sind betroffen</h3>"
            "<ul>"
            "<li>Uferstraße (komplett)</li>"
            "<li>Brückengasse</li>"
            "<li>Am Weidengrund</li>"
            "<li>Fischerpfad</li>"
            "<li>Mühlenweg, Hausnummern 1 bis 40</li>"
            "</ul>"
            "<p>Feuerwehr und Polizei gehen von Haus zu Haus und informieren die Bewohnerinnen und "
            "Bewohner zusätzlich mit Lautsprecherdurchsagen. Wer nicht bei Verwandten oder "
            "Bekannten unterkommen kann, findet Platz in der Sporthalle der Gesamtschule am "
            "Eichenring. Am Marktplatz stehen Busse bereit, die dorthin pendeln.</p>"
            "<p>Mitnehmen sollten die Betroffenen vor allem Ausweisdokumente, wichtige "
            "Medikamente, ein Ladekabel für das Handy sowie warme Kleidung. Vor dem Verlassen der "
            "Wohnung sollten Strom und Gas abgestellt werden, sofern das gefahrlos möglich ist. "
            "Wer Hilfe beim Verlassen der Wohnung benötigt, wird gebeten, sich beim Bürgertelefon "
            "zu melden.</p>"
        ),
        "key_event": True,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 445,
        "author": "tobias.reinwald",
        "headline": "Notunterkunft in der Sporthalle geöffnet",
        "body": (
            "<p>Die Notunterkunft in der Sporthalle am Eichenring ist geöffnet. Helferinnen und "
            "Helfer haben rund 250 Feldbetten aufgebaut, es gibt warme Getränke und eine "
            "Kinderecke. Die ersten Bewohnerinnen und Bewohner aus Niederau sind bereits "
            "eingetroffen.</p>"
            "<p>„Niemand muss hier allein sein“, sagte die Leiterin der Unterkunft, Petra "
            "Ahlgrimm. Auch eine Ärztin sei vor Ort.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 432,
        "author": "miriam.sommerfeld",
        "headline": "",
        "body": (
            "<p>Eine Frage, die uns mehrfach erreicht hat: Haustiere dürfen in die Notunterkunft "
            "mitgebracht werden. Für Hunde und Katzen gibt es einen eigenen Bereich im "
            "Nebengebäude. Das Tierheim Kelmsbrück hat zusätzlich angeboten, Tiere vorübergehend "
            "aufzunehmen.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 420,
        "author": "jana.bergmeier",
        "headline": "Service: Wichtige Nummern und Anlaufstellen",
        "body": (
            "<p>Hier finden Sie die wichtigsten Informationen für Betroffene auf einen Blick. Wir "
            "aktualisieren diesen Eintrag laufend.</p>"
            "<ul>"
            "<li><strong>Bürgertelefon der Stadt:</strong> 555 0140 (rund um die Uhr)</li>"
            "<li><strong>Notunterkunft:</strong> Sporthalle der Gesamtschule, Eichenring 12, "
            "Telefon 555 0180</li>"
            "<li><strong>Sandsäcke:</strong> Wertstoffhof Am Stadtgraben</li>"
            "<li><strong>Störungsdienst der Stadtwerke:</strong> 555 0260</li>"
            "<li><strong>In akuter Lebensgefahr:</strong> Notruf 112</li>"
            "</ul>"
            '<p>Karten der gesperrten Bereiche veröffentlicht die Stadt auf <a href="https://'
            'example.org/kelmsbrueck/hochwasser">ihrer Informationsseite</a>.</p>'
        ),
        "key_event": False,
        "pinned": True,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 405,
        "author": "tobias.reinwald",
        "headline": "Strom in Teilen von Niederau abgeschaltet",
        "body": (
            "<p>Die Stadtwerke Kelmsbrück haben in den geräumten Straßen von Niederau vorsorglich "
            "den Strom abgeschaltet. Betroffen sind nach Angaben des Unternehmens rund 120 "
            "Haushalte. So soll verhindert werden, dass Wasser in Verteilerkästen und "
            "Hausanschlüsse eindringt.</p>"
            "<p>Geschäftsführerin Ulrike Pesch bat um Verständnis: Die Versorgung werde "
            "wiederhergestellt, sobald das Wasser abgeflossen sei und die Anlagen geprüft "
            "worden seien.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": True,
        "edited_body": (
            "<p>Die Stadtwerke Kelmsbrück haben in den geräumten Straßen von Niederau vorsorglich "
            "den Strom abgeschaltet. Betroffen sind nach Angaben des Unternehmens rund 210 "
            "Haushalte. So soll verhindert werden, dass Wasser in Verteilerkästen und "
            "Hausanschlüsse eindringt.</p>"
            "<p>Geschäftsführerin Ulrike Pesch bat um Verständnis: Die Versorgung werde "
            "wiederhergestellt, sobald das Wasser abgeflossen sei und die Anlagen geprüft "
            "worden seien.</p>"
            "<p><em>Korrektur: Die Stadtwerke haben die Zahl der betroffenen Haushalte "
            "nachträglich von 120 auf 210 korrigiert.</em></p>"
        ),
    },
    {
        "minutes_ago": 392,
        "author": "miriam.sommerfeld",
        "headline": "",
        "body": (
            "<p>Die Hilfsbereitschaft in Kelmsbrück ist groß: Dutzende Freiwillige haben sich am "
            "Wertstoffhof gemeldet, um Sandsäcke zu füllen. Die Stadt bittet, sich über die "
            '<a href="https://example.org/kelmsbrueck/freiwillige">Freiwilligenbörse</a> zu '
            "registrieren und nicht auf eigene Faust zum Deich zu fahren.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 378,
        "author": "jana.bergmeier",
        "headline": "Deich am Lindrahof unter Beobachtung",
        "body": (
            "<p>Sorgen bereitet den Einsatzkräften der Deich am Lindrahof. An zwei Stellen sickert "
            "Wasser durch, wie Stadtbrandinspektor Ballhausen bestätigte. Feuerwehrleute sichern "
            "die Stellen mit Sandsäcken und Folien.</p>"
            "<p>Der Deich werde rund um die Uhr kontrolliert, sagte Ballhausen. Eine akute Gefahr "
            "sehe er derzeit nicht, die Lage könne sich aber schnell ändern.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 365,
        "author": "tobias.reinwald",
        "headline": "",
        "body": (
            "<p>Der Regen hat in der vergangenen Stunde nachgelassen. Eine Entwarnung ist das aber "
            "nicht: Aus dem Oberlauf der Lindra fließt weiter viel Wasser nach. Der Pegel steigt "
            "nach Angaben des Krisenstabs langsamer, aber stetig.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 350,
        "author": "miriam.sommerfeld",
        "headline": "Auch Lindrahof wird geräumt",
        "body": (
            "<p>Der Krisenstab hat die Evakuierung auf den Stadtteil Lindrahof ausgeweitet. Grund "
            "sind die Sickerstellen am Deich, die sich nach Angaben der Feuerwehr vergrößert haben. "
            "Rund 350 weitere Menschen müssen ihre Wohnungen verlassen.</p>"
            "<p>„Wir wollen nicht abwarten, bis es zu spät ist“, sagte Krisenstabsleiter Henrik "
            "Falkenrath. Betroffen sind alle Häuser zwischen dem Deich und der Bahnlinie. Die "
            "Notunterkunft am Eichenring wird um eine zweite Halle erweitert.</p>"
        ),
        "key_event": True,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 338,
        "author": "jana.bergmeier",
        "headline": "So läuft die Räumung ab",
        "body": (
            "<p>Einsatzkräfte von Feuerwehr und Polizei klingeln in Lindrahof an jeder Tür. Wer "
            "öffnet, wird gebeten, die Wohnung zu verlassen. Wo niemand öffnet, wird die Adresse "
            "notiert, damit das Haus später noch einmal kontrolliert werden kann.</p>"
            "<p>Ältere und pflegebedürftige Menschen werden mit Krankentransporten abgeholt. Am "
            "Marktplatz und am Bahnübergang Lindrahof fahren Pendelbusse zur Notunterkunft ab.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 325,
        "author": "tobias.reinwald",
        "headline": "",
        "body": (
            "<p>Die Lindra hat an der Brückenmühle die Marke von <strong>4,05 Metern</strong> "
            "überschritten. Damit gilt nun Meldestufe vier.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 312,
        "author": "miriam.sommerfeld",
        "headline": "Unterstützung aus den Nachbargemeinden",
        "body": (
            "<p>Inzwischen sind auch Feuerwehren aus den umliegenden Gemeinden in Kelmsbrück "
            "eingetroffen. Nach Angaben des Krisenstabs sind derzeit rund 280 Einsatzkräfte im "
            "Stadtgebiet unterwegs, darunter Feuerwehrleute, Polizistinnen und Polizisten sowie "
            "Beschäftigte von Bauhof und Stadtwerken.</p>"
            "<p>Die Kräfte aus dem Umland pumpen vor allem Keller in der Altstadt leer, damit sich "
            "die Kelmsbrücker Feuerwehr auf den Deich konzentrieren kann.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 298,
        "author": "jana.bergmeier",
        "headline": "Pressekonferenz: „Die nächsten Stunden sind entscheidend“",
        "body": (
            "<p>Im Rathaus haben Bürgermeisterin Karin Wendtland, Krisenstabsleiter Henrik "
            "Falkenrath und Stadtbrandinspektor Jörg Ballhausen über die Lage informiert. Die "
            "wichtigsten Punkte:</p>"
            "<ul>"
            "<li>Insgesamt rund 950 Menschen aus Niederau und Lindrahof wurden aufgefordert, ihre "
            "Wohnungen zu verlassen.</li>"
            "<li>In der Notunterkunft am Eichenring sind derzeit etwa 410 Menschen "
            "untergebracht.</li>"
            "<li>Ein Feuerwehrmann wurde leicht verletzt, weitere Verletzte gibt es nicht.</li>"
            "<li>Den Höchststand der Lindra erwartet der Krisenstab in den kommenden drei bis vier "
            "Stunden.</li>"
            "</ul>"
            "<p>Wendtland dankte den Einsatzkräften und den vielen Freiwilligen:</p>"
            "<blockquote><p>„Was heute in Kelmsbrück geleistet wird, ist außergewöhnlich. Ich "
            "bitte alle Betroffenen um Geduld. Niemand soll früher in sein Haus zurückkehren, als "
            "es sicher ist – auch wenn das schwerfällt.“</p></blockquote>"
            "<p>Ballhausen sagte, der Deich am Lindrahof halte bislang. Man habe die Sickerstellen "
            "im Griff, könne für die Nacht aber nichts ausschließen. „Die nächsten Stunden sind "
            "entscheidend“, so der Feuerwehrchef. Über mögliche Hilfen für Betroffene will die "
            "Stadt informieren, sobald sich das Ausmaß der Schäden abschätzen lässt.</p>"
        ),
        "key_event": True,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 285,
        "author": "jana.bergmeier",
        "headline": "",
        "body": (
            "<p>Auf Nachfrage sagte Bürgermeisterin Wendtland, für eine Schätzung der Schäden sei "
            "es noch zu früh. Die Stadt bereite aber bereits eine unbürokratische Soforthilfe für "
            "besonders betroffene Haushalte vor. Einzelheiten sollen in den kommenden Tagen "
            "folgen.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 270,
        "author": "tobias.reinwald",
        "headline": "Keine Entwarnung am Deich",
        "body": (
            "<p>Am Deich am Lindrahof arbeiten die Einsatzkräfte weiter unter Hochdruck. Inzwischen "
            "wurde eine dritte Sickerstelle entdeckt und ebenfalls mit Sandsäcken gesichert. Ein "
            "Bagger des Bauhofs bringt zusätzliches Material auf die Deichkrone.</p>"
            "<p>Der Krisenstab betont, dass die geräumten Bereiche auf keinen Fall betreten werden "
            "dürfen – auch nicht, um kurz etwas aus der Wohnung zu holen.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 256,
        "author": "miriam.sommerfeld",
        "headline": "",
        "body": (
            "<p>Kurze Nachricht aus der Notunterkunft: Es gibt noch freie Plätze. Bäckereien und "
            "ein Gasthaus aus der Altstadt haben Brot, Kuchen und Suppe gespendet, die Verpflegung "
            "ist nach Angaben der Helfer gesichert.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 240,
        "author": "tobias.reinwald",
        "headline": "Lindra erreicht offenbar ihren Höchststand",
        "body": (
            "<p>Der Pegel der Lindra scheint seinen Höchststand erreicht zu haben. An der "
            "Brückenmühle wurden <strong>4,31 Meter</strong> gemessen, seit etwa einer halben "
            "Stunde verändert sich der Wert kaum noch.</p>"
            "<p>Krisenstabsleiter Falkenrath mahnte dennoch zur Vorsicht: Ein anhaltend hoher "
            "Wasserstand bedeute zusätzlichen Druck auf den ohnehin aufgeweichten Deich. Die "
            "Evakuierungen bleiben bestehen.</p>"
        ),
        "key_event": True,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 226,
        "author": "jana.bergmeier",
        "headline": "Vor Ort in der Brückengasse",
        "body": (
            "<p>In der Brückengasse steht das Wasser knietief. Die Fachwerkhäuser wirken verlassen, "
            "nur in einem Fenster brennt noch Licht. Ein Feuerwehrtrupp prüft, ob dort noch jemand "
            "ist – und stellt fest, dass eine Bewohnerin beim Verlassen lediglich vergessen hatte, "
            "das Licht auszuschalten.</p>"
            "<p>Am Rand der Absperrung stehen einige Anwohner und blicken schweigend auf ihre "
            "Straße. „Man kann jetzt nur warten“, sagt ein älterer Mann, der seit mehr als vierzig "
            "Jahren hier wohnt.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 212,
        "author": "miriam.sommerfeld",
        "headline": "Was Betroffene jetzt wissen sollten",
        "body": (
            "<p>Viele Leserinnen und Leser fragen, was sie tun können, sobald das Wasser "
            "zurückgeht. Stadt und Feuerwehr geben folgende Hinweise:</p>"
            "<ol>"
            "<li>Geräumte Bereiche erst betreten, wenn der Krisenstab sie freigegeben hat.</li>"
            "<li>Überflutete Keller nicht betreten, solange der Strom nicht sicher abgeschaltet "
            "ist.</li>"
            "<li>Schäden vor dem Aufräumen mit Fotos dokumentieren – das hilft bei der "
            "Versicherung.</li>"
            "<li>Durchnässte Lebensmittel entsorgen, auch wenn sie verpackt waren.</li>"
            "<li>Geruch nach Heizöl oder Chemikalien sofort der Feuerwehr melden.</li>"
            "</ol>"
            "<p>Ausführliche Informationen hat die Stadt in einem "
            '<a href="https://example.org/kelmsbrueck/nach-dem-hochwasser">Merkblatt</a> '
            "zusammengestellt.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 198,
        "author": "tobias.reinwald",
        "headline": "Trinkwasser weiterhin einwandfrei",
        "body": (
            "<p>Die Stadtwerke geben Entwarnung für das Trinkwasser: Die Versorgung in ganz "
            "Kelmsbrück sei gesichert, das Leitungswasser könne bedenkenlos getrunken werden. Die "
            "Brunnen des Wasserwerks liegen außerhalb des Überschwemmungsgebiets.</p>"
            "<p>Fragen beantwortet der Störungsdienst der Stadtwerke, der heute bis 20 Uhr "
            "erreichbar ist.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": True,
        "edited_body": (
            "<p>Die Stadtwerke geben Entwarnung für das Trinkwasser: Die Versorgung in ganz "
            "Kelmsbrück sei gesichert, das Leitungswasser könne bedenkenlos getrunken werden. Die "
            "Brunnen des Wasserwerks liegen außerhalb des Überschwemmungsgebiets.</p>"
            "<p>Fragen beantwortet der Störungsdienst der Stadtwerke, der heute bis 22 Uhr "
            "erreichbar ist.</p>"
            "<p><em>Aktualisiert: Die Stadtwerke haben die Erreichbarkeit ihres Störungsdienstes "
            "bis 22 Uhr verlängert.</em></p>"
        ),
    },
    {
        "minutes_ago": 184,
        "author": "jana.bergmeier",
        "headline": "",
        "body": (
            "<p>Erstmals seit dem Morgen sinkt der Pegel leicht: An der Brückenmühle werden "
            "<strong>4,24 Meter</strong> gemessen.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 170,
        "author": "miriam.sommerfeld",
        "headline": "Diese Straßen bleiben gesperrt",
        "body": (
            "<p>Trotz des leicht sinkenden Pegels bleiben zahlreiche Straßen gesperrt. Nach Angaben "
            "der Polizei gilt das unter anderem für:</p>"
            "<ul>"
            "<li>Uferstraße und Brückengasse</li>"
            "<li>Mühlenweg zwischen Marktplatz und Lindrabrücke</li>"
            "<li>Unterführung Gerberstraße</li>"
            "<li>Deichweg in Lindrahof</li>"
            "</ul>"
            "<p>Die Lindrabrücke ist nur für Einsatzfahrzeuge freigegeben.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 156,
        "author": "tobias.reinwald",
        "headline": "Bürgermeisterin besucht Notunterkunft",
        "body": (
            "<p>Bürgermeisterin Wendtland hat die Notunterkunft am Eichenring besucht und mit "
            "Bewohnerinnen und Bewohnern gesprochen. Viele wollten vor allem wissen, wann sie nach "
            "Hause dürfen. „Ich verstehe die Ungeduld“, sagte Wendtland. „Aber Sicherheit geht "
            "vor.“</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 140,
        "author": "jana.bergmeier",
        "headline": "Pegel sinkt – vorsichtige Entspannung",
        "body": (
            "<p>Die Lage in Kelmsbrück entspannt sich vorsichtig. Der Pegel der Lindra ist auf "
            "<strong>3,90 Meter</strong> gesunken und liegt damit wieder unter Meldestufe vier. "
            "Der Regen hat vollständig aufgehört.</p>"
            "<p>„Der Deich hat gehalten“, sagte Stadtbrandinspektor Ballhausen. Die Sickerstellen "
            "würden aber weiter beobachtet, bis der Wasserstand deutlich gesunken sei. Für eine "
            "Entwarnung sei es noch zu früh.</p>"
        ),
        "key_event": True,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 120,
        "author": "miriam.sommerfeld",
        "headline": "",
        "body": (
            "<p>Eine Rückkehr in die geräumten Straßen ist heute nicht mehr möglich. Der "
            "Krisenstab will morgen früh nach einer Begehung durch Feuerwehr und Statiker "
            "entscheiden, welche Bereiche freigegeben werden können.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 95,
        "author": "tobias.reinwald",
        "headline": "Stadt richtet Spendenkonto ein",
        "body": (
            "<p>Die Stadt Kelmsbrück hat gemeinsam mit dem örtlichen Bürgerverein ein "
            "Spendenkonto für die Betroffenen des Hochwassers eingerichtet. Alle Informationen "
            'dazu stehen auf der <a href="https://example.org/kelmsbrueck/spenden">Spendenseite '
            "der Stadt</a>.</p>"
            "<p>Sachspenden werden derzeit ausdrücklich nicht benötigt. Die Stadt bittet darum, "
            "keine Kleidung oder Möbel zur Notunterkunft zu bringen.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 62,
        "author": "jana.bergmeier",
        "headline": "Ausblick: Wie es morgen weitergeht",
        "body": (
            "<p>Nach einem langen Tag zeichnet sich in Kelmsbrück eine ruhigere Nacht ab. Der "
            "Wetterdienst erwartet bis morgen Mittag keinen nennenswerten Regen mehr. Die Lindra "
            "dürfte nach Einschätzung des Krisenstabs weiter langsam fallen.</p>"
            "<h3>Was für morgen geplant ist</h3>"
            "<ul>"
            "<li>Am frühen Morgen begehen Feuerwehr und Statiker die geräumten Straßen in Niederau "
            "und Lindrahof.</li>"
            "<li>Anschließend entscheidet der Krisenstab über eine schrittweise Rückkehr der "
            "Bewohnerinnen und Bewohner.</li>"
            "<li>Die Grundschule Niederau und die Kita Lindrahof bleiben auch morgen "
            "geschlossen.</li>"
            "<li>Die Stadtwerke wollen die Stromversorgung in Niederau nach und nach wieder "
            "einschalten.</li>"
            "</ul>"
            "<p>Wie hoch die Schäden sind, ist weiter offen. Besonders betroffen sind Keller und "
            "Erdgeschosse in der Uferstraße und der Brückengasse; auch mehrere Geschäfte in der "
            "Altstadt meldeten Wasser in ihren Räumen. Krisenstabsleiter Falkenrath rechnet damit, "
            "dass die Aufräumarbeiten mehrere Wochen dauern werden. Im Rathaus soll in den "
            "kommenden Tagen eine Beratungsstelle öffnen, an die sich Betroffene mit Fragen zu "
            "Soforthilfe, Versicherungen und der Entsorgung von Sperrmüll wenden können.</p>"
            "<p>Wir berichten auch morgen in diesem Newsblog über die weitere Entwicklung.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 30,
        "author": "miriam.sommerfeld",
        "headline": "",
        "body": (
            "<p>Ruhige Lage in der Notunterkunft: Die meisten Menschen haben sich schlafen gelegt, "
            "rund 380 Personen verbringen die Nacht in den beiden Hallen. Am Deich am Lindrahof "
            "hält die Feuerwehr bis zum Morgen eine Sitzwache.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 3,
        "author": "tobias.reinwald",
        "headline": "",
        "body": (
            "<p>Aktueller Pegelstand an der Brückenmühle: <strong>3,71 Meter</strong>, Tendenz "
            "weiter fallend.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
]

CLOSED_LIVEBLOG: dict = {
    "slug": "brueckenfest-in-kelmsbrueck",
    "title": "Newsblog: Das Brückenfest in Kelmsbrück",
    "teaser": (
        "Festumzug, Musik und Buden an der Lindra: Tausende Besucherinnen und Besucher feierten "
        "in der Altstadt das traditionelle Brückenfest. Wir haben den Festtag im Newsblog begleitet."
    ),
    "image_caption": "Symbolbild: Brückenfest in der Altstadt von Kelmsbrück (abstrakte Illustration)",
    "image_credit": "newsdesk-Demo (Illustration)",
    "image_alt": "Abstrakte Grafik mit bunten Kreisen und Bögen auf hellem Grund",
}

CLOSED_ENTRIES: list[dict] = [
    {
        "minutes_ago": 2990,
        "author": "jana.bergmeier",
        "headline": "Bürgermeisterin eröffnet das Brückenfest",
        "body": (
            "<p>Mit dem traditionellen Fassanstich auf dem Marktplatz hat Bürgermeisterin Karin "
            "Wendtland das Brückenfest eröffnet. Die Stadtkapelle spielte, bei trockenem Wetter "
            "füllte sich die Altstadt schnell.</p>"
            "<p>„Das Brückenfest gehört zu Kelmsbrück wie die Lindra selbst“, sagte Wendtland in "
            "ihrer kurzen Ansprache.</p>"
        ),
        "key_event": True,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 2880,
        "author": "tobias.reinwald",
        "headline": "Festumzug zieht durch die Altstadt",
        "body": (
            "<p>42 Gruppen haben am Festumzug teilgenommen: Vereine, Kindergärten, die Freiwillige "
            "Feuerwehr und eine Abordnung des Heimatvereins in historischen Gewändern. Der Zug "
            "führte vom Eichenring über den Mühlenweg bis zum Marktplatz. Nach Schätzung der "
            "Polizei säumten rund 4.000 Menschen die Straßen.</p>"
        ),
        "key_event": True,
        "pinned": False,
        "edited": True,
        "edited_body": (
            "<p>42 Gruppen haben am Festumzug teilgenommen: Vereine, Kindergärten, die Freiwillige "
            "Feuerwehr und eine Abordnung des Heimatvereins in historischen Gewändern. Der Zug "
            "führte vom Eichenring über den Mühlenweg bis zum Marktplatz. Nach Schätzung der "
            "Polizei säumten rund 6.000 Menschen die Straßen.</p>"
            "<p><em>Korrektur: Die Polizei hat ihre Schätzung der Zuschauerzahl nachträglich "
            "von 4.000 auf 6.000 erhöht.</em></p>"
        ),
    },
    {
        "minutes_ago": 2760,
        "author": "miriam.sommerfeld",
        "headline": "",
        "body": (
            "<p>Großer Andrang auch in der alten Brückenmühle: Der Heimatverein zeigt dort eine "
            "kleine Ausstellung zur Geschichte der Lindrabrücke, mit alten Plänen, Postkarten und "
            "einem Modell der ersten Holzbrücke. Die Ausstellung ist noch bis Ende des Monats "
            "geöffnet.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 2620,
        "author": "jana.bergmeier",
        "headline": "Konzert auf der Festwiese",
        "body": (
            "<p>Auf der Festwiese an der Lindra spielt inzwischen die Band „Die Lindrataler“. Vor "
            "der Bühne wird getanzt, an den Ständen bilden sich lange Schlangen. Die Veranstalter "
            "bitten, für den Heimweg den Pendelbus ab dem Marktplatz zu nutzen.</p>"
        ),
        "key_event": False,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
    {
        "minutes_ago": 2510,
        "author": "tobias.reinwald",
        "headline": "Friedliche Bilanz zum Abschluss",
        "body": (
            "<p>Das Brückenfest ist zu Ende gegangen. Polizei und Veranstalter sprechen von einem "
            "friedlichen Fest ohne größere Zwischenfälle. Der Sanitätsdienst versorgte vor allem "
            "kleinere Schnittwunden und Kreislaufprobleme.</p>"
            "<p>Damit beenden wir diesen Newsblog. Vielen Dank fürs Mitlesen!</p>"
        ),
        "key_event": True,
        "pinned": False,
        "edited": False,
        "edited_body": None,
    },
]
