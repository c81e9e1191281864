"""Three invented promo boxes for the demo (the book, the shop and the public utility are fictional).
Idempotent: by title."""

from __future__ import annotations

from django.db import transaction

from newsdesk.media.demo import wave_illustration
from newsdesk.media.services import image_create
from newsdesk.promos import services
from newsdesk.promos.models import PromoBox, Slot, Style

BOXES = [
    {
        "title": "Das Wichtigste aus Kelmsbrück – kostenlos per E-Mail",
        "text": "Jeden Morgen um sieben: die Lage an der Lindra, Termine aus dem Stadtrat und was der Tag bringt. "
                "Abmelden geht mit einem Klick.",
        "link_url": "/#newsletter-title",
        "link_label": "Newsletter bestellen",
        "style": Style.ACCENT,
        "slots": [Slot.ARTICLE_END, Slot.NEWSBLOG, Slot.HOME],
        "every_n_entries": 6,
        "position": 1,
    },
    {
        "title": "Buchtipp: »Als die Lindra stieg«",
        "text": "Der Roman von <em>Marlene Ostwald</em> erzählt von drei Nächten, in denen eine Kleinstadt "
                "zusammenrückt. Ausgewählt von unserer Kulturredaktion.",
        "link_url": "https://buchhandlung-am-markt.example/ostwald-lindra",
        "link_label": "Zum Buch",
        "style": Style.WARM,
        "slots": [Slot.SIDEBAR],
        "position": 2,
        "image": {"seed": 77, "palette": ((92, 54, 30), (170, 108, 60), (222, 178, 120), (246, 232, 206)),
                  "alt": "Illustration: Hügel und Dächer im Abendlicht, das Titelbild des Romans"},
    },
    {
        "title": "Stadtwerke Kelmsbrück: Strom aus dem Lindra-Wehr",
        "text": "Regional erzeugt, fair abgerechnet. Jetzt den Heimattarif vergleichen.",
        "link_url": "https://stadtwerke-kelmsbrueck.example/heimattarif",
        "link_label": "Tarif ansehen",
        "style": Style.LIGHT,
        "sponsored": True,
        "slots": [Slot.NEWSBLOG, Slot.SIDEBAR, Slot.HOME],
        "every_n_entries": 6,
        "position": 3,
    },
]


@transaction.atomic
def load() -> list[str]:
    """Creates the boxes that are missing; returns their titles."""
    created = []
    for spec in BOXES:
        if PromoBox.objects.filter(title=spec["title"]).exists():
            continue
        fields = {key: value for key, value in spec.items() if key != "image"}
        if picture := spec.get("image"):
            fields["image"] = image_create(
                data=wave_illustration(seed=picture["seed"], width=800, height=1000, palette=picture["palette"]),
                filename="buchtipp-lindra.jpg", alt_text=picture["alt"], caption="",
                credit="newsdesk-Demo (Illustration)")
        services.promo_create(**fields)
        created.append(spec["title"])
    return created
