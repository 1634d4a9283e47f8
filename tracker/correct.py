"""``tracker correct``: a journalist records a correction; it is written to the file beside the database and to
its table, and every correction is applied again, in one write transaction of the store's.

The corrections themselves (the table, the file, how each is applied, the review of likely duplicate speakers)
are ``tracker/corrections.py``, which the store applies with every batch; this module is the command around
them, kept apart so that the store and the corrections do not import each other.
"""
from __future__ import annotations

import json
import secrets
import sqlite3
from pathlib import Path

from .corrections import (ACTIONS, Correction, apply_in, article_hash, corrections_path, now, quote_ref,
                          speaker_key)
from .store import Store

def record(db_path: str | Path, c: Correction) -> Correction:
    """Append a correction to the file beside the database and to its table, then apply every correction."""
    c.at = c.at or now()
    c.uid = c.uid or secrets.token_hex(8)
    if c.action not in ACTIONS:
        raise ValueError(f"unknown correction {c.action!r}")
    with open(corrections_path(db_path), "a", encoding="utf-8") as fh:
        fh.write(json.dumps(c.record(), ensure_ascii=False) + "\n")
    apply(db_path)
    return c



def apply(db_path: str | Path, pairs: bool = True) -> dict[str, int]:
    """Bring the table and the file together, apply every correction in order, refresh the duplicate pairs: in
    one write transaction of the store's (waiting for another writer's), so that no reader, crash or second
    writer ever sees them half applied.

    Returns how many corrections applied and how many wait for their quote or speaker."""
    store = Store(db_path)
    try:
        return store.transaction(lambda: apply_in(store.conn, corrections_path(db_path), pairs))
    finally:
        store.close(corrections=False)



# --- the command line: tracker correct ... ---------------------------------------------------------------

def _cli():
    import getpass

    import click

    db_option = click.option("--db", "db_path", default="tracker.db", show_default=True,
                             type=click.Path(dir_okay=False, exists=True), help="the database to correct")
    why_option = click.option("--why", required=True, help="why: what the article says, or how you know")
    who_option = click.option("--who", default=lambda: getpass.getuser(), show_default="your user name",
                              help="who makes the correction")

    @click.group()
    def correct():
        """Correct speakers: kept in NAME.corrections.jsonl beside the database and applied again at every ingest."""

    def done(db_path, c: Correction) -> None:
        c = record(db_path, c)
        status = sqlite3.connect(db_path).execute("select status from corrections where uid = ?",
                                                  [c.uid]).fetchone()[0]
        click.echo(f"correction {c.uid} ({c.action}): {status}; kept in {corrections_path(db_path)}", err=True)

    @correct.command()
    @click.argument("quote_id", type=int)
    @click.option("--speaker", "speaker_id", type=int, help="the id of the speaker who said it")
    @click.option("--name", help="the name of who said it (a new speaker unless one has that name)")
    @click.option("--kind", type=click.Choice(["person", "organization", "group", "generic"]), default="person",
                  show_default=True, help="the kind of the speaker named by --name")
    @click.option("--clear", is_flag=True, help="nobody the article names said it: the speaker is cleared")
    @why_option
    @who_option
    @db_option
    def speaker(quote_id, speaker_id, name, kind, clear, why, who, db_path):
        """Set the speaker of quote QUOTE_ID (--speaker ID or --name NAME), or clear it (--clear)."""
        if sum(map(bool, (speaker_id, name, clear))) != 1:
            raise click.UsageError("give one of --speaker, --name, --clear")
        con = sqlite3.connect(db_path)
        try:
            h, start, end = quote_ref(con, quote_id)
            key = speaker_key(con, speaker_id) if speaker_id else None
        except LookupError as e:
            raise click.ClickException(str(e)) from None
        done(db_path, Correction("speaker", who, why, article_hash=h, quote_start=start, quote_end=end,
                                 speaker_key=key, name=name, kind=kind if name else None))

    @correct.command()
    @click.argument("speaker_id", type=int)
    @click.option("--article", "article_ids", type=int, multiple=True, required=True,
                  help="an article whose quotes of this speaker are someone else's (repeat for several)")
    @click.option("--name", required=True, help="who said them")
    @click.option("--kind", type=click.Choice(["person", "organization", "group", "generic"]), default="person",
                  show_default=True)
    @why_option
    @who_option
    @db_option
    def split(speaker_id, article_ids, name, kind, why, who, db_path):
        """The quotes of SPEAKER_ID in the given articles are NAME's, not theirs."""
        con = sqlite3.connect(db_path)
        try:
            key = speaker_key(con, speaker_id)
            hashes = [article_hash(con, a) for a in article_ids]
        except LookupError as e:
            raise click.ClickException(str(e)) from None
        done(db_path, Correction("split", who, why, other_key=key, name=name, kind=kind,
                                 articles=json.dumps(hashes)))

    def pair_command(action: str, a: str, b: str, doc: str):
        """``merge`` and ``distinct``: a correction naming two speakers by id (kept by key)."""
        @correct.command(action, help=doc)
        @click.argument(a, type=int)
        @click.argument(b, type=int)
        @why_option
        @who_option
        @db_option
        def command(why, who, db_path, **ids):
            con = sqlite3.connect(db_path)
            try:
                keys = speaker_key(con, ids[a.lower()]), speaker_key(con, ids[b.lower()])
            except LookupError as e:
                raise click.ClickException(str(e)) from None
            done(db_path, Correction(action, who, why, speaker_key=keys[0], other_key=keys[1]))

    pair_command("merge", "KEEP_ID", "OTHER_ID",
                 "Speakers KEEP_ID and OTHER_ID are one: OTHER_ID's quotes and claims go to KEEP_ID.")
    pair_command("distinct", "A_ID", "B_ID",
                 "Speakers A_ID and B_ID are not one: the review of likely duplicates no longer lists them.")

    @correct.command("apply")
    @db_option
    def apply_command(db_path):
        """Apply the corrections file beside the database again (after a rebuild, or an edit of the file)."""
        counts = apply(db_path)
        click.echo(f"{counts['applied']} corrections applied, {counts['waiting']} waiting", err=True)

    return correct


correct = _cli()
