"""The printing rules without a printer: page ranges, paper, the lp command line, the print system's words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shelter_app.core.errors import UserError
from shelter_app.core.printing import (
    Colour,
    PageSpan,
    PrinterState,
    PrintSettings,
    Sides,
    fit_notice,
    lp_command,
    merge,
    page_numbers,
    pages_text,
    paper_from_media,
    paper_of,
    parse_default_paper,
    parse_job_id,
    parse_pages,
    parse_printers,
    raster_dpi,
)


@given(st.integers(1, 400).flatmap(lambda count: st.tuples(
    st.just(count), st.lists(st.tuples(st.integers(1, count), st.integers(1, count)), min_size=1, max_size=6))))
def test_written_ranges_read_back_as_the_same_pages(case: tuple[int, list[tuple[int, int]]]) -> None:
    count, pairs = case
    spans = [PageSpan(min(a, b), max(a, b)) for a, b in pairs]
    parsed = parse_pages(" , ".join(str(span) for span in spans), count)
    assert set(page_numbers(parsed, count)) == {p for span in spans for p in range(span.first, span.last + 1)}
    assert parse_pages(pages_text(parsed), count) == parsed  # merged spans are a fixed point
    assert list(parsed) == sorted(parsed) and merge(parsed) == parsed


@given(st.text(max_size=30))
def test_any_text_is_pages_or_a_clear_message(text: str) -> None:
    try:
        spans = parse_pages(text, 18)
    except UserError as error:
        assert error.field == "pages" and error.en and error.es
    else:
        assert all(1 <= span.first <= span.last <= 18 for span in spans)


@pytest.mark.parametrize(("text", "pages"), [("", list(range(1, 7))), ("2-5", [2, 3, 4, 5]), ("5-", [5, 6]),
                                             ("-2", [1, 2]), ("3, 1", [1, 3]), ("2–4", [2, 3, 4]),
                                             ("1-3,2-5", [1, 2, 3, 4, 5])])
def test_page_ranges(text: str, pages: list[int]) -> None:
    assert page_numbers(parse_pages(text, 6), 6) == pages


@pytest.mark.parametrize(("text", "message"), [
    ("two", "“two” is not a page range: write the pages like 2-5 or 1,3,7-9."),
    ("1,,3", "“1,,3” is not a page range: write the pages like 2-5 or 1,3,7-9."),
    ("0-2", "Pages are numbered from 1."),
    ("5-2", "A page range runs from the lower page to the higher: 2-5, not 5-2."),
    ("4-9", "Page 9 is past the end of the document, whose last page is 6."),
])
def test_bad_ranges_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_pages(text, 6)
    assert caught.value.en == message


def test_paper_is_named_from_its_size_either_way_round() -> None:
    assert paper_of(612, 792) == paper_of(792, 612) == "letter"
    assert paper_of(595, 842) == paper_of(595.28, 841.89) == "a4"
    assert paper_of(500, 700) is None
    assert [paper_from_media(m) for m in ("Letter", "na_letter_8.5x11in", "iso_a4_210x297mm", "A5")] == [
        "letter", "letter", "a4", None]


def test_the_fit_notice_only_when_the_papers_differ() -> None:
    assert fit_notice("letter", "letter") is None and fit_notice(None, "a4") is None
    notice = fit_notice("a4", "letter")
    assert notice is not None
    assert notice.en == "The A4 pages are scaled to fit Letter paper, so no text is cut."
    assert notice.es == "Las páginas tamaño A4 se ajustan al papel carta, sin cortar texto."


def test_the_lp_command_carries_every_choice() -> None:
    settings = PrintSettings(printer="Office", pages=parse_pages("2-5,7", 9), copies=3, collate=False,
                             sides=Sides.LONG_EDGE, paper="a4", colour=Colour.MONOCHROME, title="Business case")
    assert lp_command("/tmp/a.pdf", settings, fit=True) == [
        "lp", "-d", "Office", "-n", "3", "-t", "Business case", "-P", "2-5,7", "-o", "collate=false",
        "-o", "sides=two-sided-long-edge", "-o", "media=A4", "-o", "fit-to-page",
        "-o", "print-color-mode=monochrome", "--", "/tmp/a.pdf"]
    assert lp_command("/tmp/a.pdf", PrintSettings(), fit=False) == [
        "lp", "-n", "1", "-o", "collate=true", "-o", "sides=one-sided", "--", "/tmp/a.pdf"]


def test_settings_refuse_impossible_copies_and_paper() -> None:
    with pytest.raises(UserError, match="Copies go from 1 to 999; 0 was asked"):
        PrintSettings(copies=0)
    with pytest.raises(UserError, match="Unknown paper “a3”"):
        PrintSettings(paper="a3")


@pytest.mark.parametrize(("printer", "draft", "dpi"), [(1200, False, 600), (600, False, 600), (300, False, 300),
                                                        (1200, True, 300), (0, False, 600), (96, False, 150)])
def test_raster_resolution_is_capped(printer: int, draft: bool, dpi: int) -> None:
    assert raster_dpi(printer, draft=draft) == dpi


def test_lpstat_is_read_with_state_reason_and_default() -> None:
    printers = parse_printers(
        "printer Office is idle.  enabled since Mon Dec  7 19:56:32 2026\n"
        "printer Plotter disabled since Mon Dec  7 19:56:40 2026 -\n\tpaper jam\n"
        "printer Front now printing Front-12.  enabled since Mon Dec  7 19:50:00 2026\n",
        "Office accepting requests since Mon Dec  7 19:56:32 2026\n"
        "Plotter accepting requests since Mon Dec  7 19:56:40 2026\n"
        "Front not accepting requests since Mon Dec  7 19:50:00 2026 -\n\tclosed for maintenance\n",
        "system default destination: Office\n")
    assert [(p.name, p.default, p.state, p.accepting, p.reason, p.ready) for p in printers] == [
        ("Office", True, PrinterState.IDLE, True, "", True),
        ("Plotter", False, PrinterState.PAUSED, True, "paper jam", False),
        ("Front", False, PrinterState.PRINTING, False, "closed for maintenance", False)]
    assert parse_printers("", "", "no system default destination\n") == []
    together = ("system default destination: Front\nprinter Front disabled since Mon -\n\tjam\n"
                "Front not accepting requests since Mon -\n\tmaintenance\n")  # `lpstat -d -p -a`
    [front] = parse_printers(together, together, together)
    assert (front.default, front.state, front.accepting, front.reason) == (True, PrinterState.PAUSED, False,
                                                                           "maintenance")


def test_default_paper_and_job_id() -> None:
    assert parse_default_paper("PageSize/Media Size: Letter *A4 Legal\nDuplex/2-Sided: *None DuplexNoTumble") == "a4"
    assert parse_default_paper("copies=1 media=na_letter_8.5x11in printer-info='Front desk'") == "letter"
    assert parse_default_paper("copies=1") is None
    assert parse_job_id("request id is Office-12 (1 file(s))\n") == "Office-12"
    assert parse_job_id("") is None
