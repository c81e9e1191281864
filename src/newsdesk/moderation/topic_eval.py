"""Evaluation of the off-topic signal on a small hand-written, entirely fictional set.

Protocol (printed by ``newsdesk moderation evaluate --topic`` and ``bench/moderation.py``):

1. ``labelled``: eight short fictional articles (invented towns, people and events, written for this package)
   each come with on-topic comments and off-topic comments (general political rants, spam, remarks about other
   events). Every comment is scored against its own article; the ROC AUC says how well the off-topic score
   ranks the off-topic comments above the on-topic ones.
2. ``swapped``: every *on-topic* comment is scored once against its own article (label: on topic) and once
   against each of the seven other articles (label: off topic). This measures the same ranking on
   7× more pairs without any extra hand labelling.

Caveats, stated plainly: one person wrote the articles and the comments while knowing the method, the comments
are cleaner than real ones, and there are only 8 articles (~60 comments). Real comments that answer other
comments, quote the headline only, or praise the author ("Danke für den Artikel!") are harder. The figures are
a sanity check of the method, not a measurement of production quality.
"""

from __future__ import annotations

from dataclasses import dataclass

from sklearn.metrics import roc_auc_score

from newsdesk.moderation.topic import TOPIC_VERSION, relevance


@dataclass(frozen=True)
class Case:
    article: str
    on_topic: tuple[str, ...]
    off_topic: tuple[str, ...]


# All names, places and events below are invented.
CASES: tuple[Case, ...] = (
    Case(
        article=(
            "Radweg an der Lindenallee wird verbreitert. Der Stadtrat von Kleinwaldau hat am Dienstag beschlossen, "
            "den Radweg an der Lindenallee auf drei Meter zu verbreitern. Dafür fallen 40 Parkplätze weg. "
            "Anwohnerinnen kritisieren den Verlust der Stellplätze, der Fahrradclub begrüßt die Entscheidung. "
            "Die Bauarbeiten sollen im Frühjahr beginnen und rund 1,2 Millionen Euro kosten."
        ),
        on_topic=(
            "Endlich wird der Radweg breiter, mit dem Fahrrad war die Lindenallee bisher lebensgefährlich.",
            "40 Parkplätze weniger – wo sollen die Anwohner denn künftig parken?",
            "1,2 Millionen Euro für drei Meter Radweg finde ich ziemlich teuer.",
            "Hoffentlich sind die Bauarbeiten vor dem Sommer fertig, sonst staut sich alles.",
            "Als Radfahrerin freue ich mich über die Entscheidung des Stadtrats.",
        ),
        off_topic=(
            "Die da oben machen doch eh, was sie wollen. Nächstes Jahr wähle ich gar nicht mehr.",
            "Schaut euch mein neues Video über Kryptowährungen an, Link im Profil!",
            "Wann berichtet ihr endlich über das Fußballspiel am Samstag?",
        ),
    ),
    Case(
        article=(
            "Hitzewelle: Freibad Sonnenwiese verlängert Öffnungszeiten. Wegen der anhaltenden Hitze öffnet das "
            "Freibad Sonnenwiese bis Ende August täglich schon um sieben Uhr und schließt erst um 21 Uhr. "
            "Die Bademeister warnen vor Sonnenbrand und bitten Gäste, ausreichend Wasser zu trinken. "
            "Für Familien gibt es eine ermäßigte Abendkarte."
        ),
        on_topic=(
            "Super, dass das Freibad morgens früher aufmacht, dann kann ich vor der Arbeit schwimmen.",
            "Gilt die Abendkarte auch für Rentner oder nur für Familien?",
            "Bei der Hitze ist das Schwimmbecken mittags sowieso völlig überfüllt.",
            "Danke an die Bademeister, die bei diesen Temperaturen den ganzen Tag in der Sonne stehen.",
            "Wasser trinken und Sonnencreme nicht vergessen, gerade bei Kindern.",
        ),
        off_topic=(
            "Die Regierung hat unser Land ruiniert, das sieht doch jeder.",
            "Gratis iPhone gewinnen!!! Jetzt hier klicken und Daten eingeben.",
            "Was ist eigentlich aus dem Prozess gegen den Bürgermeister geworden?",
        ),
    ),
    Case(
        article=(
            "Bäckerei Krume schließt nach 90 Jahren. Die Traditionsbäckerei Krume in der Mühlgasse schließt Ende "
            "des Monats. Inhaber Paul Krume findet keinen Nachfolger; außerdem seien Mehl und Energie zu teuer "
            "geworden. Stammkunden sammeln Unterschriften, damit das Geschäft als Café weitergeführt wird."
        ),
        on_topic=(
            "Schade um die Bäckerei, die Brötchen von Krume waren die besten in der Stadt.",
            "Die Energiepreise machen gerade vielen kleinen Betrieben zu schaffen, nicht nur Bäckern.",
            "Ich habe die Unterschriftenliste für das Café schon unterschrieben.",
            "Neunzig Jahre Familienbetrieb, und dann findet sich kein Nachfolger – traurig.",
            "Vielleicht übernimmt ja ein junger Bäckermeister die Backstube in der Mühlgasse.",
        ),
        off_topic=(
            "Alles Lügenpresse hier, ihr schreibt doch nur, was euch gesagt wird.",
            "Mein Nachbar lässt jeden Abend seinen Hund bellen, kann man da was machen?",
            "Verdiene 500 Euro am Tag von zu Hause aus, schreib mir eine Nachricht.",
        ),
    ),
    Case(
        article=(
            "Neue Buslinie verbindet Oberhain mit dem Bahnhof. Ab Montag fährt die Linie 14 alle 20 Minuten "
            "zwischen dem Ortsteil Oberhain und dem Hauptbahnhof. Die Verkehrsbetriebe setzen dafür zwei neue "
            "Elektrobusse ein. Am Wochenende gilt ein Stundentakt; Fahrkarten gibt es auch in der App."
        ),
        on_topic=(
            "Die Linie 14 hätte es schon vor Jahren gebraucht, ohne Auto kam man von Oberhain kaum weg.",
            "Alle 20 Minuten ist gut, aber am Wochenende nur stündlich ist zu wenig.",
            "Sind die Elektrobusse auch barrierefrei für Rollstuhlfahrer?",
            "Die App der Verkehrsbetriebe stürzt bei mir ständig ab, hoffentlich klappt das mit den Fahrkarten.",
            "Endlich eine direkte Verbindung zum Hauptbahnhof, dann lasse ich das Auto stehen.",
        ),
        off_topic=(
            "Warum schreibt niemand über die steigenden Mieten in der Innenstadt?",
            "Das ist alles nur Ablenkung, die wahren Probleme werden verschwiegen!",
            "Wer hat Lust auf ein Treffen am Samstag? Schreibt mir privat.",
        ),
    ),
    Case(
        article=(
            "Stadtbibliothek startet Leseprogramm für Grundschüler. Die Stadtbibliothek Kleinwaldau lädt "
            "Grundschulkinder ab Oktober jeden Mittwoch zum Vorlesen ein. Ehrenamtliche Lesepatinnen lesen "
            "Bilderbücher vor, anschließend dürfen die Kinder selbst Geschichten schreiben. Die Teilnahme "
            "ist kostenlos, eine Anmeldung ist nicht nötig."
        ),
        on_topic=(
            "Toll, dass die Bibliothek so etwas anbietet, meine Tochter liebt Bilderbücher.",
            "Werden noch Lesepaten gesucht? Ich hätte mittwochs Zeit zum Vorlesen.",
            "Kinder, die früh lesen, haben es später in der Schule leichter.",
            "Kostenlos und ohne Anmeldung, so muss ein Angebot für Grundschüler aussehen.",
            "Eigene Geschichten schreiben lassen ist eine schöne Idee für die Kinder.",
        ),
        off_topic=(
            "Die Benzinpreise sind schon wieder gestiegen, unglaublich.",
            "Bester Kredit ohne Schufa, sofortige Auszahlung, Kontakt per WhatsApp.",
            "Wer hat gestern das Spiel gesehen? Der Schiedsrichter war eine Katastrophe.",
        ),
    ),
    Case(
        article=(
            "Hochwasserschutz: Deich am Erlenbach wird erhöht. Nach dem Hochwasser im vergangenen Winter lässt "
            "der Landkreis den Deich am Erlenbach auf zwei Kilometern um einen halben Meter erhöhen. Während der "
            "Bauarbeiten ist der Uferweg gesperrt. Landwirte erhalten eine Entschädigung für Flächen, die für "
            "ein Rückhaltebecken gebraucht werden."
        ),
        on_topic=(
            "Nach dem Hochwasser letzten Winter war der Keller voller Wasser, der Deich war überfällig.",
            "Wie lange bleibt der Uferweg gesperrt? Ich gehe dort täglich mit dem Hund spazieren.",
            "Ein halber Meter mehr am Deich reicht hoffentlich beim nächsten Hochwasser.",
            "Die Entschädigung für die Landwirte sollte fair sein, die verlieren wertvolle Flächen.",
            "Ein Rückhaltebecken am Erlenbach bringt mehr als nur höhere Deiche.",
        ),
        off_topic=(
            "Die Politiker sind alle gleich, keiner kümmert sich um die kleinen Leute.",
            "Abnehmen ohne Sport: Mit diesem einen Trick verlieren Sie zehn Kilo!",
            "Kann mir jemand einen guten Zahnarzt in der Gegend empfehlen?",
        ),
    ),
    Case(
        article=(
            "Kulturfest auf dem Marktplatz lockt tausende Besucher. Drei Tage lang haben Musikgruppen, "
            "Theatervereine und Künstlerinnen auf dem Marktplatz von Kleinwaldau gespielt. Die Veranstalter "
            "zählten rund 12.000 Gäste. Anwohner beschwerten sich über Lärm nach Mitternacht; die Stadt "
            "will die Sperrstunde im nächsten Jahr früher ansetzen."
        ),
        on_topic=(
            "Das Kulturfest war großartig, besonders die Theatergruppe am Samstagabend.",
            "Als Anwohner auf dem Marktplatz konnte ich drei Nächte kaum schlafen, der Lärm war zu viel.",
            "Eine frühere Sperrstunde fände ich schade, die Musik nach Mitternacht war das Beste.",
            "12.000 Besucher zeigen, wie sehr die Stadt solche Feste braucht.",
            "Danke an die Veranstalter und die vielen Künstlerinnen und Musiker.",
        ),
        off_topic=(
            "Die Müllabfuhr kommt bei uns seit Wochen unregelmäßig, wer ist dafür zuständig?",
            "Diese ganzen Ausländer sind das Problem in diesem Land.",
            "Jetzt Followers kaufen, 1000 Stück für nur 5 Euro!",
        ),
    ),
    Case(
        article=(
            "Krankenhaus eröffnet neue Notaufnahme. Das Kreiskrankenhaus Waldau hat seine neue Notaufnahme in "
            "Betrieb genommen. Sie bietet doppelt so viele Behandlungsplätze wie bisher; die Wartezeiten sollen "
            "deutlich sinken. Der Bau kostete 18 Millionen Euro, das Land übernahm zwei Drittel. "
            "Pflegekräfte werden weiterhin dringend gesucht."
        ),
        on_topic=(
            "Sechs Stunden habe ich letztes Jahr in der alten Notaufnahme gewartet, hoffentlich wird das besser.",
            "Mehr Behandlungsplätze helfen wenig, wenn die Pflegekräfte fehlen.",
            "18 Millionen Euro für die Notaufnahme sind gut investiertes Geld.",
            "Respekt an das Personal im Krankenhaus, die arbeiten am Limit.",
            "Gut, dass das Land zwei Drittel der Kosten übernimmt, der Landkreis hätte das allein nicht geschafft.",
        ),
        off_topic=(
            "Im Winter wird wieder kein Schnee geräumt, wetten?",
            "Die Medien verschweigen doch sowieso die Wahrheit.",
            "Hat jemand Interesse an einem gebrauchten Kinderwagen? Preis verhandelbar.",
        ),
    ),
)


@dataclass(frozen=True)
class TopicEvaluation:
    labelled_auc: float
    labelled_pairs: tuple[int, int]  # (on-topic, off-topic) comments
    swapped_auc: float
    swapped_pairs: tuple[int, int]  # (own article, other article) pairs
    version: str = TOPIC_VERSION

    def lines(self) -> list[str]:
        others = self.swapped_pairs[1] // max(1, self.swapped_pairs[0])
        return [
            f"Off-topic signal {self.version}, fictional hand-written set ({len(CASES)} articles):",
            f"  labelled: ROC AUC {self.labelled_auc:.3f} "
            f"({self.labelled_pairs[0]} on-topic vs {self.labelled_pairs[1]} off-topic comments, own article)",
            f"  swapped:  ROC AUC {self.swapped_auc:.3f} "
            f"({self.swapped_pairs[0]} on-topic comments vs the same against {others} "
            "other articles each)",
            "  protocol: see newsdesk.moderation.topic_eval (one author wrote texts and comments; a sanity check).",
        ]


def evaluate(cases: tuple[Case, ...] = CASES) -> TopicEvaluation:
    labels, scores = [], []
    for case in cases:
        for comment in case.on_topic:
            labels.append(0)
            scores.append(relevance(comment, case.article).offtopic)
        for comment in case.off_topic:
            labels.append(1)
            scores.append(relevance(comment, case.article).offtopic)
    swap_labels, swap_scores = [], []
    for i, case in enumerate(cases):
        for comment in case.on_topic:
            for j, other in enumerate(cases):
                swap_labels.append(0 if i == j else 1)
                swap_scores.append(relevance(comment, other.article).offtopic)
    return TopicEvaluation(
        labelled_auc=float(roc_auc_score(labels, scores)),
        labelled_pairs=(labels.count(0), labels.count(1)),
        swapped_auc=float(roc_auc_score(swap_labels, swap_scores)),
        swapped_pairs=(swap_labels.count(0), swap_labels.count(1)),
    )
