"""Use cases, Qt-free. Every GUI action calls one of these, and so can the CLI and tests."""
