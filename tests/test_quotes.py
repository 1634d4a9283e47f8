"""Quote extraction: one test per pattern, on sentences written for these tests."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.model import Quote
from tracker.quotes import find_quotes
from tracker.quotes.attribution import antecedent
from tracker.quotes.cues import inflect, verbs
from tracker.quotes.marks import quoted_spans
from tracker.segment import segment

from conftest import SEED_GOLD


def quotes(text: str, has_headline: bool | None = None) -> list[Quote]:
    found = find_quotes(text, segment(text, has_headline=has_headline))
    for q in found:
        assert text[q.start:q.end] == q.content
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
        if q.cue_start is not None:
            assert text[q.cue_start:q.cue_end] == q.cue
    return found


def one(text: str, **kw) -> Quote:
    found = quotes(text, **kw)
    assert len(found) == 1, [(q.kind, q.content, q.speaker_mention) for q in found]
    return found[0]


def triples(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.content, q.speaker_mention) for q in quotes(text)]


@pytest.fixture
def no_floors(monkeypatch):
    """The storing floors lifted: a test of how a frame is read (who speaks, what is said) on a sentence
    whose row the confidence model rates too low to store (issue 14: that is the model's judgement, refitted
    on new annotated news, and tested by the confidence tests)."""
    from tracker.quotes import confidence
    monkeypatch.setattr(confidence, "FLOOR", 0.0)
    monkeypatch.setattr(confidence, "INDIRECT_FLOOR", 0.0)


# quotation marks ---------------------------------------------------------------

def test_curly_and_straight_marks():
    assert triples("“We will rebuild the bridge,” the mayor said.") == [
        ("direct", "We will rebuild the bridge", "the mayor")]
    assert triples('"We will rebuild the bridge," the mayor said.') == [
        ("direct", "We will rebuild the bridge", "the mayor")]
    # doubled apostrophes, as some wire archives print quotation marks
    assert triples("''We will rebuild the bridge,'' the mayor said.") == [
        ("direct", "We will rebuild the bridge", "the mayor")]


def test_nested_single_quotes_stay_inside_the_quotation():
    q = one("“She told me, ‘Never again,’ and walked out,” said Tom Reyes.")
    assert q.kind == "direct"
    assert q.content == "She told me, ‘Never again,’ and walked out"
    assert q.speaker_mention == "Tom Reyes"


def test_apostrophes_are_not_quotation_marks():
    text = "The farmers’ union said it won’t sign, and Jo O'Neill’s group agreed it's 'a bad deal'."
    spans = quoted_spans(text, [(0, len(text))])
    assert [text[s.start:s.end] for s in spans] == ["a bad deal"]


def test_plural_possessive_before_a_closing_mark():
    text = "She called it ‘the workers’ charter’ on Monday."
    spans = quoted_spans(text, [(0, len(text))])
    assert [text[s.start:s.end] for s in spans] == ["the workers’ charter"]


def test_unmatched_mark_does_not_swallow_the_article():
    text = ("The council met on Tuesday. A member shouted \"enough and left the room.\n\n"
            "“We are committed to the plan,” the chairwoman said later.\n\n"
            "The vote is set for March.")
    found = quotes(text)
    assert ("direct", "We are committed to the plan", "the chairwoman") in \
        [(q.kind, q.content, q.speaker_mention) for q in found]
    assert not any("vote is set" in q.content for q in found)


def test_multi_paragraph_quotation_continues_its_speaker():
    text = ("A spokesman for the port said: “Ships will be delayed for a week.\n\n"
            "“Crews are working through the night to clear the channel.”\n\n"
            "Traders expect prices to rise.")
    found = quotes(text)
    assert [(q.kind, q.content) for q in found[:2]] == [
        ("direct", "Ships will be delayed for a week."),
        ("direct", "Crews are working through the night to clear the channel.")]
    assert found[0].speaker_mention == "A spokesman for the port"
    # the second paragraph names nobody: it continues quote 0 and points at its mention
    assert found[1].continues == 0 and found[1].cue is None
    assert (found[1].speaker_start, found[1].speaker_end) == (found[0].speaker_start, found[0].speaker_end)


def test_run_together_paragraphs_of_a_straight_quoted_quotation():
    # a long quotation whose paragraphs were joined into one: the second opening mark, after a sentence
    # end and a space, starts a quote of its own (it was taken as the first one's closing mark)
    text = ('The ferry captain said: "The engine failed at dawn. "We drifted for two hours before the '
            'tug reached us, and nobody was hurt." The line will resume sailings on Monday.')
    spans = quoted_spans(text, [(0, len(text))])
    assert [text[s.start:s.end] for s in spans] == [
        "The engine failed at dawn.",
        "We drifted for two hours before the tug reached us, and nobody was hurt."]
    found = quotes(text)
    assert [(q.kind, q.speaker_mention) for q in found] == [("direct", "The ferry captain")] * 2
    assert found[1].continues == 0
    # a closing mark after a word is still a closing mark
    text = 'She called the plan "a good start" and left.'
    assert [text[s.start:s.end] for s in quoted_spans(text, [(0, len(text))])] == ["a good start"]


def test_quotation_in_the_next_sentence_continues_the_speaker():
    found = quotes("“We lost,” said Ana Ruiz. “Next year we will be back.”")
    assert [q.content for q in found] == ["We lost", "Next year we will be back."]
    assert found[0].speaker_mention == "Ana Ruiz"
    assert found[1].continues == 0 and found[1].speaker_start == found[0].speaker_start


# frames ---------------------------------------------------------------------------

def test_quote_then_speaker_then_added():
    q = one("“The water is safe to drink,” Dr Patel added.")
    assert (q.kind, q.cue, q.speaker_mention) == ("direct", "added", "Dr Patel")


def test_quote_then_said_then_speaker():
    q = one("“It was a fair result,” said the referee, Mark Olsen.")
    assert (q.kind, q.content, q.cue, q.speaker_mention) == (
        "direct", "It was a fair result", "said", "the referee")


def test_speaker_said_colon_quote():
    q = one("The coach said: “We played our best game of the season.”")
    assert (q.kind, q.content, q.speaker_mention) == ("direct", "We played our best game of the season.",
                                                      "The coach")


def test_colon_quote_in_the_next_paragraph():
    text = "The union's leader wrote:\n\n“Members will not accept this offer.”"
    q = one(text)
    assert (q.kind, q.speaker_mention, q.cue) == ("direct", "The union's leader", "wrote")


def test_dash_attribution():
    text = "“Every vote matters in a race this close.”\n\n— Maria Lopez, campaign manager."
    q = one(text)
    assert (q.kind, q.content, q.speaker_mention) == ("direct", "Every vote matters in a race this close.",
                                                      "Maria Lopez")


def test_speaker_before_colon_in_transcripts_and_headlines():
    q = one("Minister: ‘We will not raise taxes’\n\nThe budget is due next week.", has_headline=True)
    assert (q.kind, q.content, q.speaker_mention) == ("direct", "We will not raise taxes", "Minister")


def test_an_inverted_cue_before_a_colon_is_not_part_of_the_speaker():
    for verb in ("Continued", "Added", "Said"):
        q = one(f"Roger Pell spoke for an hour.\n\n{verb} Pell: “The rules were broken twice.”")
        assert (q.speaker_mention, q.cue, q.content) == ("Pell", verb, "The rules were broken twice.")
    q = one("Roger Pell spoke for an hour.\n\nUnited Airlines: “The rules were broken twice.”")
    assert (q.speaker_mention, q.cue) == ("United Airlines", ":")


def test_an_opening_participle_before_the_speaker_is_not_reported_speech():
    for opening in ("Holding up a letter", "Smiling broadly", "Taking it in"):
        q = one(f"{opening}, Mina Ruiz said, “We will appeal on Monday.”")
        assert (q.kind, q.content, q.speaker_mention) == ("direct", "We will appeal on Monday.", "Mina Ruiz")
    # a clause with a finite verb is still her words
    found = triples("Winning the appeal is likely, Mina Ruiz said, “and soon.”")
    assert ("indirect", "Winning the appeal is likely", "Mina Ruiz") in found


def test_an_irregular_past_tense_after_a_name_ends_the_speaker():
    q = one("Mrs. Dale spent Monday in Ohio, arguing that the plan would work.")
    assert (q.speaker_mention, q.cue, q.content) == ("Mrs. Dale", "arguing", "that the plan would work")
    q = one("While touring the plant, Governor Amy Dale spent Friday arguing that the plan would work.")
    assert (q.speaker_mention, q.cue, q.content) == ("Governor Amy Dale", "arguing", "that the plan would work")


def test_an_adverb_opening_a_clause_is_not_part_of_the_speaker():
    got = triples("He admits the rivals work hard, but finally Dale Pryor says their sums do not add up.")
    assert got == [("indirect", "the rivals work hard", "He"),
                   ("indirect", "their sums do not add up", "Dale Pryor")]
    # a degree adverb inside a clause is not stripped to make a speaker of the name after it
    assert all(s != "Ohio" for _, _, s in triples("How boldly Ohio reacts to the ruling is the question."))


def test_a_verb_alone_before_a_cue_is_no_speaker():
    assert triples("Yet she closed four offices and began talking about the plan for the autumn.") == []
    got = triples("The mayor has ignored every plea to slow down, committing repeated blunders.")
    assert all(s != "committing" for _, _, s in got)


def test_a_relative_clause_without_a_pronoun_is_its_subjects():
    from tracker.quotes.attribution import attribute
    text = "A heckler shouted a rude name at Senator Ann Cole, a name Mr. Dale later repeated."
    got = [(q.kind, q.content, q.speaker_mention) for q in attribute(text, segment(text))]
    assert ("indirect", "a name", "Mr. Dale") in got
    # (a noun phrase repeated is of too low a confidence to be stored: issue 14)
    assert ("indirect", "a name", "Mr. Dale") not in triples(text)
    # not a description in apposition to a name, nor a noun with a prepositional phrase
    assert ("indirect", "the vote was rigged", "The venture capitalist Ann Cole") in triples(
        "The venture capitalist Ann Cole said the vote was rigged.")
    assert all(s != "Ohio" for _, _, s in triples("The visit was short, the pitch in Ohio says."))


def test_a_pronoun_and_a_group_are_one_subject():
    got = triples("Pastor Ann Lowe said she and other church leaders are planning to boycott the dinner.")
    assert got == [("indirect", "she and other church leaders are planning to boycott the dinner", "Pastor Ann Lowe")]
    got = triples("The guard pushed a camera away, she and another photographer said.")
    assert got == [("indirect", "The guard pushed a camera away", "she and another photographer")]


def test_the_person_written_to_after_a_postposed_cue_is_not_the_words():
    for cue in ("wrote", "told"):
        got = triples(f"The records were moved to a safe place, Pat Kenny {cue} Steve Linn.")
        assert got == [("indirect", "The records were moved to a safe place", "Pat Kenny")]


def test_a_cue_with_a_colon_after_a_question_introduces_the_next_quotation():
    for asked in ("Who will pay for the repairs?", "Nobody will pay for the repairs!",
                  "The residents keep asking: ‘Who will pay?’"):
        got = triples(f"“We asked the council about it,” said Ruth Byrne. “{asked}” "
                      "The harbour master, Owen Tate, added: “The council will, in the end.”")
        assert sorted((c, sp) for _, c, sp in got) == sorted([
            (asked, "Ruth Byrne"), ("The council will, in the end.", "The harbour master"),
            ("We asked the council about it", "Ruth Byrne")])


def test_a_phrase_coordinated_between_commas_before_an_inverted_cue_is_no_speaker():
    got = triples("The bridge could carry trams and buses, and bicycles too, said Mark Owen, the chief engineer.")
    assert got == [("indirect", "The bridge could carry trams and buses, and bicycles too", "Mark Owen")]
    # a coordinated speaker before the cue still speaks
    got = triples("Mark Owen, and his deputy, said the bridge would open in May.")
    assert got == [("indirect", "the bridge would open in May", "Mark Owen")]


def test_a_row_of_very_low_confidence_with_no_named_speaker_is_not_stored():
    # "is not expected to" with a thing before it, a passive "expected" after a number: no attribution
    assert triples("A full reopening of the old harbour is not expected to start until 2027.") == []
    got = triples("On Sunday, a spokesman for the Riverside Market in Leeds said it looked like being its best day "
                  "of the year with about 40,000 visitors expected to have come by the evening.")
    assert not any(sp == "40,000 visitors" for _, _, sp in got)
    # a clear attribution beside it stays
    got = triples("A full reopening of the old harbour is not expected to start until 2027, the port authority said.")
    assert [sp for _, _, sp in got] == ["the port authority"]


def test_an_adjective_before_a_noun_that_may_be_a_verb_keeps_it_a_noun():
    got = triples("Mr. Dale won the hall over with fierce and endless attacks on his rival.")
    assert all(s != "endless" for _, _, s in got)
    assert triples("There were no famous calls to shut the port.") == []


@pytest.mark.usefixtures("no_floors")
def test_a_participle_in_an_opening_clause_is_the_main_subjects():
    got = triples("After praising the Ledger for its report on the flood, Glenn Bock went further on Monday.")
    assert got == [("indirect", "the Ledger for its report on the flood", "Glenn Bock")]


def test_an_inverted_cue_ending_a_paragraph_in_a_colon_leads_to_the_next_quotation():
    got = quotes("Roger Pell spoke on the radio.\n\nStated Pell:\n\n“The count must be redone.”")
    assert [(q.kind, q.content, q.speaker_mention, q.cue) for q in got] == [
        ("direct", "The count must be redone.", "Pell", "Stated")]


def test_appositive_between_speaker_and_cue():
    q = one("Hugh Hill, a doctor at the clinic, said the ward would reopen in May.")
    assert (q.kind, q.content, q.speaker_mention, q.cue) == (
        "indirect", "the ward would reopen in May", "Hugh Hill", "said")


def test_according_to():
    q = one("The factory will close next year, according to a letter from the chief executive.")
    assert (q.kind, q.content, q.cue, q.speaker_mention) == (
        "indirect", "The factory will close next year", "according to", "a letter from the chief executive")
    q = one("According to the police, two men were arrested.")
    assert (q.content, q.speaker_mention) == ("two men were arrested", "the police")


@pytest.mark.parametrize("text,cue,mention,content", [
    ("The airline said in a statement that all flights would resume.", "said in a statement", "The airline",
     "that all flights would resume"),
    ("Ms Okafor told reporters the talks had failed.", "told reporters", "Ms Okafor", "the talks had failed"),
    ("The senator wrote on Twitter that the bill was dead.", "wrote on Twitter", "The senator",
     "that the bill was dead"),
    ("The chef pointed out that the kitchen was closed.", "pointed out", "The chef", "that the kitchen was closed"),
])
def test_nominal_and_phrasal_cues(text, cue, mention, content):
    q = one(text)
    assert (q.cue, q.speaker_mention, q.content) == (cue, mention, content)


def test_questions_and_exclamations():
    assert triples("“Who will pay for it?” she asked.") == [("direct", "Who will pay for it?", "she")]
    assert triples("“Get out of my office!” the manager shouted.") == [
        ("direct", "Get out of my office!", "the manager")]


@pytest.mark.parametrize("text,cue", [
    ("The minister has repeatedly told MPs that the cuts are temporary.", "has repeatedly told"),
    ("Her lawyer would later say that the letter was forged.", "would later say"),
    ("The company had insisted that no data was lost.", "had insisted"),
    ("Officials are warning that the river may flood.", "are warning"),
    ("The governor says the roads will reopen soon.", "says"),
])
def test_reporting_verbs_in_any_tense(text, cue):
    q = one(text)
    assert q.cue == cue
    assert q.kind == "indirect"


def test_partial_quotation_inside_reported_speech_is_mixed():
    q = one("The judge said the defence was “entirely without merit” and closed the file.")
    assert q.kind == "mixed"
    assert q.speaker_mention == "The judge"
    assert q.content.startswith("the defence was “entirely without merit”")


def test_scare_quotes_nicknames_and_titles_are_not_quotes():
    text = ("The so-called “miracle cure” was sold online. Fans of “The Crown” queued for hours. "
            "Boxer Jake “The Hammer” Doyle won again.")
    assert quotes(text) == []


def test_captions_are_skipped_and_headlines_are_read():
    text = ("Mayor vows ‘no more delays’ on tram line\n\n"
            "Getty Images\n\n"
            "The mayor said the tram line would open in June.")
    found = quotes(text)
    assert all(q.sentence_idx != 1 for q in found)
    assert any(q.speaker_mention == "The mayor" for q in found)


def test_subjectless_cue_shares_the_speaker_before():
    text = "The trade minister has told the Acme Gazette there is still “a hope” of a deal, but added: “I’m anxious.”"
    found = quotes(text)
    assert [(q.kind, q.content) for q in found] == [
        ("mixed", "there is still “a hope” of a deal"), ("direct", "I’m anxious.")]
    assert found[0].speaker_mention == "The trade minister" and found[0].cue == "has told"
    assert found[1].continues == 0 and found[1].cue == "added"
    assert found[1].speaker_start == found[0].speaker_start


def test_relative_clause_speaker_is_the_relative_pronoun_and_the_clause_ends_at_the_dash():
    # the pronoun is the mention as written (as PolNeAR annotates it); the speakers stage reads its antecedent
    q = one("The company – which has denied any wrongdoing – has paid a fine.")
    assert (q.speaker_mention, q.cue, q.content) == ("which", "has denied", "any wrongdoing")


def test_relative_pronoun_resolves_to_the_phrase_before_it():
    from tracker.extract import extract
    from tracker.model import Document

    # (two people before "The Oregon senator": the description stays unresolved, and so does its "who")
    text = ("Nora Linden and Al Ortiz chair the ethics panel. The Oregon senator, who has long argued that the "
            "rules are weak, "
            "spoke on Monday. Farmers who say the subsidy is too low marched. Linden, who said the vote was close, "
            "left early.")
    ex = extract(Document(text=text))
    got = [(q.speaker_mention, ex.speakers[q.speaker].name if q.speaker is not None else None) for q in ex.quotes]
    assert got == [("who", None), ("who", "farmers"), ("who", "Nora Linden")]


def test_no_10_is_one_speaker():
    q = one("No 10 said the prime minister would visit the region.")
    assert q.speaker_mention == "No 10"


def test_nouns_that_look_like_cues_are_not_cues():
    assert quotes("During the call, the ministers discussed trade. The plans were published on Friday.") == [] \
        or all(q.cue != "call" and q.cue != "plans" for q in quotes(
            "During the call, the ministers discussed trade. The plans were published on Friday."))


@pytest.mark.parametrize("text", [
    "The index closed up 41 points on Monday.",
    "The 7 July bombings changed the city.",
    "A third reading could follow next week.",
    "The tribunal ruling is a setback for the union.",
    "The June reading was the weakest this year.",
])
def test_a_cue_form_after_a_number_or_before_a_verb_is_a_noun(text):
    assert quotes(text) == []


@pytest.mark.usefixtures("no_floors")
@pytest.mark.parametrize("text, speaker", [
    # a clause between the commas is no appositive: the speaker comes after the verb
    ("Lately, the plant has been idle, says Mr Holt.", "Mr Holt"),
    # a relative clause with commas of its own: the phrase before it speaks
    ("Ms Rana, whose first company, Tillwise, sells seeds, said the market was strong.", "Ms Rana"),
    ("Hugh Hill, a doctor at the clinic, said the wait was long.", "Hugh Hill"),
    ("Hugh Hill, a doctor who has treated the mayor, said the wait was long.", "Hugh Hill"),
    ("Dunn, as he has before, said the wait was long.", "Dunn"),
    # a name, a description in apposition, a relative clause about the description: the name speaks
    ("But Ann Lee, head of the Tenants Union, which filed the suit, said rents were too high.", "Ann Lee"),
    ("In June, a district judge, in response to the suit, ordered the files released.", "a district judge"),
])
def test_asides_between_commas(text, speaker):
    assert one(text).speaker_mention == speaker


def test_an_ordinal_subject_still_speaks():
    assert [(q.speaker_mention, q.cue) for q in quotes("The second said the vote was fair.")] == [("The second",
                                                                                                 "said")]


# the lexicon ------------------------------------------------------------------

def test_inflections():
    assert {"add", "adds", "added", "adding"} <= inflect("add")
    assert {"quip", "quipped", "quipping"} <= inflect("quip")
    assert {"deny", "denies", "denied"} <= inflect("deny")
    table = verbs()
    assert table["said"][0] == "say" and table["told"][0] == "tell" and table["shot back"][0] == "shoot back"
    assert "back" not in table and table["backed"][0] == "back"


# the seed article ---------------------------------------------------------------

def test_seed_article_matches_its_gold(seed_text):
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    found = quotes(seed_text, has_headline=True)
    for g in gold["quotes"]:
        match = [q for q in found if q.start < g["end"] and g["start"] < q.end]
        assert match, g["content"]
        q = min(match, key=lambda q: abs(len(q.content) - len(g["content"])))
        assert q.kind == g["kind"], g["content"]
        # content as annotated, give or take an opening adverbial ("As well as …, X will visit")
        assert g["content"] in q.content, (q.content, g["content"])
        if g.get("speaker_start") is not None:
            span = (q.speaker_start, q.speaker_end)
            if q.speaker_mention in ("who", "which"):
                # "Russia – which has denied …": the pronoun is reported, its antecedent is the annotated speaker
                span = antecedent(seed_text, *span)
            assert span == (g["speaker_start"], g["speaker_end"])
        else:
            # the sentence names nobody: the quote continues an earlier one and points at
            # that quote's mention ("A Downing Street spokeswoman", "The defence secretary")
            assert q.continues is not None, g["content"]
            root = found[q.continues]
            assert (q.speaker_start, q.speaker_end) == (root.speaker_start, root.speaker_end)
            assert any(w in q.speaker_mention for w in g["aliases"] + [g["speaker_canonical"]]) or \
                q.speaker_mention.lower().endswith(tuple(a.lower() for a in g["aliases"]))
    # nothing from the related-articles footer
    assert not any("decline in forces" in q.content for q in found)


# invariants -------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab S“”\"‘’'.,:;!?–—-\n ") + ["said ", "He ", "told ", "according to ",
                                                                   "\n\n", "Mr. ", "who ", "the "]),
                max_size=80).map("".join))
def test_any_text_gives_exact_offsets(text):
    quotes(text)


def test_docstring_examples_hold():
    import doctest

    import tracker.quotes
    import tracker.quotes.marks

    for module in (tracker.quotes, tracker.quotes.marks):
        assert doctest.testmod(module).failed == 0


@pytest.mark.usefixtures("no_floors")
def test_reported_clause_stops_before_another_speakers_quotation():
    text = ("The mayor has asked officials for plans to deal with what the council has called "
            "“a housing emergency”.")
    quotes = find_quotes(text, segment(text))
    by_mention = {q.speaker_mention: q for q in quotes}
    assert by_mention["the council"].content == "a housing emergency"
    assert by_mention["the council"].kind == "direct"
    outer = by_mention["The mayor"]
    assert outer.content == "officials for plans to deal with"
    assert text[outer.start:outer.end] == outer.content


def test_a_quotation_after_narration_in_the_same_paragraph_continues_its_speaker():
    text = ("“The roads are empty,” Dana Holt said. The towns lie far from any city. “That is a hard place.”\n\n"
            "“We will see,” the mayor said.")
    got = [(q.content, q.speaker_mention) for q in quotes(text)]
    assert got == [("The roads are empty", "Dana Holt"), ("That is a hard place.", "Dana Holt"),
                   ("We will see", "the mayor")]


def test_a_new_sentence_after_a_closed_quotation_does_not_report_it():
    text = ("He sent a memo asking for “$5 billion.” Two former ministers fired back at him over the plan.")
    assert not any(q.speaker_mention == "Two former ministers" and "memo" in q.content for q in quotes(text))


def test_a_reported_clause_ends_at_while_after_a_quotation_that_took_the_comma():
    got = triples("Ann Cole refers to her rival as “the mayor,” while Bo Lind refers to her as “Ann.”")
    assert got == [("mixed", "her rival as “the mayor,”", "Ann Cole"), ("mixed", "her as “Ann.”", "Bo Lind")]


@pytest.mark.usefixtures("no_floors")
@pytest.mark.parametrize("text, speaker", [
    ("Both mayors issued a statement expressing hope that the talks would resume.", "Both mayors"),
    ("The council approved a resolution condemning the remarks.", "The council"),
    ("Senator Dana Ruiz has put out a statement calling on the nation to \"stand together\".", "Senator Dana Ruiz"),
    ("Governor Lee released a statement Thursday night saying the roads were closed.", "Governor Lee"),
])
def test_who_issued_a_statement_speaks_through_it(text, speaker):
    assert one(text).speaker_mention == speaker


def test_adverbs_before_a_cue_are_not_its_speaker():
    assert one("Mayor Ortiz always insisted that the bridge was safe.").speaker_mention == "Mayor Ortiz"
    assert one("The board instead argued that the fee was legal.").speaker_mention == "The board"


def test_an_article_alone_is_no_speaker():
    # "question" read as a verb leaves "the" before it: no speaker rather than "the"
    assert all(q.speaker_mention != "the" for q in quotes("It is not the only question voters have about the plan."))


def test_three_apostrophes_close_a_nested_quotation_then_the_quotation():
    text = "''We hear it daily, 'this case is special,''' Ms. Varga said. ''It is not.''"
    assert [(q.speaker_mention, q.cue) for q in quotes(text)] == [("Ms. Varga", "said"), ("Ms. Varga", None)]


@pytest.mark.parametrize("text, speaker", [
    ("“I cannot vote for him,” said Dover resident Ada Pyle.", "Dover resident Ada Pyle"),
    ("“It is over,” said Reform Party campaign manager Tom Esk on Monday.", "Reform Party campaign manager Tom Esk"),
    ("“It is over,” said Lisbon city officials.", "Lisbon city officials"),
    ("“We won,” said Hale yesterday.", "Hale"),
    ("“We won,” says Hale cheerfully.", "Hale"),
])
def test_common_nouns_between_a_name_and_a_name_after_the_verb_belong_to_the_speaker(text, speaker):
    assert one(text).speaker_mention == speaker


def test_as_reported_by_names_who_reports_the_clause():
    got = triples("As reported by the Ledger, former agent Jo Tate found both rules unfair.")
    # (the stance "found both rules unfair" under it is of too low a confidence to be stored, issue 14)
    assert got == [("indirect", "former agent Jo Tate found both rules unfair", "the Ledger")]


@pytest.mark.usefixtures("no_floors")
def test_as_noted_by_names_who_said_the_clause_before_it():
    assert triples("The bill would fail, as noted by the senator.") == [
        ("indirect", "The bill would fail", "the senator")]


@pytest.mark.usefixtures("no_floors")
def test_the_agent_of_asked_by_speaks_the_question():
    assert triples("He was asked by the host whether he would run.") == [
        ("indirect", "whether he would run", "the host")]
    assert triples("Asked by Ann Lowe on Friday about the tax, Jo Tate said it would go.") == [
        ("indirect", "about the tax", "Ann Lowe"), ("indirect", "it would go", "Jo Tate")]
    assert triples("He was asked by the host, who smiled, to explain it.") == []
    # a no-break space before the quotation changes nothing
    assert triples("Asked by Ann Lowe to respond, Jo Tate said,\u00a0“We will win.”") == [
        ("indirect", "to respond", "Ann Lowe"), ("direct", "We will win.", "Jo Tate")]


def test_a_closing_according_to_reports_the_quotation_and_who_spoke_it():
    got = triples("“The count was fair,” Jo Tate said at a briefing, according to the Ledger.")
    assert got == [("direct", "The count was fair", "Jo Tate"),
                   ("indirect", "“The count was fair,” Jo Tate said at a briefing", "the Ledger")]
    got = triples("The count was fair, Jo Tate said, according to the Ledger.")
    assert got == [("indirect", "The count was fair", "Jo Tate"),
                   ("indirect", "The count was fair, Jo Tate said", "the Ledger")]


def test_an_opening_according_to_reports_the_whole_clause_and_its_speaker_keeps_his_words():
    got = triples("According to the Ledger, Jo Tate said “we will win.”")
    assert [(c, s) for _, c, s in got] == [("Jo Tate said “we will win.”", "the Ledger"), ("we will win.", "Jo Tate")]


def test_passive_after_an_adverb_is_no_cue_and_phrasal_progressives_are():
    assert quotes("The casino was once thought to be a cash machine.") == []
    assert one("The senator was apparently referring to the new tax.").speaker_mention == "The senator"


@pytest.mark.usefixtures("no_floors")
def test_betting_that_is_a_belief():
    assert one("The senator is betting that voters will reward her.").speaker_mention == "The senator"


@pytest.mark.parametrize("text, speaker, second", [
    ("“We will not back down,” the mayor said of the strike on Tuesday, “and nobody should expect us to.”",
     "the mayor", "and nobody should expect us to."),
    ("“The budget is a disgrace,” said Ann Rivers, a councillor for the east ward, “but we will vote for it.”",
     "Ann Rivers", "but we will vote for it."),
    ("“It was a hard winter,” she told the radio station in March, “and the spring was worse.”",
     "she", "and the spring was worse."),
    ("“These rules are vague,” said Tom Reed, speaking of the new code, “and nobody reads them.”",
     "Tom Reed", "and nobody reads them."),
])
def test_a_split_quotation_resumes_after_the_words_that_follow_its_cue(text, speaker, second):
    found = triples(text)
    assert found[-1] == ("direct", second, speaker)
    assert all(sp == speaker for _, _, sp in found)


def test_a_cue_coordinated_with_a_verb_that_reports_nothing_takes_its_subject():
    # "laughed" is a cue of its own but reports no words: "admitted" shares its subject
    text = "Asked about the delays, the engineer laughed and admitted, “We were far too optimistic.”"
    assert triples(text)[-1] == ("direct", "We were far too optimistic.", "the engineer")


def test_a_verb_that_may_be_a_noun_is_a_cue_right_after_a_quotation_that_goes_on():
    assert triples("“We need more buses,” the leaflet states. “And we need them soon.”") == [
        ("direct", "We need more buses", "the leaflet"), ("direct", "And we need them soon.", "the leaflet")]
    # a quotation that ended its sentence does not make a noun of the next one a cue
    assert [sp for _, _, sp in triples("He said he would be ready “to go tonight.” One of his reads, “The Long War,” "
                                      "by J. Smith, made the point.")] == ["He"]


def test_a_sentence_with_no_cue_ending_in_a_colon_leads_to_the_quotation_in_the_next_paragraph():
    text = ("After the vote, the harbour board issued the following statement:\n\n"
            "“We regret the decision and will appeal it.”")
    assert triples(text) == [("direct", "We regret the decision and will appeal it.", "the harbour board")]
    # an opening word or a document is no speaker
    assert not any(sp for _, _, sp in triples("Listen to this:\n\n“We regret the decision.”"))
    assert not any(sp for _, _, sp in triples("Full text as follows:\n\n“We regret the decision.”"))


def test_but_before_a_verb_that_may_be_a_noun_opens_a_second_clause_of_the_same_speaker():
    found = triples("The mayor says she respects the “energy and drive” of the strikers but argues that the city "
                    "cannot pay.")
    assert found == [("mixed", "she respects the “energy and drive” of the strikers", "The mayor"),
                     ("indirect", "that the city cannot pay", "The mayor")]


def test_a_past_participle_is_not_the_subject_of_a_verb_that_may_be_a_noun():
    # "received faxes that …": "faxes" is a noun here, and "received" no speaker
    assert triples("He said he had never sent or received faxes that were “stamped private in the office.”") == [
        ("mixed", "he had never sent or received faxes that were “stamped private in the office.”", "He")]


@pytest.mark.parametrize("text, speaker", [
    ("She declared “What a night!” and said that her team would keep going “to the very end” across the state.", "She"),
    ("Then she turned on the sheriff, calling him a “clown” and charging him with behaving like a “sulking toddler.”", "she"),
    ("And he made a point of saying the town hall “was a place of hope” for everyone.", "he"),
    ("And in 2009, she all but accused the mayor of trying to “sink” the harbour plan.", "she"),
])
def test_a_subjectless_cue_finds_the_subject_of_its_sentence(text, speaker):
    assert all(sp == speaker for _, _, sp in triples(text))


def test_invisible_characters_before_a_mark_count_as_space():
    # a direction mark pasted in from social media before a backwards-typed opening mark
    assert triples("\u202a”We will win this,” wrote Ann Lee.") == [("direct", "We will win this", "Ann Lee")]
    # a no-break space between the cue and the quotation leaves the quotation whole
    assert triples("The chair said,\xa0“The vote stands.”") == [("direct", "The vote stands.", "The chair")]


def test_a_clause_with_an_unknown_past_tense_verb_before_a_colon_introduces_the_quotation():
    assert triples("Sanders delivered a quick retort: “Nobody is tearing this up.” He moved on.") == [
        ("direct", "Nobody is tearing this up.", "Sanders")]
    # a present tense describes rather than narrates a speech
    assert triples("Giant screens carried a three-word slogan: “Over the Top.”") == []


def test_a_quotation_after_but_alone_continues_the_speaker_before():
    assert triples("“I do not think it is fatal,” he said outside the hall. But “the party is stronger with him. "
                   "It helps.”")[-1] == ("direct", "the party is stronger with him. It helps.", "he")
    # scare quotes inside a sentence of narration stay out
    assert len(triples("“We won,” she said. But “winning the vote” is not enough.")) == 1


def test_a_participle_with_its_agent_after_by_is_no_cue():
    # "clauses added by the council": a passive, not "clauses" saying something
    assert [sp for _, _, sp in triples("The bill stalled because of “wrecking” clauses added by the council "
                                       "late on Friday.")] in ([], [None])
    # the medium and the manner after "by" keep the cue
    assert triples("“I was stunned,” Mr. Dale said by telephone.") == [("direct", "I was stunned", "Mr. Dale")]
    assert triples("Ms. Hart continued by saying, “We will appeal.”") == [("direct", "We will appeal.", "Ms. Hart")]


def test_a_verb_in_ed_after_an_auxiliary_is_no_speaker_but_a_participle_in_a_phrase_is():
    found = triples("A source said the files that were copied suggested the intruders wanted “trade secrets.”")
    assert "copied" not in {sp for _, _, sp in found}
    assert triples("Most of those surveyed said the city was “on the wrong track.”") == [
        ("mixed", "the city was “on the wrong track.”", "Most of those surveyed")]


def test_an_adverb_after_an_inverted_cue_is_no_speaker():
    found = triples("The senator kept asking why the agency had blamed “spontaneous” protests rather than naming "
                    "the attackers.")
    assert "rather" not in {sp for _, _, sp in found}
    assert triples("“We lost,” said Kelly.") == [("direct", "We lost", "Kelly")]


def test_call_for_after_an_article_is_a_noun_but_after_a_plural_name_a_verb():
    found = triples("During the hearing, Hale made a surprise call for an end to fishing quotas, calling them "
                    "“state theft.”")
    assert found == [("mixed", "them “state theft.”", "Hale")]
    assert triples("Democrats call for a “full review” of the deal.") == [
        ("mixed", "a “full review” of the deal", "Democrats")]
    assert triples("Critics warn that the plan is “a gift to landlords.”") == [
        ("mixed", "that the plan is “a gift to landlords.”", "Critics")]


def test_pressed_and_surmised_report_speech_but_the_press_is_no_cue():
    assert triples("“Can we afford it?” Jones pressed. “Or do we wait?”") == [
        ("direct", "Can we afford it?", "Jones"), ("direct", "Or do we wait?", "Jones")]
    assert triples("“People are tired,” he surmised.") == [("direct", "People are tired", "he")]
    assert [c for c in (q.cue for q in quotes("He told the press that the deal was “dead.”"))] == ["told the press"]


@pytest.mark.parametrize("text, speaker", [
    ("“I was amazed,” Mr. Dale, now 77 and living in Bend, Ore., said by telephone.", "Mr. Dale"),
    ("Rita Moss, 58, a nurse from Leeds, said the ward was “close to breaking.”", "Rita Moss"),
    ("Moreover, Jo Sachs, an economist at the university, said that the plan would “fail.”", "Jo Sachs"),
])
def test_a_speaker_before_an_aside_with_commas_of_its_own(text, speaker):
    assert [sp for _, _, sp in triples(text)] == [speaker]


def test_an_opening_adverbial_before_a_postposed_speaker_is_not_his_words():
    text = "But in a call on Monday, Col. Ann Ward, a spokeswoman in Basra, said, “The raid went to plan.”"
    assert triples(text) == [("direct", "The raid went to plan.", "Col. Ann Ward")]
    # a reported clause split by the frame keeps both parts
    assert len(triples("In my view, the mayor said, the plan will fail.")) == 2


@pytest.mark.parametrize("text, speaker", [
    ("Washington (AFP) – Democrat Ann Lee has taken a swipe at her rival, saying that “loud comments” do harm.",
     "Democrat Ann Lee"),
    ("SALEM — Rep. Ann Ruiz on Friday attacked the bill while praising the mayor as a “work horse.”", "Rep. Ann Ruiz"),
])
def test_a_dateline_is_not_the_subject_of_the_first_sentence(text, speaker):
    assert triples(text)[-1][2] == speaker


def test_a_that_clause_after_a_split_frame_goes_on_with_the_speech():
    assert triples("“It is our bad luck,” he said, that both men had ties to the club.")[-1] == (
        "indirect", "that both men had ties to the club", "he")
    # a relative "that" after scare quotes inside a sentence is no speech
    assert len(triples("He was listed because of the “impact,” Jo said, that he had on the news.")) == 1


@pytest.mark.parametrize("text, speaker", [
    # a relative pronoun right before an aside leads to the phrase it is about, wherever that phrase stands
    ("Then came Jo Marsh, who, after a long day at the clinic, said the wait was too long.", "Jo Marsh"),
    ("Next was a nurse, Jo Marsh, who, like her colleagues, said the wait was too long.", "Jo Marsh"),
    # a relative clause with commas of its own holding a clause: the phrase before it speaks
    ("Ms Rana, whose company, Tillwise, is growing, said the market was strong.", "Ms Rana"),
    # a clause between the last two commas, no relative pronoun: the phrase that opens the sentence is that
    # clause's subject, and the speaker comes after the cue
    ("New rules, cheaper fares and longer hours, will start in May, said a spokesman.", "a spokesman"),
])
def test_the_speaker_before_asides_is_read_one_way(text, speaker):
    assert [sp for _, _, sp in triples(text)] == [speaker]


def test_a_speaker_before_an_aside_between_dashes():
    assert triples("Jo Sims — a teacher from Salem — says the vote was “a big deal.”") == [
        ("mixed", "the vote was “a big deal.”", "Jo Sims")]


def test_a_clause_after_an_inverted_speaker_is_no_complement():
    # after "declared", "ruled" and the like a lower-case word may still open a clause about the speaker
    assert triples("“It is over,” declared Lund as he left the hall.") == [("direct", "It is over", "Lund")]


@pytest.mark.usefixtures("no_floors")
def test_an_object_and_its_complement_after_ruled_is_no_inverted_speaker():
    got = quotes("Following the advice of a committee that sat in May, the board of elections on Tuesday dismissed "
                 "both appeals, ruled Lund eligible and ordered that the ballots be reprinted.")
    assert all(q.speaker_mention != "Lund" for q in got)
    assert [q.speaker_mention for q in got if q.cue == "ordered"] == ["the board of elections"]
    assert one("\"We are ready,\" said Ms Lund on Tuesday.").speaker_mention == "Ms Lund"


@pytest.mark.parametrize("text, mention", [
    # two nouns under one article are one person
    ("The veteran delegate and party activist, who backs Tom Hale, predicted a long fight.",
     "The veteran delegate and party activist"),
    ("An engineer and physician by training, she said the plan was sound.", "she"),
    # a verb, a plural or a second article after "and" are not
    ("The bill passed and officials said it was good.", "officials"),
    ("The mayor spoke at the convention and others said it was good.", "others"),
    ("The mayor and the governor said it was good.", "the governor"),
])
def test_coordinated_nouns_before_a_cue(text, mention):
    assert quotes(text)[-1].speaker_mention == mention


def test_the_answers_of_a_question_and_answer_interview_are_the_interviewees_quotes():
    from tracker.extract import extract
    from tracker.model import Document

    text = ("Linton mayor Tom Hale on the new bridge\n\n"
            "Tom Hale has run the town for ten years. This interview has been shortened.\n\n"
            "Q: Why a bridge?\n\n"
            "A: Because the ferry is too slow. I think people will use it every day.\n\n"
            "QWhat about the cost?\n\n"
            "A: We can pay for it.")
    ex = extract(Document(text=text))
    answers = [q for q in ex.quotes if q.speaker_mention == "A"]
    assert [(q.kind, q.content) for q in answers] == [
        ("direct", "Because the ferry is too slow. I think people will use it every day."),
        ("direct", "We can pay for it.")]
    assert all(text[q.start:q.end] == q.content and text[q.speaker_start:q.speaker_end] == "A" for q in answers)
    assert {ex.speakers[q.speaker].name for q in answers} == {"Tom Hale"}
    # one "A:" paragraph is no interview
    one = extract(Document(text="A: a note.\n\nThe council met on Monday."))
    assert not any(q.speaker_mention == "A" for q in one.quotes)


@pytest.mark.usefixtures("no_floors")
def test_a_participle_after_a_thing_goes_to_the_subject_of_the_clause_it_follows():
    # "The fracas" does not speak; "the tycoon", the subject of the clause before the comma, does, and the
    # participle joined by "and" is his too
    text = ("The fracas erupted two months after the tycoon entered the race with harsh words, "
            "calling his rivals weak and vowing to win.")
    from tracker.segment import segment
    quotes = find_quotes(text, segment(text))
    assert [(q.cue, q.speaker_mention) for q in quotes] == [("calling", "the tycoon"), ("vowing", "the tycoon")]
    # another subject after the clause: not the clause's
    text = "Two weeks after Ann Cole retired, Tom Hale broke his silence by asking questions."
    assert all(q.speaker_mention != "Ann Cole" for q in find_quotes(text, segment(text)))


@pytest.mark.parametrize("text, mention", [
    ("The senator left early, saying he was tired.", "The senator"),
    ("The Hale campaign spent heavily in May, saying the race was close.", "The Hale campaign"),
])
def test_an_irregular_past_tense_ends_the_subject_read_forwards(text, mention):
    from tracker.segment import segment
    assert [q.speaker_mention for q in find_quotes(text, segment(text))] == [mention]


# time bounds -------------------------------------------------------------------

# sentences of every frame kind; the words before their full stops are long (the hang of a per-sentence
# lower-casing of the article back to the last space, which ran from the start of the text for a word of
# seven letters or more)
_LONG_ARTICLE_PARAGRAPH = (
    "The mayor said the budget was balanced. Critics argued that the council overspent. "
    "“We will keep the libraries open,” she said. Residents complained about potholes everywhere. "
    "The treasurer, a former banker, warned of deficits ahead. “Nothing is settled,” said Rep. Dale Hume. "
    "According to the auditors, the accounts were incomplete. Ann Lowe – a nurse from Salem – "
    "told reporters that waiting lists had lengthened. The council leader hit back, adding that spending "
    "was prudent. Stated Hume: “We will appeal.”\n\n")


def _attribution_seconds(text: str) -> float:
    """The least process time of three runs of the attribution stage over ``text``."""
    import gc
    import time

    from tracker.quotes.attribution import attribute
    sentences = segment(text)
    best = float("inf")
    for _ in range(3):
        gc.collect()
        t0 = time.process_time()
        found = attribute(text, sentences)
        best = min(best, time.process_time() - t0)
    assert len(found) > len(text) // 200
    return best


# one run-on sentence of quotations, cues and asides: every pass over a unit's frames for each frame (where a
# postposed frame's content starts, where a content ends, which frames another holds) was quadratic in it
_RUN_ON_SENTENCE = ("“We will”, she said, “keep going”, he added, and the mayor said that the budget, a tight one, "
                    "was balanced, critics argued, according to the council, ")


@pytest.mark.parametrize("unit, n", [(_LONG_ARTICLE_PARAGRAPH, 250_000), (_RUN_ON_SENTENCE, 50_000)],
                         ids=["paragraphs", "one sentence"])
def test_attribution_time_is_linear_in_the_length_of_the_article(unit, n):
    # n and 4n characters: four times the text must take about four times as long (sixteen, were it
    # quadratic); eight leaves room for a noisy machine
    text = unit * (n // len(unit))
    ratio = _attribution_seconds(text * 4) / _attribution_seconds(text)
    assert ratio < 8, ratio


def test_many_frames_in_a_unit_read_as_few(monkeypatch):
    # a unit of many frames finds which contents hold an offset through an index; it must read the
    # frames exactly as the plain pass over all of them does
    from tracker.quotes.attribution import attribute
    from tracker.quotes.content import Holders
    text = ("“We will”, she said, “keep going”, he added, and Ann Lee said that Bob Hale said the plan, "
            "which Jo Sims — a critic — called “bad”, had failed, adding that it was late, according to the "
            "council, while “nothing” was settled, officials said; ") * 12
    sentences = segment(text)

    def read():
        return [(q.kind, q.start, q.end, q.speaker_start, q.cue_start, q.continues) for q in attribute(text, sentences)]
    monkeypatch.setattr(Holders, "_FEW", 10 ** 6)
    plain = read()
    monkeypatch.setattr(Holders, "_FEW", 0)
    assert read() == plain
    assert len(plain) > 60


# --- issue 14, item 2: rows that are no attribution, and attributions lost ---

def test_headline_is_no_quote():
    text = "Baker says the pier will close\n\nTom Baker, the harbour master, said on Friday that the pier would close."
    found = quotes(text)
    assert [(q.content, q.speaker_mention) for q in found] == [("that the pier would close", "Tom Baker")]


@pytest.mark.parametrize("text", [
    "The final saw Ana Pell beat the champion in three sets.",
    "The two leaders held talks on the new canal in the spring.",
    "Pell, the fourth seed, lost to a qualifier in the first round.",
    "The vote means the school will close next year.",
    "Tom Baker appeared on stage at the festival.",
])
def test_verbs_that_narrate_are_no_cues(text):
    assert quotes(text) == []


def test_see_keeps_its_present():
    q = one("Ana Pell sees the new canal as a waste of money.")
    assert q.speaker_mention == "Ana Pell" and q.cue == "sees"


def test_cue_is_the_verb_not_where_and_when():
    q = one("Tom Baker said on Monday that the pier would close.")
    assert q.cue == "said" and q.content.endswith("the pier would close")
    assert one("Tom Baker said in a statement on Monday that the pier would close.").cue == "said in a statement"
    assert one("Tom Baker said firmly that the pier would close.").cue == "said"
    assert one("Tom Baker told reporters that the pier would close.").cue == "told reporters"
    assert one("Tom Baker has repeatedly warned that the pier would close.").cue == "has repeatedly warned"


def test_outlet_told_is_no_inverted_speaker():
    found = quotes("One of the losing bidders, a shipping firm, told BBC News that it would bid again.")
    assert all(q.speaker_mention != "BBC News" for q in found)


@pytest.mark.parametrize("text", [
    "Profits rose to £176m from the £142m reported a year earlier.",
    "The date most recently proposed by the council is June.",
])
def test_figures_and_most_are_no_speakers(text):
    assert quotes(text) == []


@pytest.mark.parametrize("text", [
    "In the end, all expected the race to finish by noon.",
    "The two teams held firm, and both wanted a replay.",
])
def test_a_lone_lower_case_word_or_quantifier_is_no_speaker(text):
    assert quotes(text) == []


def test_a_lone_plural_or_pronoun_still_speaks():
    assert one("Critics say the pier is too short.").speaker_mention == "Critics"
    assert one("We said the pier was safe.").speaker_mention == "We"


def test_contracted_pronoun_is_the_speaker():
    q = one("I’ve always said that the pier was too short.")
    assert q.speaker_mention == "I"


@pytest.mark.parametrize("text", [
    "“The pier will reopen in May,” said Ms Rivera; “the repairs are nearly done.”",
    "“The pier will reopen in May,” Ms Rivera said; “the repairs are nearly done.”",
    "“The pier will reopen in May,” said Ms Rivera angrily, “the repairs are nearly done.”",
    "“The pier will reopen in May,” Ms Rivera said angrily, “the repairs are nearly done.”",
])
def test_split_quotation_keeps_its_second_half(text):
    assert triples(text) == [("direct", "The pier will reopen in May", "Ms Rivera"),
                             ("direct", "the repairs are nearly done.", "Ms Rivera")]


def test_semicolon_ends_a_postposed_frame():
    assert triples("The pier is safe, Ms Rivera said; the council disagreed.") == [
        ("indirect", "The pier is safe", "Ms Rivera")]


def test_adverb_before_a_comma_is_no_content():
    assert triples("The mayor said firmly, “We will not close the library.”") == [
        ("direct", "We will not close the library.", "The mayor")]


@pytest.mark.parametrize("text, speaker", [
    ("Tom Baker murmured: “I never wanted the job.”", "Tom Baker"),
    ("The harbour master sighed: “I never wanted the job.”", "The harbour master"),
])
def test_colon_after_a_name_and_any_verb(text, speaker):
    q = one(text)
    assert (q.kind, q.content, q.speaker_mention) == ("direct", "I never wanted the job.", speaker)


def test_a_number_with_a_thousands_comma_stays_whole_in_the_speaker():
    q = one("A third of the 3,000 people interviewed said the new bus was late.")
    assert q.speaker_mention == "3,000 people interviewed"


def test_adverb_before_a_colon_is_no_content():
    assert triples("Tom Baker said recently: “I used to sail a lot.”") == [
        ("direct", "I used to sail a lot.", "Tom Baker")]


@pytest.mark.parametrize("text", [
    "The striker added two more goals to his tally before half-time.",
    "Kemp continued his run of form with a win in Leeds.",
    "The Rovers maintained their lead at the top of the table.",
    "The young keeper showed his class with a late save, the home side holding on.",
    "Ashby slotted the first try, with Dunne adding the conversion.",
])
def test_a_deed_after_add_or_continue_is_no_quote(text):
    # an object noun phrase of "add", "continue", "maintain", "show", "write" is a deed, not a report
    assert triples(text) == []


def test_a_clause_after_add_is_still_reported():
    assert triples("Mr Dale said the bridge was safe. He added the repairs would take a month.") == [
        ("indirect", "the bridge was safe", "Mr Dale"), ("indirect", "the repairs would take a month", "He")]


def test_declined_reports_only_before_that():
    # "declined" as a fall is no report, and "declined to say" reports nothing (a refusal: the gate's
    # "to_not_said"); a "that" clause after it still is one
    assert triples("Sales of the old model have declined by 30% this year.") == []
    assert triples("Mr Dale declined to say whether the bridge was safe.") == []
    assert triples("Mr Dale declined to say more, but said the bridge was safe.") == [
        ("indirect", "the bridge was safe", "Mr Dale")]


# --- issue 14: rows that are no clear attribution are not stored (tracker/quotes/gate.py) ---

@pytest.mark.parametrize("text", [
    "The ferry company wants to add a second boat next summer.",
    "The harbour board had initially declined to act on the complaints.",
    "Both councils have agreed to share the cost of the new pier.",
    "Repair bills continued to climb through the winter.",
    "Neither of the trawler owners wished to comment on the ruling.",
])
def test_a_wish_or_a_deed_in_a_to_infinitive_is_no_quote(text):
    assert triples(text) == []


def test_a_plan_in_a_to_infinitive_is_still_reported():
    assert triples("The harbour board plans to close the old slipway in May.") == [
        ("indirect", "to close the old slipway in May", "The harbour board")]


@pytest.mark.parametrize("text", [
    "The fishing fleet had been betting on a rise in the price of cod.",
    "The inspector was reporting on the state of the harbour walls.",
    "Rovers hit back within a minute through a header from Dunne.",
    "Dunne did reply with a late try for the visitors.",
])
def test_a_verb_before_a_prepositional_phrase_reports_nothing(text):
    assert triples(text) == []


@pytest.mark.parametrize("text", [
    "The ferry firm has defended the sale of its oldest boat to a rival operator.",
    "The ferry firm has defended the sale of its oldest boat to a state-owned operator.",
    "The boatyard has rejected a bid worth 4m pounds from a rival yard.",
    "The yard's brands include Seafarer, Tideway and Marlin.",
    "Visitors could find plenty of empty benches on the promenade.",
])
def test_a_thought_verb_with_a_noun_phrase_object_is_no_quote(text):
    assert triples(text) == []


@pytest.mark.parametrize("text", [
    "The county court has dismissed an appeal by the ferry firm against the fine.",
    "Residents have welcomed the new footbridge over the canal.",
])
def test_dismiss_and_welcome_with_a_noun_phrase_object_are_no_quote(text):
    # a ruling or a deed, a thing welcomed: no proposition (data/quotes/stance_object.txt)
    assert triples(text) == []


def test_dismiss_with_as_or_a_clause_still_reports():
    assert triples("The harbour master dismissed the rumours as idle gossip.") == [
        ("indirect", "the rumours as idle gossip", "The harbour master")]
    assert triples("The coach dismissed claims that the squad was unfit.") == [
        ("indirect", "claims that the squad was unfit", "The coach")]


def test_an_ing_form_after_amid_is_no_cue():
    assert triples("Shares in the boatyard fell amid continuing fears over its order book.") == []


@pytest.mark.parametrize("text,after", [
    ("In fact, the harbour master said, the new slipway will open in May.", "the new slipway will open in May"),
    ("Already, she said, three boats have been sold.", "three boats have been sold"),
])
def test_an_adverbial_before_a_cue_that_interrupts_its_sentence_is_no_quote(text, after):
    # the words said are after the cue; the opening adverbial is the narration's
    assert [c for _, c, _ in triples(text)] == [after]


def test_a_stance_verb_keeps_its_noun_phrase_object():
    assert triples("Local traders have called for a review of the parking charges.") == [
        ("indirect", "a review of the parking charges", "Local traders")]
    assert triples("The harbour master has ruled out a second slipway.") == [
        ("indirect", "a second slipway", "The harbour master")]


def test_a_thought_verb_with_a_clause_is_still_reported():
    assert triples("The ferry firm believes the new boat will be ready by June.") == [
        ("indirect", "the new boat will be ready by June", "The ferry firm")]


@pytest.mark.parametrize("text", [
    "The exhibition follows young sailors telling their stories through songs.",
    "Residents challenging the new car park include two former councillors.",
    "Fans were warned about conducting themselves in threatening ways near the ground.",
])
def test_an_ing_form_modifying_a_noun_is_no_cue(text):
    assert triples(text) == []


def test_an_ing_form_after_with_still_speaks():
    assert triples("The pier reopened on Friday, with the council saying the repairs had cost 2m pounds.") == [
        ("indirect", "the repairs had cost 2m pounds", "the council")]


def test_a_warning_against_something_and_a_clause_of_closed_words_stay():
    assert triples("Ted Lane warned against a second pier. As for Dunn, he said he was not worried.") == [
        ("indirect", "against a second pier", "Ted Lane"), ("indirect", "he was not worried", "he")]


def test_a_conjunction_alone_is_no_content():
    got = triples("“The ferry is late,” he said. “But,” he added, the timetable would change in May.")
    assert ("indirect", "But", "he") not in got


def test_a_quotation_in_the_object_of_a_thought_verb_is_no_quote():
    # "assumed the “…”": a deed with a quoted name in it; "calling him “…”" still reports
    assert triples("He assumed the \"stage name\", Tom Tide, in 1950.") == []
    assert ("mixed", "it \"a talking shop\"", "The mayor") in triples(
        "The mayor criticised the board, calling it \"a talking shop\".")


@pytest.mark.usefixtures("no_floors")
def test_an_ing_noun_before_a_verb_of_saying_speaks():
    # "ruling" is a noun here: the ruling said it, not the speaker of the sentence before
    text = ("The owners say the pier is safe. “The pier must close until it is repaired,” the council's "
            "ruling said.")
    assert triples(text)[-1] == ("direct", "The pier must close until it is repaired", "the council's ruling")
    assert triples("The inquiry's finding showed the pier was unsafe.") == [
        ("indirect", "the pier was unsafe", "The inquiry's finding")]


def test_a_short_quotation_after_a_verb_of_no_cue_list_is_a_scare_quote():
    assert triples("Rovers coach Tom Dale has resigned for \"family reasons\".") == []
    assert triples("Ms Pell introduced the mayor to the guests as \"the best mayor in England\".") == []
    # after a colon, any verb introduces the quotation
    assert triples("Tom Baker murmured: \"We will be fine.\"") == [("direct", "We will be fine.", "Tom Baker")]


def test_a_reported_clause_ends_before_a_second_clause_of_narration():
    assert triples("The harbour board said it had cut the fees but the traders were not impressed.") == [
        ("indirect", "it had cut the fees", "The harbour board")]
    assert triples("Dunne has ruled out retiring while Kemp is tipped to take his place.") == [
        ("indirect", "retiring", "Dunne")]
    # "but" before a verb of the same subject goes on with the speaker's clause
    assert triples("The board said it had cut the fees but would raise them in May.") == [
        ("indirect", "it had cut the fees but would raise them in May", "The board")]


def test_a_cue_after_a_possessive_is_inside_a_noun_phrase():
    assert triples("The film faces a rival in Tom Dale's critically acclaimed Harbour Lights, a story of "
                   "two sailors.") == []


def test_first_person_reported_speech_is_no_row():
    # a reporter does not write "I think": the words are a quotation whose closing mark was lost
    text = ("The coach spoke after the match. \"We were poor in the first half, I think the second half was "
            "better and I believe we can still win the group.\n\nThe club meets again on Friday.")
    assert [q for q in quotes(text) if q.kind == "indirect" and q.speaker_mention in ("I", "we", "We")] == []


# --- issue 14, item 3: a confidence on each quote ---

def test_confidence_ranks_a_named_direct_quote_above_a_guess():
    sure = one("“We will rebuild the pier by May,” Tom Baker, the harbour master, said on Friday.")
    unsure = one("Local traders apparently believe the pier is too short for the new ferries.")
    assert 0.8 <= sure.confidence <= 1
    assert 0 <= unsure.confidence < 0.8
    assert unsure.confidence < sure.confidence


def test_confidence_weights_are_read_and_name_real_features():
    from tracker.quotes.confidence import features, weights
    w = weights()
    assert "bias" in w and len(w) > 20
    seen = set()
    for text in ["“We will win,” said Ann Lee.", "He thinks the plan will fail.", "Critics said the plan was “doomed”.",
                 "According to the council, the pier will close.", "Tom Baker murmured: “No.”"]:
        for q in quotes(text):
            seen |= set(features(q))
    assert seen & set(w) and {"kind=direct", "kind=indirect", "kind=mixed"} <= set(w)


@pytest.mark.usefixtures("no_floors")
def test_an_indirect_row_that_is_no_clause_is_less_sure_than_one_that_is():
    from tracker.quotes.confidence import features
    thing = one("The harbour master ordered a full review of the moorings.")
    clause = one("The harbour master ordered that the moorings be reviewed.")
    assert "no_clause" in features(thing) and "no_clause" not in features(clause)
    assert thing.confidence < clause.confidence


def test_an_indirect_noun_phrase_after_ordered_is_not_stored():
    assert triples("The harbour master ordered a full review of the moorings.") == []


def test_confidence_is_the_readable_models_probability_to_the_last_bit():
    # score sums cached weights; features and probability are what the fitting script reads
    from tracker.quotes import confidence
    from tracker.quotes.attribution import attribute
    from tracker.segment import segment
    texts = ["“We will win,” said Ann Lee. She added that the pier would close.", "He thinks the plan will fail.",
             "Critics said the plan was “doomed”, according to the council.", "Tom Baker murmured: “No.”",
             "The mayor has repeatedly told reporters in a statement that fares will rise. “It is fair,” he said.",
             "The harbour master ordered a full review of the moorings.",
             "“We will build it,” said Ann Lee.\n\n“It will take two years.”"]
    rows = [q for text in texts for q in attribute(text, segment(text))]
    assert any(q.continues is not None for q in rows)
    assert any("no_clause" in confidence.features(q) for q in rows)
    assert len(rows) >= 6 and len({q.kind for q in rows}) == 3
    w = confidence.weights()
    for q in rows:
        assert confidence._z(q, w) == w["bias"] + sum(v * w.get(k, 0.0) for k, v in confidence.features(q).items())
    confidence.score(rows)
    assert [q.confidence for q in rows] == [round(confidence.probability(confidence.features(q), w), 3) for q in rows]


def test_confidence_is_stored_and_an_older_database_gains_the_column(tmp_path):
    import sqlite3
    from click.testing import CliRunner
    from tracker.cli import cli
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Pier to close\n\n“We will close the pier,” said Tom Baker.\n")
    (tmp_path / "b" / "two.txt").write_text("Ferry is late\n\n“The ferry is late again,” said Ann Lee.\n")
    db = tmp_path / "t.db"
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path / "a"), "--db", str(db)]).exit_code == 0
    with sqlite3.connect(db) as conn:            # a database written before the column existed
        conn.execute("ALTER TABLE quotes DROP COLUMN confidence")
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path / "b"), "--db", str(db)]).exit_code == 0
    with sqlite3.connect(db) as conn:
        got = conn.execute("SELECT content, confidence FROM quotes ORDER BY id").fetchall()
    assert got[0] == ("We will close the pier", None)       # stored before: re-ingest to score it
    assert got[1][0] == "The ferry is late again" and 0.8 <= got[1][1] <= 1


# --- issue 14: rows of unseen UK news that are no attribution ---

def test_an_indirect_row_of_low_confidence_is_not_stored_even_with_a_named_speaker():
    # a deed told with a verb that may report a position: no proposition is reported
    assert triples("The Rovers did threaten, scoring goals through Tom Hale and Sam Reid, but never looked like winning.") == []
    # a clear attribution of the same speaker stays
    assert triples("The Rovers said they would appeal against the ban.") == [
        ("indirect", "they would appeal against the ban", "The Rovers")]


def test_a_clause_after_a_quotation_that_ended_its_sentence_is_not_that_quotation():
    # the closing "according to" reports the new sentence only; the quotation goes on with its speaker
    text = ("“We hoped for more,” said Ann Lee, head of sales at Reelworks. “The film never found its crowd.” "
            "Meanwhile, a rival comedy took $3m over the weekend, according to the trade paper Screen Weekly.")
    got = triples(text)
    assert ("direct", "The film never found its crowd.", "Ann Lee") in got
    assert ("indirect", "Meanwhile, a rival comedy took $3m over the weekend", "the trade paper Screen Weekly") in got
    got = triples("“It means more checks at the port.” It was a fact to be faced, she said.")
    assert ("indirect", "It was a fact to be faced", "she") in got
    assert all("checks" not in c for k, c, _ in got if k != "direct")


def test_the_audience_told_is_no_content():
    assert triples("Fees for new members might rise next spring, she told a Senate hearing.") == [
        ("indirect", "Fees for new members might rise next spring", "she")]
    assert triples("The firm would also drop the fee, he told a meeting of grocers.") == [
        ("indirect", "The firm would also drop the fee", "he")]
    got = quotes("Lord Hale told City Radio 4's news programme: “We are going to court.”")
    assert [(q.kind, q.content, q.speaker_mention, q.cue) for q in got] == [
        ("direct", "We are going to court.", "Lord Hale", "told")]
    # a clause after the person told stays the content
    assert triples("She told Congress reforms were needed.") == [("indirect", "reforms were needed", "She")]


def test_an_opening_phrase_before_the_speaker_is_no_content():
    # the words after the cue are what is said, not the phrase before the speaker
    assert triples("In particular, many traders warn of a panic spreading through the markets.") == [
        ("indirect", "a panic spreading through the markets", "many traders")]
    assert triples("As for the next budget, both parties warned of deep cuts to come.") == [
        ("indirect", "of deep cuts to come", "both parties")]
    # a clause before a postposed speaker is still the content
    assert triples("In 2004 sales rose by a tenth, the firm said in a statement.") == [
        ("indirect", "In 2004 sales rose by a tenth", "the firm")]


def test_who_was_written_to_is_no_content():
    assert triples("Near the depot, the council has written to shops and families who may lose parking.") == []
    assert triples("The council wrote to the minister last week.") == []
    # an infinitive after the cue is still read
    assert triples("The firm said to expect delays.") == [("indirect", "to expect delays", "The firm")]


def test_a_quotation_run_into_the_next_one_is_its_speakers():
    # two paragraphs of one speech run together: the cue comes with the second
    text = ("The coach was angry. \"It is a big game but we have one session. It is the same for all of us. "
            "\"If five players are picked the game should move,\" he told the radio.")
    assert triples(text) == [
        ("direct", "It is a big game but we have one session. It is the same for all of us.", "he"),
        ("direct", "If five players are picked the game should move", "he")]
    # a quotation followed by narration before the next one names nobody
    text = ("\"It is a big game for all of us.\" The club has one session. "
            "\"If five players are picked the game should move,\" he told the radio.")
    assert ("direct", "It is a big game for all of us.", "he") not in triples(text)


def test_a_verb_of_speech_that_opens_its_clause_plainly_is_kept_at_low_confidence():
    assert triples("The Greens have pledged to oppose the new road when it is debated next month.") == [
        ("indirect", "to oppose the new road when it is debated next month", "The Greens")]
    assert triples("Mr Dunn replied that they were not unfair.") == [
        ("indirect", "that they were not unfair", "Mr Dunn")]


def test_a_possessive_is_no_verb_of_a_clause():
    from tracker.quotes import gate
    from tracker.quotes.attribution import attribute
    text = "The selectors sought a second opinion on Ann Lee's fitness."
    got = [(q.content, gate.drop_reason(q, text)) for q in attribute(text, segment(text))]
    assert got == [("a second opinion on Ann Lee's fitness", "no_clause")]
    # a contracted "is" after a pronoun still makes a clause
    text = "The selectors fear it's too late for Ann Lee."
    assert [gate.drop_reason(q, text) for q in attribute(text, segment(text))] == [None]


def test_a_claim_in_a_relative_clause_ends_before_the_main_verb():
    assert triples("The levy, which councillors claim will cut waste, noise and delays, is due in May.") == [
        ("indirect", "will cut waste, noise and delays", "councillors")]


def test_an_intention_to_act_is_a_clause_for_the_gate():
    from tracker.quotes import gate
    from tracker.quotes.attribution import attribute
    text = "The city council is reportedly planning to sell one of its two old ferries."
    assert [gate.drop_reason(q, text) for q in attribute(text, segment(text))] == [None]


@pytest.mark.usefixtures("no_floors")
def test_a_passive_verb_of_judgement_is_its_agents_attribution():
    got = quotes('His remarks have been described as "reckless" and "shameful" by the Tenants Union.')
    assert [(q.kind, q.content, q.speaker_mention, q.cue) for q in got] == [
        ("mixed", '"reckless" and "shameful"', "the Tenants Union", "have been described")]
    assert triples("The police were accused of bias by Tory councillors after the march.") == [
        ("indirect", "bias", "Tory councillors")]
    # no agent, or no words of the agent's: no attribution
    assert triples("He was accused of lying.") == []
    assert triples("The decision was criticised by the union.") == []


def test_a_noun_phrase_and_a_colon_before_a_quotation_leave_the_quotation_direct():
    got = quotes('He also criticised the bonus culture: "Nobody should be paid so much for failing."')
    assert [(q.kind, q.content, q.speaker_mention, q.cue) for q in got] == [
        ("direct", "Nobody should be paid so much for failing.", "He", "also criticised")]
    # a reported clause before the colon is the speaker's too
    assert triples('He said the plan was simple: "We will win."') == [
        ("mixed", 'the plan was simple: "We will win."', "He")]


def test_a_relative_pronoun_before_an_aside_opens_what_was_claimed():
    got = triples("They blamed him for the hole in his budget which, they claim, would mean tax rises.")
    assert ("indirect", "would mean tax rises", "they") in got
    assert not any(c.endswith("which") and s == "they" for _, c, s in got)
    # a clause split by the frame keeps both parts
    assert triples("The plan, he said, would fail.") == [
        ("indirect", "The plan", "he"), ("indirect", "would fail", "he")]


def test_find_cues_finds_what_the_lookbehind_pattern_finds():
    # the scan takes the character before a form as its first; a word character or "’" before it is no cue's
    from tracker.quotes.words import find_cues, lex
    lx = lex()
    for text in ["said the mayor, who told reporters: “We are unsaid.” Resaid — said; ésaid ’said 'said said’s",
                 "According to the clerk, he warns\x01\x01said, as pointed out-said (added) [noted]",
                 "", "said", "x said", "\u00a0said\u2009told"]:
        for pos in range(0, min(len(text), 6)):
            got = find_cues(lx, text, pos, len(text))
            assert got == [(c.start(), c.end(), c.group("verb")) for c in lx.cue.finditer(text, pos, len(text))]
    assert [f for _, _, f in find_cues(lx, "ésaid, ’said, “said", 0, 19)] == ["said"]


def test_tokens_of_ascii_text_are_those_of_the_unicode_patterns():
    # ASCII windows are read with spelt-out classes; the same words in a non-ASCII text give the same tokens
    from tracker.quotes.reading import _RTOK, _TOK, Back, tokens
    ascii_text = "Mr. O'Neil -- the co-chair's aide, 42 -- said: \x01\x01\x01 _x_ ''re-run'' \x1c ok"
    other = ascii_text + " é"
    assert tokens(ascii_text, 0, len(ascii_text)) == tokens(other, 0, len(ascii_text)) == [
        (t.start(), t.end(), t.group()) for t in _TOK.finditer(ascii_text)]
    back = Back(ascii_text, 0, len(ascii_text))
    assert [back.word(k) for k in range(40)] == [t.group()[::-1] for t in _RTOK.finditer(ascii_text[::-1])] + [""] * (
        40 - len(_RTOK.findall(ascii_text)))


def test_words_an_outlet_quoted_someone_as_saying_are_that_persons():
    # "<outlet> quoted a dealer as saying ...": the dealer speaks, the outlet relays; "a dealer as" is no quote
    text = ("Oil jumps\n\nPrices rose on Monday. Wirepost quoted a dealer as saying prices would fall. "
            "\"We are all waiting,\" the Daily Ledger quoted prosecutor Tom Hale as saying.")
    from tracker.extract import extract
    from tracker.model import Document
    ex = extract(Document(text=text))
    got = [(q.content, q.speaker_mention, text[q.speaker_start:q.speaker_end]) for q in ex.quotes]
    assert got == [("prices would fall", "a dealer", "a dealer"),
                   ("We are all waiting", "prosecutor Tom Hale", "prosecutor Tom Hale")]
    assert ex.speakers[ex.quotes[1].speaker].name == "Tom Hale"


def test_words_someone_was_blamed_or_punished_for_are_theirs_not_the_blamers():
    from tracker.extract import extract
    from tracker.model import Document
    text = ("Party row\n\nThe Green party have expelled a councillor for reportedly saying the old should pay "
            "more.\n\nLib Dem president Ann Cole branded Mr Hale \"rude\" for arguing the Greens "
            "were the \"natural party\" of the young.")
    got = {q.content: q.speaker_mention for q in extract(Document(text=text)).quotes}
    assert got["the old should pay more"] == "a councillor"
    assert got["the Greens were the \"natural party\" of the young"] == "Mr Hale"
