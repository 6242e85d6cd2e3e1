"""Tests of shelter_app.storage."""
