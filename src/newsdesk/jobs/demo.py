"""Four invented job postings for the demo (employers, places and addresses are fictional). Idempotent: by slug.

Dates are relative to the day of loading: three run for weeks, the internship ends tomorrow and then leaves the
site by itself (its page answers 410 Gone).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from newsdesk.jobs import services
from newsdesk.jobs.models import EmploymentType, JobPosting

POSTINGS = [
    {
        "slug": "redakteurin-redakteur-lokales-kelmsbrueck",
        "title": "Redakteurin / Redakteur (m/w/d) für die Lokalredaktion",
        "employer": "Beispiel Medien GmbH",
        "employer_url": "https://beispiel-medien.example/",
        "location": "Kelmsbrück",
        "remote": False,
        "employment_type": EmploymentType.FULL_TIME,
        "apply_link": "https://beispiel-medien.example/karriere/lokalredaktion",
        "posted_days_ago": 3,
        "valid_days": 28,
        "description": """
<p>Die Lokalredaktion in Kelmsbrück sucht Verstärkung. Sie berichten über Stadtrat, Vereine, Schulen und alles,
was die Menschen zwischen Lindra und Hügelland bewegt – im Newsblog, im Artikel und, wenn es brennt, live.</p>
<h3>Ihre Aufgaben</h3>
<ul><li>Recherche vor Ort, Termine, Hintergründe und Porträts</li>
<li>Betreuung von Newsblogs bei Lagen wie Hochwasser oder Stadtfest</li>
<li>Zusammenarbeit mit Fotografie und Datenteam</li></ul>
<h3>Das bringen Sie mit</h3>
<ul><li>ein abgeschlossenes Volontariat oder vergleichbare Erfahrung</li>
<li>Neugier auf Menschen und Freude am genauen Nachfragen</li>
<li>einen Führerschein, denn der Landkreis ist weitläufig</li></ul>
<p>Wir bieten eine unbefristete Stelle in Vollzeit, Bezahlung nach Tarif und eine Redaktion, die sich Zeit für
Einarbeitung nimmt.</p>""",
    },
    {
        "slug": "volontariat-digitaljournalismus-beispiel-medien",
        "title": "Volontariat Digitaljournalismus (m/w/d)",
        "employer": "Beispiel Medien GmbH",
        "employer_url": "https://beispiel-medien.example/",
        "location": "Kelmsbrück",
        "remote": False,
        "employment_type": EmploymentType.TRAINEESHIP,
        "apply_link": "https://beispiel-medien.example/karriere/volontariat",
        "posted_days_ago": 10,
        "valid_days": 45,
        "description": """
<p>Zwei Jahre, alle Ressorts, ein Ziel: Am Ende können Sie eine Nachricht so erzählen, dass sie auf dem Handy,
im Newsletter und im Newsblog funktioniert.</p>
<h3>So läuft das Volontariat</h3>
<ul><li>Stationen in Lokales, Politik, Sport und im Digitaldesk</li>
<li>sechs Wochen Journalistenschule (fiktive Akademie Hügelland)</li>
<li>ein eigenes Rechercheprojekt im zweiten Jahr</li></ul>
<p>Bewerben können sich Menschen mit Studium oder Ausbildung und ersten journalistischen Erfahrungen, etwa in
Schülerzeitung, Campusradio oder als freie Mitarbeiterin.</p>""",
    },
    {
        "slug": "datenjournalismus-remote-lindra-datenlabor",
        "title": "Datenjournalistin / Datenjournalist (m/w/d) in Teilzeit",
        "employer": "Lindra Datenlabor e. V.",
        "employer_url": "",
        "location": "",
        "remote": True,
        "employment_type": EmploymentType.PART_TIME,
        "apply_link": "https://lindra-datenlabor.example/mitmachen",
        "posted_days_ago": 1,
        "valid_days": 21,
        "description": """
<p>Der gemeinnützige Verein Lindra Datenlabor macht Pegelstände, Haushaltszahlen und Verkehrsdaten der Region für
alle verständlich. Für 20 Stunden in der Woche suchen wir Unterstützung – vollständig aus dem Homeoffice.</p>
<h3>Was Sie tun</h3>
<ul><li>offene Daten finden, prüfen und aufbereiten</li>
<li>Grafiken und kurze Erklärtexte für Partnerredaktionen bauen</li>
<li>Anfragen nach dem Informationsfreiheitsgesetz stellen und nachverfolgen</li></ul>
<p>Sie arbeiten sicher mit Tabellen, gern auch mit Python oder R, und erklären Zahlen so, dass man sie versteht.
Wohnsitz in Deutschland, weil wir gelegentlich gemeinsam vor Ort recherchieren.</p>""",
    },
    {
        "slug": "praktikum-social-media-radio-lindrawelle",
        "title": "Praktikum in der Social-Media-Redaktion (m/w/d)",
        "employer": "Radio Lindrawelle",
        "employer_url": "",
        "location": "Auenfeld",
        "remote": False,
        "employment_type": EmploymentType.INTERNSHIP,
        "apply_link": "praktikum@radio-lindrawelle.example",
        "posted_days_ago": 20,
        "valid_days": 1,
        "description": """
<p>Drei Monate Radio zum Anfassen: Sie begleiten die Morgensendung, schneiden Clips für soziale Netzwerke und
moderieren Kommentare unserer Hörerinnen und Hörer.</p>
<p>Das Praktikum ist ein Pflichtpraktikum im Rahmen eines Studiums und wird vergütet. Schicken Sie uns ein paar
Sätze über sich und drei Arbeitsproben, gern als Links.</p>""",
    },
]


@transaction.atomic
def load() -> list[str]:
    """Creates the postings that are missing; returns their titles."""
    now = timezone.now()
    today = timezone.localdate()
    created = []
    for spec in POSTINGS:
        if JobPosting.objects.filter(slug=spec["slug"]).exists():
            continue
        fields = {k: v for k, v in spec.items() if k not in {"posted_days_ago", "valid_days"}}
        posting = services.job_create(**fields, posted_at=now - timedelta(days=spec["posted_days_ago"]),
                                      valid_through=today + timedelta(days=spec["valid_days"]))
        created.append(posting.title)
    return created
