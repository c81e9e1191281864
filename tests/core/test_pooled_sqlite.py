"""The SQLite backend hands open connections from one request to the next (core.pooled_sqlite), never a dirty one."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.db import connection

from newsdesk.core.pooled_sqlite.base import POOL, DatabaseWrapper


@pytest.fixture
def wrapper(tmp_path: Path, django_db_blocker):
    """A second database on a file of its own, with the project's SQLite settings and a pool of two."""
    settings_dict = {**connection.settings_dict, "ENGINE": "newsdesk.core.pooled_sqlite",
                     "NAME": str(tmp_path / "pool.sqlite3"), "POOL_SIZE": 2, "TEST": {}}
    settings_dict.setdefault("OPTIONS", {})
    if connection.vendor != "sqlite":
        settings_dict["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL;"}
    made: list[DatabaseWrapper] = []

    def make() -> DatabaseWrapper:
        database = DatabaseWrapper(settings_dict, alias="pooltest")
        made.append(database)
        return database

    with django_db_blocker.unblock():
        yield make
        for database in made:
            database.inc_thread_sharing()
            database.close()
    POOL.clear()


def raw(database: DatabaseWrapper):
    database.ensure_connection()
    return database.connection


def test_a_closed_connection_is_taken_again_by_the_next_request(wrapper):
    first = wrapper()
    opened = raw(first)
    with first.cursor() as cursor:
        cursor.execute("CREATE TABLE note (body TEXT)")
    first.close()
    second = wrapper()
    assert raw(second) is opened
    with second.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM note")
        assert cursor.fetchone() == (0,)
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone() == (1,)


def test_an_open_transaction_is_rolled_back_before_the_connection_is_reused(wrapper):
    first = wrapper()
    with first.cursor() as cursor:
        cursor.execute("CREATE TABLE note (body TEXT)")
    first.set_autocommit(False)
    with first.cursor() as cursor:
        cursor.execute("INSERT INTO note VALUES ('nicht bestätigt')")
    opened = first.connection
    assert opened.in_transaction
    first.close()
    second = wrapper()
    assert raw(second) is opened
    assert not opened.in_transaction
    with second.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM note")
        assert cursor.fetchone() == (0,)


def test_a_connection_closed_inside_an_atomic_block_is_not_pooled(wrapper):
    first = wrapper()
    opened = raw(first)
    first.in_atomic_block = True  # as Django's atomic() leaves it when a connection is closed inside the block
    first.close()
    assert raw(wrapper()) is not opened


def test_a_recreated_database_file_gets_a_fresh_connection(wrapper, tmp_path: Path):
    first = wrapper()
    opened = raw(first)
    first.close()
    (tmp_path / "pool.sqlite3").unlink()
    assert raw(wrapper()) is not opened


def test_the_pool_keeps_at_most_its_size_and_threads_get_their_own(wrapper):
    databases = [wrapper() for _ in range(3)]
    opened = [raw(database) for database in databases]
    assert len({id(item) for item in opened}) == 3
    for database in databases:
        database.close()
    taken: list = []

    def request() -> None:
        database = wrapper()
        taken.append(raw(database))

    threads = [threading.Thread(target=request) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    reused = [item for item in taken if any(item is old for old in opened)]
    assert len(reused) == 2  # two were kept, the third was closed
    assert len({id(item) for item in taken}) == 3
