"""Settings: defaults.toml (in sections) is the one source of defaults, every setting is
explained and documented, unknown names are errors, both variable names of a setting work,
and only the shells read the environment."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from newsprobe.corpus.copies import CopySettings
from newsprobe.corpus.run import copy_settings, story_settings
from newsprobe.corpus.stories import EVENT_STORIES
from newsprobe.errors import NewsprobeError
from newsprobe.settings import (Settings, environment_variables, leaf_paths, path_of, read_defaults,
                                read_defaults_tree)

ROOT = Path(__file__).resolve().parents[1]
DEFAULTS_TOML = ROOT / "src" / "newsprobe" / "defaults.toml"
TYPES = {"int": int, "float": float, "str": str}


@pytest.fixture(autouse=True)
def no_newsprobe_environment(monkeypatch):
    import os
    for name in [n for n in os.environ if n.startswith("NEWSPROBE_")]:
        monkeypatch.delenv(name)


def test_defaults_toml_and_the_settings_class_name_the_same_settings():
    paths = leaf_paths(read_defaults_tree())
    assert sorted(paths) == sorted(path_of(f.name) for f in fields(Settings))
    assert len(set(paths)) == len(paths)


def test_defaults_toml_is_in_sections():
    # A setting written before the first section is allowed (it is named as written) but
    # belongs in a section: today none is left outside one.
    assert [key for key, value in read_defaults_tree().items() if not isinstance(value, dict)] == []


def test_settings_defaults_are_the_toml_values_with_the_declared_types():
    defaults = read_defaults()
    for f in fields(Settings):
        value = getattr(Settings(), f.name)
        assert value == defaults[f.name]
        assert isinstance(value, TYPES[f.type]), f"{f.name}: {value!r} is not {f.type} (write 1.0, not 1)"


def test_every_setting_in_defaults_toml_has_a_comment_above_it():
    lines = DEFAULTS_TOML.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        match = re.match(r"^(\w+)\s*=", line)
        if match:
            assert i > 0 and lines[i - 1].startswith("#"), f"{match.group(1)} has no comment saying why"


def test_every_setting_is_documented_in_docs_settings_md():
    # Each row names the setting's place in defaults.toml and its attribute name.
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [name for name in read_defaults() if f"| `{path_of(name)}` | `{name}` |" not in doc]
    assert missing == []


def test_a_setting_is_read_from_its_sectioned_and_its_attribute_variable(monkeypatch):
    monkeypatch.setenv("NEWSPROBE_CORPUS_STORIES_THRESHOLD", "0.4")   # [corpus.stories] threshold
    monkeypatch.setenv("NEWSPROBE_WORKERS_PROCESSES", "3")             # [workers] processes
    monkeypatch.setenv("NEWSPROBE_MODEL", "en_core_web_md")            # attribute name of parse.model
    settings = Settings.load()
    assert (settings.corpus_story_threshold, settings.workers, settings.model) == (0.4, 3, "en_core_web_md")


def test_one_setting_under_both_variable_names_must_agree(monkeypatch):
    monkeypatch.setenv("NEWSPROBE_PARSE_MODEL", "en_core_web_md")
    monkeypatch.setenv("NEWSPROBE_MODEL", "en_core_web_md")
    assert Settings.load().model == "en_core_web_md"
    monkeypatch.setenv("NEWSPROBE_MODEL", "en_core_web_lg")
    with pytest.raises(NewsprobeError) as err:
        Settings.load()
    assert err.value.code == "E051" and "NEWSPROBE_PARSE_MODEL" in str(err.value) \
        and "NEWSPROBE_MODEL" in str(err.value)


def test_every_variable_names_one_setting_and_every_setting_has_its_sectioned_variable():
    variables = environment_variables()
    for f in fields(Settings):
        assert variables["NEWSPROBE_" + path_of(f.name).replace(".", "_").upper()] == f.name
        assert variables["NEWSPROBE_" + f.name.upper()] == f.name
    assert not set(variables) & {"NEWSPROBE_TOKEN", "NEWSPROBE_LONG_TESTS", "NEWSPROBE_FAULT_SEED"}


def test_a_section_is_a_slice_by_the_names_it_has_there():
    settings = Settings.load(corpus_sentence_similarity=0.8)
    copies = settings.section("corpus.copies")
    assert copies.sentence_similarity == 0.8 and copies.lsh_threshold == settings.corpus_lsh_threshold
    assert settings.section("workers").processes == settings.workers
    for no_section in ("integrty", "corpus"):   # "corpus" holds subsections, no settings
        with pytest.raises(NewsprobeError) as err:
            settings.section(no_section)
        assert err.value.code == "E050"


def test_load_takes_environment_then_overrides(monkeypatch):
    monkeypatch.setenv("NEWSPROBE_FACTCHECK_TOP_K", "7")
    monkeypatch.setenv("NEWSPROBE_ATTRIBUTION_SCOPE", "broad")
    settings = Settings.load(attribution_scope=None, factcheck_top_k=2)
    assert settings.attribution_scope == "broad"   # None: an unset flag keeps what was there
    assert settings.factcheck_top_k == 2
    assert Settings().factcheck_top_k == read_defaults()["factcheck_top_k"]  # no environment


def test_corpus_settings_are_real_settings_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSPROBE_CORPUS_STORY_THRESHOLD", "0.5")
    monkeypatch.setenv("NEWSPROBE_CORPUS_SENTENCE_SIMILARITY", "0.8")
    settings = Settings.load()
    assert story_settings(settings).threshold == 0.5
    assert copy_settings(settings).sentence_similarity == 0.8


def test_corpus_stage_defaults_agree_with_defaults_toml():
    # The corpus modules' own dataclasses carry the same numbers for callers that build
    # them directly; they must not drift from the settings.
    assert story_settings(Settings()) == EVENT_STORIES  # event stories, corpus/stories.py
    assert copy_settings(Settings()) == CopySettings()


def test_unknown_override_is_an_error_naming_it():
    with pytest.raises(NewsprobeError) as err:
        Settings.load(attribution_scop="broad")
    assert err.value.code == "E050" and "attribution_scop" in str(err.value)


def test_unknown_environment_variable_is_an_error_naming_it(monkeypatch):
    monkeypatch.setenv("NEWSPROBE_CORPUS_STORY_THRESHHOLD", "0.5")
    with pytest.raises(NewsprobeError) as err:
        Settings.load()
    assert err.value.code == "E050" and "NEWSPROBE_CORPUS_STORY_THRESHHOLD" in str(err.value)


def test_variables_that_are_not_settings_are_allowed(monkeypatch):
    monkeypatch.setenv("NEWSPROBE_TOKEN", "secret")
    assert Settings.load() == Settings()


def test_badly_typed_environment_value_is_an_error_naming_it(monkeypatch):
    monkeypatch.setenv("NEWSPROBE_FACTCHECK_TOP_K", "three")
    with pytest.raises(NewsprobeError) as err:
        Settings.load()
    assert err.value.code == "E051" and "NEWSPROBE_FACTCHECK_TOP_K" in str(err.value)


def test_cli_refuses_an_unknown_variable_with_exit_code_2(monkeypatch, capsys, tmp_path):
    from newsprobe.cli import main
    article = tmp_path / "a.txt"
    article.write_text("The council met on Tuesday.\n", encoding="utf-8")
    monkeypatch.setenv("NEWSPROBE_MIN_QUOTE_CONFIDENSE", "0.5")
    assert main(["analyze", str(article)]) == 2
    assert "NEWSPROBE_MIN_QUOTE_CONFIDENSE" in capsys.readouterr().err


# The shells: the modules that turn a command line, a request or a job into Settings
# (besides the cli/ package and the eval commands).
SHELLS = {"web/app.py", "spark/job.py"}


def test_only_the_shells_read_settings_from_the_environment():
    package = ROOT / "src" / "newsprobe"
    callers = sorted(str(p.relative_to(package)) for p in package.rglob("*.py")
                     if "Settings.load(" in p.read_text(encoding="utf-8"))
    library = [c for c in callers if c not in SHELLS and not c.startswith(("cli/", "eval/"))
               and c != "settings.py"]
    assert library == []
