"""Writes for users and API tokens."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone

from newsdesk.accounts.models import ApiToken, Role, User, hash_token

TOKEN_PREFIX = "nd_"  # noqa: S105 - a marker that makes leaked tokens easy to spot, not a secret


@transaction.atomic
def user_create_or_update(*, username: str, role: str, password: str, email: str = "",
                          first_name: str = "", last_name: str = "") -> User:
    if role not in Role.values:
        raise ValueError(f"Unknown role {role!r}; choose one of: {', '.join(Role.values)}")
    user = User.objects.filter(username=username).first() or User(username=username)
    validate_password(password, user)
    user.role = role
    user.email = email or user.email
    user.first_name = first_name or user.first_name
    user.last_name = last_name or user.last_name
    # Admins reach the Django admin; editors and moderators work in newsdesk's own pages.
    user.is_staff = role == Role.ADMIN
    user.is_superuser = role == Role.ADMIN
    user.set_password(password)
    user.save()
    _sync_role_groups(user)
    return user


# Roles whose rights are Django permissions held by a group of the same name (created by a data migration).
ROLE_GROUPS = {Role.JOBS: "jobs"}


def _sync_role_groups(user: User) -> None:
    """The user is in the group of their role and in no other role's group."""
    for role, name in ROLE_GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        if user.role == role:
            user.groups.add(group)
        else:
            user.groups.remove(group)


def token_create(*, user: User, name: str = "") -> str:
    """Creates a token and returns it in clear text; it cannot be shown again."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name, prefix=raw[:10], key_hash=hash_token(raw))
    return raw


def token_authenticate(raw: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def token_revoke(*, token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())


# --- two-factor login (TOTP, django-otp) -----------------------------------------------------------

def can_use_two_factor(user) -> bool:
    return bool(user and user.is_authenticated and user.may_use_two_factor)


def totp_device_start(*, user: User):
    """A new, unconfirmed authenticator for `user` (an earlier unconfirmed one is replaced)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if not can_use_two_factor(user):
        raise PermissionError("Two-factor login is for editors, moderators and admins.")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=False)


def totp_device_confirm(*, user: User, token: str):
    """Switch two-factor login on with the first code the app shows; None when the code is wrong."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
        if device is None or not device.verify_token(_digits(token)):
            return None
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return device


def totp_device_remove(*, user: User) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=user).delete()


def _digits(token: str) -> str:
    return "".join((token or "").split())
@transaction.atomic
def user_create_without_login(*, username: str, email: str = "", first_name: str = "",
                              last_name: str = "") -> User:
    """A reader account that cannot log in (no usable password): bylines brought in by an import.

    An admin gives it a role and a password later with `newsdesk adduser`.
    """
    user = User(username=username[:150], email=email, first_name=first_name[:150], last_name=last_name[:150],
                role=Role.READER)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user
