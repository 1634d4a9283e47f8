"""Check-worthiness: the shipped weights, the tokenizer, and the scores on sentences written for these tests."""
import math
import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker import checkworthy, lexicon
from tracker.checkworthy import Model, News, features, news, result_shape, score, score_text, tokens
from tracker.claims import find_claims
from tracker.extract import extract
from tracker.model import Document, Sentence
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
    by_text = {s.text: s.checkworthiness for s in extract(Document(text=seed_text)).sentences}
    troops = next(v for t, v in by_text.items() if "100,00 troops" in t)
    first_since = next(v for t, v in by_text.items() if t.startswith("It is the first time since"))
    reiterate = next(v for t, v in by_text.items() if t.startswith("He will “reiterate"))
    assert troops >= 0.5 and first_since >= 0.5
    assert reiterate < 0.5
    assert min(troops, first_since) > reiterate
    # the two are the article's most check-worthy sentences, and nothing else reaches 0.5
    assert sorted(by_text.values(), reverse=True)[:3] == [troops, first_since, sorted(by_text.values())[-3]]
    assert sorted(by_text.values())[-3] < 0.5


def _news_ranking() -> list[tuple[str, str, float]]:
    """The sentences of data/checkworthy/news-ranking.tsv, each scored as a one-line article."""
    out = []
    for line in lexicon.lines("checkworthy/news-ranking.tsv"):
        kind, text = line.split("\t")
        sentences = extract(Document(text=text)).sentences
        assert len(sentences) == 1, text
        out.append((kind, text, sentences[0].checkworthiness))
    return out


def test_news_ranking_puts_figures_and_comparisons_above_results_opinions_and_captions():
    scored = _news_ranking()
    high = [(t, v) for kind, t, v in scored if kind in ("speaker", "figure")]
    low = [(t, v) for kind, t, v in scored if kind in ("result", "low")]
    assert len(high) >= 10 and len(low) >= 10
    worst_high = min(high, key=lambda x: x[1])
    best_low = max(low, key=lambda x: x[1])
    assert worst_high[1] > best_low[1], (worst_high, best_low)
    # news is scored as news: the low ones are all below 0.5, most of the high ones above
    assert best_low[1] < 0.5
    assert sum(v >= 0.5 for _, v in high) >= 0.75 * len(high)


def test_a_figure_attributed_to_a_named_speaker_outranks_every_match_result():
    scored = _news_ranking()
    speakers = [v for kind, _, v in scored if kind == "speaker"]
    results = [v for kind, _, v in scored if kind == "result"]
    assert speakers and results
    assert min(speakers) > max(results) + 0.3


def test_match_results_have_the_shape_and_date_ranges_votes_and_figures_do_not():
    for text in ("Hale beat Moreno 7-5 6-2 in the opening round.", "a 2-1 win at home",
                 "Eastfield 0–5 Westbury", "they led 14-9 at half-time"):
        assert result_shape(text), text
    for text in ("The fair runs from 10-12 June.", "people aged 18-35", "The committee voted 8-1 to hold rates.",
                 "a 2-1 decision of the appeal court", "an order for 20 737-800 jets", "a loss of 20-30bn yen",
                 "rates of 10-15% a year", "a 2004-05 season", "9.5-10 points", "14-16 year olds", "no dash here"):
        assert not result_shape(text), text


def test_a_range_the_extraction_reads_as_a_figure_is_not_a_result():
    text = "The firm will cut 30-40 jobs."
    claims = find_claims(text, segment(text))
    assert any(c.text.startswith("30-40") for c in claims)
    assert result_shape(text)                                   # the shape alone
    assert not result_shape(text, 0, [(c.start, c.end) for c in claims])


def test_the_news_layer_is_a_logistic_over_the_text_logit_a_claim_and_a_result():
    n = News({"__bias": -3.0, "__slope": 0.5, "__claim": 1.5, "__result": -2.0})
    assert n.logit(2.0, False, False) == -2.0
    assert n.logit(2.0, True, False) == -0.5
    assert n.logit(2.0, True, True) == -2.5
    shipped = news()
    assert 0 < shipped.slope < 1                                # the debates' logit is tempered for news
    assert shipped.claim > 0 > shipped.result and shipped.bias < 0


def test_news_files_are_plain_text_with_a_header():
    for name in ("checkworthy/news.tsv", "checkworthy/news-labels.tsv", "checkworthy/news-ranking.tsv"):
        assert lexicon.path(name).read_text(encoding="utf-8").startswith("#"), name
    labels = lexicon.lines("checkworthy/news-labels.tsv")
    rows = [line.split("\t") for line in labels]
    assert all(len(r) == 6 and r[3] in ("random", "result") and r[4] in ("0", "1")
               and re.fullmatch(r"[0-9a-f]{12}", r[5]) for r in rows)
    assert sum(r[3] == "random" for r in rows) == 200
    # the labels point into the corpus: no article text is kept
    assert all(int(r[1]) < int(r[2]) and r[0].endswith(".txt") for r in rows)


def test_boilerplate_scores_zero_and_others_lie_in_0_1():
    text = "Inflation hit 9% in June, the highest rate in forty years.\n\nInflation hit 9% in June, the highest rate in forty years."
    sents = segment(text)
    claims = find_claims(text, sents)
    sents[1].boilerplate = True
    score(sents, claims, text)
    assert sents[0].checkworthiness >= 0.5
    assert sents[1].checkworthiness == 0.0


def test_model_is_a_logistic_over_summed_weights():
    m = Model({"__bias": -1.0, "__q": -2.0, "__len1": 0.5, "tax": 1.5, "0%": 2.0})
    # tokens: why, the, tax, 00%  -> 4 tokens: bucket __len0 (no weight given)
    assert m.logit("Why the tax, 10%?") == -1.0 - 2.0 + 1.5
    # five tokens: bucket __len1; "00%" is not "0%"; "tax" twice counts once
    assert m.logit("tax tax up by 15%") == -1.0 + 0.5 + 1.5
    assert m.score("tax tax up by 15%") == 1 / (1 + math.exp(-1.0))
    assert Model({"__bias": -1000.0}).score("anything") == 0.0
    assert Model({"__bias": 1000.0}).score("anything") == 1.0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.dictionaries(st.sampled_from(["we", "0", "00%", "$0", "__q", "__len0", "__len2"]),
                                              st.floats(-5, 5), max_size=5))
def test_scorer_agrees_with_the_training_features(text, weights):
    """The training script builds features with ``features``; the scorer must sum exactly those."""
    weights["__bias"] = 0.25
    m = Model(weights)
    expected = 0.25 + sum(weights.get(f, 0.0) for f in set(features(text)))
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


def test_a_repeated_number_counts_once():
    # the model was trained on the presence of each token; summing repeats put a line of figures at 1.0
    m = Model({"__bias": 0.0, "0": 1.0, "0%": 1.0})
    assert m.logit("1 2 3 4 5 6") == 1.0
    assert m.logit("4% 5% 6% and 7") == 2.0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["The council spent $4m on roads.", "Why?", "Taxes rose 12% in 2019!",
                                 "He said: “no”.", "Café prices £3", "\n\n", "  ", "ok", "A-B 3/4 x",
                                 "They won 2-1.", "from 30-40 staff"]),
                max_size=12))
def test_scoring_with_the_article_text_gives_the_same_scores(parts):
    """``score(..., text)`` reads an ASCII article's tokens from one translation of the whole text; the scores
    must be those of each sentence scored alone, by the news layer over the text logit and the claims."""
    text = " ".join(parts)
    alone = segment(text)
    with_text = segment(text)
    claims = find_claims(text, alone)
    score(alone, claims)
    score(with_text, claims, text)
    assert [s.checkworthiness for s in with_text] == [s.checkworthiness for s in alone]
    layer, text_model = news(), checkworthy.model()
    for s in alone:
        if s.boilerplate:
            assert s.checkworthiness == 0.0
            continue
        spans = [(c.start, c.end) for c in claims if c.sentence_idx == s.idx]
        z = layer.logit(text_model.logit(s.text), bool(spans), result_shape(s.text, s.start, spans))
        assert math.isclose(s.checkworthiness, 1 / (1 + math.exp(-z)), rel_tol=1e-12)
