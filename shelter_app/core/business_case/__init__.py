"""The business case: what moving a plant to a Mexican shelter costs and saves, year by year."""
