"""ShelterDesk: set up manufacturing in Mexico under a shelter provider."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "ShelterDesk"
APP_ID = "shelter-app"

try:
    __version__ = version("shelter-app")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
