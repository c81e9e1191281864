# The articles tests' fixtures (media folder, site URL, a published article with author and topic).
from tests.articles.conftest import article, author, image, media_root, topic  # noqa: F401

# The mail tests' real SMTP server and outbox worker.
from tests.mail.conftest import sink, smtp_settings, worker  # noqa: F401
