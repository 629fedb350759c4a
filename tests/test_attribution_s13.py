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

def _doc(words, heads, deps):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_a_cue_between_commas_speaks_by_the_subject_next_to_it():
    # "The governor, his aide said, did not go." as the small parser reads it on real copy:
    # "governor" and "aide" both subjects of "said".
    from newsprobe.layers.attribution import _subject_of
    words = ["The", "governor", ",", "his", "aide", "said", ",", "did", "not", "go", "."]
    heads = [1, 5, 5, 4, 5, 5, 5, 9, 9, 5, 5]
    deps = ["det", "nsubj", "punct", "poss", "nsubj", "ROOT", "punct", "aux", "neg", "ccomp", "punct"]
    doc = _doc(words, heads, deps)
    assert [t.text for t in _subject_of(doc[5])] == ["his", "aide"]


def test_a_quotation_parsed_as_the_subject_of_the_cue_after_it_is_not_the_speaker():
    from newsprobe.layers.attribution import _subject_of
    words = ["“", "Clients", "were", "upset", ",", "”", "analyst", "Pia", "Rondeau", "wrote", "."]
    heads = [9, 2, 9, 2, 9, 9, 8, 8, 9, 9, 9]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "compound", "compound", "nsubj", "ROOT", "punct"]
    doc = _doc(words, heads, deps)
    doc[1].head, doc[1].dep_ = doc[9], "nsubj"
    assert [t.text for t in _subject_of(doc[9])] == ["analyst", "Pia", "Rondeau"]


# --- "the report" is the outlet whose report the text named before ---------------------

def test_the_report_quoting_a_source_is_the_outlet_whose_report_was_named():
    text = ("Velmora's cabinet rejected a report by Harbor Daily News about last month's summit. "
            "Cabinet spokesman Tomas Orrin spoke at a briefing on Tuesday.\n\n"
            "The report quoted an unnamed source as saying the envoy wanted a new trade pact.")
    found = quotes(text)
    said = next(q for q in found if q[0] and "saying" in q[0])
    assert said[2] == ["Harbor Daily News"], found


def test_the_report_claiming_is_the_outlet_whose_report_was_named():
    text = ("Orvane Chemicals said on Tuesday that nothing supported a Valley Times report saying "
            "that it would close its plant.\nThe report claimed Orvane had told staff of the closure.")
    found = quotes(text)
    assert speaker_of(found, "claimed") == "Valley Times", found


# --- a party answering an outlet's published report does not relay it -------------------

def test_a_report_a_company_answers_is_not_relayed_by_the_company():
    text = ("Orvane Chemicals said on Tuesday that nothing supported a Valley Times report saying "
            "that it would close its plant.")
    found = quotes(text)
    report = next(q for q in found if q[1] == "Valley Times")
    assert report[2] == [], found


def test_a_report_an_office_disputes_is_not_relayed_by_the_office():
    text = ("The prosecutor's office disputed on Monday a Harbor Ledger report that alleged the mayor "
            "had hidden the contracts from auditors.")
    found = quotes(text)
    report = next(q for q in found if "Harbor Ledger" in q[1])
    assert report[2] == [], found


# --- tabloid relays: "X spoke to an insider who …", and "the source" after a source ------

def test_an_insider_an_outlet_spoke_to_is_relayed_by_the_outlet():
    text = ("Singer Mara Quell and her husband have split. The Daily Clarion talked to a second "
            "insider who confirmed the split.")
    found = quotes(text)
    said = next(q for q in found if q[0] and "confirmed" in q[0])
    assert said[2] == ["Daily Clarion"], found


def test_the_source_is_the_anonymous_source_named_before_and_keeps_its_relay():
    text = ("Singer Mara Quell and her husband have split. “They had not been close for months,” a "
            "friend of the couple told the Daily Clarion. The split followed a row in March, the "
            "source said.")
    found = quotes(text)
    said = next(q for q in found if q[0] == "said")
    assert said[1] == "friend of the couple" and said[2] == ["Daily Clarion"], found


def test_a_quotation_after_a_newly_reported_source_continues_that_source():
    text = ("Singer Mara Quell and her husband have split. The split followed a row in March, a "
            "friend of the couple said. “He took his records and left.” The Daily Clarion talked to a "
            "second insider who confirmed the split on Monday, weeks after the couple were last seen together at a gala. "
            "“Quell has already hired a lawyer.”")
    found = analyze(text).quotes
    last = next(q for q in found if "lawyer" in q.content[-1].text)
    assert "insider" in last.speaker.name, [(q.speaker.name, [c.text for c in q.content]) for q in found]


def test_citing_a_journalist_as_claiming_when_as_hangs_on_the_main_verb():
    text = ("Talk of the transfer grew louder on Sunday with The Valley Times citing Danish "
            "journalist Ivo Kersting as claiming that Harbor City had offered the striker a new deal.")
    found = quotes(text)
    claimed = next(q for q in found if q[0] and "claiming" in q[0])
    assert "Kersting" in claimed[1] and claimed[2] == ["Valley Times"], found
