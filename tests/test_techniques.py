"""The techniques layer: hand-written sentences with an unmistakable technique, the span
decoder, whose technique it is (author or quoted speaker), and the reports."""

import numpy as np
import pytest

from newsprobe import analyze
from newsprobe.errors import NewsprobeError
from newsprobe.layers import techniques
from newsprobe.layers.technique_glossary import EXPLANATIONS, TECHNIQUES
from newsprobe.layers.technique_voice import quoted_segments, voice_of
from newsprobe.model import Analysis
from newsprobe.render import as_html, as_text
from newsprobe.settings import Settings


def _found(analysis, words: str) -> list[dict]:
    """Technique findings whose span covers `words`."""
    at = analysis.text.index(words)
    return [t for t in analysis.techniques if t["start"] <= at and at + len(words) <= t["end"]]


def test_every_technique_has_an_explanation_and_the_model_knows_all_fourteen():
    assert len(TECHNIQUES) == 14 and all(EXPLANATIONS[t] for t in TECHNIQUES)
    assert techniques.load_model().classes == TECHNIQUES


def test_the_model_says_which_setting_came_from_dev_and_leans_towards_rare_classes():
    model = techniques.load_model()
    from_dev = model.meta["tc_settings_from_dev"]
    # The logit adjustment tau was chosen on PTC dev, with a cross-fitted estimate beside it.
    assert model.meta["tc_logit_tau"] == from_dev["tc_logit_tau"] > 0
    assert 0.0 < from_dev["cross_fitted_micro_f1"] <= 1.0
    # -tau * log(prior): the most frequent class (loaded language) gets the smallest boost.
    adjust = dict(zip(model.classes, model.tc_adjust))
    assert min(adjust, key=adjust.get) == "loaded_language"


def test_name_calling_is_found_and_labelled(nlp):
    text = ("The mayor opened a new library on Monday.\n\n"
            "These corrupt traitors and spineless cowards have betrayed every decent citizen.")
    a = analyze(text)
    hits = _found(a, "traitors")
    assert hits, a.techniques
    assert not _found(a, "library")
    # The tagger marks the whole insulting sentence (as PTC's annotators often do) and the
    # classifier may then read it as exaggeration; the insult itself is name calling.
    start = text.index("corrupt traitors")
    ranked = techniques.rank_techniques(nlp(text), [(start, start + len("corrupt traitors"))])
    assert ranked[0][0] in {"name_calling_labeling", "loaded_language"}, ranked[0][:3]


def test_repeated_slogan_is_recognised_as_repetition_when_its_span_is_given(nlp):
    text = ("Build the wall. The senator repeated it at every stop. Build the wall. "
            "The crowd answered him. Build the wall.")
    doc = nlp(text)
    start = text.rindex("Build the wall")
    ranked = techniques.rank_techniques(doc, [(start, start + len("Build the wall"))])
    assert ranked[0][0] == "repetition", ranked[0][:3]


def test_doubt_question_is_labelled_doubt_when_its_span_is_given(nlp):
    text = "Can we really trust anything this so-called expert has ever told us?"
    doc = nlp(text)
    ranked = techniques.rank_techniques(doc, [(0, len(text) - 1)])
    assert ranked[0][0] == "doubt", ranked[0][:3]


def test_spans_index_the_text_and_carry_contract_fields():
    text = ("Officials said the budget passed.\n\n"
            "This disgraceful, outrageous betrayal by the radical elites is a catastrophe "
            "that will destroy our nation!")
    a = analyze(text)
    assert a.techniques
    for t in a.techniques:
        assert a.text[t["start"]:t["end"]] == t["text"]
        assert t["technique"] in TECHNIQUES and 0.0 <= t["score"] <= 1.0
        assert t["text"][0] not in " .,;:" and t["text"][-1] not in " .,;:"
        assert "in_quote" in t


def test_a_technique_inside_a_direct_quote_is_the_speakers():
    text = ('"These people are vile, corrupt traitors who want to destroy everything we love," '
            'said Tom Baker, a local activist.\n\n'
            "The council will vote on the proposal next week.")
    a = analyze(text)
    quoted = [t for t in a.techniques if t["in_quote"]]
    assert quoted, (a.techniques, [q.to_dict() for q in a.quotes])
    quote = next(q for q in a.quotes if q.id == quoted[0]["in_quote"])
    t = quoted[0]
    covered = sum(max(0, min(t["end"], c.end) - max(t["start"], c.start)) for c in quote.content)
    assert covered * 2 > t["end"] - t["start"]   # most of the span is the speaker's words
    assert "vile" in t["text"] or "traitors" in t["text"]


def test_decoder_joins_runs_across_small_gaps_and_trims_edges(nlp):
    doc = nlp("One two three four five six seven.")
    probs = np.array([0.9, 0.9, 0.1, 0.9, 0.1, 0.1, 0.1, 0.9])  # the final "." is trimmed
    spans = techniques.decode_spans(doc, probs, threshold=0.5, gap=1)
    assert [doc.text[s:e] for s, e, _ in spans] == ["One two three four"]
    assert techniques.decode_spans(doc, probs, threshold=0.5, gap=0)[0][:2] == (0, 7)


def test_decoder_drops_a_span_whose_mean_probability_is_below_the_floor(nlp):
    doc = nlp("One two three four five six seven.")
    probs = np.array([0.9, 0.9, 0.1, 0.9, 0.1, 0.1, 0.1, 0.9])   # the joined run's mean is 0.7
    assert len(techniques.decode_spans(doc, probs, threshold=0.5, gap=1, min_mean=0.65)) == 1
    assert techniques.decode_spans(doc, probs, threshold=0.5, gap=1, min_mean=0.75) == []


def _decoded(doc, hot: list[str], threshold: float = 0.5) -> list[str]:
    """decode_spans over `doc` with the tokens whose text is in `hot` at 0.9, the rest 0.1."""
    probs = np.array([0.9 if t.text in hot else 0.1 for t in doc])
    return [doc.text[s:e] for s, e, _ in techniques.decode_spans(doc, probs, threshold, gap=1)]


def test_decoder_widens_a_span_to_whole_hyphenated_words(nlp):
    # The tagger's run stopped inside "money-grabbing" and "over-sensitive": a reader sees a
    # flagged "money" or "over", which is not what the writer chose.
    doc = nlp("They watched the money-grabbing tycoon leave the over-sensitive paper.")
    assert _decoded(doc, ["money"]) == ["money-grabbing"]
    assert _decoded(doc, ["sensitive"]) == ["over-sensitive"]


def test_decoder_takes_in_the_word_a_clitic_belongs_to(nlp):
    doc = nlp("It's so crass and ridiculous, he said. That’s a canard.")
    assert _decoded(doc, ["'s", "so", "crass", "and", "ridiculous"]) == ["It's so crass and ridiculous"]
    assert _decoded(doc, ["’s", "a", "canard"]) == ["That’s a canard"]


def test_decoder_drops_a_span_of_function_words_alone(nlp):
    # "a", "the", "and" flagged on their own carry no technique a reader could see.
    doc = nlp("The minister took a seat and the meeting began.")
    assert _decoded(doc, ["a"]) == []
    assert _decoded(doc, ["and", "the"]) == []
    assert _decoded(doc, ["a", "seat"]) == ["a seat"]
    # A trailing article or preposition is cut; a negation, which carries the meaning, is not.
    doc = nlp("Their followers convinced them they could do no wrong in the litany of cases.")
    hot = ["followers", "convinced", "them", "they", "could", "do", "no"]
    assert _decoded(doc, hot) == ["followers convinced them they could do no"]
    assert _decoded(doc, ["litany", "of"]) == ["litany"]


def test_decoder_trims_invisible_characters_and_a_leading_conjunction(nlp):
    doc = nlp("The claim is both misleading and unremarkable. \ufe0fChaos at the rally.")
    assert _decoded(doc, ["and", "unremarkable"]) == ["unremarkable"]
    assert [s.strip("\ufe0f") for s in _decoded(doc, ["\ufe0fChaos", "Chaos"])] == ["Chaos"]
    assert all(not s.startswith("\ufe0f") for s in _decoded(doc, ["\ufe0fChaos", "Chaos"]))


def test_reports_show_techniques_with_legend_and_whose_they_are():
    text = ('"They are vile, corrupt traitors," said Tom Baker.\n\n'
            "This disgraceful, outrageous betrayal by the radical elites will destroy our nation!")
    a = analyze(text)
    page = as_html.render(a)
    assert "What these techniques are" in page and 'class="tech' in page
    assert "by the author" in page or "(quote q" in page
    from rich.console import Console
    console = Console(record=True, width=160)
    as_text.render([a], console)
    out = console.export_text()
    assert "Persuasion techniques" in out and "author's words" in out
    shown = {t["technique"] for t in a.techniques}
    assert any(EXPLANATIONS[name] in out for name in shown)


def test_an_encoder_depth_without_its_own_model_is_a_coded_error():
    with pytest.raises(NewsprobeError) as err:
        techniques.load_model(5)
    assert err.value.code == "E013" and "--encoder-layers 5" in str(err.value)
    assert techniques.encoder_depth(techniques.load_model()) == 6


def test_the_four_layer_taggers_decode_at_the_threshold_chosen_on_dev():
    # train_techniques.py --dev-decoding: at 4 layers the train choice (0.3) marked more
    # spans, less often right, than the 6-layer taggers; the display floor's criterion
    # (SI F0.5 at the floor, SI F1 kept at its bar) chose 0.4 on PTC dev.
    four = techniques.load_model(4)
    chosen = four.meta["si_settings_from_dev"]
    assert [four.si_threshold, four.si_min_mean] == chosen["chosen"] == [0.4, 0.0]
    assert chosen["chosen_on_train"] == [0.3, 0.0] and chosen["display_floor"] == Settings().techniques_min_score
    assert chosen["dev"]["f05"] > chosen["dev_at_train_choice"]["f05"] and chosen["dev"]["f1"] >= 0.40
    assert "si_settings_from_dev" not in techniques.load_model(6).meta   # 6 keeps its train choice


def test_spans_are_scored_as_the_layer_shows_them(nlp):
    text = ("The mayor's shameless, disgraceful betrayal of this city is a catastrophe. "
            "The council meets on Tuesday.")
    settings = Settings(techniques_min_score=0.0)
    doc = nlp(text)
    model = techniques.load_model(settings.encoder_layers)
    stats = techniques.ArticleStats.of(doc)
    states = techniques.doc_states(doc, settings.encoder_layers)
    probs = techniques.token_probabilities(doc, stats, model, states[0])
    scored = techniques.scored_spans(doc, probs, stats, model, states)
    shown = analyze(text, settings=settings).techniques
    assert [(s, e, round(score, 3)) for s, e, score, _ in scored] == [(t["start"], t["end"], t["score"]) for t in shown]
    assert all(len(row) == len(model.classes) for *_, row in scored)
    # a higher threshold keeps fewer tokens
    higher = techniques.scored_spans(doc, probs, stats, model, states, threshold=0.9)
    assert sum(e - s for s, e, *_ in higher) <= sum(e - s for s, e, *_ in scored)


# A tagged span that starts in a reported clause or naming phrase and runs on past its end
# is cut there: the reported words are the speaker's, what follows the writer's again.
NAMING_RUN_ON = ("A day after the senator described the mayor as petty, reckless and vain in a "
                 "long column, the protests from the town hall began.")
STANCE_RUN_ON = "Moscow expressed bitter dismay at the decision in a statement on Friday."


def _span(text: str, words: str) -> tuple[int, int]:
    at = text.index(words)
    return at, at + len(words)


def test_the_reported_part_of_a_run_on_span_is_the_speakers_and_the_rest_the_authors(nlp):
    doc = nlp(NAMING_RUN_ON)
    start, end = _span(NAMING_RUN_ON,
                       "petty, reckless and vain in a long column, the protests from the town hall")
    probs = np.zeros(len(doc))
    probs[[t.i for t in doc if start <= t.idx < end]] = 0.5
    pieces = techniques.split_at_reported_clauses(doc, [(start, end, 0.5)], probs, 0.0)
    assert [NAMING_RUN_ON[s:e] for s, e, _ in pieces] == ["petty, reckless and vain in a long column",
                                                          "the protests from the town hall"]
    assert all(p == pytest.approx(0.5) for _, _, p in pieces)
    a, segments = Analysis(text=NAMING_RUN_ON, id="t"), quoted_segments(NAMING_RUN_ON)
    voices = [voice_of(s, e, "loaded_language", a, segments, doc) for s, e, _ in pieces]
    assert [(v.voice, v.speaker) for v in voices] == [("speaker", "senator"), ("author", None)]


def test_a_piece_under_the_mean_floor_or_of_function_words_is_dropped(nlp):
    doc = nlp(STANCE_RUN_ON)
    start, end = _span(STANCE_RUN_ON, "bitter dismay at the decision")
    probs = np.zeros(len(doc))
    for t in doc:
        if start <= t.idx < end:
            probs[t.i] = 0.9 if t.text in ("bitter", "dismay") else 0.1
    pieces = techniques.split_at_reported_clauses(doc, [(start, end, 0.5)], probs, 0.3)
    assert [(STANCE_RUN_ON[s:e], round(p, 2)) for s, e, p in pieces] == [("bitter dismay", 0.9)]


def test_a_quotation_run_on_into_its_attribution_keeps_the_quotation_alone(nlp):
    text = ("“The plan is a shameless betrayal of every family in the valley,” Councillor Rowan Pike said "
            "in a statement on Friday.")
    doc = nlp(text)
    start, end = _span(text, "shameless betrayal of every family in the valley,” "
                             "Councillor Rowan Pike said in a statement")
    probs = np.full(len(doc), 0.5)
    pieces = techniques.split_at_reported_clauses(doc, [(start, end, 0.5)], probs, 0.0)
    assert [text[s:e] for s, e, _ in pieces] == ["shameless betrayal of every family in the valley"]
