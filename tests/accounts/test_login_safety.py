"""Issue 16, production basics: failed logins throttled per account and IP (django-axes), TOTP two-factor login."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from newsdesk.accounts import services

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def _login(client: Client, username: str, password: str, code: str = ""):
    return client.post(reverse("login"), {"username": username, "password": password, "otp_token": code})


def _current_code(device: TOTPDevice, *, drift: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def _enable_two_factor(user) -> TOTPDevice:
    device = services.totp_device_start(user=user)
    return services.totp_device_confirm(user=user, token=_current_code(device))


def test_failed_logins_lock_the_account_with_a_message(editor, settings):
    client = Client(REMOTE_ADDR="192.0.2.10")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, editor.username, "falsch-falsch").status_code == 200
    locked = _login(client, editor.username, "falsch-falsch")
    assert locked.status_code == 429
    assert "15" in locked.content.decode()
    # Even the right password waits now, from another address too: the account is throttled.
    assert _login(Client(REMOTE_ADDR="192.0.2.99"), editor.username, PASSWORD).status_code == 429


def test_failed_logins_lock_the_address_for_other_accounts(editor, other_editor, settings):
    client = Client(REMOTE_ADDR="192.0.2.11")
    for number in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"gibt-es-nicht-{number}", "falsch-falsch")
    assert _login(client, other_editor.username, PASSWORD).status_code == 429


def test_a_successful_login_resets_the_count(editor, settings):
    client = Client(REMOTE_ADDR="192.0.2.12")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, editor.username, "falsch-falsch")
    assert _login(client, editor.username, PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, editor.username, "falsch-falsch").status_code == 200


def test_two_factor_login_needs_the_code(editor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp slows down guesses after each wrong code; not tested here
    device = _enable_two_factor(editor)
    assert device.confirmed
    client = Client()
    without = _login(client, editor.username, PASSWORD)
    assert without.status_code == 200 and "sechsstellig" in without.content.decode().lower()
    wrong = _login(client, editor.username, PASSWORD, "000000" if _current_code(device) != "000000" else "111111")
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    # A code is good once (the set-up may have used this step's): the app's next one, within the drift, logs in.
    assert _login(client, editor.username, PASSWORD, _current_code(device, drift=1)).status_code == 302
    assert client.session["otp_device_id"] == device.persistent_id


def test_setup_page_switches_two_factor_on_for_staff_roles(moderator, reader, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client = Client()
    client.force_login(moderator)
    page = client.get(reverse("two-factor"))
    assert page.status_code == 200 and "data:image/svg+xml" in page.content.decode()
    pending = TOTPDevice.objects.get(user=moderator, confirmed=False)
    assert client.post(reverse("two-factor"), {"action": "confirm", "otp_token": "12"}).status_code == 422
    response = client.post(reverse("two-factor"), {"action": "confirm", "otp_token": _current_code(pending)})
    assert response.status_code == 302
    assert TOTPDevice.objects.get(user=moderator).confirmed
    readers = Client()
    readers.force_login(reader)
    assert readers.get(reverse("two-factor")).status_code == 403


def test_admins_need_two_factor_when_the_switch_is_on(site_admin, editor, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_ADMINS = True
    site_admin.is_staff = True
    site_admin.save()
    client = Client()
    assert _login(client, site_admin.username, PASSWORD).status_code == 302
    blocked = client.get("/admin/")
    assert blocked.status_code == 302 and blocked["Location"].startswith(reverse("two-factor"))
    device = TOTPDevice.objects.get(pk=services.totp_device_start(user=site_admin).pk)
    client.post(reverse("two-factor"), {"action": "confirm", "otp_token": _current_code(device)})
    assert client.get("/admin/").status_code == 200
    # Editors are not forced (they may switch it on themselves).
    editors = Client()
    _login(editors, editor.username, PASSWORD)
    assert editors.get(reverse("home")).status_code == 200


def test_header_links_the_setup_page_for_newsroom_roles_only(moderator, reader):
    setup = reverse("two-factor")
    staff = Client()
    staff.force_login(moderator)
    assert f'href="{setup}"' in staff.get("/").content.decode()
    readers = Client()
    readers.force_login(reader)
    assert f'href="{setup}"' not in readers.get("/").content.decode()
