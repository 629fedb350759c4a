"""Integrity checks that read the text and its parse: stray fragments and cut sentences.

Both look for places where the text stops being prose: lower-case words where a sentence
should start, a paragraph that stops on "of the", a sentence that runs into the next one.
Headlines, list items, datelines, captions and bylines legitimately end without a full
stop; the rules skip them by shape (short, title-cased, bulleted) rather than flagging
every unpunctuated line.
"""

from __future__ import annotations

import re

from ..model import Span
from .integrity_findings import finding, quoted

# Characters that may end a complete paragraph: sentence punctuation, closing quotes and
# brackets (a dateline "(AP)", a quote), a colon before a list.
FINAL_CHARS = set(".!?…:;\"”’'»)]*")
# Tokens that end a sentence when they stand alone. Closing quotes are left out on purpose:
# '“Why?” she asked' continues in lower case after the "?".
SENTENCE_END_TOKENS = {".", "!", "?"}
# Dashes and bullets that may open a line before its first sentence.
LINE_MARKS = " \t-–—•*►▪·"
# Bullets and numbering: list items are fragments by design.
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*►▪·◦>+]|\d{1,3}[.)]\s|[a-z][.)]\s)")
# Words after which a sentence cannot stop: articles, prepositions, conjunctions,
# possessives, the infinitive "to". POS tags catch the rest.
DANGLING_WORDS = frozenset(
    "a an the of to for with and or but nor in on at by from into onto about over under "
    "after before between among through than as that which whose his her their its our my "
    "your this these those some every each whether if because while although such either "
    "neither".split())
DANGLING_POS = {"DET", "ADP", "CCONJ", "SCONJ"}
DETERMINER_TAGS = {"DT", "PDT", "PRP$", "WP$"}
# Capitalised words that start a sentence and cannot sit mid-sentence after a lower-case
# word ("... to build a new The mayor said"): determiners (next word a noun or adjective)
# and subject pronouns (next word a verb).
RUN_IN_DETERMINERS = frozenset("The A An This These Those His Her Their Its Our My".split())
RUN_IN_PRONOUNS = frozenset("He She They We It There You".split())
# Parts of speech a capitalised word after a determiner cannot have mid-sentence.
RUN_IN_AFTER_DETERMINER_POS = frozenset("ADV AUX SCONJ CCONJ PART".split())
SENTENCE_OPENERS = frozenset(
    "But And When While After Before If As However Meanwhile Still Yet So Then Now In On At "
    "For With According Although Because Since Aside Also Despite During Earlier Later "
    "Obviously What Why How Where Who Some Many Most Each Both Other Another Such Even "
    "Only Rather Instead Better".split())
# Words that open a sentence but also start titles ("To Kill a Mockingbird", "Of Mice and
# Men"): a run-in only when the next word is lower case ("the cost of Of all the bids").
OPENERS_BEFORE_LOWER = frozenset(
    "Of To From By Through Unlike Until Unless Once Though Thus Indeed Overall Here".split())
DEMONSTRATIVES = frozenset("This These Those".split())
WH_OPENERS = frozenset("What Why How Where Who When Which".split())
# Words a headline may not end on, however it is capitalised.
NEVER_LAST = frozenset("a an the of and or but to with from by".split())
OPEN_RANGE = frozenset("above below over under up more less older younger".split())
WH_WORDS = frozenset("what who where which how when why".split())
# Longest run of lower-case words reported as a stray fragment; a longer one is a sentence
# that merely starts in lower case.
MAX_FRAGMENT_WORDS = 3
# A paragraph needs this many words before "no full stop" means anything.
MIN_TRUNCATED_WORDS = 4


def _prev_token(doc, i: int):
    """The previous token that is not whitespace, and whether a line break lies between."""
    broke = False
    j = i - 1
    while j >= 0:
        tok = doc[j]
        if tok.is_space:
            broke = broke or "\n" in tok.text
        elif "\n" in tok.whitespace_:
            return tok, True
        else:
            return tok, broke
        j -= 1
    return None, True


def _at_sentence_start(doc, text: str, i: int) -> bool:
    """Where a sentence must start: the text start, a line start, or after a bare . ! ?
    that follows a word (not an abbreviation: spaCy keeps "U.S." and "Mr." in one token)."""
    tok = doc[i]
    line_start = text.rfind("\n", 0, tok.idx) + 1
    if not text[line_start:tok.idx].strip(LINE_MARKS):
        return True
    prev, broke = _prev_token(doc, i)
    if prev is None or broke:
        return True
    if prev.text not in SENTENCE_END_TOKENS or prev.i == 0:
        return False
    before = doc[prev.i - 1]
    # A word of two or more letters ("said.", "aren’t."), a number, or a closing mark
    # ("%.", ").", "”."): a single letter before the stop is an initial ("J. Smith").
    return (len(before.text) > 1 and before.text[-1].isalnum()) or before.like_num \
        or before.text in ("%", ")", "”", '"', "’")


def _is_lower_word(tok) -> bool:
    return tok.is_alpha and tok.text.islower()


def list_lines(text: str) -> set[int]:
    """Start offsets of lines that are list items, table rows or address lines rather than
    prose: lines after a line ending with a colon ("This could occur:"), lines starting
    with the same word as a list line above, and runs of three or more consecutive lines
    none of which ends like a sentence (feature lists, addresses, ingredient lists)."""
    lines = [(s, e) for s, e in _paragraphs(text)]
    unpunctuated = [text[e - 1] not in FINAL_CHARS for s, e in lines]
    listed: set[int] = set()
    run: list[int] = []
    for k, (s, e) in enumerate(lines + [(len(text), len(text))]):
        if k < len(lines) and unpunctuated[k] and (not run or text.count("\n", lines[run[-1]][1], s) == 1):
            run.append(k)
            continue
        if len(run) >= 3:
            listed.update(lines[j][0] for j in run)
        run = [k] if k < len(lines) and unpunctuated[k] else []
    for k in range(1, len(lines)):
        s, e = lines[k]
        ps, pe = lines[k - 1]
        first = text[s:e].split(maxsplit=1)[0].lower()
        if text[pe - 1] == ":" or (ps in listed and text[ps:pe].split(maxsplit=1)[0].lower() == first):
            listed.add(s)
    return listed


def _line_start(text: str, at: int) -> int:
    start = text.rfind("\n", 0, at) + 1
    while start < at and text[start] in " \t":
        start += 1
    return start


def _next_line_continues(text: str, end: int) -> bool:
    """The text after a line break goes on in lower case: a hard-wrapped sentence, not a
    cut one."""
    rest = text[end:].lstrip()
    return rest[:1].islower()


def stray_fragments(doc, text: str) -> list[dict]:
    listed = list_lines(text)
    findings = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if not _is_lower_word(tok) or not _at_sentence_start(doc, text, i) \
                or _line_start(text, tok.idx) in listed:
            i += 1
            continue
        j = i
        while j < n and _is_lower_word(doc[j]) and not doc[j].whitespace_.count("\n") \
                and j - i <= MAX_FRAGMENT_WORDS:
            j += 1
        run_end = doc[j - 1]
        nxt = doc[j] if j < n else None
        words = j - i
        line_end = nxt is None or "\n" in run_end.whitespace_ or nxt.is_space and "\n" in nxt.text
        if words <= MAX_FRAGMENT_WORDS:
            span = Span.of(text, tok.idx, run_end.idx + len(run_end.text))
            if not line_end and nxt is not None and _starts_sentence(nxt):
                findings.append(finding(
                    "stray_fragment", [span],
                    f"stray words {quoted(span.text)} before the sentence that starts "
                    f"{quoted(nxt.text)}", "warning", 0.9))
            elif line_end and _after_sentence_in_line(doc, text, i):
                findings.append(finding(
                    "stray_fragment", [span],
                    f"stray words {quoted(span.text)} dangle after the last sentence of the "
                    "paragraph", "warning", 0.8))
        i = j + 1
    return findings


def _starts_sentence(tok) -> bool:
    """A capitalised word (not "I") or an opening quotation mark."""
    return (tok.is_alpha and tok.text[:1].isupper() and tok.text != "I") or tok.text in ("“", '"', "‘")


def _after_sentence_in_line(doc, text: str, i: int) -> bool:
    prev, broke = _prev_token(doc, i)
    return prev is not None and not broke and prev.text in SENTENCE_END_TOKENS


def _paragraphs(text: str):
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e


def _looks_like_heading(words: list) -> bool:
    """Title Case or ALL CAPS lines are headlines, section heads, bylines or captions."""
    long_words = [w for w in words if len(w.text) > 3]
    if not long_words:
        return True
    capitalised = sum(1 for w in long_words if w.text[:1].isupper())
    return capitalised / len(long_words) >= 0.6


def truncated_sentences(doc, text: str) -> list[dict]:
    return _cut_paragraphs(doc, text) + _run_in_sentences(doc, text)


def _cut_paragraphs(doc, text: str) -> list[dict]:
    listed = list_lines(text)
    findings = []
    for s, e in _paragraphs(text):
        if text[e - 1] in FINAL_CHARS or _LIST_ITEM.match(text[s:e]) or s in listed \
                or _next_line_continues(text, e):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        words = [t for t in span if t.is_alpha]
        sents = [sent for sent in span.sents if any(t.is_alpha for t in sent)]
        last_sent = sents[-1] if sents else span
        # A headline looks like one as a whole and in its last sentence: a paragraph naming
        # titles ("Frost Harbour, and Ember: The Long Night.") may end on cut prose.
        if len(words) < MIN_TRUNCATED_WORDS or (
                _looks_like_heading(words) and _looks_like_heading([t for t in last_sent if t.is_alpha])
                and words[-1].lower_ not in NEVER_LAST):
            continue
        last = span[-1]
        if last.like_url or last.like_email or last.text[:1] in "@#" or \
                last.like_num and not _ordinal_missing_noun(last):
            continue
        cut = Span.of(text, max(last_sent.start_char, s), e)
        last_word = words[-1]
        dangling = last_word.i == last.i and (
            last.lower_ in DANGLING_WORDS or last.pos_ in DANGLING_POS
            or last.tag_ in DETERMINER_TAGS | {"TO"} or _noun_missing(last))
        if dangling and last.pos_ == "ADP" and len(words) <= 8 and words[0].lower_ in WH_WORDS:
            dangling = False  # a headline's stranded preposition: "What to look out for"
        if dangling and last.lower_ in OPEN_RANGE and doc[last.i - 1].pos_ == "CCONJ":
            dangling = False  # "aged 12 and above", "or more"
        if last.text in (",", "-", "–", "—"):
            findings.append(finding("truncated_sentence", [cut],
                                    f"the paragraph stops on {quoted(last.text)} mid-sentence",
                                    "warning", 0.85))
        elif dangling:
            findings.append(finding("truncated_sentence", [cut],
                                    f"the sentence stops on {quoted(last.text)}: cut off mid-clause",
                                    "warning", 0.9))
        elif len(sents) > 1 and _ends_sentence(sents[-2]) and _is_clause(last_sent):
            findings.append(finding("truncated_sentence", [cut],
                                    "the last sentence of the paragraph has no full stop: "
                                    "perhaps cut off", "info", 0.5))
    return findings


def _ordinal_missing_noun(tok) -> bool:
    """A number word after a determiner ("its first", "the second"): spaCy counts ordinal
    words as numbers, but "... and win its third" still lacks its noun."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return tok.is_alpha and prev is not None and prev.tag_ in DETERMINER_TAGS


def _noun_missing(tok) -> bool:
    """An adjective left where its noun should follow: "a new", "all previous"."""
    if tok.pos_ != "ADJ" or tok.tag_ == "JJS":
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.tag_ in DETERMINER_TAGS


def _ends_sentence(sent) -> bool:
    stripped = sent.text.rstrip()
    return bool(stripped) and stripped[-1] in FINAL_CHARS


def _is_clause(sent) -> bool:
    words = [t for t in sent if t.is_alpha]
    return len(words) >= MIN_TRUNCATED_WORDS and any(t.pos_ in ("VERB", "AUX") for t in sent)


def _run_in_fits(prev, tok, nxt) -> bool:
    """Whether `tok` (capitalised, after the lower-case `prev`) must start a new sentence."""
    after_determiner = prev.lower_ in ("the", "a", "an") or prev.tag_ in ("DT", "PRP$")
    if after_determiner and tok.text in RUN_IN_DETERMINERS | RUN_IN_PRONOUNS | {"That", "I"}:
        # "of the That's", "for the You'll": a determiner is never followed by another
        # determiner or a pronoun, whatever comes next.
        return True
    if after_determiner and tok.pos_ in RUN_IN_AFTER_DETERMINER_POS and not tok.text.isupper():
        # A determiner never takes an adverb, auxiliary or conjunction as its next word:
        # "the Better yet", "the Must see", "the Exclusively for".
        return True
    if after_determiner and _is_lower_word(nxt) and nxt.pos_ == "DET" and not tok.text.isupper():
        # "how the Parrying an attack": a determiner, a capitalised word, a determiner.
        return True
    dangling = prev.lower_ in DANGLING_WORDS or prev.pos_ in DANGLING_POS
    if dangling and _is_lower_word(nxt) and tok.text in OPENERS_BEFORE_LOWER:
        return True
    if not after_determiner and tok.text in WH_OPENERS and (_is_lower_word(nxt) or nxt.pos_ == "AUX"):
        # "to sign up What is rarer": a question word in capitals mid-sentence.
        return True
    if dangling and tok.text in DEMONSTRATIVES and nxt.pos_ in ("VERB", "AUX"):
        return True  # "standard on These include"
    if dangling and (tok.text in SENTENCE_OPENERS or _opening_adverb(tok, nxt)):
        # A word that mostly opens sentences right after "the", "of", "and": the cut
        # sentence ended on a word that needs a continuation ("no change in But, in the
        # three years", "basically for When February rolls around").
        return True
    if not (_is_lower_word(nxt) or nxt.pos_ in ("AUX", "VERB", "PART")):
        return False
    if tok.text in RUN_IN_DETERMINERS and _is_lower_word(nxt):
        return nxt.pos_ in ("NOUN", "ADJ", "NUM", "ADV")
    if tok.text in RUN_IN_PRONOUNS:
        return nxt.pos_ in ("VERB", "AUX")  # "He said", "You'll save"
    return False


def _opening_adverb(tok, nxt) -> bool:
    """A capitalised "-ly" adverb opening a sentence ("Exclusively for the festival"); one
    followed by a verb or adverb is more likely a surname ("but Kelly still says")."""
    return tok.pos_ == "ADV" and tok.text.endswith("ly") and nxt.pos_ not in ("VERB", "AUX", "ADV")


def _run_in_sentences(doc, text: str) -> list[dict]:
    """A cut sentence running into the next: a lower-case word, then a capitalised
    determiner, pronoun or sentence opener that cannot sit there mid-sentence ("a new The
    mayor said", "for the You'll save", "in But, in the ...")."""
    findings = []
    for tok in doc[1:-1]:
        prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
        if not tok.is_alpha or not tok.text[:1].isupper() or (tok.text == "I" and prev.tag_ != "DT") \
                or not _is_lower_word(prev) or "\n" in prev.whitespace_ or not prev.whitespace_ \
                or "\n" in tok.whitespace_ or tok.ent_iob_ != "O":
            continue
        if not _run_in_fits(prev, tok, nxt):
            continue
        start = _sentence_start_before(doc, text, prev.i)
        cut = Span.of(text, start, prev.idx + len(prev.text))
        findings.append(finding(
            "truncated_sentence", [cut],
            f"the sentence stops on {quoted(prev.text)} and runs into the next one "
            f"({quoted(tok.text + ' ' + nxt.text)})", "warning", 0.85))
    return findings


def _sentence_start_before(doc, text: str, i: int) -> int:
    j = i
    while j > 0:
        prev = doc[j - 1]
        if prev.text in SENTENCE_END_TOKENS or prev.text in ("”", '"') and j > 1 and \
                doc[j - 2].text in SENTENCE_END_TOKENS or "\n" in prev.text or "\n" in prev.whitespace_:
            break
        j -= 1
    return doc[j].idx
