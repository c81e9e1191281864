"""What other apps may react to, without the articles code knowing them.

Sent inside the transaction of the change, so that what a receiver records (e.g. an alert to send)
commits with it or not at all; receivers only record, they do no slow work here.
"""

from django.dispatch import Signal

article_published = Signal()  # article= : it went live (published now, or a scheduled one reached its time)
article_corrected = Signal()  # article= : a live article got a new or changed correction note
