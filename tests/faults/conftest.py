"""The fault suite (`pytest -m faults` runs it alone; the README's test command runs it with the rest).

Each test puts the app under a real fault (a SIGKILL mid-write, garbage in the file, a full disk, a second writer)
and records its figures with `tests.support.faultfigures.record`; they are printed at the end of the run."""
