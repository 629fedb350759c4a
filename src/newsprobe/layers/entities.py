"""Entities: spaCy's named entities merged into one canonical entity per real-world referent.

"Volodymyr Zelensky", "Zelenskyy" and a misspelt "Zelenksy" become one entity; a bare
"Shoigu" after "Defence Minister Sergei Shoigu" joins him. The canonical name is the
fullest form (most tokens), and among equally full forms the most frequent spelling, so a
one-off typo never becomes the name.

The small English model's spans and labels are corrected with what the text itself says,
in this order, each step in its own module:

- `entities_spans`: each mention trimmed to the name (articles, possessives, titles, photo
  tags, a list's bullet, a role noun opening the sentence ("Comedian Ellen X"), a word
  scraped pages glue on, a dateline run into the quote after it) and names the model cuts in
  pieces found whole (royal styles, quoted programme titles, numbered bills, bylines, "US
  Army ...", "Xs for Some Cause", "FC Cincinnati", a given name in capitals, a photo credit
  "Name / Agency", but two bodies a sentence joins with a slash stay two bodies, "A at B" a
  side and its ground, "Brockton Clinic's Kessler Research Institute" the body named on its
  own elsewhere and its part); a degree after a name (", MD") no place but the sign of a
  person; a dateline's place ("ALEXANDRIA, Va. –", each of "BRUSSELS/PARIS March 28
  (Reuters)") found as a place whatever the model says; a name in capitals labelled as the
  model labels its ordinary-case spelling in the story;
- `entities_furniture` and `entities_labels`: spans a reader would not call a name dropped
  (page furniture, also glued ("ADVERTISEMENTREMOVE AD") or opening a breadcrumb ("Home /
  World / ..."), a headline's common words, a headline's words the story never names again,
  a stub cut off by the excerpt's end, bare titles, an office and its field ("Chair of
  Cardiology", "Head of ..."), prefixed adjectives, common-noun acronyms ("SWAT", "GMT", any
  zone after a clock time: "0930 IST"), a capitalised body noun alone ("the Department") or
  before an office ("Council Member"), a name joined to a participle ("US-led")), and each
  mention's form fixing some labels (`corrected_label`: outlets, continents, counties,
  events, clubs, streets, venues, "X-based" towns, "the journal X", "Regulation X", public
  programmes such as "Medicare", "the X Report" and "the X Show" as works, "No 10");
- here: names the model missed found by a title, an apposition or a known outlet's name;
  dropped: a dictionary word capitalised only by its sentence's start ("Harsh storms are
  common"), an office written after what it is of ("UCP MLA"), hashtags and links;
- `entities_names`: the mentions clustered by name form (surname, a surname of two words
  such as "Al Haddad", given name, spelling variant, acronym), label confusions of one name
  merged, short forms joined to the full name ("the Post", "U.S.", "Varnex" of "Varnex Group
  AG", "Orla" of "Orla Airlines", "Redfield" of "Redfield Town", a club's "Dortmund" the
  model called a place; never a half of a merged company named on its own, "Norvik" beside
  "Velcor"); a known place is never a misspelt surname ("Herat" / "Herar"); at the end, a
  dateline's place keeps its label in every case it is written, a bare given name the model
  took for a place or body ("Virginia" of "Virginia Halden") and an alias the text
  introduces ("X, known as Y") join the person, and a name in capitals joins its
  ordinary-case spelling;
- `entities_context`: each cluster's label following the evidence around its mentions (known
  places and countries (a country the model calls LOC a GPE), an apposition or craft noun, a
  player's club, in a sports report a town with its manager or fans or beaten in a match ("a
  win over Kettering"), a plural verb (not a person's named in full, nor across a colon into
  a quote), a place noun ("area" and "subdivision": a LOC), a state after a comma ("Cedar
  Glen, Texas"), a coordinated name (a name written once beside a street a place: "Harrow
  Fields and Mill Lane"), a list's kind noun ("companies including X"; names with a firm
  before "airlines": "Orla, Skyreach and Westbound airlines"), a noun for a work before a
  title, with an article, an owner or a modifier ("the film X", "the network's show X",
  "disaster movie X"; a title the model called an event too), a device noun after a one-word
  name ("Brelto computers": a product line), a full name in apposition to a person's post
  ("the ambassador to NATO, Ivo Dalmer,") or after an age ("63-year-old X"), a two-word name
  opening with a given name another person in the text bears ("Jamie Dunne" beside "Jamie
  Rourke"): a person, a job noun before "at"/"with"/"of" ("researcher at X": a body), "the"
  or a relative "which" before or after a name no person is called by); the town a club is
  named with ("Cincinnati coach" after "FC Cincinnati") is the club; a name the model called
  a body or a place is a person where "he", "she" or "who" takes it up
  (`people_called_by_surname`: "Morgan Brackley ... Brackley found herself"); then a bare
  surname the model took for a body or a place joins the full name the evidence made a
  person (`join_bare_surnames`).

`entities_words` holds the word lists these share. The place list is CLDR's country names
(Babel), the time zone database's cities and ISO 3166-2's states and provinces
(`layers/places.py`); spaCy's larger English models are not installed.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Analysis, Entity, Span
from ..parse import dictionary_words
from ..settings import Settings
from .places import place_kind
from .entities_context import (
    mark_countries,
    mark_known_places,
    merge_club_towns,
    people_called_by_surname,
    relabel_by_context,
)
from .entities_furniture import (
    cut_off_at_end,
    headline_common_words,
    headline_recurring,
    headline_trimmed,
    without_headlines,
)
from .entities_labels import EXCHANGES, corrected_label, head_of_a_field
from .entities_names import (
    Cluster,
    add_missed_surnames,
    cluster_for,
    merge_across_labels,
    merge_capitalised_forms,
    join_bare_surnames,
    merge_given_names_and_aliases,
    merge_short_forms,
    settle_dateline_places,
)
from .entities_spans import (
    after_opening_role,
    degree_after,
    in_dictionary,
    is_degree,
    opens_sentence,
    CLUB_LETTERS_AFTER,
    CLUB_WORD_BEFORE,
    PRIZE_AFTER,
    after_dateline,
    after_titles,
    bill_numbers,
    clean_mention,
    dateline_places,
    name_pieces,
    ordinary_case_label,
    quoted_titles,
    royal_styles,
    surname_after_given_name,
    with_capitalised_given_name,
    with_split_surname,
    without_glued_word,
)
from .entities_words import (
    DESCRIBED_BY,
    DISEASE_NAMES,
    LABEL_GROUPS,
    ORG_WORDS,
    SOCIAL_PLATFORMS,
    SPEECH_VERBS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)


NAME = "entities"

VERSION = "19"

FIELD = "entities"

REQUIRES: tuple[str, ...] = ()

# Entity types a reader tracks as actors or places; numbers and dates are claims' business.
KEPT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}


def run(doc, analysis: Analysis, settings: Settings) -> list[Entity]:
    text = analysis.text
    clusters: list[Cluster] = []
    seen: set[tuple[int, int]] = set()
    # Names the small model cuts in pieces, found whole first: a royal style ("Duke of
    # Cambridge") and a quoted programme title ("the “Morning Answers with Dana Kell”
    # program"). The model's pieces inside them are not names of their own.
    # A numbered bill ("Senate Bill 1035") likewise: not a chamber and a person.
    # A dateline's place likewise: the model's mention running from it into the story
    # ("ALBANY—“IBM") keeps only the story's part.
    datelines = dateline_places(text)
    fixed = royal_styles(text) + quoted_titles(text) + bill_numbers(text) + datelines
    headline_words = headline_common_words(text)
    body = without_headlines(text, headline_words[0])
    taken: set[int] = set()          # characters of the model's mentions kept so far
    dictionary = dictionary_words(settings.model or None, settings.max_sentence_tokens)
    for span, label in fixed:
        group = LABEL_GROUPS.get(label, label.lower())
        cluster_for(clusters, span, group).add(span, label)
        seen.add((span.start, span.end))
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        start, end = clean_mention(text, ent.start_char, ent.end_char)
        if is_degree(text, start, end):
            continue             # "Regina Okafor, MD,": a degree, not Maryland
        word = doc.char_span(start, end)
        if ent.label_ == "PERSON" and word is not None and len(word) == 1 and opens_sentence(doc, word) and \
                in_dictionary(word.text, dictionary) and not _capitalised_mid_sentence(text, word.text) and \
                not place_kind(word.text) and not (word.root.dep_ == "nsubj" and
                                                   word.root.head.lemma_.lower() in SPEECH_VERBS):
            continue             # "Harsh storms are common ...", "“Insert any word ...”": a word
                                 # capitalised by its place, which the text never writes as a name
        if ent.label_ == "PERSON":
            start = after_titles(text, start, end)
            start = after_opening_role(doc, text, ent, start, end, dictionary)
            if text[start:end].split()[-1:] and \
                    text[start:end].split()[-1].lower().rstrip(".") in TITLE_WORDS | TRAILING_TITLES:
                continue         # "UCP MLA", "Chief Market Strategist": an office, no one's name
            start = with_capitalised_given_name(text, start, end)
            end = with_split_surname(doc, text, ent, end)
        given_name_end = surname_after_given_name(doc, text, ent, dictionary) if end == ent.end_char else None
        if given_name_end is not None:
            end = given_name_end     # "Reese Wetherby": the model's NORP "Reese" and the surname after it
        if (start > 0 and text[start - 1] in "#@" and not text[start:end].count(" ")) or _LINK.search(text, start, end):
            continue             # "#WelcomeToCanada", "pic.twitter.com/x": a tag or a link, no name
        start = after_dateline(text, start, end, datelines)
        if end <= start or (start, end) in seen or "\n" in text[start:end]:
            continue
        if any(f.start < end and start < f.end for f, _ in fixed):
            continue
        if cut_off_at_end(text, start, end):
            continue
        if len(ent) == 1 and ent[0].is_sent_start and ent[0].tag_ == "NNS" and ent.text.endswith("s") and \
                not _capitalised_mid_sentence(text, ent.text):
            continue             # "Households in the north ...": capitalised by its place only
        if len(ent) == 1 and ent[0].is_sent_start and ent.label_ in ("ORG", "PERSON", "GPE", "NORP") and \
                ent.text.istitle() and ((ent[0].tag_ == "NN" and ent[0].dep_ == "compound" and ent[0].head.text.islower())
                                        or re.search(r"(?<![\w-])" + re.escape(ent.text.lower()) + r"(?![\w-])", text)) and \
                not _capitalised_mid_sentence(text, ent.text):
            continue             # "Court documents indicate ...": a common noun (tagged so and modifying
                                 # a common noun, or written in lower case elsewhere)
        club = CLUB_LETTERS_AFTER.match(text, end)
        if club and ent.label_ in ("GPE", "ORG", "PERSON", "NORP", "LOC"):
            end = club.end()     # "Sporting CP": the model stops before the club's letters
        club = CLUB_WORD_BEFORE.search(text, max(0, start - 12), start)
        if club and ent.label_ in ("GPE", "ORG", "LOC", "NORP"):
            start = club.start()  # "FC Cincinnati", "Inter Miami": the model starts after the club's word
        prize = PRIZE_AFTER.match(text, end)
        if prize and ent.label_ in ("GPE", "ORG", "PERSON", "NORP", "LOC", "PRODUCT"):
            end = prize.end()    # "the Mercury Prize": the model stops before "Prize"
        if len(ent) == 1 and ent[0].tag_ == "NNPS" and ent.label_ in ("ORG", "PERSON", "FAC") and \
                ent.start > 0 and doc[ent.start - 1].pos_ == "NUM":
            continue             # "the two Chambers of the National Assembly": a counted common noun
        if len(ent) == 1 and ent[0].tag_ == "JJ" and ent.label_ in ("ORG", "PERSON", "FAC") and \
                ent.text.endswith("al"):
            continue             # "a Senatorial incumbent", "Presidential": an adjective, no body
        if (ent.text.lower() in DISEASE_NAMES or ent.text.lower().startswith("covid")) and \
                ent.label_ in ("ORG", "PRODUCT", "PERSON", "GPE", "NORP", "WORK_OF_ART"):
            continue             # "COVID-19 restrictions": a disease, no actor or place
        if ent.label_ != "NORP":     # "Israelis" is no "Israel" glued to "is"
            start, end = without_glued_word(text, start, end)
        start, end = headline_trimmed(text, start, end, headline_words, ent.label_)
        start, end = headline_recurring(text, start, end, headline_words[0], body, ent.label_)
        if end <= start:
            continue
        adjectival = ent.root.dep_ in ("amod", "compound") and ent.root.head.i > ent.root.i
        ent_label = ordinary_case_label(doc, text, start, end, ent.label_)
        if given_name_end is not None:
            ent_label = "PERSON"
        if degree_after(text, end) and ent_label in ("GPE", "ORG", "LOC", "FAC", "NORP"):
            ent_label = "PERSON"     # "Regina Okafor, MD": only a person holds a degree
        for start, end, model_label in name_pieces(text, start, end, ent_label):
            label = corrected_label(text, start, end, model_label, adjectival=adjectival, dictionary=dictionary)
            if label is None or (start, end) in seen or any(i in taken for i in range(start, end)):
                continue         # (a name put back together covers the model's piece of it)
            seen.add((start, end))
            taken.update(range(start, end))
            span = Span.of(text, start, end)
            group = LABEL_GROUPS.get(label, label.lower())
            cluster = next((c for c in clusters if c.matches(span.text, group)), None) or \
                next((c for c in clusters if c.matches_given_name(span.text, group)), None)
            if cluster is None:
                cluster = Cluster(group)
                clusters.append(cluster)
            cluster.add(span, label)

    own = own_outlet_names(analysis.outlet)
    _add_known_outlets(text, clusters, seen, own)
    _add_titled_names(doc, text, clusters, seen)
    clusters = _add_ticker_codes(text, clusters, seen)
    _add_described_names(doc, text, clusters, seen)
    add_missed_surnames(doc, text, clusters, seen)
    clusters = merge_across_labels(doc, clusters)
    clusters = mark_known_places(doc, clusters)
    mark_countries(doc, text, clusters)
    relabel_by_context(doc, text, clusters)
    clusters = people_called_by_surname(doc, text, clusters)
    clusters = join_bare_surnames(clusters)
    # A person the evidence just relabelled ("Ruben Amorim said his side ...", the model's
    # ORG) gets the bare surnames the model missed, as one it had called a person.
    add_missed_surnames(doc, text, clusters, seen | {(m.start, m.end) for c in clusters for m in c.mentions})
    clusters = settle_dateline_places(clusters, [place for place, _ in datelines])
    clusters = merge_given_names_and_aliases(doc, text, clusters)
    clusters = merge_club_towns(doc, text, clusters)
    clusters = merge_capitalised_forms(clusters)
    clusters = merge_short_forms(clusters, doc)
    for cluster in clusters:
        if any(f in own for f in cluster.forms) and cluster.label != "ORG":
            # "Rumour Patrol can exclusively debunk ...", "a guest column in the Evening
            # Ledger": the page's own outlet, whatever the model took it for.
            cluster.labels = Counter({"ORG": len(cluster.mentions)})
            cluster.group = "org"

    entities = []
    for cluster in clusters:
        name = cluster.name
        mentions = sorted(cluster.mentions)
        entities.append(Entity(
            id="", name=name, label=cluster.label,
            aliases=sorted(f for f in cluster.forms if f != name), mentions=mentions))
    entities.sort(key=lambda e: e.mentions[0].start)
    for i, entity in enumerate(entities, 1):
        entity.id = f"e{i}"
    return entities


def own_outlet_names(outlet: str | None) -> set[str]:
    """The names the page's own outlet (`Article.outlet`) goes by in its text: the name
    before a note in brackets, after a slash or a comma ("Evening Ledger (Harbin Falls)"),
    with and without a leading "The"; none of under four letters, nor a place's."""
    if not outlet:
        return set()
    base = re.split(r"\s*\(|\s+/\s+|,\s", outlet.strip())[0].strip()
    names = {base, re.sub(r"^The\s+", "", base)}
    return {n for n in names if len(n) >= 4 and not place_kind(n)}


def _add_titled_names(doc, text: str, clusters: list["Cluster"], seen: set[tuple[int, int]]) -> None:
    covered = {i for start, end in seen for i in range(start, end)}
    headlines, _ = headline_common_words(text)
    for token in doc:
        if token.lower_.rstrip(".") not in TITLE_WORDS:
            continue
        names = []
        # "Its spokesperson, Vera Lask, said": the name in apposition to the title.
        appos = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > token.i]
        if not appos:
            # "A spokesperson for the ministry, Petra Hallin, said": the parser hangs the
            # name on the nearest noun; take a name right after the title's phrase.
            appos = [t for t in doc[token.i + 1: token.i + 8] if t.dep_ == "appos" and t.pos_ == "PROPN"
                     and doc[t.left_edge.i - 1].text == ","][:1]
        following = doc[appos[0].left_edge.i: appos[0].i + 1] if appos else doc[token.i + 1: token.i + 4]
        surname = None
        for nxt in following:
            if not names and nxt.lower_.rstrip(".") in TITLE_WORDS | TITLE_MODIFIERS:
                continue         # "Mr" in ", Mr Tobin Harrow,", "Chief Executive Officer": titles
            if nxt.lower_.rstrip(".") in TITLE_WORDS | TITLE_MODIFIERS | TRAILING_TITLES:
                names = []       # "Chief Financial Officer", "Chief Market Strategist": a title's field, no name
                break
            if nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.idx not in covered:
                names.append(nxt)
            else:
                if names and nxt.idx in covered:
                    surname = nxt
                break
        if surname is not None and _joined_to_surname(text, clusters, names, surname, seen):
            continue             # "Mayor Jarl Velder" with "Velder" the model's person
        if surname is not None and _starts_full_name(clusters, surname):
            continue             # "Chief of the General Staff Pavel Dronov": "Staff" ends the office
        if not names or (len(names) == 1 and (names[0].lower_ in ORG_WORDS or len(names[0].text) == 1)):
            continue             # "Rep. Charlie Geren, R-Fort Worth": "R" is his party's letter
        if head_of_a_field(text, names[0].idx, names[-1].idx + len(names[-1].text)):
            continue             # "Dr. Ana Ruiz, Head of Cardiology": her office, in apposition
        span = Span.of(text, names[0].idx, names[-1].idx + len(names[-1].text))
        if any(w.lower() in ORG_WORDS for w in span.text.split()) or cut_off_at_end(text, span.start, span.end):
            continue
        if any(a <= span.start and span.end <= b for a, b in headlines) and text.count(span.text) == 1:
            continue             # "Foreign Minister Suggests Gradual ...": a headline's verb
        cluster_for(clusters, span, "person").add(span, "PERSON")
        seen.add((span.start, span.end))
        covered.update(range(span.start, span.end))


def _starts_full_name(clusters: list["Cluster"], token) -> bool:
    """Does a person's mention of two words or more start at `token`? The capitalised words
    between a title and a full name the model found are the rest of the office."""
    return any(c.group == "person" and m.start == token.idx and " " in m.text
               for c in clusters for m in c.mentions)


def _joined_to_surname(text: str, clusters: list["Cluster"], names: list, surname, seen) -> bool:
    """"Mayor Jarl Velder" where the model called only "Velder" a person: the given names
    after the title join that mention ("Jarl Velder"), no person "Jarl" of their own."""
    for cluster in clusters:
        if cluster.group != "person":
            continue
        mention = next((m for m in cluster.mentions if m.start == surname.idx), None)
        if mention is None or " " in mention.text:
            continue
        cluster.remove(mention)
        seen.discard((mention.start, mention.end))
        span = Span.of(text, names[0].idx, mention.end)
        cluster.add(span, "PERSON")
        seen.add((span.start, span.end))
        return True
    return False


# Offices written after what they are of ("UCP MLA", "Yellowhead MP", "Market Strategist"):
# a model PERSON ending in one names no one.
TRAILING_TITLES = {"mp", "mla", "mpp", "mep", "msp", "mna", "mha", "strategist", "dean", "founder",
                   "spokesperson", "spokesman", "spokeswoman", "ceo", "cfo", "coo"}

# (A site's own name, "RadarOnline.com", is a name: only an address with a path is a link.)
_LINK = re.compile(r"https?://|www\.|\w\.(?:com|org|net|co|ca|uk|ly|io)/")


def _capitalised_mid_sentence(text: str, form: str) -> bool:
    """Does the text write `form` with its capital after a lower-case word or a comma, where
    only a name keeps one?"""
    return re.search(r"[a-z,;]\s+" + re.escape(form) + r"(?![\w-])", text) is not None


def _add_known_outlets(text: str, clusters: list["Cluster"], seen: set[tuple[int, int]],
                       own: set[str] = frozenset()) -> None:
    """Outlets of outlets/known_outlets.toml and social platforms that the small model
    missed ("Politico reported", "in a Twitter post"), by their names and aliases as written, capitals and word edges included.
    Aliases under four letters ("AP", "RT") are left to the model: too many other words.
    `own`: the names of the page's own outlet (`own_outlet_names`), found the same way."""
    from ..outlets import known_outlets

    covered = {i for start, end in seen for i in range(start, end)}
    names = sorted({n for o in known_outlets() for n in (o.name, *o.aliases) if len(n) >= 4}
                   | SOCIAL_PLATFORMS | set(own), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    for m in pattern.finditer(text):
        start, end = clean_mention(text, m.start(), m.end())
        if end <= start or any(i in covered for i in range(start, end)):
            continue
        span = Span.of(text, start, end)
        cluster_for(clusters, span, "org").add(span, "ORG")
        seen.add((start, end))
        covered.update(range(start, end))


# A company's stock code in brackets right after its name: an exchange and a symbol
# ("Brindle Outfitters Inc (NYSE: BRDL)", "(TSX:BB)") or a Reuters instrument code
# ("(CBS.N)").
_TICKER_CODE = re.compile(r" \((" + EXCHANGES + r"\s*:\s*[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?|[A-Z]{1,5}\.[A-Z]{1,2})\)")


def _add_ticker_codes(text: str, clusters: list["Cluster"], seen: set[tuple[int, int]]) -> list["Cluster"]:
    """The code in "(NYSE: BRDL)" after a company's name is one more mention of the company
    (names, not codes, are entities, but the code stands for the company just named), not
    the exchange as an organisation of its own and the symbol as another."""
    for m in _TICKER_CODE.finditer(text):
        company = next((c for c in clusters if c.group == "org" and
                        any(mention.end == m.start() for mention in c.mentions)), None)
        if company is None:
            continue
        start, end = m.start(1), m.end(1)
        for cluster in clusters:
            for mention in [x for x in cluster.mentions if x.start < end and start < x.end]:
                cluster.remove(mention)
        span = Span.of(text, start, end)
        company.add(span, "ORG")
        seen.add((start, end))
    return [c for c in clusters if c.mentions]


def _add_described_names(doc, text: str, clusters: list["Cluster"], seen: set[tuple[int, int]]) -> None:
    """"Nordstal, Estmark's largest steelmaker, reported ...": a name the model missed but
    the text explains in an apposition."""
    covered = {i for start, end in seen for i in range(start, end)}
    for token in doc:
        if token.pos_ != "PROPN" or token.idx in covered or not token.text[:1].isupper():
            continue
        appos = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if appos:
            word = appos[0].lemma_.lower()
        else:
            # The parser may miss the apposition; read the phrase between the commas.
            m = DESCRIBED_BY.match(text, token.idx + len(token.text))
            if not m:
                continue
            word = m.group(1).lower()
        if word in TITLE_WORDS:
            label, group = "PERSON", "person"
        elif word in ORG_WORDS or word.endswith("maker") or word in {"company", "firm", "group", "operator", "producer"}:
            label, group = "ORG", "org"
        else:
            continue
        # The name's own words: proper-noun compounds directly to its left ("Nord Steel").
        first = token
        while first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].pos_ == "PROPN" \
                and doc[first.i - 1].head.i == token.i:
            first = doc[first.i - 1]
        span = Span.of(text, first.idx, token.idx + len(token.text))
        cluster_for(clusters, span, group).add(span, label)
        seen.add((span.start, span.end))
        covered.update(range(span.start, span.end))
