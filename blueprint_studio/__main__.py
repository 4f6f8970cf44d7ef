"""`python -m blueprint_studio [PROJECT | COMMAND ...]`: the same as the blueprint-studio command."""

import sys

from blueprint_studio.cli import main

if __name__ == "__main__":
    sys.exit(main())
