"""The integrity layer on hand-written articles: each kind of scar is found where it is,
and clean articles get no warning. All texts are written for these tests (fictional
places and people)."""

from __future__ import annotations

import pytest

from newsprobe import analyze
from newsprobe.layers import LAYERS, integrity
from newsprobe.layers.integrity_consistency import spelling_relation, translit_key

CLEAN = [
    # A plain news story with a quote repeated verbatim, a name in two forms and a number
    # given twice with the same value.
    "The Karsovian government said on Tuesday that it would close 300 jobs at the Velm "
    "steelworks by June.\n\n"
    "“We will not accept the closure of this plant under any circumstances,” said Mayor "
    "Ilse Marnow, who has led the town since 2019.\n\n"
    "Marnow met union leaders on Wednesday. The union said the 300 jobs were the last "
    "skilled work in the valley.\n\n"
    "“We will not accept the closure of this plant under any circumstances,” Marnow told "
    "reporters again on Thursday.",
    # Headings, a byline, a dateline, a list and a caption: lines without full stops by design.
    "Flood Warning Issued for Lower Drava Valley\n\n"
    "By Tomas Keller\n\n"
    "LINDHOLM (Regional Press) — The river authority issued a flood warning for the lower "
    "valley on Sunday after two days of heavy rain.\n\n"
    "What residents should do\n\n"
    "- Move valuables upstairs\n"
    "- Keep a radio at hand\n\n"
    "Sandbags stacked outside the town hall in Lindholm\n\n"
    "Officials said the water level would peak on Monday evening. Schools will stay closed.",
    # Two different quantities of one unit in one sentence (a comparison, not an error),
    # a question quoted with a lower-case attribution, an abbreviation.
    "Ticket sales rose from 1,200 tickets in May to 1,500 tickets in June, the festival "
    "said.\n\n"
    "“Why would we stop now?” asked director Petra Hallin. The U.S. band that headlines "
    "the festival has sold out its tour.\n\n"
    "Hallin said the festival would add a third stage next year.",
]


def _warnings(analysis, kind=None):
    return [f for f in analysis.integrity
            if f["severity"] == "warning" and (kind is None or f["kind"] == kind)]


def _check_spans(analysis):
    for f in analysis.integrity:
        assert f["kind"] in integrity.KINDS
        assert f["severity"] in integrity.SEVERITIES
        assert 0.0 <= f["score"] <= 1.0 and f["message"]
        for s in f["spans"]:
            assert analysis.text[s["start"]:s["end"]] == s["text"]


def test_integrity_runs_last():
    assert LAYERS[-1] is integrity


@pytest.mark.parametrize("text", CLEAN)
def test_integrity_clean_articles_have_no_warnings(text):
    analysis = analyze(text)
    _check_spans(analysis)
    assert _warnings(analysis) == []


def test_integrity_stray_words_before_the_first_sentence():
    text = ("market update The Velm council approved a new budget on Monday. The vote was "
            "close.\n\nCouncillor Rowan Pike called the budget fair.")
    analysis = analyze(text)
    _check_spans(analysis)
    [f] = _warnings(analysis, "stray_fragment")
    assert f["spans"][0]["text"] == "market update"


def test_integrity_stray_words_inside_a_paragraph():
    text = ("The Velm council approved a new budget on Monday. budget vote The mayor called "
            "it fair. Councillor Rowan Pike voted against it.")
    analysis = analyze(text)
    [f] = _warnings(analysis, "stray_fragment")
    assert f["spans"][0]["text"] == "budget vote"


def test_integrity_paragraph_cut_off_mid_clause():
    text = ("The Velm council approved a new budget on Monday. The plan sets aside money for "
            "the repair of the\n\nCouncillor Rowan Pike said the budget was fair.")
    analysis = analyze(text)
    _check_spans(analysis)
    [f] = _warnings(analysis, "truncated_sentence")
    assert f["spans"][0]["text"] == "The plan sets aside money for the repair of the"
    assert "“the”" in f["message"]


def test_integrity_cut_sentence_running_into_the_next():
    text = ("The Velm council approved a plan to build a new The mayor said the town would "
            "pay for it with a loan.\n\nCouncillor Rowan Pike said the plan was fair.")
    analysis = analyze(text)
    [f] = _warnings(analysis, "truncated_sentence")
    assert f["spans"][0]["text"] == "The Velm council approved a plan to build a new"


@pytest.mark.parametrize("text, stop", [
    # A determiner is never followed by a pronoun, whatever comes next ("You'll").
    ("The shop sold the watch at a discount for the You'll save more if you order early.\n\n"
     "The offer ends on Sunday.", "the"),
    # A sentence opener after a preposition, even when a comma follows it.
    ("The council said there was no change in But, in the three years since the vote, rents "
     "have risen.\n\nThe mayor disagreed.", "in"),
    # A capitalised preposition that opens titles too, when a lower-case word follows.
    ("The study counted the cost of Of all the bids, half were late.\n\n"
     "The authors plan a second study.", "of"),
    # A demonstrative used as a pronoun, with its verb after it.
    ("Heated seats and a rear camera come standard on These include a lane assistant and a "
     "parking aid.\n\nPrices start next month.", "on"),
    # A question word in capitals mid-sentence.
    ("Many clubs ask fans to sign up What is rarer is a club that pays them.\n\n"
     "The tour starts in May.", "up"),
    # A determiner, a capitalised word, another determiner.
    ("The guide explains how the Passing a test takes practice.\n\n"
     "The game is out now.", "the"),
])
def test_integrity_cut_sentence_running_into_an_unusual_start(text, stop):
    [f] = _warnings(analyze(text), "truncated_sentence")
    assert f["spans"][0]["text"].endswith(" " + stop)


def test_integrity_paragraph_cut_after_an_ordinal():
    # spaCy counts "first" as a number; after "its" it still needs its noun.
    text = ("Velm also needed the final match to beat Lindholm and win its third\n\n"
            "The cup victory came after a long season.")
    [f] = _warnings(analyze(text), "truncated_sentence")
    assert f["spans"][0]["text"].endswith("win its third")


def test_integrity_same_speaker_quoted_in_two_wordings():
    text = ("“We will not accept the closure of this plant under any circumstances,” said "
            "Mayor Ilse Marnow on Tuesday.\n\n"
            "The company did not comment.\n\n"
            "“We will never accept the closing of this plant under any circumstances,” "
            "Marnow said.")
    analysis = analyze(text)
    _check_spans(analysis)
    [f] = _warnings(analysis, "inconsistent_quote")
    texts = [s["text"] for s in f["spans"]]
    assert len(texts) == 2 and "never accept the closing" in texts[1]
    assert "Marnow" in f["message"]


def test_integrity_misspelt_name_is_a_warning():
    text = ("Finance Minister Dariusz Kowalczyk presented the budget on Monday. Kowalczyk said "
            "taxes would not rise.\n\nCritics said Kowalcyzk ignored the poorer regions.")
    analysis = analyze(text)
    _check_spans(analysis)
    [f] = _warnings(analysis, "name_variant")
    assert "Kowalcyzk" in [s["text"] for s in f["spans"]]
    assert "misspelling" in f["message"]


def test_integrity_misspelt_surname_taken_for_an_entity_of_its_own():
    # The recogniser may file the typo as a one-word organisation of its own; the check
    # compares it with the surnames of the people named more than once all the same.
    from newsprobe.layers.integrity_consistency import name_variants
    from newsprobe.model import Analysis, Entity, Span
    from newsprobe.parse import load_pipeline
    from newsprobe.settings import Settings

    text = ("Historian Lena Varga wrote about Adolf Hitler. Hitler came to power in 1933. "
            "There was little resistance to Hitelr's rule in the small towns.")
    at = text.index
    analysis = Analysis(text=text, id="t")
    analysis.entities = [
        Entity("e1", "Adolf Hitler", "PERSON", [], [Span.of(text, at("Adolf"), at("Adolf") + 12),
                                                  Span.of(text, at("Hitler came"), at("Hitler came") + 6)]),
        Entity("e2", "Hitelr", "ORG", [], [Span.of(text, at("Hitelr"), at("Hitelr") + 6)]),
    ]
    found = name_variants(load_pipeline(None)(text), analysis, Settings.load())
    [f] = found
    assert f["severity"] == "warning" and "Hitelr" in [s["text"] for s in f["spans"]]


def test_integrity_misspelling_written_twice_is_only_info():
    # A slip is rarely repeated: a second spelling used as often is two names or a house
    # style, worth a note but no alarm.
    text = ("Finance Minister Dariusz Kowalczyk presented the budget on Monday. Kowalczyk said "
            "taxes would not rise.\n\nCritics said Kowalcyzk ignored the poorer regions. "
            "Kowalcyzk did not answer.")
    analysis = analyze(text)
    assert _warnings(analysis, "name_variant") == []
    assert [f["severity"] for f in analysis.integrity if f["kind"] == "name_variant"] == ["info"]


def test_integrity_british_and_american_spellings_are_info():
    text = ("The Velm Aluminium Works will close in May. The Velm Aluminum Works employs 300 "
            "people.\n\nThe union said the closure was a shock.")
    analysis = analyze(text)
    assert _warnings(analysis, "name_variant") == []
    [f] = [f for f in analysis.integrity if f["kind"] == "name_variant"]
    assert f["severity"] == "info" and "British and American" in f["message"]


def test_integrity_transliteration_variant_is_info():
    text = ("President Volodymyr Zelensky spoke in parliament on Monday. Zelenskyy said the "
            "talks would go on.\n\nZelensky later met the defence minister.")
    analysis = analyze(text)
    assert _warnings(analysis, "name_variant") == []
    infos = [f for f in analysis.integrity if f["kind"] == "name_variant"]
    assert infos and all(f["severity"] == "info" for f in infos)


def test_integrity_same_quantity_with_two_values():
    text = ("Nordstal will cut 300 jobs at its Velm steelworks, the company said on Monday.\n\n"
            "Union leaders met the management on Tuesday.\n\n"
            "The plan to cut 350 jobs at the Velm steelworks was first reported last week.")
    analysis = analyze(text)
    _check_spans(analysis)
    [f] = _warnings(analysis, "inconsistent_number")
    assert [s["text"] for s in f["spans"]] == ["300 jobs", "350 jobs"]


def test_integrity_two_amounts_for_two_people_are_no_alarm():
    text = ("Judge Mira Holt set a $5,000 bond for defendant Anna Berg on Monday.\n\n"
            "The hearing lasted an hour.\n\n"
            "Judge Mira Holt set a $7,500 bond for defendant Tomas Keller, the court said.")
    analysis = analyze(text)
    assert _warnings(analysis, "inconsistent_number") == []
    # The same sentences about one unnamed defendant: one bond given two values.
    same = text.replace("defendant Anna Berg", "the defendant").replace("defendant Tomas Keller",
                                                                         "the defendant")
    [f] = _warnings(analyze(same), "inconsistent_number")
    assert [s["text"] for s in f["spans"]] == ["$5,000 bond", "$7,500 bond"]


def test_integrity_restated_rate_with_another_value():
    text = ("Firms are uncertain whether a 15 percent tariff on shoes will take effect in "
            "December.\n\nThe ministry did not comment.\n\n"
            "Firms are uncertain whether a 12 percent tariff on shoes will take effect in "
            "December.")
    [f] = _warnings(analyze(text), "inconsistent_number")
    # The same sentence twice with another number: reported once, on the two numbers.
    assert [s["text"] for s in f["spans"]] == ["15", "12"]
    assert "same sentence is written twice" in f["message"]


@pytest.mark.parametrize("first, second, numbers", [
    # Units the quantity rule leaves alone (games count like time), glued units, a
    # four-digit count that looks like a year: word-for-word the same sentence, so one
    # statement with two values.
    ("10 games", "14 games", ["10", "14"]), ("5km", "8km", ["5", "8"]),
    ("1822 calls", "911 calls", ["1822", "911"]),
])
def test_integrity_restated_sentence_with_another_number(first, second, numbers):
    sentence = "Officials at the Velm depot said the new buses had covered {} in their first week."
    text = (sentence.format(first) + "\n\nThe mayor praised the drivers.\n\n"
            + sentence.format(second))
    analysis = analyze(text)
    _check_spans(analysis)
    [f] = _warnings(analysis, "inconsistent_number")
    assert [s["text"] for s in f["spans"]] == numbers


def test_integrity_short_repeated_lines_with_other_numbers_are_no_alarm():
    # Deal lists repeat one short line with other prices by design.
    text = ("The Velm outlet cut prices on Friday.\n\nKettle now for $20 at Velm\n\n"
            "Toaster now for $35 at Velm\n\nThe sale ends on Sunday.")
    assert _warnings(analyze(text), "inconsistent_number") == []


def test_integrity_compared_rates_are_no_alarm():
    text = ("Sales at Nordstal rose 3.5 percent in the quarter, the company said.\n\n"
            "Like-for-like sales rose 3.6 percent, ahead of forecasts.")
    assert _warnings(analyze(text), "inconsistent_number") == []


def test_integrity_other_languages_are_left_alone():
    text = "Das ist ein Text auf Deutsch und die Stadt hat den Haushalt beschlossen. noch mehr"
    assert analyze(text).integrity == []


def test_spelling_relations():
    assert spelling_relation("Zelensky", "Zelenskyy") == "transliteration"
    assert spelling_relation("Zelensky", "Zelenksy") == "misspelling"
    assert spelling_relation("Russia", "Russian") is None
    assert spelling_relation("Erdogan", "Erdoğan") == "transliteration"
    assert translit_key("Aleksei") == translit_key("Alexey")
    for british, american in (("Aluminium", "Aluminum"), ("Labour", "Labor"), ("Centre", "Center"),
                              ("Organisation", "Organization"), ("Defence", "Defense")):
        assert spelling_relation(british, american) == "british_american"
    # Narrow endings: a dropped or swapped letter in a name stays a misspelling; a double
    # letter moved is no house style.
    assert spelling_relation("Dorrey", "Doreey") == "misspelling"
    assert spelling_relation("Andre", "Ander") == "misspelling"
    assert spelling_relation("Belgium", "Belgum") == "misspelling"
    # Two words, not one misspelt: a brand built on a word, two countries.
    assert spelling_relation("SpaceX", "Space") is None
    assert spelling_relation("Ireland", "Iceland") is None


def _rendered_analysis():
    from newsprobe.model import Analysis, Span

    text = "market news The mayor spoke. Zelensky and Zelenskyy met."
    a = Analysis(text=text, id="t1")
    a.integrity = [
        {"kind": "name_variant", "spans": [Span.of(text, 42, 51).to_dict()],
         "message": "two spellings (a normal transliteration variant)", "severity": "info", "score": 0.5},
        {"kind": "stray_fragment", "spans": [Span.of(text, 0, 11).to_dict()],
         "message": "stray words before the sentence", "severity": "warning", "score": 0.9},
    ]
    return a


def test_integrity_in_the_terminal_report_warnings_first():
    from rich.console import Console

    from newsprobe.render.as_text import render

    console = Console(record=True, width=140)
    render([_rendered_analysis()], console)
    out = console.export_text()
    assert "Integrity (1 warning, 1 info)" in out
    assert out.index("stray_fragment") < out.index("name_variant")
    assert "“market news”" in out


def test_integrity_in_the_html_page():
    from newsprobe.render.as_html import render

    page = render(_rendered_analysis())
    assert 'class="integ"' in page and 'class="integ-info"' in page
    assert "1 warning, 1 info" in page
    assert page.index("stray fragment") < page.index("name spelt two ways")


def _repetitive(paragraphs: int) -> str:
    """Short paragraphs that each quote one speaker and give one quantity, every one a near
    variant of the others: the worst case for pairwise comparison."""
    return "\n\n".join(
        f"\"We will build {300 + i % 7} homes in the east this year,\" said Mayor Ida Quell. "
        f"The plan costs {10 + i % 5} million pounds." for i in range(paragraphs))


def test_integrity_findings_grow_linearly_and_are_capped_with_a_note():
    from newsprobe import analyze
    from newsprobe.settings import Settings

    def counts(paragraphs: int, cap: int) -> tuple[dict, dict]:
        settings = Settings.load(integrity_max_findings_per_kind=cap,
                                 integrity_max_pairs_per_item=10)
        a = analyze(_repetitive(paragraphs), settings, layers=("integrity",))
        kinds: dict[str, int] = {}
        for f in a.integrity:
            kinds[f["kind"]] = kinds.get(f["kind"], 0) + 1
        return kinds, a.meta.get("capped", {})

    uncapped_100, _ = counts(100, 10**9)
    uncapped_200, _ = counts(200, 10**9)
    for kind in ("inconsistent_quote", "inconsistent_number"):
        assert uncapped_200[kind] <= 2.3 * uncapped_100[kind], (uncapped_100, uncapped_200)
    capped, note = counts(200, 50)
    assert all(n <= 50 for n in capped.values()), capped
    assert note["integrity"]["inconsistent_number"] == uncapped_200["inconsistent_number"] - 50
