"""Docs that cannot drift: the README is checked against the code it describes."""
import io
import json
import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from cogapp import Cog

from tracker.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
COG_BLOCK = re.compile(r"<!-- \[\[\[cog.*?\[\[\[end\]\]\] -->", re.S)


@pytest.fixture(scope="module")
def readme():
    return README.read_text(encoding="utf-8")


def test_readme_starts_with_make_demo_and_make_test(readme):
    lines = [line.strip() for line in readme.splitlines() if line.strip() and not line.startswith("# ")]
    assert lines[0].startswith("make demo") and lines[1].startswith("make test")


def test_readme_generated_parts_are_up_to_date():
    err = io.StringIO()
    cog = Cog()
    cog.set_output(stdout=io.StringIO(), stderr=err)
    status = cog.main(["cog", "--check", str(README)])
    assert status == 0, f"README.md is out of date: run `.venv/bin/cog -r README.md` ({err.getvalue().strip()})"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_option_of_every_command_is_in_the_readme(readme, command):
    for param in cli.commands[command].params:
        if isinstance(param, click.Option):
            for opt in param.opts + param.secondary_opts:
                assert re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", readme), f"tracker {command} {opt}"


def test_every_command_is_shown_in_the_hand_written_part(readme):
    prose = COG_BLOCK.sub("", readme)
    for command in cli.commands:
        assert f"$ tracker {command} " in prose, command


def console_commands(readme):
    """The ``$ ...`` lines of the README's console blocks, in order."""
    for block in re.findall(r"```console\n(.*?)```", readme, re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                yield shlex.split(line[2:])


def test_readme_examples_run(readme, tmp_path, monkeypatch):
    """Each example command, run for real in an empty folder beside the samples (``serve`` answers one page)."""
    (tmp_path / "data").symlink_to(ROOT / "data")
    monkeypatch.chdir(tmp_path)
    commands = list(console_commands(readme))
    assert len(commands) >= 4
    for argv in commands:
        if argv[0] == "cp":
            shutil.copy(argv[1], argv[2])
            continue
        assert argv[0] == "tracker", argv
        args = argv[1:]
        if args[0] == "serve":
            db = args[args.index("--db") + 1]
            args += ["--get", f"/{Path(db).stem}/quotes"]
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, (argv, result.output[-1000:])
        if args[0] == "extract":
            parsed = json.loads(result.stdout)
            assert {"document", "sentences", "quotes", "claims", "speakers"} <= set(parsed)
        if args[0] == "ingest":
            assert "5 articles added" in result.stderr
