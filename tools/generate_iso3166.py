"""Regenerate src/jointstmt/model/_iso3166.py from pycountry (the maintained ISO 3166 source).

Run: python tools/generate_iso3166.py  (tests/test_model.py fails when the committed file
differs from what pycountry now says, so an update of pycountry tells you to rerun this.)
"""

from importlib.metadata import version
from pathlib import Path

import pycountry


def render() -> str:
    countries = sorted((c.alpha_2, c.name) for c in pycountry.countries)
    subdivisions = sorted(s.code for s in pycountry.subdivisions)
    lines = [
        f'"""ISO 3166-1 alpha-2 and ISO 3166-2 codes, generated from pycountry {version("pycountry")}.',
        "",
        "Do not edit: run tools/generate_iso3166.py. Generated rather than imported so that",
        "validation needs no 20 ms database load; tests/test_model.py checks it against pycountry.",
        '"""',
        "",
        "COUNTRIES: dict[str, str] = {",
        *(f"    {code!r}: {name!r}," for code, name in countries),
        "}",
        "",
        "SUBDIVISIONS: frozenset[str] = frozenset(",
        "    (",
        *(f"        {code!r}," for code in subdivisions),
        "    )",
        ")",
        "",
    ]
    return "\n".join(lines)


TARGET = Path(__file__).resolve().parent.parent / "src" / "jointstmt" / "model" / "_iso3166.py"

if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")
