"""Start Blueprint Studio: `python main.py [PROJECT]` opens the window; subcommands run headless."""

import sys

from blueprint_studio.cli import main

if __name__ == "__main__":
    sys.exit(main())
