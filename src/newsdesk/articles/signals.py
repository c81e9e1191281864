"""What other apps may react to, without the articles code knowing them. Sent after commit."""

from django.dispatch import Signal

article_published = Signal()  # article= : it went live (published now, or a scheduled one reached its time)
article_corrected = Signal()  # article= : a live article got a new or changed correction note
