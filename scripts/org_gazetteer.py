"""Write data/speakers/companies.txt: the names of listed companies, from the pytickersymbols package.

A company named alone ("Zenco said") reads as a body only where the article says so; this list lets a name the
article leaves unclear be a company when it is a well-known one (tracker/speakers/kinds.py), never over what the
article says (an honorific, a pronoun, an age make it a person).

Command (from the repository root)::

    pip download --no-deps pytickersymbols==1.17.10 -d build/
    unzip -o -q build/pytickersymbols-1.17.10-*.whl -d build/pts
    .venv/bin/python scripts/org_gazetteer.py build/pts

Data: the constituents of 20 stock indices (FTSE 100, DAX, CAC 40, S&P 500, NASDAQ 100, Nikkei 225, ...) as
shipped in pytickersymbols 1.17.10 (MIT licence; the package compiles them from the indices' public lists). A
name is written without its legal form ("Zenco Inc" -> "Zenco"), and also without accents ("Deutsche Börse" ->
"Deutsche Boerse", "Deutsche Borse"). Dropped: names of fewer than three letters, names with digits or symbols,
given names, places and countries (data/speakers/), and words the speakers' lists use otherwise ("Next" is in
common_capitalised.txt).
"""
import ast
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "data" / "speakers"
LEGAL = re.compile(r"(?:,? (?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|plc|PLC|Plc|Ltd\.?|Limited|LLC|"
                   r"AG|SA|S\.A\.|N\.V\.|NV|SE|SpA|S\.p\.A\.|GmbH|KGaA|Holdings?|Group|& Co\.?))+$")
NAME = re.compile(r"[A-Z][A-Za-z\u00c0-\u017f'\-\.]*(?: [A-Z][A-Za-z\u00c0-\u017f'\-\.]*)*")
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def lines(name: str) -> set[str]:
    return {l.strip() for l in (HERE / name).read_text(encoding="utf-8").splitlines() if l.strip() and l[0] != "#"}


def plain(name: str, umlauts: bool) -> str:
    name = name.translate(UMLAUTS) if umlauts else name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def main(build: str) -> None:
    source = (Path(build) / "pytickersymbols" / "indices_data.py").read_text(encoding="utf-8")
    indices = ast.literal_eval(source[source.index("{"):source.rindex("}") + 1])
    drop = set()
    for f in ("first_names_male.txt", "first_names_female.txt", "first_names_census_male.txt",
              "first_names_census_female.txt", "places.txt", "countries.txt", "common_capitalised.txt"):
        drop |= lines(f)
    names = set()
    for index in indices.values():
        for company in index["companies"]:
            name = LEGAL.sub("", company["name"].strip()).strip()
            if not NAME.fullmatch(name) or sum(c.isalpha() for c in name) < 3 or name in drop:
                continue
            names |= {name, plain(name, True), plain(name, False)}
    header = __doc__.split("\n\n")[0].replace('"""', "")
    out = HERE / "companies.txt"
    out.write_text(
        "# Names of listed companies: a name the article leaves unclear, and no person's, is a company's when it\n"
        "# is one of these (tracker/speakers/kinds.py). Written by scripts/org_gazetteer.py from the index\n"
        "# constituents shipped in pytickersymbols 1.17.10 (MIT licence); do not edit by hand. One a line.\n"
        + "".join(n + "\n" for n in sorted(names)), encoding="utf-8")
    print(f"{len(names)} names -> {out} ({header.strip()})")


if __name__ == "__main__":
    main(sys.argv[1])
