"""Check-worthiness: the shipped weights, the tokenizer, and the scores on sentences written for these tests."""
import math
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker import checkworthy, lexicon
from tracker.checkworthy import Model, features, score, score_text, tokens
from tracker.model import Sentence
from tracker.segment import segment


def test_weights_file_is_plain_text_feature_and_weight():
    path = lexicon.path(checkworthy.WEIGHTS)
    raw = path.read_bytes()
    assert raw.startswith(b"#")                      # a header saying what the file is
    names = set()
    for line in raw.decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
        name, weight = line.split("\t")
        assert math.isfinite(float(weight))
        names.add(name)
    assert {"__bias", "__q", "__len0", "__len9"} <= names
    assert len(names) > 10_000


def test_tokens_lower_case_words_and_digit_shapes():
    assert tokens("Unemployment FELL to 2.5% in 2019.") == [b"unemployment", b"fell", b"to", b"0", b"0%", b"in", b"0000"]
    assert tokens("It cost £600m, not $1.2bn") == [b"it", b"cost", b"$000m", b"not", b"$0", b"0bn"]
    # curly and straight apostrophes split the same way
    assert tokens("don’t") == tokens("don't") == [b"don", b"t"]
    assert tokens("") == []


def test_features_name_what_the_scorer_looks_up():
    assert features("Why did taxes rise by 40 percent?") == [
        "why", "did", "taxes", "rise", "by", "00", "percent", "__len1", "__q"]


def test_a_statistic_is_check_worthy():
    for text in (
        "Unemployment rose to 7.4 percent last year, the highest rate since 1992.",
        "The state spent $3 billion on new prisons while cutting school budgets by 12%.",
        "Violent crime in our cities has doubled over the last ten years.",
        "He voted against the minimum wage increase fourteen times.",
    ):
        assert score_text(text) >= 0.5, text


def test_courtesies_opinions_and_questions_are_not():
    for text in (
        "Thank you very much, it is wonderful to be here tonight.",
        "I think that's a very good question.",
        "What are you going to do about it?",
        "Let me finish.",
        "We love this country.",
    ):
        assert score_text(text) < 0.5, text


def test_figures_outrank_hedged_talk():
    figure = score_text("Wheat exports fell by 30% in the first six months, the steepest drop since 2010.")
    talk = score_text("Well, I hope they will come back to the table and talk to us.")
    assert figure > talk + 0.3


def test_seed_article_figures_and_comparisons_rank_above_quoted_intentions(seed_text):
    by_text = {}
    sentences = segment(seed_text)
    score(sentences, [])
    for s in sentences:
        by_text[s.text] = s.checkworthiness
    troops = next(v for t, v in by_text.items() if "100,00 troops" in t)
    first_since = next(v for t, v in by_text.items() if t.startswith("It is the first time since"))
    reiterate = next(v for t, v in by_text.items() if t.startswith("He will “reiterate"))
    assert troops >= 0.5 and first_since >= 0.5
    assert reiterate < 0.5
    assert min(troops, first_since) > reiterate


def test_boilerplate_scores_zero_and_others_lie_in_0_1():
    sents = [
        Sentence(idx=0, start=0, end=20, text="Inflation hit 9% in June, the highest rate in forty years.", paragraph=0),
        Sentence(idx=1, start=21, end=40, text="Inflation hit 9% in June, the highest rate in forty years.", paragraph=1, boilerplate=True),
    ]
    score(sents, [])
    assert sents[0].checkworthiness >= 0.5
    assert sents[1].checkworthiness == 0.0


def test_model_is_a_logistic_over_summed_weights():
    m = Model({"__bias": -1.0, "__q": -2.0, "__len1": 0.5, "tax": 1.5, "0%": 2.0})
    # tokens: why, the, tax, 00%  -> 4 tokens: bucket __len0 (no weight given)
    assert m.logit("Why the tax, 10%?") == -1.0 - 2.0 + 1.5
    # five tokens: bucket __len1; "00%" is not "0%"
    assert m.logit("tax tax up by 15%") == -1.0 + 0.5 + 1.5 + 1.5
    assert m.score("tax tax up by 15%") == 1 / (1 + math.exp(-2.5))
    assert Model({"__bias": -1000.0}).score("anything") == 0.0
    assert Model({"__bias": 1000.0}).score("anything") == 1.0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.dictionaries(st.sampled_from(["we", "0", "00%", "$0", "__q", "__len0", "__len2"]),
                                              st.floats(-5, 5), max_size=5))
def test_scorer_agrees_with_the_training_features(text, weights):
    """The training script builds features with ``features``; the scorer must sum exactly those."""
    weights["__bias"] = 0.25
    m = Model(weights)
    expected = 0.25 + sum(weights.get(f, 0.0) for f in features(text))
    assert math.isclose(m.logit(text), expected, abs_tol=1e-9)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_scores_between_0_and_1(text):
    assert 0.0 <= score_text(text) <= 1.0


def test_scoring_stays_within_the_speed_budget():
    # budget: ~5 microseconds a sentence; the bound is loose for a busy machine
    texts = [f"In {1990 + i % 30} the council spent £{i}m on {i % 7} new roads, more than ever before." for i in range(5000)]
    score_text(texts[0])
    t0 = time.process_time()
    for t in texts:
        score_text(t)
    per_sentence = (time.process_time() - t0) / len(texts)
    assert per_sentence < 25e-6


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["The council spent $4m on roads.", "Why?", "Taxes rose 12% in 2019!",
                                 "He said: “no”.", "Café prices £3", "\n\n", "  ", "ok", "A-B 3/4 x"]),
                max_size=12))
def test_scoring_with_the_article_text_gives_the_same_scores(parts):
    """``score(..., text)`` reads an ASCII article's tokens from one translation of the whole text; the scores
    must be those of each sentence scored alone."""
    text = " ".join(parts)
    alone = segment(text)
    with_text = segment(text)
    score(alone, [])
    score(with_text, [], text)
    assert [s.checkworthiness for s in with_text] == [s.checkworthiness for s in alone]
    assert all(s.checkworthiness == score_text(s.text) for s in alone if not s.boilerplate)
