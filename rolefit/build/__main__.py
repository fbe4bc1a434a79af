"""``python -m rolefit.build build|train|evaluate``."""

import sys

from rolefit.build.cli import main

sys.exit(main())
