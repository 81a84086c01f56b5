"""The handbook and a run's checklist in a real browser: headless Chromium prints them to
PDF (read back with poppler's pdftotext and pdfinfo) and draws them at a phone's width.

Where no browser is installed the tests skip and say why; with
``EPORTGUIDE_REQUIRE_BROWSER=1`` (set by ``.ci/run``) a missing browser fails them.
Pictures for the next reader to look at are written to ``artefacts/browser/`` (or
``$EPORTGUIDE_ARTEFACTS``), which git ignores.
"""

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from helpers import FLOWS, ROOT, cli

from eportguide.model.loader import load_pack

PACK = load_pack(FLOWS)
ARTEFACTS = Path(os.environ.get("EPORTGUIDE_ARTEFACTS") or ROOT / "artefacts") / "browser"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TOOLS = ("pdftotext", "pdfinfo", "pdftoppm")
BOTH_LOCKED = ["-a", "card=operator", "-a", "legal_card_works=no", "-a", "legal_card_problem=locked"]
ENTERPRISE = ["-a", "enterprise=西安秦川贸易有限公司"]
PHONE_WIDTH = 360
MARGIN_PX = 8  # at a phone's width, this much of each side stays clear of text


@pytest.fixture(scope="module")
def browser() -> str:
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if found is None or missing or not chinese_font():
        if found is None:
            reason = f"no browser ({'/'.join(BROWSERS)})"
        else:
            reason = f"no {', '.join(missing)} (poppler-utils)" if missing else "no Chinese font (fonts-noto-cjk)"
        message = f"{reason}: apt-get install chromium fonts-noto-cjk poppler-utils"
        if os.environ.get("EPORTGUIDE_REQUIRE_BROWSER", "") not in ("", "0"):
            pytest.fail(f"EPORTGUIDE_REQUIRE_BROWSER is set, but {message}")
        pytest.skip(message)
    return found


def chinese_font() -> bool:
    """A font with Chinese glyphs, else a page prints as boxes (fontconfig, as Chromium uses)."""
    if shutil.which("fc-list") is None:
        return True  # not a fontconfig system: let the browser find its fonts
    listed = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, stdin=subprocess.DEVNULL).stdout
    return bool(listed.strip())


def chromium(browser: str, profile: Path, *args: str) -> None:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--no-pdf-header-footer",  # the page's own @page margin boxes number the pages
        f"--user-data-dir={profile}",
        *args,
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=90, stdin=subprocess.DEVNULL)


def to_pdf(browser: str, page: Path, tmp_path: Path) -> Path:
    pdf = page.with_suffix(".pdf")
    chromium(browser, tmp_path / "profile", f"--print-to-pdf={pdf}", page.as_uri())
    assert pdf.exists() and pdf.stat().st_size > 0
    return pdf


def screenshot(browser: str, page: Path, tmp_path: Path, name: str, width: int, height: int = 800) -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    picture = ARTEFACTS / name
    chromium(browser, tmp_path / "profile", f"--screenshot={picture}", f"--window-size={width},{height}", page.as_uri())
    return picture


def pages_of(pdf: Path) -> list[str]:
    """Each page's text; pdftotext parts pages with a form feed."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))


def first_page_picture(pdf: Path, name: str) -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    stem = ARTEFACTS / name
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)], check=True)
    return stem.with_suffix(".png")


def write(tmp_path: Path, name: str, *args: str) -> Path:
    result = cli(*args)
    assert result.exit_code == 0, result.output
    page = tmp_path / name
    page.write_text(result.stdout, encoding="utf-8")
    return page


def pixels(png: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows (RGB or RGBA bytes) of an 8-bit PNG: enough to see
    where a screenshot has ink, without an imaging library."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    idat = b""
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"IDAT":
            idat += body
        chunks.setdefault(kind, body)
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    size = 3 if colour == 2 else 4
    raw, stride, rows = zlib.decompress(idat), width * size, []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows


def inked_columns(png: Path) -> list[int]:
    """The x of every column holding a pixel that is not near white."""
    width, _, rows = pixels(png)
    size = len(rows[0]) // width
    return [x for x in range(width) if any(min(row[x * size : x * size + 3]) < 200 for row in rows)]


def assert_clear_margins(png: Path) -> None:
    width, _, _ = pixels(png)
    inked = inked_columns(png)
    assert inked, "nothing drawn"
    assert min(inked) >= MARGIN_PX and max(inked) < width - MARGIN_PX, (min(inked), max(inked), width)


def assert_kept_whole(pages: list[str], first: str, last: str) -> None:
    """A block that starts with a row ``first`` ends with a row ``last`` on the same page."""
    for number, text in enumerate(pages, 1):
        starts = len(re.findall(first, text, flags=re.M))
        ends = len(re.findall(last, text, flags=re.M))
        assert starts == ends, f"page {number}: a block split across pages ({starts} × {first!r}, {ends} × {last!r})"


MAILING_FIRST, MAILING_LAST = r"^\s*寄出\s+\S", r"^\s*收货人电话\s+83196210"
EMAIL_FIRST, EMAIL_LAST = r"^\s*收件人\s+kefu@", r"^\s*附件\s+\S"


def test_the_handbook_prints_every_procedure_from_a_new_page(browser, tmp_path):
    page = write(tmp_path, "handbook.html", "handbook")
    pdf = to_pdf(browser, page, tmp_path)
    pages = pages_of(pdf)
    assert len(pages) == page_count(pdf)
    assert len(PACK.flows) + 1 <= len(pages) <= 4 * len(PACK.flows)
    for flow in PACK.flows.values():
        opening = [n for n, text in enumerate(pages, 1) if text.strip().splitlines()[0].strip() == flow.title]
        assert len(opening) == 1, f"{flow.title}: begins {len(opening)} pages"
    assert "电子口岸IC卡业务办理手册" in pages[0] and "目录" in pages[0]
    assert all(flow.title in pages[0] for flow in PACK.flows.values())  # the contents
    assert_kept_whole(pages, MAILING_FIRST, MAILING_LAST)
    assert_kept_whole(pages, EMAIL_FIRST, EMAIL_LAST)
    assert re.search(rf"^\s*1 / {len(pages)}\s*$", pages[0], flags=re.M)  # numbered pages
    assert first_page_picture(pdf, "handbook-a4-page1").stat().st_size > 10_000


def test_the_handbook_at_a_phones_width_keeps_its_text_off_the_edges(browser, tmp_path):
    page = write(tmp_path, "handbook.html", "handbook")
    assert_clear_margins(screenshot(browser, page, tmp_path, "handbook-phone-360px.png", PHONE_WIDTH))
    screenshot(browser, page, tmp_path, "handbook-screen-1400px.png", 1400, 900)


def test_a_runs_checklist_prints_whole_and_fits_a_phone(browser, tmp_path):
    args = ["unlock-card", *BOTH_LOCKED, *ENTERPRISE, "--no-input", "--no-save", "--today", "2026-09-30", "--format", "html"]
    page = write(tmp_path, "checklist.html", *args)
    pdf = to_pdf(browser, page, tmp_path)
    pages = pages_of(pdf)
    text = "".join(pages)
    assert [n for n in range(1, 8) if re.search(rf"^\s*{n}\.\s", text, flags=re.M)] == list(range(1, 8))  # seven steps
    assert "法人卡解锁：发送申请邮件，邮寄法人卡" in text and "操作员卡解锁：用法人卡在线解锁" in text
    assert_kept_whole(pages, MAILING_FIRST, MAILING_LAST)
    assert_kept_whole(pages, EMAIL_FIRST, EMAIL_LAST)
    first_page_picture(pdf, "checklist-a4-page1")
    assert_clear_margins(screenshot(browser, page, tmp_path, "checklist-phone-360px.png", PHONE_WIDTH, 2400))
