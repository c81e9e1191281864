"""The single entry point: `screen(text, ...)` → `Screening` (risk, recommended action, explained signals)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from newsdesk.moderation import offense, reasons, spam, topic
from newsdesk.moderation.identity import IdentityTerms
from newsdesk.moderation.wordlists import WordList

# Thresholds for "hold" (a moderator looks before publication). Chosen for a pre-screen that errs towards
# asking a human: false holds cost a moderator a click, false approvals cost the newsroom.
OFFTOPIC_HOLD = 0.85
LINKS_HOLD = 3
SHOUTING_HOLD = 0.7


class Action(StrEnum):
    APPROVE_CANDIDATE = "approve-candidate"  # nothing found; the policy still wants a human to approve
    HOLD = "hold"
    REJECT = "reject"


@dataclass(frozen=True)
class Signal:
    name: str
    score: float  # 0 = harmless … 1 = certainly a problem
    reason_de: str
    version: str
    action: Action = Action.APPROVE_CANDIDATE  # what this signal alone recommends


@dataclass(frozen=True)
class Screening:
    risk: float
    action: Action
    signals: tuple[Signal, ...]
    fingerprint: str  # `spam.fingerprint(text)`: store it to find re-posted copies
    versions: dict[str, str] = field(default_factory=dict)
    # Character spans (start, end) of the offence reason phrases in the comment, for highlighting; empty
    # when the offence signal does not hold the comment.
    reason_spans: tuple[tuple[int, int], ...] = ()

    @property
    def reasons_de(self) -> list[str]:
        """Reasons of the signals that raised the action, for the moderation queue."""
        return [s.reason_de for s in self.signals if s.action != Action.APPROVE_CANDIDATE]

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["reasons_de"] = self.reasons_de
        return data


def decimal_de(value: float) -> str:
    """0.934 → "0,93" (German decimal comma)."""
    return f"{value:.2f}".replace(".", ",")


def _quote(words: Iterable[str]) -> str:
    return ", ".join(f"»{w}«" for w in words)


def offense_result(text: str, model: offense.OffenseModel | None = None,
                   identity_terms: IdentityTerms | None = None) -> tuple[Signal, offense.OffenseResult]:
    model = model or offense.load()
    result = model.score(text, identity_terms=identity_terms)
    if result.offensive:
        reason = f"abwertend {decimal_de(result.probability)}: "
        reason += _quote(w for w, _ in result.top_words) if result.top_words else reasons.NO_CLEAR_REASON
    else:
        reason = f"nicht abwertend ({decimal_de(result.probability)})"
    signal = Signal("offense", round(result.probability, 4), reason, result.version,
                    Action.HOLD if result.offensive else Action.APPROVE_CANDIDATE)
    return signal, result


def offense_signal(text: str, model: offense.OffenseModel | None = None) -> Signal:
    return offense_result(text, model)[0]


def topic_signal(text: str, context_text: str, parent_text: str = "") -> Signal:
    result = topic.relevance(text, context_text, parent_text)
    if result.content_words < topic.MIN_CONTENT_WORDS:
        reason = f"zu kurz, um den Themenbezug zu beurteilen ({decimal_de(result.offtopic)})"
    elif result.offtopic >= OFFTOPIC_HOLD:
        reason = f"nicht zum Thema {decimal_de(result.offtopic)}: kaum Wörter aus dem Artikel"
    elif result.shared:
        reason = f"zum Thema ({decimal_de(1 - result.offtopic)}): {_quote(result.shared[:3])}"
    else:
        reason = f"Themenbezug unklar ({decimal_de(result.offtopic)})"
    hold = result.offtopic >= OFFTOPIC_HOLD and result.content_words >= topic.MIN_CONTENT_WORDS
    return Signal("offtopic", result.offtopic, reason, result.version,
                  Action.HOLD if hold else Action.APPROVE_CANDIDATE)


def spam_signals(text: str, banned: WordList, suspect: WordList) -> list[Signal]:
    signals = []
    urls = spam.links(text)
    if urls:
        signals.append(Signal(
            "links", min(1.0, len(urls) / LINKS_HOLD),
            f"{len(urls)} Link{'s' if len(urls) != 1 else ''}: {_quote(spam.host(u) for u in urls[:3])}",
            spam.SPAM_VERSION, Action.HOLD if len(urls) >= LINKS_HOLD else Action.APPROVE_CANDIDATE,
        ))
    short = spam.shorteners(urls)
    if short:
        signals.append(Signal("shortener", 1.0, f"Kurzlink verschleiert das Ziel: {_quote(short)}",
                              spam.SPAM_VERSION, Action.HOLD))
    banned_hits = banned.find(text)
    if banned_hits:
        signals.append(Signal("banned", 1.0, f"gesperrtes Wort: {_quote(dict.fromkeys(banned_hits))}",
                              spam.wordlist_version(banned), Action.REJECT))
    suspect_hits = suspect.find(text)
    if suspect_hits:
        signals.append(Signal("suspect", 0.8, f"Verdachtswort: {_quote(dict.fromkeys(suspect_hits))}",
                              spam.wordlist_version(suspect), Action.HOLD))
    shouting = spam.shouting_ratio(text)
    if shouting >= 0.5:
        hold = shouting >= SHOUTING_HOLD
        signals.append(Signal("shouting", round(shouting, 4), f"überwiegend Großbuchstaben ({shouting:.0%})",
                              spam.SPAM_VERSION, Action.HOLD if hold else Action.APPROVE_CANDIDATE))
    return signals


def screen(
    text: str,
    *,
    context_text: str = "",
    parent_text: str = "",
    banned: WordList | Iterable[str] | None = None,
    suspect: WordList | Iterable[str] | None = None,
    model: offense.OffenseModel | None = None,
    identity_terms: IdentityTerms | None = None,
) -> Screening:
    """Pre-screen one comment.

    `context_text`: the article (plain text or HTML) the comment belongs to; without it there is no off-topic
    signal. `parent_text`: the comment it replies to (counts as context too). `banned`/`suspect`: word lists
    (see `wordlists` for the syntax); None means the German defaults in `spam`, an empty list means none.
    `identity_terms`: never given as a reason on their own (None: the shipped list in `identity`).
    The action is the strictest any signal recommends; `risk` is the highest signal score.
    """
    banned_list = spam.as_wordlist(banned, spam.DEFAULT_BANNED)
    suspect_list = spam.as_wordlist(suspect, spam.DEFAULT_SUSPECT)
    offense_sig, offense_res = offense_result(text, model, identity_terms)
    signals = [offense_sig]
    if context_text.strip() or parent_text.strip():
        signals.append(topic_signal(text, context_text, parent_text))
    signals.extend(spam_signals(text, banned_list, suspect_list))
    order = [Action.APPROVE_CANDIDATE, Action.HOLD, Action.REJECT]
    action = max((s.action for s in signals), key=order.index)
    return Screening(
        risk=round(max(s.score for s in signals), 4),
        action=action,
        signals=tuple(signals),
        fingerprint=spam.fingerprint(text),
        versions={s.name: s.version for s in signals},
        reason_spans=offense_res.spans if offense_res.offensive else (),
    )
