"""The bundle's entry point: the same `main` as the `shelter-app` command."""

import sys

from shelter_app.app import main

if __name__ == "__main__":
    sys.exit(main())
