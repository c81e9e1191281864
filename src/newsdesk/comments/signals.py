"""What other apps may react to, without the comments code knowing them.

Sent inside the transaction of the decision, like the articles' and newsblogs' signals.
"""

from django.dispatch import Signal

# comment= : it became visible (approved), or a visible one was taken back, rejected or deleted.
approved_comments_changed = Signal()
