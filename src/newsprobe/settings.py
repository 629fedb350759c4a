"""Settings travel as one object. defaults.toml is the only place default values are
written, each with the reason for it, in one section per stage or layer; this class names
the settings, their types and their place in that file.

Each setting has two names: its place in defaults.toml ("integrity.min_quote_words",
"corpus.stories.threshold") and its attribute here (`integrity_min_quote_words`,
`corpus_story_threshold`), which is also the keyword of `Settings.load` and of the CLI's
overrides. `settings.section("integrity")` is one section's slice, by the names it has there.

`Settings()` is the defaults. `Settings.load()` adds the environment variables and explicit
overrides (CLI flags); only the shells call it (CLI, web app, Spark and eval commands), and
library code takes the Settings it is given. A setting is read from NEWSPROBE_ and its place
in capitals with dots as underscores (NEWSPROBE_CORPUS_STORIES_THRESHOLD), or NEWSPROBE_ and
its attribute in capitals (NEWSPROBE_CORPUS_STORY_THRESHOLD, the older name); for most
settings the two are the same. A name that is not a setting, in the environment or in the
overrides, is an error naming it, not silence.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, make_dataclass
from functools import cache
from importlib import resources
from typing import Any

from .errors import NewsprobeError

ENVIRONMENT_PREFIX = "NEWSPROBE_"
# Environment variables with our prefix that are not settings, and who reads them.
OTHER_VARIABLES = {
    "NEWSPROBE_TOKEN": "the web app's access token (`newsprobe serve`, docs/web.md)",
    "NEWSPROBE_LONG_TESTS": "runs the long fault-injection tests (RELIABILITY.md)",
    "NEWSPROBE_FAULT_SEED": "replays one sequence of kill points in those tests (RELIABILITY.md)",
}


def read_defaults_tree() -> dict[str, Any]:
    """defaults.toml as written: sections holding settings (and sections)."""
    return tomllib.loads(resources.files("newsprobe").joinpath("defaults.toml").read_text("utf-8"))


def _unique_keys(tree: dict[str, Any]) -> dict[str, Any]:
    """Every value by its bare key, for the keys that occur once in the whole tree."""
    seen: dict[str, list[Any]] = {}

    def walk(node: dict[str, Any]) -> None:
        for key, value in node.items():
            if isinstance(value, dict):
                walk(value)
            else:
                seen.setdefault(key, []).append(value)

    walk(tree)
    return {key: values[0] for key, values in seen.items() if len(values) == 1}


_TREE = read_defaults_tree()
# A setting declared the way the file was before sections (`name: int = _DEFAULTS["name"]`
# and `name = ...` in defaults.toml) still finds its value wherever the file holds it, as
# long as its key is unique; tests/test_settings.py then asks for `setting("section.key")`.
_DEFAULTS = _unique_keys(_TREE)


def _value_at(path: str) -> Any:
    node: Any = _TREE
    for part in path.split("."):
        node = node[part]
    return node


def setting(path: str) -> Any:
    """A setting whose default is defaults.toml's value at `path` ("section.key")."""
    return field(default=_value_at(path), metadata={"path": path})


@dataclass(frozen=True)
class Settings:
    # [ingest] what is taken as one input at all
    max_input_bytes: int = setting("ingest.max_input_bytes")
    max_html_elements: int = setting("ingest.max_html_elements")
    # [parse] the spaCy pipeline
    model: str = setting("parse.model")
    max_sentence_tokens: int = setting("parse.max_sentence_tokens")
    pipe_batch_size: int = setting("parse.pipe_batch_size")
    # [encoder] the analysis layers' shared MiniLM pass
    encoder_layers: int = setting("encoder.layers")
    # [attribution]
    min_quote_confidence: float = setting("attribution.min_quote_confidence")
    pronoun_window_sentences: int = setting("attribution.pronoun_window_sentences")
    attribution_scope: str = setting("attribution.scope")
    quote_head: str = setting("attribution.quote_head")
    # [claims] and [factcheck], the claims layer's matching
    claim_min_checkworthiness: float = setting("claims.min_checkworthiness")
    factcheck_index: str = setting("factcheck.index")
    factcheck_top_k: int = setting("factcheck.top_k")
    factcheck_min_similarity: float = setting("factcheck.min_similarity")
    factcheck_embedding_weight: float = setting("factcheck.embedding_weight")
    # [techniques]
    techniques_min_score: float = setting("techniques.min_score")
    # [integrity]
    integrity_min_quote_words: int = setting("integrity.min_quote_words")
    integrity_quote_similarity: float = setting("integrity.quote_similarity")
    integrity_min_name_chars: int = setting("integrity.min_name_chars")
    integrity_number_context: float = setting("integrity.number_context")
    integrity_max_pairs_per_item: int = setting("integrity.max_pairs_per_item")
    integrity_max_findings_per_kind: int = setting("integrity.max_findings_per_kind")
    # [outlets]
    outlet_index: str = setting("outlets.index")
    # [corpus.stories] and [corpus.copies]
    corpus_story_threshold: float = setting("corpus.stories.threshold")
    corpus_story_entity_weight: float = setting("corpus.stories.entity_weight")
    corpus_story_window_days: float = setting("corpus.stories.window_days")
    corpus_lsh_threshold: float = setting("corpus.copies.lsh_threshold")
    corpus_sentence_similarity: float = setting("corpus.copies.sentence_similarity")
    corpus_min_aligned_share: float = setting("corpus.copies.min_aligned_share")
    corpus_min_stopword_containment: float = setting("corpus.copies.min_stopword_containment")
    corpus_family_aligned_share: float = setting("corpus.copies.family_aligned_share")
    # [batch]
    batch_chunk_articles: int = setting("batch.chunk_articles")
    # [workers] worker processes for analyze, batch and corpus (workers.py)
    workers: int = setting("workers.processes")
    workers_min_articles: int = setting("workers.min_articles")
    # [web] `newsprobe serve`
    web_max_body_bytes: int = setting("web.max_body_bytes")
    web_max_upload_articles: int = setting("web.max_upload_articles")
    web_variant_similarity: float = setting("web.variant_similarity")
    web_allowed_hosts: str = setting("web.allowed_hosts")
    web_analysis_workers: int = setting("web.analysis_workers")
    web_analysis_queue: int = setting("web.analysis_queue")
    web_analysis_time_limit_s: float = setting("web.analysis_time_limit_s")
    web_header_timeout_s: float = setting("web.header_timeout_s")
    web_body_timeout_s: float = setting("web.body_timeout_s")
    web_keep_alive_s: float = setting("web.keep_alive_s")
    web_shutdown_grace_s: float = setting("web.shutdown_grace_s")

    @classmethod
    def load(cls, **overrides) -> "Settings":
        """defaults.toml, then environment variables, then `overrides` (CLI flags, by
        attribute name); None overrides are ignored so that unset flags keep the default.
        E050 names an unknown setting or variable, E051 a value of the wrong type or one
        setting given two different values under its two variable names."""
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(overrides) - set(known))
        if unknown:
            raise NewsprobeError("E050", f"unknown settings: {', '.join(unknown)} "
                                         f"(the settings are listed in defaults.toml and docs/settings.md)")
        variables = environment_variables()
        unknown = sorted(name for name in os.environ
                         if name.startswith(ENVIRONMENT_PREFIX) and name not in OTHER_VARIABLES
                         and name not in variables)
        if unknown:
            raise NewsprobeError("E050", f"unknown environment variables: {', '.join(unknown)} "
                                         f"(no such settings; see docs/settings.md)")
        values: dict[str, Any] = {}
        read_from: dict[str, str] = {}
        for variable, name in variables.items():
            if variable not in os.environ:
                continue
            value = _parse(variable, os.environ[variable], known[name].type)
            if name in values and values[name] != value:
                raise NewsprobeError("E051", f"{read_from[name]} and {variable} both set {path_of(name)} "
                                             f"to different values ({values[name]!r}, {value!r}): set one")
            values[name], read_from[name] = value, variable
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def by_path(self) -> dict[str, Any]:
        """Every setting by its place in defaults.toml ("corpus.stories.threshold")."""
        return {path_of(f.name): getattr(self, f.name) for f in fields(self)}

    def section(self, name: str) -> Any:
        """One section's settings as a frozen object with the names they have there:
        `settings.section("corpus.copies").sentence_similarity`. Subsections are left out."""
        keys = _section_keys(name)
        if not keys:
            raise NewsprobeError("E050", f"no settings section {name!r} (see defaults.toml)")
        return _section_class(name)(**{key: getattr(self, attribute) for key, attribute in keys.items()})


def read_defaults() -> dict[str, Any]:
    """Every setting's value in defaults.toml, read again from the file, by attribute name."""
    tree = read_defaults_tree()
    by_key = _unique_keys(tree)
    values = {}
    for name, path in _PATHS.items():
        node: Any = tree
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        values[name] = by_key.get(name) if node is None else node   # see _DEFAULTS
    return values


def leaf_paths(tree: dict[str, Any], prefix: str = "") -> list[str]:
    """The places of the values in a defaults tree ("integrity.min_quote_words", ...)."""
    paths = []
    for key, value in tree.items():
        paths += leaf_paths(value, f"{prefix}{key}.") if isinstance(value, dict) else [prefix + key]
    return paths


def path_of(name: str) -> str:
    """A setting's place in defaults.toml, from its attribute name; a setting written before
    any section has its name as its place."""
    return _PATHS[name]


def environment_variables() -> dict[str, str]:
    """Every variable that sets a setting, with the setting's attribute name."""
    return dict(_VARIABLES)


def _section_keys(name: str) -> dict[str, str]:
    """Key in the section -> attribute name, for the settings directly in section `name`."""
    prefix = name + "."
    return {path[len(prefix):]: attribute for attribute, path in _PATHS.items()
            if path.startswith(prefix) and "." not in path[len(prefix):]}


@cache
def _section_class(name: str) -> type:
    types = {f.name: f.type for f in fields(Settings)}
    return make_dataclass("Settings_" + name.replace(".", "_"),
                          [(key, types[attribute]) for key, attribute in _section_keys(name).items()],
                          frozen=True)


def _variables() -> dict[str, str]:
    variables: dict[str, str] = {}
    for name, path in _PATHS.items():
        for variable in {ENVIRONMENT_PREFIX + path.replace(".", "_").upper(),
                         ENVIRONMENT_PREFIX + name.upper()}:
            if variables.setdefault(variable, name) != name:  # caught by tests/test_settings.py
                raise RuntimeError(f"{variable} would name both {variables[variable]} and {name}")
    return variables


_PATHS = {f.name: f.metadata.get("path", f.name) for f in fields(Settings)}
_VARIABLES = _variables()


def _parse(variable: str, text: str, type_name: str) -> Any:
    # Annotations are strings here (`from __future__ import annotations`).
    parse = {"int": int, "float": float, "str": str}[type_name]
    try:
        return parse(text)
    except ValueError:
        raise NewsprobeError("E051", f"{variable}={text!r} is not a valid {type_name}") from None
