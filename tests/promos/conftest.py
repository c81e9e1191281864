from __future__ import annotations

from tests.articles.conftest import article, author, image, media_root, topic  # noqa: F401 - shared fixtures
