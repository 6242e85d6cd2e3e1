"""Offline forms, without Qt, SQL or files: the definition model, safe expressions, answer values, the
form state that validates as the user types, version migration of drafts and the mapping to the project."""
