"""Offline forms in the GUI: the renderer and client window, and the consultant's side (packages, review, keys)."""
