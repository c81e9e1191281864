"""The first page of a newsblog is read off the partial index of visible entries, without a sort."""

from __future__ import annotations

import pytest
from django.db import connection

from newsdesk.liveblogs import selectors, services
from newsdesk.liveblogs.models import Entry

pytestmark = pytest.mark.django_db


def test_first_page_uses_the_visible_entries_index_without_sorting(liveblog, editor):
    for n in range(30):
        services.entry_create(liveblog=liveblog, author=editor, body=f"<p>Meldung {n} aus Testhausen.</p>")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE liveblogs_entry")
            # A tiny table: ask which index the planner would take to avoid scanning and sorting (with 30 rows
            # it rightly prefers a bitmap scan and a sort of 30 rows; what matters is that the index serves).
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            # An incremental sort over the created_at index is a sort too (with the status column in the
            # predicate the planner otherwise likes it for 30 rows).
            cursor.execute("SET LOCAL enable_incremental_sort = off")
    query = (Entry.objects.visible().filter(liveblog=liveblog, pinned=False).select_related("author")
             .order_by("-created_at", "-id")[:21])
    plan = query.explain()
    # PostgreSQL takes the partial index; SQLite's planner may walk the (liveblog, deleted_at, ...) one in order.
    assert "entry_visible_idx" in plan or (connection.vendor == "sqlite" and "entry_stream_idx" in plan), plan
    assert "TEMP B-TREE" not in plan.upper() and "Sort" not in plan, plan
    assert len(selectors.entry_page(liveblog).entries) == 20
