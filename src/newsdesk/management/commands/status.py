"""`newsdesk status`: the operator's figures on the terminal, the same as GET /metrics shows.

Database figures (outbox, moderation queue) are read here; the live ones (readers connected, messages
published, send lag) live in the web processes, so they are read from a server's /metrics (`--url`,
with METRICS_TOKEN).
"""

from __future__ import annotations

import time

import httpx
from django.conf import settings
from django.core.management.base import BaseCommand
from prometheus_client.parser import text_string_to_metric_families

from newsdesk import metrics
from newsdesk.liveblogs.models import LiveBlog
from newsdesk.realtime import audience

BARS = "▁▂▃▄▅▆▇█"


def sparkline(samples: list[int]) -> str:
    """The last hour on one terminal line (one character a minute)."""
    peak = max(samples, default=0)
    if not peak:
        return BARS[0] * len(samples)
    return "".join(BARS[min(len(BARS) - 1, value * len(BARS) // (peak + 1))] for value in samples)

LABELS = {
    "newsdesk_realtime_connected_readers_total": "Leser verbunden (dieser Prozess)",
    "newsdesk_realtime_published_total": "Nachrichten veröffentlicht",
    "newsdesk_mail_sent_per_second": "Mails pro Sekunde (5 Min.)",
    "newsdesk_moderation_queue": "Kommentare in der Moderation",
}


class Command(BaseCommand):
    help = "Print the operator's figures: readers per newsblog, publishing, send lag, outbox, moderation queue."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="", help="a web process to read live figures from, e.g. "
                            "http://127.0.0.1:8000 (its /metrics, with METRICS_TOKEN)")

    def handle(self, *args, **options):
        samples = {}
        if options["url"]:
            samples.update(self.remote(options["url"]))
        for key, value in metrics.snapshot().items():
            if "outbox" in key or "moderation" in key or "mail_sent" in key:
                samples[key] = value
        self.readers()
        if not options["url"]:
            self.stdout.write("Live figures: pass --url of a web process (with METRICS_TOKEN set).")
        for key in sorted(samples):
            name = key.split("{", 1)[0]
            if name.endswith(("_bucket", "_created")):
                continue
            label = LABELS.get(name, key)
            value = samples[key]
            shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.3f}"
            self.stdout.write(f"{label:<45} {shown:>12}")

    def readers(self) -> None:
        """'Jetzt lesen' per open newsblog, summed over every web process and Pushpin (the editors' figure)."""
        blogs = list(LiveBlog.objects.filter(status=LiveBlog.Status.OPEN).order_by("-updated_at")[:20])
        if not blogs:
            return
        now = time.time()
        counts = audience.readers_many([blog.channel for blog in blogs], now=now)
        self.stdout.write(f"{'Jetzt lesen (alle Prozesse)':<45} {sum(counts.values()):>12,}")
        for blog in blogs:
            samples = audience.last_hour(blog.channel, now=now)
            self.stdout.write(f"  {blog.title[:41]:<43} {counts[blog.channel]:>12,}  {sparkline(samples)}")
        if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
            self.stdout.write("  (without REDIS_URL the figures live in the server process: see --url)")

    def remote(self, url: str) -> dict[str, float]:
        response = httpx.get(url.rstrip("/") + "/metrics", timeout=10,
                             headers={"Authorization": f"Bearer {settings.METRICS_TOKEN}"})
        if response.status_code != 200:
            self.stderr.write(f"{url}/metrics answered {response.status_code} (is METRICS_TOKEN the same?)")
            return {}
        result = {}
        for family in text_string_to_metric_families(response.text):
            for sample in family.samples:
                if sample.name.startswith("newsdesk_realtime") or sample.name.startswith("newsdesk_liveblog"):
                    labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
                    result[f"{sample.name}{{{labels}}}" if labels else sample.name] = sample.value
        return result
