"""Start TemuDesk: ``python main.py`` (GUI) or ``python main.py COMMAND …`` (headless)."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    # In the packaged program a child process (the scheduler's SAT search) starts this same
    # executable: freeze_support runs the child's work there instead of a second TemuDesk.
    multiprocessing.freeze_support()
    sys.exit(main())
