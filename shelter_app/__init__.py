"""ShelterDesk: set up manufacturing in Mexico under a shelter provider."""

APP_NAME = "ShelterDesk"
APP_ID = "shelter-app"

# The one version number: pyproject.toml reads it from here (dynamic version), the About box,
# --version and the PDFs show it. Not read through importlib.metadata: that costs 25 ms at start-up.
__version__ = "0.1.0"
