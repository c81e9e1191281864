"""Shared input checks."""

import pytest

from newsdesk.core.validation import whole_number


@pytest.mark.parametrize("raw, expected", [
    ("7", 7), ("0", 0), ("007", 7), ("", None), (None, None), ("²", None), ("٣", None), ("-1", None), ("1.5", None),
    (" 3", None), ("9" * 18, int("9" * 18)), ("9" * 19, None),
])
def test_whole_number_accepts_ascii_digits_only(raw, expected):
    assert whole_number(raw) == expected


def test_german_stemming_is_safe_from_several_threads_at_once():
    from concurrent.futures import ThreadPoolExecutor

    from newsdesk.core import german

    words = [f"{stem}{suffix}" for stem in ("brücken", "hochwasser", "feuerwehr", "gemeinderat", "umleitung")
             for suffix in ("", "en", "ungen", "lichkeit", "isch", "erinnen")]
    expected = {word: german._stemmer().stemWord(word) for word in words}
    german.stem.cache_clear()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda w: (w, german._stemmer().stemWord(w)), words * 200))
    assert all(expected[word] == stemmed for word, stemmed in results)
