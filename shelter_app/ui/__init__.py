"""The PySide6 GUI: the only package that imports Qt. It calls into `services` for everything."""
