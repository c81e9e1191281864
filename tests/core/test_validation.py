"""Shared input checks."""

import pytest

from newsdesk.core.validation import whole_number


@pytest.mark.parametrize("raw, expected", [
    ("7", 7), ("0", 0), ("007", 7), ("", None), (None, None), ("²", None), ("٣", None), ("-1", None), ("1.5", None),
    (" 3", None), ("9" * 18, int("9" * 18)), ("9" * 19, None),
])
def test_whole_number_accepts_ascii_digits_only(raw, expected):
    assert whole_number(raw) == expected
