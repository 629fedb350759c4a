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
    text = ("Councillor Petra Lindqvist rejected the notion that the quarrel with the harbour board should be "
            "forgotten, saying the board had never apologised.")
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
