"""Tests of shelter_app.services."""
