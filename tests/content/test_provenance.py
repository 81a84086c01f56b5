"""Where the facts come from and since when: flows/_source.yaml, shown wherever a fact is.

Every checklist (terminal, text, Markdown, HTML, JSON), the English reading of the
e-mail, ``show`` and the handbook name the source document and the day the pack was last
checked against it. A pack without ``_source.yaml`` shows none (and its JSON says null).
"""

import io
import json
import re
import shutil
from datetime import date

import pytest
from helpers import FLOWS, cli
from rich.console import Console

from eportguide import render
from eportguide.engine.result import build
from eportguide.engine.walker import Finished, walk
from eportguide.i18n import language
from eportguide.model.translations import apply
from eportguide.model.loader import load_pack
from eportguide.packs import active
from eportguide.render import outline, terminal

LINE = "资料来源：《电子口岸常见问题》（陕西，中国电子口岸西安数据分中心，获取于 2026-11-27）；本工具核对于 2026-12-03"
ENGLISH_LINE = (
    "Source document: the E-Port FAQ (Shaanxi, China E-Port Xi'an data branch, obtained 2026-11-27); checked by this tool on 2026-12-03"
)
SOURCE = {
    "document": "《电子口岸常见问题》",
    "region": "陕西",
    "branch": "中国电子口岸西安数据分中心",
    "date": None,
    "obtained": "2026-11-27",
    "checked": "2026-12-03",
}


def unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def result_of(pack, flow_id="unlock-card", answers=None):
    finished = walk(pack, flow_id, answers or {"card": "legal", "legal_details": "no"})
    assert isinstance(finished, Finished)
    return build(pack, finished, date(2026, 9, 30))


def test_the_pack_names_its_source_and_the_day_each_fact_was_checked(pack):
    assert pack.source is not None
    assert (pack.source.document, pack.source.region, pack.source.obtained, pack.source.checked) == (
        "《电子口岸常见问题》",
        "陕西",
        "2026-11-27",
        "2026-12-03",
    )
    assert set(pack.source.facts) == set(pack.shared.facts)  # every fact has its date


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
def test_every_checklist_file_format_names_the_source_and_the_day_it_was_checked(pack, format):
    assert LINE in unescaped(render.to_string(result_of(pack), format))


def test_the_terminal_checklist_names_the_source_and_the_day_it_was_checked(pack):
    screen = io.StringIO()
    terminal.render(outline.build(result_of(pack)), Console(file=screen, width=400, color_system=None))
    assert LINE in screen.getvalue()


def test_the_json_checklist_gives_the_source_as_data(pack):
    shown = json.loads(render.to_string(result_of(pack), "json"))
    assert shown["source"] == SOURCE
    assert shown["email"]["gloss"] is None  # Chinese: no reading, and so no source of one


def test_the_english_reading_of_the_e_mail_names_its_source_and_the_day_it_was_checked():
    language.use(language.ENGLISH)
    try:
        english = apply.load(FLOWS, language.ENGLISH)
        result = result_of(english)
        text = render.to_string(result, "text")
        email = text.split("[Application e-mail]", 1)[1].split("\n[", 1)[0]
        assert ENGLISH_LINE + "." in email  # in the note over the e-mail's reading
        assert text.splitlines()[3] == ENGLISH_LINE  # and under the title
        gloss = json.loads(render.to_string(result, "json"))["email"]["gloss"]
        assert gloss["source"]["checked"] == "2026-12-03" and gloss["source"]["region"] == "Shaanxi"
    finally:
        language.use(None)


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
def test_show_names_the_source_and_the_day_it_was_checked(pack, format):
    assert LINE in unescaped(render.procedure_to_string(pack, pack.flow("unlock-card"), format))


@pytest.mark.parametrize("format", ["html", "markdown"])
def test_the_handbook_names_the_source_and_the_day_it_was_checked_once(format):
    result = cli("handbook", "--format", format)
    assert result.exit_code == 0, result.output
    shown = re.sub(r"<[^>]*>", "", result.stdout) if format == "html" else unescaped(result.stdout)
    assert shown.count(LINE) == 1  # in the title block, not once per procedure


def test_a_pack_without_a_source_file_shows_none(tmp_path):
    other = tmp_path / "flows"
    shutil.copytree(FLOWS, other)
    (other / "_source.yaml").unlink()
    pack = load_pack(other)
    assert pack.source is None
    result = result_of(pack)
    assert "资料来源" not in render.to_string(result, "text")
    assert json.loads(render.to_string(result, "json"))["source"] is None


def test_a_changed_source_file_is_read_again_not_taken_from_the_pack_cache(tmp_path):
    other = tmp_path / "flows"
    shutil.copytree(FLOWS, other)
    args = ["--flows", str(other), "unlock-card", "-a", "card=legal", "-a", "legal_details=no", "--no-input", "--no-save", "-f", "text"]
    assert "本工具核对于 2026-12-03" in cli(*args).stdout
    source = other / "_source.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace('checked: "2026-12-03"', 'checked: "2027-01-15"'), encoding="utf-8")
    active.forget()  # a new command: the pack as this process loaded it is gone
    assert "本工具核对于 2027-01-15" in cli(*args).stdout
