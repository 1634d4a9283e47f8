import json
import os

from tracker.model import Document
from tracker.read import Note, ReadError, read


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
    assert isinstance(items[1], ReadError) and (items[1].source, items[1].record) == (str(q), "line 2")
    assert items[1].stage == "parse" and str(items[1]) == f"{q}, line 2: {items[1].error}"
    assert isinstance(items[2], ReadError) and "text" in items[2].error and items[2].stage == "record"


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


def items(path):
    return list(read([str(path)]))


def test_a_bad_record_is_an_error_of_its_own_and_its_neighbours_are_read(tmp_path):
    good = json.dumps({"text": "The mayor opened the bridge."})
    deep = "[" * 100_000 + "]" * 100_000
    huge = '{"text": "The council met.", "id": ' + "9" * 5000 + "}"
    surrogate = '{"text": "Half a pair \\ud800 here."}'
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join([good, deep, huge, surrogate, good.replace("mayor", "clerk")]) + "\n")
    got = items(p)
    assert [type(i).__name__ for i in got] == ["Document", "ReadError", "Document", "ReadError", "Document"]
    assert got[1].record == "line 2" and "nested too deeply" in got[1].error and got[1].stage == "parse"
    assert got[2].text == "The council met."        # an integer too long to convert costs nothing
    assert got[3].record == "line 4" and "lone surrogate" in got[3].error and "\\ud800" in got[3].error
    # the same in a .json list: one bad record, not the file
    q = tmp_path / "feed.json"
    q.write_text("[" + ", ".join([good, surrogate, huge]) + "]")
    assert [type(i).__name__ for i in items(q)] == ["Document", "ReadError", "Document"]
    q.write_text(deep)
    (err,) = items(q)
    assert isinstance(err, ReadError) and err.stage == "parse" and "nested too deeply" in err.error


def test_json_lines_are_split_on_newlines_only(tmp_path):
    # U+2028, U+2029 and NEL may stand unescaped inside a JSON string; str.splitlines breaks on them
    texts = ["The mayor said\u2028the bridge was safe.", "Councillors\x85voted.", "A clerk\u2029resigned."]
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in texts) + "\r\n", encoding="utf-8")
    assert [d.text for d in items(p)] == texts
    assert [d.source for d in items(p)] == [f"{p}#1", f"{p}#2", f"{p}#3"]


def test_an_input_with_no_records_gets_a_word(tmp_path):
    for name, content in (("empty.jsonl", ""), ("blank.jsonl", "\n\n"), ("list.json", "[]")):
        p = tmp_path / name
        p.write_text(content)
        (note,) = items(p)
        assert isinstance(note, Note) and "no records" in note.message and note.source == str(p)


def test_a_nul_byte_anywhere_is_binary_data(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(("The council met. " * 1000).encode() + b"\x00 and more text.")
    (err,) = items(p)
    assert isinstance(err, ReadError) and err.stage == "decode" and "NUL byte at byte 17000" in err.error


def test_a_fifo_in_a_folder_is_skipped_unopened(tmp_path):
    (tmp_path / "story.txt").write_text("The council met on Monday.")
    os.mkfifo(tmp_path / "pipe.txt")     # opening it to read would block until a writer came
    got = items(tmp_path)
    assert isinstance(got[0], Note) and got[0].source == str(tmp_path / "pipe.txt") and "FIFO" in got[0].message
    assert [d.text for d in got[1:]] == ["The council met on Monday."]


def test_an_unreadable_folder_is_an_error(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "story.txt").write_text("The council met on Monday.")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("Never read.")
    if os.geteuid() == 0:       # root reads any folder: refuse this one as the system would refuse a user
        real = os.scandir

        def scandir(path="."):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(locked))
            return real(path)
        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        got = items(tmp_path)
    finally:
        locked.chmod(0o755)
    assert isinstance(got[0], ReadError) and got[0].source == str(locked) and "Permission denied" in got[0].error
    assert [d.text for d in got[1:]] == ["The council met on Monday."]


def test_names_that_would_break_a_line_are_escaped(tmp_path):
    p = tmp_path / "two\nlines.txt"
    p.write_bytes(b"\xff\xfe")
    (err,) = items(p)
    assert "\n" not in str(err) and "two\\nlines.txt" in str(err)
    q = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")       # a name that is not UTF-8
    with open(q, "wb") as f:
        f.write(b"The mayor resigned.")
    (doc,) = [d for d in items(tmp_path) if isinstance(d, Document)]
    assert doc.source == str(tmp_path / "caf\\xe9.txt") and doc.source.encode("utf-8")
