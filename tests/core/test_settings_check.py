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
