"""Request latency by route: the URL pattern, never the raw path (a label per article would explode)."""

from __future__ import annotations

import time

from prometheus_client import Histogram

from newsdesk.metrics.registry import REGISTRY

REQUEST_SECONDS = Histogram(
    "newsdesk_request_seconds", "Time to answer a request, by route pattern, method and status class.",
    ["route", "method", "status"], registry=REGISTRY,
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


class RequestLatencyMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        route = (match.route or match.view_name) if match is not None else "unmatched"
        REQUEST_SECONDS.labels(route or "unmatched", request.method, f"{response.status_code // 100}xx").observe(
            time.perf_counter() - started)
        return response
