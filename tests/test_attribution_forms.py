"""Attribution forms: how an attribution is written (an as-clause, a quote split by its
frame, a headline dash, a gerund, a forecast) and whether it is one at all. Sentences are
our own."""

from newsprobe import analyze


def quotes(text):
    return analyze(text).quotes


def content(q):
    return " | ".join(c.text for c in q.content)


def test_quote_split_by_its_frame_in_one_paragraph_is_one_attribution():
    text = "“The pumps are ready,” Mayor Lena Holt said. “Now we need people to listen.”"
    found = quotes(text)
    assert len(found) == 1, [q.to_dict() for q in found]
    assert [c.text for c in found[0].content] == ["“The pumps are ready,”", "“Now we need people to listen.”"]
    assert found[0].speaker.name == "Lena Holt"


def test_as_recommended_by_attributes_the_clause_it_hangs_on():
    text = "The judge said the sentence should be about 12 years, as recommended by the probation office."
    found = [q for q in quotes(text) if q.cue and q.cue.text == "as recommended by"]
    assert len(found) == 1, [q.to_dict() for q in quotes(text)]
    assert content(found[0]) == "the sentence should be about 12 years"
    assert found[0].source.text == "the probation office"
    # An as-clause of evidence or of a plan reports nobody's words.
    assert quotes("The vote went ahead as planned, as shown by the records of the council.") == []


def test_as_put_by_and_as_noted_name_their_speaker():
    found = quotes("As put by Foreign Minister Karl Vos, the country has a clear conscience.")
    assert [(q.cue.text, q.speaker.name, content(q)) for q in found] == \
        [("As put by", "Karl Vos", "the country has a clear conscience")]
    found = quotes("The plan, as Mayor Tove Brandt noted, will cost more than the council hoped.")
    assert [(q.speaker.name, content(q)) for q in found] == \
        [("Tove Brandt", "The plan | will cost more than the council hoped")]


def test_words_one_is_blamed_for_are_that_ones():
    found = quotes("The union criticised the company for saying the plant was safe.")
    said = [q for q in found if q.cue.text == "saying"]
    assert [q.speaker.name for q in said] == ["company"], [q.to_dict() for q in found]
    found = quotes("There was anger at officials for announcing a pause in the talks.")
    assert [(q.cue.text, q.source.text) for q in found] == [("announcing", "officials")]
    found = quotes("The minister was criticised by unions for saying the plant was safe.")
    assert [q.source.text for q in found if q.cue.text == "saying"] == ["The minister"]


def test_forecasts_nobody_voiced_are_no_attribution():
    assert quotes("The river is expected to keep rising for at least a day.") == []
    assert quotes("The signal has the shape that astronomers would expect to see from a probe.") == []


def test_according_to_closing_one_conjunct_leaves_the_next_to_the_writer():
    found = quotes("The rain should ease on Monday, according to the institute, but the river "
                   "is expected to keep rising.")
    assert [(q.cue.text, content(q)) for q in found] == [("according to", "The rain should ease on Monday")]
