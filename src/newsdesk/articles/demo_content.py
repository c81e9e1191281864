"""Fictional demo articles (invented town, people and events), in the world of the newsblog demo.

Kelmsbrück, the river Lindra, Niederau, Lindrahof and every person, street and institution named here are
made up. Any resemblance to real places, people or events is coincidental.
"""

TOPICS: list[dict] = [
    {"slug": "hochwasser", "name": "Hochwasser an der Lindra",
     "description": "Die Flut in Kelmsbrück, der Wiederaufbau und die Frage, wie sich die Stadt künftig schützt."},
    {"slug": "stadt-und-politik", "name": "Stadt & Politik",
     "description": "Stadtrat, Verwaltung und alles, was in Kelmsbrück entschieden wird."},
    {"slug": "kultur", "name": "Kultur & Freizeit",
     "description": "Theater, Musik, Feste und Ausflüge rund um Kelmsbrück."},
]

AUTHORS: list[dict] = [
    {"slug": "jana-bergmeier", "username": "jana.bergmeier", "name": "Jana Bergmeier", "role": "Lokalredaktion",
     "bio": "Jana Bergmeier berichtet seit acht Jahren aus Kelmsbrück und dem Lindratal, am liebsten über "
            "Stadtpolitik, Verkehr und alles, was Menschen im Alltag betrifft. Sie wohnt in der Altstadt und "
            "fährt jeden Tag mit dem Rad über die Lindrabrücke.", "seed": 11, "hue": (176, 120, 92)},
    {"slug": "tobias-reinwald", "username": "tobias.reinwald", "name": "Tobias Reinwald",
     "role": "Reporter, Kultur und Umwelt",
     "bio": "Tobias Reinwald schreibt über Kultur, Umwelt und die Natur im Lindratal. Vor seiner Zeit in der "
            "Redaktion hat er Geografie studiert; bei Hochwasser ist er meist als Erster am Pegel.",
     "seed": 23, "hue": (92, 128, 150)},
]

# hours_ago: age of the article; top: position among the top stories (None: not a top story).
ARTICLES: list[dict] = [
    {
        "slug": "nach-der-flut-wie-kelmsbrueck-aufraeumt",
        "kicker": "Hochwasser", "dateline": "KELMSBRÜCK",
        "headline": "Nach der Flut: Wie Kelmsbrück aufräumt",
        "teaser": "Die Lindra ist in ihr Bett zurückgekehrt, in Niederau beginnt die Arbeit: Keller werden "
                  "ausgepumpt, Möbel landen auf der Straße. Ein Besuch bei Menschen, die nicht aufgeben.",
        "topics": ["hochwasser"], "authors": ["jana-bergmeier"], "hours_ago": 3, "top": 1, "seed": 101,
        "image_alt": "Abstrakte Illustration: dunkle Wellen vor einer Reihe niedriger Hausdächer",
        "image_caption": "Niederau am Morgen nach dem Höchststand (Illustration)",
        "body": """<p>Der Geruch ist das Erste, was auffällt: nasser Putz, Schlamm, Heizöl. In der Brückengasse stehen
Sofas, Teppiche und aufgequollene Schrankwände am Straßenrand, daneben arbeiten Pumpen, deren Schläuche bis auf den
Gehweg reichen. „Wir sind froh, dass niemand verletzt wurde“, sagt Anwohnerin Helga Strunz, während sie Fotoalben
zum Trocknen auf eine Wäscheleine hängt. „Alles andere lässt sich ersetzen. Fast alles.“</p>
<h2>Hilfe aus der Nachbarschaft</h2>
<p>Seit dem Wochenende kommen jeden Morgen Freiwillige in die Sporthalle am Lindrahof. Dort verteilt der Krisenstab
Schaufeln, Handschuhe und Gummistiefel. Viele Helfer stammen aus den Nachbargemeinden, einige haben sich über eine
Chatgruppe verabredet, die eine Schülerin der Gesamtschule gegründet hat.</p>
<blockquote><p>Wir haben nicht lange überlegt. Wenn bei uns das Wasser gestanden hätte, wären die auch
gekommen.</p></blockquote>
<p>Die Stadt bittet, Sperrmüll aus Flutschäden getrennt an die Straße zu stellen. Die Abfuhr fährt die betroffenen
Straßen bis Freitag täglich an.</p>
<h2>Was Betroffene jetzt tun sollten</h2>
<ul><li>Schäden fotografieren, bevor aufgeräumt wird.</li><li>Elektrische Geräte erst nach einer Prüfung wieder
einschalten.</li><li>Die Beratungsstelle im Rathaus hilft bei Anträgen auf Soforthilfe.</li></ul>""",
    },
    {
        "slug": "stadtrat-beschliesst-soforthilfe",
        "kicker": "Stadtrat", "dateline": "KELMSBRÜCK",
        "headline": "Stadtrat beschließt Soforthilfe für Flutopfer",
        "teaser": "Einstimmig hat der Stadtrat 1,2 Millionen Euro für Haushalte und Betriebe bewilligt, die vom "
                  "Hochwasser getroffen wurden. Die ersten Auszahlungen sollen noch in diesem Monat kommen.",
        "topics": ["hochwasser", "stadt-und-politik"], "authors": ["jana-bergmeier"], "hours_ago": 9, "top": 2,
        "seed": 102, "image_alt": "Abstrakte Illustration in Grau und Blau mit ruhigen, waagrechten Flächen",
        "image_caption": "Der Ratssaal im Alten Zollhaus (Illustration)",
        "body": """<p>Es war die kürzeste Debatte des Jahres: Nach nicht einmal vierzig Minuten hob der Stadtrat am
Dienstagabend geschlossen die Hand. Bürgermeisterin Ilka Morhardt sprach von einem „Zeichen, dass diese Stadt
zusammensteht“.</p>
<h2>Wer Geld bekommt</h2>
<p>Private Haushalte erhalten bis zu 2.500 Euro, wenn ihre Wohnung unbewohnbar geworden ist; Betriebe bis zu
10.000 Euro. Vereine, deren Vereinsheime beschädigt wurden, können ebenfalls Anträge stellen. Die Anträge gibt es
im Rathaus und auf der Internetseite der Stadt.</p>
<p>Kämmerer Falk Ostendorp räumte ein, dass das Geld aus Rücklagen stammt, die eigentlich für die Sanierung des
Hallenbads gedacht waren. „Das Bad wartet ein Jahr länger. Die Menschen in Niederau können nicht warten.“</p>
<h2>Kritik an der Warnung</h2>
<p>Einzelne Ratsmitglieder forderten, die Warnkette aufzuarbeiten. Mehrere Anwohner hatten berichtet, die Sirenen
in Niederau nicht gehört zu haben. Die Verwaltung soll bis zum Frühjahr einen Bericht vorlegen.</p>""",
    },
    {
        "slug": "deich-am-lindrahof-wird-erhoeht",
        "kicker": "Hochwasserschutz", "dateline": "KELMSBRÜCK",
        "headline": "Deich am Lindrahof soll um einen Meter wachsen",
        "teaser": "Das Wasserwirtschaftsamt legt Pläne für einen höheren Deich vor. Anwohner begrüßen das, "
                  "Naturschützer fordern mehr Raum für den Fluss.",
        "topics": ["hochwasser", "stadt-und-politik"], "authors": ["tobias-reinwald"], "hours_ago": 20,
        "top": 3, "seed": 103, "image_alt": "Abstrakte Illustration mit geschwungenen grünen und blauen Bändern",
        "image_caption": "Der Deich am Lindrahof (Illustration)",
        "body": """<p>Der Deich am Lindrahof hat gehalten, knapp. Nun soll er um rund einen Meter erhöht und auf
1,4 Kilometern Länge verbreitert werden. Das hat das Wasserwirtschaftsamt bei einer Bürgerversammlung vorgestellt.
Baubeginn könnte in zwei Jahren sein.</p>
<p>Ingenieurin Ruth Pfeilsticker erklärte, warum eine Erhöhung allein nicht reicht: „Wir brauchen auch Flächen, auf
denen sich die Lindra ausbreiten kann, bevor sie die Stadt erreicht.“ Im Gespräch sind Wiesen oberhalb von
Kelmsbrück, die bei Hochwasser gezielt geflutet werden könnten.</p>
<h2>Naturschutz am Tisch</h2>
<p>Der Naturschutzverein Lindratal begrüßt die Überflutungsflächen ausdrücklich. „Ein Fluss, der Platz hat, ist der
beste Hochwasserschutz“, sagt Vorsitzender Konrad Heller. Landwirte sorgen sich dagegen um Entschädigungen.</p>
<ol><li>Planfeststellung: voraussichtlich bis Ende nächsten Jahres</li><li>Bau des Deichs: etwa zwei Jahre</li>
<li>Überflutungsflächen: Verhandlungen mit den Eigentümern laufen</li></ol>""",
    },
    {
        "slug": "pegel-lindra-was-die-meldestufen-bedeuten",
        "kicker": "Erklärt", "dateline": "",
        "headline": "Was die Meldestufen am Lindra-Pegel bedeuten",
        "teaser": "Meldestufe drei, Meldestufe vier: Während der Flut waren die Begriffe überall. Was steckt "
                  "dahinter, und was sollte man bei welcher Stufe tun?",
        "topics": ["hochwasser"], "authors": ["tobias-reinwald"], "hours_ago": 30, "top": None, "seed": 104,
        "image_alt": "Abstrakte Illustration: gestaffelte blaue Wellen vor hellem Himmel",
        "image_caption": "Der Pegel an der Lindrabrücke (Illustration)",
        "body": """<p>Am Pegel an der Lindrabrücke wird der Wasserstand alle fünfzehn Minuten gemessen. Überschreitet
er bestimmte Marken, gilt eine Meldestufe. Sie sagt, welche Gefahr droht, und wer handeln muss.</p>
<h2>Die vier Stufen im Überblick</h2>
<ul><li><strong>Meldestufe 1</strong>: Das Wasser tritt stellenweise über die Ufer, Wiesen werden überflutet.</li>
<li><strong>Meldestufe 2</strong>: Straßen und einzelne Keller in Ufernähe können betroffen sein.</li>
<li><strong>Meldestufe 3</strong>: Bebaute Gebiete werden überflutet, Sperrungen und erste Räumungen sind
möglich.</li><li><strong>Meldestufe 4</strong>: Größere Teile der Stadt sind bedroht, der Katastrophenfall kann
ausgerufen werden.</li></ul>
<p>Wer in Ufernähe wohnt, sollte schon bei Stufe zwei Wertsachen aus dem Keller holen und das Auto umparken. Die
aktuellen Werte zeigt die Stadt auf ihrer Internetseite.</p>""",
    },
    {
        "slug": "neue-buslinie-verbindet-niederau",
        "kicker": "Verkehr", "dateline": "KELMSBRÜCK",
        "headline": "Neue Buslinie verbindet Niederau mit dem Bahnhof",
        "teaser": "Ab Dezember fährt die Linie 7 alle zwanzig Minuten vom Lindrahof über die Altstadt zum "
                  "Bahnhof. Der Stadtrat erhofft sich weniger Autos auf der Uferstraße.",
        "topics": ["stadt-und-politik"], "authors": ["jana-bergmeier"], "hours_ago": 44, "top": None, "seed": 105,
        "image_alt": "Abstrakte Illustration mit warmen Farbflächen und einer Reihe kleiner Dächer",
        "image_caption": "Die Uferstraße am Abend (Illustration)",
        "body": """<p>Lange haben die Menschen in Niederau darauf gewartet: Vom 1. Dezember an verbindet die neue
Buslinie 7 den Stadtteil mit der Altstadt und dem Bahnhof. Die Busse fahren werktags alle zwanzig Minuten, abends
und am Wochenende im Stundentakt.</p>
<p>„Wer in Niederau wohnt und kein Auto hat, war bisher abgehängt“, sagt Ortsvorsteher Emil Brandauer. Besonders
ältere Menschen hätten sich die Verbindung gewünscht.</p>
<h2>Fahrplan und Preise</h2>
<p>Die Fahrt kostet im Stadtgebiet 2,10 Euro; wer ein Deutschlandticket hat, fährt ohne Aufpreis. Die Linie wird
zunächst für zwei Jahre erprobt. Danach entscheidet der Stadtrat anhand der Fahrgastzahlen, ob sie bleibt.</p>""",
    },
    {
        "slug": "haushalt-2027-streit-um-das-hallenbad",
        "kicker": "Haushalt", "dateline": "KELMSBRÜCK",
        "headline": "Haushalt 2027: Streit um das Hallenbad",
        "teaser": "Die Soforthilfe für Flutopfer verschiebt die Sanierung des Hallenbads. Schwimmvereine und "
                  "Schulen warnen vor den Folgen; die Kämmerei sieht keinen Spielraum.",
        "topics": ["stadt-und-politik"], "authors": ["jana-bergmeier", "tobias-reinwald"], "hours_ago": 70,
        "top": None, "seed": 106, "image_alt": "Abstrakte Illustration in kühlen Türkistönen",
        "image_caption": "Das Hallenbad an der Kastanienallee (Illustration)",
        "body": """<p>Das Hallenbad an der Kastanienallee ist fast fünfzig Jahre alt, und man sieht es ihm an. Die
Sanierung war für das kommende Jahr fest eingeplant. Nun fehlt das Geld, weil die Stadt ihre Rücklagen für die
Soforthilfe nach dem Hochwasser braucht.</p>
<p>Der Schwimmverein Kelmsbrück 1921 schlägt Alarm. „Wenn die Technik ausfällt, ist das Bad zu, und dann lernen
Kinder hier nicht mehr schwimmen“, sagt Trainerin Wiebke Solmsen. Drei Grundschulen nutzen das Bad für den
Schwimmunterricht.</p>
<h2>Suche nach Fördergeld</h2>
<p>Die Verwaltung will prüfen, ob ein Förderprogramm des Landes einen Teil der Kosten übernimmt. Eine Entscheidung
soll im Februar fallen. Bis dahin wird nur repariert, was für den Betrieb unbedingt nötig ist.</p>""",
    },
    {
        "slug": "buergermeisterin-morhardt-im-interview",
        "kicker": "Interview", "dateline": "KELMSBRÜCK",
        "headline": "„Wir müssen lernen, mit dem Fluss zu leben“",
        "teaser": "Bürgermeisterin Ilka Morhardt über die Tage der Flut, Fehler bei der Warnung und warum sie "
                  "Überflutungsflächen für wichtiger hält als höhere Mauern.",
        "topics": ["stadt-und-politik", "hochwasser"], "authors": ["jana-bergmeier"], "hours_ago": 96,
        "top": 4, "seed": 107, "image_alt": "Abstrakte Illustration mit weichen, ineinanderlaufenden Blautönen",
        "image_caption": "Blick vom Rathaus auf die Lindra (Illustration)",
        "body": """<p><strong>Frau Morhardt, wie haben Sie die Nacht des Höchststands erlebt?</strong></p>
<p>Im Krisenstab, mit sehr wenig Schlaf. Wir haben stündlich die Pegelwerte bekommen und immer wieder neu
entschieden, welche Straßen geräumt werden. Das war die längste Nacht meiner Amtszeit.</p>
<p><strong>Viele Menschen in Niederau sagen, sie hätten die Sirenen nicht gehört.</strong></p>
<p>Das nehme ich sehr ernst. Wir lassen jede Sirene prüfen und wollen zusätzlich auf Warnungen per Handy setzen.
Niemand soll sich allein auf einen Weg verlassen müssen.</p>
<p><strong>Was muss sich langfristig ändern?</strong></p>
<p>Wir müssen lernen, mit dem Fluss zu leben, statt nur gegen ihn zu bauen. Ein höherer Deich hilft, aber die
Lindra braucht Wiesen, auf denen sie sich ausbreiten darf. Das wird Verhandlungen kosten, und es lohnt sich.</p>""",
    },
    {
        "slug": "brueckenfest-bilanz",
        "kicker": "Brückenfest", "dateline": "KELMSBRÜCK",
        "headline": "Brückenfest: 18.000 Gäste und ein Spendenrekord",
        "teaser": "Drei Tage Musik, Umzug und Feuerwerk über der Lindra: Das Brückenfest war so gut besucht wie "
                  "nie. Ein Teil der Einnahmen geht an die Flutopfer in Niederau.",
        "topics": ["kultur"], "authors": ["tobias-reinwald"], "hours_ago": 120, "top": None, "seed": 108,
        "palette": ((120, 40, 60), (190, 90, 70), (235, 170, 110), (250, 226, 190)),
        "image_alt": "Abstrakte Illustration in warmen Rot- und Orangetönen über einer Häuserreihe",
        "image_caption": "Feuerwerk über der Lindrabrücke (Illustration)",
        "body": """<p>Das Brückenfest hat alle Erwartungen übertroffen: Nach Angaben des Festvereins kamen an drei
Tagen rund 18.000 Menschen in die Altstadt, so viele wie nie zuvor. Die Polizei sprach von einem friedlichen Fest
ohne nennenswerte Zwischenfälle.</p>
<p>Besonders voll war es beim Festumzug am Samstag, an dem sich 34 Vereine beteiligten. Höhepunkt war wie jedes Jahr
das Feuerwerk über der Lindrabrücke.</p>
<h2>Spenden für Niederau</h2>
<p>Erstmals sammelte der Festverein an allen Ständen für einen guten Zweck. Zusammengekommen sind 23.400 Euro, die
vollständig an die Flutopfer in Niederau gehen. „Das zeigt, was diese Stadt ausmacht“, sagte Vereinsvorsitzende
Petra Kaltenbach.</p>""",
    },
    {
        "slug": "stadttheater-spielt-die-lindra-saga",
        "kicker": "Theater", "dateline": "KELMSBRÜCK",
        "headline": "Stadttheater bringt die Lindra-Saga auf die Bühne",
        "teaser": "Ein Stück über die Sage vom Fährmann, der den Fluss überlisten wollte: Das Stadttheater "
                  "wagt zur Spielzeiteröffnung ein Heimatstück, und es gelingt.",
        "topics": ["kultur"], "authors": ["tobias-reinwald"], "hours_ago": 150, "top": None, "seed": 109,
        "palette": ((40, 30, 60), (90, 70, 120), (170, 150, 190), (226, 220, 236)),
        "image_alt": "Abstrakte Illustration in Violett- und Lilatönen",
        "image_caption": "Die Bühne des Stadttheaters (Illustration)",
        "body": """<p>Jedes Kind in Kelmsbrück kennt die Sage vom Fährmann Jost, der die Lindra mit einer Kette
zähmen wollte und dafür sein Boot verlor. Regisseurin Amelie Vonderau hat daraus einen Theaterabend gemacht, der
komisch und traurig zugleich ist.</p>
<p>Die Bühne ist fast leer: ein Steg, ein Seil, viel Licht. Das Wasser entsteht allein aus Projektionen und dem
Rauschen, das die Musiker live erzeugen. Der Schauspieler Bastian Krull spielt den Fährmann mit großer Wucht und
leisen Zwischentönen.</p>
<blockquote><p>Der Fluss gehört niemandem. Er leiht uns nur sein Ufer.</p></blockquote>
<p>Dass das Stück wenige Wochen nach dem Hochwasser Premiere feiert, war nicht geplant. Das Publikum dankte mit
minutenlangem Applaus. Weitere Vorstellungen gibt es an den kommenden vier Wochenenden.</p>""",
    },
    {
        "slug": "wandern-im-lindratal-drei-touren",
        "kicker": "Ausflug", "dateline": "",
        "headline": "Herbst im Lindratal: drei Wanderungen für einen freien Tag",
        "teaser": "Vom Auwald bis zum Aussichtsturm am Kelmsberg: drei Touren zwischen sieben und vierzehn "
                  "Kilometern, mit Einkehr und ohne Auto erreichbar.",
        "topics": ["kultur"], "authors": ["tobias-reinwald"], "hours_ago": 190, "top": None, "seed": 110,
        "palette": ((60, 70, 30), (120, 130, 60), (200, 170, 90), (236, 226, 200)),
        "image_alt": "Abstrakte Illustration mit Hügeln in Grün-, Gelb- und Ockertönen",
        "image_caption": "Herbstfarben am Kelmsberg (Illustration)",
        "body": """<p>Wenn das Laub sich färbt, ist das Lindratal am schönsten. Wir haben drei Touren ausgesucht,
die vom Bahnhof Kelmsbrück aus zu Fuß oder mit dem Bus erreichbar sind.</p>
<h2>1. Auwaldrunde (7 km)</h2>
<p>Flach und auch mit Kindern gut zu schaffen: vom Lindrahof flussaufwärts durch den Auwald und über die
Holzbrücke zurück. Nach dem Hochwasser sind einige Wege noch schlammig, feste Schuhe sind Pflicht.</p>
<h2>2. Zum Kelmsberg-Turm (11 km)</h2>
<p>Der Aufstieg ist steil, die Aussicht entschädigt: Bei klarem Wetter sieht man bis zu den Höhen jenseits des
Tals. Einkehr im Waldgasthaus am Turm, montags geschlossen.</p>
<h2>3. Mühlenweg (14 km)</h2>
<p>Die längste Tour führt an vier alten Mühlen vorbei. Zurück geht es mit der Linie 7 ab Niederau.</p>""",
    },
    {
        "slug": "stadtbibliothek-verlaengert-oeffnungszeiten",
        "kicker": "Bildung", "dateline": "KELMSBRÜCK",
        "headline": "Stadtbibliothek öffnet künftig auch sonntags",
        "teaser": "Mit einem Selbstverbuchungssystem kann die Stadtbibliothek ihre Türen am Sonntagnachmittag "
                  "öffnen. Der Lesesaal wird zum Treffpunkt für Schüler und Familien.",
        "topics": ["kultur", "stadt-und-politik"], "authors": ["jana-bergmeier"], "hours_ago": 230, "top": None,
        "seed": 111, "image_alt": "Abstrakte Illustration in ruhigen Sand- und Grautönen",
        "image_caption": "Der Lesesaal der Stadtbibliothek (Illustration)",
        "body": """<p>Ab Januar hat die Stadtbibliothek am Marktplatz auch sonntags von 13 bis 18 Uhr geöffnet.
Möglich macht das ein Selbstverbuchungssystem: Wer einen Ausweis hat, leiht Bücher und Spiele an Automaten aus.</p>
<p>Bibliotheksleiterin Sanne Oltmanns will den Lesesaal zu einem Ort machen, an dem man sich trifft, ohne etwas
kaufen zu müssen. „Am Sonntag haben Familien Zeit, und Schülerinnen brauchen einen ruhigen Platz zum Lernen.“</p>
<p>Sonntags ist eine Mitarbeiterin als Ansprechpartnerin vor Ort. Die Kosten trägt zu einem Teil ein
Förderverein.</p>""",
    },
    {
        "slug": "jugendorchester-gewinnt-landeswettbewerb",
        "kicker": "Musik", "dateline": "KELMSBRÜCK",
        "headline": "Jugendorchester Lindratal gewinnt Landeswettbewerb",
        "teaser": "42 junge Musikerinnen und Musiker, ein gewagtes Programm und ein erster Preis: Das "
                  "Jugendorchester Lindratal hat sich gegen Ensembles aus großen Städten durchgesetzt.",
        "topics": ["kultur"], "authors": ["tobias-reinwald", "jana-bergmeier"], "hours_ago": 280, "top": None,
        "seed": 112, "palette": ((20, 60, 60), (40, 110, 110), (120, 180, 170), (210, 232, 226)),
        "image_alt": "Abstrakte Illustration in Grün- und Türkistönen",
        "image_caption": "Probe in der Aula der Gesamtschule (Illustration)",
        "body": """<p>Als die Jury den ersten Preis verkündete, sprangen 42 Jugendliche gleichzeitig auf. Das
Jugendorchester Lindratal hat den Landeswettbewerb der Schulorchester gewonnen, mit einem Programm, das sich
kaum ein Ensemble dieses Alters zutraut.</p>
<p>Dirigent Malte Feyerabend probt seit einem Jahr zweimal in der Woche mit dem Orchester. „Diese Jugendlichen
haben während der Flut Sandsäcke geschleppt und am nächsten Tag wieder geprobt“, sagt er. „Der Preis gehört
ihnen.“</p>
<p>Das Preisgeld von 3.000 Euro fließt in neue Notenständer und eine Konzertreise im Sommer. Ein Heimkonzert gibt es
am zweiten Adventssonntag in der Stadtkirche.</p>""",
    },
]
