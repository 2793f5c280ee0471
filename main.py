"""Start TemuDesk: ``python main.py`` (GUI) or ``python main.py COMMAND …`` (headless)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
