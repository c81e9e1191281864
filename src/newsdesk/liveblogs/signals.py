"""What other apps may react to, without the newsblog code knowing them."""

from django.dispatch import Signal

# Sent after commit when an entry becomes a key event (posted as one, or marked later): liveblog=, entry=.
key_event_published = Signal()
