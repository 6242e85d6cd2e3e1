"""Tables, engine and migrations. Only services talk to this package."""
