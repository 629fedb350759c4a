"""Labels from context: each cluster's label follows what the text says around its
mentions (a known place, country or state, an apposition, a craft noun, a player's club, a
plural verb, a place noun, a coordinated name, company or person evidence, a personal
title, an app's or a work's noun).
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Span
from .places import place_kind
from .sources import in_apposition, is_known_outlet
from .entities_names import Cluster, name_tokens, place_usage
from .entities_spans import ROYAL_STYLE
from .entities_words import (
    CLUB_ENDINGS,
    CLUB_FIRST_WORDS,
    CLUB_MARKS,
    COUNTRY_ACRONYMS,
    DEMONYM_ENDING,
    DESCRIBED_BY,
    EVENT_HEADS,
    FACILITY_HEADS,
    FEATURE_WORDS,
    LABEL_GROUPS,
    METONYM_BODIES,
    ORG_WORDS,
    PLACE_HEADS,
    SOCIAL_PLATFORMS,
    STATE_ABBREVIATIONS,
    SPEECH_VERBS,
    SPORT_CLUB_ENDINGS,
    STREET_WORDS,
    TITLE_WORDS,
)


def _has_person_evidence(doc, cluster: "Cluster") -> bool:
    """A title before a mention ("Mr Jordan"), or a mention that speaks for itself
    ("Sofia said")."""
    for mention in cluster.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLE_WORDS:
            return True
        if span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in SPEECH_VERBS:
            return True
    return False


# Words after a town's name that make the two a body, a team or a place, not a person's
# first name and surname: "Manchester United", "Swindon Borough Council", "Leeds Airport".
_TOWN_NAME_HEADS = ORG_WORDS | FACILITY_HEADS | {
    w.lower() for w in CLUB_MARKS | CLUB_ENDINGS | PLACE_HEADS} | {
    "city", "town", "crown", "metropolitan", "police", "evening", "road", "street", "square"}


def _first_name_of_a_person(text: str, cluster: "Cluster") -> bool:
    """A town's name that the text also writes before a surname ("Madison LeCroy" makes
    "Madison" a person): the town table is evidence of a place only where no person in the
    text has the name as a first name."""
    for form in cluster.forms:
        # (A third capitalised word makes the two a body's name: "Dartmouth Provincial Court".)
        for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r" ([A-Z][\w'’-]+)(?![\w'’-]| [A-Z])", text):
            head = m.group(1).lower()
            if head not in _TOWN_NAME_HEADS and head.rstrip("s") not in _TOWN_NAME_HEADS:   # "Clubs"
                return True
    return False


def mark_known_places(doc, clusters: list["Cluster"]) -> list["Cluster"]:
    """A name that `places` knows as a country or city, and that the text names in no
    other form ("Michael Jordan" makes "Jordan" a person), is a place whatever label the
    small model gave it: "Moscow and Kiev" (PERSON), "the people of Cyprus" (PRODUCT).
    A city named PERSON stays a person when a mention has a title or speaks; a city named
    ORG stays an organisation (a club, "Liverpool have been linked"); a country is a GPE
    even as a speaker ("Qatar said"), as news uses it for its government, and so is a state
    or province ("Texas sued", "Alberta will not agree") outside a sports report (where
    "Texas beat Oklahoma" names teams). A town of the GeoNames table is weaker evidence: the
    model's PERSON is a place unless the text also writes the name before a surname
    ("Madison Torvik"); a town or city the model calls ORG becomes a place only where the
    text writes it as one ("an arrest in Dartmouth") and never as a speaker, outside sports
    reports (the town alone as evidence cost entity mistakes on held-out real articles)."""
    kept: list[Cluster] = []
    sports = None
    for cluster in clusters:
        label = cluster.label
        kinds = {place_kind(f) for f in cluster.forms}
        if label == "LOC" and kinds == {"country"}:
            # A country the model calls LOC ("Equatorial Guinea") is a state.
            cluster.labels = Counter({"GPE": len(cluster.mentions)})
            cluster.group = "org"
        if label not in ("GPE", "LOC") and kinds and None not in kinds and "region" not in kinds:
            state = kinds <= {"country", "subdivision"}
            # A state the model calls ORG is a place outside a sports report; in one it is
            # the team ("Texas beat Oklahoma").
            if state and "subdivision" in kinds and label == "ORG":
                if sports is None:
                    sports = _is_sports_text(doc)
                state = not sports
            if label == "ORG" and not state and kinds <= {"town", "city"}:
                # A town the model calls ORG is the town where the text writes it as a place
                # ("an arrest in Dartmouth") and never as a speaker; not in a sports report,
                # where "a move to Liverpool" names the club.
                if sports is None:
                    sports = _is_sports_text(doc)
                state = not sports and any(place_usage(doc, doc.text, m, classifier=False)
                                           for m in cluster.mentions) and \
                    not any(_speaks(doc, m) for m in cluster.mentions)
            if (label == "PERSON" and _has_person_evidence(doc, cluster)) or \
                    (label == "ORG" and not state) or (label == "NORP" and not state) or \
                    (kinds == {"town"} and _first_name_of_a_person(doc.text, cluster)):
                kept.append(cluster)
                continue
            cluster.labels = Counter({"GPE": len(cluster.mentions)})
            cluster.group = "org"
            # The same place found elsewhere as a GPE: one entity.
            same = next((o for o in clusters if o is not cluster and o.group == "org" and o.mentions
                         and o.label == "GPE" and set(o.forms) & set(cluster.forms)), None)
            if same is not None:
                for mention in cluster.mentions:
                    same.add(mention, "GPE")
                continue
        kept.append(cluster)
    return kept


# Nouns only a state has: "Karsovia's foreign ministry", "Estmark's navy".
STATE_NOUNS = {"ministry", "minister", "government", "navy", "army", "president", "parliament", "embassy",
               "border", "capital", "military", "foreign", "defence", "defense", "cabinet", "side"}


def mark_countries(doc, text: str, clusters: list["Cluster"]) -> None:
    """Unfamiliar country names come out as ORG or PERSON from the small model. A name with
    a demonym in the text ("Karsovia" / "Karsovian") or that owns a ministry, army or
    border is a country (GPE)."""
    words = {t.text for t in doc if t.text[:1].isupper()}
    for cluster in clusters:
        if cluster.group in ("person", "norp") or "GPE" in cluster.labels or "LOC" in cluster.labels:
            continue  # "Europe" has "European" too, but is no country
        name = cluster.name
        if name.isupper() or is_known_outlet(name):
            continue  # "NATO", "The Sun": an organisation, whatever it owns
        demonym = any(form != name and form in words
                      for end in ("n", "ian", "an", "ese", "i", "ish")
                      for form in (f"{name}{end}", f"{name[:-1]}{end}"))
        owns_state = False
        for mention in cluster.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("poss", "compound") and \
                    any(t.lemma_.lower() in STATE_NOUNS for t in span.root.head.subtree):
                owns_state = True
        # "the Estmark foreign ministry" named as an entity of its own.
        owns_state = owns_state or any(
            f.startswith(name + " ") and set(name_tokens(f)[1:]) & STATE_NOUNS
            for other in clusters if other is not cluster for f in other.forms)
        if (demonym or owns_state) and len(name_tokens(name)) == 1:
            cluster.labels = Counter({"GPE": len(cluster.mentions)})


# Nouns that name a craft or an instrument: "the Rosetta spacecraft", "its lander, Philae",
# "a telescope called the Planet Finder", "transport airplanes Il-76". Named vehicles are
# products (the newsroom gold's "other"), not organisations.
PRODUCT_NOUNS = {"spacecraft", "probe", "lander", "module", "rover", "orbiter", "telescope",
                 "satellite", "aircraft", "airplane", "aeroplane", "plane", "jet", "fighter",
                 "bomber", "helicopter", "drone", "missile", "rocket", "ship", "vessel",
                 "submarine", "frigate", "destroyer", "tank", "spaceship", "capsule"}

CRAFT_NOUNS = PRODUCT_NOUNS - {"probe", "module", "ship", "vessel", "tank", "fighter", "bomber",
                               "plane", "jet", "capsule"}

# Descriptions that make a name an organisation: "Zentrobase, a not-for-profit search site".
ORG_DESCRIPTIONS = ORG_WORDS | {"company", "firm", "operator", "producer", "site", "website",
                                "platform", "service", "network", "outlet", "newspaper",
                                "magazine", "broadcaster", "startup", "charity", "organisation",
                                "organization", "nonprofit", "retailer", "airline", "team",
                                "side", "manufacturer", "developer", "lender", "insurer",
                                "publisher", "agency", "campaign", "coalition", "movement"}

# Players' positions: "Real Valdora defender Iker Sanz", "Ashcombe's striker": the owner
# of a player is a club.
SQUAD_ROLES = {"striker", "defender", "midfielder", "goalkeeper", "keeper", "winger", "fullback",
               "centre-back", "center-back", "playmaker", "forward"}

# Words that name an institution, never a person or a town, whatever it is conjoined with.
INSTITUTION_WORDS = {"congress", "parliament", "senate", "government", "cabinet", "police",
                     "army", "navy", "military", "kremlin", "pentagon", "white house"}

_PLURAL_VERBS = {"are", "were", "have", "do"}

_PREPOSITIONS = {"of", "for", "at", "in", "with", "from", "to", "on", "by", "about", "under"}

# Nouns for a place that is no town or state: "the Verdan Place subdivision" (a housing
# estate), "the Marko Khel area": the newsroom gold's LOC.
AREA_NOUNS = {"area", "subdivision"}

# ", Texas,", ", eastern Lebanon on": a country or state written after a name, as news
# places a town.
_STATE_AFTER = re.compile(
    r",\s+(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|"
    r"north-?western|south-?eastern|south-?western)\s+)?([A-Z][\w.]*(?: [A-Z]\w*)?)"
    r"(?=\s*[,.;)\n]|\s*$|-based\b|\s+(?:on|in|and|to|at|for|after|before|where|when)\b)")


def _placed_in_a_state(text: str, mention: Span) -> bool:
    m = _STATE_AFTER.match(text, mention.end)
    if not m:
        return False
    state = m.group(1)
    return place_kind(state) in ("country", "subdivision") or state in STATE_ABBREVIATIONS


# Nouns for a town or an area: "the Rochdale constituency", "a Hollis County suburb".
PLACE_NOUNS = {"constituency", "city", "town", "village", "county", "district", "suburb",
               "borough", "province", "region", "neighbourhood", "neighborhood", "municipality",
               "township", "ward", "riding", "hamlet", "parish"}

_HOLIDAY_GLOSS = re.compile(r",\s+(?:or|also known as|known as)\s+(?:[A-Z][\w'’-]+\s+){0,3}Day\b")

_DISTANCE_FROM = re.compile(
    r"\s+(?:is|lies|sits)\s+(?:about\s+|some\s+|roughly\s+|around\s+|nearly\s+|almost\s+)?[\d,.]+\s*"
    r"(?:miles|mi|kilometres|kilometers|km)\s+(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\b")


def span_end(doc, mention: Span) -> int:
    """Index of the token right after the mention."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.end


def _mention_root(doc, mention: Span):
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return None if span is None else span.root


def _descriptions(doc, text: str, mention: Span, root) -> list[str]:
    """Common nouns the sentence gives as what the named thing is."""
    nouns = [c.lemma_.lower() for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN":
        nouns.append(head.lemma_.lower())                     # "its lander module, Philae"
    # A craft noun right next to the name, whatever the parse: "the Rosetta spacecraft",
    # "transport airplanes Il-76". (Only craft nouns: "the UK side", "UK newspaper" say
    # nothing about what "UK" is.)
    # After the name only the nouns that name nothing else: "the Mueller probe" is an
    # inquiry, "the Fraser think tank" a body.
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.pos_ == "NOUN" and before.lemma_.lower() in PRODUCT_NOUNS:
        nouns.append(before.lemma_.lower())
    if after is not None and after.pos_ == "NOUN" and after.lemma_.lower() in CRAFT_NOUNS:
        nouns.append(after.lemma_.lower())
    if root.dep_ in ("oprd", "attr", "dobj", "xcomp") and head.lemma_ in ("call", "name", "dub") \
            and head.head.pos_ == "NOUN":
        nouns.append(head.head.lemma_.lower())                # "a telescope called the X"
    if not nouns:
        m = DESCRIBED_BY.match(text, mention.end)
        # "X, a mashup site, ...", but not "X, head of the union, ...": the last word of a
        # phrase after a preposition is not what X is.
        if m and not set(m.group(0).lower().split()) & _PREPOSITIONS:
            nouns.append(m.group(1).lower())
    return nouns


def _context_label(doc, text: str, mention: Span, label: str, sports: bool = False,
                   full_person_name: bool = False, called_by_surname: bool = False) -> str | None:
    """What the words around one mention say it is, or None when they say nothing.
    `sports`: the text is a sports report (a state's name may be its team's).
    `full_person_name`: the mention's cluster names a person in full ("Alec Varnholt") and
    some mention has a title or speaks;
    `called_by_surname`: the cluster names a person in full and by the last word alone
    ("Virginia Halden ... Halden"), as people are named."""
    root = _mention_root(doc, mention)
    if root is None:
        return None
    words = mention.text.split()
    if len(words) > 1 and (words[-1] in CLUB_ENDINGS or words[0] in CLUB_FIRST_WORDS or words[-1] in CLUB_MARKS):
        return "ORG"                                          # "Manchester United", then "United"
    if len(words) == 1 and _grouping_noun_after(doc, mention):
        return "ORG"                                          # "the Yelk alliance"
    if _org_noun_before(doc, mention, root, label):
        return "ORG"                                          # "the charity Full Fact", "the lender Bancorp"
    listed = _listed_under(doc, root)
    if listed:
        return listed                                         # "companies including Brantia Holt, ..."
    if label in ("PERSON", "FAC") and not place_kind(mention.text) and _employer_of_a_role(root):
        return "ORG"                                          # "researcher at Corran Hall", "a lawyer with X"
    if label == "PERSON" and not place_kind(mention.text) and not called_by_surname and \
            not _title_before(doc, mention) and (
            _which_after(text, mention, root) or _the_before(doc, mention, root)):
        return "ORG"                                          # "Lindholm Forward, which ...", "from the Orlando Magic"
    if label != "PERSON" and _said_of_a_person(text, mention, root):
        return "PERSON"                                       # "Celeste said she ...", "Saal was arrested"
    if label != "PERSON" and _role_before(doc, mention):
        return "PERSON"                                       # "defender Willy Boly", "actress Niecy Nash"
    if label != "PERSON" and (_role_in_apposition(doc, mention, root) or (
            _AGE_BEFORE.search(text, 0, mention.start) and root.dep_ not in ("compound", "amod", "nmod"))):
        return "PERSON"                                       # "its ambassador to NATO, Ivo Dalmer,", "63-year-old X"
    if label in ("ORG", "GPE", "LOC", "FAC", "PRODUCT") and _title_before(doc, mention):
        return "PERSON"                                       # "President-elect Donald Trump" as ORG
    # (Not a PERSON: "a Musk post" is a post by Musk.)
    if label in ("GPE", "LOC", "NORP") and len(words) == 1 and _platform_context(doc, mention, root):
        return "ORG"                                          # "a Threads account", "the Threads app"
    if label in ("GPE", "LOC", "PERSON", "PRODUCT", "WORK_OF_ART") and _outlet_noun_after(doc, mention):
        return "ORG"                                          # "told Vanity Fair magazine"
    if label not in ("WORK_OF_ART", "NORP"):
        kind = _kind_noun_before(doc, mention, root)
        if kind:
            return kind                                       # "the film Oppenheimer", "the magazine Vogue"
    if label == "FAC" and root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS:
        return "ORG"                                          # "The Center Square reported": no building speaks
    if label in ("ORG", "FAC", "PRODUCT", "GPE") and _work_context(doc, mention, root):
        return "WORK_OF_ART"                                  # "the Song Sung Blue premiere", "her role on Dahmer"
    if label in ("GPE", "NORP") and len(words) == 1 and _told_as_outlet(doc, mention, root):
        return "ORG"                                          # "Furness opened up to People"
    if label in ("GPE", "PERSON", "LOC", "PRODUCT") and _corporate_context(doc, mention):
        return "ORG"                                          # "Herbalife's shares", "shares of Herbalife"
    if label == "GPE" and root.dep_ == "compound" and root.head.lemma_.lower() in DATA_NOUNS and \
            not place_kind(mention.text) and not mention.text.isupper():
        return "ORG"                                          # "citing Technorati data": a data firm
    if label == "PERSON" and len(words) == 1 and root.dep_ == "pobj" and \
            root.head.lower_ in ("in", "near", "across", "throughout") and not full_person_name and \
            root.head.i == root.i - 1:
        # "Officials in Lindholm"; not "anger in Varnholt" after "Alec Varnholt", nor "at":
        # "lashing out at Varnholt", "angry at Hollis" take people (found wrong more often
        # than right on 98 Canadian articles and ECB+); the preposition right before the
        # name ("The Doctor Is In: Obama ..." is a headline's pun).
        return "GPE"
    for noun in _descriptions(doc, text, mention, root):
        if noun in PRODUCT_NOUNS and not mention.text.isupper():
            return "PRODUCT"
        if (noun in ORG_DESCRIPTIONS or noun.endswith("maker")) and \
                not (label == "PERSON" and " " in mention.text):
            return "ORG"     # a person named in full stays a person, whatever the apposition
    head = root.head
    if root.dep_ in ("compound", "amod", "nmod") and head.i == span_end(doc, mention) \
            and head.lemma_.lower() in AREA_NOUNS and label != "NORP" and not place_kind(mention.text):
        return "LOC"                                          # "the Verdan Place subdivision", "the Marko Khel area"
    if root.dep_ in ("compound", "amod", "nmod") and head.i == span_end(doc, mention) \
            and head.lemma_.lower() in PLACE_NOUNS and label != "NORP":
        return "GPE"                                          # "the Rochdale constituency"
    if label in ("PERSON", "FAC", "GPE") and not full_person_name and _placed_in_a_state(text, mention):
        return "GPE"                                          # "in Cedar Glen, Texas,", "Kelvadi, eastern Lebanon"
                                                              # (a GPE too: a vote against "Cedar Glen, Texas, and
                                                              # Miro Stanek" making it a person by coordination)
    if _HOLIDAY_GLOSS.match(text, mention.end):
        return "EVENT"                                        # "Yom Hazikaron, or Memorial Day,"
    if _DISTANCE_FROM.match(text, mention.end):
        return "GPE"                                          # "X is 50 miles north of Y"
    if root.dep_ in ("compound", "poss", "amod") and head.i > root.i and (
            head.lemma_.lower() in SQUAD_ROLES or any(
                c.lemma_.lower() in SQUAD_ROLES and c.i < head.i for c in head.children
                if c.dep_ in ("compound", "amod", "nmod"))):
        return "ORG"                                          # "Ashcombe's striker Tomas Rell"
    if root.dep_ in ("nsubj", "nsubjpass") and label != "NORP" \
            and (root.tag_ == "NNP" or (root.tag_ == "NNPS" and label == "PERSON")) \
            and not any(c.dep_ == "conj" for c in root.children) and (
            _plural_verb(head) or any(c.dep_ in ("aux", "auxpass") and _plural_verb(c)
                                      for c in head.children)) \
            and not (label == "GPE" and mention.text.endswith("s")) \
            and not (label == "GPE" and not sports and place_kind(mention.text) == "subdivision") \
            and not (label == "PERSON" and full_person_name) \
            and not _QUOTE_BETWEEN.search(text, mention.end, max(mention.end, head.idx)):
        # (Not 'Millbrook manager Sean Fallow: "Fans have ...': the verb is the quote's.)
        # "Aston Villa were struggling", "Kelbridge have been linked": a singular name
        # with a plural verb is a team or a body (British usage), not a person or a town;
        # but "the premiers of Alberta, Quebec, and Newfoundland have said" names a province.
        return "ORG"
    return None


# Nouns of a job a person holds at a body: "principal researcher at Corran Hall", "a lawyer
# with McMillan LLP", "founder and president of Lakefront Brewery". Kin ("the wife of X")
# and "for"/"to" ("a lawyer for Cohen", "an adviser to Trump") take people and are left out.
EMPLOYEE_NOUNS = (TITLE_WORDS | {
    "founder", "co-founder", "owner", "ceo", "head", "executive", "employee", "worker", "staffer",
    "member", "partner", "lawyer", "attorney", "researcher", "scientist", "engineer", "editor",
    "reporter", "journalist", "columnist", "correspondent", "producer", "designer", "chef",
    "teacher", "student", "fellow", "associate", "strategist", "consultant", "official", "leader",
    "organizer", "organiser", "coordinator", "volunteer", "nurse", "physician", "doctor"}) - {
    "mr", "mrs", "ms", "dr", "defendant", "judge"}


def _employer_of_a_role(root) -> bool:
    head = root.head
    return root.dep_ == "pobj" and head.lower_ in ("at", "with", "of") and head.head.pos_ == "NOUN" \
        and head.head.lemma_.lower() in EMPLOYEE_NOUNS and head.head.i < root.i


# Plural nouns a list of names is given under ("companies including A, B and C", "players
# such as X and Y"), by the kind of name they list.
LIST_KINDS = {"company": "ORG", "firm": "ORG", "brand": "ORG", "retailer": "ORG", "bank": "ORG",
              "lender": "ORG", "insurer": "ORG", "manufacturer": "ORG", "carmaker": "ORG",
              "organisation": "ORG", "organization": "ORG", "charity": "ORG", "group": "ORG",
              "outlet": "ORG", "newspaper": "ORG", "broadcaster": "ORG", "team": "ORG", "club": "ORG",
              "university": "ORG", "agency": "ORG", "airline": "ORG", "giant": "ORG",
              "player": "PERSON", "politician": "PERSON", "star": "PERSON", "actor": "PERSON",
              "actress": "PERSON", "singer": "PERSON", "artist": "PERSON", "celebrity": "PERSON",
              "athlete": "PERSON", "leader": "PERSON", "lawmaker": "PERSON", "senator": "PERSON",
              "country": "GPE", "nation": "GPE", "city": "GPE", "state": "GPE", "province": "GPE",
              "town": "GPE"}


def _listed_under(doc, root) -> str | None:
    """The kind of a name listed under a plural noun: "foreign companies including
    Brantia Holt, Velmora Tessin and SAP" (ORG), "players such as X" (PERSON),
    "countries like X" (GPE); None when the name is in no such list."""
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    prep = first.head
    if first.dep_ != "pobj" or not (prep.lower_ in ("including", "like") or (
            prep.lower_ == "as" and prep.i > 0 and doc[prep.i - 1].lower_ == "such")):
        return None
    noun = prep.head
    if noun.lower_ == "such" and noun.i > 0:
        noun = noun.head
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return None
    return LIST_KINDS.get(noun.lemma_.lower())


# "Lindholm Forward, which drew ...": a relative "which" after a name is said of no person.
_WHICH_AFTER = re.compile(r",\s+which\s")


def _which_after(text: str, mention: Span, root) -> bool:
    """", which ..." after the name, the relative clause hung on the name itself (not "in
    electing Halden, which will build on ...", said of the electing)."""
    return _WHICH_AFTER.match(text, mention.end) is not None and any(
        c.dep_ == "relcl" and any(w.lower_ == "which" for w in c.children) for c in root.children)


def _the_before(doc, mention: Span, root) -> bool:
    """"from the Orlando Magic", "the conservative Lindholm Forward": a person's name takes no
    "the" (unless a title comes between: "the Rev. X", "the Labour leader X"). A name that
    modifies a noun ("the Varnholt government") is left out."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0 or root.dep_ in ("compound", "amod", "poss", "nmod"):
        return False
    if any(w.lower().rstrip(".") in PERSONAL_TITLES | TITLE_WORDS for w in mention.text.split()) or \
            ROYAL_STYLE.fullmatch(mention.text):
        return False            # "the Queen", "the Prince of Wales": a title named as the person
    if mention.text.endswith("s") and re.search(r"(?<![\w-])" + re.escape(mention.text[:-1]) + r"(?![\w-])",
                                                doc.text):
        return False            # "the Obamas" after "Barack Obama": a family
    i = span.start - 1
    if doc[i].tag_ == "JJ" and doc[i].text.islower() and doc[i].lower_ not in ("late", "young", "old", "former") \
            and not doc[i].lower_.endswith(("ist", "er", "or", "ian", "ant", "ent")):
        i -= 1                  # one adjective between: "the conservative Lindholm Forward" (not a
                                # role the tagger calls an adjective: "the satirist Jon Stewart")
    return i >= 0 and doc[i].lower_ == "the" and doc[i].text.islower() and doc[i].head.i == root.i


# What only a company has: "Google's shares", "the Theranos founder", "shares of Herbalife".
CORPORATE_NOUNS = {"share", "stock", "shareholder", "stockholder", "founder", "co-founder", "ceo",
                   "earnings", "revenue", "profit", "investor", "subsidiary", "chairman"}


def _corporate_context(doc, mention: Span) -> bool:
    root = _mention_root(doc, mention)
    if root is None or place_kind(mention.text) or len(mention.text.split()) > 2:
        return False
    head = root.head
    if root.dep_ in ("poss", "compound", "nmod") and head.i > root.i and head.lemma_.lower() in CORPORATE_NOUNS:
        return True
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ("share", "stock", "shareholder")


# What a firm publishes: "Technorati data", "Nielsen figures".
DATA_NOUNS = {"data", "datum", "figure", "survey", "poll", "study", "index", "ranking", "rating", "report"}

# Nouns of a person's home, family or representatives: "the home of Saal".
KIN_NOUNS = {"home", "house", "wife", "husband", "son", "daughter", "mother", "father", "family",
             "brother", "sister", "widow", "parents", "funeral", "girlfriend",
             "boyfriend", "partner", "relatives", "pal", "friend", "husband", "ex-husband",
             "ex-wife", "fiance", "fiancee", "children", "kids", "grandmother", "grandfather"}

# What only happens to people: "Saal was arrested", "X was born".
PERSON_ONLY_PASSIVES = {"arrest", "jail", "imprison", "detain", "sentence", "injure", "wound",
                        "bear", "marry", "hospitalise", "hospitalize", "handcuff", "kidnap"}

_AGE_APPOSITION = re.compile(r",\s+\d{1,3}(?:,|\.(?=\s|$))")

# Verbs after which "she said" / "he thinks" refers back to the subject.
_MIND_VERBS = SPEECH_VERBS | {"think", "believe", "feel", "hope", "admit", "reveal", "explain"}


# Nouns for what a person is, right before the name: "defender Willy Boly", "actress Niecy
# Nash", "his wife Jane Doe". Titles (TITLE_WORDS) and players' positions count too.
PERSON_ROLES = {"actor", "actress", "singer", "rapper", "star", "model", "player", "referee",
                "substitute", "goalscorer", "footballer", "cricketer", "golfer", "boxer", "author",
                "writer", "novelist", "designer", "comedian", "presenter", "host", "musician",
                "producer", "filmmaker", "director", "chef", "lawyer", "attorney", "reporter",
                "journalist", "columnist", "photographer", "wife", "husband", "son", "daughter",
                "mother", "father", "brother", "sister", "girlfriend", "boyfriend", "fiance",
                "fiancee", "widow", "businessman", "businesswoman", "billionaire", "entrepreneur",
                "investor", "activist", "candidate", "challenger", "incumbent", "teammate",
                "co-star", "winger", "striker", "defender", "midfielder", "goalkeeper", "keeper"}
# Last words of public bodies' names, never a person's: "the Federal Trade Commission".
BODY_WORDS = {"commission", "department", "authority", "bureau", "administration", "service",
              "corps", "force", "forces", "council", "assembly", "court", "tribunal", "fund",
              "trust", "centre", "center", "institute", "office", "agency", "directorate"}
# Things that only a work (a film, a show, a book) has, said right after its name.
WORK_EVENT_NOUNS = {"premiere", "screening", "finale", "sequel", "prequel", "trailer", "soundtrack",
                    "episode", "reboot", "spinoff", "spin-off", "remake", "showrunner"}


def _role_before(doc, mention: Span) -> bool:
    """A full name right after a lower-case noun of what a person is ("defender Willy Boly",
    "actress Niecy Nash"): a person, whatever the small model says."""
    words = mention.text.split()
    if len(words) < 2 or any(w.lower() in ORG_WORDS for w in words) or place_kind(mention.text) \
            or is_known_outlet(mention.text):
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    word = before.lower_.rstrip(".")
    return before.text.islower() and (word in PERSON_ROLES or word in TITLE_WORDS) \
        and before.pos_ == "NOUN"


# Nouns of a post or a relation one person holds, that a name in apposition is the holder
# of: "the ambassador to NATO, Ivo Dalmer,", "his chief of staff Morgan McSwain", "Paul
# Rivas, another partner". Not the nouns a company or a country is described by as often
# as a person ("Velmora Foods, the country's largest dairy producer", "the biggest
# investor", "the host").
_HOLDER_ROLES = (TITLE_WORDS | PERSON_ROLES | EMPLOYEE_NOUNS | {
    "adviser", "advisor", "aide", "deputy", "nominee", "successor", "predecessor", "victim",
    "suspect", "spokesperson", "lawmaker", "legislator", "congressman", "congresswoman",
    "councilman", "councilwoman", "diplomat", "envoy"}) - {"mr", "mrs", "ms", "dr", "producer",
                                                           "investor", "host"}

# An age written before a name: "63-year-old Madeline X" (not one before a noun the name
# modifies: "the 19-year-old Dartmouth man").
_AGE_BEFORE = re.compile(r"(?<![\w-])\d{1,3}\s?[- ]\s?year\s?[- ]\s?old\s+$")


def _role_in_apposition(doc, mention: Span, root) -> bool:
    """A full name of plain words in apposition to a noun of a post one person holds ("the
    ambassador to NATO, Ivo Dalmer", with the parse hanging the name on "NATO"; "his chief
    of staff Morgan McSwain"), or with such a noun in apposition to it ("Paul Rivas,
    another partner"): a person, whatever the small model says. Only lower-case role nouns
    ("the Surgeon General, X" may be the office's body), and never a name with a body's,
    a place's or an outlet's word."""
    words = mention.text.split()
    if not 2 <= len(words) <= 3 or not _plain_name(mention.text) or \
            not all(w[:1].isupper() for w in words if w.lower() not in ("al", "bin", "van", "von", "de", "da")):
        return False

    return in_apposition(root, lambda token: token.pos_ == "NOUN" and token.text.islower()
                         and token.lemma_.lower() in _HOLDER_ROLES)


def _plain_name(form: str) -> bool:
    """A form that could be a person's name: no word of a body's name, no place, no outlet."""
    return not (set(name_tokens(form)) & (ORG_WORDS | BODY_WORDS | INSTITUTION_WORDS)) \
        and not place_kind(form) and not is_known_outlet(form) and not form.isupper() \
        and not DEMONYM_ENDING.search(form)


def _title_before(doc, mention: Span) -> bool:
    """A personal title right before the name ("Gov. Abbott", "President-elect Donald
    Trump", "Premier Doug Ford"): a person, though the small model says ORG."""
    if not _plain_name(mention.text) or len(mention.text.split()) > 3:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_ == "elect" and span.start >= 3 and doc[span.start - 2].text == "-":
        before = doc[span.start - 3]          # "President-elect", three tokens
    word = before.lower_.rstrip(".")
    # Only titles that stand for one person: "Premier" also starts "Premier League", and
    # "General" "General Motors", but there the name is the whole phrase, not what follows.
    return word in PERSONAL_TITLES and before.text[:1].isupper()


# Titles that name one person, written before the name with a capital ("Gov. Abbott").
PERSONAL_TITLES = {"president", "premier", "governor", "gov", "senator", "sen", "rep", "representative",
                   "mayor", "minister", "chancellor", "prime minister", "secretary", "ambassador",
                   "judge", "justice", "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady",
                   "prof", "professor", "coach", "manager", "captain", "pope", "king", "queen",
                   "prince", "princess", "sheikh", "rev", "reverend", "father", "sister", "lt",
                   "gen", "col", "sgt", "capt", "maj", "cmdr", "adm", "supt", "insp", "det", "officer"}

# Nouns of an app's or a platform's things: "a Threads account", "the Bluesky app".
PLATFORM_NOUNS = {"app", "account", "post", "feed", "profile", "user", "platform", "handle",
                  "livestream", "channel", "page", "thread", "bio", "follower"}

# Nouns that say the name before them is an outlet: "told Vanity Fair magazine".
OUTLET_NOUNS = {"magazine", "newspaper", "tabloid", "podcast", "website", "broadcaster", "newsletter"}


def _platform_context(doc, mention: Span, root) -> bool:
    """A one-word name that owns an app's things ("a Threads account", "his Threads post")
    or is called an app ("Threads, Meta's new app"): a platform, no place or person."""
    if place_kind(mention.text) or not _plain_name(mention.text):
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lemma_.lower() in PLATFORM_NOUNS and after.pos_ == "NOUN":
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in {"app", "platform"} for c in root.children)


def _outlet_noun_after(doc, mention: Span) -> bool:
    """"told Vanity Fair magazine"; not "top UK newspaper The Sun", where the name before
    the noun is where the outlet is."""
    if place_kind(mention.text) or DEMONYM_ENDING.search(mention.text) or mention.text.isupper() \
            or mention.text.replace(".", "") in COUNTRY_ACRONYMS:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.end < len(doc) and doc[span.end].lower_ in OUTLET_NOUNS


# Nouns for a work, written before its title: "the film Oppenheimer", "her album Renaissance".
WORK_NOUNS = {"film", "movie", "album", "song", "single", "series", "sitcom", "novel", "book",
              "memoir", "documentary", "musical", "opera", "painting", "biopic", "miniseries",
              "docuseries", "show", "play", "game", "videogame", "poem", "sculpture"}


# Lower-case nouns after a one-word name that make it a political grouping's: "the Yelk
# alliance", "the Wagner group". (Not "government", "side", "administration": "the UK
# government", "the Trump administration" say nothing about what the name is.)
GROUPING_NOUNS = {"alliance", "bloc", "coalition", "party", "faction", "movement", "group", "militia"}


def _grouping_noun_after(doc, mention: Span) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start < 1 or span.end >= len(doc):
        return False
    after = doc[span.end]
    return doc[span.start - 1].lower_ == "the" and after.text.islower() and after.lemma_ in GROUPING_NOUNS \
        and not place_kind(mention.text)


def _org_noun_before(doc, mention: Span, root, label: str) -> bool:
    """A lower-case noun for a kind of body right before the name, the name in apposition
    to it or the noun a modifier of it: "the fact-checking charity Full Fact", "the
    streaming service Netflix". Such a noun names what the name is, even a two-word
    name the small model took for a person's."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start < 1:
        return False
    before = doc[span.start - 1]
    if not before.text.islower() or before.pos_ != "NOUN" or \
            not (before.lemma_.lower() in ORG_DESCRIPTIONS or before.lower_.endswith("maker")):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.tag_ in ("VBD", "VBN") and after.head.i > after.i:
        return False     # "the company Tom Smith founded said": the name is the subject of a relative clause
    if label == "PERSON" and after is not None and after.pos_ != "PUNCT" and after.lemma_.lower() not in SPEECH_VERBS:
        return False     # ("the company Tom Smith founded in 2009", "... runs": the parse may hide the clause)
    return (root.dep_ == "appos" and root.head.i == before.i) or (before.dep_ == "compound" and before.head.i == root.i)


def _kind_noun_before(doc, mention: Span, root) -> str | None:
    """A lower-case noun for a work or an outlet right before the name ("the film
    Oppenheimer", "the magazine Vogue") says what the name is; not when the name is the
    subject of a clause of its own ("the book Trump wrote")."""
    if root.dep_ in ("nsubj", "nsubjpass") or place_kind(mention.text) or is_known_outlet(mention.text):
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start < 2:
        return None
    before = doc[span.start - 1]
    opener = doc[span.start - 2]
    # An article or an owner before the noun ("the film X", "the network's show X"), or a
    # modifier of the noun ("disaster movie X", "TV show X", "radio show X").
    if not before.text.islower() or before.pos_ != "NOUN" or not (
            opener.lower_ in ("the", "a", "an", "his", "her", "their", "its", "new", "latest", "hit")
            or (opener.tag_ == "POS" and before.lower_ in WORK_NOUNS)
            or (opener.dep_ in ("compound", "amod") and opener.head.i == before.i and before.lower_ in WORK_NOUNS)):
        return None
    if before.lower_ in WORK_NOUNS:
        return "WORK_OF_ART"
    if before.lower_ in OUTLET_NOUNS:
        return "ORG"
    return None


def _work_context(doc, mention: Span, root) -> bool:
    """"the Song Sung Blue premiere", "her role on Dahmer": a work, no place or body."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is not None and span.end < len(doc) and doc[span.end].lower_ in WORK_EVENT_NOUNS:
        return True          # whatever the parse: the tagger may read "premiere" as a verb
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() == "role"


# Nouns of a device or a program that a one-word name before them is the make or line of
# ("Brelto computers", "the Vantix smartphone"). Not vehicles and aircraft ("a Ryanair
# plane", "Uber cars" name the owner as often as the make), nor "player" alone ("NFL player").
DEVICE_NOUNS = {"computer", "laptop", "smartphone", "phone", "handset", "tablet", "console",
                "software", "spyware", "device", "headset", "smartwatch"}
_PLAYER_KINDS = {"music", "media", "video", "audio", "dvd", "mp3", "cd"}


def _device_after(doc, mention: Span) -> bool:
    """A one-word name (no acronym, place, outlet or body) right before a device noun that
    heads its phrase, with at most two lower-case words between ("Orvik digital music player");
    not "phone" modifying a noun ("the Talvane phone bank", "a Talvane phone call")."""
    form = mention.text
    if " " in form or form.isupper() or place_kind(form) or is_known_outlet(form) or \
            form.lower() in ORG_WORDS | INSTITUTION_WORDS or DEMONYM_ENDING.search(form) or \
            form in METONYM_BODIES:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    for j in range(span.end, min(span.end + 3, len(doc))):
        token = doc[j]
        if not token.text.islower() or token.pos_ not in ("NOUN", "ADJ", "PROPN"):
            return False
        noun = token.lemma_.lower()
        if noun in DEVICE_NOUNS or (noun == "player" and j > span.end and doc[j - 1].lower_ in _PLAYER_KINDS):
            return token.dep_ != "compound" and token.pos_ == "NOUN"
    return False


# What is made of a work alone, said right after its title: "the X trailer" (not an event's
# "premiere", "finale" or "screening").
WORK_ONLY_NOUNS = {"trailer", "sequel", "prequel", "soundtrack", "remake", "reboot", "spinoff",
                   "spin-off", "showrunner", "episode"}


def _made_for_a_work(doc, mention: Span) -> bool:
    words = mention.text.split()
    if words[-1] in EVENT_HEADS:
        return False         # "the World Cup trailer" is the tournament's
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and doc[span.end].lower_ in WORK_ONLY_NOUNS


# Verbs and phrases after which a one-word name is the outlet spoken to or quoted:
# "opened up to People", "told Variety", "according to Billboard".
_TOLD_VERBS = {"tell", "open"}


def _told_as_outlet(doc, mention: Span, root) -> bool:
    if place_kind(mention.text) or DEMONYM_ENDING.search(mention.text) or root.is_sent_start:
        return False
    head = root.head
    if root.dep_ == "dobj" and head.lemma_.lower() == "tell":
        return True
    if root.dep_ == "pobj" and head.lower_ == "to":
        verb = head.head
        return verb.lemma_.lower() in _TOLD_VERBS or (verb.lower_ == "according")
    return False


def _said_of_a_person(text: str, mention: Span, root) -> bool:
    """The text says the name is a person: an age in apposition ("Saal, 41,"), a passive
    only people undergo ("Saal was arrested"), or "X said she ..." (he or she as the subject
    of what X said)."""
    if _AGE_APPOSITION.match(text, mention.end):
        return True
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in KIN_NOUNS:
        return True              # "the home of Saal", "the family of Saal"
    if root.dep_ == "poss" and head.lemma_.lower() in KIN_NOUNS - {"home", "house", "funeral"}:
        return True              # "Brit's parents", "Oprah's close pal"
    if root.dep_ == "nsubjpass" and head.lemma_.lower() in PERSON_ONLY_PASSIVES:
        return True
    if root.dep_ == "nsubj" and head.lemma_.lower() in _MIND_VERBS and root.tag_ == "NNP" \
            and head.tag_ in ("VBD", "VBZ") and not _after_the(text, mention.start):
        # Singular only: "the Gunners believe he is the missing piece" is about a player.
        # After the verb only: in "he refused to come out, CMPD said" the pronoun is
        # another person, named earlier.
        if mention.text.isupper():
            return False
        if any(t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") and t.i > head.i
               and t.head.dep_ == "ccomp" and t.head.head.i == head.i for t in head.subtree):
            return True
        # "Ruben Amorim said his side had been unlucky": "his" owning the subject of what
        # the name said (a body says "its side"); names of bodies and places left out.
        return _plain_name(mention.text) and any(
            t.lower_ in ("his", "her") and t.dep_ == "poss" and t.i > head.i
            and t.head.dep_ in ("nsubj", "nsubjpass") and t.head.head.dep_ == "ccomp"
            and t.head.head.head.i == head.i for t in head.subtree)
    return False


# Words that make a text a football or sports report; three different ones are needed.
SPORT_WORDS = {"striker", "midfielder", "defender", "goalkeeper", "winger", "transfer", "squad",
               "goal", "football", "soccer", "fixture", "league", "club", "signing", "relegation",
               "promotion", "kick-off", "playoff", "play-off", "manager", "season", "match"}

# Verbs of a player's move: "signed for Sporting", "a bid from Liverpool".
_MOVE_VERBS = {"sign", "join", "move", "leave", "play", "bid", "offer", "return", "loan", "transfer",
               "arrive", "score"}

# Words that make a text a business report; three different ones are needed.
BUSINESS_WORDS = {"share", "earnings", "revenue", "profit", "investor", "stock", "shareholder",
                  "analyst", "quarterly", "dividend", "ceo", "nasdaq", "nyse"}

_PLACE_PREPOSITIONS = {"in", "at", "near", "from", "to", "across", "outside", "inside"}


def _is_business_text(doc) -> bool:
    return len({t.lemma_.lower() for t in doc} & BUSINESS_WORDS) >= 3


def _unknown_firm_like(doc, cluster: "Cluster") -> bool:
    """A one-word name the place lists do not know, never written as where something is
    ("in X", "from X"): in business news, the company ("Herbalife said")."""
    if any(len(f.split()) > 1 or f.isupper() or place_kind(f) or f + "." in STATE_ABBREVIATIONS
           or f in STATE_ABBREVIATIONS for f in cluster.forms):      # "Mass" or "Mass."
        return False
    for mention in cluster.mentions:
        root = _mention_root(doc, mention)
        if root is None or (root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS):
            return False
        if doc.text[mention.end:mention.end + 6].startswith(("-based", " Count", " City")) or \
                _placed_in_a_state(doc.text, mention):
            return False     # ("Plano, Texas-based": the town)
    return True


def _is_sports_text(doc) -> bool:
    return len({t.lemma_.lower() for t in doc} & SPORT_WORDS) >= 3


# A colon or a quote mark between a name and its verb: the verb belongs to the quote.
_QUOTE_BETWEEN = re.compile(r"[:\"“”]")

# Words after a town's name that make it its club in a sports report: "Kettering manager Paul
# Danvers", "Corby fans" (a squad role or the club's people).
_CLUB_PEOPLE_AFTER = re.compile(
    r" (?:manager|boss|coach|head coach|captain|chairman|owner|fans|supporters|players|"
    r"striker|defender|midfielder|goalkeeper|keeper|winger|forward)\b")

# Nouns and verbs of a match's result whose object is the other side: "a 3-1 win over
# Kettering", "defeats to Corby and Hitchin", "a draw with Stoke", "failed to beat Stevenage".
_RESULT_WORDS = {"win", "victory", "defeat", "loss", "lose", "draw", "beat", "triumph", "thrashing",
                 "clash", "tie", "match", "game", "fixture", "derby", "meeting"}

# Verbs whose object is the other side ("failed to beat Stevenage"); not "win" ("win
# Wimbledon" is a tournament) nor "lose" ("lose Kane" a player).
_BEATEN_BY = {"beat", "face", "host", "play", "edge", "thrash", "defeat"}

_SCORE_AFTER = re.compile(r" \d{1,2} ?[–-] ?\d{1,2} [A-Z]")
_SCORE_BEFORE = re.compile(r"[A-Za-z] \d{1,2} ?[–-] ?\d{1,2} $")


def _club_context(doc, mention: Span, label: str) -> str | None:
    """In a sports report, a town's name is its club when it owns a player ("West Ham's
    Edson Alvarez"), is played against ("the game against Liverpool"), a player moves to
    or from it ("signed for Sporting"), or it is named like a club ("Manchester City")."""
    if label not in ("GPE", "PERSON", "LOC", "NORP"):
        return None
    words = mention.text.split()
    if len(words) > 1 and words[-1] in SPORT_CLUB_ENDINGS:
        return "ORG"
    if _SCORE_AFTER.match(doc.text, mention.end) or _SCORE_BEFORE.search(doc.text, max(0, mention.start - 12),
                                                                         mention.start):
        return "ORG"         # "Chelsea 0 – 1 Manchester City": a result line names two clubs
    # (The rules for a town's name only: "Murray coach Ivan Lendl", "a win over Djokovic"
    # name people.)
    town = label != "PERSON"
    if town and _CLUB_PEOPLE_AFTER.match(doc.text, mention.end):
        return "ORG"
    root = _mention_root(doc, mention)
    if root is None:
        return None
    # The second of coordinated sides stands where the first does: "beat Corby Town or
    # Stevenage", "defeats to Corby and Hitchin".
    while town and root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    head = root.head
    if root.dep_ == "poss" and head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
        return "ORG"
    if root.dep_ == "pobj" and (head.lower_ == "against" or (
            head.lower_ in ("for", "from", "to") and head.head.lemma_.lower() in _MOVE_VERBS)):
        return "ORG"
    if town and ((root.dep_ == "pobj" and head.lower_ in ("over", "to", "with", "against") and
                  head.head.lemma_.lower() in _RESULT_WORDS) or
                 (root.dep_ == "dobj" and head.lemma_.lower() in _BEATEN_BY and head.pos_ == "VERB")):
        return "ORG"         # "a 3-1 win over Kettering", "failed to beat Stevenage"
    if root.dep_ == "pobj" and head.lower_ == "from" and head.head.pos_ == "PROPN" and \
            head.head.ent_type_ == "PERSON":
        return "ORG"         # "signed Liam Voss from Ipswich": the parser hangs "from" on the player
    return None


def _plural_verb(token) -> bool:
    """"are", "were", "have", "do" as finite plural forms; not "will have", "may have", nor
    the subjunctive "if Trump were to impose"."""
    if token.lower_ == "were" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "though")
                                      for c in token.children):
        return False
    return token.lower_ in _PLURAL_VERBS and (token.tag_ == "VBP" or token.lower_ == "were") \
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.head.children)


def _conjunct_label(doc, mention: Span, root, label: str, by_offset) -> str | None:
    """"Moscow and Kiev", "James and Riley": a one-word name coordinated with another of
    the small model's classic confusions takes the other's kind, when that one is certain
    (a person named in full; a place)."""
    partners = [root.head] if root.dep_ == "conj" else [c for c in root.children if c.dep_ == "conj"]
    for partner in partners:
        other = by_offset.get(partner.idx)
        if other is None:
            continue
        other_label = other.label
        if other_label == "PERSON" and label in ("GPE", "ORG", "LOC") and \
                any(len(name_tokens(f)) > 1 for f in other.forms):
            return "PERSON"
        if other_label == "GPE" and label == "PERSON":
            return "GPE"
        if other_label in ("FAC", "LOC") and label == "PERSON" and \
                any(f.split()[-1] in STREET_WORDS for f in other.forms):
            return other_label       # "near Harrow Fields and Mill Lane": two places
    return None


# Plural nouns for kinds of firm a list of names can stand before: "Orla, Skyreach and
# Westbound airlines", "the Barclays and Lloyds banks".
FIRM_KINDS = {"airline", "carrier", "bank", "company", "firm", "automaker", "carmaker", "insurer",
              "retailer", "lender", "brand", "chain", "network", "studio", "publisher", "store",
              "supermarket", "broadcaster", "operator", "manufacturer"}


def _listed_with_firms(doc, mention: Span, cluster: "Cluster", by_offset) -> bool:
    """Is the mention one of coordinated names before a plural noun for a kind of firm,
    beside a name that is a firm ("Orla, Skyreach and Westbound airlines" with Skyreach an
    organisation)? Not nationalities alone ("Japanese and Korean carmakers")."""
    root = _mention_root(doc, mention)
    if root is None:
        return False
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    head = first.head
    if first.dep_ not in ("nmod", "compound", "amod") or head.tag_ != "NNS" or \
            head.lemma_.lower() not in FIRM_KINDS or head.i < first.i:
        return False
    listed = [first] + [t for t in first.subtree if t.dep_ == "conj" and t.i < head.i]
    return len(listed) > 1 and any(
        by_offset.get(t.idx) is not None and by_offset[t.idx] is not cluster and by_offset[t.idx].label == "ORG"
        for t in listed)


def _speaks(doc, mention: Span) -> bool:
    root = _mention_root(doc, mention)
    return root is not None and root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS


# Last words of a place's, a building's or a body's two-word name: "Victoria Park" is no
# person beside "Victoria Beckham".
_NOT_A_SURNAME = _TOWN_NAME_HEADS | {"park", "river", "lake", "hall", "house", "island", "hill", "valley",
                                     "gardens", "court", "place", "bay", "beach", "heights", "springs"} | {
                                     w.lower() for w in SPORT_CLUB_ENDINGS}


def relabel_by_context(doc, text: str, clusters: list[Cluster]) -> None:
    """Correct a cluster's label with what the text says about its mentions: a description
    in apposition, a craft noun, a player's club, a plural verb, a coordinated name. Every
    mention with such evidence votes; the cluster follows the evidence when there is any."""
    by_offset = {}
    for cluster in clusters:
        for m in cluster.mentions:
            root = _mention_root(doc, m)
            if root is not None:
                by_offset[root.idx] = cluster
    voted: list[Cluster] = []
    sports = _is_sports_text(doc)
    business = _is_business_text(doc)
    for cluster in clusters:
        label = cluster.label
        if label == "NORP" and not any(DEMONYM_ENDING.search(f) for f in cluster.forms) and any(
                _corporate_context(doc, m) for m in cluster.mentions):
            cluster.labels, cluster.group = Counter({"ORG": len(cluster.mentions)}), "org"
            continue                 # "the Theranos founder": a company, not a group of people
        if label == "EVENT" and any(
                (_kind_noun_before(doc, m, root) == "WORK_OF_ART" or _made_for_a_work(doc, m))
                for m in cluster.mentions for root in [_mention_root(doc, m)] if root is not None):
            # "disaster movie World War Omega", "the World War Omega trailer": a title the
            # model read as an event ("World War"), no event ("a Cold War movie" is about one,
            # "the Olympics finale" is the event's).
            cluster.labels = Counter({"WORK_OF_ART": len(cluster.mentions)})
            cluster.group = LABEL_GROUPS.get("WORK_OF_ART", "work_of_art")
            continue
        if label in ("NORP", "LOC", "GPE", "PERSON") and any(
                _listed_with_firms(doc, m, cluster, by_offset) for m in cluster.mentions):
            cluster.labels, cluster.group = Counter({"ORG": len(cluster.mentions)}), "org"
            voted.append(cluster)
            continue                 # "shares of Orla, Skyreach and Westbound airlines"
        if label in ("WORK_OF_ART", "EVENT", "NORP") or any(
                is_known_outlet(f) or f in SOCIAL_PLATFORMS for f in cluster.forms):
            continue
        if business and label == "GPE" and _unknown_firm_like(doc, cluster):
            cluster.labels, cluster.group = Counter({"ORG": len(cluster.mentions)}), "org"
            voted.append(cluster)
            continue                 # "Herbalife said ...": a company in business news
        if any(ROYAL_STYLE.fullmatch(f) for f in cluster.forms):
            continue
        votes: Counter[str] = Counter()
        # A person named in full is no club ("a bid for midfielder Ander Herrera").
        club_candidate = sports and not (label == "PERSON" and any(
            len(name_tokens(f)) > 1 and f.split()[-1] not in SPORT_CLUB_ENDINGS for f in cluster.forms))
        full_person_name = label == "PERSON" and any(len(name_tokens(f)) > 1 and _plain_name(f)
                                                     for f in cluster.forms) and _has_person_evidence(doc, cluster)
        # ... and called by the last word alone, as people are ("Virginia Halden ... Halden").
        called_by_surname = label == "PERSON" and any(
            len(name_tokens(f)) == 1 and any(len(name_tokens(g)) > 1 and name_tokens(g)[-1] == name_tokens(f)[0]
                                             and _plain_name(g) for g in cluster.forms) for f in cluster.forms)
        one_word = all(len(f.split()) == 1 for f in cluster.forms)
        for m in cluster.mentions:
            said = _context_label(doc, text, m, label, sports, full_person_name, called_by_surname) or \
                (club_candidate and _club_context(doc, m, label))
            if not said and one_word and label in ("ORG", "PERSON", "GPE") and _device_after(doc, m):
                said = "PRODUCT"     # "Vantix smartphone", "Brelto computers": a product line
            if said:
                votes[said] += 1
        # (One word as written: a hyphenated surname, "Ebbing-Lowe", is one name too.)
        if not votes and all(len(f.split()) == 1 for f in cluster.forms) and not any(
                f.isupper() or f.lower() in ORG_WORDS | INSTITUTION_WORDS for f in cluster.forms):
            conj = []
            for m in cluster.mentions:
                root = _mention_root(doc, m)
                conj.append(root is not None and _conjunct_label(doc, m, root, label, by_offset))
            if conj and all(conj) and len(set(conj)) == 1:
                votes[conj[0]] = len(conj)
        if not votes and label in ("ORG", "GPE") and any(len(f.split()) > 1 for f in cluster.forms) and all(
                len(f.split()) <= 3 and not f.isupper() and not place_kind(f) and
                not set(name_tokens(f)) & (ORG_DESCRIPTIONS | INSTITUTION_WORDS | BODY_WORDS)
                for f in cluster.forms):
            # "Niecy Nash and Jessica Betts": a full name coordinated with a person's full name.
            for m in cluster.mentions:
                root = _mention_root(doc, m)
                if root is not None and _conjunct_label(doc, m, root, label, by_offset) == "PERSON":
                    votes["PERSON"] += 1
        if not votes and label == "PERSON" and len(cluster.mentions) == 1 and \
                not _has_person_evidence(doc, cluster):
            # A name written once, coordinated with a street: a place of the same kind.
            m = cluster.mentions[0]
            root = _mention_root(doc, m)
            said = root is not None and _conjunct_label(doc, m, root, label, by_offset)
            if said in ("FAC", "LOC"):
                votes[said] += 1
        if votes.get("PRODUCT") and any(_speaks(doc, m) for m in cluster.mentions):
            del votes["PRODUCT"]     # "Boeing said": the maker, not its "Boeing aircraft"
        if not votes:
            continue
        new = votes.most_common(1)[0][0]
        if new != label:
            cluster.labels = Counter({new: len(cluster.mentions)})
            cluster.group = LABEL_GROUPS.get(new, new.lower())
        voted.append(cluster)
    # The same name found again under another label ("Spring Hill" a place here, a person
    # there) is the referent the evidence decided.
    for cluster in voted:
        for other in clusters:
            if other is not cluster and other not in voted and other.mentions and \
                    set(other.forms) & set(cluster.forms):
                label = cluster.label
                for mention in other.mentions:
                    cluster.add(mention, label)
                other.mentions, other.forms = [], Counter()
    # "Madison" said four times and "Madison LeCroy" tagged a place (once, or each time it
    # is written in that one form): the person.
    for cluster in clusters:
        if cluster.group != "person" or len(cluster.mentions) < 2 or \
                any(len(name_tokens(f)) > 1 for f in cluster.forms):
            continue
        given = {name_tokens(f)[0] for f in cluster.forms}
        for other in clusters:
            if other.group == "person" or len(other.forms) != 1 or not other.mentions or \
                    len(other.mentions) > len(cluster.mentions):
                continue
            toks = name_tokens(next(iter(other.forms)))
            if len(toks) == 2 and toks[0] in given and toks[1] not in ORG_WORDS and \
                    not any(w in PLACE_HEADS | FEATURE_WORDS for w in next(iter(other.forms)).split()):
                for mention in other.mentions:
                    cluster.add(mention, "PERSON")
                cluster.labels = Counter({"PERSON": len(cluster.mentions)})
                other.mentions, other.forms = [], Counter()
    # "a cross from Jamie Dunne" (the model's FAC) beside "Jamie Rourke": a two-word name
    # that opens with a given name a person in the text bears, and ends in no word of a
    # body's, a building's or a place's name, is a person too. The same two words labelled a
    # person elsewhere ("Civic Forum" the alliance, and the tagger's PERSON for "Civic Forum's
    # John Miller") are no second person bearing the given name: no evidence.
    person_names = {tuple(name_tokens(f)) for c in clusters if c.label == "PERSON"
                    for f in c.forms if len(name_tokens(f)) > 1 and _plain_name(f)}
    for cluster in clusters:
        if cluster.label not in ("FAC", "ORG", "GPE", "LOC") or len(cluster.forms) != 1:
            continue
        form = next(iter(cluster.forms))
        words = form.split()
        bearers = {n for n in person_names if n[0] == words[0].lower()} if len(words) == 2 else set()
        if len(words) == 2 and _plain_name(form) and bearers - {tuple(name_tokens(form))} and \
                words[1].lower() not in _NOT_A_SURNAME and not place_kind(form) and not is_known_outlet(form):
            cluster.labels, cluster.group = Counter({"PERSON": len(cluster.mentions)}), "person"
    # "St. Clair" after "St. Clair County": the county.
    for cluster in clusters:
        for other in clusters:
            if other is cluster or not other.mentions or not cluster.mentions:
                continue
            if any(f"{f} {head}" in cluster.forms for f in other.forms for head in PLACE_HEADS) or any(
                    f.endswith(" Co.") and f"{f[:-4]} County" in cluster.forms for f in other.forms):
                # "Gibson Co. sheriff" beside "Gibson County": the county's short form.
                for mention in other.mentions:
                    cluster.add(mention, "GPE")
                other.mentions, other.forms = [], Counter()
    clusters[:] = [c for c in clusters if c.mentions]


# Pronouns only a person takes: a body is "it", a place "it" or "there".
_PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his", "himself", "herself"}

# Labels the small model gives people's names in error that a surname's pronoun can correct.
_MISLABELLED_PERSON = {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}


def _taken_up_as_a_person(doc, text: str, start: int, end: int) -> bool:
    """Is the name at text[start:end] followed by ", who" ("Pereault, who signed in July"),
    or a subject that a later "he", "she", "her" or "herself" of its sentence refers back
    to, with no other name between ("Brackley found herself without work", "Velloso
    thanked her coach")?"""
    if re.match(r",\s+who\b", text[end:]):
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    # (A surname the model did not see as a name is often parsed as an adverb; one right
    # before a finite verb is the verb's subject all the same: "Brackley found herself".)
    if span is None or (span.root.dep_ not in ("nsubj", "nsubjpass") and not (
            span.end < len(doc) and doc[span.end].tag_ in ("VBD", "VBZ"))):
        return False
    for token in doc[span.end: span.sent.end]:
        if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and not token.ent_type_) or \
                token.text in ("“", '"'):
            return False         # another person or an unknown name, or a quote whose "she" is anyone
        if token.lower_ in _PERSONAL_PRONOUNS and token.pos_ == "PRON":
            return True
    return False


def _after_the(text: str, start: int) -> bool:
    """Does "the " stand right before `start`?"""
    return text[max(0, start - 4):start].lower() == "the "


def _written(text: str, word: str):
    """The matches of `word` as a whole word of `text`: not part of a longer word, a hyphenated
    word or a possessive ("Brackley's")."""
    return re.finditer(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])", text)


def _single_name_of_a_person(doc, text: str, name: str, surnames: Counter[str]) -> bool:
    """A single name ("Taviska" GPE) that no full name of the text ends in, no known place,
    never after "the", taken up by "he", "she" or "who" at least twice ("Taviska made his
    debut ..., and Taviska scored his first goal"): one pronoun could belong to another."""
    if not (name[:1].isupper() and name[1:].islower() and name.isalpha()) or surnames[name] or \
            place_kind(name) or not _plain_name(name):
        return False
    written = list(_written(text, name))
    if any(_after_the(text, m.start()) for m in written):
        return False
    return sum(_taken_up_as_a_person(doc, text, m.start(), m.end()) for m in written) >= 2


def people_called_by_surname(doc, text: str, clusters: list[Cluster]) -> list[Cluster]:
    """A given name and surname the model called a body or a place ("Morgan Brackley" ORG)
    is a person where the text also calls it by the surname alone and the full name or the
    surname is taken up by "he", "she" or "who" ("Brackley found herself without work",
    "Pereault, who signed in July"); a single name likewise where two such pronouns take
    it up. A company named like a person is called "it" ("Kray said it would ..."), so a
    surname that speaks is not enough. A surname two full names share is left alone."""
    surnames: Counter[str] = Counter()
    for cluster in clusters:
        for form in {f for f in cluster.forms if len(f.split()) > 1}:
            surnames[form.split()[-1]] += 1
    for cluster in clusters:
        label = cluster.label
        if label not in _MISLABELLED_PERSON:
            continue
        if len(cluster.forms) == 1 and " " not in next(iter(cluster.forms)):
            if _single_name_of_a_person(doc, text, next(iter(cluster.forms)), surnames):
                cluster.labels, cluster.group = Counter({"PERSON": len(cluster.mentions)}), "person"
            continue
        full = [f for f in cluster.forms if 2 <= len(f.split()) <= 3 and _plain_name(f) and
                all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() and
                    w.lower() not in FACILITY_HEADS and w not in PLACE_HEADS for w in f.split())]
        if len(full) != 1 or surnames[full[0].split()[-1]] > 1:
            continue
        surname = full[0].split()[-1]
        if not set(cluster.forms) <= {full[0], surname, full[0].split()[0]}:
            continue             # other names in the cluster: not one person's forms
        if place_kind(surname) or not _plain_name(surname) or any(
                _after_the(text, m.start) for m in cluster.mentions):
            continue             # "the White House": "the" takes a body's or a place's name
        alone = [m for m in _written(text, surname)
                 if not text[:m.start()].endswith(full[0][:-len(surname)])
                 and not _after_the(text, m.start())]
        if not alone:
            continue
        evidence = [(m.start(), m.end()) for m in alone] + [
            (m.start, m.end) for m in cluster.mentions if m.text == full[0]]
        if not any(_taken_up_as_a_person(doc, text, a, b) for a, b in evidence):
            continue
        cluster.labels, cluster.group = Counter({"PERSON": len(cluster.mentions)}), "person"
        # The surname the model put in a cluster of its own ("Brackley" GPE) joins the person.
        for other in clusters:
            if other is not cluster and other.mentions and set(other.forms) == {surname}:
                for mention in other.mentions:
                    cluster.add(mention, "PERSON")
                other.mentions, other.forms = [], Counter()
    return [c for c in clusters if c.mentions]


def merge_club_towns(doc, text: str, clusters: list[Cluster]) -> list[Cluster]:
    """"Cincinnati coach Pat Noonan" after "FC Cincinnati": the town a club is named with,
    when the article names the club by its club word, is the club, unless written as a
    place ("in Cincinnati", "Cincinnati-based")."""
    clubs = {}
    for cluster in clusters:
        for form in cluster.forms:
            words = form.split()
            if len(words) > 1 and words[0] in CLUB_FIRST_WORDS and cluster.label == "ORG":
                clubs.setdefault(" ".join(words[1:]), cluster)
    if not clubs:
        return clusters
    kept = []
    for cluster in clusters:
        club = next((clubs[f] for f in cluster.forms if f in clubs), None)
        if club is None or club is cluster or cluster.group == "person" or \
                any(place_usage(doc, text, m, classifier=False) for m in cluster.mentions):
            # "Cincinnati coach" after "FC Cincinnati" is the club's coach: a noun the town
            # classifies is no evidence of a place here (the town table knows Cincinnati)
            kept.append(cluster)
            continue
        for mention in cluster.mentions:
            club.add(mention, "ORG")
    return kept
