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


# Published already, and reported by readers: the "Gemeldet" queue has something to show. (name, e-mail, text,
# report reasons)
REPORTED_COMMENTS: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("Bernd vom Deich", "bernd.demo@example.org",
     "Die Stadtwerke hätten die Pumpen an der Brückenmühle schon letzte Woche aufstellen müssen. Wer dort "
     "entscheidet, schläft offenbar seelenruhig.",
     ("demeaning", "demeaning", "off-topic")),
]
# A pending reply to the reported comment above: the queue shows what it answers.
REPLY = ("Ilse Brandt", "ilse.demo@example.org",
         "Die Pumpen standen schon am Dienstag bereit, das hat die Stadt im Newsblog doch geschrieben. Bitte erst "
         "lesen, dann schimpfen.")
# The same text from two addresses within minutes: "gleicher Text wie Kommentar #…".
REPEATED_TEXT = ("Alle Infos zur Trocknung Ihres Kellers finden Sie bei uns: trocken-kelms.example. Rufen Sie "
                 "gleich an, wir kommen noch heute!")
REPEATED = [("Kellerprofi", "keller1.demo@example.org", REPEATED_TEXT),
            ("Trocken-Team", "keller2.demo@example.org", REPEATED_TEXT)]


def _submit(blog: LiveBlog, name: str, email: str, text: str, parent: Comment | None = None) -> Comment:
    # The demo readers have confirmed their addresses, so their comments wait in the queue.
    Commenter.objects.get_or_create(email=email, defaults={"email_confirmed_at": timezone.now()})
    # No IP (rate limit per address does not apply), consent given as a reader would.
    return services.comment_submit(target=blog, display_name=name, email=email, body=text, consent=True,
                                   parent_id=parent.pk if parent else None)


def load() -> int:
    """Adds the demo comments that are missing (by text and author); returns how many it added."""
    blog = LiveBlog.objects.filter(slug=LIVEBLOG["slug"]).first()
    if blog is None:
        return 0
    existing = set(Comment.objects.for_target(blog).values_list("commenter__email", "body"))
    added = 0
    for name, email, text in [*DEMO_COMMENTS, *REPEATED]:
        if (email, text) not in existing:
            _submit(blog, name, email, text)
            added += 1
    for name, email, text, reasons in REPORTED_COMMENTS:
        reported = Comment.objects.for_target(blog).filter(commenter__email=email, body=text).first()
        if reported is None:
            reported = services.comment_approve(comment=_submit(blog, name, email, text), moderator=None)
            for n, reason in enumerate(reasons):
                services.comment_report(comment_id=reported.pk, reason=reason, session_key=f"demo-{n}", ip=None)
            added += 1
        if (REPLY[1], REPLY[2]) not in existing and reported.status == Comment.Status.APPROVED:
            _submit(blog, *REPLY, parent=reported)
            added += 1
    return added
