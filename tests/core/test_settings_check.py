import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsdesk.core.checks import ensure_safe_to_serve

BIN = Path(sys.executable).parent


def test_refuses_default_key_without_debug(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = settings.INSECURE_DEFAULT_SECRET_KEY
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        ensure_safe_to_serve()


def test_allows_default_key_in_debug_and_real_key_in_production(settings):
    settings.DEBUG = True
    settings.SECRET_KEY = settings.INSECURE_DEFAULT_SECRET_KEY
    ensure_safe_to_serve()
    settings.DEBUG = False
    settings.SECRET_KEY = "a-real-and-long-secret-key-for-production-use-only"
    ensure_safe_to_serve()


def test_serve_command_exits_with_a_message(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.update(DEBUG="false", NEWSDESK_DATA_DIR=str(tmp_path))
    result = subprocess.run([BIN / "newsdesk", "serve", "--port", "1"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_several_workers_need_redis(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "REALTIME_BACKEND"}}
    env.update(DEBUG="true", NEWSDESK_DATA_DIR=str(tmp_path))
    result = subprocess.run([BIN / "newsdesk", "serve", "--workers", "2", "--port", "1"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "REDIS_URL" in result.stderr


@pytest.mark.parametrize("weak_key", ["abc", "x" * 80, "abcd" * 20, "k" * 45 + "abcd"])
def test_defect4_weak_secret_key_is_refused_without_debug(settings, weak_key):
    settings.DEBUG = False
    settings.SECRET_KEY = weak_key
    with pytest.raises(ImproperlyConfigured, match="newsdesk secret-key"):
        ensure_safe_to_serve()


def test_defect4_serve_refuses_short_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.update(DEBUG="0", SECRET_KEY="abc", NEWSDESK_DATA_DIR=str(tmp_path))
    result = subprocess.run([BIN / "newsdesk", "serve", "--port", "1"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode != 0
    assert "weak" in result.stderr and "newsdesk secret-key" in result.stderr


def test_secret_key_command_prints_a_key_the_check_accepts(settings):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("secret-key", stdout=out)
    key = out.getvalue().strip()
    settings.DEBUG = False
    settings.SECRET_KEY = key
    ensure_safe_to_serve()
    other = StringIO()
    call_command("secret-key", stdout=other)
    assert other.getvalue().strip() != key
