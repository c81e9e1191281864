from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PromosConfig(AppConfig):
    name = "newsdesk.promos"
    label = "promos"
    verbose_name = _("Promo boxes")
