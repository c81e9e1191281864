"""The composition layer as a Django app: project-wide commands (serve, worker, demo, status) live in
newsdesk/management/, next to settings.py and urls.py, so that `core` needs to import no domain app."""

from django.apps import AppConfig


class ProjectConfig(AppConfig):
    name = "newsdesk"
    label = "newsdesk_project"
    verbose_name = "newsdesk"
