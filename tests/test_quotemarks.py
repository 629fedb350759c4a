"""Quotation marks are found from the characters alone, before any parsing."""

from newsprobe.layers.quotemarks import find_quotations


def texts(text):
    return [[text[s:e] for s, e in q.fragments] for q in find_quotations(text)]


def test_curly_and_straight_double_quotes():
    assert texts('“One,” she said. He said "two".') == [["“One,”"], ['"two"']]


def test_single_quotes_but_not_apostrophes():
    text = "The union’s chair called it ‘a betrayal’ and didn’t say more."
    assert texts(text) == [["‘a betrayal’"]]


def test_straight_single_quotes_and_plural_possessive():
    text = "The students' union called the plan 'unworkable' on Monday."
    assert texts(text) == [["'unworkable'"]]


def test_nested_single_quotes_stay_inside_the_double_quote():
    text = "“He told me ‘never again’ and left,” she said."
    assert texts(text) == [["“He told me ‘never again’ and left,”"]]


def test_quote_spanning_paragraphs_follows_news_convention():
    text = "“We came to win.\n\n“And we will come back,” he said."
    found = find_quotations(text)
    assert len(found) == 1
    assert [text[s:e] for s, e in found[0].fragments] == ["“We came to win.", "“And we will come back,”"]


def test_unclosed_quote_ends_at_paragraph_and_is_marked_unclosed():
    text = "“This never closes\n\nA new paragraph."
    found = find_quotations(text)
    assert len(found) == 1 and not found[0].closed


def test_thousands_of_unbalanced_marks_finish_quickly():
    text = '"' * 5000 + " word " + "“" * 5000
    find_quotations(text)  # linear scan: must simply return


def test_a_quotation_hard_wrapped_mid_sentence_is_one_fragment():
    # Copy wrapped at a fixed width: the line ends mid-sentence inside the quotation and
    # the next line carries on without a new opening mark.
    text = "Officials claimed that\n“the ferry left the harbour twice\nbefore dawn,” calling it a risk."
    assert texts(text) == [["“the ferry left the harbour twice\nbefore dawn,”"]]


def test_a_quotation_hard_wrapped_over_several_lines_is_one_fragment():
    text = "“The claims contain\nno time, no place and\nno other data,” he said."
    assert texts(text) == [["“The claims contain\nno time, no place and\nno other data,”"]]


def test_a_quotation_left_open_at_a_sentence_end_is_not_wrapped_on():
    text = "“We came to win.\nThe coach said nothing more."
    found = find_quotations(text)
    assert [[text[s:e] for s, e in q.fragments] for q in found] == [["“We came to win."]]
    assert not found[0].closed


def test_two_apostrophes_are_one_double_mark_in_plain_ascii_copy():
    # Archives kept in ASCII write a double quotation mark as two apostrophes.
    text = "The mayor spoke. ''We need more buses,'' said Ann Lee. ''I'm sure.''"
    assert texts(text) == [["''We need more buses,''"], ["''I'm sure.''"]]


def test_two_apostrophes_continue_a_quotation_into_the_next_paragraph():
    text = "''We came to win.\n''And we will come back,'' he said."
    assert texts(text) == [["''We came to win.", "''And we will come back,''"]]


def test_a_nested_single_mark_closing_with_two_apostrophes_stays_inside():
    text = "''We hear it all the time, 'a special case,''' the minister said."
    assert texts(text) == [["''We hear it all the time, 'a special case,'''"]]
