"""The publish recipe: a Docker image of a read-only copy, with ``datasette package``.

``python -m tracker.serve.publish news.db --tag newsroom/tracker`` copies the
database (write-ahead log off, as ``--public`` does), builds this project's wheel,
and runs ``datasette package`` with: the wheel installed in the image (the plugin,
its templates, block-robots and atom come with it), metadata.yml with the
plugin's public switch, and the public settings (no arbitrary SQL, no download,
row and time limits). ``datasette package`` needs Docker; ``--dry-run`` prints the
command instead. Publishing to a host (``datasette publish cloudrun|heroku|fly``)
takes the same options.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from . import PUBLIC_SETTINGS, instance_metadata, prepare_immutable

ROOT = Path(__file__).resolve().parent.parent.parent


def setting_options(settings: dict = PUBLIC_SETTINGS) -> str:
    """The settings as ``datasette serve`` options (what ``--extra-options`` takes)."""
    def word(v):
        return ("on" if v else "off") if isinstance(v, bool) else str(v)
    return " ".join(f"--setting {k} {word(v)}" for k, v in settings.items())


def package_command(db: Path, metadata: Path, wheel: Path, tag: str) -> list[str]:
    return ["datasette", "package", str(db), "--metadata", str(metadata), "--tag", tag,
            "--static", f"wheels:{wheel.parent}", "--install", f"/app/wheels/{wheel.name}",
            "--extra-options", setting_options()]


def build_wheel(out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)], check=True)
    return next(out.glob("*.whl"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--tag", default="tracker-published")
    parser.add_argument("--wheel", help="a wheel already built (default: build one)")
    parser.add_argument("--dry-run", action="store_true", help="print the datasette package command only")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="tracker-publish-"))
    db = work / Path(args.db).name
    shutil.copy(args.db, db)
    prepare_immutable(str(db))
    metadata = work / "metadata.yml"
    metadata.write_text(yaml.safe_dump(instance_metadata(public=True), allow_unicode=True), encoding="utf-8")
    wheels = work / "wheels"
    wheels.mkdir()
    wheel = shutil.copy(args.wheel, wheels) if args.wheel else build_wheel(wheels)
    command = package_command(db, metadata, Path(wheel), args.tag)
    if args.dry_run:
        print(" ".join(command))
        return 0
    return subprocess.run(command).returncode


if __name__ == "__main__":
    sys.exit(main())
