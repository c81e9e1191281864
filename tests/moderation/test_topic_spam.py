from __future__ import annotations

from newsdesk.moderation import spam, topic
from newsdesk.moderation.topic_eval import CASES, evaluate

ARTICLE = (
    "<p>Der Stadtrat hat beschlossen, den Radweg an der Lindenallee zu verbreitern. Dafür fallen Parkplätze weg; "
    "Anwohner kritisieren die Radwegeplanung.</p>"
)


def test_on_topic_comment_scores_low_and_names_shared_words() -> None:
    result = topic.relevance("Endlich wird der Radweg breiter, die Parkplätze braucht niemand.", ARTICLE)
    assert result.offtopic < 0.3
    assert "Radweg" in result.shared


def test_off_topic_comment_scores_high() -> None:
    result = topic.relevance("Kauft jetzt Bitcoin, schnelles Geld garantiert, die Banken lügen.", ARTICLE)
    assert result.offtopic > 0.9 and result.shared == ()


def test_compound_parts_count_as_related() -> None:
    plain = topic.relevance("Die Planung der Radwege dauert viel zu lange bei uns.", ARTICLE)
    assert plain.offtopic < 0.7


def test_parent_comment_counts_as_context() -> None:
    reply = "Die Busfahrer streiken doch schon wieder, typisch Verkehrsbetriebe."
    alone = topic.relevance(reply, ARTICLE)
    with_parent = topic.relevance(reply, ARTICLE, parent="Streiken die Busfahrer der Verkehrsbetriebe morgen?")
    assert with_parent.offtopic < alone.offtopic


def test_too_short_to_judge_stays_near_half() -> None:
    assert 0.3 <= topic.relevance("Danke!", ARTICLE).offtopic <= 0.7


def test_fictional_evaluation_set_and_auc() -> None:
    assert len(CASES) == 8
    result = evaluate()
    assert result.labelled_auc > 0.9 and result.swapped_auc > 0.9
    assert result.labelled_pairs == (40, 24)
    assert any("protocol" in line for line in result.lines())


def test_links_and_shorteners() -> None:
    urls = spam.links("Hier: bit.ly/abc, https://www.beispiel.de/x und shop.com. Ende.")
    assert urls == ["bit.ly/abc", "https://www.beispiel.de/x", "shop.com"]
    assert spam.shorteners(urls) == ["bit.ly"]
    assert spam.links("Das kostet 5.000 Euro, z.B. im Desaster.") == []
    assert spam.links("bit\u200b.ly/x") == ["bit.ly/x"]


def test_shouting_ratio() -> None:
    assert spam.shouting_ratio("DAS IST JA WOHL DIE HÖHE, UNGLAUBLICH") == 1.0
    assert spam.shouting_ratio("Die EU und die AfD streiten über den Haushalt") < 0.2
    assert spam.shouting_ratio("OK") == 0.0


def test_fingerprints_and_near_duplicates() -> None:
    a = "Kauft jetzt Bitcoin, das schnelle Geld wartet auf euch alle da draußen!"
    b = "KAUFT jetzt Bitcoin,   das schnelle Geld wartet auf euch alle da draußen"
    c = "Kauft jetzt Bitcoin, das schnelle Geld wartet auf euch alle da draußen, wirklich!"
    assert spam.fingerprint(a) == spam.fingerprint(b)
    assert spam.fingerprint(a) != spam.fingerprint(c)
    assert len(spam.fingerprint(a)) == 64
    assert spam.similarity(a, c) > 0.7
    assert spam.similarity(a, "Der Radweg an der Lindenallee wird endlich breiter gemacht.") == 0.0
    assert spam.signature_similarity(spam.minhash(a), spam.minhash(c)) > 0.5
    assert spam.signature_similarity(spam.minhash(a), spam.minhash(b)) == 1.0
    assert spam.minhash("") == ()


def test_wordlist_version_depends_on_content_only() -> None:
    one = spam.as_wordlist(["b", "a"], ())
    two = spam.as_wordlist(["a", "b"], ())
    assert spam.wordlist_version(one) == spam.wordlist_version(two)
    assert spam.wordlist_version(one) != spam.wordlist_version(spam.as_wordlist(["a"], ()))
