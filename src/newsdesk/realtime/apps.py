from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "newsdesk.realtime"
    label = "realtime"
    verbose_name = "Realtime"

    def ready(self) -> None:
        from django.conf import settings

        from newsdesk.realtime import checks, figures  # noqa: F401  (checks registers itself)

        figures.register()
        if settings.PUSHPIN_STATS_SPECS:
            from newsdesk.core import periodic

            periodic.register_task("newsdesk-pushpin-readers", _pushpin_readers_round, interval=2)


_listener = None


def _pushpin_readers_round() -> None:
    """Readers Pushpin holds, per channel, into realtime.audience (the socket opens in the worker's thread)."""
    global _listener
    from django.conf import settings

    from newsdesk.realtime.pushpin_stats import StatsListener

    if _listener is None:
        _listener = StatsListener(settings.PUSHPIN_STATS_SPECS)
    _listener.run_once()
