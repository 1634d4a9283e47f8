"""Comparison and record claims read from the structure of the phrase (issue 16, part 4), on sentences written
for these tests."""
import pytest

from tracker.claims import find_claims
from tracker.segment import segment


def comparisons(text):
    found = find_claims(text, segment(text))
    for c in found:
        assert text[c.start:c.end] == c.text
    return [(c.text, c.reference) for c in found if c.kind == "comparison"]


@pytest.mark.parametrize("text, span, reference", [
    # a stretch of time in the singular or without a count
    ("Builders were at their most cheerful in a year.", "their most cheerful in a year", "a year"),
    ("The index closed above 5,000 for the first time in decades.", "the first time in decades", "decades"),
    ("Output hit its highest level in years last month.", "its highest level in years", "years"),
    # a first after "a", and a stretch after "for" some words on
    ("The loss was a first home defeat in nine years for the club.", "a first home defeat in nine years",
     "nine years"),
    ("It was their first league win on the road for nearly three years.",
     "their first league win on the road for nearly three years", "nearly three years"),
    # a superlative without a determiner but with a baseline in time
    ("The party boasts of the lowest prices since 1990, lowest arrears for 30 years and more.",
     "lowest arrears for 30 years", "30 years"),
    # a possessive superlative whose baseline comes after its set
    ("The club is on its longest unbeaten run in the league since winning the title.",
     "its longest unbeaten run in the league since winning the title", "winning the title"),
])
def test_firsts_and_superlatives_against_a_stretch_of_time(text, span, reference):
    assert (span, reference) in comparisons(text)


@pytest.mark.parametrize("text, span", [
    ("Ms Ortega became the first woman to lead the county council.", "the first woman to lead the county council"),
    ("The striker, 39, is the oldest player to score in the cup when he netted in May.",
     "the oldest player to score in the cup"),
    ("The orchestra will be the first Welsh ensemble to tour the region.",
     "the first Welsh ensemble to tour the region"),
])
def test_a_first_or_a_record_age_among_those_who_did_something(text, span):
    assert (span, None) in comparisons(text)


@pytest.mark.parametrize("text", [
    "The first step is to agree a budget.",
    "She lost the first set to Federer.",
    "It was the first chance to buy the shares.",
    "He was one of the first shoppers to queue outside.",
    "He was the first to leave.",
    "The band's first single Come To Me sold well.",
    "The best way to save is to spend less.",
])
def test_no_record_in_a_first_of_a_step_a_chance_or_a_name(text):
    assert comparisons(text) == []


@pytest.mark.parametrize("text, span", [
    ("The bank, the fifth-largest lender in the north, was sold.", "the fifth-largest lender in the north"),
    ("The insurer, the ninth-biggest US carrier, cut jobs.", "the ninth-biggest US carrier"),
    ("Ruritania was the 6th richest state in the union.", "the 6th richest state in the union"),
    ("The south saw the sharpest rent rises, while the west did not.", "the sharpest rent rises"),
])
def test_ranks_below_the_top_and_the_largest_change(text, span):
    assert span in [s for s, _ in comparisons(text)]


def test_a_fraction_written_as_an_ordinal_stays_a_quantity():
    found = find_claims("Only a fifth of the seats were filled.", None)
    assert [(c.kind, c.text) for c in found] == [("quantity", "a fifth")]


@pytest.mark.parametrize("text, span, reference", [
    ("The ferry now sails faster than ever before.", "faster than ever before", None),
    ("The tribunal sat with seven members rather than the usual three.", "rather than the usual three",
     "the usual three"),
    ("Rents fell by £40 from £950 in June to £910 in July.", "fell by £40 from £950 in June to £910",
     "£950 in June"),
    ("Unemployment rose from 4 percent to 6 percent.", "rose from 4 percent to 6 percent", "4 percent"),
    ("The old quiz has been overtaken in the ratings by a rival channel's show.",
     "overtaken in the ratings by a rival channel's show", "a rival channel's show"),
])
def test_comparatives_changes_and_overtaking(text, span, reference):
    assert (span, reference) in comparisons(text)


@pytest.mark.parametrize("text", [
    "Voters like it more than ever.",
    "She picked cake rather than fruit.",
    "They sold three vans rather than wait.",
    "Fees ranged from 2% to 8%.",
    "Visits rose from 2001 to 2009.",
    "The course takes from 3 to 5 weeks.",
])
def test_no_comparison_in_a_range_a_preference_or_more_than_ever(text):
    assert comparisons(text) == []


@pytest.mark.parametrize("text, span", [
    ("Cinema takings are set for record highs this winter.", "record highs"),
    ("The tour broke attendance records in every city.", "attendance records in every city"),
    ("She learnt that her national record had been broken in Oslo.", "record had been broken"),
    ("The bank was hit with record fines of $2m.", "record fines of $2m"),
])
def test_records_set_broken_or_of_an_amount(text, span):
    assert span in [s for s, _ in comparisons(text)]


@pytest.mark.parametrize("text", [
    "He has a criminal record.", "The band signed to a record label.", "The group hopes to make records again.",
    "Court records show two visits.",
])
def test_a_record_as_a_document_or_a_disc_is_no_claim(text):
    assert comparisons(text) == []


def test_a_record_level_ends_at_the_comma():
    assert comparisons("The euro had sunk to record lows, then rallied.") == [("record lows", None)]


@pytest.mark.parametrize("text, span, reference", [
    ("Bookings fell to 2.1 million from 2.3 million a year earlier.", "from 2.3 million a year earlier",
     "a year earlier"),
    ("Net income rose 12% to $80m from a year earlier.", "from a year earlier", "a year earlier"),
    ("Takings were up 4.1% on a year earlier.", "on a year earlier", "a year earlier"),
    ("Ticket sales were 8% higher on last year.", "on last year", "last year"),
])
def test_a_change_against_an_earlier_time(text, span, reference):
    assert (span, reference) in comparisons(text)


@pytest.mark.parametrize("text", [
    "She moved there two years ago.", "He relied on last year's survey.", "The show came from a year earlier.",
])
def test_an_earlier_time_without_a_change_is_no_comparison(text):
    assert comparisons(text) == []


@pytest.mark.parametrize("text, span", [
    ("The previous high was set in 1999 by a rival.", None),
    ("The earlier record was set in 1999 by a rival.", "record was set in 1999"),
    ("Copper has slipped from the record of $9,100 set in May.", "the record of $9,100 set in May"),
    ("The festival sold out in record time.", "record time"),
    ("The carrier reported a record annual pre-tax profit.", "a record annual pre-tax profit"),
    ("These are the first regional and local polls since the truce began.",
     "the first regional and local polls since the truce began"),
])
def test_records_and_firsts_read_further(text, span):
    found = [s for s, _ in comparisons(text)]
    assert (span in found) if span else not any("record" in s for s in found)


def test_a_record_of_conduct_is_no_claim():
    assert comparisons("The minister defended his record of reform.") == []


def test_a_record_of_a_figure_is_a_record():
    assert comparisons("Tin reached a record of $31,500 a tonne.") == [("a record of $31,500", "$31,500")]


@pytest.mark.parametrize("text, span, reference", [
    ("The Greens are now six points ahead of the Liberals.", "six points ahead of the Liberals", "the Liberals"),
    ("She came fourth behind the Dutch champion.", "fourth behind the Dutch champion", "the Dutch champion"),
    ("Even with imports counted, the brand remains ahead.", "remains ahead", None),
    ("The browser is trailing behind rivals like Opera.", "trailing behind rivals like Opera",
     "rivals like Opera"),
])
def test_a_lead_over_a_rival(text, span, reference):
    assert (span, reference) in comparisons(text)


@pytest.mark.parametrize("text", [
    "The merger went ahead in March.", "She spoke ahead of the vote.", "The woman behind the scheme resigned.",
    "The bridge is well ahead of schedule.", "He is still behind bars.", "A late try put the hosts 27-22 ahead.",
    "The tenants fell behind with the rent.",
])
def test_ahead_and_behind_without_a_rival_are_no_comparison(text):
    assert comparisons(text) == []


@pytest.mark.parametrize("text", [
    "The remake is more than able to stand on its own.", "Critics were less than impressed with the plot.",
    "The plant has more than enough space.", "Donors promised to more than match the sum.",
    "Now is the best time for buyers to act.", "It is the cheapest way of heating a flat.",
    "He runs a record shop in Leeds.",
])
def test_degrees_manners_and_the_music_trade_are_no_comparison(text):
    assert comparisons(text) == []


def test_more_than_an_adjective_before_a_noun_still_compares():
    assert ("less than current levels", "current levels") in comparisons("Output is now less than current levels.")


@pytest.mark.parametrize("text, span, reference", [
    # a superlative over the whole world with its noun left out, or "on Earth" for its set
    ("The jury named the harbour ferries the planet's fastest.", "the planet's fastest", "the planet"),
    ("Critics called the new bridge the longest on Earth last year.", "the longest on Earth", "Earth"),
    # "dwarf": a comparison whatever its object, the passive naming the bigger one
    ("Its $9m loss was dwarfed by the $40m reported by its rival last week.",
     "dwarfed by the $40m reported by its rival last week", "reported by its rival last week"),
    ("He has an offer from Leeds which dwarfs Hull's bid.", "dwarfs Hull's bid", "Hull's bid"),
    # a record held or set, said by the noun after "record"
    ("Three late goals put the club in the record books.", "record books", None),
    ("The ferry crew were certified as world record-holders.", "record-holders", None),
])
def test_sets_of_the_whole_world_dwarfing_and_records_held(text, span, reference):
    assert (span, reference) in comparisons(text)


def test_a_record_book_that_keeps_notes_is_no_comparison():
    assert comparisons("The police record book was lost in the move.") == []


# issue 16, part 4, fourth pass: forms missed on BBC articles outside the annotated sets (a recall study of 200
# articles), each read from the phrase's structure
@pytest.mark.parametrize("text, span, reference", [
    # a comparative against an earlier time ("than a year ago" is no qualifier of a figure, unlike "than a year")
    ("Rents are 12% higher than a year ago.", "12% higher than a year ago", "a year ago"),
    ("Copper is still 20% more expensive than at the start of the year.",
     "still 20% more expensive than at the start of the year", "at the start of the year"),
    # an -er adjective before a noun of measure, after "a": no noun in -er ("a worker than")
    ("Output grew at a slower pace than in May.", "slower pace than in May", "May"),
    # a comparison of likelihood between groups is one of figures, not of a quality
    ("Tenants were less likely than owners to move house.", "less likely than owners to move house",
     "owners to move house"),
])
def test_comparatives_against_a_time_a_pace_or_a_group(text, span, reference):
    assert (span, reference) in comparisons(text)


@pytest.mark.parametrize("text, span, reference", [
    # a figure's own comma ("2,000") ends no clause between the change and "from"
    ("Van sales jumped 15% to 2,000 from a year earlier.", "from a year earlier", "a year earlier"),
    # the new level, then "from" the old one and its time
    ("The average fare fell slightly to £40, from £41 in March.", "from £41 in March", "£41 in March"),
    ("Output slowed to 0.8% in the third quarter from 1.1% in the second.", "from 1.1%", "1.1%"),
    ("Revenue rose 9% to $3bn, from $2.7bn for the same period in 2011.",
     "from $2.7bn for the same period in 2011", "$2.7bn for the same period in 2011"),
    ("The rate was unchanged from last month.", "unchanged from last month", "last month"),
    ("Turnout was 61% as against 59% at the last poll.", "as against 59% at the last poll",
     "59% at the last poll"),
    ("The loss compares with a profit of £3m a year ago.", "compares with a profit of £3m a year ago",
     "a profit of £3m a year ago"),
    ("Prices were down 4% on the same month last year.", "on the same month last year",
     "the same month last year"),
])
def test_a_level_set_against_an_earlier_one(text, span, reference):
    assert (span, reference) in comparisons(text)


def test_a_change_period_on_period_is_a_comparison():
    assert comparisons("Retail sales rose 3% year-on-year.") == [("year-on-year", None)]
    assert comparisons("Sales were lower on a year-on-year view.") == []


@pytest.mark.parametrize("text, span, reference", [
    ("The bank has overtaken its rival as the biggest lender.", "overtaken its rival as the biggest lender",
     "its rival"),
    ("The party is trailing the Greens by four points.", "trailing the Greens by four points", "the Greens"),
    ("Labour is ahead of the Greens in the polls.", "ahead of the Greens", "the Greens"),
    ("The club is three points clear of its nearest rivals.", "three points clear of its nearest rivals",
     "its nearest rivals"),
    ("Imports outstripped exports in June.", "outstripped exports", "exports"),
    ("Its app is on course to exceed that of Acme by June.", "exceed that of Acme", "Acme"),
    ("The bill could exceed the annual budget of the town.", "exceed the annual budget of the town",
     "the annual budget of the town"),
])
def test_leads_trails_and_measures_passed(text, span, reference):
    assert (span, reference) in comparisons(text)


@pytest.mark.parametrize("text", [
    "The talks are ahead of Monday's summit.",
    "The firm kept audit trails of every payment.",
    "He made it clear of course.",
    "The minister exceeded his powers.",
    "The team is trailing 2-1 at half-time.",
])
def test_no_lead_or_pass_without_a_rival_or_a_measure(text):
    assert comparisons(text) == []


@pytest.mark.parametrize("text, span, reference", [
    ("It was one of the finest goals ever scored at the ground.", "the finest goals ever", None),
    ("He is one of the finest players the town has ever produced.",
     "the finest players the town has ever produced", None),
    ("It was the toughest year for the firm in a decade.", "the toughest year for the firm in a decade", "a decade"),
    ("She ran a personal best of 12.5 seconds.", "a personal best of 12.5 seconds", None),
    ("The swimmer set down a new Welsh record of 51.3 seconds in Cardiff.", "a new Welsh record of 51.3", "51.3"),
    ("The share index finished above its old record on Tuesday.", "its old record", None),
    ("Their gauge of orders rose to 48.2 from 44.9.", "from 44.9", "44.9"),
    ("The president won an unprecedented fourth term.", "an unprecedented fourth term", None),
])
def test_superlatives_and_records_read_further(text, span, reference):
    assert (span, reference) in comparisons(text)


@pytest.mark.parametrize("text", [
    "The band released a new Beatles record on Friday.",
    "She wanted more than a polite reply from the board.",
    "Players compare notes after the game.",
])
def test_a_disc_a_degree_or_a_chat_is_no_comparison(text):
    assert comparisons(text) == []


@pytest.mark.parametrize("text", [
    "Less than a week before the vote, the mayor quit.",           # a span, not a comparative against a time
    "It is more likely than not that rates will rise.",
    "The winger had the faintest of hopes.",                        # an idiom of degree, no set
    "Members were cut to 18 in 1990 but rules dating from 1702 remain.",   # a year after "from" is a date
    "Her new album Gently Outpaced sold well.",                      # a title
    "The council defended its past record on housing.",             # a record of conduct
])
def test_spans_idioms_dates_and_titles_are_no_comparison(text):
    assert comparisons(text) == []


@pytest.mark.parametrize("text, span, reference", [
    # a multiple named as a noun
    ("Most towns saw at least a doubling in their rents over the decade.", "at least a doubling in their rents",
     None),
    # the largest of losses, its set unsaid ("losses" is a change, though not a rise or a fall)
    ("The biggest job losses are in Ruritania.", "The biggest job losses", None),
    # a change from an old level (its count and worth between) to a new one
    ("Claims dropped from 9,100 cases worth £700m to 8,000 cases worth £600m.",
     "dropped from 9,100 cases worth £700m to 8,000", "9,100 cases worth £700m"),
    # a record of a figure after "the" and the record's kind
    ("She holds the world record of 7.12 seconds.", "the world record of 7.12", "7.12"),
    ("He beat the Welsh record of 3:31.", "the Welsh record of 3:31", "3:31"),
])
def test_multiples_as_nouns_ranked_losses_and_records_of_a_kind(text, span, reference):
    assert (span, reference) in comparisons(text)


def test_a_record_of_conduct_with_a_count_is_no_claim():
    assert comparisons("His criminal record of 12 offences was read out.") == []


@pytest.mark.parametrize("text, span, reference", [
    # "yet" after a superlative's noun: against all that came before
    ("The maker unveiled its cheapest van yet.", "its cheapest van yet", None),
    # records broken in the perfect
    ("Exporters said earnings had broken new records.", "new records", None),
    ("He went on to break John Smith's Welsh cap record in 2004.", "John Smith's Welsh cap record in 2004", "2004"),
    # a headline's ranking over the world, without its article
    ("Ruritania 'world's biggest tea drinker'", "world's biggest tea", "world"),
])
def test_records_to_now_and_headlines(text, span, reference):
    assert (span, reference) in comparisons(text)


@pytest.mark.parametrize("text", [
    "The band played their old hit records.",
    "The scheme helps people with broken work records.",
    "The squad has not yet been named.",
])
def test_hit_records_and_not_yet_are_no_comparison(text):
    assert comparisons(text) == []


@pytest.mark.parametrize("text, span, reference", [
    ("In comparison, the rival film took £9m.", "In comparison", None),
    ("In comparison with Spain, sales rose.", "In comparison with Spain", "Spain"),
    # a record matched, its figure between the verb and "record"
    ("It is set to match the 12.4bn yen (£60m) record of the first film.",
     "the 12.4bn yen (£60m) record of the first film", "the first film"),
    ("They hope to equal the club record.", "the club record", None),
])
def test_comparisons_named_outright_and_records_matched(text, span, reference):
    assert (span, reference) in comparisons(text)


@pytest.mark.parametrize("text", [
    "The band more than fit the bill.",                  # "more than" before a bare verb: a degree
    "Few savers got back more than about half their money.",   # a qualifier of a figure, over "about"
    "The comparison is unfair.",
    "She is equal to the task.",
])
def test_degrees_bounds_and_likenesses_are_no_comparison(text):
    assert comparisons(text) == []
