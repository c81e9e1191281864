"""What other apps may react to, without the newsblog code knowing them.

Sent inside the transaction of the change, so that what a receiver records (e.g. an alert to send)
commits with it or not at all; receivers only record, they do no slow work here.
"""

from django.dispatch import Signal

# An entry became a key event (posted as one, or marked later): liveblog=, entry=.
key_event_published = Signal()
# An entry was marked as breaking news (posted as such, or marked later): liveblog=, entry=.
breaking_entry_published = Signal()
# Anything readers see changed: an entry posted, edited or deleted, the newsblog changed: liveblog=.
liveblog_changed = Signal()
