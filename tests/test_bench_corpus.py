"""The benchmark's corpus generator (tracker.bench_corpus), on a small corpus of articles written here."""
import hashlib
import json
import re

import pytest
from click.testing import CliRunner

from tracker.bench_corpus import Generator, Source, size, write
from tracker.cli import cli

# Fictional articles, two sections, in the layout of the benchmark's source corpus: headline, blank line,
# paragraphs separated by blank lines.
ARTICLES = {
    "economy_001.txt": """Harbour town bakery doubles its staff

The bakery on Quay Road took on 14 new staff in 2005, its owner Martha Pengelly said on Tuesday.

"We sold 2,400 loaves a week last summer and we expect more," Ms Pengelly said.

Sales rose 12.5% in the year to March, according to the firm's accounts.

The town council said the bakery was one of 35 firms to grow that year.""",
    "economy_002.txt": """Ferry operator cuts fares on winter crossings

Fares on the island crossing will fall by 18% from November, the operator said.

Its chief executive, Gordon Trelawney, said 1,250 passengers a day used the route in 2004.

"Winter has always been hard for us," Mr Trelawney told reporters.

Passenger groups welcomed the cut but said fares had risen 40% since 1999.""",
    "economy_003.txt": """Fishing fleet landings fall for a third year

Landings at the port fell to 3,100 tonnes in 2005, down from 4,600 tonnes two years earlier.

Harbour master Alan Rosewarne said: "The quotas are the problem, not the fish."

The fleet now has 27 boats, against 52 in 1995.""",
    "sport_001.txt": """Village side reach county final

The village cricket club reached the county final for the first time since 1983 on Saturday.

Captain Steven Polglase scored 86 runs as the side chased down 212 with four overs left.

"It is the best day this club has had," Polglase said.

The final will be played in August in front of an expected crowd of 1,500.""",
    "sport_002.txt": """Swimmer breaks club record at regional gala

Teenager Laura Chenoweth swam the 200m freestyle in 2:04.31 to break a club record set in 2001.

Her coach, Peter Tregunna, said she had trained 20 hours a week since January.

"She has worked for this," Mr Tregunna said. "We always knew she could do it."

The club has 140 members, up from 90 in 2003.""",
    "sport_003.txt": """Rugby club sign former county winger

The rugby club have signed winger David Kernick on a two-year deal.

Kernick, 24, scored 31 tries in 58 games for his old club, director of rugby Simon Treloar said.

"He gives us pace we have lacked," Treloar said on Monday.""",
}


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return Source(folder)


def test_sizes():
    assert [size(s) for s in ("10k", "100k", "1M", "250", "2.5k")] == [10_000, 100_000, 1_000_000, 250, 2_500]


def test_articles_are_distinct(source):
    texts = [a["text"] for a in Generator(source, seed=1).articles(120)]
    assert len({hashlib.sha256(t.encode()).hexdigest() for t in texts}) == 120
    # twenty rounds over six articles: each lead article's opening comes back, varied
    assert sum(t.startswith("The bakery on Quay Road took on") for t in texts) == 20


def test_distinct_even_with_nothing_to_vary(tmp_path):
    # one paragraph each, no names, no figures: every round makes the same body, the credit still differs
    for k, text in enumerate(("Rain fell on the hills all week.", "The road over the moor stayed shut.")):
        (tmp_path / f"weather_{k}.txt").write_text(f"Headline {k}\n\n{text}\n", encoding="utf-8")
    gen = Generator(Source(tmp_path), seed=0)
    arts = list(gen.articles(2000))
    assert len({a["text"] for a in arts}) == 2000
    # what the credit saves them from: lead, then the other article once or twice (never the lead again)
    assert len({a["text"].rsplit("\n\n", 1)[0] for a in arts}) == 4
    assert len({gen.byline(i) for i in range(0, 10 ** 7, 997)}) == len(range(0, 10 ** 7, 997))


def test_deterministic_by_seed_and_index(source):
    a = list(Generator(source, seed=3).articles(30))
    assert a == list(Generator(source, seed=3).articles(30))
    assert list(Generator(source, seed=3).articles(10, first=20)) == a[20:]   # any slice alone
    assert [x["text"] for x in Generator(source, seed=4).articles(30)] != [x["text"] for x in a]


def test_sections_kept_and_figures_varied(source):
    gen = Generator(source, seed=0)
    arts = list(gen.articles(60))
    sport_words = ("cricket", "rugby", "club", "swim", "coach", "winger", "final", "tries")
    for i, art in enumerate(arts):
        # sections alternate (economy, sport, ...): paragraphs come from the lead's own section only
        if i % 2 == 1:
            assert not re.search(r"bakery|ferry|fleet|landings", art["text"], re.I), art["text"]
            assert any(w in art["text"].lower() for w in sport_words)
    # figures as written ("2,400" keeps its separator, "12.5%" its decimal), but not all the same values
    loaves = {m for a in arts for m in re.findall(r"sold ([\d,]+) loaves", a["text"])}
    assert len(loaves) > 3 and all(re.fullmatch(r"\d{1,3}(,\d{3})+|\d{2,3}", v) for v in loaves)
    assert all(re.fullmatch(r"\d+\.\d", m) for a in arts for m in re.findall(r"rose ([\d.]+)% in the year", a["text"]))


def test_years_follow_the_publication_date(source):
    for art in Generator(source, seed=2).articles(40):
        year = int(art["published"][:4])
        assert 2005 <= year <= 2014
        if "took on" in art["text"] and "staff in" in art["text"]:
            assert f"staff in {year}" in art["text"]        # 2005 in the source, shifted to the article's year


def test_renamed_people_stay_consistent_within_an_article(source):
    gen = Generator(source, seed=5)
    renamed = 0
    for art in gen.articles(120):
        m = re.search(r"its owner Martha (\w+) said", art["text"])
        if m and "Ms " in art["text"]:
            assert re.search(rf"Ms {m.group(1)} said", art["text"]), art["text"]
            renamed += m.group(1) != "Pengelly"
    assert renamed > 0                                       # some rounds rename her, consistently


def test_shards_are_ingested_as_distinct_articles(source, tmp_path):
    files = write(Generator(source, seed=0), 25, str(tmp_path / "corpus"), shard=10)
    assert [sum(1 for _ in open(f)) for f in files] == [10, 10, 5]
    again = write(Generator(source, seed=0), 25, str(tmp_path / "again"), shard=10, jobs=2)    # by two processes
    assert [f.read_text() for f in again] == [f.read_text() for f in files]
    first = json.loads(files[0].read_text().splitlines()[0])
    assert set(first) == {"title", "text", "published", "outlet", "url"}
    db = tmp_path / "bench.db"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert "25 articles added, 0 already present, 0 errors" in result.output
    import sqlite3

    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from quotes where speaker_id is not null").fetchone()[0] > 0
    assert conn.execute("select count(distinct published) from articles").fetchone()[0] > 1
