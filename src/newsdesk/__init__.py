"""newsdesk: a newsroom platform for live newsblogs, articles, comments and subscriptions."""

__version__ = "0.1.0"
