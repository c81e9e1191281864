from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    name = "newsdesk.mail"
    label = "mail"
    verbose_name = _("E-mail")

    def ready(self) -> None:
        from newsdesk.mail import (
            checks,  # noqa: F401  (registers the system checks)
            figures,
        )

        figures.register()
