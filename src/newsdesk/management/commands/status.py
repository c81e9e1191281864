"""`newsdesk status`: the operator's figures on the terminal, the same as GET /metrics shows.

Database figures (outbox, moderation queue) are read here; the live ones (readers connected, messages
published, send lag) live in the web processes, so they are read from a server's /metrics (`--url`,
with METRICS_TOKEN).
"""

from __future__ import annotations

import httpx
from django.conf import settings
from django.core.management.base import BaseCommand
from prometheus_client.parser import text_string_to_metric_families

from newsdesk import metrics

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
