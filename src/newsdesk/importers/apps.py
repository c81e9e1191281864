from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportersConfig(AppConfig):
    name = "newsdesk.importers"
    label = "importers"
    verbose_name = _("Import and redirects")
