from __future__ import annotations

import pytest

from tests.articles.conftest import article, author, image, media_root, topic  # noqa: F401 - shared fixtures
