"""Shared fixtures: the example statements, copied to a scratch folder for mutation."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

EXAMPLES = Path(__file__).parent / "examples"

# ci: deterministic and bounded, the default (plain `pytest`, .ci/run, CI=true), so that the
# whole suite stays within minutes on 2 cores; property tests that run one case per kind
# of mutation share the budget out (tests/test_properties_mutations.py).
# dev: five times the examples, random, with the example database; HYPOTHESIS_PROFILE=dev.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=60,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A writable copy of the bilateral example; returns the path of its YAML file."""
    target = tmp_path / "statement"
    shutil.copytree(EXAMPLES / "bilateral-leaders", target)
    return target / "statement.yaml"
