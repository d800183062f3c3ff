"""``python -m jointstmt``: the same program as the ``jointstmt`` command."""

import sys

from jointstmt.cli import main

sys.exit(main())
