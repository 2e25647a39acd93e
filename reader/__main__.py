"""`python -m reader` runs the `diglot` command line."""

import sys

from reader.cli import main

# Guarded: index updates run in "spawn" child processes, which import the main module again.
if __name__ == "__main__":
    sys.exit(main())
