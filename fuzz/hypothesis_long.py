"""Run the property-based fuzz tests (tests/hostile/test_fuzz.py) with a large budget.

Usage: ``python fuzz/hypothesis_long.py [EXAMPLES]`` (default 20,000 per test); see README.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    import pytest

    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    # registered before tests/conftest.py loads the profile HYPOTHESIS_PROFILE names
    settings.register_profile(
        "fuzz",
        max_examples=examples,
        deadline=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow],
    )
    os.environ["HYPOTHESIS_PROFILE"] = "fuzz"
    test = str(ROOT / "tests" / "hostile" / "test_fuzz.py")
    # hypothesis is imported before pytest starts, so pytest cannot rewrite its asserts
    sys.exit(pytest.main([test, "-q", "-x", "-W", "ignore::pytest.PytestAssertRewriteWarning"]))
