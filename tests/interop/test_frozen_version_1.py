"""A new major version never changes what an older one accepts.

Every version-1 case (the statements and examples that declare version 1, and
the mutations of the version-1 examples) gets the same verdict from the
version-1 schema as published at commit 1063760 as from the models and from
today's file, whatever form the generator has since given that file. The
schema of that commit is kept beside this test (``git show
1063760:schemas/joint-statement-1.schema.json``), so that the test runs without
the repository's history.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from jointstmt.loader import parse_yaml
from jointstmt.versions import VERSIONS

from .cases import ROOT, Case, cases

COMMIT = "1063760"
FROZEN = Path(__file__).with_name(f"joint-statement-1.{COMMIT}.schema.json")
TODAY = ROOT / "schemas" / VERSIONS[1].schema_file
CASES = cases(1)


def _validator(path: Path) -> Draft202012Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


FROZEN_VALIDATOR, TODAY_VALIDATOR = _validator(FROZEN), _validator(TODAY)


def test_the_kept_copy_is_the_schema_published_at_that_commit() -> None:
    done = subprocess.run(
        ["git", "show", f"{COMMIT}:schemas/{VERSIONS[1].schema_file}"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"commit {COMMIT} is not in this checkout's history (a shallow clone?)")
    assert done.stdout == FROZEN.read_bytes()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_version_1_case_has_the_verdict_it_had_under_the_schema_of_1063760(case: Case) -> None:
    data = parse_yaml(case.text.encode("utf-8")).data
    verdicts = {
        "models": case.valid,
        COMMIT: FROZEN_VALIDATOR.is_valid(data),
        "today": TODAY_VALIDATOR.is_valid(data),
    }
    assert len(set(verdicts.values())) == 1, verdicts
