import pytest

from newsdesk.moderation.normalize import fold_for_matching, normalize_for_model, split_hashtag
from newsdesk.moderation.wordlists import WordList


@pytest.mark.parametrize(
    ("dodged", "folded"),
    [
        ("Idi\u200bot", "idiot"),  # zero-width space
        ("Id\u00adiot", "idiot"),  # soft hyphen
        ("Ιdiοt", "idiot"),  # Greek capital iota and omicron
        ("Аrschlосh", "arschloch"),  # Cyrillic А, о, с
        ("ＩＤＩＯＴ", "idiot"),  # full-width letters (NFKC)
        ("1d10t", "idiot"),  # leetspeak
        ("i.d.i.o.t", "idiot"),
        ("I d i o t", "idiot"),
        ("Idiooooot", "idiot"),
        ("Scheiße", "scheisse"),
        ("Ärsche", "aersche"),
    ],
)
def test_fold_defeats_common_dodges(dodged: str, folded: str) -> None:
    assert fold_for_matching(dodged) == folded


def test_fold_keeps_numbers_and_sentence_punctuation_apart() -> None:
    assert fold_for_matching("Idiot! Das kostet 2024 Euro.") == "idiot das kostet 2024 euro"


def test_wordlist_kinds() -> None:
    words = WordList.of(["sau", "scheiss*", "*pack", "*idiot*", "halts maul", "# a comment"])
    assert words.find("Die Sau ist sauber") == ["sau"]
    assert words.find("scheissegal, dreckspack, packen") == ["scheissegal", "dreckspack"]
    assert words.find("Vollidioten! Halt's Maul") == ["vollidioten", "halts maul"]
    assert words.find("ganz harmlos") == []
    assert not WordList.of([])


def test_wordlist_catches_dodged_banned_word() -> None:
    words = WordList.of(["hurensohn*"])
    assert words.find("Du H\u200burens\u043ehn!")  # zero-width space + Cyrillic о
    assert words.find("Du HUR3NS0HN")


def test_normalize_for_model_maps_tweet_conventions() -> None:
    text = normalize_for_model("@spdde @xy Das ist #MerkelMussWeg |LBR| http://t.co/x !!!!!! &amp; @abc")
    assert text == "Das ist # Merkel Muss Weg\nURL !!! & @user"
    assert split_hashtag("SPD") == "SPD"
