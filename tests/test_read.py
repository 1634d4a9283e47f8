import json

from tracker.model import Document
from tracker.read import ReadError, read


def one(path):
    (item,) = list(read([str(path)]))
    return item


def test_text_is_stored_unchanged_and_headline_is_the_title(tmp_path):
    raw = "Mayor quits after vote\n\nThe mayor resigned on Monday.\r\nShe said little.\n"
    p = tmp_path / "a.txt"
    p.write_bytes(raw.encode("utf-8"))
    doc = one(p)
    assert isinstance(doc, Document)
    assert doc.text == raw.replace("\r\n", "\r\n")
    assert doc.title == "Mayor quits after vote"


def test_a_long_first_paragraph_is_not_a_title(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("The mayor resigned on Monday after a vote of no confidence in which the council, "
                 "meeting in an emergency session called by the opposition, voted against her.\n\nMore.")
    assert one(p).title is None


def test_undecodable_file_is_an_error_naming_it(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"caf\xe9 \xff\xfe")
    err = one(p)
    assert isinstance(err, ReadError) and err.source == str(p) and "UTF-8" in err.error


def test_missing_file_is_an_error(tmp_path):
    err = one(tmp_path / "nope.txt")
    assert isinstance(err, ReadError) and "cannot read" in err.error


def test_folders_are_read_recursively_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second story here.")
    (tmp_path / "one.md").write_text("# A headline\n\nFirst story here.")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    docs = list(read([str(tmp_path)]))
    assert [d.source for d in docs] == [str(tmp_path / "b" / "two.txt"), str(tmp_path / "one.md")]
    assert docs[1].title == "A headline"


def test_json_and_jsonl_records(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps({"text": "Body text.", "title": "T", "url": "https://example.org/a",
                             "published": "2024-03-01T10:00:00Z", "outlet": "Example"}))
    doc = one(p)
    assert (doc.title, doc.url, doc.outlet, doc.published) == ("T", "https://example.org/a", "Example",
                                                               "2024-03-01T10:00:00+00:00")
    # the names of some corpus exports, and dates as newsrooms write them
    p.write_text(json.dumps({"text": "Body text.", "date": "Sept. 3, 2024", "publisher": "Courier"}))
    assert (one(p).published, one(p).outlet) == ("2024-09-03", "Courier")
    p.write_text(json.dumps({"text": "Body text.", "published": "03/04/2024"}))
    assert one(p).published is None                     # day or month first: not guessed
    q = tmp_path / "b.jsonl"
    q.write_text(json.dumps({"text": "One."}) + "\n{broken\n" + json.dumps({"title": "no text"}) + "\n")
    items = list(read([str(q)]))
    assert isinstance(items[0], Document) and items[0].source == f"{q}#1"
    assert isinstance(items[1], ReadError) and items[1].source == f"{q}#2"
    assert isinstance(items[2], ReadError) and "text" in items[2].error


def test_html_main_text_is_extracted(tmp_path):
    p = tmp_path / "page.html"
    body = " ".join(["The council voted on Tuesday to raise parking charges across the city centre."] * 4)
    p.write_text(f"<html><head><title>Parking charges rise</title></head><body><nav>Home | News | Sport</nav>"
                 f"<article><h1>Parking charges rise</h1><p>{body}</p><p>Residents said they were angry.</p>"
                 f"</article><footer>Copyright 2024</footer></body></html>")
    doc = one(p)
    assert isinstance(doc, Document)
    assert "raise parking charges" in doc.text and "Home | News" not in doc.text
    assert doc.title == "Parking charges rise"
