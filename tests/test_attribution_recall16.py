"""Attribution recall (issue #14, session 16): general causes of missed attributions on the
tuning pools. Sentences and names are our own."""

from newsprobe import analyze


def quotes(text):
    return analyze(text).quotes


def by_cue(found, cue):
    hits = [q for q in found if q.cue is not None and q.cue.text == cue]
    assert len(hits) == 1, [q.to_dict() for q in found]
    return hits[0]


def content(q):
    return " ".join(c.text for c in q.content)


# --- a third party's report relayed inside a quotation --------------------------------

def test_report_inside_a_quotation_is_nested_in_it():
    found = quotes("“When deputies arrived, a neighbour told them the driver had fled on foot,” "
                   "the sheriff's office said.")
    outer, inner = by_cue(found, "said"), by_cue(found, "told")
    assert inner.speaker.name == "neighbour"
    assert content(inner) == "the driver had fled on foot"
    assert inner.parent == outer.id
    assert [link.name for link in inner.chain] == ["sheriff's office"]


def test_past_report_with_have_inside_a_quotation():
    found = quotes("“The coach has said he will stay until the summer,” the club spokesman told reporters.")
    inner = by_cue(found, "has said")
    assert inner.speaker.name == "coach" and content(inner) == "he will stay until the summer"


def test_speakers_own_report_inside_a_quotation_is_not_nested():
    found = quotes("“I told him we would not sign,” Dara Velk said.")
    assert [q.cue.text for q in found] == ["said"]


def test_present_belief_inside_a_quotation_is_not_a_report():
    found = quotes("“Mr Arlen believes the plan will fail,” his aide said.")
    assert [q.cue.text for q in found] == ["said"]


# --- a colon closing the cue's line, and a paragraph without quotation marks ---------

def test_paragraph_after_a_closing_colon_is_the_content():
    text = ("The Chronicle says the deal is close.\n\nThe report states:\n\n"
            "Officials from the club have held talks with their counterparts. Two bids have been turned down.\n\n"
            "Other outlets disagree.")
    q = by_cue(quotes(text), "states:")
    assert content(q) == ("Officials from the club have held talks with their counterparts. "
                          "Two bids have been turned down.")


def test_colon_after_a_phrase_on_the_cue_line():
    text = ("Penn said on Twitter:\n\nLorn has agreed terms with the club for a contract until 2027.\n\n"
            "The Sun also cites another report.")
    q = by_cue(quotes(text), "said")
    assert q.speaker.name == "Penn"
    assert content(q) == "Lorn has agreed terms with the club for a contract until 2027."


def test_quotation_after_a_closing_colon_is_still_paired_as_direct():
    q = by_cue(quotes("The mayor said:\n“We will rebuild.”"), "said:")
    assert q.type == "direct" and content(q) == "“We will rebuild.”"


# --- a speech-act noun with a "that" clause ------------------------------------------

def test_confirmation_that_is_an_attribution():
    found = quotes("Following the minister's confirmation this morning that the grants would be restored, "
                   "the opposition asked how many would qualify.")
    q = by_cue(found, "confirmation")
    assert q.speaker.name == "minister" and content(q) == "that the grants would be restored"


def test_fact_that_is_no_attribution():
    found = quotes("The fact that the grants were restored surprised the council.")
    assert found == []
