"""Who a source is: resolve a source mention to a speaker and decide its kind.

"she" → the nearest earlier person; "the state-run agency" → the nearest earlier entity
described as an agency; "a statement from the ministry" → the ministry; "sources familiar
with the talks" → anonymous; "a senior minister" → anonymous, but "a spokesman for the
ministry" → official (a spokesperson speaks for a body on the record); "rumours in the
capital" → rumor. The word lists live in
`lexicons/source_kinds.txt` and `lexicons/reporting_nouns.txt`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon_files import read_sections
from ..model import Analysis, Entity, Speaker
from ..outlets import known_by_name, name_key

# What news calls a company on second mention ("Nordstal, Estmark's largest steelmaker").
COMPANY_WORDS = {"company", "firm", "group", "producer", "operator", "retailer", "lender", "bank",
                 "manufacturer", "insurer", "airline", "supplier", "conglomerate", "startup", "giant",
                 "chain", "carmaker"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "them", "we", "their"}
THING_PRONOUNS = {"it", "its"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
OWNER_PRONOUNS = {"its", "their", "his", "her"}
# What an outlet publishes: "the report" after the outlet spoke is the outlet's.
OUTLET_REPORTS = frozenset(("report", "article", "story"))
AUTHOR_PRONOUNS = {"i", "me", "we", "us"}
# A bare demonstrative names a thing or an event, never who speaks ("This included
# admitting to …": the admitting is somebody's, not "This"'s).
DEMONSTRATIVES = {"this", "that", "these", "those"}
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
# What `EntityIndex.subject_before` gives when two people fit the pronoun equally well.
AMBIGUOUS = object()


@lru_cache(maxsize=None)
def kind_words() -> dict[str, set[str]]:
    return read_sections("source_kinds.txt")


@lru_cache(maxsize=None)
def reporting_nouns() -> dict[str, set[str]]:
    return read_sections("reporting_nouns.txt")


@dataclass
class EntityIndex:
    """Entities of one article with what the text says they are ("minister", "agency"),
    keyed for fast look-up by character offset."""

    text: str
    entities: list[Entity]
    descriptors: dict[str, set[str]]
    by_offset: dict[int, Entity]
    quoted: object = None  # offset -> bool: mentions inside quotations are not antecedents
    # Unnamed speakers met so far ("Karsovia's foreign ministry"), for later descriptions
    # ("the ministry said") that have no entity to point at.
    history: list = None
    last_speaker_offset: int = -1  # where the last resolved speaker's cue was
    # Person entity id -> "m" or "f" where the text shows it (a title, a gendered noun, a
    # pronoun in a sentence about that person alone); absent when unknown.
    genders: dict = None
    asides: list = None  # (start, end) of parenthesised asides: "(via Sport Witness)"
    # Entity ids the text credits as outlets ("…, reports The Hill"): media wherever named.
    outlets: set = None
    # Person entities only ever named to qualify a noun ("the Velmora Brantia head",
    # "Trump administration"): nobody a pronoun can be.
    qualifiers_only: set = None
    # Entities the tagger did not call persons that the text gives an office in apposition
    # ("the ambassador to the union, Ivo Tamsin,"): a person in office, whatever the label.
    office_holders: set = None
    # Surnames of the title-and-names the tagger took for bodies ("Sheriff Paul Tressel"
    # an organisation): the same person when "Tressel" speaks (`_surname_in_office`);
    # derived from `entities` once, not for every speaker whose kind is asked.
    office_surnames: set = field(init=False)

    def __post_init__(self) -> None:
        if self.outlets is None:
            self.outlets = set()
        if self.qualifiers_only is None:
            self.qualifiers_only = set()
        if self.office_holders is None:
            self.office_holders = set()
        self.office_surnames = {s for e in self.entities if e.label != "PERSON" and (s := _office_in_name(e.name))}

    @classmethod
    def build(cls, doc, analysis: Analysis, quoted=None, link_lines: list = ()) -> "EntityIndex":
        """`link_lines`: (start, end) of lines that link to other stories or videos ("READ
        MORE: …"); like parenthesised asides, nobody the article is about is named there."""
        by_offset: dict[int, Entity] = {}
        descriptors: dict[str, set[str]] = {}
        for entity in analysis.entities:
            words = set()
            for part in entity.name.lower().split():
                words.add(part)
            current_office = False
            for mention in entity.mentions:
                for offset in range(mention.start, mention.end):
                    by_offset[offset] = entity
                described = _mention_descriptors(doc, analysis.text, mention.start, mention.end, entity.label)
                words |= described
                current_office = current_office or (bool(_offices(described)) and "former" not in described)
            if current_office:
                # "Mayor Jarl Velder ... the former deputy minister Jarl Velder": an
                # office the text gives without "former" is held now; the former one is past
                words.discard("former")
            descriptors[entity.id] = words
        quoted = quoted or (lambda offset: False)
        return cls(analysis.text, analysis.entities, descriptors, by_offset, quoted, [],
                   genders=_genders(doc, analysis.text, analysis.entities, descriptors, by_offset, quoted),
                   asides=_merged_asides([m.span() for m in _ASIDE.finditer(analysis.text)], link_lines),
                   qualifiers_only={e.id for e in analysis.entities if e.label == "PERSON" and e.mentions
                                    and all(_qualifies_a_noun(doc, m.start, m.end) for m in e.mentions)},
                   office_holders={e.id for e in analysis.entities if e.label != "PERSON" and _person_like(e.name)
                                   and any(_titled_in_apposition(doc, m.start, m.end) for m in e.mentions)})

    def in_aside(self, offset: int) -> bool:
        # asides are sorted and never overlap (no brackets inside): a binary search
        i = bisect.bisect_right(self.asides or [], (offset, -1)) - 1
        return i >= 0 and self.asides[i][0] < offset < self.asides[i][1]

    def agrees(self, entity: Entity, gender: str | None) -> bool:
        """Can a pronoun of this gender ("m", "f", None for any) be this entity?"""
        known = (self.genders or {}).get(entity.id)
        return gender is None or known is None or known == gender

    def spoke_before(self) -> set[str]:
        return {sp.entity for sp in self.history or () if sp.entity}

    def entity_at(self, token) -> Entity | None:
        return self.by_offset.get(token.idx)

    def most_salient_before(self, offset: int, described_as: str, max_distance: int) -> Entity | None:
        """For "the company": the organisation described with that word, else the one the
        article talks about most, else the nearest."""
        candidates = [e for e in self.entities if e.label == "ORG" and any(
            m.start < offset and offset - m.start <= max_distance and not self.quoted(m.start)
            for m in e.mentions)]
        if described_as in COMPANY_WORDS:
            # "the company" is never the regulator or the newspaper that spoke of it
            candidates = [e for e in candidates if self.could_be_company(e.name, e.id)]
        if not candidates:
            return None
        def described(e: Entity) -> bool:
            words = self.descriptors.get(e.id, set())
            if described_as in ("company", "firm"):
                return bool(words & COMPANY_WORDS) or any(w.endswith("maker") for w in words)
            if described_as in kind_words()["media"]:
                # "the newspaper": an outlet by its name ("Times") or a known one
                return described_as in words or bool(words & kind_words()["media"]) or is_known_outlet(e.name)
            return described_as in words

        if described_as == "agency" and not any("agency" in self.descriptors.get(e.id, set()) for e in candidates):
            # "the agency" is a news agency only where the text calls an outlet one ("the
            # state news agency TASS"); otherwise it is a public body ("Harbour Transit ...
            # The agency told Channel Nine News"), never the outlet it spoke to.
            candidates = [e for e in candidates if not (e.id in self.outlets or is_known_outlet(e.name)
                                                        or self.descriptors.get(e.id, set()) & kind_words()["media"])]
            if not candidates:
                return None
        elif described_as in kind_words()["media"]:
            # "the newspaper" is an outlet the text names as one, never merely the
            # organisation named most: unresolved is better than a company as the paper.
            candidates = [e for e in candidates if described(e)]
            if not candidates:
                return None
        spoke = self.spoke_before()
        # Salience: described so, then already heard as a speaker ("The organization
        # wrote ... The organization said"), then mentioned most, then latest.
        return max(candidates, key=lambda e: (described(e), e.id in spoke,
                                              len(e.mentions), max(m.start for m in e.mentions if m.start < offset)))

    def could_be_company(self, name: str, entity_id: str | None) -> bool:
        """Can "the company" or "the firm" be this body: not a public body, a government or
        an outlet by its name or what the text calls it ("the Brantian Food Agency", "the
        ministry", "The Daily Ledger")?"""
        words = set(name.lower().split()) | self.descriptors.get(entity_id, set())
        if words & COMPANY_WORDS:
            return True
        kinds = kind_words()
        return not (words & (PUBLIC_BODY_WORDS | kinds["government"] | kinds["media"])
                    or entity_id in self.outlets or is_known_outlet(name))

    def subject_before(self, doc, offset: int, max_distance: int, gender: str | None = None) -> Entity | str | None:
        """The person the text is about at `offset`: the named person who is the subject of
        the nearest earlier sentence (within max_distance characters) that has a named or
        a different subject; sentences whose subject is a person pronoun continue the
        topic and are looked through, and so are sentences about a person of the other
        gender. An unnamed person as that subject ("The suspect told detectives ...")
        comes back as its description ("suspect"). None when a non-person subject
        intervenes; AMBIGUOUS when that subject joins two people the pronoun fits
        ("Brenner and Osten argued.")."""
        sent = doc[doc.char_span(offset, offset + 1, alignment_mode="expand").start].sent \
            if doc.char_span(offset, offset + 1, alignment_mode="expand") is not None else None
        if sent is None:
            return None
        start = sent.start
        while start > 0:
            prev = doc[start - 1].sent
            start = prev.start
            if offset - prev.start_char > max_distance:
                return None
            if self.quoted(prev.root.idx) or self.in_aside(prev.root.idx):
                continue
            subjects = _topic_subjects(prev.root)
            if not subjects:
                # "Also replying to the rumours was Marta.": no parsed subject, but the
                # person the sentence names is who it is about.
                named = [e for t in prev if (e := self.entity_at(t)) is not None
                         and e.label == "PERSON" and not self.quoted(t.idx) and not self.in_aside(t.idx)]
                if named:
                    if not self.agrees(named[-1], gender):
                        continue
                    return named[-1]
                continue
            subject = _next_to_verb(subjects)
            if subject.lower_ in PERSON_PRONOUNS:
                continue
            # The subject's own head first ("Rovers manager Carla Dunne": Dunne, not Rovers)
            # A relative clause on the subject is about somebody else ("Amorim, who took over
            # from the sacked Erik ten Hag, said …" is about Amorim, not Ten Hag).
            clause = {t.i for c in subject.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
            for t in (subject, *sorted((t for t in subject.subtree if t.i not in clause),
                                       key=lambda t: abs(t.i - subject.i))):
                entity = self.entity_at(t)
                if entity is not None and entity.label == "PERSON" and not self.quoted(t.idx):
                    if not self.agrees(entity, gender):
                        break  # about another person: look further back
                    if gender is not None and any(
                            (other := self.entity_at(c)) is not None and other.label == "PERSON"
                            and other.id != entity.id and self.agrees(other, gender)
                            for c in subject.conjuncts):
                        # "Brenner and Osten argued. He said …": either man; a guess is
                        # wrong half the time, so nobody
                        return AMBIGUOUS
                    return entity
            else:
                if self.quoted(subject.idx):
                    return None
                name = _name_used_as_person(prev, subject, self, gender)
                if name is not None:
                    return name
                if subject.lemma_.lower() in kind_words()["official"] and _is_definite(subject):
                    # "The mayor brought the plan up again. “…,” he said.": the person the
                    # text named with that title ("Mayor Doug McCallum") is the topic.
                    titled = _described_person(self, subject.idx, subject.lemma_.lower(), set(),
                                               max_distance * 3, None)
                    if titled is not None and self.agrees(titled, gender):
                        return titled
                    return None
                if _unnamed_person(subject, self):
                    return _strip_determiner(_phrase_text(self.text, subject))
                return None
        return None

    def nearest_after(self, offset: int, accept, max_distance: int) -> Entity | None:
        """The entity with the first mention after `offset` (within max_distance characters,
        outside quotations) that `accept(entity)` allows; None if the first such mention
        belongs to an entity it does not allow."""
        best, best_start = None, offset + max_distance + 1
        for entity in self.entities:
            for mention in entity.mentions:
                if offset < mention.start < best_start and not self.quoted(mention.start) and accept(entity):
                    best, best_start = entity, mention.start
        return best

    def nearest_before(self, offset: int, accept, max_distance: int, skip_asides: bool = False) -> Entity | None:
        """The entity with the latest mention before `offset` (within max_distance
        characters) that `accept(entity)` allows; with skip_asides, mentions inside a
        parenthesised aside do not count."""
        best, best_start = None, -1
        for entity in self.entities:
            for mention in entity.mentions:
                if best_start < mention.start < offset and offset - mention.start <= max_distance \
                        and accept(entity) and not self.quoted(mention.start) \
                        and not (skip_asides and self.in_aside(mention.start)):
                    best, best_start = entity, mention.start
        return best


def _merged_asides(asides: list, lines: list) -> list:
    """Asides and link lines sorted, without the asides inside a line (`in_aside` searches
    spans that never overlap)."""
    inside_a_line = [a for a in asides if any(lo <= a[0] < hi for lo, hi in lines)]
    return sorted([a for a in asides if a not in inside_a_line] + list(lines))


# --- who a pronoun can be: gender, asides, unnamed people, bodies as topics ------------

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
# Titles and nouns that give a person's gender in the text itself ("Mrs Kerrigan", "the
# party's spokeswoman"): evidence from the article, no list of first names.
GENDER_TITLES = {"mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "mister": "m",
                 "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f",
                 "queen": "f", "princess": "f", "mme": "f"}
GENDER_NOUNS = {**{w: "m" for w in "spokesman chairman businessman congressman councilman actor father "
                                     "husband son brother boyfriend grandfather uncle nephew widower "
                                     "sportsman policeman".split()},
                **{w: "f" for w in "spokeswoman chairwoman businesswoman congresswoman councilwoman "
                                     "actress mother wife daughter sister girlfriend grandmother aunt "
                                     "niece widow sportswoman policewoman".split()}}
# People a report describes without naming them ("a male approached", "the suspect said",
# "the reality star admitted"): a later "he" or "she" may be them, never the last name in
# the text.
PERSON_NOUNS = {**{w: None for w in "suspect culprit victim teenager teen driver passenger witness "
                                     "resident neighbour neighbor gunman attacker assailant shooter "
                                     "offender defendant inmate prisoner patient survivor pedestrian "
                                     "motorist cyclist customer employee worker student child "
                                     "person star singer rapper athlete player footballer "
                                     "model celebrity".split()},
                "man": "m", "male": "m", "boy": "m", "woman": "f", "female": "f", "girl": "f"}
# Kinds a body has: what "it" or "they" can continue.
BODY_KINDS = frozenset("institution media document government organization unnamed_official".split())
# Verbs of a closing attribution ("The suspect did X, officials said."): the sentence is
# about the subject of what was said, not about who said it.
_SAYING = frozenset("say tell add state report note claim write confirm explain".split())
_ASIDE = re.compile(r"\([^()\n]{1,200}\)")
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")


def _genders(doc, text: str, entities: list[Entity], descriptors: dict[str, set[str]],
             by_offset: dict[int, Entity], quoted) -> dict[str, str]:
    """Each person's gender where the article shows it: a title or gendered noun with the
    name (strong), else the pronouns of sentences about that person alone, as the subject
    of the main clause ("Alma Kerrigan said her office would reply"; not "when Dorsey left,
    she ran"). Conflicting evidence leaves it unknown."""
    strong: dict[str, set[str]] = {}
    weak: dict[str, set[str]] = {}
    for entity in entities:
        if entity.label != "PERSON":
            continue
        for mention in entity.mentions:
            title = _TITLE_BEFORE.search(text, max(0, mention.start - 12), mention.start)
            for word in ((title.group(1) if title else ""), mention.text.split()[0] if mention.text else ""):
                if word.lower().rstrip(".") in GENDER_TITLES:
                    strong.setdefault(entity.id, set()).add(GENDER_TITLES[word.lower().rstrip(".")])
        for word in descriptors.get(entity.id, ()):
            if word in GENDER_NOUNS:
                strong.setdefault(entity.id, set()).add(GENDER_NOUNS[word])
    for sent in doc.sents:
        people = {}
        for t in sent:
            e = by_offset.get(t.idx)
            if e is not None and e.label == "PERSON" and not quoted(t.idx):
                people.setdefault(e.id, []).append(t)
        if len(people) != 1:
            continue
        (entity_id, tokens), = people.items()
        # The person must be what the sentence is about, the subject of its main clause:
        # in "when Dorsey left …, she ran", "she" is somebody the sentence does not name.
        if not any(t in _main_clause_subjects(sent.root) for t in tokens):
            continue
        first = min(t.i for t in tokens)
        found = {PRONOUN_GENDER[t.lower_] for t in sent if t.i > first and t.lower_ in PRONOUN_GENDER
                 and not quoted(t.idx)}
        if len(found) == 1:
            weak.setdefault(entity_id, set()).update(found)
    genders = {}
    for entity_id in set(strong) | set(weak):
        evidence = strong.get(entity_id) or weak.get(entity_id)
        if len(evidence) == 1:
            genders[entity_id] = next(iter(evidence))
    return genders


def _qualifies_a_noun(doc, start: int, end: int) -> bool:
    """Is the name at [start, end) a modifier of a common noun after it ("the Velmora
    Brantia head", "the Trump administration"), not somebody in the sentence?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ == "NOUN" and root.head.i >= span.end


def _spoke_just_before(doc, index: "EntityIndex", cue_offset: int, last_speaker, gender: str | None = None,
                      or_here: bool = False) -> bool:
    """Was the last speaker a named person, of the pronoun's gender where the text shows it,
    whose cue stands in the sentence right before the one at `cue_offset` (or, `or_here`,
    in that sentence itself), with no other person named as a subject since?"""
    if last_speaker is None or last_speaker.entity is None or not 0 <= index.last_speaker_offset < cue_offset:
        return False
    entity = next((e for e in index.entities if e.id == last_speaker.entity), None)
    if entity is None or entity.label != "PERSON" or not index.agrees(entity, gender):
        return False
    if _person_named_as_subject(doc, index, index.last_speaker_offset, cue_offset, gender, entity.id):
        return False  # another person named since: left to subject continuity below
    here = doc.char_span(cue_offset, cue_offset + 1, alignment_mode="expand")
    there = doc.char_span(index.last_speaker_offset, index.last_speaker_offset + 1, alignment_mode="expand")
    if here is None or there is None:
        return False
    sent = here[0].sent
    return (or_here and there[0].sent.start == sent.start) \
        or (sent.start > 0 and doc[sent.start - 1].sent.start == there[0].sent.start)


def _person_named_as_subject(doc, index: "EntityIndex", since: int, offset: int, gender: str | None,
                             other_than: str | None) -> bool:
    """Is a person other than `other_than`, of the pronoun's gender where the text shows it,
    named between `since` and `offset` (outside quotations) as the subject of a main clause,
    the person a sentence is about? A name only in an object or a prepositional phrase ("a
    letter to Minister Brandt", "what he would tell Mayor Tessley") does not take a pronoun
    from the speaker the paragraph is about: grammatical role before recency."""
    for entity in index.entities:
        if entity.id == other_than or entity.label != "PERSON" or not index.agrees(entity, gender):
            continue
        for mention in entity.mentions:
            if not since < mention.start < offset or index.quoted(mention.start) or index.in_aside(mention.start):
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                return True  # no tokens to judge by: count it, as recency did
            head = span.root
            while head.dep_ in ("appos", "conj", "compound", "flat") and head.head.i != head.i:
                head = head.head
            if head in _main_clause_subjects(head.sent.root):
                return True
    return False


def _main_clause_subjects(root) -> list:
    """The subjects of a sentence's main clauses: its root's and those of verbs joined to
    the root, or for a closing attribution the reported clause's (`_topic_subjects`)."""
    subjects = list(_topic_subjects(root))
    for verb in root.conjuncts:
        subjects += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects


def _next_to_verb(subjects: list):
    """Of the subjects the parser gave a verb, the one nearest it: a phrase it split in two
    ("Harbourline ferry maker Tessel Marine rallied", "Marlow attorney Stephen Keane said") is about
    its last name."""
    return min(subjects, key=lambda t: abs(t.i - t.head.i))


def _topic_subjects(root) -> list:
    """The subjects a sentence is about: its root's, or for a closing attribution ("The
    suspect told detectives ..., officials said.") those of the clause reported."""
    if root.lemma_.lower() in _SAYING:
        reported = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.i < root.i]
        if reported:
            inner = [c for c in reported[0].children if c.dep_ in ("nsubj", "nsubjpass")]
            if inner:
                return inner
    return [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]


def _coordinated_names(head, tokens, entity: Entity, index: "EntityIndex") -> list:
    """The other named people or bodies joined to the source's head by "and" ("Mary Jones
    and Peter Brown"), each once, in order; empty when there are none."""
    inside = {t.i for t in tokens}
    found = []
    for conj in head.conjuncts:
        if conj.i not in inside or conj.i < head.i:
            continue
        other = index.entity_at(conj)
        if other is not None and other.id != entity.id and other.label in ("PERSON", "ORG") \
                and other.label == entity.label and all(other.id != f.id for f in found):
            found.append(other)
    return found


def _name_used_as_person(sent, subject, index: "EntityIndex", gender: str | None) -> str | None:
    """A proper name the entity layer missed or took for an organisation ("Pep Guardiola
    praised his players", a football manager labelled ORG) that its own sentence refers
    back to with a pronoun of `gender`: a person, by the text's own evidence. The name as
    written, or None."""
    if gender is None or subject.pos_ != "PROPN":
        return None
    entity = index.entity_at(subject)
    if entity is not None and entity.label != "ORG":
        return None
    if not any(t.i > subject.i and t.lower_ in PRONOUN_GENDER and PRONOUN_GENDER[t.lower_] == gender
               and not index.quoted(t.idx) for t in sent):
        return None
    if any(t.i > subject.i and t.lower_ in PRONOUN_GENDER and PRONOUN_GENDER[t.lower_] != gender
           for t in sent):
        return None  # another person in the sentence: whose pronoun it is, unclear
    if entity is not None:
        return entity.name
    name = [subject]
    for t in reversed(list(subject.lefts)):
        if t.pos_ == "PROPN" and t.dep_ == "compound" and t.i == name[0].i - 1:
            name.insert(0, t)
    if len(name) < 2:
        return None  # a single word ("Arsenal ... its") is too weak a sign of a person
    return index.text[name[0].idx: subject.idx + len(subject.text)]


def _unnamed_person(token, index: "EntityIndex", gender: str | None = None) -> bool:
    """Is this a singular noun for a person the text does not name ("the suspect")?"""
    lemma = token.lemma_.lower()
    return (token.pos_ == "NOUN" and token.tag_ == "NN" and lemma in PERSON_NOUNS
            and index.entity_at(token) is None
            and (gender is None or PERSON_NOUNS[lemma] in (None, gender)))


def _phrase_text(text: str, noun) -> str:
    """The noun with the words before it in its phrase: "the 48-year-old suspect"."""
    left = min((t for t in noun.subtree if t.i <= noun.i and not t.is_punct), key=lambda t: t.i)
    return text[left.idx: noun.idx + len(noun.text)]


def _unnamed_person_before(doc, index: "EntityIndex", offset: int, since: int, gender: str | None = None) -> str | None:
    """The latest unnamed person ("the suspect") that is a subject or object between
    `since` and `offset`, outside quotations and asides, as its description."""
    span = doc.char_span(max(0, since), offset, alignment_mode="contract")
    if span is None:
        return None
    for token in reversed(span):
        if token.dep_ in ("nsubj", "nsubjpass", "dobj") and _unnamed_person(token, index, gender) \
                and not index.quoted(token.idx) and not index.in_aside(token.idx):
            return _strip_determiner(_phrase_text(index.text, token))
    return None


def _named_body_subject(sent, index: "EntityIndex") -> Speaker | None:
    """The subject of `sent` when it is a named body (an entity that is no person, or a
    proper name the tagger missed), outside quotations."""
    if index.quoted(sent.root.idx):
        return None
    subjects = _topic_subjects(sent.root)
    if not subjects:
        return None
    subject = _next_to_verb(subjects)
    if subject.pos_ != "PROPN" or index.quoted(subject.idx):
        return None
    entity = index.entity_at(subject)
    if entity is not None:
        return None if entity.label == "PERSON" else Speaker(entity.name, kind_of_entity(entity, index), entity.id)
    names = [t for t in subject.subtree if t.i <= subject.i and t.pos_ in ("PROPN", "NUM", "ADP")]
    if names and any(index.entity_at(t) is not None and index.entity_at(t).label == "PERSON" for t in names):
        return None
    return Speaker(index.text[min(t.idx for t in names): subject.idx + len(subject.text)], "institution")


def _body_topic(pronoun, cue_offset: int, doc, index: "EntityIndex", settings) -> Speaker | None:
    """"it" or "they" as the body the text is about: the subject of the sentence's main
    clause when the pronoun sits in a clause under it, else the subject of the sentence
    before. None when that subject is not a body (a person, "the weather")."""
    sent = pronoun.sent
    candidates = []
    if pronoun.head.i != sent.root.i:
        candidates += [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")
                       and pronoun not in c.subtree]
    if sent.start > 0:
        previous = doc[sent.start - 1].sent
        if not index.quoted(previous.root.idx):
            candidates += _topic_subjects(previous.root)
    for subject in candidates:
        if subject.pos_ == "PRON" or index.quoted(subject.idx):
            continue
        speaker = speaker_for(list(subject.subtree), cue_offset, doc, index, settings, None)
        plural_group = pronoun.lower_ != "it" and speaker.kind in ("anonymous", "person") \
            and speaker.entity is None and (subject.tag_ == "NNS" or _plural_name(speaker.name))
        # (the head's own number: "Residents of the village" is plural, whatever its last word)
        if speaker.kind in BODY_KINDS or plural_group:
            return speaker
        named = index.entity_at(subject)
        if speaker.kind == "unknown" and subject.pos_ == "PROPN" and (named is None or named.label != "PERSON"):
            # "The US Army Garrison Hawaii called the report ... , it added.": a name that is
            # no person, spoken of as "it", is a body on the record.
            return Speaker(speaker.name, "institution", speaker.entity)
        return None
    return None


_AGE_AFTER = re.compile(r",\s{0,2}(?:aged\s)?(\d{1,3}),")
_AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s(?:[\w’'.-]+\s){0,3}$")
_APPOSITION_AFTER = re.compile(r",\s+(?:the|a|an|[A-Z]\w*[’']s)\s+([^,.;:“”\"\n]{1,70}),")


def _names_a_post(root) -> bool:
    """"Pentagon press secretary Kingsley Wilson", "Ministry spokesman X": the body's name
    modifies a job held there: the job's other words ("press") and its holder's name describe
    the holder, not the body."""
    return root.dep_ == "compound" and root.head.lemma_.lower() in kind_words()["official"]


def _mention_descriptors(doc, text: str, start: int, end: int, label: str = "PERSON") -> set[str]:
    """Words attached to a mention: compounds and modifiers ("Defence Minister"),
    appositions ("TASS, the state news agency"), and the noun it is in apposition to
    ("the state-run agency TASS"). A body or a place named before a noun ("a Calder
    Mountains hiker", "a Velmora Foods employee") describes somebody else by it: that noun
    is no word for the entity unless it names a body ("the Boston police", "the Tessa
    Maritime company")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return set()
    root = span.root
    words = set()
    # An age given with the name ("Ilse Marnow, 62,", "the 62-year-old Ilse Marnow"), so
    # that "the 62-year-old" can find her.
    age = _AGE_AFTER.match(text, end) or _AGE_BEFORE.search(text, max(0, start - 60), start)
    if age is not None:
        words.add(f"{age.group(1)}-year-old")
    # ", the country's main state television channel,": an apposition the parser missed.
    after = _APPOSITION_AFTER.match(text, end)
    if after:
        words.update(w.lower().strip("’'s") for w in re.findall(r"[\w-]+", after.group(1)))
    # "Sen. Tom Velde, R-Kan.,", "Rep. Dana Kolbe (D-Ore.)": a legislator's party-and-state
    # tag, as US news writes it after the name.
    if _PARTY_TAG.match(text, end):
        words.add(OFFICE_MARK)
    # "Justice Ana Berg", "Chief Justice Ana Berg": a judge of a high court
    if _JUSTICE_BEFORE.search(text, max(0, start - 16), start):
        words.add("judge")
    attached = [c for c in root.children if c.dep_ in ("compound", "amod", "appos", "nmod")]
    # "Joan Mercer, who chairs the forum": the verb of a relative clause describes her too,
    # on the name or on its apposition ("X, the physician who heads the unit"); a post
    # held now ("who heads", not "who headed" or "who led": a former post is no office,
    # the newsroom kinds) marks an office holder.
    described = [root] + [c for c in root.children if c.dep_ == "appos"] \
        + ([root.head] if root.dep_ == "appos" else [])
    for token in described:
        for clause in (c for c in token.children if c.dep_ == "relcl"):
            if clause.tag_ == "VBD" or clause.tag_ == "VBN":
                continue
            if token is root:
                words.add(clause.lemma_.lower())
            if _holds_post(clause):
                words.add(OFFICE_MARK)
    if _names_a_post(root):
        # the post itself ("spokesman") still finds the body for "the spokesman said"
        words.update((root.head.lower_, root.head.lemma_.lower()))
    elif root.dep_ in ("appos", "compound") and root.head.pos_ in ("NOUN", "PROPN") \
            and not (root.dep_ == "compound" and label != "PERSON" and not _names_a_body(root.head)):
        attached.append(root.head)
    for token in attached:
        # A title before the name keeps its own words ("Work and Pensions Secretary Liz
        # Kendall": work, pensions, secretary).
        whole = token.dep_ == "appos" or token.i == root.head.i or (token.dep_ in ("compound", "nmod") and token.i < span.start)
        for t in (token.subtree if whole else [token]):
            if t.i < span.start or t.i >= span.end:
                if t.pos_ in ("NOUN", "PROPN", "ADJ"):
                    # an abbreviated title keeps its word without the dot ("Sen.", "Gov.")
                    words.add(t.lower_.rstrip("."))
                    words.add(t.lemma_.lower().rstrip("."))
    return words


# A party-and-state tag after a name: ", R-Kan.,", " (D-Ore.)", ", D-New York,".
_PARTY_TAG = re.compile(r"\s{0,2}[,(]\s{0,2}[RDI]\s?[-–]\s?[A-Z][A-Za-z.]{0,12}(?:\s[A-Z][a-z.]{1,12})?(?=[\s,);])")
_JUSTICE_BEFORE = re.compile(r"\bJustice\s+$")
# Verbs of a post held now ("who heads the board", "who oversees the programme"), and
# the descriptor they give the holder (also given by a party-and-state tag). "Runs" and
# "represents" are left out: a shopkeeper who runs a shop and a lawyer who represents
# clients speak for themselves, and somebody who "represents an idea" holds no post.
POST_VERBS = frozenset("head direct chair oversee manage".split())
OFFICE_MARK = "who:holds-post"


def _holds_post(clause) -> bool:
    """Is this relative clause ("who heads the board") the holding of a post now: a post
    verb, not negated, with an object ("runs for office" holds none)?"""
    return clause.lemma_.lower() in POST_VERBS \
        and not any(c.dep_ == "neg" for c in clause.children) \
        and any(c.dep_ == "dobj" for c in clause.children)


def _names_a_body(noun) -> bool:
    """Is this noun a word for a body (a government, an organisation, an outlet, a public
    office: "police", "company", "agency", "office"), or a proper name?"""
    kinds = kind_words()
    lemma, lower = noun.lemma_.lower(), noun.lower_
    return noun.pos_ == "PROPN" or any(w in kinds["government"] | kinds["organization"] | kinds["media"]
                                       | COMPANY_WORDS | PUBLIC_BODY_WORDS for w in (lemma, lower))


# What the text calls an organisation and never a person's workplace in the same breath
# ("a researcher at the university" describes a person; "a mashup site" does not).
ORGANISATION_NOUNS = frozenset("site website platform nonprofit non-profit not-for-profit charity "
                               "startup".split())


# Honorifics that only a person's name takes ("Mr. Brekke"), whatever label the entity
# model gave the name ("Dr" is left out: "Dr Pepper"); a body's descriptors may hold them
# from a name nearby, so only the text right before a mention counts.
PERSON_HONORIFICS = frozenset("mr mrs ms miss".split())
# What makes an "agency" a news agency ("the state news agency", "the state-run agency
# TASS"); a bare agency is a public body ("the agency that approves visas").
NEWS_AGENCY_WORDS = frozenset("news press wire newswire state-run state-owned state-controlled "
                              "state-backed kremlin-backed government-controlled pro-government".split())


_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss)\.?\s+$")


def _titled_as_person(entity: Entity, text: str) -> bool:
    """Does the text put "Mr.", "Mrs", "Ms" or "Miss" right before a mention of this
    entity (or open a mention with it)? Then it is a person, whatever the label."""
    return any(_HONORIFIC_BEFORE.search(text, max(0, m.start - 6), m.start)
               or (m.text.split()[:1] and m.text.split()[0].lower().rstrip(".") in PERSON_HONORIFICS)
               for m in entity.mentions)


def _media_words(described: set[str]) -> set[str]:
    """The media words among `described`; "agency" only with a word that makes it a news
    agency."""
    found = described & kind_words()["media"]
    if "agency" in found and not described & NEWS_AGENCY_WORDS:
        found = found - {"agency"}
    if "social" in described:
        # "the social media company", "a social network": a platform company, no outlet
        # (what is posted on it is hearsay, `rumor`; see settle_kinds)
        found = found - {"media", "network", "networks"}
    return found


def _outlet_words(described: set[str]) -> set[str]:
    """The media words among `described` that make an outlet of what they qualify ("a group
    of newspapers", "media reports"): `_media_words` less "agency", which alone names no
    outlet there, with a news word or without."""
    return _media_words(described) - {"agency"}


def kind_of_entity(entity: Entity, index: EntityIndex, words: set[str] = frozenset()) -> str:
    """The kind of a named speaker, from its label and what the text calls it anywhere in
    the article (one kind per speaker: "Sen. Tom Velde, R-Kan.," said once makes every
    later "Velde said" an official)."""
    described = index.descriptors.get(entity.id, set()) | set(words)
    kinds = kind_words()
    if entity.id in index.outlets:
        return "media"
    person = _person_of_surname(entity, index)
    if person is not None:
        # "Lin said" with "Lin" tagged an organisation after "spokesperson Lin Wenbo":
        # the one person of that surname, in whatever office the text gave him
        return kind_of_entity(person, index, words)
    # "Dunmore County Sheriff Paul Tressel" or "the ambassador, Ivo Tamsin," taken for an
    # organisation: a person holding an office
    holder = entity.label != "PERSON" and (entity.id in index.office_holders or bool(_office_in_name(entity.name)))
    person = entity.label == "PERSON" and not _ends_in_a_body(entity.name)
    if person or holder or _titled_as_person(entity, index.text):
        if described & REPORTING_PEOPLE and not described & {"editor", "editors"}:
            # who reports for an outlet is the outlet's voice; an editor explaining the
            # outlet's or the journal's decisions speaks in an office, as an executive does
            return "media"
        if "former" in words or ("former" in described and not words & kinds["official"]):
            return "person"
        if described & {"fund", "portfolio", "investment", "hedge"}:
            return "person"  # a fund manager comments on markets; she holds no office
        if _an_expert(described):
            # "vice-president of the Orvand Institute of Regional Studies", "director of a
            # university centre": an expert speaking for himself (the newsroom kinds)
            return "person"
        if holder or _offices(described) or OFFICE_MARK in described or _held_by_body(entity, index) \
                or _surname_in_office(entity, index):
            return "official"
        if described & ORGANISATION_NOUNS and not described & ROLE_PEOPLE:
            # "Datavale, a non-profit mapping site": a name the NER model took for a
            # person that the text calls an organisation
            return "institution"
        return "person"
    # "Agency" alone makes no outlet (a food agency is a public body): a news agency is
    # called one ("the state news agency", "Karsovia Press Agency", "the state-run agency").
    if _media_words(described) or is_known_outlet(entity.name) \
            or ("agency" in described and described & kinds["state_aligned"]):
        return "media"
    # Governments, companies, courts, police forces: an institution on the record.
    return "institution"


# Who reports for an outlet ("Italian journalist X", "X, a correspondent for the Ledger"):
# the outlet's voice, `media` (the newsroom kinds).
REPORTING_PEOPLE = frozenset("reporter correspondent columnist journalist".split())


# Where experts work and what they are: an office there ("director of the Centre for
# Energy Research at Dunmore University") is a scholar's post, not a public office.
ACADEMIC_BODIES = frozenset("university universities college academy professor".split())
RESEARCH_BODIES = frozenset("institute studies think-tank thinktank".split())
EXPERT_WORDS = frozenset("analyst economist strategist researcher scientist scholar academic expert".split())
# The titles such a post has; any other office (minister, senator, spokesman) is public.
# ("executive" is left out: a university's executives speak for the university.)
ACADEMIC_TITLES = frozenset("president vice vice-president director head chair chairs chairman chairwoman "
                            "chief dean deputy manager co-director leader".split())


# What makes an attorney a public office ("Attorney General", "District Attorney",
# "Assistant U.S. Attorney"); any other attorney is a lawyer, a person (the newsroom kinds).
PUBLIC_ATTORNEYS = frozenset("general district state state's u.s u.s. us assistant county city prosecuting".split())


# Bodies whose members hold a seat ("Council Member Tam Brisk", "a school board member"):
# a member of a club, a party or the public holds none.
ELECTED_BODIES = frozenset("council board assembly parliament legislature congress senate commission "
                           "committee cabinet".split())


def _offices(described: set[str]) -> set[str]:
    """The office titles among a person's descriptors; "attorney" only for a public one;
    "member" only of an elected or appointed body."""
    found = described & kind_words()["official"]
    if "attorney" in found and not described & PUBLIC_ATTORNEYS:
        found = found - {"attorney"}
    if "member" in described and described & ELECTED_BODIES:
        found = found | {"member"}
    return found


def _an_expert(described: set[str]) -> bool:
    """Is a person described as working at a university or a research institute, or as an
    analyst or a scientist, with no title but one such a body has?"""
    kinds = kind_words()
    expert = described & (ACADEMIC_BODIES | EXPERT_WORDS) or (
        described & RESEARCH_BODIES and not described & kinds["government"])
    return bool(expert) and _offices(described) <= ACADEMIC_TITLES


_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.)$")


def _body_word(word: str) -> bool:
    kinds = kind_words()
    w = word.lower().strip(".,'’")
    return w in kinds["government"] | kinds["organization"] | kinds["media"] | COMPANY_WORDS \
        | PUBLIC_BODY_WORDS | ORGANISATION_NOUNS


def _person_like(name: str) -> bool:
    """Could this name be a person's ("Ivo Tamsin"): two to four capitalised words, no
    word for a body, no known outlet?"""
    words = name.split()
    return 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words) \
        and not any(_body_word(w) for w in words) and not is_known_outlet(name)


def _office_in_name(name: str) -> str | None:
    """The holder's surname when a name the tagger took for a body is a title and a
    person's name ("Dunmore County Sheriff Paul Tressel", "Foreign Minister Ana Berg"):
    a capitalised title word followed by two or three name words; else None."""
    words = name.split()
    titles = [i for i, w in enumerate(words) if w[:1].isupper() and w.lower().rstrip(".") in kind_words()["official"]]
    if not titles:
        return None
    rest = words[titles[-1] + 1:]
    if 2 <= len(rest) <= 3 and _person_like(" ".join(rest)):
        return rest[-1].lower()
    return None


# Last words of a body named after the person at its head ("the Halloran White House",
# "the Velde administration", "the Berg campaign"), which the tagger may take for that
# person's name: no person's name ends so ("Downing" may: a surname, left out).
BODY_AFTER_A_NAME = frozenset("administration government presidency campaign ministry cabinet regime junta "
                              "department".split())


def _ends_in_a_body(name: str) -> bool:
    """Does this name end with a body's word ("Halloran White House", "Velde administration")?"""
    words = name.lower().split()
    return len(words) > 1 and (words[-1] in BODY_AFTER_A_NAME or words[-2:] == ["white", "house"])


def _person_of_surname(entity: Entity, index: EntityIndex) -> Entity | None:
    """The one person entity whose family name is this organisation's whole one-word name
    ("Lin" an ORG beside the PERSON "Lin Wenbo"): the tagger's label slip on a lone
    surname. None for two such people, for an outlet, for a longer name, and for a name the
    text calls a body or writes with "the"."""
    if entity.label != "ORG" or len(entity.name.split()) != 1 or not _NAME_WORD.match(entity.name) \
            or is_known_outlet(entity.name):
        return None
    if any(_body_word(w) for w in index.descriptors.get(entity.id, set())) \
            or any(index.text[max(0, m.start - 4):m.start].lower() == "the " for m in entity.mentions):
        return None   # the text calls it a body ("the club", "the Chelsea side")
    # the family name closes a Western name and opens a Chinese or Korean one ("Lin Wenbo")
    people = [e for e in index.entities if e.label == "PERSON" and len(e.name.split()) > 1
              and entity.name.lower() in (e.name.split()[-1].lower(), e.name.split()[0].lower())]
    return people[0] if len(people) == 1 else None


def _surname_in_office(entity: Entity, index: EntityIndex) -> bool:
    """Is this person's surname that of a title-and-name the tagger took for a body
    ("Sheriff Paul Tressel" an organisation, "Tressel" a person)?"""
    return entity.name.split()[-1].lower() in index.office_surnames


def in_apposition(root, is_title) -> bool:
    """Is the name whose head is `root` in apposition to a word `is_title` accepts ("the
    ambassador, Ivo Tamsin"), or given one in apposition ("Ivo Tamsin, the ambassador,")?
    The parser may hang the name on the last noun of the title's phrase ("the ambassador
    to the union, Ivo Tamsin" on "union", "his chief of staff Morgan McSwain" on "staff"),
    so the title is looked for up that phrase too. One shape, two vocabularies: the posts
    that make a name a person (`entities_context`), the offices that make it an office
    holder (`_titled_in_apposition`)."""
    if any(c.dep_ == "appos" and is_title(c) for c in root.children):
        return True
    if root.dep_ != "appos":
        return False
    head = root.head
    if is_title(head):
        return True
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i < head.i:
        head = head.head.head
        if is_title(head):
            return True
    return False


def _titled_in_apposition(doc, start: int, end: int) -> bool:
    """Is the mention in apposition to a title ("the ambassador to the union, Ivo Tamsin,")
    or given one in apposition ("Ivo Tamsin, the ambassador,")? A capitalised title is a
    proper noun ("Ivo Tamsin, Orvand Secretary of State,")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    official = kind_words()["official"]
    return in_apposition(span.root, lambda t: t.lemma_.lower() in official and t.pos_ in ("NOUN", "PROPN"))


# What a body must be called for a person it possesses to speak in an office ("the Nova
# alliance's Ana Berg", "the company's Jo Lind"); no club or team: a footballer speaks for
# himself.
OFFICE_BODY_WORDS = frozenset("party alliance bloc coalition faction opposition campaign committee union "
                              "council".split()) | COMPANY_WORDS


def _held_by_body(entity: Entity, index: EntityIndex) -> bool:
    """Is a person named with a possessive of a party, government or company ("Civic
    Forum's John Miller", "the party's Ana Berg") anywhere in the article? Such a person
    speaks for it."""
    bodies = OFFICE_BODY_WORDS | kind_words()["government"]
    for mention in entity.mentions:
        before = index.text[max(0, mention.start - 40):mention.start]
        if not before.endswith(("’s ", "'s ")):
            continue
        owner = index.by_offset.get(mention.start - 4)
        if owner is not None and owner.id != entity.id:
            # the same name elsewhere under another label counts ("the Civic Forum
            # alliance" an ORG, "Civic Forum's" taken for a person)
            if any(e.label != "PERSON" and e.name.lower() == owner.name.lower()
                   and (index.descriptors.get(e.id, set()) | set(e.name.lower().split())) & bodies
                   for e in index.entities):
                return True
        elif owner is None:
            word = re.findall(r"[\w-]+", before[:-3])[-1:]
            if word and word[0].lower() in bodies:
                return True
    return False


def _reports_inverted(doc, cue_offset: int, source_start: int) -> bool:
    """Is the cue at `cue_offset` a form of "report" written before its source, as in
    "…, reports the Daily Ledger" or "…, reported the Ledger"?"""
    if source_start <= cue_offset:
        return False
    span = doc.char_span(cue_offset, cue_offset + 1, alignment_mode="expand")
    cue = span[0] if span is not None and len(span) else None
    return cue is not None and cue.idx == cue_offset and cue.lemma_.lower() == "report" \
        and cue.pos_ in ("VERB", "AUX")


def is_known_outlet(name: str) -> bool:
    """Is this exactly the name of an outlet in outlets/known_outlets.toml ("The Sun",
    "Politico")? Not a longer name that starts with one ("Sun Microsystems")."""
    known = known_by_name(name)
    return known is not None and name_key(name) in {name_key(a) for a in (known.name, *known.aliases)}


def is_state_aligned(entity: Entity | None, words: set[str], index: EntityIndex) -> bool:
    if entity is not None:
        words = words | index.descriptors.get(entity.id, set())
    return bool(words & kind_words()["state_aligned"]) or "state media" in " ".join(sorted(words))


def speaker_for(source_tokens, cue_offset: int, doc, index: EntityIndex, settings,
                last_speaker: Speaker | None, inside_quote: bool = False) -> Speaker:
    """Resolve a source (the tokens of its noun phrase, as written) to a Speaker."""
    if not source_tokens:
        return Speaker("unknown", "unknown")
    tokens = _core_phrase(sorted(source_tokens, key=lambda t: t.i))
    head = _noun_of_coordinated_adjectives(min(tokens, key=lambda t: _depth(t)), tokens)
    lower = head.lower_
    # doc.text rebuilds the whole string on every access: slice the analysed text instead.
    text = index.text[tokens[0].idx: tokens[-1].idx + len(tokens[-1].text)]
    window = settings.pronoun_window_sentences * 200  # sentences of ~200 characters

    sender = _sender_of_message(head)
    if sender is not None:
        # "a phone call from a parent saying X": the parent says it; the call carried it
        return speaker_for(sorted(sender.subtree, key=lambda t: t.i), cue_offset, doc, index, settings,
                           last_speaker, inside_quote)

    if head.pos_ == "PRON" or lower in RELATIVE_PRONOUNS:
        if lower in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            # "the minister, who said ..." → minister; but in "the claim, which they said
            # ..." the relative is "which", and "they" is somebody else.
            antecedent = _person_behind_apposition(head.head.head)
            if lower == "who":
                antecedent = _person_phrase_of(antecedent, index)
            speaker = speaker_for([t for t in antecedent.subtree if t.i < head.head.left_edge.i and t.dep_ != "punct"],
                                  cue_offset, doc, index, settings, last_speaker)
            return _a_person_by_who(speaker, lower)
        if lower in AUTHOR_PRONOUNS and not inside_quote:
            return Speaker("the author", "author")
        demonstrative = lower in DEMONSTRATIVES and not list(head.children) \
            and not (head.head.idx <= cue_offset < head.head.idx + len(head.head))
        if lower in PERSON_PRONOUNS or demonstrative:
            # A bare demonstrative subject of another verb than the cue ("This included
            # admitting …", where the participle is the cue) stands for an event; who
            # spoke in it is the person the text is about, found as for a pronoun of
            # unknown gender, or nobody.
            gender = PRONOUN_GENDER.get(lower)
            # The nearest person this pronoun can be: of its gender where the text shows
            # one, and not a name given in a parenthesised aside ("(via Sport Witness)").
            entity = index.nearest_before(cue_offset, lambda e: e.label == "PERSON" and index.agrees(e, gender)
                                          and e.id not in index.qualifiers_only, window, skip_asides=True)
            if _spoke_just_before(doc, index, cue_offset, last_speaker, gender, or_here=True):
                # "“…,” said prosecutor Owen Heimer. He said the verdict showed …": a
                # pronoun that speaks right after a person's words is that speaker, even
                # when the words were about somebody else.
                return Speaker(last_speaker.name, last_speaker.kind, last_speaker.entity, last_speaker.state_aligned)
            topic = index.subject_before(doc, cue_offset, window, gender)
            if topic is AMBIGUOUS:
                return Speaker(head.text, "unknown")
            if isinstance(topic, str):
                # "The suspect told detectives ... he noted ...": the unnamed person the
                # text is about, by the description it gives.
                return Speaker(topic, "person")
            if topic is not None:
                # Subject continuity before recency: "He asked X to ... during a visit by
                # Y. He said ..." is still the first "he", not Y.
                return Speaker(topic.name, kind_of_entity(topic, index), topic.id)
            last_entity = next((e for e in index.entities if last_speaker and e.id == last_speaker.entity), None)
            if last_speaker and last_speaker.kind in ("person", "official", "media") and last_entity \
                    and index.agrees(last_entity, gender) and (gender is None or last_entity.label == "PERSON"):
                # The last speaker wins ("he" or "she" is never an outlet or any other body's
                # name, only a person: "…, he said, Trend reports citing IRNA. “…,” he
                # explained." is still the minister) unless another person was named since, outside
                # quotes, as the subject of a main clause (a name in an object does not
                # change what the paragraph is about).
                if entity is None or entity.id == last_speaker.entity or not _person_named_as_subject(
                        doc, index, index.last_speaker_offset, cue_offset, gender, last_speaker.entity):
                    return Speaker(last_speaker.name, last_speaker.kind, last_speaker.entity)
            if last_speaker and last_speaker.entity is None and last_speaker.kind in ("person", "official", "anonymous") \
                    and not (lower in PERSON_PRONOUNS and _plural_name(last_speaker.name)) \
                    and (entity is None or max((m.start for m in entity.mentions if m.start < cue_offset), default=-1)
                         < index.last_speaker_offset):
                # "A friend of the singer told ... She added ...": the unnamed speaker,
                # when nobody was named since; never a group for "he" or "she" ("Sources
                # recalled her telling them …" does not make the sources "her").
                return Speaker(last_speaker.name, last_speaker.kind, None, last_speaker.state_aligned)
            since = max((m.start for m in entity.mentions if m.start < cue_offset), default=-1) if entity else -1
            unnamed = _unnamed_person_before(doc, index, cue_offset, max(since, cue_offset - window))
            if unnamed is not None:
                # "a male approached ... the suspect said ... he noted": a person the text
                # has not named, described after the last named one; never that name.
                return Speaker(unnamed, "person")
            if entity:
                return Speaker(entity.name, kind_of_entity(entity, index), entity.id)
            return Speaker("unknown" if demonstrative else head.text, "unknown")
        if lower in GROUP_PRONOUNS | THING_PRONOUNS:
            # Subject continuity: "The institute said that ..., which they said ..." is the
            # institute; "X described him as ... . He had ..., it added." is X.
            topic = _body_topic(head, cue_offset, doc, index, settings)
            if topic is not None:
                return topic
            if last_speaker and last_speaker.kind not in ("person", "official", "author", "unknown"):
                return Speaker(last_speaker.name, last_speaker.kind, last_speaker.entity)
            if lower in GROUP_PRONOUNS and last_speaker and last_speaker.kind == "person" \
                    and last_speaker.entity is None and _plural_name(last_speaker.name):
                # "Two chemists said ... They also said ...": the group that spoke last
                return Speaker(last_speaker.name, last_speaker.kind, None, last_speaker.state_aligned)
            entity = index.nearest_before(cue_offset, lambda e: e.label in ORG_LABELS, window)
            if entity:
                return Speaker(entity.name, kind_of_entity(entity, index), entity.id)
            return Speaker(head.text, "unknown")

    # The words that describe this source: not those of a second source joined by "and"
    # ("Tovik and a spokesman for the news provider": "news" is no word of Tovik's).
    joined = {t.i for c in head.children if c.dep_ in ("conj", "cc") and c.i > head.i for t in c.subtree}
    own = [t for t in tokens if t.i not in joined] or tokens
    words = {t.lower_ for t in own} | {t.lemma_.lower() for t in own}
    head_word = head.lemma_.lower()
    nouns = reporting_nouns()
    kinds = kind_words()

    # A name: the head is part of an entity, or a name stands in apposition to it
    # ("Its spokesperson, Vera Lask, argued").
    entity = index.entity_at(head) or next(
        (e for t in _appositions(head) + [t for t in source_tokens if t.dep_ == "appos"]
         if (e := index.entity_at(t)) is not None and (e.label == "PERSON" or t.i in {a.i for a in _appositions(head)})),
        None)
    if entity is not None:
        partners = _coordinated_names(head, tokens, entity, index)
        if partners:
            # "according to Mary Jones and Peter Brown", "Jones and Brown said": both speak;
            # one speaker naming both, tied to neither entity alone.
            names = [entity.name, *(p.name for p in partners)]
            both = ", ".join(names[:-1]) + " and " + names[-1]
            return Speaker(both, kind_of_entity(entity, index, words), None)
        if entity.label == "NORP" and head.tag_ in ("NNPS", "NNS") \
                and any(c.dep_ in ("det", "amod") and c.lower_ in VAGUE_QUANTIFIERS for c in head.children):
            # "Some Democrats said": some members of a party or a people, no body's voice
            # and nobody in particular (the newsroom kinds: vague groups, "some")
            return Speaker(text, "anonymous")
        kind = kind_of_entity(entity, index, words)
        if kind == "institution" and _reports_inverted(doc, cue_offset, tokens[0].idx):
            # "…, reports The Hill": a news report's own way of crediting an outlet; a
            # company or a ministry "reported" before its name is not how news writes.
            # Later mentions of the outlet are media too (kind_of_entity reads the set).
            index.outlets.add(entity.id)
            kind = "media"
        return _with_state(Speaker(entity.name, kind, entity.id), entity, words, index)

    if head_word in nouns["rumor"] or head.lower_ in nouns["rumor"]:
        return Speaker(text, "rumor")

    outlet = _outlet_of_report(head, index)
    if outlet is not None:
        # "a BBC report", "a recent New York Times article": the outlet speaks
        return _with_state(Speaker(outlet.name, "media", outlet.id), outlet, words, index)

    # "a statement from the agency", "the agency's report": the author speaks through it.
    if head_word in nouns["document"] or head_word in nouns["claim"] \
            or head.lower_ in nouns["document"] or head.lower_ in nouns["claim"]:
        # (the surface form too: the lexicon lists "figures", whose lemma is "figure")
        author = _author_of(head) or _issuer_of_earlier(head, cue_offset, window * 3, index)
        if author and any(c.dep_ == "amod" and c.lower_ in UNRELEASED for c in head.children):
            # "a leaked assessment from the agency": the agency did not say it; the
            # document speaks (the newsroom kind definitions: "leaked assessment").
            author = []
        if author:
            by = speaker_for(author, cue_offset, doc, index, settings, last_speaker)
            if by.kind != "unknown":
                return by
            # "the pair's study": an author we cannot place; the study itself speaks
        elif (outlet := outlet_of_earlier_report(head, cue_offset, window * 3, index)) is not None:
            # "a Daily Courier report saying … The report claimed …": the outlet speaks
            return _with_state(Speaker(outlet.name, "media", outlet.id), outlet, words, index)
        elif _news_report(head):
            # "media reports", "according to reports": the news's, nobody's document
            return _with_state(Speaker(text, "media"), None, words, index)
        elif head_word in OUTLET_REPORTS and _is_definite(head) and index.history \
                and not _other_document_before(head, nouns["document"]) \
                and (outlet := next((sp for sp in reversed(index.history[-3:]) if sp.kind == "media"), None)):
            # "…, the newspaper said. X declined to comment, the report continued.": the
            # report is that of the outlet that was speaking.
            return Speaker(outlet.name, outlet.kind, outlet.entity, outlet.state_aligned)
        return Speaker(text, "document")

    # "one of them", "some of the officials": whoever "them" is, unnamed.
    if head_word in PARTITIVES:
        inner = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj"]
        if inner:
            group = speaker_for(list(inner[0].subtree), cue_offset, doc, index, settings, last_speaker)
            kind = "anonymous" if group.kind in ("anonymous", "official", "unknown") else group.kind
            kind = "unnamed_official" if group.kind in ("unnamed_official", "institution") else kind
            return Speaker(text, kind)

    # "the 62-year-old": the one person the text gave that age ("Ilse Marnow, 62,").
    age = _AGE_DESCRIPTION.match(text)
    if age is not None:
        person = _described_person(index, cue_offset, f"{age.group(1)}-year-old", set(), window * 3, last_speaker)
        if person is not None:
            return Speaker(person.name, kind_of_entity(person, index, words), person.id)

    # A title of a person ("the minister", "the DWP Secretary"): the person the text named
    # with that title ("Liz Kendall, the DWP Secretary,", "Minister Ilse Marnow"), its
    # qualifiers included; two such people and nothing to tell them apart: unresolved.
    if head.pos_ in ("NOUN", "PROPN") and _is_definite(head) and head_word in kinds["official"] \
            and not any(c.dep_ == "poss" for c in head.children):
        qualifiers = {t.lower_ for t in head.children if t.dep_ in ("compound", "amod", "nmod")
                      and t.pos_ in ("PROPN", "NOUN", "ADJ") and t.lower_ not in UNDISTINCTIVE}
        qualifiers |= {t.lower_ for q in head.children if q.dep_ == "nmod" for t in q.subtree
                       if t.pos_ in ("PROPN", "NOUN")}
        person = _described_person(index, cue_offset, head_word, qualifiers, window * 3, last_speaker)
        if person is not None:
            return Speaker(person.name, kind_of_entity(person, index, words), person.id)
        if head.lower_ == "official" and last_speaker is not None and last_speaker.kind == "official" \
                and _spoke_just_before(doc, index, cue_offset, last_speaker, or_here=True):
            # "Deputy Interior Minister Tom Valsen called the report false. 'I never proposed
            # it,' the interior ministry official said": right after a named official's
            # words, "the official" is that official (not one the lede left unnamed)
            return last_speaker
        # "a Defense Ministry spokesman told …. “…,” the spokesman said": the unnamed one
        # who spoke with that title, not the body he speaks for.
        earlier = next((sp for sp in reversed(index.history[-5:]) if sp.entity is None
                        and sp.kind in ("official", "unnamed_official")
                        and sp.name.lower().split()[-1:] == [head.lower_]), None)
        if earlier is not None:
            return Speaker(earlier.name, earlier.kind, None, earlier.state_aligned)
        introduced = _introduced_before(head, cue_offset, window * 3, index)
        if introduced is not None:
            # "A senior Justice Department official said on Friday … “…,” the official
            # said": the one the text introduced, not the department (a body on record).
            return speaker_for(introduced, cue_offset, doc, index, settings, None)
        if any(e.label == "PERSON" and head_word in index.descriptors.get(e.id, set())
               for e in index.entities):
            # Somebody holds this title, but which one the text does not say: as written.
            return Speaker(_strip_determiner(text), "official")

    # A description ("the state-run agency"): the nearest earlier entity that the text
    # described with the same head noun.
    if head.pos_ in ("NOUN", "PROPN") and _is_definite(head) and not _has_named_owner(head, index):
        # A person only for a word that can name one: "the council" after "Council leader
        # Margaret Ayles" is the council, not its leader; but "the hiker" after "hiker Tom
        # Reilly" is Reilly, whatever lists say of hikers (no word for a body).
        person_word = head_word in kinds["official"] or head_word in ROLE_PEOPLE or head_word in PERSON_NOUNS \
            or not _names_a_body(head)
        described = index.nearest_before(
            cue_offset, lambda e: head_word in index.descriptors.get(e.id, set())
            and (e.label != "PERSON" or person_word), window * 3)
        if described is not None:
            return _with_state(Speaker(described.name, kind_of_entity(described, index, words), described.id),
                               described, words, index)
        # "the water company" is no organisation the text never called so: its qualifiers
        # must be among the words the text used for the one it continues.
        qualifiers = {t.lower_ for t in head.children if t.dep_ in ("compound", "amod")
                      and t.pos_ in ("NOUN", "ADJ") and t.lower_ not in UNDISTINCTIVE}

        def qualified(name: str, entity_id: str | None) -> bool:
            return qualifiers <= (index.descriptors.get(entity_id, set()) | set(name.lower().split()))

        if head_word in kinds["organization"] and head.sent.start > 0:
            # "Vote No has spent ... . In one ad, the group claims ...": a body named as the
            # subject of the sentence before is the one the description continues; never,
            # for "the company", a public body or an outlet ("The Food Agency said the firm
            # had … The company said" is the firm).
            topic = _named_body_subject(doc[head.sent.start - 1].sent, index)
            if topic is not None and qualified(topic.name, topic.entity) \
                    and not (head_word in COMPANY_WORDS and not index.could_be_company(topic.name, topic.entity)):
                return topic
        if head_word in kinds["organization"] | kinds["media"] | {"agency"}:
            # "the company", "the agency": the organisation named most recently.
            nearest = index.most_salient_before(cue_offset, head_word, window * 3)
            if nearest is not None and not qualified(nearest.name, nearest.id):
                nearest = None
            if nearest is not None:
                if head_word == "agency" and "agency" not in index.descriptors.get(nearest.id, set()):
                    words = words - {"agency"}  # a public body the text never called a (news) agency
                return _with_state(Speaker(nearest.name, kind_of_entity(nearest, index, words), nearest.id),
                                   nearest, words, index)
        earlier = next((sp for sp in reversed(index.history)
                        if sp.entity is None and sp.name.lower().split()[-1:] == [head.lower_]), None)
        if earlier is not None:
            return Speaker(earlier.name, earlier.kind, None, earlier.state_aligned)
        introduced = _introduced_before(head, cue_offset, window * 3, index)
        if introduced is not None:
            # "A group of residents wrote … the group said": the one the text introduced.
            return speaker_for(introduced, cue_offset, doc, index, settings, None)

    name = _strip_determiner(text)
    named_body = _has_named_owner(head, index) or _speaks_for(head, index)
    if head_word in kinds["official"] | OFFICIALDOM:
        # "a spokeswoman for the company": the company the text named ("a spokeswoman for
        # BMW"), so that a reader sees whose voice it is
        body = _body_described_after(head, cue_offset, doc, index, settings)
        if body is not None:
            described, speaker = body
            name = _strip_determiner(index.text[tokens[0].idx:described[0].idx] + speaker.name)
    if head_word in OFFICIALDOM:
        # "officials at the ministry", "officials of Riverside Police": the body they work
        # at is named as such, and they speak as its voice (institution). "Ukrainian
        # officials", "U.S. officials", "Pentagon officials", "officials said": officials
        # the text leaves unnamed, a country or body only qualifying them (the newsroom
        # kind definitions; docs/claims.md says why). "speaking on condition of
        # anonymity" changes nothing: an official off the record is still an unnamed
        # official (the newsroom kind table), so "one U.S. official, who spoke on condition
        # of anonymity" and "a senior White House official" get the same kind.
        if WITHHELD.search(head.sent.text):
            return Speaker(name, "unnamed_official")
        return Speaker(name, "institution" if _speaks_for(head, index) else "unnamed_official")
    if head_word in ("source", "sources") and {w for c in head.children if c.dep_ in ("compound", "amod")
                                              for w in (c.lower_, c.lemma_.lower())} & SERVICE_WORDS:
        # "Afghan intelligence sources", "security sources", "a government source": officials
        # of a service the text leaves unnamed (the newsroom kinds), not just anyone
        return Speaker(name, "unnamed_official")
    if head_word in kinds["anonymous"] or head.lower_ in kinds["anonymous"]:
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None)
        if owner is not None:
            # "The Herald quoted its sources": whose sources the text says, by name.
            whose = speaker_for([owner], cue_offset, doc, index, settings, last_speaker)
            if whose.kind not in ("unknown", "author") and whose.name.lower() not in OWNER_PRONOUNS:
                own = index.text[owner.idx + len(owner.text): tokens[-1].idx + len(tokens[-1].text)].strip()
                return Speaker(f"{own} of {whose.name}", "anonymous")
        return Speaker(name, "anonymous")
    public_agency = head_word == "agency" and not _media_words(words)
    if (head_word in kinds["media"] or head.lower_ in kinds["media"]) and not public_agency \
            and head_word not in kinds["official"]:
        # ("media" has the lemma "medium")
        return _with_state(Speaker(name, "media"), None, words, index)
    if (head_word in UNNAMED_BODIES or public_agency) and not named_body and not _is_definite(head):
        return Speaker(name, "unnamed_official")   # "authorities said", "investigators believe"
    if head_word in PUBLIC_SERVICES and not (head_word == "force" and head.tag_ == "NNS"):
        # "the fire service said", "the force said" (a police force), "the ambulance
        # trust": a public service by its head noun; "the news service", "a wire service"
        # is an outlet. "Security forces" stay open: a group, not one body's voice.
        modifiers = {w for c in head.children if c.dep_ in ("compound", "amod", "nmod")
                     for w in (c.lower_, c.lemma_.lower())}
        return Speaker(name, "media" if _outlet_words(modifiers) else "institution")
    if head_word in kinds["government"] | kinds["organization"] | STATE_NOUNS | {"prosecutor"} \
            | ({"agency"} if public_agency else set()) and (
            head_word != "prosecutor" or head.tag_ == "NNS"):
        return Speaker(name, "institution")         # "police said", "prosecutors", "the ministry"
    if _names_a_trade(head):
        return Speaker(name, "institution")         # "the retailer", "the Swiss maker of pumps"
    if head_word in ROLE_PEOPLE or (head_word in PERSON_NOUNS and head_word not in NOT_ALWAYS_PEOPLE):
        # "defense attorneys", "witnesses", and a person described but not resolved
        # ("the former MLB player"): a person, even when which one stays open.
        return Speaker(name, "person")
    holder = _title_holder_at_end(tokens, head, index) if head_word in kinds["official"] else None
    if holder is not None:
        # "Minister in the Prime Minister's Department Mary Tan said": a long title the
        # parser broke up, its holder's name closing the phrase
        return Speaker(holder.name, "official", holder.id)
    if head_word in kinds["official"] and not _is_definite(head) and not named_body:
        # "A federal judge said ... U.S. District Judge William Martini ...": an unnamed
        # office that the next sentences name is that person.
        named = index.nearest_after(cue_offset, lambda e: e.label == "PERSON"
                                    and head_word in index.descriptors.get(e.id, set()), FORWARD_WINDOW)
        if named is not None:
            return Speaker(named.name, kind_of_entity(named, index, words), named.id)
    if head_word in kinds["official"]:
        # An office without a name ("a senior minister") is an unnamed official; a
        # spokesperson speaks on the record by trade, and an office of a named body
        # ("the minister", "a spokesman for Tessa Maritime") is on record.
        # an editor answers for what the journal or the outlet printed, on the record
        on_record = _is_definite(head) or named_body or head_word in SPOKESPERSONS or head_word == "editor"
        if not _is_definite(head) and WITHHELD.search(head.sent.text):
            # "An Orlan Bank executive, who asked not to be named": off the record, as
            # for officials (the newsroom kinds: an unnamed official)
            return Speaker(name, "unnamed_official")
        if named_body and head.tag_ == "NNS" and head_word not in SPOKESPERSONS | {"editor"}:
            # "leaders of the opposition bloc", "ministers of the government": unnamed
            # office holders as a group speak as their body's voice, like "officials at X"
            return Speaker(name, "institution")
        return Speaker(name, "official" if on_record else "unnamed_official")
    if head_word in SHARED_MEDIA and head.idx < cue_offset \
            and set(re.findall(r"[a-z]+", index.text[head.idx:cue_offset].lower())) & SHARED_ONLINE:
        # "videos shared on social media claim", "screenshots circulating online": what is
        # passed around online, nobody's on record (the newsroom kinds: posts, captions)
        return Speaker(name, "rumor")
    kind = _kind_by_modifiers(head)
    if kind == "unknown" and head.pos_ == "PROPN" and name == text and _person_like(name):
        # "Aldous Kerrins, Minister of …, said": a name the entity layer missed, shaped like a
        # person's (two to four capitalised words, none a body's, no article: "The Harbour
        # Watch" is a body); a later "he" can be him
        kind = "person"
    return Speaker(name, kind)


# What is passed around online, as a source's head noun, and the words that say it was.
SHARED_MEDIA = frozenset("video videos clip clips screenshot screenshots meme memes image images photo photos "
                         "picture pictures caption captions footage".split())
SHARED_ONLINE = frozenset("social online viral share shared circulate circulating internet twitter facebook "
                          "instagram tiktok telegram whatsapp youtube".split())


# What makes a source a state servant's ("intelligence sources", "a police source"): the
# government words of the kinds lexicon and the services that are no body by name.
SERVICE_WORDS = frozenset("intelligence security defence defense diplomatic governmental "
                          "official".split()) | kind_words()["government"]


# Things that count or record and so speak as data ("the voting system showed", "the
# tally showed"); kept out of the reporting nouns, which would make "a system that …" a claim.
DATA_SOURCES = frozenset("system systems tally tallies database register registry log logs "
                         "scoreboard tracker "
                         # texts that say things by what is written in them ("the state
                         # constitution says", "internal polling showed"); kept here, not among
                         # the reporting nouns, so that "a book that …" makes no claim
                         "polling paperwork book books constitution charter precedent precedents "
                         "ruling rulings search searches lookup "
                         # a paper as submitted, a journal's or a paper's own leader
                         # ("the manuscript reported", "the editorial concluded")
                         "manuscript manuscripts editorial editorials".split())
# A body's pages online speak as a document when the text says whose they are ("the
# company's website says"); "the website" alone is the outlet the text spoke of.
OWNED_PAGES = frozenset("website websites webpage site".split())


def _body_described_after(head, cue_offset: int, doc, index: EntityIndex, settings):
    """The named body that a definite description after "for", "of" or "at" stands for
    ("a spokeswoman for the company" after "Velmora, the carmaker,"): (the description's
    tokens, the body as a speaker), or None when the description is a name itself or
    resolves to no entity."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "at"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ != "NOUN" or not _is_definite(obj) or index.entity_at(obj) is not None:
                continue
            described = sorted(obj.subtree, key=lambda t: t.i)
            body = speaker_for(described, cue_offset, doc, index, settings, None)
            # "a spokeswoman for the city council's office": the description names whose
            # office it is; a body without that owner's word in its name (the outlet
            # named just before) is another body
            owners = {t.lower_ for p in obj.children if p.dep_ == "poss" for t in p.subtree
                      if t.is_alpha and t.dep_ != "det"}
            if owners and not owners & set(re.findall(r"[^\W\d_]+", body.name.lower())):
                continue
            if body.entity is not None:
                return described, body
    return None


def _names_a_trade(head) -> bool:
    """Is this noun what news calls a company by its trade ("the retailer", "the lender",
    "the carmaker", "the Swiss maker of pumps")? A producer may be a film's: left out."""
    word = head.lemma_.lower()
    return head.tag_ == "NN" and word in (COMPANY_WORDS - {"producer", "group", "giant"}) | COMPANY_MAKERS


# "-maker" companies; a lawmaker, a policymaker or a filmmaker is a person.
COMPANY_MAKERS = frozenset("maker carmaker automaker drugmaker chipmaker steelmaker planemaker toymaker "
                           "handsetmaker".split())


def _kind_by_modifiers(head) -> str:
    """The kind of a source whose head noun says nothing of it, from the head or its
    modifiers: a counting machine is a document ("the voting system showed"); a noun a
    body's word qualifies is that body ("the opposition minority", "the party leadership")."""
    if head.lemma_.lower() in DATA_SOURCES or head.lower_ in DATA_SOURCES:
        return "document"
    if head.lower_ in OWNED_PAGES and any(c.dep_ == "poss" for c in head.children):
        return "document"
    if any(o.dep_ == "pobj" and _outlet_words({w for t in o.subtree for w in (t.lower_, t.lemma_.lower())})
           for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children):
        # "a group of newspapers", "a consortium of media outlets": outlets together
        return "media"
    bodies = kind_words()["government"] | kind_words()["organization"]
    if any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in bodies for c in head.children):
        return "institution"
    if head.lower_ == "house" and any(c.dep_ == "compound" and c.lower_ == "white" for c in head.children):
        return "institution"    # "the Halloran White House" that the tagger missed
    return "unknown"


def _title_holder_at_end(tokens: list, head, index: EntityIndex) -> Entity | None:
    """The person whose name ends a source phrase headed by a title ("Minister in the Prime
    Minister's Department Mary Tan"), when the name is not what the title is for or of ("a
    spokesman for Mary Tan", "an aide to Mary Tan"); a possessive ("a minister in Mary
    Tan's government") does not end the phrase."""
    last = tokens[-1]
    entity = index.entity_at(last)
    if entity is None or entity.label != "PERSON" or last.i == head.i or index.entity_at(head) is entity:
        return None
    token = next(t for t in tokens if index.entity_at(t) is entity)
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in ("for", "of", "to", "with", "by"):
            return None
        token = token.head
    return entity if token.i == head.i else None


def _a_person_by_who(speaker: Speaker, pronoun: str) -> Speaker:
    """"an actress who said": "who" (not "which") says the source is a person when nothing
    else said what it is."""
    if pronoun == "who" and speaker.kind == "unknown" and speaker.entity is None and speaker.name != "unknown":
        return Speaker(speaker.name, "person")
    return speaker


def _outlet_of_report(head, index: EntityIndex) -> Entity | None:
    """The outlet named in front of its report ("a BBC report", "a recent New York Times
    article"): a name modifying "report", "article" or "story" that is an outlet."""
    if head.lemma_.lower() not in OUTLET_REPORTS:
        return None
    for child in head.children:
        if child.dep_ in ("compound", "nmod", "poss") and child.i < head.i:
            entity = index.entity_at(child)
            if entity is not None and entity.label != "PERSON" and kind_of_entity(entity, index) == "media":
                return entity
    return None


# What makes a report hearsay rather than the news's ("unconfirmed reports"): `rumor`.
UNCONFIRMED = frozenset("unconfirmed unverified unsubstantiated unsourced".split())


def _news_report(head) -> bool:
    """Is this report, story or article the news media's: qualified by a media word ("media
    reports", "local press reports", "Turkish news reports"), or plural with no author and
    no determiner ("according to reports", "widespread reports", "multiple reports")? A
    definite or singular one nobody wrote ("the report", "a report") stays a document: a
    body's report is as likely. Hearsay ("unconfirmed reports") is not."""
    if head.lemma_.lower() not in OUTLET_REPORTS or any(c.dep_ == "poss" for c in head.children):
        return False
    modifiers = {w for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i
                 for w in (c.lower_, c.lemma_.lower())}
    if modifiers & UNCONFIRMED:
        return False
    if _outlet_words(modifiers):
        return True
    return head.tag_ == "NNS" and not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this", "that")
                                          for c in head.children)


def outlet_of_earlier_report(head, cue_offset: int, max_distance: int, index: EntityIndex) -> Entity | None:
    """"a Daily Courier report saying … The report claimed …", "a report by the Courier …
    The article quoted …": a definite report, article or story with no author of its own
    continues the latest earlier one of any of those names; when an outlet wrote that one,
    the outlet speaks through it. Definite mentions between them that nobody is said to
    have written are looked through; an earlier one with another author ("the ministry's
    report", "The ministry published a report"), or one nobody is said to have written,
    ends the search (a body's report stays a document). Only a name the article shows is an
    outlet's counts: an acronym may be a watchdog's ("an OIG report"). Used for the speaker
    (`speaker_for`) and for the relays and speakers the attribution layer settles later."""
    if head.lemma_.lower() not in OUTLET_REPORTS or head.pos_ != "NOUN" or not _is_definite(head) \
            or _report_authors(head):
        return None
    for token in reversed(head.doc[:head.i]):
        if cue_offset - token.idx > max_distance:
            return None
        if token.lemma_.lower() not in OUTLET_REPORTS or token.pos_ != "NOUN" or index.quoted(token.idx):
            continue
        authors = _report_authors(token)
        outlet = next((e for t in authors if (e := index.entity_at(t)) is not None and e.label != "PERSON"
                       and (kind_of_entity(e, index) == "media" or is_known_outlet(e.name))), None)
        if outlet is not None or authors or not _is_definite(token):
            return outlet
    return None


def _report_authors(report) -> list:
    """The words naming who wrote a report, article or story: a name or possessive before
    it ("a Courier report", "its report"), "by", "from" or "in" an author ("a report in the
    Courier"), whoever published it ("The ministry published a report"), and "of" a name
    ("a report of the Harlow Commission"; "the story of an offer to join Velmora Navy" is
    what it tells)."""
    words = []
    for child in report.children:
        if child.dep_ in ("compound", "nmod", "poss") and child.i < report.i:
            words += [t for t in child.subtree if t.dep_ != "case"]
        elif child.dep_ == "prep" and child.lower_ in ("by", "from", "in", "of"):
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                if child.lower_ != "of" or obj.pos_ == "PROPN":
                    words += list(obj.subtree)
    if report.dep_ == "dobj" and report.head.lemma_ in PUBLISHING_VERBS:
        words += [t for c in report.head.children if c.dep_ == "nsubj" for t in c.subtree]
    return words


def _issuer_of_earlier(head, cue_offset: int, max_distance: int, index: EntityIndex) -> list:
    """"X's office said in a statement … The statement demanded …": a definite document
    with no author of its own is the one the text mentioned before; when somebody spoke in
    it ("said in a statement"), it is that speaker speaking again. A document only
    published ("The ministry published a report. The report said …") stays a document, and
    so does one cited ("according to the release"): the cue's subject only. Empty when the
    text says no such thing."""
    if head.dep_ not in ("nsubj", "nsubjpass") or not _is_definite(head) \
            or any(c.dep_ == "poss" for c in head.children):
        return []
    lemma = head.lemma_.lower()
    for token in reversed(head.doc[:head.sent.start]):
        if cue_offset - token.idx > max_distance:
            return []
        if token.lemma_.lower() != lemma or token.pos_ != "NOUN" or index.quoted(token.idx):
            continue
        if token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.lemma_ in _SAYING:
            author = [t for c in token.head.head.children if c.dep_ == "nsubj" for t in c.subtree]
            return [t for t in author if not index.quoted(t.idx)]
        return []
    return []


_AGE_DESCRIPTION = re.compile(r"^(?:the|this|that)\s+(\d{1,3})-year-old$", re.I)
# Words that do not tell two holders of a title apart ("the former minister").
UNDISTINCTIVE = frozenset("former then new current senior top outgoing incoming veteran embattled same "
                          "other local".split())


def _described_person(index: EntityIndex, cue_offset: int, title: str, qualifiers: set[str],
                      max_distance: int, last_speaker: Speaker | None) -> Entity | None:
    """The person named earlier (within max_distance characters) whom the text described
    with `title` and every word of `qualifiers`. Of several, the last speaker when it is one
    of them; otherwise None: a guess between two ministers is worse than none."""
    found = []
    for entity in index.entities:
        words = index.descriptors.get(entity.id, set())
        if entity.label != "PERSON" or title not in words or not qualifiers <= words:
            continue
        if any(m.start < cue_offset and cue_offset - m.start <= max_distance and not index.quoted(m.start)
               for m in entity.mentions):
            found.append(entity)
    if len(found) == 1:
        return found[0]
    return next((e for e in found if last_speaker is not None and e.id == last_speaker.entity), None)


# How far ahead (characters) an unnamed office ("a spokesman") looks for its name.
FORWARD_WINDOW = 400
# Officials as a group: a body's voice when the body is named, else unnamed officials.
# A campaign's strategists are its staff: unnamed, they are unnamed officials ("top Varga
# strategists"), never the campaign's voice on record; named, they speak for themselves.
OFFICIALDOM = frozenset("official officials aide aides diplomat diplomats adviser advisers advisor "
                        "advisors strategist strategists".split())
# The text says the source's identity is withheld.
WITHHELD = re.compile(r"\b(anonymity|not authori[sz]ed to|(declined|asked) not to be named|"
                      r"(declined|refused) to be (named|identified))\b", re.I)
# Bodies that news leaves unnamed on purpose.
UNNAMED_BODIES = frozenset("authorities authority investigator investigators".split())
# People identified by their role in the event, speaking for themselves.
ROLE_PEOPLE = frozenset("attorney attorneys lawyer lawyers witness witnesses neighbour neighbours "
                        "neighbor neighbors resident residents relative relatives victim victims "
                        "scientist scientists researcher researchers chemist chemists physicist "
                        "physicists biologist biologists geologist geologists astronomer astronomers "
                        "economist economists historian historians professor professors doctor "
                        "academic academics "
                        "doctors nurse nurses engineer engineers teacher teachers student students "
                        "parent parents farmer farmers driver drivers worker workers suspect suspects "
                        "defendant defendants passenger passengers survivor survivors "
                        # people who speak for themselves as a pair or a crowd at the event
                        "couple paparazzi photographer photographers "
                        # people by their part in politics or a public event, not an office
                        "voter voters candidate candidates nominee nominees operative operatives "
                        "supporter supporters activist activists protester protesters protestor "
                        "protestors demonstrator demonstrators citizen citizens constituent "
                        "constituents donor donors fan fans attendee attendees "
                        "participant participants pollster pollsters millennial millennials "
                        "perpetrator perpetrators "
                        "electorate consumer consumers shopper shoppers homeowner homeowners".split())


# Words that make a document one its author did not publish ("a leaked memo from the
# ministry"): the document is the source, not the body it came from.
UNRELEASED = frozenset("leaked confidential classified internal secret draft".split())
# Person nouns that also name things ("the model predicts"): no person by the word alone.
NOT_ALWAYS_PEOPLE = frozenset(("model",))

# Quantifiers that leave a group vague ("some Democrats", "many Republicans").
VAGUE_QUANTIFIERS = frozenset("some many several few most other others".split())
PARTITIVES = {"one", "some", "many", "most", "several", "few", "two", "three", "each", "both", "all", "none",
              "much", "half", "majority"}


def _appositions(head) -> list:
    found = [c for c in head.children if c.dep_ == "appos"]
    # "Nordstal, Estmark's largest steelmaker, reported": the small parser may make the name
    # a modifier of the description; a name set off by a comma before it is an apposition.
    found += [c for c in head.children if c.dep_ in ("amod", "compound", "npadvmod", "nmod")
              and c.pos_ == "PROPN" and c.i + 1 < head.i and c.doc[c.i + 1].text == ","]
    for app in list(found):
        # The apposition's own name ("Its spokesperson, Vera Lask"), not a name further
        # down its clauses ("an immigrant who works as a nurse in Leeds").
        found.extend(c for c in app.subtree if c.pos_ == "PROPN" and _within_name(c, app))
    if head.dep_ == "appos":
        found.append(head.head)
    return found


def _within_name(token, top) -> bool:
    """Is `token` joined to `top` by name-building links only (compounds, flat names,
    appositions, possessives: "Estmark's largest steelmaker")?"""
    while token.i != top.i:
        if token.dep_ not in ("compound", "flat", "appos", "poss", "nmod", "amod") or token.head.i == token.i:
            return False
        token = token.head
    return True


def _introduced_before(head, cue_offset: int, max_distance: int, index: "EntityIndex") -> list | None:
    """The phrase that introduced an unnamed holder of `head`'s title, "a senior Justice
    Department official" for "the official": the latest earlier indefinite phrase with the
    same head word, outside quotations, within max_distance characters, in a sentence
    before the head's."""
    doc = head.doc
    for token in reversed(doc[:head.sent.start]):
        if cue_offset - token.idx > max_distance:
            return None
        if token.lemma_.lower() == head.lemma_.lower() and token.pos_ == "NOUN" and not index.quoted(token.idx) \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            return [t for t in token.subtree if t.i <= token.i]
    return None


def _other_document_before(head, document_nouns: set[str]) -> bool:
    """Does a document other than `head` appear in its sentence or the one before ("The
    ministry published a report. The report said …")?"""
    sent = head.sent
    start = head.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return any(t.lemma_.lower() in document_nouns and t.i != head.i for t in head.doc[start:head.i])


def _author_of(head) -> list:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return list(objs[0].subtree)
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return [t for t in child.subtree if t.dep_ != "case"]
    # "The agency circulated a report claiming ...": whoever published it.
    if head.dep_ == "dobj" and head.head.lemma_ in PUBLISHING_VERBS:
        return [t for c in head.head.children if c.dep_ == "nsubj" for t in c.subtree]
    return []


PUBLISHING_VERBS = {"publish", "circulate", "release", "issue", "air", "run", "broadcast", "post",
                    "print", "carry", "distribute", "send", "put"}


def _has_named_owner(head, index: "EntityIndex") -> bool:
    return any(c.dep_ in ("poss", "compound", "amod") and index.entity_at(c) is not None for c in head.children)


SPOKESPERSONS = frozenset("spokesman spokeswoman spokesperson representative rep publicist".split())


def _speaks_for(head, index: "EntityIndex") -> bool:
    """"a spokesman for the ministry", "a representative of Tessa Maritime": the body it
    speaks for is named (an entity) or is a public body by its noun."""
    bodies = kind_words()["government"] | kind_words()["organization"]
    return any(o.dep_ == "pobj" and (index.entity_at(o) is not None or o.lemma_.lower() in bodies)
               for p in head.children if p.dep_ == "prep" and p.lower_ in ("for", "of", "at", "from")
               for o in p.children)


def _person_behind_apposition(antecedent):
    """"Lt. Col. Clifford Kent, spokesman for the 3rd Infantry Division, who called …": the
    parser may hang the relative clause on the last noun of the apposition ("Division");
    the one who speaks is the person the apposition describes. Only a PERSON is taken:
    "the head of the union, who" with no name keeps the parser's reading."""
    noun = antecedent
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i != noun.head.i:
        noun = noun.head.head
        if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON":
            return noun.head
    return antecedent


def _person_phrase_of(antecedent, index: "EntityIndex"):
    """"officials familiar with the talks, who said …", "a spokesman for the ministry, who
    said …": the parser hangs "who" on the last noun, a thing or a body inside the phrase's
    modifier; "who" is the person the whole phrase names. Climbs from the object of a
    preposition (through an adjective or participle) to the noun it modifies, until the
    noun is a person by name or by its word."""
    people = kind_words()["anonymous"] | kind_words()["official"]
    noun = antecedent
    while noun.ent_type_ != "PERSON" and noun.lemma_.lower() not in people \
            and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        up = noun.head.head
        if up.dep_ in ("amod", "acl") and up.pos_ in ("ADJ", "VERB") and up.head.i != up.i:
            up = up.head
        if up.pos_ not in ("NOUN", "PROPN") or up.i == noun.i:
            break
        noun = up
    return noun


def _plural_name(name: str) -> bool:
    """"Two chemists", "defense attorneys": a group named by a plural noun; or by names
    joined with "and" ("Mary Jones and Peter Brown")."""
    words = name.lower().split()
    if "and" in words[1:-1]:
        return True
    # "Aldous Kerrins", "Tom Jones": a person's name ending in "s" is no plural noun
    return bool(words) and words[-1].endswith("s") and not words[-1].endswith("ss") and not _person_like(name)


def _strip_determiner(text: str) -> str:
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            return text[len(det):]
    return text


def _core_phrase(tokens: list) -> list:
    """The noun phrase without its relative clauses, participles and trailing asides:
    "intermediaries that it is ready to talk" → "intermediaries"."""
    head = min(tokens, key=lambda t: _depth(t))
    dropped: set[int] = set()
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "punct", "case") or (child.dep_ == "appos" and child.i > head.i):
            dropped.update(t.i for t in child.subtree)
    core = [t for t in tokens if t.i not in dropped]
    # the comma that closed a dropped apposition ("A spokesman for X, the port's operator,")
    while len(core) > 1 and core[-1].is_punct:
        core.pop()
    return core or tokens


def _with_state(speaker: Speaker, entity: Entity | None, words: set[str], index: EntityIndex) -> Speaker:
    if speaker.kind == "media" and is_state_aligned(entity, words, index):
        speaker.state_aligned = True
    return speaker


def _is_definite(token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in token.children) \
        or any(c.dep_ == "poss" for c in token.children)


# Countries as speakers ("Both countries denied the report"): their governments' voice,
# `institution` like a named country. Kept out of the government words of the kind lexicon,
# which also describe people ("country singer").
STATE_NOUNS = frozenset(("country", "nation"))
# Things that carry somebody's words to the newsroom ("a call from a parent saying …"):
# the sender after "from" is the source.
MESSAGE_NOUNS = frozenset("call phone-call letter email e-mail message text note voicemail tip".split())


def _sender_of_message(head):
    """The "from" object of a message noun ("a phone call from a parent" → "parent"), or None."""
    if head.lemma_.lower() not in MESSAGE_NOUNS or head.pos_ != "NOUN":
        return None
    return next((obj for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "from"
                 for obj in prep.children if obj.dep_ == "pobj"), None)


def _noun_of_coordinated_adjectives(head, tokens: list):
    """The noun that coordinated adjectives share: the parser can make "Current" the head
    of "Current and former officials" and hang "officials" on it as a conjunct, when the
    adjectives only qualify the officials. Any other head is returned as it is."""
    if head.pos_ != "ADJ":
        return head
    inside = {t.i for t in tokens}
    noun = next((c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
                 and c.i in inside and c.i == max(inside)), None)
    return noun if noun is not None else head


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 100:
        token = token.head
        depth += 1
    return depth


# --- kinds over the whole article ---------------------------------------------------------

# Head nouns of public services that news names without their name ("the fire service
# said", "the force said" of a police force, "the trust said" of a health trust).
PUBLIC_SERVICES = frozenset("service force brigade trust".split())
# Words in a body's name that make it a public body whose officials speak for it
# ("the sheriff's office", "the ministry", "police").
PUBLIC_BODY_WORDS = frozenset("office sheriff police department ministry agency bureau service court "
                              "council garrison command government administration authority "
                              "commission embassy army navy".split())
# "an unnamed CIA official": the body is named, the official is not.
UNNAMED_WORDS = frozenset("unnamed unidentified anonymous".split())
# Talk on social platforms, as a source's head noun in lower case ("viral posts").
SOCIAL_POSTS = frozenset("post posts tweet tweets".split())
UNNAMED_SPOKESPERSONS = frozenset("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen "
                                  "representative representatives".split())
# Several unnamed spokespeople are never the one named official who spoke before.
PLURAL_SPOKESPERSONS = frozenset("spokespeople spokesmen spokeswomen representatives".split())
# Words of "a senior spokesman for the", which name no body.
_BODY_FILLER = frozenset("a an the for of at from to senior deputy chief press official 's".split())
HONORIFICS = frozenset("mr mrs ms miss dr sir lord lady".split())


def _names_a_person(words: set[str], person_words: frozenset[str]) -> bool:
    """Are the words after "a spokesman for" a person's name, titles aside ("former
    President Ivan Dorsk")? Then the spokesperson speaks for a person, in an office."""
    names = words - kind_words()["official"] - UNDISTINCTIVE
    return bool(person_words) and bool(names) and names <= person_words


def settle_kinds(speakers: list[Speaker], person_words: frozenset[str] = frozenset(),
                 introduced: frozenset[int] = frozenset()) -> None:
    """Decide kinds that need the whole article, in place; `speakers` in text order.

    1. Bare "officials" after a public body has spoken ("The sheriff's office said ...
       ..., officials said", "state police said ... officials said") are that body's voice
       on the record: the body, kind `institution`. With no such body they stay
       `unnamed_official`.
    2. An official the text calls unnamed ("an unnamed CIA official") is an unnamed
       official, whatever body it names.
    3. One kind per person: the mentions of one entity that are `person` or `official`
       take the one most of them have (the first one's on a tie), so "Ana Berg, a former
       minister" does not turn into an official at "Minister Berg". Other mixes (an
       institution one quote calls "the newspaper") are resolution slips and stay visible.
    4. A spokesperson with no name of their own who speaks for a named body ("a spokesman
       for Tessa Maritime", "the ministry spokesman") is that body's voice on record:
       `institution` (the newsroom annotation rules). A named one ("spokesman Karl
       Densen") is an `official`; one for a person ("a spokesman for Mr. Berg", "a
       spokesperson for Vance" where `person_words` holds the words of the article's
       person names) too, and
       so is one after a named official has spoken (likely that official again), unless
       its mention introduces somebody ("a spokesman for Tessa Maritime": `introduced`
       holds the ids of such speakers). One whose phrase ends in a title and a name ("the
       spokesman of the Defence Ministry General Ivo Tamsan", kept whole when the tagger
       took the name for a body) is named: an official.
    5. What the name's words say when nothing else did: a source of unknown kind headed by
       a media noun ("US media", "state-run media") is `media`; talk on social media
       ("posts on social media", "viral posts", "a post on Threads": "post" written in
       lower case, so not the Post) is hearsay, `rumor`, not an outlet.
    6. A mention of unknown kind takes the kind another mention of the same speaker (the
       entity, else the name) has in the article; a lone surname with no entity, that of
       the one person with that surname."""
    media_words = kind_words()["media"]
    named_official = False
    for speaker in speakers:
        words = [w.strip(".,'’") for w in speaker.name.lower().split()]
        body_words = set(words) - UNNAMED_SPOKESPERSONS - _BODY_FILLER
        if speaker.kind == "official" and speaker.entity is None and set(words) & UNNAMED_SPOKESPERSONS \
                and body_words and not set(words) & HONORIFICS \
                and not _names_a_person(body_words, person_words) \
                and not _office_in_name(speaker.name) \
                and (not named_official or set(words) & PLURAL_SPOKESPERSONS or id(speaker) in introduced):
            # after a named official has spoken, "the Kremlin spokesman" is most likely
            # that person again (resolution missed the link): it stays an official
            speaker.kind = "institution"
        elif speaker.kind in ("media", "unknown") and (
                ("social" in words and "media" in words)
                or (speaker.entity is None and set(speaker.name.split()) & SOCIAL_POSTS)):
            speaker.kind = "rumor"
        elif speaker.kind == "unknown" and speaker.entity is None and words and words[-1] in media_words:
            speaker.kind = "media"
        elif speaker.kind == "rumor" and speaker.entity is None and len(words) > 1 \
                and words[-1] in OUTLET_REPORTS | {"reports", "stories", "articles"} \
                and _outlet_words(set(words[:-1])) and not set(words) & UNCONFIRMED:
            # "denied media reports that …" named as hearsay for want of an agent: the
            # media's reports (the newsroom kinds), not a rumour
            speaker.kind = "media"
        named_official = named_official or (speaker.kind == "official" and speaker.entity is not None)
    body = None
    for speaker in speakers:
        words = set(speaker.name.lower().split())
        if speaker.kind == "institution" and words & PUBLIC_BODY_WORDS and not words & UNNAMED_SPOKESPERSONS:
            body = speaker
        elif speaker.kind == "unnamed_official" and speaker.name.lower() == "officials" and body is not None:
            speaker.name, speaker.kind, speaker.entity = body.name, "institution", body.entity
        if words & UNNAMED_WORDS and speaker.kind in ("institution", "official"):
            speaker.kind = "unnamed_official"
    by_entity: dict[str, list[Speaker]] = {}
    for speaker in speakers:
        if speaker.entity and speaker.kind in ("person", "official"):
            by_entity.setdefault(speaker.entity, []).append(speaker)
    for same in by_entity.values():
        counts: dict[str, int] = {}
        for speaker in same:
            counts[speaker.kind] = counts.get(speaker.kind, 0) + 1
        kind = max(counts, key=lambda k: (counts[k], -[s.kind for s in same].index(k)))
        for speaker in same:
            speaker.kind = kind
    # One kind per speaker: a mention whose kind is unknown takes the kind another mention
    # of the same speaker (entity, else name) has in the article.
    known: dict[str, str] = {}
    named: dict[str, Speaker] = {}
    for speaker in speakers:
        if speaker.kind not in ("unknown", "author"):
            known.setdefault(speaker.entity or speaker.name.lower(), speaker.kind)
            if speaker.entity:
                # "New Idea claims ..." where the tagger missed the name, "New Idea
                # suggests ..." where it found it: one speaker by its name too
                named.setdefault(speaker.name.lower(), speaker)
    for speaker in speakers:
        if speaker.kind == "unknown":
            speaker.kind = known.get(speaker.entity or speaker.name.lower(), "unknown")
        if speaker.kind == "unknown" and speaker.entity is None and speaker.name.lower() in named:
            speaker.kind = named[speaker.name.lower()].kind
            speaker.entity = named[speaker.name.lower()].entity
    _surname_kinds(speakers)
    _titled_name_kinds(speakers)


_NAME_PREPOSITIONS = frozenset("for to of by with from".split())


def _titled_name_kinds(speakers: list[Speaker]) -> None:
    """"the Assistant Commissioner of Police Halvar Ostrem said … Ostrem said": a title
    phrase kept whole as an `official` (the entity model missed the name in it) ends with
    the surname of exactly one person speaker; that person's mentions are the official,
    one kind per speaker. A name after "for", "of", "to" ("a spokesman for Mary Tan")
    is whom the office serves, not its holder."""
    surnames = {}
    for speaker in speakers:
        words = speaker.name.split()
        if speaker.kind == "person" and speaker.entity and words and words[-1][:1].isupper():
            surnames.setdefault(words[-1].lower(), set()).add(speaker.entity)
    holders = set()
    for speaker in speakers:
        words = speaker.name.split()
        if speaker.kind != "official" or speaker.entity is not None or len(words) < 3 \
                or not words[-1][:1].isupper() or {w.lower() for w in words[-3:-1]} & _NAME_PREPOSITIONS:
            continue
        owners = surnames.get(words[-1].lower(), set())
        if len(owners) == 1:
            holders |= owners
    for speaker in speakers:
        if speaker.entity in holders and speaker.kind == "person":
            speaker.kind = "official"


def _surname_kinds(speakers: list[Speaker]) -> None:
    """"Chief Executive Peter Wexford said … Wexford, one of …, said": a one-word name of
    unknown kind with no entity (the tagger missed it) that is the last word of exactly one
    person's full name in the article takes that person's kind; two people with that
    surname leave it unknown."""
    by_surname: dict[str, set[tuple[str, str]]] = {}
    for speaker in speakers:
        words = speaker.name.split()
        if speaker.kind in ("person", "official") and len(words) > 1 and words[-1][:1].isupper():
            by_surname.setdefault(words[-1].lower(), set()).add((speaker.entity or speaker.name.lower(), speaker.kind))
    for speaker in speakers:
        if speaker.kind == "unknown" and speaker.entity is None and len(speaker.name.split()) == 1 \
                and speaker.name[:1].isupper():
            owners = by_surname.get(speaker.name.lower(), set())
            if len({who for who, _ in owners}) == 1 and len(owners) == 1:
                speaker.kind = next(iter(owners))[1]
