from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    READER = "reader", _("Reader")
    # Writes entries in the newsblogs they are assigned to; an editor approves them before readers see them.
    CONTRIBUTOR = "contributor", _("Contributor")
    EDITOR = "editor", _("Editor")
    MODERATOR = "moderator", _("Moderator")
    JOBS = "jobs", _("Job listings")
    ADMIN = "admin", _("Administrator")


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.READER)

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_editor(self) -> bool:
        return self.is_active and self.role in {Role.EDITOR, Role.ADMIN}

    @property
    def is_contributor(self) -> bool:
        return self.is_active and self.role == Role.CONTRIBUTOR

    @property
    def may_use_two_factor(self) -> bool:
        """Newsroom roles, whose accounts can publish or decide: they get (and may be made to use) TOTP."""
        return self.is_active and (self.role in {Role.EDITOR, Role.MODERATOR, Role.JOBS, Role.ADMIN}
                                   or self.is_superuser)

    @property
    def is_site_admin(self) -> bool:
        return self.is_active and (self.role == Role.ADMIN or self.is_superuser)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token; only its SHA-256 is stored, the token itself is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    prefix = models.CharField(max_length=12, help_text=_("First characters, to tell tokens apart."))
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"
