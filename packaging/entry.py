"""The frozen app's entry point: `diglot` as the command line has it, plus `--self-test`."""

import multiprocessing
import sys


def main() -> int:
    # The index runs in a spawned child process: in a frozen app that child is this executable
    # again, and freeze_support() turns it into the child instead of a second window.
    multiprocessing.freeze_support()
    if sys.argv[1:] == ["--self-test"]:
        from reader.ui.self_test import main as self_test

        return self_test()
    from reader.cli import main as cli

    return cli()


if __name__ == "__main__":
    sys.exit(main())
