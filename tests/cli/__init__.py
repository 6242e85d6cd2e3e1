"""Tests of shelter_app.cli (run in process and as a real subprocess)."""
