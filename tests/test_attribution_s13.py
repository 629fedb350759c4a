"""Session 13: speakers and chains in shapes seen on several real articles, each in
sentences of our own with invented names and outlets."""

from newsprobe import analyze
from newsprobe.model import Article


def quotes(text, outlet=None):
    found = analyze(Article(text=text, outlet=outlet) if outlet else text).quotes
    return [(q.cue.text if q.cue else None, q.speaker.name, [c.name for c in q.chain]) for q in found]


def speaker_of(found, cue):
    return next(name for c, name, _ in found if c and cue in c)


# --- "X, his aide said, Y" and "“…,” analyst Y wrote": the parser gives the verb two
# subjects; the one next to the verb speaks, the first opens the reported words.

def test_a_cue_between_commas_speaks_by_the_subject_next_to_it():
    text = ("Governor Marsk met the farmers on Monday. The Danish leader, his spokesman Ivo Brantley "
            "pointed out, did not start talking about subsidies, but was asked such a question.")
    found = quotes(text)
    assert "Brantley" in speaker_of(found, "pointed out"), found


def test_a_quotation_parsed_as_the_subject_of_the_cue_after_it_is_not_the_speaker():
    text = ("Shares of Velmora fell 9% on Tuesday.\n“Most investors that we spoke to expected a slight "
            "consensus miss and reiterated FY24 guidance, so today’s print is disappointing,” Caldwell "
            "analyst Pia Rondeau wrote in a note to clients.")
    found = quotes(text)
    assert "Rondeau" in speaker_of(found, "wrote"), found


# --- "the report" is the outlet whose report the text named before ---------------------

def test_the_report_quoting_a_source_is_the_outlet_whose_report_was_named():
    text = ("Velmora's government has dismissed a report by Harbor Daily News about the summit. "
            "Foreign Ministry spokesman Tomas Orrin made the comment on Monday.\n\n"
            "The report quoted an unnamed source as saying the ambassador asked for a new deal.")
    found = quotes(text)
    said = next(q for q in found if q[0] and "saying" in q[0])
    assert said[2] == ["Harbor Daily News"], found


def test_the_report_claiming_is_the_outlet_whose_report_was_named():
    text = ("Orvane Chemicals said today that there was no basis to a Valley Times report saying "
            "that it had settled the case.\nThe report claimed Orvane had agreed to pay $2 billion.")
    found = quotes(text)
    assert speaker_of(found, "claimed") == "Valley Times", found


# --- a party answering an outlet's published report does not relay it -------------------

def test_a_report_a_company_answers_is_not_relayed_by_the_company():
    text = ("Orvane Chemicals said today that there was no basis to a Valley Times report saying "
            "that it had settled the case.")
    found = quotes(text)
    report = next(q for q in found if q[1] == "Valley Times")
    assert report[2] == [], found


def test_a_report_an_office_disputes_is_not_relayed_by_the_office():
    text = ("The prosecutor's office disputed on Friday a Harbor Ledger report that alleged the mayor "
            "had told his aide to lie to investigators.")
    found = quotes(text)
    report = next(q for q in found if "Harbor Ledger" in q[1])
    assert report[2] == [], found


# --- tabloid relays: "X spoke to an insider who …", and "the source" after a source ------

def test_an_insider_an_outlet_spoke_to_is_relayed_by_the_outlet():
    text = ("Singer Mara Quell and her husband have split. The Daily Clarion spoke to another insider "
            "who confirmed the breakup.")
    found = quotes(text)
    said = next(q for q in found if q[0] and "confirmed" in q[0])
    assert said[2] == ["Daily Clarion"], found


def test_the_source_is_the_anonymous_source_named_before_and_keeps_its_relay():
    text = ("Singer Mara Quell and her husband have split. “They had not been close for months,” a "
            "friend of the couple told the Daily Clarion. The breakup came after a row in March, the "
            "source said.")
    found = quotes(text)
    said = next(q for q in found if q[0] == "said")
    assert said[1] == "friend of the couple" and said[2] == ["Daily Clarion"], found


def test_a_quotation_after_a_newly_reported_source_continues_that_source():
    text = ("Singer Mara Quell and her husband have split. The breakup came after a row in March, a "
            "friend of the couple said. “He moved some of his things out.” The Daily Clarion spoke to "
            "another insider who confirmed the breakup on Monday, weeks after the couple were last seen together at a gala. "
            "“Quell is planning to divorce him.”")
    found = analyze(text).quotes
    last = next(q for q in found if "divorce" in q.content[-1].text)
    assert last.speaker.name == "another insider", [(q.speaker.name, [c.text for c in q.content]) for q in found]


def test_citing_a_journalist_as_claiming_when_as_hangs_on_the_main_verb():
    text = ("The rumours have intensified over the past 24 hours with The Valley Times citing Danish "
            "journalist Ivo Kersting as claiming that Harbor City have now agreed terms with the striker.")
    found = quotes(text)
    claimed = next(q for q in found if q[0] and "claiming" in q[0])
    assert "Kersting" in claimed[1] and claimed[2] == ["Valley Times"], found
