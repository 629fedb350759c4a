"""Name forms: mentions clustered into one referent by surname, given name, spelling
variant or acronym; one name's label confusions merged; short forms of organisations
joined to the one fuller name they end.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import Levenshtein

from ..model import Span, clean_name
from .places import place_kind
from .sources import is_known_outlet
from .entities_words import (CLUB_MARKS, SPORT_CLUB_ENDINGS, COMPANY_SUFFIXES, DEMONYM_ENDING, ORG_WORDS, SPEECH_VERBS,
                             written_in_lower_case)


# Spelling variants of one surname: "Zelensky"/"Zelenskyy" (1 edit), "Zelensky"/"Zelenksy"
# (a transposition, 2 plain edits). Names this similar and this long are rarely two people.
_MAX_NAME_EDITS = 2

_MIN_FUZZY_LEN = 5

_MIN_TWO_EDIT_LEN = 7


def _known_place(form: str) -> bool:
    """A country, city or state the place lists know as written: "Herat" is no misspelt
    "Herar" (towns are left out: many are surnames as well)."""
    return place_kind(form) in ("country", "city", "subdivision")


def name_tokens(name: str) -> list[str]:
    # clean_name: a zero-width or bidi character inside a name must not make it another name.
    return [t for t in re.split(r"[\s\-]+", clean_name(name).lower().replace(".", "")) if t]


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < _MIN_FUZZY_LEN or a[0] != b[0]:
        return False
    # Two edits only in longer names: "Wales" / "Wallis" are two edits apart and two referents.
    edits = _MAX_NAME_EDITS if min(len(a), len(b)) >= _MIN_TWO_EDIT_LEN else 1
    return Levenshtein.distance(a, b) <= edits


class Cluster:
    def __init__(self, group: str):
        self.group = group
        self.forms: Counter[str] = Counter()
        self.labels: Counter[str] = Counter()
        self.mentions: list[Span] = []
        self.demonyms: set[str] = set()  # forms seen as NORP ("Karsovian")

    def add(self, span: Span, label: str) -> None:
        self.forms[span.text] += 1
        self.labels[label] += 1
        self.mentions.append(span)
        if label == "NORP":
            self.demonyms.add(span.text)

    def remove(self, span: Span) -> None:
        """Take a mention out again; the label it was counted under is not kept per mention,
        so the cluster's most common label loses one (a cluster emptied this way is dropped
        by the caller)."""
        self.mentions.remove(span)
        self.forms[span.text] -= 1
        self.forms += Counter()                  # drop forms counted down to zero
        if self.labels:
            self.labels[self.label] -= 1
            self.labels += Counter()

    @property
    def label(self) -> str:
        """The label the cluster's mentions were given most often."""
        return self.labels.most_common(1)[0][0]

    @property
    def name(self) -> str:
        # A country is named "Karsovia", not by its adjective "Karsovian".
        # ... and "Lionel Messi", not the headline's "LIONEL MESSI".
        return max(self.forms, key=lambda f: (f not in self.demonyms, len(name_tokens(f)),
                                              not (f.isupper() and " " in f), self.forms[f], len(f)))

    def matches_given_name(self, form: str, group: str) -> bool:
        """"Madison" after "Madison Ferrow", "Lu" after "Lu Kang" (surname first): a one-word
        name equal to the first word of a fuller form. Tried only when no cluster matches by
        surname (`matches`)."""
        if group != "person" or self.group != "person":
            return False
        toks = name_tokens(form)
        for known in self.forms:
            ktoks = name_tokens(known)
            if len(toks) == 1 and len(ktoks) > 1 and toks[0] == ktoks[0]:
                return True
            if len(ktoks) == 1 and len(toks) > 1 and ktoks[0] == toks[0]:
                return True
        return False

    def _other_given_name(self, toks: list[str]) -> bool:
        """"Oscar Jackman" after "Hugh Jackman ... Jackman": the bare surname would bridge
        the two, but a full name with the same surname and another given name is another
        person (a son, a wife, a brother)."""
        if len(toks) < 2:
            return False
        fulls = [k for k in map(name_tokens, self.forms) if len(k) > 1 and _same_word(toks[-1], k[-1])]
        return bool(fulls) and all(_first_names_differ(toks[0], k[0]) and not _ends_with(k, toks)
                                   and not _ends_with(toks, k) for k in fulls)

    def matches(self, form: str, group: str) -> bool:
        if group != self.group:
            return False
        toks = name_tokens(form)
        if not toks:
            return False
        if group == "person" and self._other_given_name(toks):
            return False
        for known in self.forms:
            ktoks = name_tokens(known)
            if toks == ktoks:
                return True
            # A known place is spelt one way: "Herat" is no typo of "Herar" (nor of "Herar" the
            # model called a body).
            same = str.__eq__ if _known_place(form) or _known_place(known) else _same_word
            if group == "person":
                # Same surname, and first names (when both have one) agree.
                if same(toks[-1], ktoks[-1]) and (
                        len(toks) == 1 or len(ktoks) == 1 or _same_word(toks[0], ktoks[0])):
                    return True
                # A surname of two words or more, alone: "Al Haddad", "Van Doorne",
                # "Marsh-Keller" after "Nadia Al Haddad" (the full name's last words).
                if _ends_with(ktoks, toks) or _ends_with(toks, ktoks):
                    return True
            elif len(toks) == len(ktoks) and all(map(same, toks, ktoks)):
                return True
            elif "".join(toks) == "".join(ktoks):
                return True  # "Globe Newswire" / "GlobeNewswire"
            elif _is_acronym(form, ktoks) or _is_acronym(known, toks):
                return True  # an acronym of a known organisation: "UN" for "United Nations"
        return False


def _ends_with(full: list[str], surname: list[str]) -> bool:
    """Is `surname`, of two words or more, the last words of the longer `full` name?"""
    return 1 < len(surname) < len(full) and full[-len(surname):] == surname


def _first_names_differ(a: str, b: str) -> bool:
    """Two given names of two people: "hugh" / "oscar"; an initial ("h" of "hugh") is none."""
    if len(a) == 1 or len(b) == 1:
        return a[0] != b[0]
    return not _same_word(a, b)


def _is_acronym(form: str, toks: list[str]) -> bool:
    """"UN" of "united nations", "U.S." of "united states", "NHS" of "national health service"."""
    short = form.replace(".", "")
    if len(toks) < 2 or len(short) < 2 or not short.isupper() or " " in short:
        return False
    if short.lower() in toks:
        return False     # "U.S." is the first word of "U.S. Senate", not its initials
    content = [t for t in toks if t not in ("of", "the", "and", "for")]
    return short in ("".join(t[0] for t in toks).upper(), "".join(t[0] for t in content).upper())


def cluster_for(clusters: list[Cluster], span: Span, group: str) -> Cluster:
    """The cluster of `group` that `span`'s name matches, or a new one appended."""
    cluster = next((c for c in clusters if c.matches(span.text, group)), None)
    if cluster is None:
        cluster = Cluster(group)
        clusters.append(cluster)
    return cluster


def _is_place_object(doc, mention: Span) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "from", "to", "near", "across")


def merge_across_labels(doc, clusters: list["Cluster"]) -> list["Cluster"]:
    """Fix the small model's label confusions: a "person" whose name holds an organisation
    word becomes an organisation, and a one-word "person" that is elsewhere tagged as a place
    or organisation is that place or organisation."""
    for cluster in clusters:
        if cluster.group == "person" and any(
                w in ORG_WORDS for f in cluster.forms for w in name_tokens(f)):
            cluster.group = "org"
            cluster.labels = Counter({"ORG": sum(cluster.labels.values())})
    merged: list[Cluster] = []
    for cluster in clusters:
        one_word = all(len(name_tokens(f)) == 1 for f in cluster.forms)
        if cluster.group == "norp" and one_word and not any(DEMONYM_ENDING.search(f) for f in cluster.forms):
            # "Kris" (NORP) after "Kris Jenner": a given name or surname, not a group.
            words = {name_tokens(f)[0] for f in cluster.forms}
            target = next((o for o in clusters if o.group == "person" and any(
                len(name_tokens(pf)) > 1 and words & {name_tokens(pf)[0], name_tokens(pf)[-1]} for pf in o.forms)), None)
            if target is not None:
                for mention in cluster.mentions:
                    target.add(mention, "PERSON")
                continue
        if cluster.group == "person" and one_word:
            # "the Enquirer" after "the National Enquirer": the outlet's short name, unless
            # a person of the text has that surname.
            words = {name_tokens(f)[0] for f in cluster.forms}
            surname_of = any(o.group == "person" and o is not cluster and any(
                len(name_tokens(pf)) > 1 and name_tokens(pf)[-1] in words for pf in o.forms) for o in clusters)
            org = next((o for o in clusters if o.group == "org" and o.label == "ORG"
                        and any(len(name_tokens(of)) > 1 and name_tokens(of)[-1] in words for of in o.forms)), None)
            if org is not None and not surname_of:
                for mention in cluster.mentions:
                    org.add(mention, "ORG")
                continue
        if cluster.group == "person" and all(len(name_tokens(f)) == 1 for f in cluster.forms) and \
                all(_is_place_object(doc, m) for m in cluster.mentions):
            # "a press conference in Lindholm": a one-word "person" only ever found after
            # in/at/from/to is a place.
            cluster.group, cluster.labels = "org", Counter({"GPE": len(cluster.mentions)})
        if cluster.group == "person" and all(len(name_tokens(f)) == 1 for f in cluster.forms):
            target = next((o for o in clusters if o is not cluster and o.group != "person"
                           and set(o.forms) & set(cluster.forms)), None)
            if target is not None:
                for mention in cluster.mentions:
                    target.add(mention, target.label)
                continue
        if cluster.group != "person" and all(len(f.split()) == 1 for f in cluster.forms):
            # "Councillor Rowan Pike ... Pike said": a bare surname the model took for an
            # organisation is the person named before; "Jacob Rees-Mogg ... Rees-Mogg" too.
            # (A known place joins only a surname spelt as it is: "Herat" is no "Herar".)
            surnames = [(name_tokens(f), _same_word if not _known_place(f) else str.__eq__)
                        for f in cluster.forms]
            target = next((o for o in clusters if o.group == "person" and any(
                len(name_tokens(pf)) > len(t) and all(map(same, name_tokens(pf)[-len(t):], t))
                for pf in o.forms for t, same in surnames if t)), None)
            if target is not None:
                for mention in cluster.mentions:
                    target.add(mention, "PERSON")
                continue
        if cluster.group != "person":
            target = next((o for o in merged if o.group != "person" and o is not cluster
                           and set(o.forms) & set(cluster.forms)), None)
            if target is not None:
                for mention in cluster.mentions:
                    target.add(mention, cluster.label)
                continue
        merged.append(cluster)
    return merged


def join_bare_surnames(clusters: list["Cluster"]) -> list["Cluster"]:
    """After the evidence has relabelled a full name as a person ("48-year-old Ivo Dalmer",
    the model's ORG), a bare surname the model took for a body or a place ("checked with
    Dalmer", its GPE) is that person too: `merge_across_labels` joined such surnames only to
    names the model itself had called people. Not a known place or outlet, nor capitals."""
    kept: list[Cluster] = []
    for cluster in clusters:
        forms = [name_tokens(f) for f in cluster.forms]
        if cluster.group != "person" and forms and all(len(t) == 1 for t in forms) and \
                cluster.label in ("ORG", "GPE", "LOC", "FAC", "PRODUCT") and \
                not any(f.isupper() or place_kind(f) or is_known_outlet(f) for f in cluster.forms):
            targets = [o for o in clusters if o.group == "person" and any(
                len(name_tokens(pf)) > 1 and _same_word(name_tokens(pf)[-1], t[0])
                for pf in o.forms for t in forms)]
            if len(targets) == 1:
                for mention in cluster.mentions:
                    targets[0].add(mention, "PERSON")
                continue
        kept.append(cluster)
    return kept


class _SurnamesOf:
    """The last name token of each form of a cluster, `{name_tokens(f)[-1] for f in
    cluster.forms if name_tokens(f)}`, kept while the cluster's forms stay the same (one
    article's pass asks it for every proper noun and every person)."""

    def __init__(self):
        self._last_token: dict[str, str | None] = {}
        self._by_cluster: dict[int, tuple[int, set[str]]] = {}

    def __call__(self, cluster: "Cluster") -> set[str]:
        # Forms are only added during the pass (Counter keys), so their count names the set.
        kept = self._by_cluster.get(id(cluster))
        if kept is not None and kept[0] == len(cluster.forms):
            return kept[1]
        surnames = set()
        for form in cluster.forms:
            if form not in self._last_token:
                tokens = name_tokens(form)
                self._last_token[form] = tokens[-1] if tokens else None
            if self._last_token[form] is not None:
                surnames.add(self._last_token[form])
        self._by_cluster[id(cluster)] = (len(cluster.forms), surnames)
        return surnames


def _surname_taken_for_a_noun(text: str, token, people: list[Cluster]) -> bool:
    """"Trevelyes wrote" after "Mira Trevelyes": a surname ending like a plural that the
    tagger read as a common noun. Only the surname of a full name, spelt as the full name
    spells it, and a word the text never writes in lower case."""
    if token.pos_ != "NOUN" or not token.text[1:].islower() or len(token.text) < 3:
        return False
    if not any(len(f.split()) > 1 and f.split()[-1] == token.text for c in people for f in c.forms):
        return False
    return not written_in_lower_case(token.text, text)


def add_missed_surnames(doc, text: str, clusters: list[Cluster], seen: set[tuple[int, int]]) -> None:
    """The small model misses some bare surnames ("Shoigu said"); a proper noun spelled like
    the surname of a person already named in the article is that person."""
    covered = set()
    for start, end in seen:
        covered.update(range(start, end))
    people = [c for c in clusters if c.group == "person"]
    surnames_of = _SurnamesOf()
    for token in doc:
        if token.idx in covered or not token.text[:1].isupper():
            continue
        if token.pos_ != "PROPN" and not _surname_taken_for_a_noun(text, token, people):
            continue
        word = token.text.lower()
        if is_known_outlet(token.text):
            continue             # "(Reuters)" is the agency, whatever person is named like it
        # (A known place only as the surname is spelt: "Herat" is no typo of "Herar".)
        same = str.__eq__ if _known_place(token.text) else _same_word
        for cluster in people:
            surnames = surnames_of(cluster)
            if any(same(word, s) for s in surnames) and len(word) >= 3:
                span = Span.of(text, token.idx, token.idx + len(token.text))
                cluster.add(span, "PERSON")
                covered.update(range(span.start, span.end))
                break


# Last words that name another body than the full name they end: "the House" after "the
# White House", "States" of "United States".
_NOT_A_SHORT_FORM = {"house", "states", "kingdom", "nations", "union", "party"}


# Words after a company's own name that say what kind of body it is: its legal form, a
# group, an outlet's "News" ("Varnex Group AG", "Kyodo News").
_COMPANY_TAIL = COMPANY_SUFFIXES | {"group", "corporation", "limited", "bv", "se", "holdings",
                                    "holding", "news", "airlines", "airways", "motor", "motors",
                                    "industries", "technologies", "pharmaceuticals"}


def _company_of(cluster: Cluster, clusters: list[Cluster]) -> Cluster | None:
    """The one organisation whose name is this name and a company tail ("Varnex" of
    "Varnex Group AG", "Velcor Norvik" of "Velcor Norvik Corp.", "Orla" of "Orla
    Airlines"), or None."""
    forms = [name_tokens(f) for f in cluster.forms]
    if not forms or len({tuple(t) for t in forms}) != 1 or not forms[0] or \
            any(f.isupper() or place_kind(f) for f in cluster.forms):
        return None
    core = forms[0]
    if len(core) > 1 and cluster.label != "ORG":
        return None          # (a longer name only as a body: "Ford Motor" is no person's)
    fuller = [o for o in clusters if o is not cluster and o.group == "org" and o.mentions
              and o.label == "ORG"
              and any(len(t) > len(core) and t[:len(core)] == core and set(t[len(core):]) <= _COMPANY_TAIL
                      for t in map(name_tokens, o.forms))]
    return fuller[0] if len(fuller) == 1 else None


# Capitalised words of a body's name that only say what kind of body it is: "Marbury Police
# Department", "Marbury High School", "the Marbury Daily News".
_KIND_WORDS = ORG_WORDS | {"police", "department", "city", "county", "school", "high", "fire", "public",
                           "daily", "weekly", "sunday", "community", "regional", "general", "memorial",
                           "national", "state", "airport", "church", "college", "academy", "center",
                           "centre", "service", "services", "authority", "commission", "bureau", "district",
                           "international", "global", "holdings", "sheriff's", "sheriff", "municipal"}

# Prepositions before where something is: "a man in Marbury was hurt".
_WHERE_PREPOSITIONS = {"in", "at", "near", "across", "outside", "inside", "around"}


def _organisation_named_by(doc, cluster: Cluster, clusters: list[Cluster]) -> Cluster | None:
    """The one organisation whose full name begins or ends with this one-word name the model
    called a place, where the full name's other words hold a name of their own (a word
    the text names on its own, a known place, or a capitalised word that is no noun for a
    kind of body: "Borussia", "Lisbon"), not only such nouns ("Marbury Police Department"
    keeps the town). Not a country, city or state the lists know ("Munich" of "Bayern
    Munich"), nor a name written as where something is ("a man in Marbury")."""
    forms = list(cluster.forms)
    if cluster.label not in ("GPE", "LOC") or len(forms) != 1 or \
            len(forms[0].split()) != 1 or forms[0].isupper() or _known_place(forms[0]):
        return None
    for mention in cluster.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in _WHERE_PREPOSITIONS:
            return None
    word = forms[0]
    text_names = {f for c in clusters for f in c.forms if c is not cluster and len(f.split()) == 1}
    fuller = []
    for other in clusters:
        if other is cluster or other.group != "org" or other.label != "ORG":
            continue
        for form in other.forms:
            words = form.split()
            if len(words) < 2 or word not in (words[0], words[-1]):
                continue
            rest = words[1:] if words[0] == word else words[:-1]
            if any(w in text_names or place_kind(w) or (w[:1].isupper() and w.lower() not in _KIND_WORDS)
                   for w in rest):
                fuller.append(other)
                break
    return fuller[0] if len(fuller) == 1 else None


def merge_short_forms(clusters: list[Cluster], doc=None) -> list[Cluster]:
    """"The Post" after "The Washington Post", "the Defense Ministry" after "the Russian
    Defense Ministry": an organisation named by the end of one (and only one) fuller name
    in the article is that organisation; so is a one-word name that with a company tail is
    one organisation's name ("Varnex" of "Varnex Group AG", "Kyodo" of "Kyodo News"),
    whatever the model's label."""
    merged = []
    for cluster in clusters:
        if cluster.label in ("ORG", "NORP", "PERSON", "GPE", "PRODUCT"):
            company = _company_of(cluster, clusters)
            if company is not None:
                # "Varnex" (the model's NORP or PERSON) after "Varnex Group AG": the company.
                for mention in cluster.mentions:
                    company.add(mention, "ORG")
                continue
        club = _organisation_named_by(doc, cluster, clusters) if doc is not None else None
        if club is not None:
            # "Dortmund" after "Borussia Dortmund", "Sporting" after "Sporting Lisbon" (the
            # model's GPE): the one organisation named in full with this word.
            for mention in cluster.mentions:
                club.add(mention, "ORG")
            continue
        if cluster.label != "ORG" or any(f.isupper() for f in cluster.forms):
            merged.append(cluster)
            continue
        forms = [name_tokens(f) for f in cluster.forms]
        if any(len(t) == 1 and t[0] in _NOT_A_SHORT_FORM for t in forms):
            merged.append(cluster)
            continue
        # A company merged from two ("Velcor Norvik" after "Velcor and Norvik"): neither half,
        # each named on its own, is its short form.
        halves = {tuple(name_tokens(f)) for o in clusters if o is not cluster and o.label == "ORG"
                  for f in o.forms}
        fuller = [o for o in clusters if o is not cluster and o.group == "org"
                  and o.label == "ORG"
                  and all(any(len(name_tokens(of)) > len(t) and (
                      (name_tokens(of)[-len(t):] == t and tuple(name_tokens(of)[:-len(t)]) not in halves) or (
                      # "Sporting" after "Sporting CP", "Redfield" after "Redfield Town": the club
                      # without its letters or its last word
                      name_tokens(of)[:len(t)] == t and all(w.upper() in CLUB_MARKS or w.title() in SPORT_CLUB_ENDINGS
                                                            for w in name_tokens(of)[len(t):])))
                      for of in o.forms) for t in forms)]
        if len(fuller) == 1:
            for mention in cluster.mentions:
                fuller[0].add(mention, "ORG")
            continue
        merged.append(cluster)
    return merged


def settle_dateline_places(clusters: list[Cluster], places: list[Span]) -> list[Cluster]:
    """A dateline's place ("ALEXANDRIA, Va. –") is a place, whatever the evidence around
    the sentence it opens said; the same name written again in the story ("the words
    'Alexandria inmate'"), in any case, is that place too: one label per name."""
    if not places:
        return clusters
    names = {p.text.lower() for p in places}
    moved: dict[str, Cluster] = {}
    kept = []
    for cluster in clusters:
        for mention in [m for m in cluster.mentions if m.text.lower() in names]:
            cluster.mentions.remove(mention)
            cluster.forms[mention.text] -= 1
            if cluster.forms[mention.text] <= 0:
                del cluster.forms[mention.text]
            place = moved.setdefault(mention.text.lower(), Cluster("org"))
            place.add(mention, "GPE")
        if cluster.mentions:
            kept.append(cluster)
    return kept + list(moved.values())


# What introduces another name of the person just named: "Mark Vartan, known as Kolypto,",
# "also known as", "nicknamed", "alias", "a.k.a.".
_ALIAS_AFTER = re.compile(r",?\s+(?:also\s+|better\s+)?(?:known as|nicknamed|alias|aka|a\.k\.a\.|dubbed)\s+[“\"‘']?")

# Prepositions before a place: "in Virginia", "from Virginia".
_PLACE_PREPOSITIONS = {"in", "at", "from", "to", "near", "across", "outside", "throughout"}


def place_usage(doc, text: str, mention: Span, classifier: bool = True) -> bool:
    """Is the mention written as a place: after "in"/"from"/..., after "Town, " (not as
    the one who speaks: "... Xinjiang and Tibet, Wang said" ends a list), or
    before "-based" or (with `classifier`) a noun it classifies ("Virginia governor")?"""
    if text.startswith("-based", mention.end):
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if re.search(r"[A-Z][\w.]*, $", text[max(0, mention.start - 30):mention.start]) and not (
            span is not None and span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in SPEECH_VERBS):
        return True
    if span is None:
        return True
    root = span.root
    return (root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS) or \
        (classifier and root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and
         place_kind(mention.text) is not None)


def merge_given_names_and_aliases(doc, text: str, clusters: list[Cluster]) -> list[Cluster]:
    """One person under the other names the article gives them: a bare given name the model
    took for a place or a body ("Virginia Halden ... Virginia is also a role model", "the
    Barack romance" after "Barack Obama"), when one person of the article has that given
    name and no mention is written as a place; and an alias the text introduces ("Mark
    Vartan, known as Kolypto,")."""
    people = [c for c in clusters if c.group == "person"]
    absorbed: set[int] = set()
    for cluster in clusters:
        if cluster.group == "person" or not cluster.mentions or \
                not all(len(f.split()) == 1 and not f.isupper() for f in cluster.forms):
            continue
        words = {name_tokens(f)[0] for f in cluster.forms if name_tokens(f)}
        owners = [p for p in people if any(
            len(toks) > 1 and len(toks[0]) > 1 and toks[0] in words for toks in map(name_tokens, p.forms))]
        if len(owners) != 1 or any(place_usage(doc, text, m) for m in cluster.mentions):
            continue
        for mention in cluster.mentions:
            owners[0].add(mention, "PERSON")
        absorbed.add(id(cluster))
    by_start = {m.start: c for c in clusters if id(c) not in absorbed for m in c.mentions}
    for person in people:
        for mention in list(person.mentions):
            m = _ALIAS_AFTER.match(text, mention.end)
            other = by_start.get(m.end()) if m else None
            if other is None or other is person or id(other) in absorbed or other.group == "person" or \
                    any(place_kind(f) for f in other.forms):
                continue
            for alias in other.mentions:
                person.add(alias, "PERSON")
            absorbed.add(id(other))
    return [c for c in clusters if id(c) not in absorbed]


def merge_capitalised_forms(clusters: list[Cluster]) -> list[Cluster]:
    """"LIONEL MESSI" in a headline of capitals is "Lionel Messi" of the story: a name
    written in capitals only joins the same name written in ordinary case, and takes its
    label (the small model labels capitals poorly)."""
    plain = {}
    for cluster in clusters:
        for form in cluster.forms:
            if not form.isupper():
                plain.setdefault(form.lower(), cluster)
    kept = []
    for cluster in clusters:
        target = next((plain[f.lower()] for f in cluster.forms if f.lower() in plain), None)
        if target is None or target is cluster or not all(f.isupper() for f in cluster.forms):
            kept.append(cluster)
            continue
        label = target.label
        for mention in cluster.mentions:
            target.add(mention, label)
    return kept
