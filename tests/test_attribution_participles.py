"""Participle cues after a report ("..., adding ...", "..., saying ...") and the clauses the
parser hangs them on (issue #14). Sentences are our own, names invented."""

from newsprobe import analyze


def quotes(text):
    return analyze(text).quotes


def content(q):
    return " | ".join(c.text for c in q.content)


def by_cue(found, cue):
    return [q for q in found if q.cue and q.cue.text.rstrip(":") == cue]


def test_adding_a_second_quotation_with_two_clauses_keeps_each_quotation_with_its_cue():
    # The second quotation is two clauses joined by a comma: the parser may take its
    # second clause for the sentence's main verb and hang "adding" on it.
    text = ('"Our crews worked through the night," the utility said, adding, '
            '"The storm did not beat us, we had the lines back by dawn."')
    found = quotes(text)
    said, adding = by_cue(found, "said"), by_cue(found, "adding")
    assert len(said) == 1 and len(adding) == 1, [q.to_dict() for q in found]
    assert content(said[0]) == '"Our crews worked through the night,"'
    assert content(adding[0]) == '"The storm did not beat us, we had the lines back by dawn."'
    assert adding[0].speaker.name == said[0].speaker.name


def test_adding_after_a_quotation_keeps_the_whole_second_quotation():
    text = ('"The ferry timetable failed the islanders," the harbour board said, adding, '
            '"The new boats did not arrive on time, the old ones broke down twice."')
    adding = by_cue(quotes(text), "adding")
    assert len(adding) == 1, [q.to_dict() for q in quotes(text)]
    assert content(adding[0]).startswith('"The new boats'), adding[0].to_dict()
    assert "board" in adding[0].speaker.name


def test_a_participle_after_a_rejected_notion_clause_is_the_rejecters():
    text = ("Councillor Petra Lindqvist rejected the notion that her feud with the harbour board should end "
            "quietly, saying the board had never apologised.")
    saying = by_cue(quotes(text), "saying")
    assert len(saying) == 1, [q.to_dict() for q in quotes(text)]
    assert "Lindqvist" in saying[0].speaker.name, saying[0].to_dict()


def test_a_participle_after_denied_claims_that_clause_is_the_deniers():
    text = ("The water board denied claims that the reservoir had been poisoned by careless contractors, "
            "stating that every sample taken in March was clean.")
    found = quotes(text)
    stating = by_cue(found, "stating")
    assert len(stating) == 1, [q.to_dict() for q in found]
    assert "board" in stating[0].speaker.name, stating[0].to_dict()
    # the participle is no part of the claims it answers
    assert all("every sample" not in content(q) for q in found if q is not stating[0]), [q.to_dict() for q in found]


def test_a_participle_on_a_noun_without_a_clause_still_names_the_document():
    # "a statement saying …": the statement (its issuer) speaks, unchanged.
    text = "The academy released a report saying that half of its pupils had passed."
    saying = by_cue(quotes(text), "saying")
    assert len(saying) == 1, [q.to_dict() for q in quotes(text)]
    assert "academy" in saying[0].speaker.name.lower() or "report" in saying[0].speaker.name.lower()


def test_a_second_that_clause_after_a_listed_clause_is_part_of_the_content():
    text = "The grocer Anselm Petit said that the harvest was late, several farmers were selling early and that prices would climb."
    said = by_cue(quotes(text), "said")
    assert len(said) == 1, [q.to_dict() for q in quotes(text)]
    assert content(said[0]).endswith("and that prices would climb"), said[0].to_dict()


def test_a_second_that_clause_after_a_quotation_is_part_of_the_content():
    text = "Breuer told the paper that “our bread is honest,” and that prices would stay as they are."
    told = by_cue(quotes(text), "told")
    assert len(told) == 1, [q.to_dict() for q in quotes(text)]
    assert content(told[0]).endswith("prices would stay as they are"), told[0].to_dict()


def test_a_that_clause_after_a_contrast_and_another_cue_is_not_the_first_speakers():
    text = "Tovar said that the pool was unsafe, but the engineer said the roof held and that the tiles were new."
    found = quotes(text)
    first = [q for q in found if "Tovar" in q.speaker.name]
    assert len(first) == 1, [q.to_dict() for q in found]
    assert "tiles" not in content(first[0]), first[0].to_dict()


def test_a_participle_opening_the_sentence_is_its_subjects_attribution():
    text = "Urging the council to act, Varga said the ground would stay open."
    found = quotes(text)
    urging = by_cue(found, "Urging")
    assert len(urging) == 1, [q.to_dict() for q in found]
    assert content(urging[0]) == "the council to act"
    assert urging[0].speaker.name == "Varga"
    said = by_cue(found, "said")
    assert len(said) == 1 and content(said[0]) == "the ground would stay open"


def test_a_participle_inside_the_sentence_or_naming_a_thing_is_left_alone():
    # a participle on a noun before the speaker: not the speaker's words
    text = "After a call with a supplier explaining that the flour was late, Breuer said the shop would open at noon."
    assert all(q.speaker.name != "Breuer" for q in by_cue(quotes(text), "explaining")), \
        [q.to_dict() for q in quotes(text)]
    # "Criticizing the plan, X argued …" names what was criticised, not a claim
    text = "Criticizing the harbour plan, the writer Aldo Brant argued in his weekly piece that the costs were hidden."
    assert not by_cue(quotes(text), "Criticizing"), [q.to_dict() for q in quotes(text)]
