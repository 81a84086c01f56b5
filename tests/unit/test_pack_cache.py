"""The pack cache: a warm command reads no YAML, and the cache never changes a result.

Every flow's ``show`` JSON and every replayed path's result JSON come out the same from
the cache as from the files; any change to a pack file (even one keeping its size and
time stamp), a deleted, corrupt, foreign or unwritable cache, and a cache written by
another version each fall back to reading the files.
"""

import ast
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from helpers import FLOWS, cli

from eportguide.engine.paths import every_path
from eportguide.engine.result import build
from eportguide.model.loader import load_pack
from eportguide.packs import active, cache
from eportguide.render import json_out

TODAY = date(2026, 9, 30)


@pytest.fixture
def pack_dir(tmp_path):
    copy = tmp_path / "pack"
    shutil.copytree(FLOWS, copy)
    return copy


@pytest.fixture(autouse=True)
def fresh_process_cache():
    active.forget()  # each load below goes to the disk, as a new process would
    yield
    active.forget()


def cached(pack_dir: Path):
    return cache.read(pack_dir, cache.fingerprint(pack_dir))


def warm(pack_dir: Path):
    """Load once (which writes the cache) and return what the cache gives back."""
    active.load(pack_dir)
    active.forget()
    return cached(pack_dir)


def everything_shown(pack) -> list[str]:
    shown = []
    for flow in pack.flows.values():
        shown.append(json_out.procedure(pack, flow))
        shown += [json_out.result(build(pack, finished, TODAY)) for finished in every_path(pack, flow.id)]
    return shown


def test_a_cached_pack_shows_and_replays_every_path_exactly_as_the_files_do(pack_dir):
    from_files = load_pack(pack_dir)
    from_cache = warm(pack_dir)
    assert from_cache is not None
    assert from_cache == from_files
    assert everything_shown(from_cache) == everything_shown(from_files)


def test_a_first_load_writes_one_owner_only_json_file(pack_dir):
    active.load(pack_dir)
    files = list(cache.directory().glob("pack-*.json"))
    assert len(files) == 1
    record = json.loads(files[0].read_text(encoding="utf-8"))
    assert record["pack"] == str(pack_dir.resolve())
    assert set(record["files"]) == {p.name for p in pack_dir.glob("*.yaml")}
    if os.name == "posix":
        assert files[0].stat().st_mode & 0o777 == 0o600


def test_an_edited_flow_file_is_read_again(pack_dir):
    warm(pack_dir)
    flow = pack_dir / "unlock-card.yaml"
    flow.write_text(flow.read_text(encoding="utf-8").replace("哪张卡被锁住了？", "哪一张卡被锁了？"), encoding="utf-8")
    assert cached(pack_dir) is None
    assert active.load(pack_dir).flow("unlock-card").states["card"].prompt == "哪一张卡被锁了？"


def test_a_file_replaced_by_one_of_the_same_size_and_time_is_noticed(pack_dir):
    warm(pack_dir)
    flow = pack_dir / "unlock-card.yaml"
    before = flow.stat()
    text = flow.read_text(encoding="utf-8")
    changed = text.replace("哪张卡被锁住了？", "哪张卡被锁定了？")  # one character for one: same length in bytes
    assert len(changed.encode()) == len(text.encode()) and changed != text
    flow.write_text(changed, encoding="utf-8")
    os.utime(flow, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert flow.stat().st_size == before.st_size and flow.stat().st_mtime_ns == before.st_mtime_ns
    assert cached(pack_dir) is None
    assert active.load(pack_dir).flow("unlock-card").states["card"].prompt == "哪张卡被锁定了？"


def test_a_new_flow_file_is_noticed(pack_dir):
    warm(pack_dir)
    text = (pack_dir / "cancel-card.yaml").read_text(encoding="utf-8")
    (pack_dir / "cancel-card-copy.yaml").write_text(text.replace("id: cancel-card", "id: cancel-card-copy"), encoding="utf-8")
    assert cached(pack_dir) is None
    assert "cancel-card-copy" in active.load(pack_dir).flows


def test_a_deleted_cache_is_written_again(pack_dir):
    warm(pack_dir)
    shutil.rmtree(cache.directory())
    assert cached(pack_dir) is None
    assert active.load(pack_dir) == load_pack(pack_dir)
    assert cached(pack_dir) is not None


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "",  # emptied
        lambda text: text[: len(text) // 2],  # cut short by a full disk
        lambda text: "[" * 100_000,  # nested beyond any parser's depth
        lambda text: text.replace('"kind":"choice"', '"kind":"chioce"'),  # no longer builds
        lambda text: text.replace('"format":1', '"format":"1"'),
        lambda text: json.dumps([1, 2, 3]),
    ],
)
def test_a_corrupt_cache_is_ignored_and_replaced(pack_dir, damage):
    warm(pack_dir)
    (path,) = cache.directory().glob("pack-*.json")
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert cached(pack_dir) is None
    assert active.load(pack_dir) == load_pack(pack_dir)
    assert cached(pack_dir) is not None  # rewritten


def test_a_cache_written_by_another_version_is_not_used(pack_dir, monkeypatch):
    warm(pack_dir)
    monkeypatch.setattr("eportguide.__version__", "0.0.1")
    assert cached(pack_dir) is None


def test_a_cache_that_another_user_wrote_is_not_trusted(pack_dir, monkeypatch):
    if not hasattr(os, "getuid"):
        pytest.skip("file owners are POSIX")
    warm(pack_dir)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(pack_dir).st_uid + 1)
    assert cached(pack_dir) is None


def test_a_cache_directory_that_cannot_be_written_changes_nothing(pack_dir, tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache directory would be", encoding="utf-8")
    monkeypatch.setattr(cache, "directory", lambda: blocked / "cache")
    assert active.load(pack_dir) == load_pack(pack_dir)
    assert cached(pack_dir) is None


def test_validate_reads_the_files_even_when_a_cache_claims_to_match_them(pack_dir):
    warm(pack_dir)
    (pack_dir / "unlock-card.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    # a cache that says it holds these very files, with the good pack in it
    (path,) = cache.directory().glob("pack-*.json")
    record = json.loads(path.read_text(encoding="utf-8"))
    record["files"] = cache.fingerprint(pack_dir)
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert cached(pack_dir) is not None  # a run would trust it…
    result = cli("validate", str(pack_dir))
    assert result.exit_code == 1  # …validate does not
    assert "unlock-card.yaml:" in result.stdout and "[yaml]" in result.stdout


def loaded_modules(args: list[str], lang: str = "zh") -> set[str]:
    code = (
        "import sys\nfrom eportguide.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m == 'yaml' or m.startswith(('eportguide.model', 'rich'))))\n"
    )
    env = {**os.environ, "EPORTGUIDE_LANG": lang}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL, env=env)
    return set(ast.literal_eval(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "unlock-card"],
        ["search", "法人卡锁了"],
        ["unlock-card", "-a", "card=legal", "--no-input", "--no-save", "--format", "text"],
        ["unlock-card", "-a", "card=legal", "--no-input", "--no-save", "--format", "json"],
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_warm_command_reads_no_yaml_runs_no_checks_and_draws_no_rich_tables(args, lang):
    loaded_modules(["list"], lang)  # the first command fills the cache
    if args[0] == "search":
        loaded_modules(args, lang)  # search reads the pack in both languages: its first run caches the other one
    loaded = loaded_modules(args, lang)
    assert not loaded & {"yaml", "eportguide.model.loader", "eportguide.model.lint", "eportguide.model.references", "rich"}


# --- languages: a cache per language, keyed on the translation's files too ---------------


def test_a_chinese_run_neither_reads_nor_depends_on_the_english_translation(pack_dir):
    (pack_dir / "en" / "_facts.yaml").write_text("facts: [broken\n", encoding="utf-8")
    chinese = cli("--flows", str(pack_dir), "list", env={"EPORTGUIDE_LANG": "zh"})
    assert chinese.exit_code == 0 and "电子口岸卡被锁，如何解锁" in chinese.stdout
    assert sorted(p.name for p in (pack_dir.parent / "home" / "cache").iterdir()) == [cache._cache_file(pack_dir, None)[0].name]
    english = cli("--flows", str(pack_dir), "list", env={"EPORTGUIDE_LANG": "en"})
    assert english.exit_code == 2
    assert "en/_facts.yaml:2:1:" in english.stderr and "[yaml]" in english.stderr


def test_each_language_has_its_own_cache_and_they_never_mix(pack_dir):
    for _ in range(2):  # cold, then from the caches
        active.forget()
        chinese, english = active.load(pack_dir, "zh"), active.load(pack_dir, "en")
        assert chinese.flow("unlock-card").title == "电子口岸卡被锁，如何解锁"
        assert english.flow("unlock-card").title == "Unlocking a locked E-Port card"
        assert english.original == chinese
        assert cache.read(pack_dir, cache.fingerprint(pack_dir, "en"), "en") == english
    assert cache.read(pack_dir, cache.fingerprint(pack_dir, "en"), None) is None  # the English prints, the Chinese file
    assert cache.read(pack_dir, cache.fingerprint(pack_dir), "en") is None  # the Chinese prints, the English file


def test_an_edited_translation_is_read_again_and_the_chinese_cache_stays_valid(pack_dir):
    active.load(pack_dir, "zh"), active.load(pack_dir, "en")
    active.forget()
    translation = pack_dir / "en" / "unlock-card.yaml"
    text = translation.read_text(encoding="utf-8")
    translation.write_text(text.replace("Which card is locked?", "Which card got locked?"), encoding="utf-8")
    assert cached(pack_dir) is not None  # nothing Chinese changed
    assert cache.read(pack_dir, cache.fingerprint(pack_dir, "en"), "en") is None
    assert active.load(pack_dir, "en").flow("unlock-card").states["card"].prompt == "Which card got locked?"


def test_the_language_spoken_picks_the_pack_and_a_pack_without_a_translation_is_shown_as_written(pack_dir, monkeypatch):
    from eportguide.i18n import language

    monkeypatch.setattr(language, "_chosen", "en")
    assert active.load(pack_dir).flow("unlock-card").title == "Unlocking a locked E-Port card"
    shutil.rmtree(pack_dir / "en")
    active.forget()
    assert active.load(pack_dir).flow("unlock-card").title == "电子口岸卡被锁，如何解锁"


# --- the search index kept beside the pack ---------------------------------------------


def searches(directory: Path, queries: list[str]) -> list[list[tuple]]:
    _pack, index = active.searchable(directory)
    return [[(m.flow_id, m.score, m.why) for m in index.search(q)] for q in queries]


QUERIES = ["法人卡被锁了", "U盾丢了", "卡注销", "operator left the company, cancel his card", "登录密码", "更新证书后密码变成8个8了"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_kept_search_index_ranks_exactly_as_one_made_from_the_packs(pack_dir, monkeypatch, lang):
    from eportguide.i18n import language
    from eportguide.search import matching

    monkeypatch.setattr(language, "_chosen", lang)
    made = searches(pack_dir, QUERIES)  # made, and kept
    active.forget()
    spoken, *also = active.in_every_language(pack_dir)
    fresh = [[(m.flow_id, m.score, m.why) for m in matching.Index(spoken, also).search(q)] for q in QUERIES]
    kept = cache.read_index(pack_dir, lang, cache.index_fingerprint(pack_dir, ("en",)))
    assert kept is not None
    assert searches(pack_dir, QUERIES) == made == fresh
    assert [[(m.flow_id, m.score, m.why) for m in matching.Index.from_data(spoken, kept).search(q)] for q in QUERIES] == fresh


def test_an_edited_translation_makes_the_search_index_again(pack_dir):
    searches(pack_dir, QUERIES)
    prints = cache.index_fingerprint(pack_dir, ("en",))
    assert cache.read_index(pack_dir, "zh", prints) is not None
    english = pack_dir / "en" / "unlock-card.yaml"
    english.write_text(english.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert cache.read_index(pack_dir, "zh", cache.index_fingerprint(pack_dir, ("en",))) is None


def test_a_corrupt_search_index_is_made_again(pack_dir):
    made = searches(pack_dir, QUERIES)
    (path,) = cache.directory().glob("search-*.zh.json")
    record = json.loads(path.read_text(encoding="utf-8"))
    record["index"]["documents"] = [["unlock-card"]]  # not the shape it was written in
    path.write_text(json.dumps(record), encoding="utf-8")
    active.forget()
    assert searches(pack_dir, QUERIES) == made
    assert len(json.loads(path.read_text(encoding="utf-8"))["index"]["documents"]) == 11  # written whole again
