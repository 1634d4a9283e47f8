from hypothesis import example, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from tracker import lexicon
from tracker.segment import paragraphs, segment, tokenizer


def texts(sentences):
    return [s.text for s in sentences]


def test_abbreviations_do_not_end_sentences():
    text = "Mr. Smith met Gen. Jones in the U.S. Senate on Nov. 19. They talked."
    assert texts(segment(text)) == ["Mr. Smith met Gen. Jones in the U.S. Senate on Nov. 19.", "They talked."]


def test_no_and_etc_still_end_sentences():
    assert texts(segment("Was it over? No. Definitely not.")) == ["Was it over?", "No.", "Definitely not."]


def test_sentence_never_crosses_a_line_break():
    text = "Ministers met on Friday\nReuters\nThe talks failed."
    assert texts(segment(text)) == ["Ministers met on Friday", "Reuters", "The talks failed."]


def test_hard_wrapped_prose_is_one_paragraph():
    text = ("The committee published its findings on Tuesday after a long\n"
            "inquiry into the council's spending. It found no wrongdoing.")
    assert len(paragraphs(text)) == 1
    assert len(segment(text)) == 2


def test_offsets_slice_the_text():
    text = "  Headline here\n\n  First sentence.  Second one!\n\nCredit: Agency\n"
    for s in segment(text):
        assert text[s.start:s.end] == s.text


def test_boilerplate_lines_are_marked():
    text = ("Council tax to rise by 3%\n\nGetty Images\n\nThe council said rates would rise.\n\n"
            "Image caption The town hall\n\nMore on this story\n\nMayor quits after vote\n\n"
            "Leave a Reply\n\nYour email address will not be published.")
    marks = {s.text: s.boilerplate for s in segment(text)}
    assert marks == {
        "Council tax to rise by 3%": False,          # the headline
        "Getty Images": True,
        "The council said rates would rise.": False,
        "Image caption The town hall": True,
        "More on this story": True,
        "Mayor quits after vote": True,
        "Leave a Reply": True,
        "Your email address will not be published.": True,
    }


def test_seed_article_boilerplate(seed_text):
    import json

    from conftest import SEED_GOLD

    gold = json.loads(SEED_GOLD.read_text())
    flagged = {s.text for s in segment(seed_text) if s.boilerplate}
    for line in gold["boilerplate"]:
        assert any(part in flagged for part in [line] + line.split(". ")), line
    body = [s for s in segment(seed_text) if not s.boilerplate]
    assert all(len(s.text.split()) > 6 for s in body)


def test_a_sentence_starter_after_an_abbreviation_starts_a_sentence():
    assert texts(segment("Few migrants reach the U.S. The rules changed in May.")) == [
        "Few migrants reach the U.S.", "The rules changed in May."]
    assert texts(segment("Vermont Sen. Bernie Sanders met Mr. Cruz.")) == ["Vermont Sen. Bernie Sanders met Mr. Cruz."]


def test_a_paragraph_ending_with_an_opening_style_mark_is_prose():
    # some sites close quotations with the opening mark
    text = "Council tax to rise\n\n“We had no choice, the budget is short,“ the leader said.“"
    assert [s.boilerplate for s in segment(text)][1:] == [False]


@settings(max_examples=300, deadline=None)
@example("She works for Warner Bros. He does not. Gen. Smith left. It rained!  Then etc. It ended? yes.")
@given(st.lists(st.sampled_from(list("abcXY .!?,;:-'\"“”‘’()[]…\n\t09é") + ["Mr.", "U.S.", " The ", "...", "3.5", " said", " Gen.", " etc.", " no", " A."]),
                max_size=80).map("".join))
def test_punkt_with_plain_re_patterns_and_shortcut_splits_exactly_as_nltk(text):
    params = PunktParameters()
    params.abbrev_types = set(lexicon.lines("punkt/abbreviations.txt"))
    params.sent_starters = set(lexicon.lines("punkt/sentence_starters.txt"))
    assert list(tokenizer().span_tokenize(text)) == list(PunktSentenceTokenizer(params).span_tokenize(text))


def test_a_paragraph_cut_off_at_its_end_loses_only_its_unfinished_sentence():
    # the phone number of an appeal lost in scraping: the finished sentences before it are the article's
    text = ("Bridge reopens\n\nThe bridge was closed for six weeks after the flood. Engineers found two cracked "
            "beams, the council said. Anyone who saw the damage is asked to call the council on\n\n"
            "Home | Local | Weather")
    got = [(s.text, s.boilerplate) for s in segment(text)]
    assert got == [("Bridge reopens", False),
                   ("The bridge was closed for six weeks after the flood.", False),
                   ("Engineers found two cracked beams, the council said.", False),
                   ("Anyone who saw the damage is asked to call the council on", True),
                   ("Home | Local | Weather", True)]


def test_punkt_loads_without_nltks_package_init_and_nltk_imports_whole_afterwards():
    import subprocess
    import sys
    code = ("import sys\n"
            "from tracker.segment import segment\n"
            "assert 'nltk' not in sys.modules and 'nltk.collocations' not in sys.modules\n"
            "assert [s.text for s in segment('Dr. Pine left at noon. She said “never.” Then it rained.')] == "
            "['Dr. Pine left at noon.', 'She said “never.”', 'Then it rained.']\n"
            "import nltk\n"
            "from nltk.tokenize.punkt import PunktSentenceTokenizer\n"
            "import tracker.segment as s\n"
            "assert PunktSentenceTokenizer is s.PunktSentenceTokenizer and callable(nltk.sent_tokenize)\n")
    subprocess.run([sys.executable, "-c", code], check=True)
