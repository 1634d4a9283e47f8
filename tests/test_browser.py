"""The demo in a real browser: headless Chromium (Debian's package) driven by Playwright.

``tracker serve`` runs in a subprocess on the bundled samples plus an article of
our own whose text carries ``<script>`` and event-handler attributes. Each test
opens pages as a reader would and checks what is on screen; screenshots go to
``screenshots/`` (git-ignored). The four journeys start from the home page and
take at most three clicks each.
"""
from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]

# our own article: markup in the text must stay text on every page
HOSTILE = """Mayor <script>window.__pwned = 1</script> promises new bridge

Mayor Lena Fairweather said: "The <img src=x onerror="window.__pwned = 2">bridge will open in 2027."

The bridge will cost £85m, she said, and carry 12,000 cars a day <b onmouseover="window.__pwned = 3">easily</b>.
"""


def ensure_chromium() -> str:
    if not Path(CHROMIUM).exists():
        subprocess.run(["bash", str(ROOT / "scripts" / "install_chromium.sh")], check=True, timeout=600)
    return CHROMIUM


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    inputs = folder / "inputs"
    shutil.copytree(ROOT / "data" / "samples", inputs)
    (inputs / "hostile-bridge.txt").write_text(HOSTILE, encoding="utf-8")
    path = folder / "demo.db"
    result = CliRunner().invoke(cli, ["ingest", str(inputs), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def server(db):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "tracker.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        # a deadline, not a count of tries: on a busy shared machine starting the server took 13 s (1.3 s of CPU)
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("tracker serve did not start")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=ensure_chromium(), headless=True, args=FLAGS)
        yield b
        b.close()


class Reader:
    """A page in the browser, with every console error and page error collected."""

    def __init__(self, browser, base):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, path):
        response = self.page.goto(self.base + path)
        assert response.status == 200, path
        return self.page

    def follow(self, target):
        """Click a link or a submit button (a selector or a locator) and wait for the page it leads to."""
        with self.page.expect_navigation():
            (self.page.locator(target) if isinstance(target, str) else target).click()
        return self.page

    def shot(self, name):
        SHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def close(self):
        assert not self.page.evaluate("window.__pwned"), "a script from article text ran"
        self.context.close()
        assert self.errors == []


@pytest.fixture
def reader(browser, server):
    r = Reader(browser, server)
    yield r
    r.close()


def rows(db, sql, *params):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


# --- pages -----------------------------------------------------------------------------------------------------

def test_home_starts_from_the_questions_and_every_link_answers(reader, db):
    page = reader.open("/")
    assert page.locator("input[name=q][type=search]").is_visible()
    questions = page.locator(".tracker-questions li a").all_inner_texts()
    assert "Who is quoted most" in questions and "What to check first" in questions
    counts = page.locator(".tracker-counts").inner_text()
    n_quotes = rows(db, "select count(*) as n from quotes")[0]["n"]
    assert f"{n_quotes} quotes" in counts
    assert page.locator(".tracker-recent li").count() >= 5
    reader.shot("home")
    hrefs = page.eval_on_selector_all("a[href^='/']", "els => [...new Set(els.map(e => e.getAttribute('href')))]")
    for href in hrefs:
        assert page.request.get(reader.base + href).status == 200, href


def test_table_page_shows_content_first(reader):
    page = reader.open("/demo/quotes")
    headers = page.locator("table.rows-and-columns th").all_inner_texts()
    assert "content" in " ".join(headers) and not any(h.strip() in ("start", "cue_start", "speaker_end")
                                                       for h in headers)
    assert page.locator("dl.column-descriptions").is_hidden()
    assert page.locator("td.col-speaker_id a", has_text="Priya Shah").count() >= 1      # names, not ids
    reader.shot("quotes-table")
    reader.follow("a[href=\"?_all_columns=1\"]")
    assert "cue_start" in " ".join(page.locator("table.rows-and-columns th").all_inner_texts())
    claims = reader.open("/demo/claims?unit=GBP+per+year")
    assert "£2.1bn per year" in claims.locator("table.rows-and-columns").inner_text()


def test_article_highlights_sit_on_the_stored_offsets(reader, db):
    article = rows(db, "select id, text from articles where title like 'Nurses offered%'")[0]
    text = article["text"]
    page = reader.open(f"/demo/articles/{article['id']}")
    # each highlighted piece: its link, its sentence, how many characters of the sentence come before it, its text
    pieces = page.eval_on_selector_all(
        ".tracker-article mark[data-row]",
        """els => els.map(m => { const s = m.closest('.sentence'), r = document.createRange();
                                 r.setStart(s, 0); r.setEnd(m, 0);
                                 return [m.dataset.row, +s.dataset.sentenceId, r.toString().length, m.textContent]; })""")
    sentences = {r["id"]: r["start"] for r in rows(db, "select id, start from sentences where article_id = ?",
                                                   article["id"])}
    spans = {f"/demo/{t}/{r['id']}": (r["start"], r["end"])
             for t in ("quotes", "claims")
             for r in rows(db, f"select id, start, [end] from {t} where article_id = ?", article["id"])}
    first = {}
    for href, sentence, before, piece in pieces:
        at = sentences[sentence] + before
        assert text[at:at + len(piece)] == piece, (href, piece)
        start, end = spans[href]
        assert start <= at and at + len(piece) <= end, (href, piece)
        first.setdefault(href, at)
    assert first == {h: span[0] for h, span in spans.items()}       # every quote and claim, each at its offset
    reader.shot("article")


def test_quote_page_shows_the_sentence_with_its_neighbours(reader, db):
    q = rows(db, "select id, start, [end], article_id from quotes where content like 'Nobody becomes%'")[0]
    text = rows(db, "select text from articles where id = ?", q["article_id"])[0]["text"]
    page = reader.open(f"/demo/quotes/{q['id']}")
    window = page.locator(".tracker-window")
    assert window.locator(".sentence").count() >= 2                    # the sentence and a neighbour
    assert window.locator("mark.quote").first.inner_text() in text[q["start"]:q["end"]]
    assert page.locator("dl.tracker-meta", has_text="Priya Shah").count() == 1
    reader.shot("quote")


def test_speaker_page_charts_filters_and_exports(reader, db):
    shah = rows(db, "select id from speakers where name = 'Priya Shah'")[0]["id"]
    page = reader.open(f"/demo/speakers/{shah}")
    bars = page.locator("svg.timeline rect.bar")
    assert bars.count() >= 2 and page.locator("svg.figures circle.figure").count() >= 2
    assert page.locator("svg.timeline").bounding_box()["height"] > 50
    page.fill("input[name=q]", "councillor")
    reader.follow("input[type=submit][value=Filter]")
    assert page.locator("table.quotes tbody tr").count() == 1
    csv = page.request.get(reader.base + page.get_attribute("text=CSV >> nth=0", "href"))
    assert csv.status == 200 and "Nobody becomes a councillor" in csv.text()
    feed = page.request.get(reader.base + page.get_attribute("text=Atom feed of new quotes", "href"))
    assert feed.status == 200 and "<feed" in feed.text()
    reader.shot("speaker")


def test_no_script_from_article_text_runs_anywhere(reader, db):
    (bridge,) = rows(db, "select id from articles where title like 'Mayor%'")
    for path in (f"/demo/articles/{bridge['id']}", "/demo/articles", "/demo/quotes", "/demo/sentences",
                 "/demo/search?q=bridge", "/demo/search_quotes?q=bridge", "/", "/demo"):
        page = reader.open(path)
        page.mouse.move(400, 400)
        for b in page.locator("text=easily").all():
            b.hover()
        assert page.evaluate("window.__pwned") is None, path
    assert "<script>window.__pwned" in reader.open(f"/demo/articles/{bridge['id']}").locator("h1").inner_text()


# --- the four journeys, each at most three clicks from the home page --------------------------------------------

def test_journey_what_did_x_say_about_y(reader):
    page = reader.open("/")
    page.fill("input[name=q]", "Delgado")
    reader.follow("input[type=submit][value=Search]")                       # 1
    page.click("td.col-id a:has-text('speaker')")                           # 2: the speaker comes first
    page.wait_for_url("**/speakers/*")
    page.fill("input[name=q]", "waiting")
    page.click("input[type=submit][value=Filter]")                          # 3
    page.wait_for_url("**q=waiting*")
    said = page.locator("table.quotes td:last-child").all_inner_texts()
    assert said and all("wait" in s.lower() for s in said)
    reader.shot("journey-what-did-x-say")


def test_journey_which_figures_were_claimed_and_did_they_change(reader):
    page = reader.open("/")
    reader.follow("text=Figures about ..., and did they change")            # 1
    page.fill("input[name=q]", "treatments")
    page.click("input[type=submit][value=Search]")                          # 2
    page.wait_for_url("**q=treatments*")
    table = page.locator("table.rows-and-columns")
    units = table.locator("td.col-unit").all_inner_texts()
    values = table.locator("td.col-value").all_inner_texts()
    assert units.count("treatments") >= 2 and len(set(values)) >= 2         # two figures for one measure
    assert table.locator("td.col-made_by").count() == len(units)            # and who claimed each
    assert "rows 1–" in page.locator(".tracker-pager").inner_text()
    reader.shot("journey-figures")


def test_journey_who_is_quoted_most(reader, db):
    page = reader.open("/")
    page.click("text=Who is quoted most")                                   # 1
    page.wait_for_url("**/most_quoted")
    speakers = page.locator("td.col-speaker").all_inner_texts()
    generic = {r["name"] for r in rows(db, "select name from speakers where anonymous")}
    assert speakers and not generic & set(speakers)
    top = page.locator("td.col-quotes").first.inner_text()
    reader.follow(page.locator("td.col-speaker a").first)                   # 2
    assert page.locator("svg.timeline").count() == 1
    assert f"of {top}" in page.locator(".tracker-pager").first.inner_text()
    reader.shot("journey-quoted-most")


def test_journey_what_should_i_check_first(reader):
    page = reader.open("/")
    page.click("text=What to check first")                                  # 1
    page.wait_for_url("**/checkworthy_sentences")
    first = page.locator("td.col-article a").first
    sentence = page.locator("td.col-text").first.inner_text()
    first.click()                                                           # 2
    page.wait_for_url("**/articles/*")
    target = page.locator(".sentence:target")
    assert target.count() == 1 and target.inner_text().rstrip("#").strip() == sentence.strip()
    assert "checkworthy" in target.get_attribute("class")
    reader.shot("journey-check-first")
