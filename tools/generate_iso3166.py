"""Regenerate src/jointstmt/model/_iso3166.py from pycountry (the maintained ISO 3166 source).

Besides the codes, it holds what messages need to say which code was meant: each country's
alpha-3 code and its names (short, official, common, and "Korea, Republic of" turned round).

Run: python tools/generate_iso3166.py  (tests/test_model.py fails when the committed file
differs from what pycountry now says, so an update of pycountry tells you to rerun this.)
"""

from importlib.metadata import version
from pathlib import Path

import pycountry


def country_names() -> dict[str, str]:
    """Each country's names, case-folded without a leading "the", to its alpha-2 code."""
    names: dict[str, str] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        for name in (country.name, *(getattr(country, k, None) for k in NAME_KEYS)):
            if name is None:
                continue
            # "Korea, Republic of" is also written "Republic of Korea"
            head, comma, tail = name.partition(", ")
            for form in (name, f"{tail} {head}") if comma else (name,):
                names.setdefault(form.casefold().removeprefix("the "), country.alpha_2)
    return names


NAME_KEYS = ("official_name", "common_name")


def render() -> str:
    countries = sorted((c.alpha_2, c.name) for c in pycountry.countries)
    alpha_3 = sorted((c.alpha_3, c.alpha_2) for c in pycountry.countries)
    subdivisions = sorted(s.code for s in pycountry.subdivisions)
    lines = [
        f'"""ISO 3166-1 alpha-2 and ISO 3166-2 codes, generated from pycountry {version("pycountry")}.',
        "",
        "Do not edit: run tools/generate_iso3166.py. Generated rather than imported so that",
        "validation needs no 20 ms database load; tests/test_model.py checks it against pycountry.",
        "ALPHA_3 and NAMES say which code a message should suggest (tests/test_messages.py).",
        '"""',
        "",
        "COUNTRIES: dict[str, str] = {",
        *(f"    {code!r}: {name!r}," for code, name in countries),
        "}",
        "",
        "ALPHA_3: dict[str, str] = {",
        *(f"    {code!r}: {alpha_2!r}," for code, alpha_2 in alpha_3),
        "}",
        "",
        "NAMES: dict[str, str] = {",
        *(f"    {name!r}: {code!r}," for name, code in country_names().items()),
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
