from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "newsdesk.jobs"
    label = "jobs"
    verbose_name = _("Job listings")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from newsdesk.core import freshness
        from newsdesk.jobs.models import JobPosting

        # Job pages, the job sitemap and the box on articles revalidate against this (core.freshness).
        for signal in (post_save, post_delete):
            signal.connect(lambda sender, **kw: freshness.bump(freshness.JOBS), sender=JobPosting, weak=False,
                           dispatch_uid=f"jobs-fresh-{signal is post_save}")
