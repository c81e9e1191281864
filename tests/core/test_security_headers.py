"""Issue 16, defect 5 and the production checklist: headers, HSTS from the environment, `check --deploy`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
# The production settings of the README ("Production checklist"), less the database and the host name.
README_PRODUCTION = {
    "DEBUG": "false", "ALLOWED_HOSTS": "news.example", "CSRF_TRUSTED_ORIGINS": "https://news.example",
    "SECURE_COOKIES": "true", "BEHIND_TLS_PROXY": "true", "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true", "SECURE_HSTS_PRELOAD": "true", "FORWARDED_ALLOW_IPS": "127.0.0.1",
}


def _environment(tmp_path, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in {"SECRET_KEY", "DEBUG", "SECURE_COOKIES", "SERVE_MEDIA", "DJANGO_SETTINGS_MODULE"}}
    env.update(NEWSDESK_DATA_DIR=str(tmp_path), **overrides)
    return env


def _settings(tmp_path, names: list[str], **env: str) -> dict:
    code = ("import json, django; from django.conf import settings; import os; "
            "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'newsdesk.settings'); django.setup(); "
            f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}, default=str))")
    result = subprocess.run([sys.executable, "-c", code], env=_environment(tmp_path, **env), capture_output=True,
                            text=True, timeout=60, check=True)
    return json.loads(result.stdout)


@pytest.mark.django_db
def test_defect5_every_page_has_csp_and_permissions_policy(client):
    for path in ["/", "/newsblog/", "/suche/?q=Pegel", "/anmelden/", "/gibt-es-nicht/"]:
        response = client.get(path)
        policy = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        frame_src = next(part for part in policy.split(";") if part.strip().startswith("frame-src")).split()[1:]
        assert frame_src and all(origin.startswith("https://") for origin in frame_src)  # providers only
        assert "frame-ancestors 'self'" in policy and "object-src 'none'" in policy
        assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        assert "camera=()" in response.headers["Permissions-Policy"]


def test_defect5_hsts_follows_secure_cookies_and_embed_frames_are_a_setting(tmp_path):
    names = ["SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
             "CONTENT_SECURITY_POLICY"]
    plain = _settings(tmp_path, names, DEBUG="true")
    assert plain["SECURE_HSTS_SECONDS"] == 0
    # Frames: the embed providers' origins only (their iframes exist after a reader's click).
    assert "https://www.youtube-nocookie.com" in plain["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["frame-src"]
    assert "https://karten.example" not in plain["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["frame-src"]
    secure = _settings(tmp_path, names, DEBUG="true", SECURE_COOKIES="true", SECURE_HSTS_PRELOAD="1",
                       SECURE_HSTS_INCLUDE_SUBDOMAINS="1", CSP_EMBED_FRAME_SRC="https://karten.example",
                       FRAME_ANCESTORS="'none'")
    assert secure["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert secure["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and secure["SECURE_HSTS_PRELOAD"]
    directives = secure["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert "https://karten.example" in directives["frame-src"]
    assert "https://www.youtube-nocookie.com" in directives["frame-src"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_serve_media_is_off_without_debug_unless_set(tmp_path):
    assert _settings(tmp_path, ["SERVE_MEDIA"], DEBUG="true")["SERVE_MEDIA"] is True
    assert _settings(tmp_path, ["SERVE_MEDIA"], DEBUG="false")["SERVE_MEDIA"] is False
    assert _settings(tmp_path, ["SERVE_MEDIA"], DEBUG="false", SERVE_MEDIA="true")["SERVE_MEDIA"] is True


def test_check_deploy_passes_with_the_readme_production_settings(tmp_path):
    key = subprocess.run([BIN / "newsdesk", "secret-key"], capture_output=True, text=True, timeout=60,
                         check=True).stdout.strip()
    env = _environment(tmp_path, SECRET_KEY=key, **README_PRODUCTION)
    result = subprocess.run([BIN / "newsdesk", "check", "--deploy", "--fail-level", "WARNING"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    # And it does fail on what it should: the weak key of the audit.
    weak = subprocess.run([BIN / "newsdesk", "check", "--deploy"], env={**env, "SECRET_KEY": "abc"},
                          capture_output=True, text=True, timeout=120)
    assert weak.returncode != 0 and "newsdesk.E001" in weak.stderr


@pytest.mark.django_db
def test_csp_frame_src_lists_the_embed_providers(client):
    from newsdesk.media.embeds import frame_origins

    policy = client.get("/").headers["Content-Security-Policy"]
    frame_src = next(part for part in policy.split(";") if part.strip().startswith("frame-src"))
    assert "https://www.youtube-nocookie.com" in frame_origins()
    assert all(origin in frame_src for origin in frame_origins())
    assert "'none'" not in frame_src
