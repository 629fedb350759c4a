"""Changes between aligned sentences: each kind on hand-written sentence pairs, and
rewording alone (synonyms, reordered clauses) reporting nothing."""

from __future__ import annotations

from newsprobe.corpus.changes import SentenceView, sentence_changes
from newsprobe.model import Analysis, Span


def changes(a: str, b: str) -> list:
    return sentence_changes(SentenceView(Span.of(a, 0, len(a)), a), SentenceView(Span.of(b, 0, len(b)), b))


def kinds(a: str, b: str) -> list[str]:
    return [c.kind for c in changes(a, b)]


def copy_kinds_in(language: str, a: str, b: str) -> list[str]:
    """The kinds found between two sentences of articles in `language`."""
    va = SentenceView(Span.of(a, 0, len(a)), a, Analysis(id="a", text=a, language=language))
    vb = SentenceView(Span.of(b, 0, len(b)), b, Analysis(id="b", text=b, language=language))
    return [c.kind for c in sentence_changes(va, vb)]


def test_changes_rewording_is_not_a_change():
    a = "The ferry operator raised fares by 5 percent on Monday, the harbour board said."
    b = "On Monday the ferry company increased prices by 5 percent, the harbour board stated."
    assert kinds(a, b) == []


def test_changes_swapped_entity_with_both_spans():
    a = "The truce, brokered by Morvania, holds."
    b = "The ceasefire, mediated by Talvia, holds."
    (change,) = changes(a, b)
    assert change.kind == "swapped_entity"
    assert change.source.text == "Morvania" and change.target.text == "Talvia"
    assert a[change.source.start:change.source.end] == "Morvania"


def test_changes_number_and_date():
    a = "Prices rose by 35 percent in March."
    b = "Prices climbed by 53 percent in May."
    found = {c.kind: (c.source.text, c.target.text) for c in changes(a, b)}
    assert found["changed_number"] == ("35 percent", "53 percent")
    assert found["changed_date"] == ("March", "May")


def test_changes_negation_flip():
    assert kinds("The minister will resign.", "The minister will not resign.") == ["negation_flip"]
    assert kinds("We did not agree.", "We never agreed.") == []  # one negation each: parity


def test_changes_contracted_negation_is_a_negation():
    a = "Readers do not necessarily understand how the ferry board sets its fares."
    b = "Readers don't necessarily understand how the ferry board sets its fares."
    assert kinds(a, b) == []
    assert kinds("The ferry will sail today.", "The ferry won't sail today.") == ["negation_flip"]


def test_changes_negation_inside_a_hyphenated_word_is_not_a_negation():
    a = "The harbour trust has run as a non-profit cooperative since 1990."
    b = "The harbour trust is run as a not-for-profit cooperative since 1990."
    assert kinds(a, b) == []


def test_changes_negative_predicate_balances_a_negation():
    # "cannot be overstated" / "hard to overstate": both negate; "able to" / "unable to" flips.
    a = '"The challenges we face cannot be overstated," the mayor said.'
    b = '"It is hard to overstate the challenges we face," the mayor said.'
    assert "negation_flip" not in kinds(a, b)
    assert kinds("The crew was able to reach the island.", "The crew was unable to reach the island.") \
        == ["negation_flip"]
    assert kinds("The minister has not yet decided, aides said.", "The minister is yet to decide, aides said.") == []


def test_changes_dropped_and_added_hedge():
    assert kinds("The plant may close next year.", "The plant will close next year.") == ["dropped_hedge"]
    assert kinds("Rebels seized the town.", "Rebels reportedly seized the town.") == ["added_hedge"]


def test_changes_dropped_attribution():
    a = "The bridge is unsafe, the engineers said."
    b = "The bridge is unsafe."
    (change,) = changes(a, b)
    assert change.kind == "dropped_attribution" and change.source.text == "the engineers said"


def test_changes_altered_quote_gives_both_quotations():
    a = "“We will rebuild every school,” the mayor said."
    b = "“We will repair some schools,” the mayor said."
    (change,) = changes(a, b)
    assert change.kind == "altered_quote"
    assert change.source.text == "We will rebuild every school," and change.target.text == "We will repair some schools,"


def test_changes_altered_quote_in_guillemets_and_german_marks():
    a = "Il est heureux d’accueillir la maire comme « première passagère du ferry » cette année."
    b = "Il est ravi d’accueillir la maire comme « premier passager du ferry« cette année."  # a stray closing mark
    (change,) = changes(a, b)
    assert change.kind == "altered_quote"
    assert (change.source.text, change.target.text) == (" première passagère du ferry ", " premier passager du ferry")
    assert kinds("Sie sagte „Wir bauen jede Schule der Stadt wieder auf“ am Montag.",
                 "Sie sagte „Wir bauen einige Schulen der Stadt wieder auf“ am Montag.") == ["altered_quote"]
    assert kinds(a, a.replace("« première passagère du ferry »", "“première passagère du ferry”")) == []


def test_changes_same_quote_in_other_marks_is_unchanged():
    assert kinds("“It’s over,” she said.", "\"It's over,\" she said.") == []


def test_changes_typography_alone_is_not_a_change():
    a = "The Karsovian minister\u2019s office said the \u201cdeal\u201d \u2014 signed in Port Tessa \u2014 stands."
    b = "The Karsovian minister's office said the \"deal\" - signed in Port Tessa - stands."
    assert kinds(a, b) == []


def test_changes_names_in_differently_worded_sentences_are_not_paired_by_position():
    # Two sentences that share a theme but not their wording: "North" and "Military" sit
    # at the same rank among the capitalised words, and are unrelated.
    a = "Officials in the North said the border crossing at Velmo would reopen next week."
    b = "A Military spokesman denied any plan for reinforcements along the frontier."
    assert "swapped_entity" not in kinds(a, b)


def test_changes_swapped_name_found_in_its_slot_among_other_rewording():
    a = "The grain convoy left Port Tessa on Tuesday under escort, officials said."
    b = "The grain convoy left Port Velmo on Tuesday under escort, officials said."
    (change,) = [c for c in changes(a, b) if c.kind == "swapped_entity"]
    assert (change.source.text, change.target.text) == ("Tessa", "Velmo")


def test_changes_page_furniture_reports_nothing():
    # A blog's date stamp and a byline differ between two copies of one story.
    assert kinds(" date 2024-09-02 The harbour reopened on Monday.",
                 " date 2024-08-30 The harbour reopened on Monday.") == []
    assert kinds("Posted by Mira Holt on 2 September", "Posted by Jan Tove on 30 August") == []
    assert kinds("Share on Facebook Twitter WhatsApp", "Share: Facebook, Twitter, e-mail") == []


def test_changes_independent_wording_of_one_fact_reports_nothing():
    # Two reports of one event, aligned by meaning but worded independently: the missing
    # cue, hedge and figure are differences of wording, not edits of one text.
    a = "Around 300 homes near the Kessel were evacuated overnight, the fire service said."
    b = "Emergency crews may have moved residents of about three hundred houses to safety."
    assert kinds(a, b) == []


def test_changes_possessive_is_not_a_swapped_name():
    a = "Aid to Estmark's northern ports resumed on Friday, officials said."
    b = "Aid to Estmark northern ports resumed on Friday, officials said."
    assert "swapped_entity" not in kinds(a, b)


def test_changes_added_clause_keeps_the_sentence_comparable():
    # The copy adds a clause: the words it kept still agree, so the hedge that replaced
    # "at least" is found (difflib's ratio over the whole sentences fell below the bar).
    a = "Each heat will last at least 20 minutes."
    b = ("Not only that, each heat is set to run for approximately 20 minutes, and every crew "
         "taking part will race in several classes over the weekend at the lake.")
    assert "added_hedge" in kinds(a, b)


def test_changes_hedge_inside_a_new_quotation_counts():
    # Narration turned into a quotation: no quotation on the other side to compare it with.
    a = "The crossings will take up to four hours every day."
    b = "According to the organisers, “the crossings will take approximately four hours every day.”"
    found = kinds(a, b)
    assert "added_hedge" in found and "added_attribution" in found


def test_changes_modal_made_firmer_or_weaker():
    (change,) = changes("Riders should be familiar with the route.", "Riders must be familiar with the route.")
    assert change.kind == "dropped_hedge" and (change.source.text, change.target.text) == ("should", "must")
    (change,) = changes("The council will offer free buses.", "The council has offered free buses.")
    assert change.kind == "dropped_hedge" and change.target.text == "has offered"
    assert kinds("The bridge must close in June.", "The bridge could close in June.") == ["added_hedge"]
    assert kinds("The council has three members.", "The council will have three members.") == []


def test_changes_month_may_is_not_a_hedge():
    assert kinds("The vote took place in May after a long delay.", "The vote took place after a long delay.") == []


def test_changes_name_dropped_from_an_attribution_both_keep():
    a = "Several Karsovian news reports citing officials said the port would close."
    b = "Several news reports citing officials said the port would close."
    (change,) = changes(a, b)
    assert change.kind == "dropped_attribution" and change.source.text == "Karsovian"
    a = "“No such event exists,” the spokesperson said in a statement from Velmo to Radio Tessa."
    b = "“No such event exists,” the spokesperson said in a statement from Velmo."
    assert [(c.kind, c.source.text) for c in changes(a, b)] == [("dropped_attribution", "Radio Tessa")]
    b2 = "“No such event exists,” the spokesperson said in a statement from Velmo to Radio Tessa."
    assert kinds(b2, a) == []


def test_changes_one_word_of_a_moved_name_changed():
    # The clause holding the name moved, so the word alignment does not pair the names;
    # the shared "Rider" still shows it is one name with a word changed.
    a = "The clip was shared by dubious sites and by the commentator and account ‘Northern Rider’."
    b = "The clip, however, was shared by dubious sites and the account 'Southern Rider,' a commentator."
    (change,) = [c for c in changes(a, b) if c.kind == "swapped_entity"]
    assert (change.source.text, change.target.text) == ("Northern", "Southern")


def test_changes_misspelt_name_but_not_an_inflection():
    from newsprobe.corpus.changes import is_misspelling
    assert is_misspelling("Olena", "Olenga") and is_misspelling("Zełenska", "Zełeńska")
    assert not is_misspelling("Zełenska", "Zełenskiej") and not is_misspelling("Zelensky", "Zelenska")
    # Two letters changed in a short word make another word ("Steve" / "State").
    assert not is_misspelling("Steve", "State") and is_misspelling("Tessen", "Tesen")
    a = "Marika Tessen denied it, the ministry said in a short written statement on Friday evening."
    b = "The ministry said in a short written statement on Friday evening that Marika Tesen denied it."
    assert [(c.kind, c.source.text, c.target.text) for c in changes(a, b)] == [("swapped_entity", "Tessen", "Tesen")]


def test_changes_account_name_changed():
    a = "The post shows a recording of a story from the account “bright.day.velmo.”"
    b = "The post shows a recording of a story from the account “sunny.day.velmo.”"
    (change,) = changes(a, b)
    assert change.kind == "swapped_entity"
    assert (change.source.text, change.target.text) == ("bright.day.velmo", "sunny.day.velmo")


def test_changes_abbreviation_dots_are_typography():
    a = "Properties in the UK and France were listed, the report said."
    b = "Properties in the U.K. and France were listed, the report said."
    assert kinds(a, b) == []


def test_changes_claim_widened_or_narrowed():
    a = "The founder said he hoped the game would one day be recognised as a sport."
    b = "The founder said he hoped the game would one day be recognised as a sport worldwide."
    (change,) = changes(a, b)
    assert change.kind == "dropped_hedge" and change.target.text == "worldwide"
    assert kinds(b, a) == ["added_hedge"]
    assert kinds("The rules are strict, and all riders know them.", "The rules are strict, and riders know them.") == []


def test_changes_paraphrase_habits_are_not_changes():
    # How paraphrases of one statement differ without changing it (the habits seen in
    # MSRP's paraphrase pairs): a speaker named where the other says "he", a title or an
    # initial dropped from a speaker's name, an acronym or abbreviation for a name,
    # reported speech's "would" for "will".
    assert kinds("He said the talks with Velmo would resume in June.",
                 "Mr Tessen said the talks with Velmo would resume in June.") == []
    assert kinds("“We will not stop,” Karsovian Prime Minister Ivo Tessen told the crowd.",
                 "“We will not stop,” Tessen told the crowd.") == []
    assert kinds("“We will not stop,” said Ivo K. Tessen, the union leader.",
                 "“We will not stop,” said Ivo Tessen, the union leader.") == []
    assert "swapped_entity" not in kinds("The KCB President Ivo Tessen said rates would stay low.",
                                         "The Karsovian Central Bank President Ivo Tessen said rates would stay low.")
    assert "swapped_entity" not in kinds("General Tessen said he would give his pension to charity.",
                                         "Maj-Gen Tessen said he would give his pension to charity.")
    assert kinds("The board said it will sell the plant to Velmo Power.",
                 "The board said it would sell the plant to Velmo Power.") == []


def test_changes_clause_moved_to_the_front_still_compares():
    # A spinner moves the clause after the comma to the front; difflib then matches one
    # of the two parts in order only, yet the sentence is the same one with a negation added.
    a = "Tessen tabled the proposal once the council chair Ivo Brand, had read out four petitions that the office had received over the summer."
    b = "Had read out four petitions that the office had not received over the summer, Tessen tabled the proposal once the council chair Ivo Brand."
    assert "negation_flip" in kinds(a, b)


def test_changes_a_word_replaced_by_a_name_is_not_a_source():
    a = "The company confirmed on Monday that it had been contacted by the regulator."
    b = "The company confirmed on Velmo that it had been contacted by the regulator."
    assert "added_attribution" not in kinds(a, b)


# --- across languages: only facts that do not depend on the language ---------------------

def translated(a: str, lang_a: str, b: str, lang_b: str) -> list:
    from newsprobe.corpus.changes import translated_changes
    return translated_changes(SentenceView(Span.of(a, 0, len(a)), a), SentenceView(Span.of(b, 0, len(b)), b),
                              lang_a, lang_b)


def test_translated_changes_number_changed_in_the_translation():
    a = "Selon le blog, il aurait acheté un bateau pour 3,2 millions d’euros."
    b = "According to the blog, he allegedly bought a boat for 3 million euros."
    (change,) = translated(a, "fr", b, "en")
    assert change.kind == "changed_number"
    assert (change.source.text, change.target.text) == ("3,2", "3")
    assert "fr -> en" in change.message


def test_translated_changes_hedge_dropped_in_the_translation():
    a = "Der Clip wurde seit dem 3. Mai wohl vor allem auf TikTok verbreitet."
    b = "The clip has been spread since May 3, mostly on TikTok."
    (change,) = translated(a, "de", b, "en")
    assert change.kind == "dropped_hedge" and change.source.text == "wohl"
    assert translated(b, "en", a, "de")[0].kind == "added_hedge"
    # The French reportative conditional is a hedge; stated as done, it is dropped.
    fr = "Des messages affirment que le frère du maire aurait acheté un bateau."
    en = "Messages claim that the mayor’s brother has bought a boat."
    assert [c.kind for c in translated(fr, "fr", en, "en")] == ["dropped_hedge"]
    assert translated(fr, "fr", "Messages claim that the mayor’s brother would have bought a boat.", "en") == []


def test_translated_changes_same_facts_in_other_formats_report_nothing():
    assert translated("Am 12. Mai 2023 beginnt in Velden ein Turnier mit 16 Teilnehmern.", "de",
                      "A tournament with 16 participants begins in Velden on 12 May 2023.", "en") == []
    assert translated("Die Rechnung über 3.800 Euro ist vom 14.05.2024.", "de",
                      "The invoice for 3,800 euros is dated May 14, 2024.", "en") == []
    assert translated("Sie kauften zwei Autos für 6,5 Millionen.", "de",
                      "They bought 2 cars for 6.5 million.", "en") == []
    assert translated("Faktura na 3 215 700 euro.", "pl", "An invoice for 3,215,700 euros.", "en") == []


def test_changes_pronoun_speaker_dropped_before_a_quotation_is_not_a_lost_source():
    a = "She stated, “The harbour board never approved the sale.”"
    b = "“The harbour board never approved the sale.”"
    assert kinds(a, b) == []
    assert kinds(a[:-2], b[:-2] + ". The council agreed.") == []  # the quotation closes later
    # A named source, or a claim no longer quoted, is lost.
    assert kinds("The board stated, “The harbour was never sold.”", "“The harbour was never sold.”") == \
        ["dropped_attribution"]
    assert kinds("She said the harbour was never sold.", "The harbour was never sold.") == ["dropped_attribution"]


# --- all the changes of one copy ---------------------------------------------------------

def _copy(pairs: list[tuple[str, str]], language: str = "en"):
    from newsprobe.corpus.align import AlignedPair
    from newsprobe.model import Analysis
    source = " ".join(a for a, _ in pairs)
    target = " ".join(b for _, b in pairs)
    aligned, at_a, at_b = [], 0, 0
    for a, b in pairs:
        aligned.append(AlignedPair(Span.of(source, at_a, at_a + len(a)), Span.of(target, at_b, at_b + len(b)), 0.8))
        at_a, at_b = at_a + len(a) + 1, at_b + len(b) + 1
    return aligned, Analysis(id="s", text=source, language=language), Analysis(id="t", text=target, language=language)


# A sentence both versions share word for word: with it, a one-sentence example is a copy
# (two sentences that are versions of each other, `_versions_of_each_other`).
SHARED = ("Cyclists will travel free of charge on every crossing.",
          "Cyclists will travel free of charge on every crossing.")


def test_copy_changes_skip_a_pair_worded_far_more_loosely_than_the_rest_of_the_copy():
    from newsprobe.corpus.changes import copy_changes
    same = [("The ferry to Lindholm resumes on Monday.", "The ferry to Lindholm resumes on Monday."),
            ("Tickets cost 12 crowns for adults.", "Tickets cost 12 crowns for adults."),
            ("The harbour board approved the timetable.", "The harbour board approved the timetable."),
            ("Cyclists travel free of charge.", "Cyclists travel free of charge.")]
    # In a word-for-word copy, a pair that shares half its words is two different
    # sentences the alignment put together, not one sentence changed.
    loose = ("The Lindholm Ferry Company has declared that the season starts on Monday",
             "The Karsby Ferry Festival which starts on Monday is billed to last two weeks")
    assert copy_changes(*_copy(same + [loose])) == []
    # A word changed in one sentence of the same copy is a change.
    changed = ("The harbour board approved the timetable.", "The harbour board never approved the timetable.")
    found = copy_changes(*_copy(same[:2] + [changed] + same[3:]))
    assert [c.kind for c in found] == ["negation_flip"]


def test_copy_changes_name_spelt_differently_in_a_sentence_left_unaligned():
    from newsprobe.corpus.changes import copy_changes
    pairs = [("Marta Lindqvist opened the new ferry terminal on Monday.",
              "Marta Lindqvist opened the new ferry terminal on Monday."),
             ("The terminal cost the harbour board 12 million crowns.",
              "The terminal cost the harbour board 12 million crowns.")]
    aligned, source, target = _copy(pairs)
    # The copy adds a headline that misspells her name; the alignment has no pair for it.
    target.text += " Marta Lindkvist and the ferry."
    (change,) = copy_changes(aligned, source, target)
    assert change.kind == "swapped_entity"
    assert (change.source.text, change.target.text) == ("Lindqvist", "Lindkvist")
    assert change.sentences[1].text == "Marta Lindkvist and the ferry."
    assert change.sentences[0].text.startswith("Marta Lindqvist opened")
    # An inflection or another person of the family is not a misspelling.
    target.text = target.text.replace("Marta Lindkvist", "Lindqvists' ferry")
    assert copy_changes(aligned, source, target) == []


def test_changed_pairs_show_a_change_outside_the_aligned_pairs_with_its_two_sentences():
    from newsprobe.corpus.changes import copy_changes
    from newsprobe.render.story_view import changed_pairs
    aligned, source, target = _copy([("Marta Lindqvist opened the new ferry terminal on Monday.",
                                      "Marta Lindqvist opened the new ferry terminal on Monday."), SHARED])
    target.text += " Marta Lindkvist and the ferry."
    copy = {"pairs": [p.to_dict() for p in aligned],
            "changes": [c.to_dict(f"k1.{n}") for n, c in enumerate(copy_changes(aligned, source, target), 1)]}
    (row,) = changed_pairs(copy)
    assert "".join(text for text, _ in row["source"]).startswith("Marta Lindqvist opened")
    assert [text for text, kind in row["target"] if kind] == ["Lindkvist"]


def test_translated_changes_attribution_in_one_version_only():
    es = "La primera regata se celebrará en Velmora a partir del 12 de junio."
    en = "As reported by the organisers, the first regatta will take place on June 12 in Velmora."
    (change,) = translated(es, "es", en, "en")
    assert change.kind == "added_attribution" and change.target.text == "As reported by the organisers"
    de = "Laut lokalen Medien dauern die Rennen bis zu drei Stunden."
    assert [c.kind for c in translated(de, "de", "The races last up to three hours.", "en")] == \
        ["dropped_attribution"]
    # Both attribute, in their own words: nothing.
    assert translated(de, "de", "According to local media, the races last up to three hours.", "en") == []
    assert translated("Wie die Journalistin Mara Lind auf X feststellte, stammt das Foto aus Norwegen.", "de",
                      "As noted by journalist Mara Lind on X, the photo came from Norway.", "en") == []


def test_translated_changes_attribution_in_russian_and_ukrainian():
    ru = "По словам полиции, мост через реку Кессель закроют 8 июня."
    en = "The bridge over the Kessel river will close on June 8."
    assert [c.kind for c in translated(ru, "ru", en, "en")] == ["dropped_attribution"]
    assert translated(ru, "ru", "According to the police, the bridge over the Kessel river will close on June 8.",
                      "en") == []
    uk = "Міст через річку Кессель закриють 8 червня, як повідомляє місцева газета."
    assert [c.kind for c in translated(en, "en", uk, "uk")] == ["added_attribution"]


def test_text_report_shows_each_change_with_its_two_sentences():
    from rich.console import Console

    from newsprobe.corpus.changes import copy_changes
    from newsprobe.render.corpus_text import render
    aligned, source, target = _copy([("Rebels seized the harbour town on Monday.",
                                      "Rebels reportedly seized the harbour town on Monday."), SHARED])
    copy = {"id": "k1", "source": "s", "target": "t", "kind": "rewritten", "direction": "unknown", "evidence": [],
            "score": 0.9, "pairs": [p.to_dict() for p in aligned],
            "changes": [c.to_dict(f"k1.{n}") for n, c in enumerate(copy_changes(aligned, source, target), 1)]}
    result = {"articles": [{"id": "s", "title": "Harbour"}, {"id": "t", "title": "Harbour copy"}], "stories": [],
              "copies": [copy], "claim_links": [], "families": []}
    console = Console(record=True, width=300)
    render(result, console)
    lines = console.export_text().splitlines()
    at = next(i for i, line in enumerate(lines) if "added_hedge: hedge 'reportedly' added" in line)
    assert lines[at + 1].strip() == "A Rebels seized the harbour town on Monday."
    assert lines[at + 2].strip() == "B Rebels reportedly seized the harbour town on Monday."


def test_copy_changes_in_another_language_use_its_hedges_and_attributions():
    from newsprobe.corpus.changes import copy_changes
    same = ("Le ferry reprendra lundi entre les deux îles.", "Le ferry reprendra lundi entre les deux îles.")
    hedge = ("Le frère du maire aurait acheté le ferry pour 2,8 millions d’euros.",
             "Le frère du maire a acheté le ferry pour 2,8 millions d’euros.")
    source = ("Selon la presse locale, les billets coûteront 12 euros.", "Les billets coûteront 12 euros.")
    found = copy_changes(*_copy([same, hedge, source], "fr"))
    assert [(c.kind, c.source.text) for c in found] == [("dropped_hedge", "aurait"),
                                                        ("dropped_attribution", "Selon la presse locale")]
    # The same pairs read by the English rules find nothing: the words are French.
    assert copy_changes(*_copy([same, hedge, source], "en")) == []


def test_changes_day_of_a_month_is_a_date_not_a_figure():
    a = "The fair runs five weeks, with boat races of 45 minutes each day."
    b = "The fair will open on June 8 and run for five weeks."
    assert "changed_number" not in kinds(a, b)
    assert [c.kind for c in changes("The race starts on June 8.", "The race starts on June 9.")] == ["changed_date"]
    assert [c.kind for c in changes("The race starts on 8 June.", "The race starts on 12 June.")] == ["changed_date"]


def test_changes_negation_flip_needs_a_negation_put_in_or_taken_out_in_place():
    assert kinds("The ferry will sail on Monday.", "The ferry will not sail on Monday.") == ["negation_flip"]
    assert kinds("The ferry will sail on Monday.", "The boat will never depart on Monday.") == ["negation_flip"]
    # A reworded clause that holds a negation ("unfamiliar" / "who are not aware"), an
    # idiom, and a clause dropped that held one are not a statement turned around.
    assert "negation_flip" not in kinds("For those unfamiliar, the regatta is a rowing race held each spring.",
                                        "For those who are not aware, the regatta is a rowing race held each spring.")
    assert "negation_flip" not in kinds("For those who are not aware, the regatta is a rowing race.",
                                        "For those who are unaware of it, the regatta is a rowing race.")
    assert "negation_flip" not in kinds("One race will last 40 minutes.",
                                        "Not only that, one race will last 40 minutes.")
    assert "negation_flip" not in kinds("This account is fake and has never posted anything, the blog said.",
                                        "This account is fake, the blog said.")


def test_changes_attribution_in_other_words_and_idioms_that_are_not_one():
    # "as per the report" credits the report as "according to the report" does.
    assert "dropped_attribution" not in kinds("According to the report, the ferry was sold in May.",
                                              "The ferry, too, was sold in May, as per the report.")
    assert kinds("Mara Lind highlighted on X that the ferry was sold.",
                 "As noted by Mara Lind on X, the ferry was sold.") == []
    # "a say in the decision" is not someone saying something.
    assert kinds("The judges pick the winners, and the audience will get a say in the ranking too.",
                 "The judges pick the winners, and the audience will get a part in the ranking too.") == []


def test_changes_firming_word_counts_only_where_put_in_or_taken_out():
    # "proven to be false" reworded as "debunked" is not a claim made weaker.
    assert kinds("The rumour was also proven to be false by the audit.",
                 "The rumour was also debunked by the audit.") == []


def test_copy_changes_sentence_split_in_two_by_the_copy_is_compared_whole():
    from newsprobe.corpus.align import AlignedPair, sentence_spans
    from newsprobe.corpus.changes import copy_changes
    from newsprobe.model import Analysis
    source = ("The ferry to Lindholm resumes on Monday. A clip on Telegram, shared by the user @harbour_watch "
              "and seen 4,000 times, says: the old ferry sank near the pier last night.")
    # The copy cuts the second sentence in two (a stray "?" before a capital) and puts
    # another network in place of Telegram.
    target = ("The ferry to Lindholm resumes on Monday. A clip on WhatsApp, shared by the user @harbour_watch "
              "and seen 4,000 times, says: ?? The old ferry sank near the pier last night.")
    spans_a, spans_b = sentence_spans(source), sentence_spans(target)
    assert len(spans_a) == 2 and len(spans_b) == 3
    # The embeddings align the long sentence with the half that tells the news.
    aligned = [AlignedPair(spans_a[0], spans_b[0], 1.0), AlignedPair(spans_a[1], spans_b[2], 0.8)]
    found = copy_changes(aligned, Analysis(id="s", text=source, language="en"),
                         Analysis(id="t", text=target, language="en"))
    assert [(c.kind, c.source.text, c.target.text) for c in found] == [("swapped_entity", "Telegram", "WhatsApp")]
    # The change lies outside the aligned pair's target half: it carries the two whole
    # sentences, so the reports show them side by side.
    assert found[0].sentences[0] == spans_a[1]
    assert found[0].sentences[1].text.startswith("A clip on WhatsApp") and found[0].sentences[1].end == len(target)


def test_changes_every_hedge_added_is_reported():
    found = changes("The tournament will run for five weeks and games will last an hour.",
                    "The tournament will supposedly run for five weeks and games might last an hour.")
    assert sorted((c.kind, c.target.text) for c in found) == [("added_hedge", "might"), ("added_hedge", "supposedly")]
    found = changes("The plant may close next year and probably sell its land.",
                    "The plant will close next year and sell its land.")
    assert sorted(c.kind for c in found) == ["dropped_hedge", "dropped_hedge"]


def test_changes_an_acronym_for_a_shorter_name_is_the_same_place():
    # "NYC" for "New York": the initials of the words start the acronym.
    assert kinds("He bought a watch in NYC and drove home.", "He bought a watch inside New York and drove home.") == []
    assert kinds("The ECB raised rates.", "The European Central Bank raised rates.") == []
    assert kinds("He bought a watch in Oslo and drove home.", "He bought a watch inside New York and drove home.") == \
        ["swapped_entity"]


def test_copy_changes_none_between_two_write_ups_that_share_facts_but_not_wording():
    from newsprobe.corpus.changes import copy_changes
    # Two outlets tell the same ferry news in their own words: the sentences align by
    # meaning, most share less than half their words, and the one close pair differs in
    # a figure that each outlet took from its own source. Not a copy: no change.
    write_ups = [("The ferry to Lindholm resumes on Monday after a two-week pause.",
                  "Boats will sail again to Lindholm from Monday, ending a fortnight without service."),
                 ("Tickets cost 12 crowns for adults.", "Tickets cost 14 crowns for adults."),
                 ("The harbour board approved the new timetable late on Friday.",
                  "A revised schedule got the nod from port officials at the end of the week."),
                 ("Cyclists travel free of charge, the operator said.",
                  "Those bringing bicycles will not pay anything, according to the company.")]
    assert copy_changes(*_copy(write_ups)) == []
    # The same figure changed in a copy that keeps the wording is reported.
    copied = [(a, a) for a, _ in write_ups]
    copied[1] = write_ups[1]
    assert [c.kind for c in copy_changes(*_copy(copied))] == ["changed_number"]


def test_changes_reference_markers_are_page_furniture():
    # An encyclopedia page mirrored at another time numbers its footnotes otherwise.
    assert kinds("The ferry company was founded in 1851.[1][2]", "The ferry company was founded in 1851.[4][5]") == []
    assert kinds("It runs 12 boats.[3]", "It runs 14 boats.[6]") == ["changed_number"]


def test_copy_changes_a_copy_cut_off_mid_sentence_lost_nothing():
    from newsprobe.corpus.changes import copy_changes
    pairs = [SHARED, ("The ferry to Lindholm resumes on Monday.", "The ferry to Lindholm resumes on Monday."),
             ("According to the board, it was the first paper to report the visit of Queen Astrid",
              "According to the board, it was the first paper to report the visit of")]
    # Two excerpts cut at different lengths: the shorter one's last sentence stops short.
    assert copy_changes(*_copy(pairs)) == []
    assert copy_changes(*_copy([(b, a) for a, b in pairs])) == []
    # A sentence that ends with its full stop lost what it lacks.
    pairs[2] = ("The line carried guests, the harbour board said.", "The line carried guests.")
    assert [c.kind for c in copy_changes(*_copy(pairs))] == ["dropped_attribution"]


def test_changes_figures_written_in_another_locale_are_the_same():
    assert kinds("The car cost 1,100,000 euros.", "The car cost 1.100.000 euros.") == []
    assert kinds("The boat cost 3.2 million euros.", "The boat cost 3,2 million euros.") == []
    assert kinds("The boat cost 3.2 million euros.", "The boat cost 3 million euros.") == ["changed_number"]


def test_changes_photo_credits_and_page_chrome_are_furniture():
    assert kinds("Alex Morgan/Getty Images", "Alex Morgan/AFP Photo") == []
    assert kinds("Photo by Alex Morgan/Reuters", "Photo by Sam Lee/Reuters") == []
    assert kinds("Copyright 2023 Harbour Daily. All rights reserved.", "Copyright 2024 Port Times. All rights reserved.") == []


def test_changes_a_last_sentence_without_a_full_stop_keeps_its_last_word():
    # A headline-like line ending the text: no cut to account for, its last word counts.
    assert kinds("The truce was brokered by Morvania", "The truce was brokered by Talvia") == ["swapped_entity"]
    # An excerpt cut inside a word ("Morv") lost nothing.
    assert kinds("The truce was brokered by Morvania in May.", "The truce was brokered by Morv") == []


def test_changes_a_superlative_put_in_makes_the_claim_stronger():
    found = changes("The agency is one of the largest news agencies in the world.",
                    "The agency is one of the largest and most trusted news agencies in the world.")
    assert [(c.kind, c.target.text) for c in found] == [("dropped_hedge", "most")]
    assert "stronger" in found[0].message
    # Reworded in place, "most" is wording ("the majority of" / "most").
    assert kinds("The majority of the ferries sail on Monday.", "Most ferries sail on Monday.") == []


def test_copy_changes_a_figure_changed_in_a_sentence_left_unaligned():
    from newsprobe.corpus.changes import copy_changes
    pairs = [("The ferry to Lindholm resumes on Monday.", "The ferry to Lindholm resumes on Monday."),
             ("The harbour board approved the timetable.", "The harbour board approved the timetable.")]
    aligned, source, target = _copy(pairs)
    # Each version tells the price in a sentence of its own wording, which the alignment
    # leaves out; the figure with its unit differs.
    source.text += " Viral posts claim the new boat cost 4.5 million euros."
    target.text += " An account announced that the boat was bought for 4 million euros."
    (change,) = copy_changes(aligned, source, target)
    assert (change.kind, change.source.text, change.target.text) == ("changed_number", "4.5", "4")
    assert change.sentences[0].text.startswith("Viral posts") and change.sentences[1].text.startswith("An account")
    # The same figure given in both, or figures of different things, are no change.
    target.text = target.text.replace("4 million euros", "4.5 million euros")
    assert copy_changes(aligned, source, target) == []
    target.text = target.text.replace("4.5 million euros", "12 passengers")
    assert copy_changes(aligned, source, target) == []


def test_copy_changes_a_figure_changed_where_the_copy_also_repeats_the_original_figure():
    from newsprobe.corpus.changes import copy_changes
    pairs = [("The ferry to Lindholm resumes on Monday.", "The ferry to Lindholm resumes on Monday."),
             ("The harbour board approved the timetable.", "The harbour board approved the timetable.")]
    aligned, source, target = _copy(pairs)
    # The copy quotes the claim's figure in its headline, then tells the purchase with a
    # figure of its own in a sentence the alignment leaves out.
    source.text += " Viral posts claim that the mayor of Lindholm bought a new yacht for 4.5 million euros."
    target.text = ("Did the mayor really buy a yacht for 4.5 million euros? " + target.text +
                   " An account announced that the mayor of Lindholm bought the yacht for 4 million euros.")
    (change,) = copy_changes(aligned, source, target)
    assert (change.kind, change.source.text, change.target.text) == ("changed_number", "4.5", "4")
    assert change.sentences[1].text.startswith("An account")
    # A second figure of its own in a sentence about something else is no change.
    target.text = target.text.replace("An account announced that the mayor of Lindholm bought the yacht for",
                                      "The old ferry was sold last year for")
    assert copy_changes(aligned, source, target) == []


def test_copy_changes_a_figure_written_with_scale_words_is_the_same_figure():
    from newsprobe.corpus.changes import copy_changes
    aligned, source, target = _copy([("The ferry to Lindholm resumes on Monday.",
                                      "The ferry to Lindholm resumes on Monday.")])
    source.text += " The invoice says 4 mln 462 thousand 400 euros for the boat."
    target.text += " An invoice of 4 462 400 euros was shown for the boat."
    assert copy_changes(aligned, source, target) == []


def test_copy_changes_none_when_the_aligned_sentences_disagree_on_most_figures():
    from newsprobe.corpus.changes import copy_changes
    # Two reports of two floods, a year apart, told with the same template: the aligned
    # sentences differ in their figures, one after the other. Not a copy of one text.
    floods = [("The river rose 3 metres on Monday, flooding 120 homes.",
               "The river rose 2 metres on Monday, flooding 45 homes."),
              ("About 400 people were moved to the school, officials said.",
               "About 90 people were moved to the school, officials said."),
              ("Roads reopened after 36 hours.", "Roads reopened after 12 hours."),
              ("The mayor thanked the volunteers.", "The mayor thanked the volunteers.")]
    assert copy_changes(*_copy(floods)) == []
    assert copy_changes(*_copy(floods), translated=True) == []
    # One figure changed in a copy that keeps the others is reported.
    kept = [(a, a) for a, _ in floods]
    kept[2] = floods[2]
    assert [c.kind for c in copy_changes(*_copy(kept))] == ["changed_number"]


def test_changes_an_excerpt_ending_in_an_ellipsis_was_cut_there():
    # A teaser page ends its excerpt mid-word with "...": nothing after it was dropped.
    assert kinds("“Stay off the roads,” police said.", "“Stay off the roads,” police s...") == []
    assert kinds("“Stay off the roads,” police said.", "“Stay off the roads,” police s…") == []


def test_changes_attribution_verb_reworded_for_the_same_source_is_not_a_change():
    # The source is in both versions; only the verb left the reporting-verb lexicon.
    assert kinds("Mayor Okafor recommended councillors in Brenmouth to keep the ferry subsidy.",
                 "Mayor Okafor urged councillors in Brenmouth to keep the ferry subsidy.") == []
    assert kinds("The head of the union, Mara Lind, voiced her hope that talks would resume.",
                 "Mara Lind, head of the union, said she hoped that talks would resume.") == []
    # A source that one version names and the other does not is still a change.
    assert kinds("The rowers will train for up to five hours a day.",
                 "According to local radio, the rowers will train for up to five hours a day.") == ["added_attribution"]


def test_changes_hedge_inside_a_clause_the_other_version_lacks_is_not_a_hedge_change():
    a = "The sale could not have taken place, since the boat that the alleged broker described in his post was first launched in May."
    b = "The sale could not have taken place, since the boat was first launched in May."
    assert kinds(a, b) == []
    # A hedge taken out of a sentence both keep still counts, and so does one taken out of
    # a clause the copy moved to the other end of the sentence.
    assert kinds("The blog appears to be packed with made-up stories.",
                 "The blog is packed with made-up stories.") == ["dropped_hedge"]
    assert kinds("Because the river may rise again this week, the council closed the old bridge on Monday.",
                 "The council closed the old bridge on Monday, because the river will rise again this week.") \
        == ["dropped_hedge"]


def test_translated_changes_bound_put_on_a_figure():
    a = "Se espera que participen 16 remeros de varios países."
    b = "Organisers expect at least 16 rowers from several countries to take part."
    (change,) = translated(a, "es", b, "en")
    assert change.kind == "changed_number" and change.source.text == "16" and change.target.text == "at least 16"
    assert translated(a, "es", "Organisers expect 16 rowers from several countries to take part.", "en") == []


def test_copy_changes_a_word_of_the_station_address_is_not_a_misspelt_name():
    from newsprobe.corpus.changes import copy_changes, is_furniture
    pairs = [("Evacuations are under way in part of Harlow County in the east of the state.",
              "Evacuations are under way in part of Harlow County in the east of the state."),
             ("Roads near the creek were closed on Wednesday.", "Roads near the creek were closed on Wednesday.")]
    aligned, source, target = _copy(pairs)
    # The station's page ends with its contact block, one line each.
    target.text += "\n2210 Country Mill Drive\n(555) 301-4477"
    assert copy_changes(aligned, source, target) == []
    assert is_furniture("2210 Country Mill Drive") and is_furniture("(555) 301-4477")
    assert not is_furniture("About 300 homes near the river were evacuated overnight.")


def test_changes_a_sentence_opening_with_a_chrome_word_is_not_furniture():
    # "Shares", "Published", "Updated", "Subscribers" open sentences of news; only the
    # page's own chrome ("Share this", "Published: ...", "Updated on ...") is furniture.
    assert kinds("Shares in Norlake fell after the firm reportedly lost its largest customer.",
                 "Shares in Norlake fell after the firm lost its largest customer.") == ["dropped_hedge"]
    assert kinds("Published figures show 300 homes were flooded.",
                 "Published figures show 3,000 homes were flooded.") == ["changed_number"]
    assert kinds("Updated guidance says schools will reopen on Tuesday.",
                 "Updated guidance says schools will not reopen on Tuesday.") == ["negation_flip"]
    assert kinds("Subscribers to the service may lose access in May.",
                 "Subscribers to the service will lose access in May.") == ["dropped_hedge"]
    assert kinds("Published: 2 September 2024, 10:15", "Published: 30 August 2024, 09:05") == []
    assert kinds("Updated on 3 March", "Updated on 4 March") == []
    assert kinds("Share this article", "Share this story") == []
    assert kinds("Posted on 2 September by Mira Holt", "Posted on 30 August by Jan Tove") == []


def test_copy_changes_none_on_a_translation_of_a_small_part_of_the_texts():
    # Two reports of one event in two languages that render each other in two of their
    # sentences: not a translation of one text, and their hedges and sources differ as
    # two outlets' do. A translation of most of the text is compared.
    from newsprobe.corpus.align import AlignedPair, sentence_spans
    from newsprobe.corpus.changes import copy_changes
    from newsprobe.model import Analysis

    shared_de = ["Das Hochwasser erreichte Orsa am Sonntag.", "Angeblich wurden 300 Häuser geräumt."]
    shared_en = ["The flood reached Orsa on Sunday.", "300 homes were evacuated."]
    own_de = ["Der Bürgermeister sprach von einer Katastrophe.", "Die Schulen bleiben bis Mittwoch zu.",
              "Die Bahnstrecke nach Norden ist gesperrt.", "Bauern im Tal melden große Schäden.",
              "Die Feuerwehr hat zwei Notunterkünfte geöffnet."]
    own_en = ["Insurers expect claims to rise over the coming weeks.", "The old station lost part of its roof.",
              "Volunteers filled sandbags through the night.", "A concert planned for Friday was called off.",
              "Rain is expected again on Tuesday."]

    def run(de_sentences, en_sentences, n_shared):
        de, en = " ".join(de_sentences), " ".join(en_sentences)
        pairs = [AlignedPair(s, t, 0.8) for s, t in
                 list(zip(sentence_spans(de), sentence_spans(en)))[:n_shared]]
        return [c.kind for c in copy_changes(pairs, Analysis(id="de", text=de, language="de"),
                                             Analysis(id="en", text=en, language="en"), translated=True)]

    assert run(shared_de + own_de, shared_en + own_en, 2) == []
    assert run(shared_de + own_de[:1], shared_en + own_en[:1], 2) == ["dropped_hedge"]


def test_changes_figures_compared_by_value_with_scales_and_words():
    # The same figure written otherwise is no change: in words, with a scale word or suffix.
    crowd = "About 10,000 people joined the march in Velmora on Sunday."
    for same in ("About ten thousand people joined the march in Velmora on Sunday.",
                 "About 10k people joined the march in Velmora on Sunday."):
        assert kinds(crowd, same) == []
    assert kinds("The port deal is worth 1.5 million euros.", "The port deal is worth 1,500,000 euros.") == []
    assert kinds("Three dockers were hurt in the blast.", "3 dockers were hurt in the blast.") == []
    # A different value is a change, shown with its scale.
    (change,) = changes(crowd, "About 12k people joined the march in Velmora on Sunday.")
    assert change.kind == "changed_number" and change.message == "10,000 became 12k"
    (change,) = changes("The port deal is worth 1.5 million euros.", "The port deal is worth 2 million euros.")
    assert (change.source.text, change.target.text) == ("1.5 million", "2 million")
    assert kinds("Twelve ferries were held in port.", "Twenty ferries were held in port.") == ["changed_number"]
    # A figure spelt in parts with scale words is compared part by part.
    assert kinds("The invoice came to 3 mln 215 tys. 700 euro.", "The invoice came to 3 215 700 euro.") == []
    assert kinds("The port deal is worth 2.5m euros.", "The port deal is worth 2.5 million euros.") == []
    # A unit letter after a space is metres, not millions.
    assert kinds("The wave reached 3 m at the pier.", "The wave reached 3 metres at the pier.") == []


def test_changes_attribution_source_replaced():
    # The claim is credited to another kind of source: a council's word became the press's.
    (change,) = changes("The Velmora bridge was closed on Monday, according to the city council.",
                        "The Velmora bridge was closed on Monday, according to local media.")
    assert change.kind == "dropped_attribution"
    assert (change.source.text, change.target.text) == ("city council", "local media")
    assert "became" in change.message
    # A named source made anonymous.
    (change,) = changes("The ferry was seized at dawn, Harbour Police said.",
                        "The ferry was seized at dawn, sources said.")
    assert change.kind == "dropped_attribution" and change.source.text == "Harbour Police"
    # The other way, an unnamed source given a name: the claim gains its source.
    (change,) = changes("The ferry was seized at dawn, sources said.",
                        "The ferry was seized at dawn, Harbour Police said.")
    assert change.kind == "added_attribution" and change.target.text == "Harbour Police"
    assert "became" in change.message
    # Words of one kind (a spinner's synonyms) and the verb alone are no change.
    assert kinds("The ferry was seized at dawn, officials said.",
                 "The ferry was seized at dawn, authorities stated.") == []
    assert kinds("The ferry was seized at dawn, the agency said.",
                 "The ferry was seized at dawn, the broadcaster said.") == []


def test_copy_changes_need_two_sentences_that_are_versions_of_each_other():
    from newsprobe.corpus.changes import copy_changes
    # Two outlets' reports of one event share one sentence (a wire line) and tell the rest
    # in their own words: not a copy by the rule a reader uses (two sentences with surface
    # overlap), so the one close sentence's differences are no changes.
    wire = ("The Lindholm ferry will resume sailing on Monday, the harbour board said.",
            "The Lindholm ferry will resume sailing on Monday, local media said.")
    own = ("Tickets for the crossing will cost about 12 crowns this season.",
           "Passengers are being asked to book their places well ahead of time.")
    furniture = ("Follow us for more.", "Follow us for more.")
    assert copy_changes(*_copy([wire, own, furniture])) == []
    # With a second sentence in common it is a copy, and its changes are reported.
    second = ("Cyclists will travel free of charge on every crossing.",
              "Cyclists will travel free of charge on every crossing.")
    found = copy_changes(*_copy([wire, second, own]))
    assert [c.kind for c in found] == ["dropped_attribution"]
    # Bare quotations shared are not a copy of the text (two outlets quote one statement).
    quoted = ("“We are ready to sail again from Monday,” the captain said.",
              "“We are ready to sail again from Monday,” the captain said.")
    requoted = ("“The crossing is safe and the crew is rested,” she added.",
                "“The crossing is safe and the whole crew is rested,” she added.")
    assert copy_changes(*_copy([quoted, requoted, own])) == []
    assert copy_changes(*_copy([wire, quoted, own])) != []


def test_changes_bound_on_a_figure_dropped_or_added_in_one_language():
    # "at least one" is a floor; the copy's "one" is a count: the claim is firmer.
    (change,) = changes("The blast in Velmora killed at least one person early on Monday, a fire official said.",
                        "The blast in Velmora killed one person early on Monday, a fire official said.")
    assert change.kind == "changed_number"
    assert (change.source.text, change.target.text) == ("at least one", "one")
    assert "bound dropped" in change.message
    assert kinds("Up to 40 ferries were held in port.", "40 ferries were held in port.") == ["changed_number"]
    # The same bound in other words, or on a year, is no change.
    assert kinds("More than 300 homes were cleared in 2023.", "More than 300 houses were cleared in 2023.") == []


def test_changes_a_date_stamp_glued_to_the_first_sentence_is_cut_off_not_the_sentence():
    # Scraped pages open with " date 2023-06-04 " before the lead: the stamp is furniture,
    # the sentence after it is news.
    assert kinds("date 2024-03-02 The Velmora ferry may close on Monday.", "The Velmora ferry will close on Monday.") == \
        ["dropped_hedge"]
    assert kinds("date 2024-03-02 The Velmora ferry closes on Monday.", "The Velmora ferry closes on Monday.") == []


def test_changes_attribution_source_replaced_where_the_attribution_moved():
    # The copy moves the attribution to the front and credits the press, not the police.
    (change,) = changes("The ferry was seized at dawn near Velmora, according to the harbour police.",
                        "According to local media, the ferry was seized at dawn near Velmora.")
    assert change.kind == "dropped_attribution"
    assert (change.source.text, change.target.text) == ("harbour police", "local media")
    # Moved with the same source, or one of its kind, is no change.
    assert kinds("The ferry was seized at dawn near Velmora, according to the harbour police.",
                 "According to the harbour police, the ferry was seized at dawn near Velmora.") == []
    assert kinds("The ferry was seized at dawn near Velmora, officials said.",
                 "Authorities said the ferry was seized at dawn near Velmora.") == []


def test_copy_changes_a_sentence_merged_from_two_compares_the_rest_with_the_second():
    from newsprobe.corpus.align import AlignedPair, sentence_spans
    from newsprobe.corpus.changes import copy_changes
    from newsprobe.model import Analysis
    source = ("The ferry to Lindholm resumes on Monday after the winter break. "
              "Passengers on the first crossing will get a free breakfast served on deck. "
              "The harbour board chose the new timetable in March. "
              "The spring season will begin on 4 April and run for nine weeks.")
    # The copy joins the second and the fourth sentence into one and puts a hedge in
    # the part taken from the fourth.
    target = ("The ferry to Lindholm resumes on Monday after the winter break. "
              "Passengers on the first crossing will get a free breakfast served on deck in a season "
              "which will supposedly run for nine weeks. "
              "The harbour board chose the new timetable in March.")
    spans_a, spans_b = sentence_spans(source), sentence_spans(target)
    # The embeddings align the merged sentence with the second one only.
    aligned = [AlignedPair(spans_a[0], spans_b[0], 1.0), AlignedPair(spans_a[1], spans_b[1], 0.85),
               AlignedPair(spans_a[2], spans_b[2], 1.0)]
    found = copy_changes(aligned, Analysis(id="s", text=source, language="en"),
                         Analysis(id="t", text=target, language="en"))
    assert [(c.kind, c.target.text) for c in found] == [("added_hedge", "supposedly")]
    # Shown with the sentence it came from and the whole merged sentence.
    assert found[0].sentences == (spans_a[3], spans_b[1])
    assert target[found[0].target.start:found[0].target.end] == "supposedly"


def test_copy_changes_a_clause_the_copy_added_is_not_paired_with_a_sentence_nearby():
    from newsprobe.corpus.align import AlignedPair, sentence_spans
    from newsprobe.corpus.changes import copy_changes
    from newsprobe.model import Analysis
    source = ("The ferry to Lindholm resumes on Monday after the winter break. "
              "Passengers on the first crossing will get a free breakfast served on deck. "
              "The harbour board chose the new timetable in March. "
              "The board may raise fares for the summer, its chairman said.")
    # The copy adds a clause of its own that shares a few common words with the fourth.
    target = ("The ferry to Lindholm resumes on Monday after the winter break. "
              "Passengers on the first crossing will get a free breakfast served on deck, which the "
              "cooks of the ferry company will prepare for the summer. "
              "The harbour board chose the new timetable in March.")
    spans_a, spans_b = sentence_spans(source), sentence_spans(target)
    aligned = [AlignedPair(spans_a[0], spans_b[0], 1.0), AlignedPair(spans_a[1], spans_b[1], 0.85),
               AlignedPair(spans_a[2], spans_b[2], 1.0)]
    assert copy_changes(aligned, Analysis(id="s", text=source, language="en"),
                        Analysis(id="t", text=target, language="en")) == []


def test_copy_changes_a_merged_sentence_is_compared_in_two_parts():
    from newsprobe.corpus.align import AlignedPair, sentence_spans
    from newsprobe.corpus.changes import copy_changes
    from newsprobe.model import Analysis
    source = ("The ferry to Lindholm resumes on Monday after the winter break. "
              "About 40 cabins on the old pier were closed for the storm, the coast guard said. "
              "The harbour board chose the new timetable in March. "
              "The north pier may close for repairs later this month.")
    # The copy joins the second and the fourth sentence and makes "may close" "will close".
    target = ("The ferry to Lindholm resumes on Monday after the winter break. "
              "About 40 cabins on the old pier were closed for the storm, the coast guard said, and the "
              "north pier will close for repairs later this month. "
              "The harbour board chose the new timetable in March.")
    spans_a, spans_b = sentence_spans(source), sentence_spans(target)
    # The embeddings align the merged sentence with the fourth: the coast guard's words,
    # compared with it, would read as an attribution the copy put in.
    aligned = [AlignedPair(spans_a[0], spans_b[0], 1.0), AlignedPair(spans_a[3], spans_b[1], 0.8),
               AlignedPair(spans_a[2], spans_b[2], 1.0)]
    found = copy_changes(aligned, Analysis(id="s", text=source, language="en"),
                         Analysis(id="t", text=target, language="en"))
    assert [c.kind for c in found] == ["dropped_hedge"]
    assert found[0].sentences == (spans_a[3], spans_b[1])


def test_changes_a_ceiling_in_other_words_is_no_bound_dropped():
    # "up to" and "as much as" both cap the figure: a spinner's synonyms, no change (the
    # demo's grain-deal copy had it reported as a bound dropped).
    assert kinds("The deal allows up to 1.2 million tonnes of wheat to pass each month.",
                 "The accord permits as much as 1.2 million tonnes of wheat to transit every month.") == []


def test_changes_possibility_modal_for_another_is_not_a_hedge():
    a = "That is why readers can sometimes see our photos in the Valport Times."
    b = "That is why readers might sometimes see our photos in the Valport Times."
    assert kinds(a, b) == []
    assert kinds("The council can close the bridge.", "The council will close the bridge.") == ["dropped_hedge"]


def test_changes_quotation_marks_moved_over_unchanged_words_is_not_an_altered_quote():
    a = 'The mayor said the repairs will take place "in the coming months."'
    b = 'The mayor said the repairs will take place within the "coming months."'
    assert kinds(a, b) == []


def test_changes_apostrophe_dropped_from_a_possessive_is_not_a_misspelt_name():
    a = "Readers misunderstand the Valport Heralds ties with the wire agency."
    b = "Readers misunderstand the Valport Herald's ties with the wire agency."
    assert kinds(a, b) == []


def test_changes_german_noun_inflected_is_not_a_swapped_name():
    # German capitalises every noun: an inflected or derived form is not another name.
    a = "Der Chef schrieb am Freitag an die Mitarbeiter, die Werft müsse sparen."
    b = "Der Chef schrieb am Freitag an die Mitarbeitenden, die Werft müsse sparen."
    found = copy_kinds_in("de", a, b)
    assert "swapped_entity" not in found
    assert "swapped_entity" in copy_kinds_in("de", a, a.replace("Chef", "Kapitän").replace("Werft", "Reederei"))


def test_changes_wire_dateline_is_page_furniture():
    # The agency's dateline opens the wire text; a copy drops it and starts otherwise.
    # Analysed, so that the agency is an entity mention (a name even first in its sentence).
    from newsprobe.analyze import analyze

    def analysed_kinds(a: str, b: str) -> list[str]:
        va = SentenceView(Span.of(a, 0, len(a)), a, analyze(a))
        vb = SentenceView(Span.of(b, 0, len(b)), b, analyze(b))
        return [c.kind for c in sentence_changes(va, vb)]

    a = "(Reuters) - A man believed to have set fire to a warehouse in Valport was arrested, police said."
    b = "In the United States, a man believed to have set fire to a warehouse in Valport was arrested, police said."
    assert analysed_kinds(a, b) == []
    a = "MORVIK (dpa-AFX) - The harbour board may raise fares by 5 percent, Bloomberg reported."
    b = "The harbour board may raise fares by 5 percent, the Morvik Post reported."
    assert kinds(a, b) == ["swapped_entity"]  # Bloomberg / Post: the dateline is not a source
    a = "VALPORT - Investigators on Sunday searched the flat of the Estmark suspect."
    b = "Investigators on Sunday searched the flat of the Morvania suspect."
    assert [(c.source.text, c.target.text) for c in changes(a, b)] == [("Estmark", "Morvania")]


def test_changes_state_the_noun_is_not_a_reporting_verb():
    # "United States", "across the state": nouns; the attribution is "the minister said".
    assert kinds("The board raised fares across the state on Monday, the minister said.",
                 "The board raised fares across the state on Monday.") == ["dropped_attribution"]
    assert kinds("A man believed to have set the fire was arrested on Saturday, one day later, police said.",
                 "In the United States, a man believed to have set the fire was arrested.") == ["dropped_attribution"]
    assert kinds("The mayor stated that the bridge will close.", "The bridge will close.") == ["dropped_attribution"]


def test_changes_tweeted_is_a_reporting_verb():
    assert kinds("Police officials said on Twitter that the harbour bridge would reopen on Monday.",
                 "The police officials tweeted that the harbour bridge would reopen on Monday.") == []


def test_changes_named_source_made_vague_over_a_long_title():
    a = "Harbour Police spokesman Tom Berg said the suspect was taken into custody on Friday."
    b = "Authorities said the suspect was taken into custody on Friday."
    (change,) = changes(a, b)
    assert change.kind == "dropped_attribution" and "attribution changed" in change.message
    assert change.source.text == "Harbour Police spokesman Tom Berg" and change.target.text == "Authorities"
    # The same source named shorter is no change; nor is a title reworded around the name.
    assert kinds(a, "Police spokesman Berg said the suspect was taken into custody on Friday.") == []
    assert kinds(a, "Tom Berg, a police spokesman, said the suspect was taken into custody on Friday.") == []


def test_changes_negation_reworded_as_a_word_of_absence_is_no_flip():
    a = "The tax number doesn't appear on the receipt, and the shop would never have issued it."
    b = "The tax number is missing from the receipt, and the shop would never have issued it."
    assert kinds(a, b) == []
    assert kinds("The tax number appears on the receipt.", "The tax number doesn't appear on the receipt.") \
        == ["negation_flip"]


def test_changes_short_initials_written_as_a_word_are_the_name():
    a = "While an intern at a jeweller in New York, she saw the minister visit the store."
    b = "While an intern at a jeweller in Nyc, she saw the minister visit the store."
    assert kinds(a, b) == []


def test_changes_month_abbreviated_is_the_same_date():
    assert kinds("The strike began Sept. 13 after the vote.", "The strike began September 13 after the vote.") == []
    assert kinds("The strike began Sept. 13 after the vote.", "The strike began October 13 after the vote.") \
        == ["changed_date"]


def test_changes_could_not_is_inability_not_a_hedge():
    assert kinds("Officials couldn't confirm the figure.", "Officials could not confirm the figure.") == []
    assert kinds("The mayor said she was unable to comment.", "The mayor said she could not comment.") == []
    assert kinds("The figure is confirmed.", "The figure could be confirmed.") == ["added_hedge"]


def test_changes_quantifier_made_universal_or_partial_in_place():
    (change,) = changes("Some residents of the valley were evacuated.", "All residents of the valley were evacuated.")
    assert change.kind == "dropped_hedge" and (change.source.text, change.target.text) == ("Some", "All")
    assert "stronger" in change.message
    assert kinds("Every school in the valley closed.", "Several schools in the valley closed.") == ["added_hedge"]
    # One partial word for another, or a universal one added elsewhere, is no such change.
    assert kinds("Many residents were evacuated.", "Numerous residents were evacuated.") == []
    assert kinds("Some residents were evacuated.", "Some residents were evacuated, all of them by boat.") == []


def test_changes_a_may_that_addresses_the_reader_is_not_a_hedge():
    # "you may" speaks to the reader ("you may have seen"); it hedges no claim. A spinner
    # that renders "and" as "and you may" leaves it in front of nouns.
    a = "President Orlov and first lady Vera Orlova visited Talvia and Morvania on a joint trip."
    b = "President Orlov and you may first woman Vera Orlova went to Talvia and you may Morvania toward a joint trip."
    assert "dropped_hedge" not in kinds(b, a) and "added_hedge" not in kinds(a, b)
    # A hedge on the claim itself still counts.
    assert kinds("The minister may resign on Friday.", "The minister will resign on Friday.") == ["dropped_hedge"]


def test_changes_a_day_given_relative_to_the_page_or_by_the_calendar_is_no_change():
    # A copy republished later dates what its source called "today": one day, two ways.
    assert kinds("The ferry notice was posted today, the harbour office said.",
                 "The ferry notice was posted on April 15, 2021, the harbour office said.") == []
    assert kinds("The ferry notice was posted on Saturday, the harbour office said.",
                 "The ferry notice was posted on March 18, the harbour office said.") == []
    # Like with like is still compared.
    assert kinds("The ferry notice was posted on Monday, the harbour office said.",
                 "The ferry notice was posted on Tuesday, the harbour office said.") == ["changed_date"]
    assert kinds("The ferry notice was posted on April 14, the harbour office said.",
                 "The ferry notice was posted on April 15, the harbour office said.") == ["changed_date"]


def test_changes_purported_is_a_hedge():
    (change,) = changes("The harbour office said the fake notice claimed the ferry would stop.",
                        "The harbour office said the purported fake notice claimed the ferry would stop.")
    assert change.kind == "added_hedge" and change.target.text == "purported"


def test_copy_changes_a_quotation_over_several_sentences_is_quoted_in_each():
    from newsprobe.corpus.changes import copy_changes
    # Two pages quote the harbour office's two-sentence notice, each around its own
    # writing: they share the notice, not each other's text. The quotation's second
    # sentence is quoted too, though its opening mark stands in the sentence before.
    notice = [("The office wrote: “The Lindholm ferry will stop sailing on Monday for repairs.",
               "“The Lindholm ferry will stop sailing on Tuesday for repairs."),
              ("Passengers should take the Karsby boat until the work is done.”",
               "Passengers should take the Karsby boat until the work is done,” the office wrote.")]
    own = [("Tickets for the crossing will cost about 12 crowns this season.",
            "Harbour staff expect long queues at the Karsby pier next week.")]
    assert copy_changes(*_copy(notice + own)) == []
    # Where the rest is shared too, it is a copy, and its changes are reported.
    assert "changed_date" in [c.kind for c in copy_changes(*_copy(notice + [SHARED]))]
    # A page quoting the other's own sentences (a fact check quoting a report) is a copy.
    quoted = [("The Lindholm ferry will stop sailing on Monday for repairs.",
               "“The Lindholm ferry will stop sailing on Tuesday for repairs."),
              ("Passengers should take the Karsby boat until the work is done.",
               "Passengers should take the Karsby boat until the work is done,” the gazette wrote.")]
    assert "changed_date" in [c.kind for c in copy_changes(*_copy(quoted + own))]


def test_copy_changes_between_an_embedded_post_and_a_retelling_of_it_are_none():
    from newsprobe.corpus.changes import copy_changes
    same = [("Engineers found deep cracks in the main pillar of the Orne bridge on Monday.",
             "Engineers found deep cracks in the main pillar of the Orne bridge on Monday."),
            ("Local shops near the bridge fear a quiet spring and fewer visitors.",
             "Local shops near the bridge fear a quiet spring and fewer visitors.")]
    post = ("\nThe bridge stays closed for 6 weeks. pic.twitter.com/Xq81Lm — Orne Roads Office (@OrneRoads) "
            "March 3, 2025\n", "The roads office said the bridge stays closed for 8 weeks.")
    aligned, source, target = _copy(same + [post])
    # The post's figure is the account's; the page that retells it differs from the post,
    # not from the page that embeds it.
    assert [c.kind for c in copy_changes(aligned, source, target)] == []
    plain = ("The bridge stays closed for 6 weeks, the roads office said.",
             "The roads office said the bridge stays closed for 8 weeks.")
    assert [c.kind for c in copy_changes(*_copy(same + [plain]))] == ["changed_number"]


def test_changes_attribution_credited_to_another_source_of_the_same_kind():
    # Two officials, two bodies, the police and the public: another source each time,
    # though the sources lexicon files both under one kind.
    for a, b, shown in (
            ("The mayor of Brenlow said the ferry pier will close in March.",
             "The governor of Brenlow said the ferry pier will close in March.", ("mayor", "governor")),
            ("The ministry said in a statement that the photograph was doctored.",
             "The army said in a statement that the photograph was doctored.", ("ministry", "army")),
            ("Police in Ostvik said the video was made with a computer program.",
             "Firefighters in Ostvik said the video was made with a computer program.", ("Police", "Firefighters")),
            ("According to the harbour police, the trawler sank before dawn.",
             "According to local residents, the trawler sank before dawn.", ("harbour police", "local residents"))):
        (change,) = changes(a, b)
        assert change.kind == "dropped_attribution", (a, b)
        assert (change.source.text, change.target.text) == shown
        assert "became" in change.message
    # The same source in a reporter's other words stays silent.
    for a, b in (("The ferry was seized at dawn, the company said.", "The ferry was seized at dawn, the firm said."),
                 ("The pier will close in March, ministry officials said.",
                  "The pier will close in March, a ministry spokesman said."),
                 ("The league said it would not back either candidate.",
                  "The group said it would not back either candidate."),
                 ("Ostvik's harbour commissioner said the pier was unsafe.",
                  "Ostvik's harbour watchdog said the pier was unsafe."),
                 # a source word before another noun qualifies it: not the source
                 ("The pier is unsafe, Brand told reporters at the harbour.",
                  "The pier is unsafe, Brand said at a news conference at the harbour.")):
        assert kinds(a, b) == [], (a, b)


def test_changes_a_word_put_for_its_opposite():
    (change,) = changes("The harbour board confirmed that the pier was closed.",
                        "The harbour board denied that the pier was closed.")
    assert change.kind == "negation_flip"
    assert (change.source.text, change.target.text) == ("confirmed", "denied")
    assert kinds("The photograph of the flooded pier is real, the board said.",
                 "The photograph of the flooded pier is fake, the board said.") == ["negation_flip"]
    # A synonym is no opposite.
    assert kinds("The harbour board confirmed that the pier was closed.",
                 "The harbour board verified that the pier was closed.") == []


def test_changes_two_parties_exchange_places():
    (change,) = changes("Brenlow accused Ostvik of closing the pier on Monday.",
                        "Ostvik accused Brenlow of closing the pier on Monday.")
    assert change.kind == "swapped_entity" and "exchanged places" in change.message
    # A list in another order, or one party named two ways, is no change.
    assert kinds("Brenlow and Ostvik signed the ferry deal on Monday.",
                 "Ostvik and Brenlow signed the ferry deal on Monday.") == []
    assert kinds("Tove Lind joined Brenlow's board of directors, the company said.",
                 "Tove Lind joined the company's board of directors, Brenlow said.") == []


def test_changes_attribution_credited_to_another_body_named_in_three_words_or_more():
    # One body of a kind for another, the name of three words or more differing in the
    # body's field: the change shows both whole names, once (no "Police became Fire" too).
    for a, b, shown in (
            ("The Dunmore Police Department said the bridge was closed after the collision.",
             "The Dunmore Fire Department said the bridge was closed after the collision.",
             ("Dunmore Police Department", "Dunmore Fire Department")),
            ("The city police department said the bridge was closed after the collision.",
             "The city fire department said the bridge was closed after the collision.",
             ("city police department", "city fire department")),
            ("The Ostvik Ministry of Health said the clinic would reopen next week.",
             "The Ostvik Ministry of Transport said the clinic would reopen next week.",
             ("Ostvik Ministry of Health", "Ostvik Ministry of Transport")),
            ("The photograph was edited, the Tarnby Regional Police Service said on Tuesday.",
             "The photograph was edited, the Tarnby Regional Health Service said on Tuesday.",
             ("Tarnby Regional Police Service", "Tarnby Regional Health Service")),
            ("A spokesman for the regional transport ministry said the line would reopen.",
             "A spokesman for the regional defence ministry said the line would reopen.",
             ("regional transport ministry", "regional defence ministry"))):
        (change,) = changes(a, b)
        assert change.kind == "dropped_attribution", (a, b)
        assert (change.source.text, change.target.text) == shown
        assert "attribution changed" in change.message
    # The same body in other words, or a field word outside the lists, is no change; a
    # place's name changed away from any reporting verb stays a swapped name.
    for a, b in (("The Dunmore Police Department said the bridge was closed.",
                  "The Dunmore police department said the bridge was closed."),
                 ("The Ostvik Ministry of Health said the clinic would reopen next week.",
                  "The Ostvik Health Ministry said the clinic would reopen next week."),
                 ("The regional transport ministry said the line would reopen.",
                  "The regional transportation ministry said the line would reopen."),
                 ("The Corvale Department of Education confirmed that the school will close.",
                  "The Corvale Education Department confirmed that the school will close."),
                 ("The state health department said on Monday that two cases were confirmed.",
                  "The state's health agency said on Monday that two cases were confirmed."),
                 ("The state health department said on Monday that two cases were confirmed.",
                  "Health officials in the state said on Monday that two cases were confirmed."),
                 ("The county wellness department said the water is safe to drink.",
                  "The county health department said the water is safe to drink.")):
        assert kinds(a, b) == [], (a, b)
    assert kinds("The Brenlow Harbour Authority said the ferry left the Northgate Pier Terminal on time.",
                 "The Brenlow Harbour Authority said the ferry left the Southgate Pier Terminal on time.") \
        == ["swapped_entity"]


def test_changes_a_word_put_for_a_stronger_or_weaker_one_of_its_scale():
    # A graded word replaced in place by one higher on its scale states the claim more
    # strongly (reported like a modal made firmer); lower, more weakly.
    for a, b, shown in (
            ("The storm damaged houses in Brenlow on Sunday.", "The storm destroyed houses in Brenlow on Sunday.",
             ("damaged", "destroyed")),
            ("The mayor of Ostvik was questioned by police on Friday.",
             "The mayor of Ostvik was arrested by police on Friday.", ("questioned", "arrested")),
            ("The harbour master was accused of taking bribes.", "The harbour master was convicted of taking bribes.",
             ("accused", "convicted")),
            ("The new filter reduces the risk of infection.", "The new filter eliminates the risk of infection.",
             ("reduces", "eliminates")),
            ("Shares in the ferry company dipped briefly on Monday.",
             "Shares in the ferry company crashed on Monday.", ("dipped", "crashed"))):
        (change,) = changes(a, b)
        assert change.kind == "dropped_hedge" and "stronger" in change.message, (a, b)
        assert (change.source.text, change.target.text) == shown
    (change,) = changes("Three sailors were killed in the collision.", "Three sailors were injured in the collision.")
    assert change.kind == "added_hedge" and "weaker" in change.message
    # Words of one level, a rewording of the verb, or a middle word of a scale are no change.
    for a, b in (("The mayor of Ostvik was arrested by police on Friday.",
                  "The mayor of Ostvik was detained by police on Friday."),
                 ("The storm damaged houses in Brenlow on Sunday.", "The storm harmed homes in Brenlow on Sunday."),
                 ("Shares in the ferry company dipped briefly on Monday.",
                  "Shares in the ferry company fell briefly on Monday."),
                 ("The mayor of Ostvik was questioned by police on Friday.", "Police questioned the mayor of Ostvik on Friday.")):
        assert kinds(a, b) == [], (a, b)


def test_changes_hearsay_in_the_passive_is_a_hedge():
    # "is said to", "was reported to" before an infinitive hedge the claim like "reportedly".
    (change,) = changes("The harbour master of Ostvik is said to have resigned on Friday.",
                        "The harbour master of Ostvik resigned on Friday.")
    assert change.kind == "dropped_hedge" and change.source.text == "said" and "'said to'" in change.message
    assert kinds("The Brenlow ferry was sinking near the pier.",
                 "The Brenlow ferry was also reported to be sinking near the pier.") == ["added_hedge"]
    # One hearsay hedge for another, or "reported to" someone, is no change.
    assert kinds("The harbour master of Ostvik is said to have resigned on Friday.",
                 "The harbour master of Ostvik is thought to have resigned on Friday.") == []
    assert kinds("The harbour master of Ostvik is said to have resigned on Friday.",
                 "The harbour master of Ostvik is believed to have resigned on Friday.") == []
    assert kinds("Two thefts at the Brenlow pier were reported to the police on Friday.",
                 "Two thefts at the Brenlow pier were reported on Friday.") == []


def test_changes_outlet_a_statement_was_told_to_dropped_or_added():
    (change,) = changes("The harbour board told the Ostvik Herald that the pier will close in March.",
                        "The harbour board said that the pier will close in March.")
    assert change.kind == "dropped_attribution" and change.source.text == "Ostvik Herald"
    (change,) = changes("The pier will close in March, the mayor said on Sunday.",
                        "The pier will close in March, the mayor told Brenlow Radio on Sunday.")
    assert change.kind == "added_attribution" and change.target.text == "Brenlow Radio"
    # Told to reporters, or a speaker named before the verb, is no outlet.
    assert kinds("The pier will close in March, the mayor told reporters on Sunday.",
                 "The pier will close in March, the mayor said on Sunday.") == []
    assert kinds("“The pier will close in March,” he said on Sunday.",
                 "“The pier will close in March,” Varden told a news conference on Sunday.") == []
