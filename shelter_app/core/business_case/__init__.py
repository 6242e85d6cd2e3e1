"""The business case: what moving a plant to a Mexican shelter costs and saves, year by year.

`compute(case, reference)` takes a `BusinessCaseInput` (built by a GUI editor or read from the
JSON contract) and the reference tables, and returns a `BusinessCaseResult` holding every
intermediate figure. Pure: no files, no Qt, no SQL; `Decimal` throughout.
"""

from shelter_app.core.business_case.model import compute

__all__ = ["compute"]
