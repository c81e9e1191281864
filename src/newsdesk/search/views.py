from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _

from newsdesk.core.validation import whole_number
from newsdesk.search import search
from newsdesk.search.models import SearchTopic
from newsdesk.search.query import MAX_PAGE
from newsdesk.search.text import MAX_QUERY_CHARS


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        return None


def _page(value: str) -> int:
    number = whole_number(value, max_digits=5)
    return min(max(1, number), MAX_PAGE) if number is not None else 1


def _link(params: QueryDict, **changes: str | None) -> str:
    """The query string of this search with `changes` (None drops a parameter) and always from page 1."""
    params = params.copy()
    params.pop("seite", None)
    for key, value in changes.items():
        if value:
            params[key] = value  # an existing key keeps its place
        else:
            params.pop(key, None)
    return params.urlencode()


def search_page(request: HttpRequest) -> HttpResponse:
    """/suche/?q=…&thema=…&von=JJJJ-MM-TT&bis=…&sortierung=neu&in=GRUPPE&seite=N: results or a message, never an
    error. `in` limits the search to one group (the entries of one newsblog: "alle Treffer im Newsblog")."""
    raw = request.GET.get("q", "").replace("\x00", "")
    query = raw[:MAX_QUERY_CHARS]
    topics = list(SearchTopic.objects.all())
    topic = request.GET.get("thema", "")
    topic = topic if any(t.slug == topic for t in topics) else ""
    date_from, date_to = _date(request.GET.get("von", "")), _date(request.GET.get("bis", ""))
    notes = []
    if len(raw) > MAX_QUERY_CHARS:
        notes.append(_("Your search was shortened to %(n)d characters.") % {"n": MAX_QUERY_CHARS})
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    order = "new" if request.GET.get("sortierung", "") == "neu" else "relevance"
    group = request.GET.get("in", "")[:100]
    results = search(query, topic=topic or None, date_from=date_from, date_to=date_to,
                     page=_page(request.GET.get("seite", "")), order=order, group=group or None)
    group_title = next((hit.group_title for hit in results.hits if hit.group_title), "")
    context = {
        "query": query, "results": results, "topics": topics, "topic": topic, "notes": notes,
        "date_from": date_from, "date_to": date_to, "searched": bool(query.strip()),
        "base_query": _link(request.GET), "order": order, "group": group, "group_title": group_title,
        "by_relevance": _link(request.GET, sortierung=None), "by_date": _link(request.GET, sortierung="neu"),
        "all_groups": _link(request.GET, **{"in": None}),
        "suggestion_query": _link(request.GET, q=results.suggestion) if results.suggestion else "",
        "rows": [(item, _link(request.GET, **{"in": item.group}) if item.is_group else "")
                 for item in results.items],
    }
    response = render(request, "search/results.html", context)
    # Private: the page carries the reader's own CSRF token (language switch), which no shared cache may hand on.
    response["Cache-Control"] = "private, max-age=60"
    return response
