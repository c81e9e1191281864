import pytest
from django.core.management import CommandError, call_command

from newsdesk.accounts.models import ApiToken, Role, User
from newsdesk.accounts.services import token_authenticate, token_create, token_revoke


@pytest.mark.django_db
def test_adduser_takes_password_from_environment(monkeypatch, capsys):
    monkeypatch.setenv("NEWSDESK_PASSWORD", "ein-langes-passwort-2026")
    call_command("adduser", "petra", "--role", "editor")
    user = User.objects.get(username="petra")
    assert user.role == Role.EDITOR
    assert user.password.startswith("argon2$")
    assert user.check_password("ein-langes-passwort-2026")
    assert not user.is_staff
    assert "petra" in capsys.readouterr().out


@pytest.mark.django_db
def test_adduser_admin_reaches_the_admin(monkeypatch):
    monkeypatch.setenv("NEWSDESK_PASSWORD", "ein-langes-passwort-2026")
    call_command("adduser", "ada", "--role", "admin")
    user = User.objects.get(username="ada")
    assert user.is_staff and user.is_superuser and user.is_site_admin


@pytest.mark.django_db
def test_adduser_rejects_weak_password_and_missing_password(monkeypatch):
    monkeypatch.setenv("NEWSDESK_PASSWORD", "kurz")
    with pytest.raises(CommandError, match="Password rejected"):
        call_command("adduser", "kai", "--role", "editor")
    monkeypatch.delenv("NEWSDESK_PASSWORD")
    with pytest.raises(CommandError, match="NEWSDESK_PASSWORD"):
        call_command("adduser", "kai", "--role", "editor")
    assert not User.objects.filter(username="kai").exists()


def test_token_create_prints_a_working_token(editor, capsys):
    call_command("token", "create", editor.username)
    raw = capsys.readouterr().out.strip()
    assert raw.startswith("nd_")
    assert token_authenticate(raw) == editor
    stored = ApiToken.objects.get(user=editor)
    assert raw not in (stored.key_hash, stored.prefix)  # only a hash is kept


def test_revoked_and_unknown_tokens_do_not_authenticate(editor):
    raw = token_create(user=editor)
    token_revoke(token=ApiToken.objects.get(user=editor))
    assert token_authenticate(raw) is None
    assert token_authenticate("nd_not-a-token") is None


def test_token_for_inactive_user_fails(editor):
    raw = token_create(user=editor)
    editor.is_active = False
    editor.save()
    assert token_authenticate(raw) is None


@pytest.mark.django_db
def test_token_create_for_unknown_user():
    with pytest.raises(CommandError, match="No user"):
        call_command("token", "create", "niemand")
