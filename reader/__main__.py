"""`python -m reader` runs the `diglot` command line."""

import sys

from reader.cli import main

sys.exit(main())
