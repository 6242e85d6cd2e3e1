"""The PySide6 GUI: the only package that imports Qt. It calls into `services` for everything."""

from shelter_app.ui.qtcompat import protect_singletons

protect_singletons()
