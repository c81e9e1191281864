"""Pending demo comments on the flood newsblog, one handful of each kind, so the queue has work to show.

The texts are invented for newsdesk (the fictional town of Kelmsbrück on the river Lindra).
"""

from __future__ import annotations

from django.utils import timezone

from newsdesk.comments import services
from newsdesk.comments.models import Comment, Commenter
from newsdesk.liveblogs.demo_content import LIVEBLOG
from newsdesk.liveblogs.models import LiveBlog

DEMO_COMMENTS: list[tuple[str, str, str]] = [  # (display name, e-mail, text)
    # fine
    ("Marlene aus der Au", "marlene.demo@example.org",
     "Danke an die Freiwillige Feuerwehr Kelmsbrück! Bei uns in der Uferstraße haben die Helfer bis drei Uhr "
     "nachts Sandsäcke gestapelt. Der Keller ist bisher trocken."),
    ("Jonas K.", "jonas.demo@example.org",
     "Weiß jemand, ob die Sandsäcke am Bauhof auch am Wochenende ausgegeben werden? Ich kann erst am Samstag "
     "mit dem Anhänger kommen."),
    ("Ruth Sommerfeld", "ruth.demo@example.org",
     "Beim Hochwasser vor zwölf Jahren stand der Pegel an der Brückenmühle noch höher. Damals hat der Damm "
     "an der Lindra gehalten, hoffentlich auch diesmal."),
    # demeaning
    ("Wutbürger_KB", "wut.demo@example.org",
     "Diese Vollidioten im Rathaus haben das Hochwasser doch verschlafen. Unfähiges Pack, alle miteinander!"),
    ("Klartext", "klartext.demo@example.org",
     "Wer jetzt noch in der Au wohnt, ist selber schuld. So dumme Leute verdienen keine Hilfe von der Feuerwehr."),
    # off-topic
    ("Gerd", "gerd.demo@example.org",
     "Mein neuer Rasenmäher springt seit gestern nicht mehr an. Kennt jemand eine gute Werkstatt für "
     "Gartengeräte mit fairen Preisen?"),
    ("Tanja", "tanja.demo@example.org",
     "Hat noch jemand Karten für das Konzert der Blaskapelle im Frühjahr übrig? Ich suche zwei Stück."),
    # spammy
    ("Gewinner2026", "gewinn.demo@example.org",
     "Jetzt sofort reich werden!!! Klicken Sie hier: bit.ly/reich-jetzt und www.gewinn-sofort.example "
     "und https://casino-kelms.example/bonus"),
    ("Angebot", "angebot.demo@example.org",
     "GÜNSTIGE TROCKNUNGSGERÄTE NUR HEUTE!!! RUFEN SIE SOFORT AN UND SICHERN SIE SICH DEN RABATT!!!"),
]


def load() -> int:
    """Adds the demo comments that are missing (by text); returns how many it added."""
    blog = LiveBlog.objects.filter(slug=LIVEBLOG["slug"]).first()
    if blog is None:
        return 0
    existing = set(Comment.objects.for_target(blog).values_list("body", flat=True))
    added = 0
    for name, email, text in DEMO_COMMENTS:
        if text in existing:
            continue
        # The demo readers have confirmed their addresses, so their comments wait in the queue.
        Commenter.objects.get_or_create(email=email, defaults={"email_confirmed_at": timezone.now()})
        # No IP (rate limit per address does not apply), consent given as a reader would.
        services.comment_submit(target=blog, display_name=name, email=email, body=text, consent=True)
        added += 1
    return added
