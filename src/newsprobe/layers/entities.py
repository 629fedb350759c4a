"""Entities: spaCy's named entities merged into one canonical entity per real-world referent.

"Volodymyr Zelensky", "Zelenskyy" and a misspelt "Zelenksy" become one entity; a bare
"Shoigu" after "Defence Minister Sergei Shoigu" joins him. The canonical name is the
fullest form (most tokens), and among equally full forms the most frequent spelling, so a
one-off typo never becomes the name.

The small English model's spans and labels are corrected with what the text itself says,
in this order: names it cuts in pieces are found whole first (royal styles, quoted
programme titles, bylines, "US Army ...", "Xs for Some Cause"); spans a reader would not
call a name are dropped (lower case, bare titles, prefixed adjectives, common-noun
acronyms, page furniture (lexicons/page_furniture.txt, language menus, link labels run
together), credit-line words, a stub cut off by the excerpt's end, a headline's common
words); each mention's form fixes some labels (`corrected_label`: outlets and platforms,
continents, counties, events, clubs, credited reporters, offices and buildings, known
places); each cluster that `places` knows as a country or city is a place
(`_mark_known_places`); then each cluster's label follows the evidence around its
mentions (`_relabel_by_context`: an apposition or craft noun, a player's club, a plural
verb, a place noun, a coordinated name) and short forms join the full name ("the Post",
"U.S."). The place list is CLDR's country names (Babel) and the time zone database's
cities (`layers/places.py`); spaCy's larger English models are not installed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from ..model import Analysis, Entity, Span, clean_name
from .places import place_kind
from .sources import is_known_outlet
from ..settings import Settings

NAME = "entities"
VERSION = "3"
FIELD = "entities"
REQUIRES: tuple[str, ...] = ()

# Entity types a reader tracks as actors or places; numbers and dates are claims' business.
KEPT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
# spaCy's small model often hesitates between these for the same name; merge across them.
# Nationalities and groups ("Iranian", "Republicans") are entities of their own, apart from
# the country ("Iran"), as a reader (and the newsroom annotation) counts them.
LABEL_GROUPS = {"PERSON": "person", "ORG": "org", "GPE": "org", "NORP": "norp", "LOC": "place",
                "FAC": "place"}

_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Spelling variants of one surname: "Zelensky"/"Zelenskyy" (1 edit), "Zelensky"/"Zelenksy"
# (a transposition, 2 plain edits). Names this similar and this long are rarely two people.
_MAX_NAME_EDITS = 2
_MIN_FUZZY_LEN = 5
_MIN_TWO_EDIT_LEN = 7


def _clean_mention(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive: "the Kremlin's" -> "Kremlin"."""
    piece = text[start:end]
    m = _LEADING.match(piece)
    if m and len(piece) > m.end():
        start += m.end()
    while start < end and text[start] in "\"'“‘”’«":
        start += 1               # '"Southern Charm" star': the quote mark is not the name
    while True:          # "momager Kris Jenner", "west Charlotte": a lower-case word before a name
        m = _LOWER_LEAD.match(text, start, end)
        if not m or m.end() >= end or m.group(1) in NAME_PARTICLES:
            break
        start = m.end()
    m = _SMALL_TAIL.search(text, start, end)
    if m and m.start() > start:
        end = m.start()          # "Fact Check Unit of": the model ran on into the next phrase
    m = _PHOTO_SUFFIX.search(text, start, end)
    if m and m.end() == end:
        end = m.start()          # "Presidential Press Service/Handout": a photo credit's tag
    m = _CREDIT_PREFIX.match(text, start, end)
    if m and m.end() < end:
        start = m.end()          # "Copyright Thomson Reuters", "© Getty Images"
    piece = text[start:end]
    m = _POSSESSIVE.search(piece)
    if m and m.start() > 0:
        end = start + m.start()
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".)":
        end -= 1
    return start, end


_LOWER_LEAD = re.compile(r"([a-z][\w'’-]*)\s+(?=[A-Z])")
_SMALL_TAIL = re.compile(r"\s+(?:of|and|the|for|in|on|at|to|with|or)$")
# Lower-case words that belong to names: "Charles de Gaulle", "Muqtada al-Sadr".
NAME_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "al", "el", "bin",
                  "ibn", "ben", "dos", "das", "del", "y", "ter", "ten", "mac"}
_PHOTO_SUFFIX = re.compile(r"/(?:Handout|File|Pool|Getty Images|AFP|AP|Reuters|REUTERS)$")
_CREDIT_PREFIX = re.compile(r"(?:Copyright|©|\(c\))\s*", re.I)


def _after_titles(text: str, start: int, end: int) -> int:
    """"Councillor Rowan Pike" → "Rowan Pike": the title is a descriptor, not the name."""
    while True:
        word_end = text.find(" ", start, end)
        if word_end == -1 or text[start:word_end].lower().rstrip(".") not in TITLE_WORDS | {"defence", "defense", "foreign", "prime", "deputy", "vice"}:
            return start
        start = word_end + 1


# Short common words that scraped text glues to the name before them ("Comcastmade an
# offer", "Reutersreported"); suffixes that make new words ("Parisian", "Trumpism") are
# not among them.
_GLUED_TAILS = {"made", "said", "says", "has", "had", "have", "is", "was", "were", "will",
                "would", "and", "the", "to", "in", "for", "with", "after", "on", "at", "reported",
                "announced", "told", "added", "also", "which", "who", "that"}


def _without_glued_word(text: str, start: int, end: int) -> tuple[int, int]:
    """"Comcastmade": a one-word span that is a name the text writes on its own elsewhere
    with a short common word glued to it (scraped pages lose the space)."""
    form = text[start:end]
    if " " in form or not form[:1].isupper() or form.isupper():
        return start, end
    for cut in range(len(form) - 2, 2, -1):
        head, tail = form[:cut], form[cut:]
        if not tail.islower() or len(tail) < 3 or not head[-1:].isalpha():
            continue
        # The tail only from the list: "Labour" is no "Lab" (a party's short form) + "our".
        if tail in _GLUED_TAILS and len(head) >= 4 and \
                re.search(r"(?<![\w-])" + re.escape(head) + r"(?![\w-])", text):
            return start, start + cut
    return start, end


def _with_split_surname(doc, text: str, ent, end: int) -> int:
    """"President Samia Suluhu Hassan ... President Hassan": the small model may end a
    person's name a word early; a capitalised proper noun right after it that the text
    also uses on its own is the rest of the name."""
    if ent.end >= len(doc) or end != ent.end_char:
        return end
    nxt = doc[ent.end]
    word = nxt.text
    if nxt.pos_ != "PROPN" or not word[:1].isupper() or word.isupper() or nxt.whitespace_ is None \
            or text[end:nxt.idx] != " " or word.lower() in ORG_WORDS | FACILITY_HEADS | TITLE_WORDS:
        return end
    alone = len(re.findall(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text))
    return nxt.idx + len(word) if alone >= 2 else end


def _tokens(name: str) -> list[str]:
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


class _Cluster:
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

    @property
    def name(self) -> str:
        # A country is named "Karsovia", not by its adjective "Karsovian".
        return max(self.forms, key=lambda f: (f not in self.demonyms, len(_tokens(f)), self.forms[f], len(f)))

    def matches_given_name(self, form: str, group: str) -> bool:
        """"Madison" after "Madison Ferrow", "Lu" after "Lu Kang" (surname first): a one-word
        name equal to the first word of a fuller form. Tried only when no cluster matches by
        surname (`matches`)."""
        if group != "person" or self.group != "person":
            return False
        toks = _tokens(form)
        for known in self.forms:
            ktoks = _tokens(known)
            if len(toks) == 1 and len(ktoks) > 1 and toks[0] == ktoks[0]:
                return True
            if len(ktoks) == 1 and len(toks) > 1 and ktoks[0] == toks[0]:
                return True
        return False

    def matches(self, form: str, group: str) -> bool:
        if group != self.group:
            return False
        toks = _tokens(form)
        if not toks:
            return False
        for known in self.forms:
            ktoks = _tokens(known)
            if toks == ktoks:
                return True
            if group == "person":
                # Same surname, and first names (when both have one) agree.
                if _same_word(toks[-1], ktoks[-1]) and (
                        len(toks) == 1 or len(ktoks) == 1 or _same_word(toks[0], ktoks[0])):
                    return True
            elif len(toks) == len(ktoks) and all(map(_same_word, toks, ktoks)):
                return True
            elif "".join(toks) == "".join(ktoks):
                return True  # "Globe Newswire" / "GlobeNewswire"
            elif _is_acronym(form, ktoks) or _is_acronym(known, toks):
                return True  # an acronym of a known organisation: "UN" for "United Nations"
        return False


def _is_acronym(form: str, toks: list[str]) -> bool:
    """"UN" of "united nations", "U.S." of "united states", "NHS" of "national health service"."""
    short = form.replace(".", "")
    if len(toks) < 2 or len(short) < 2 or not short.isupper() or " " in short:
        return False
    content = [t for t in toks if t not in ("of", "the", "and", "for")]
    return short in ("".join(t[0] for t in toks).upper(), "".join(t[0] for t in content).upper())


def _cluster_for(clusters: list[_Cluster], span: Span, group: str) -> _Cluster:
    """The cluster of `group` that `span`'s name matches, or a new one appended."""
    cluster = next((c for c in clusters if c.matches(span.text, group)), None)
    if cluster is None:
        cluster = _Cluster(group)
        clusters.append(cluster)
    return cluster


def run(doc, analysis: Analysis, settings: Settings) -> list[Entity]:
    text = analysis.text
    clusters: list[_Cluster] = []
    seen: set[tuple[int, int]] = set()
    # Names the small model cuts in pieces, found whole first: a royal style ("Duke of
    # Cambridge") and a quoted programme title ("the “Morning Answers with Dana Kell”
    # program"). The model's pieces inside them are not names of their own.
    fixed = _royal_styles(text) + _quoted_titles(text)
    headline_words = _headline_common_words(text)
    taken: set[int] = set()          # characters of the model's mentions kept so far
    for span, label in fixed:
        group = LABEL_GROUPS.get(label, label.lower())
        _cluster_for(clusters, span, group).add(span, label)
        seen.add((span.start, span.end))
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        start, end = _clean_mention(text, ent.start_char, ent.end_char)
        if ent.label_ == "PERSON":
            start = _after_titles(text, start, end)
            end = _with_split_surname(doc, text, ent, end)
        if end <= start or (start, end) in seen or "\n" in text[start:end]:
            continue
        if any(f.start < end and start < f.end for f, _ in fixed):
            continue
        if _cut_off_at_end(text, start, end):
            continue
        if len(ent) == 1 and ent[0].is_sent_start and ent[0].tag_ == "NNS" and ent.text.endswith("s") and \
                not re.search(r"[a-z,;]\s+" + re.escape(ent.text) + r"(?![\w-])", text):
            continue             # "Households in the north ...": capitalised by its place only
        club = _CLUB_LETTERS_AFTER.match(text, end)
        if club and ent.label_ in ("GPE", "ORG", "PERSON", "NORP", "LOC"):
            end = club.end()     # "Sporting CP": the model stops before the club's letters
        prize = _PRIZE_AFTER.match(text, end)
        if prize and ent.label_ in ("GPE", "ORG", "PERSON", "NORP", "LOC", "PRODUCT"):
            end = prize.end()    # "the Mercury Prize": the model stops before "Prize"
        if len(ent) == 1 and ent[0].tag_ == "NNPS" and ent.label_ in ("ORG", "PERSON", "FAC") and \
                ent.start > 0 and doc[ent.start - 1].pos_ == "NUM":
            continue             # "the two Chambers of the National Assembly": a counted common noun
        if (ent.text.lower() in DISEASE_NAMES or ent.text.lower().startswith("covid")) and \
                ent.label_ in ("ORG", "PRODUCT", "PERSON", "GPE", "NORP", "WORK_OF_ART"):
            continue             # "COVID-19 restrictions": a disease, no actor or place
        if ent.label_ != "NORP":     # "Israelis" is no "Israel" glued to "is"
            start, end = _without_glued_word(text, start, end)
        start, end = _headline_trimmed(text, start, end, headline_words, ent.label_)
        if end <= start:
            continue
        adjectival = ent.root.dep_ in ("amod", "compound") and ent.root.head.i > ent.root.i
        for start, end, model_label in _pieces(text, start, end, ent.label_):
            label = corrected_label(text, start, end, model_label, adjectival=adjectival)
            if label is None or (start, end) in seen or any(i in taken for i in range(start, end)):
                continue         # (a name put back together covers the model's piece of it)
            seen.add((start, end))
            taken.update(range(start, end))
            span = Span.of(text, start, end)
            group = LABEL_GROUPS.get(label, label.lower())
            cluster = next((c for c in clusters if c.matches(span.text, group)), None) or \
                next((c for c in clusters if c.matches_given_name(span.text, group)), None)
            if cluster is None:
                cluster = _Cluster(group)
                clusters.append(cluster)
            cluster.add(span, label)

    _add_known_outlets(text, clusters, seen)
    _add_titled_names(doc, text, clusters, seen)
    _add_described_names(doc, text, clusters, seen)
    _add_missed_surnames(doc, text, clusters, seen)
    clusters = _merge_across_labels(doc, clusters)
    clusters = _mark_known_places(doc, clusters)
    _mark_countries(doc, text, clusters)
    _relabel_by_context(doc, text, clusters)
    clusters = _merge_short_forms(clusters)

    entities = []
    for cluster in clusters:
        name = cluster.name
        mentions = sorted(cluster.mentions)
        entities.append(Entity(
            id="", name=name, label=cluster.labels.most_common(1)[0][0],
            aliases=sorted(f for f in cluster.forms if f != name), mentions=mentions))
    entities.sort(key=lambda e: e.mentions[0].start)
    for i, entity in enumerate(entities, 1):
        entity.id = f"e{i}"
    return entities


# A mention glued to a prefix ("pro-Blair", "anti-NATO", "Sino-U.S.") is an adjective,
# not the name of anyone.
_PREFIXED = re.compile(r"(?:^|[^\w-])(?:pro|anti|non|ex|sino|post|pre|neo|mid|un)-$", re.I)
_PREFIX_IN = re.compile(r"^(?:pro|anti|non|sino|neo)-", re.I)
# Endings of a nationality or group word ("Iranian", "Chinese", "Israeli", "Democrats").
_GROUP_ENDING = re.compile(r"(?:an|ans|i|is|ese|ish|ch|s|ic|ist|ists|ite|ites)$")
# Endings only a nationality has ("Iranian", "European", "Japanese", "Turkish", "American").
_DEMONYM_ENDING = re.compile(r"[a-z](?:ian|ians|ean|eans|ese|ish|can|cans)$")
# Acronyms that are countries; any other all-capital "GPE" ("NATO") is an organisation.
COUNTRY_ACRONYMS = {"US", "USA", "UK", "UAE", "USSR", "DPRK", "PRC", "ROK", "DRC", "EU", "GB"}


# A word glued to a function word, as scraped pages join a link label to the next line.
_GLUED_WORD = re.compile(r"[A-Z][a-z]{2,}(?:The|Are|Is|Was|Were|An|In|On|Of|And|For|To|How|Why|What)")
_GLUED_END = re.compile(r"[a-z]{2}(The|This|That|These|Are|Is|Was|Were|It|He|She|We|They)$")
# Acronyms that are common nouns, not names: "a super PAC", "the CEO", "(PDF)".
COMMON_NOUN_ACRONYMS = {"PAC", "PDF", "CEO", "CFO", "COO", "CTO", "GDP", "DNA", "RNA", "FAQ",
                        "URL", "VAT", "ATM", "SUV", "HTML"}
# Platforms news cites as sources ("in a Twitter post"); the small model calls them people.
SOCIAL_PLATFORMS = {"Twitter", "Facebook", "Instagram", "TikTok", "YouTube", "WhatsApp", "Telegram",
                    "Reddit", "LinkedIn", "Snapchat", "Weibo", "WeChat", "Truth Social", "Bluesky"}
# Continents and world regions: places that are no state (LOC), though the model says GPE.
CONTINENTS = {"Europe", "Asia", "Africa", "Antarctica", "Oceania", "Eurasia", "North America",
              "South America", "Latin America", "Central America"}
# First words of natural features and bodies in space ("Mount Kenya", "Comet 67P").
FEATURE_WORDS = {"Mount", "Mt.", "Lake", "River", "Comet", "Cape", "Gulf", "Strait", "Sea"}
# Letters that mark a sports club's name ("Sporting CP", "Chelsea FC", "AC Milan").
CLUB_MARKS = {"FC", "AFC", "CF", "SC", "CP", "AC", "SV", "FK", "SK", "BK"}
_PRIZE_AFTER = re.compile(r" (?:Prize|Award|Awards|Trophy|Medal)\b")
# Diseases and viruses: the small model calls them organisations or products.
DISEASE_NAMES = {"covid", "covid-19", "sars", "sars-cov-2", "mers", "ebola", "zika", "mpox",
                 "monkeypox", "hiv", "aids", "h5n1", "h1n1", "omicron", "delta variant"}
_CLUB_LETTERS_AFTER = re.compile(r" (?:" + "|".join(sorted(CLUB_MARKS)) + r")\b")
# Last words of football clubs' names ("Leeds United", "Bolton Wanderers").
CLUB_ENDINGS = {"United", "Rovers", "Wanderers", "Albion", "Hotspur", "Athletic", "Rangers"}
# Acronyms that are cities or districts, not organisations.
PLACE_ACRONYMS = {"DC", "NYC"}
# Last words that make a name a local government's area ("Hollis County").
PLACE_HEADS = {"County", "Parish", "Borough", "Province", "Prefecture", "Oblast", "Township"}
# Last words of named events ("the Masters Championship", "the World Cup").
EVENT_HEADS = {"Championship", "Championships", "Cup", "Olympics", "Paralympics", "Summit",
               "Festival", "Awards", "Marathon", "Grand Prix", "World Series", "Super Bowl",
               "Prize", "Award", "Trophy", "Games", "Open", "Expo", "Conference"}
_ISLAND_OF = re.compile(r"\b(?:island|islands|isle|peninsula|archipelago) of\s+$", re.I)

# Buildings and streets named for the body that speaks from them.
METONYM_BODIES = {"Pentagon", "Kremlin", "Whitehall", "Quai d'Orsay"}
COMPASS_ADJECTIVES = {"Western", "Eastern", "Northern", "Southern"}
# What follows a dateline's place: "BEIJING (Xinhua) --", "MOSCOW, Dec 5", "WASHINGTON -".
_DATELINE_AFTER = re.compile(r"\s*(?:\(|,\s*[A-Z]|[—–-]{1,2}\s)")


@lru_cache(maxsize=1)
def furniture_words() -> frozenset[str]:
    """lexicons/page_furniture.txt: the words of menus, buttons and section heads."""
    text = resources.files("newsprobe.layers").joinpath("lexicons", "page_furniture.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """Languages as a language menu names them, in English and in themselves ("Español",
    "Русский", "Français"), from CLDR (Babel); empty without Babel."""
    try:
        from babel import Locale
        names = set(Locale("en").languages.values())
        for code in ("ar", "de", "en", "es", "fa", "fr", "he", "hi", "it", "ja", "ko", "nl", "pl",
                     "pt", "ru", "sv", "tr", "uk", "ur", "zh", "zh_Hans", "zh_Hant"):
            locale = Locale.parse(code)
            names.add(locale.get_display_name(locale))
            names.add(locale.get_language_name(locale))
    except Exception:  # noqa: BLE001 - no Babel: language menus are left to the other rules
        return frozenset()
    # Menus capitalise what CLDR writes in lower case ("русский" -> "Русский").
    return frozenset(n[:1].upper() + n[1:] for n in names if n) | frozenset(n for n in names if n)


# "FinancialGovernment", "SolutionsLegalReuters": a menu's link labels run together when a
# page is scraped; a lower-case letter run straight into a capital. One such word is often
# a name ("QuoteMedia", "GlobeNewswire"); two in one span, or two joins in one word, are not.
_CAMEL_JOIN = re.compile(r"[a-z]{2}[A-Z][a-z]")
# Credit lines of wire copy: "Reporting by A and B; Writing by C; Editing by D".
_CREDIT_CUE = re.compile(r"(?:Reporting|Writing|Editing|Edited|Written|Compiled|Additional reporting|"
                         r"Photography|Photos?|Graphics|Video)\s+by\s+"
                         r"(?:[A-Z][\w'’.-]*\s+){0,4}?(?:and\s+)?$")
_CREDIT_WORDS = {"Reporting", "Writing", "Editing", "Editor", "Reporter", "Photography"}


# A verb made of a camel-case brand: "FaceTimed", "WhatsApping".
_BRAND_VERB = re.compile(r"[A-Z][a-z]+[A-Z][a-z]*(?:ed|ing)")
# What a person is charged with is an offence, not an organisation.
_CHARGE_BEFORE = re.compile(r"(?:counts? of|charged with|convicted of|accused of|guilty of)\s+(?:an?\s+|one\s+)?$", re.I)
# A name and a year: an edition of an event ("Euro 2024"), not a law or a company. Laws
# named with their year keep their word ("Clean Air Act 1990").
_NAME_AND_YEAR = re.compile(r"(?!.*\b(?:Act|Bill|Law|Code|Treaty)\b)[A-Z][\w'’.]*(?: [A-Z][\w'’.-]*){0,3}[ -](?:19|20)\d\d")
# A press release defines its short name in parentheses after the company's:
# 'Lifeway Foods, Inc. (Nasdaq: LWAY) ("Lifeway" or "the Company")'.
_DEFINED_NAME = re.compile(r"(?:Inc\.?|Corp\.?|Ltd\.?|LLC|plc|PLC|[A-Z][\w&.-]+)(?:\s*\([^()]{0,30}\))?\s*\(\s*(?:the\s+)?[“\"]$")


def is_page_furniture(text: str, start: int, end: int) -> bool:
    """A span of menu, button or heading words, a language menu, or link labels run
    together: page furniture, not a name."""
    form = text[start:end]
    words = re.findall(r"[^\W\d_]+", form)
    if not words or is_known_outlet(form) or place_kind(form) or \
            form.replace(".", "") in COUNTRY_ACRONYMS:
        return False
    furniture = furniture_words()
    if all(w.lower() in furniture for w in words) and not (len(words) == 1 and words[0].lower() in ORG_WORDS):
        return True              # "NEWS - Press Releases", "Breaking News", "FREE"
    if len(form.split()) >= 2 and all(w in language_names() for w in form.split()):
        return True              # "Español Русский Français"
    joins = [len(_CAMEL_JOIN.findall(w)) for w in form.split()]
    return sum(1 for j in joins if j) >= 2 or any(j >= 2 for j in joins)


def corrected_label(text: str, start: int, end: int, label: str, adjectival: bool = False) -> str | None:
    """The small model's label for a mention, corrected by its form and context, or None
    for a span a reader would not call a name: all lower case ("state"), a bare title
    ("Dr", "Councilor"), a prefixed adjective ("pro-Blair", "Sino-U.S."), page furniture
    ("Breaking News"), a credit line's word ("Writing by"). `adjectival`: the mention
    modifies a noun after it ("Karsovian Deputy Prime Minister")."""
    form = text[start:end]
    words = form.split()
    if not any(ch.isupper() for ch in form):
        return None
    if all(w.lower().rstrip(".") in TITLE_WORDS | TITLE_MODIFIERS for w in words):
        return None
    if is_page_furniture(text, start, end):
        return None
    if form in _CREDIT_WORDS and text.startswith(" by ", end):
        return None                  # "; Writing by Ali ...": the credit, not a name
    if _CREDIT_CUE.search(text, max(0, start - 80), start) and label in ("ORG", "GPE", "NORP", "FAC") \
            and not is_known_outlet(form) and len(words) > 1:
        return "PERSON"              # "Reporting by Ece Toksabay": the credited reporter
    if len(words) > 1 and words[-1].rstrip(".") in STREET_WORDS and label in ("GPE", "PERSON", "ORG") and \
            form not in METONYM_STREETS:
        return "FAC"                 # "Memorial Rd.", "Griers Fork Drive": a street, not a town or a body
    if label == "FAC" and len(words) > 1 and words[-1].lower() in ORG_WORDS | {"department", "police"}:
        return "ORG"                 # "Richmond County Sheriff's Office": a body, not a building
    if label == "PERSON" and len(words) == 1 and form.isupper() and len(form) >= 3 and \
            not re.search(r"(?<![\w-])" + re.escape(form.title()) + r"(?![\w-])", text):
        return "ORG"                 # "SWAT": an acronym is no person ("CELESTE" with "Celeste" is)
    if label == "PERSON" and len(words) > 1 and len(words[-1]) >= 5 and is_known_outlet(words[-1]):
        return "ORG"                 # "Thomson Reuters": a company named with its agency
    if label == "PERSON" and len(words) > 1 and words[-1].lower() in FACILITY_HEADS:
        return "FAC"                 # "Charles B. Webster Detention Center"
    if label == "PERSON" and form.endswith("s") and text[max(0, start - 4):start] == "the " and \
            not re.search(r"(?<![\w-])" + re.escape(form[:-1]) + r"(?![\w-])", text):
        return "ORG"                 # "the Gunners believe": a team's or a group's nickname
    if _PREFIXED.search(text, max(0, start - 6), start) or _PREFIX_IN.match(form):
        return None
    if _GLUED_WORD.fullmatch(form):
        return None                  # "RelatedAre aliens ...": page furniture glued to a word
    if form.rstrip("s") in COMMON_NOUN_ACRONYMS:
        return None                  # "super PAC", "(large PDF)": common nouns
    if is_known_outlet(form) or form in SOCIAL_PLATFORMS:
        return "ORG"
    if len(words) > 1 and label in ("WORK_OF_ART", "LAW", "EVENT", "PRODUCT") and \
            re.fullmatch(r"[a-z]{3,}", words[-1]) and words[-1] not in _SMALL_WORDS:
        return None                  # "Celeste and Sonny fell": a clause, not a title
    if len(words) == 1 and _BRAND_VERB.fullmatch(form):
        return None                  # "FaceTimed": a verb made of a brand
    if _CHARGE_BEFORE.search(text, max(0, start - 30), start):
        return "LAW"                 # "charged with one count of Criminal Trespass"
    if _NAME_AND_YEAR.fullmatch(form) and label in ("LAW", "WORK_OF_ART", "PRODUCT", "ORG"):
        return "EVENT"               # "Euro 2024", "Paris 2024"
    if label in ("WORK_OF_ART", "PRODUCT", "PERSON") and _DEFINED_NAME.search(text, max(0, start - 60), start) \
            and text.startswith(("”", '"'), end):
        return "ORG"                 # 'Lifeway Foods, Inc. ("Lifeway" or "the Company")'
    if form in CONTINENTS or (len(words) > 1 and words[0] in FEATURE_WORDS):
        return "LOC"                 # "Europe", "Comet 67P", "Mount Kenya"
    place = place_kind(form)
    if place == "region" and label != "NORP":
        return "LOC"                 # "Western Europe", "Sub-Saharan Africa"
    if place and label in ("PRODUCT", "WORK_OF_ART", "LAW", "FAC", "EVENT"):
        return "GPE"                 # "the people of Cyprus" as a PRODUCT: a known country or city
    if len(words) > 1 and (words[0] in CLUB_MARKS or words[-1] in CLUB_MARKS):
        return "ORG"                 # "Sporting CP", "AC Milan"
    if form.replace(".", "") in PLACE_ACRONYMS:
        return "GPE"                 # "a D.C. lobbying firm"
    if len(words) > 1 and label in ("WORK_OF_ART", "PRODUCT", "NORP") and \
            words[-1].lower() in {"online", "magazine", "weekly", "daily", "media", "digital"}:
        return "ORG"                 # "Radar Online": an outlet
    if len(words) > 1 and label in ("WORK_OF_ART", "PRODUCT") and is_known_outlet(words[0]):
        return "ORG"                 # "AFP Fact Check": the outlet's own service
    if len(words) > 1 and words[-1] in PLACE_HEADS:
        return "GPE"                 # "St. Clair County"
    if len(words) > 1 and (words[-1] in EVENT_HEADS or " ".join(words[-2:]) in EVENT_HEADS):
        return "EVENT"               # "the PGA Championship", "the World Cup"
    if _ISLAND_OF.search(text, max(0, start - 14), start):
        return "LOC"                 # "the island of Oahu"
    if len(words) > 1 and form.isupper() and _DATELINE_AFTER.match(text, end) and \
            (start == 0 or text[:start].rstrip(" \t").endswith("\n")):
        return "GPE"                 # "MORTON GROVE, Ill., May 14 -": a dateline's place
    if len(words) == 1:
        if form in METONYM_BODIES:
            return "ORG"             # "the Pentagon said": the body, not the place
        if form in COMPASS_ADJECTIVES:
            return None              # "Western media": an adjective
        if form.replace(".", "") in COUNTRY_ACRONYMS and label in ("ORG", "NORP"):
            return "GPE"             # "U.S."
        if label in ("GPE", "NORP") and form.isupper() and len(form) >= 3 \
                and form.replace(".", "") not in COUNTRY_ACRONYMS and not _DATELINE_AFTER.match(text, end):
            return "ORG"             # "NATO"
        if form.isupper() and len(form) >= 4 and _DATELINE_AFTER.match(text, end):
            return "GPE"             # "BEIJING (Reuters) -": a dateline's place
        if (label in ("GPE", "ORG", "LOC") or (label == "PERSON" and adjectival)) \
                and _DEMONYM_ENDING.search(form):
            # "Iranian", and "Karsovian Deputy Prime Minister ...", not "Brian said"
            return "NORP"
        if label == "NORP" and not _GROUP_ENDING.search(form):
            return "GPE"             # "Russia", "Israel" as the small model's NORP
    return label


# Last words of a street's name, and streets named for the body that works there.
STREET_WORDS = {"Rd", "Road", "Avenue", "Ave", "Drive", "Lane", "Boulevard", "Blvd", "Highway",
                "Street", "St"}
METONYM_STREETS = {"Downing Street", "Wall Street", "Fleet Street", "Threadneedle Street",
                   "Pennsylvania Avenue", "Bank Street"}
# Last words of a building's or site's name: "Charles B. Webster Detention Center" is no
# person. ("Hall" and "Park" are surnames too, so they are not here.)
FACILITY_HEADS = {"center", "centre", "jail", "prison", "penitentiary", "airport", "stadium",
                  "arena", "bridge", "museum", "station", "cathedral", "mosque", "synagogue",
                  "temple", "library", "barracks", "base"}
# Words that make a capitalised name an organisation, whatever the small model says
# ("the Dravograd Gazette" is not a person).
ORG_WORDS = {"gazette", "herald", "times", "post", "agency", "institute", "university", "ministry",
             "council", "party", "union", "company", "bank", "league", "board", "office", "press",
             "news", "journal", "tribune", "group", "association", "foundation", "committee",
             "court", "hospital", "club", "corporation", "inc", "ltd", "one", "tv", "radio",
             "newsdesk", "desk", "newsroom"}
# Titles before a name ("Defence Minister Ilse Marnow", "spokesperson Karl Densen"): the
# small model misses many unfamiliar names, but a title followed by capitalised words is
# a person in news prose.
TITLE_WORDS = {"minister", "president", "spokesperson", "spokesman", "spokeswoman", "secretary",
               "senator", "governor", "mayor", "ambassador", "general", "admiral", "commander",
               "chancellor", "premier", "director", "chief", "chair", "chairman", "chairwoman",
               "councillor", "councilor", "judge", "prosecutor", "manager", "coach", "analyst",
               "commentator", "professor", "dr", "mr", "mrs", "ms", "economist", "researcher",
               "captain", "colonel", "lieutenant", "sergeant", "officer", "envoy", "negotiator", "defendant",
               "paymaster", "solicitor", "attorney", "sheriff", "commissioner", "inspector",
               "constable", "superintendent", "detective", "trooper", "marshal", "maj", "capt",
               "lt", "gen", "col", "sgt", "cpl", "rep", "sen", "gov", "supt", "insp"}


# Words that only qualify a title ("Federal Prosecutor", "Deputy Minister").
TITLE_MODIFIERS = {"principal", "rear", "brigadier", "federal", "senior", "deputy", "vice", "prime", "chief", "former", "acting",
                   "foreign", "defence", "defense", "state", "district", "assistant", "executive"}


def _add_titled_names(doc, text: str, clusters: list["_Cluster"], seen: set[tuple[int, int]]) -> None:
    covered = {i for start, end in seen for i in range(start, end)}
    headlines, _ = _headline_common_words(text)
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
        for nxt in following:
            if not names and nxt.lower_.rstrip(".") in TITLE_WORDS | TITLE_MODIFIERS:
                continue         # "Mr" in ", Mr Tobin Harrow,", "Chief Executive Officer": titles
            if nxt.lower_.rstrip(".") in TITLE_WORDS | TITLE_MODIFIERS:
                break
            if nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.idx not in covered:
                names.append(nxt)
            else:
                break
        if not names or (len(names) == 1 and names[0].lower_ in ORG_WORDS):
            continue
        span = Span.of(text, names[0].idx, names[-1].idx + len(names[-1].text))
        if any(w.lower() in ORG_WORDS for w in span.text.split()):
            continue
        if any(a <= span.start and span.end <= b for a, b in headlines) and text.count(span.text) == 1:
            continue             # "Foreign Minister Suggests Gradual ...": a headline's verb
        _cluster_for(clusters, span, "person").add(span, "PERSON")
        seen.add((span.start, span.end))
        covered.update(range(span.start, span.end))


def _add_known_outlets(text: str, clusters: list["_Cluster"], seen: set[tuple[int, int]]) -> None:
    """Outlets of outlets/known_outlets.toml and social platforms that the small model
    missed ("Politico reported", "in a Twitter post"), by their names and aliases as written, capitals and word edges included.
    Aliases under four letters ("AP", "RT") are left to the model: too many other words."""
    from ..outlets import known_outlets

    covered = {i for start, end in seen for i in range(start, end)}
    names = sorted({n for o in known_outlets() for n in (o.name, *o.aliases) if len(n) >= 4}
                   | SOCIAL_PLATFORMS, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    for m in pattern.finditer(text):
        start, end = _clean_mention(text, m.start(), m.end())
        if end <= start or any(i in covered for i in range(start, end)):
            continue
        span = Span.of(text, start, end)
        _cluster_for(clusters, span, "org").add(span, "ORG")
        seen.add((start, end))
        covered.update(range(start, end))


def _is_place_object(doc, mention: Span) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "from", "to", "near", "across")


_DESCRIBED_BY = re.compile(r",\s+(?:[\w’'-]+\s+){0,4}?([a-z]+)s?,")


def _add_described_names(doc, text: str, clusters: list["_Cluster"], seen: set[tuple[int, int]]) -> None:
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
            m = _DESCRIBED_BY.match(text, token.idx + len(token.text))
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
        _cluster_for(clusters, span, group).add(span, label)
        seen.add((span.start, span.end))
        covered.update(range(span.start, span.end))


def _merge_across_labels(doc, clusters: list["_Cluster"]) -> list["_Cluster"]:
    """Fix the small model's label confusions: a "person" whose name holds an organisation
    word becomes an organisation, and a one-word "person" that is elsewhere tagged as a place
    or organisation is that place or organisation."""
    for cluster in clusters:
        if cluster.group == "person" and any(
                w in ORG_WORDS for f in cluster.forms for w in _tokens(f)):
            cluster.group = "org"
            cluster.labels = Counter({"ORG": sum(cluster.labels.values())})
    merged: list[_Cluster] = []
    for cluster in clusters:
        one_word = all(len(_tokens(f)) == 1 for f in cluster.forms)
        if cluster.group == "norp" and one_word and not any(_DEMONYM_ENDING.search(f) for f in cluster.forms):
            # "Kris" (NORP) after "Kris Jenner": a given name or surname, not a group.
            words = {_tokens(f)[0] for f in cluster.forms}
            target = next((o for o in clusters if o.group == "person" and any(
                len(_tokens(pf)) > 1 and words & {_tokens(pf)[0], _tokens(pf)[-1]} for pf in o.forms)), None)
            if target is not None:
                for mention in cluster.mentions:
                    target.add(mention, "PERSON")
                continue
        if cluster.group == "person" and one_word:
            # "the Enquirer" after "the National Enquirer": the outlet's short name, unless
            # a person of the text has that surname.
            words = {_tokens(f)[0] for f in cluster.forms}
            surname_of = any(o.group == "person" and o is not cluster and any(
                len(_tokens(pf)) > 1 and _tokens(pf)[-1] in words for pf in o.forms) for o in clusters)
            org = next((o for o in clusters if o.group == "org" and o.labels.most_common(1)[0][0] == "ORG"
                        and any(len(_tokens(of)) > 1 and _tokens(of)[-1] in words for of in o.forms)), None)
            if org is not None and not surname_of:
                for mention in cluster.mentions:
                    org.add(mention, "ORG")
                continue
        if cluster.group == "person" and all(len(_tokens(f)) == 1 for f in cluster.forms) and \
                all(_is_place_object(doc, m) for m in cluster.mentions):
            # "a press conference in Lindholm": a one-word "person" only ever found after
            # in/at/from/to is a place.
            cluster.group, cluster.labels = "org", Counter({"GPE": len(cluster.mentions)})
        if cluster.group == "person" and all(len(_tokens(f)) == 1 for f in cluster.forms):
            target = next((o for o in clusters if o is not cluster and o.group != "person"
                           and set(o.forms) & set(cluster.forms)), None)
            if target is not None:
                for mention in cluster.mentions:
                    target.add(mention, target.labels.most_common(1)[0][0])
                continue
        if cluster.group != "person" and all(len(f.split()) == 1 for f in cluster.forms):
            # "Councillor Rowan Pike ... Pike said": a bare surname the model took for an
            # organisation is the person named before; "Jacob Rees-Mogg ... Rees-Mogg" too.
            surnames = [_tokens(f) for f in cluster.forms]
            target = next((o for o in clusters if o.group == "person" and any(
                len(_tokens(pf)) > len(t) and all(map(_same_word, _tokens(pf)[-len(t):], t))
                for pf in o.forms for t in surnames if t)), None)
            if target is not None:
                for mention in cluster.mentions:
                    target.add(mention, "PERSON")
                continue
        if cluster.group != "person":
            target = next((o for o in merged if o.group != "person" and o is not cluster
                           and set(o.forms) & set(cluster.forms)), None)
            if target is not None:
                for mention in cluster.mentions:
                    target.add(mention, cluster.labels.most_common(1)[0][0])
                continue
        merged.append(cluster)
    return merged


def _has_person_evidence(doc, cluster: "_Cluster") -> bool:
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


def _mark_known_places(doc, clusters: list["_Cluster"]) -> list["_Cluster"]:
    """A name that `places` knows as a country or city, and that the text names in no
    other form ("Michael Jordan" makes "Jordan" a person), is a place whatever label the
    small model gave it: "Moscow and Kiev" (PERSON), "the people of Cyprus" (PRODUCT).
    A city named PERSON stays a person when a mention has a title or speaks; a city named
    ORG stays an organisation (a club, "Liverpool have been linked"); a country is a GPE
    even as a speaker ("Qatar said"), as news uses it for its government."""
    kept: list[_Cluster] = []
    for cluster in clusters:
        label = cluster.labels.most_common(1)[0][0]
        kinds = {place_kind(f) for f in cluster.forms}
        if label not in ("GPE", "LOC") and kinds and None not in kinds and "region" not in kinds:
            country = kinds == {"country"}
            if (label == "PERSON" and _has_person_evidence(doc, cluster)) or \
                    (label == "ORG" and not country) or (label == "NORP" and not country):
                kept.append(cluster)
                continue
            cluster.labels = Counter({"GPE": len(cluster.mentions)})
            cluster.group = "org"
            # The same place found elsewhere as a GPE: one entity.
            same = next((o for o in clusters if o is not cluster and o.group == "org" and o.mentions
                         and o.labels.most_common(1)[0][0] == "GPE" and set(o.forms) & set(cluster.forms)), None)
            if same is not None:
                for mention in cluster.mentions:
                    same.add(mention, "GPE")
                continue
        kept.append(cluster)
    return kept


# Nouns only a state has: "Karsovia's foreign ministry", "Estmark's navy".
STATE_NOUNS = {"ministry", "minister", "government", "navy", "army", "president", "parliament", "embassy",
               "border", "capital", "military", "foreign", "defence", "defense", "cabinet", "side"}


def _mark_countries(doc, text: str, clusters: list["_Cluster"]) -> None:
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
            f.startswith(name + " ") and set(_tokens(f)[1:]) & STATE_NOUNS
            for other in clusters if other is not cluster for f in other.forms)
        if (demonym or owns_state) and len(_tokens(name)) == 1:
            cluster.labels = Counter({"GPE": len(cluster.mentions)})


def _add_missed_surnames(doc, text: str, clusters: list[_Cluster], seen: set[tuple[int, int]]) -> None:
    """The small model misses some bare surnames ("Shoigu said"); a proper noun spelled like
    the surname of a person already named in the article is that person."""
    covered = set()
    for start, end in seen:
        covered.update(range(start, end))
    people = [c for c in clusters if c.group == "person"]
    for token in doc:
        if token.pos_ != "PROPN" or token.idx in covered or not token.text[:1].isupper():
            continue
        word = token.text.lower()
        if is_known_outlet(token.text):
            continue             # "(Reuters)" is the agency, whatever person is named like it
        for cluster in people:
            surnames = {_tokens(f)[-1] for f in cluster.forms if _tokens(f)}
            if any(_same_word(word, s) for s in surnames) and len(word) >= 3:
                span = Span.of(text, token.idx, token.idx + len(token.text))
                cluster.add(span, "PERSON")
                covered.update(range(span.start, span.end))
                break


# --- names the small model cuts in pieces -------------------------------------------------

# "The Prince of Wales", "Duke of Cambridge": a royal or noble style names a person; the
# model keeps only the place ("Cambridge", a GPE).
_ROYAL_STYLE = re.compile(
    r"\b(?:Prince|Princess|Duke|Duchess|Earl|Countess|Marquess|Marchioness|Viscount|Baron|Baroness)"
    r" of (?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)*")
# A quoted title followed by the kind of work it names: 'the “Morning Answers with Dana
# Kell” program', 'the "Harbour Lights" star'. Every word capitalised but the small ones.
_QUOTED_TITLE = re.compile(
    r"[“\"]((?:[A-Z0-9][\w'’&.:-]*)(?: (?:[A-Z0-9][\w'’&.:-]*|with|of|the|and|a|an|in|on|for|to|at))*)[”\"]"
    r"\s+(?:program|programme|show|series|podcast|film|movie|documentary|book|novel|album|song|"
    r"episode|season|star|stars|host|presenter|actor|actress|cast)\b")


def _royal_styles(text: str) -> list[tuple[Span, str]]:
    return [(Span.of(text, m.start(), m.end()), "PERSON") for m in _ROYAL_STYLE.finditer(text)]


def _quoted_titles(text: str) -> list[tuple[Span, str]]:
    return [(Span.of(text, m.start(1), m.end(1)), "WORK_OF_ART") for m in _QUOTED_TITLE.finditer(text)]


def _cut_off_at_end(text: str, start: int, end: int) -> bool:
    """An excerpt cut mid-word leaves a stub ("coverage of Shar" after "Sharpe James"): a
    last word that begins a longer word found earlier in the text is no name."""
    if text[end:].strip() or end - start < 2:
        return False
    stub = text[start:end]
    return " " not in stub and re.search(r"(?<!\w)" + re.escape(stub) + r"\w", text[:start]) is not None


# A state's body named after the country's acronym: "US Army", "UK Border Force".
_STATE_BODY = re.compile(
    r" (?:Army|Navy|Air Force|Marine Corps|Marines|Coast Guard|Space Force|Department|Embassy|"
    r"Treasury|Border|Government|Senate|Congress|Military|Forces|Agency|Ministry|Defense|Defence|"
    r"Justice Department|State Department|Commerce Department)(?: (?:[A-Z][\w'’-]+|of(?= [A-Z])))*")
_BYLINE = re.compile(r"(?:^|\n)[\s•·–-]*By\s+$")
# "James and Riley": two names the model took for one.
_TWO_NAMES = re.compile(r"^([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*) and ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)$")
# "New Yorkers for Equal Rights": a group named for its cause, which the model cuts after
# the people it gathers (a plural NORP; "a bid by United for Atletico Bilbao" is no such
# name). Two capitalised words at least after "for", so "Democrats for Trump" style
# phrases that are no name stay apart.
_FOR_CAUSE = re.compile(r" for (?:[A-Z][\w'’-]+)(?: (?:[A-Z][\w'’-]+|of|and|the))*(?<![a-z] of)(?<! and)(?<! the)")


_CREDIT_SLASH = re.compile(r"([A-Z][\w&.' -]*[\w.])/([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)")
_POSSESSED_NAME = re.compile(r"(.+?)['’′]s ([A-Z][\w'’-]+ [A-Z][\w'’-]+)")


def _pieces(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """The names in one model mention: usually itself; two for "A and B" (each its own
    name, the label left to the evidence); an organisation for "Xs for Some Cause"."""
    form = text[start:end]
    if _BYLINE.search(text, max(0, start - 12), start):
        # "By Dana Kell New York Times": the writer's name, then the outlet.
        words = form.split(" ")
        for k in range(2, len(words)):
            if is_known_outlet(" ".join(words[k:])):
                cut = start + len(" ".join(words[:k]))
                return [(start, cut, "PERSON"), (cut + 1, end, "ORG")]
    credit = _CREDIT_SLASH.fullmatch(form)
    if credit:
        # "UK Parliament/Jessica Taylor", "REUTERS/Alaa al-Marjani": a photo credit, the
        # agency then the photographer (whose surname the model may leave outside).
        rest = re.match(r"(?: [A-Z][\w'’-]+){1,2}", text[end:end + 40]) if " " not in credit.group(2) else None
        person_end = end + (rest.end() if rest else 0)
        return [(start, start + credit.end(1), "ORG"), (start + credit.start(2), person_end, "PERSON")]
    owner = _POSSESSED_NAME.fullmatch(form)
    if owner and label in ("ORG", "PERSON") and not any(
            w.lower() in ORG_WORDS | FACILITY_HEADS for w in owner.group(2).split()):
        # "Channel 9′s Glenn Counts": the model ran an owner into the person it owns.
        return [(start, start + owner.end(1), "ORG" if label == "ORG" else "GPE"),
                (start + owner.start(2), end, "PERSON")]
    if label == "GPE" and form.replace(".", "") in COUNTRY_ACRONYMS:
        body = _STATE_BODY.match(text, end)
        if body:
            return [(start, body.end(), "ORG")]   # "US Army Garrison Hawaii", not "US"
    glued = _GLUED_END.search(form)
    if glued and " " in form:
        end = start + glued.start(1)       # "Ander Herrera BilbaoThis report": "Ander Herrera Bilbao"
        form = text[start:end]
    two = _TWO_NAMES.match(form) if not place_kind(form) else None
    rest = text.replace(form, " ")
    if two and two.group(1) != two.group(2) and any(
            re.search(r"(?<![\w-])" + re.escape(side) + r"(?![\w-])", rest) for side in two.groups()):
        # Only when a side is named on its own elsewhere ("Sharpe James ... James and
        # Riley"): "Marks and Spencer" and "Johnson and Johnson" are one company.
        return [(start + two.start(1), start + two.end(1), label),
                (start + two.start(2), start + two.end(2), label)]
    if label == "NORP" and form.endswith("s"):
        cause = _FOR_CAUSE.match(text, end)
        if cause and sum(w[:1].isupper() for w in cause.group(0).split()) >= 2 \
                and "\n" not in cause.group(0):
            return [(start, cause.end(), "ORG")]
    return [(start, end, label)]


# --- labels from the words around a name ------------------------------------------------

# Nouns that name a craft or an instrument: "the Rosetta spacecraft", "its lander, Philae",
# "a telescope called the Planet Finder", "transport airplanes Il-76". Named vehicles are
# products (the newsroom gold's "other"), not organisations.
PRODUCT_NOUNS = {"spacecraft", "probe", "lander", "module", "rover", "orbiter", "telescope",
                 "satellite", "aircraft", "airplane", "aeroplane", "plane", "jet", "fighter",
                 "bomber", "helicopter", "drone", "missile", "rocket", "ship", "vessel",
                 "submarine", "frigate", "destroyer", "tank", "spaceship", "capsule"}
CRAFT_NOUNS = PRODUCT_NOUNS - {"probe", "module", "ship", "vessel", "tank", "fighter", "bomber",
                               "plane", "jet", "capsule"}
# Verbs whose subject speaks: a name that says or reports things is no craft.
SPEECH_VERBS = {"say", "tell", "announce", "report", "claim", "state", "confirm", "deny",
                "add", "write", "reply", "respond", "warn", "argue", "insist"}
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
        m = _DESCRIBED_BY.match(text, mention.end)
        # "X, a mashup site, ...", but not "X, head of the union, ...": the last word of a
        # phrase after a preposition is not what X is.
        if m and not set(m.group(0).lower().split()) & _PREPOSITIONS:
            nouns.append(m.group(1).lower())
    return nouns


def _context_label(doc, text: str, mention: Span, label: str) -> str | None:
    """What the words around one mention say it is, or None when they say nothing."""
    root = _mention_root(doc, mention)
    if root is None:
        return None
    words = mention.text.split()
    if len(words) > 1 and (words[-1] in CLUB_ENDINGS or words[0] in CLUB_MARKS or words[-1] in CLUB_MARKS):
        return "ORG"                                          # "Manchester United", then "United"
    if label != "PERSON" and _said_of_a_person(text, mention, root):
        return "PERSON"                                       # "Celeste said she ...", "Saal was arrested"
    if label in ("GPE", "PERSON", "LOC", "PRODUCT") and _corporate_context(doc, mention):
        return "ORG"                                          # "Herbalife's shares", "shares of Herbalife"
    if label == "GPE" and root.dep_ == "compound" and root.head.lemma_.lower() in DATA_NOUNS and \
            not place_kind(mention.text) and not mention.text.isupper():
        return "ORG"                                          # "citing Technorati data": a data firm
    if label == "PERSON" and len(words) == 1 and root.dep_ == "pobj" and \
            root.head.lower_ in ("in", "at", "near", "across", "throughout"):
        return "GPE"                                          # "Officials in Lindholm"
    for noun in _descriptions(doc, text, mention, root):
        if noun in PRODUCT_NOUNS and not mention.text.isupper():
            return "PRODUCT"
        if (noun in ORG_DESCRIPTIONS or noun.endswith("maker")) and \
                not (label == "PERSON" and " " in mention.text):
            return "ORG"     # a person named in full stays a person, whatever the apposition
    head = root.head
    if root.dep_ in ("compound", "amod", "nmod") and head.i == span_end(doc, mention) \
            and head.lemma_.lower() in PLACE_NOUNS and label != "NORP":
        return "GPE"                                          # "the Rochdale constituency"
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
            and not (label == "GPE" and mention.text.endswith("s")):
        # "Aston Villa were struggling", "Kelbridge have been linked": a singular name
        # with a plural verb is a team or a body (British usage), not a person or a town.
        return "ORG"
    return None


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
_AGE_APPOSITION = re.compile(r",\s+\d{1,3},")
# Verbs after which "she said" / "he thinks" refers back to the subject.
_MIND_VERBS = SPEECH_VERBS | {"think", "believe", "feel", "hope", "admit", "reveal", "explain"}


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
            and head.tag_ in ("VBD", "VBZ") and text[max(0, mention.start - 4):mention.start].lower() != "the ":
        # Singular only: "the Gunners believe he is the missing piece" is about a player.
        # After the verb only: in "he refused to come out, CMPD said" the pronoun is
        # another person, named earlier.
        return not mention.text.isupper() and any(
            t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") and t.i > head.i
            and t.head.dep_ == "ccomp" and t.head.head.i == head.i for t in head.subtree)
    return False


# Words that make a text a football or sports report; three different ones are needed.
SPORT_WORDS = {"striker", "midfielder", "defender", "goalkeeper", "winger", "transfer", "squad",
               "goal", "football", "soccer", "fixture", "league", "club", "signing", "relegation",
               "promotion", "kick-off", "playoff", "play-off", "manager", "season", "match"}
# Last words of clubs named for their town, in a sports text ("Manchester City", "West Ham").
SPORT_CLUB_ENDINGS = {"City", "Town", "County", "Ham", "Villa", "Palace", "Forest", "Argyle",
                      "Orient", "Wednesday", "Alexandra", "Vale", "Athletic"}
# Verbs of a player's move: "signed for Sporting", "a bid from Liverpool".
_MOVE_VERBS = {"sign", "join", "move", "leave", "play", "bid", "offer", "return", "loan", "transfer",
               "arrive", "score"}


# Words that make a text a business report; three different ones are needed.
BUSINESS_WORDS = {"share", "earnings", "revenue", "profit", "investor", "stock", "shareholder",
                  "analyst", "quarterly", "dividend", "ceo", "nasdaq", "nyse"}
_PLACE_PREPOSITIONS = {"in", "at", "near", "from", "to", "across", "outside", "inside"}


def _is_business_text(doc) -> bool:
    return len({t.lemma_.lower() for t in doc} & BUSINESS_WORDS) >= 3


def _unknown_firm_like(doc, cluster: "_Cluster") -> bool:
    """A one-word name the place lists do not know, never written as where something is
    ("in X", "from X"): in business news, the company ("Herbalife said")."""
    if any(len(f.split()) > 1 or f.isupper() or place_kind(f) for f in cluster.forms):
        return False
    for mention in cluster.mentions:
        root = _mention_root(doc, mention)
        if root is None or (root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS):
            return False
        if doc.text[mention.end:mention.end + 6].startswith(("-based", " Count", " City")):
            return False
    return True


def _is_sports_text(doc) -> bool:
    return len({t.lemma_.lower() for t in doc} & SPORT_WORDS) >= 3


def _club_context(doc, mention: Span, label: str) -> str | None:
    """In a sports report, a town's name is its club when it owns a player ("West Ham's
    Edson Alvarez"), is played against ("the game against Liverpool"), a player moves to
    or from it ("signed for Sporting"), or it is named like a club ("Manchester City")."""
    if label not in ("GPE", "PERSON", "LOC", "NORP"):
        return None
    words = mention.text.split()
    if len(words) > 1 and words[-1] in SPORT_CLUB_ENDINGS:
        return "ORG"
    root = _mention_root(doc, mention)
    if root is None:
        return None
    head = root.head
    if root.dep_ == "poss" and head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
        return "ORG"
    if root.dep_ == "pobj" and (head.lower_ == "against" or (
            head.lower_ in ("for", "from", "to") and head.head.lemma_.lower() in _MOVE_VERBS)):
        return "ORG"
    return None


def _plural_verb(token) -> bool:
    """"are", "were", "have", "do" as finite plural forms; not "will have", "may have"."""
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
        other_label = other.labels.most_common(1)[0][0]
        if other_label == "PERSON" and label in ("GPE", "ORG", "LOC") and \
                any(len(_tokens(f)) > 1 for f in other.forms):
            return "PERSON"
        if other_label == "GPE" and label == "PERSON":
            return "GPE"
    return None


def _speaks(doc, mention: Span) -> bool:
    root = _mention_root(doc, mention)
    return root is not None and root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS


def _relabel_by_context(doc, text: str, clusters: list[_Cluster]) -> None:
    """Correct a cluster's label with what the text says about its mentions: a description
    in apposition, a craft noun, a player's club, a plural verb, a coordinated name. Every
    mention with such evidence votes; the cluster follows the evidence when there is any."""
    by_offset = {}
    for cluster in clusters:
        for m in cluster.mentions:
            root = _mention_root(doc, m)
            if root is not None:
                by_offset[root.idx] = cluster
    voted: list[_Cluster] = []
    sports = _is_sports_text(doc)
    business = _is_business_text(doc)
    for cluster in clusters:
        label = cluster.labels.most_common(1)[0][0]
        if label == "NORP" and not any(_DEMONYM_ENDING.search(f) for f in cluster.forms) and any(
                _corporate_context(doc, m) for m in cluster.mentions):
            cluster.labels, cluster.group = Counter({"ORG": len(cluster.mentions)}), "org"
            continue                 # "the Theranos founder": a company, not a group of people
        if label in ("WORK_OF_ART", "EVENT", "NORP") or any(
                is_known_outlet(f) or f in SOCIAL_PLATFORMS for f in cluster.forms):
            continue
        if business and label == "GPE" and _unknown_firm_like(doc, cluster):
            cluster.labels, cluster.group = Counter({"ORG": len(cluster.mentions)}), "org"
            voted.append(cluster)
            continue                 # "Herbalife said ...": a company in business news
        if any(_ROYAL_STYLE.fullmatch(f) for f in cluster.forms):
            continue
        votes: Counter[str] = Counter()
        # A person named in full is no club ("a bid for midfielder Ander Herrera").
        club_candidate = sports and not (label == "PERSON" and any(
            len(_tokens(f)) > 1 and f.split()[-1] not in SPORT_CLUB_ENDINGS for f in cluster.forms))
        for m in cluster.mentions:
            said = _context_label(doc, text, m, label) or (club_candidate and _club_context(doc, m, label))
            if said:
                votes[said] += 1
        if not votes and all(len(_tokens(f)) == 1 for f in cluster.forms) and not any(
                f.isupper() or f.lower() in ORG_WORDS | INSTITUTION_WORDS for f in cluster.forms):
            conj = []
            for m in cluster.mentions:
                root = _mention_root(doc, m)
                conj.append(root is not None and _conjunct_label(doc, m, root, label, by_offset))
            if conj and all(conj) and len(set(conj)) == 1:
                votes[conj[0]] = len(conj)
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
                label = cluster.labels.most_common(1)[0][0]
                for mention in other.mentions:
                    cluster.add(mention, label)
                other.mentions, other.forms = [], Counter()
    # "Madison" said four times and "Madison LeCroy" tagged a place once: the person.
    for cluster in clusters:
        if cluster.group != "person" or len(cluster.mentions) < 2 or \
                any(len(_tokens(f)) > 1 for f in cluster.forms):
            continue
        given = {_tokens(f)[0] for f in cluster.forms}
        for other in clusters:
            if other.group == "person" or len(other.mentions) != 1 or not other.mentions:
                continue
            toks = _tokens(next(iter(other.forms)))
            if len(toks) == 2 and toks[0] in given and toks[1] not in ORG_WORDS and \
                    not any(w in PLACE_HEADS | FEATURE_WORDS for w in next(iter(other.forms)).split()):
                cluster.add(other.mentions[0], "PERSON")
                cluster.labels = Counter({"PERSON": len(cluster.mentions)})
                other.mentions, other.forms = [], Counter()
    # "St. Clair" after "St. Clair County": the county.
    for cluster in clusters:
        for other in clusters:
            if other is cluster or not other.mentions or not cluster.mentions:
                continue
            if any(f"{f} {head}" in cluster.forms for f in other.forms for head in PLACE_HEADS):
                for mention in other.mentions:
                    cluster.add(mention, "GPE")
                other.mentions, other.forms = [], Counter()
    clusters[:] = [c for c in clusters if c.mentions]


# --- headlines ----------------------------------------------------------------------------

_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with",
                "from", "as", "is", "vs", "via"}


def _headline_common_words(text: str) -> tuple[list[tuple[int, int]], set[str]]:
    """The title-case lines of a text ("Alex Rodriguez Not Reaching Out After Split") and
    the words the text writes in lower case elsewhere: in a headline the model runs
    a name on into the capitalised common words after it."""
    lines, offset = [], 0
    for line in text.split("\n"):
        words = re.findall(r"[^\W\d_][\w'’-]*", line)
        big = [w for w in words if w.lower() not in _SMALL_WORDS]
        if len(big) >= 4 and sum(w[:1].isupper() for w in big) >= 0.9 * len(big):
            lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    lower = set(re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", text)) if lines else set()
    lower |= {part for word in lower if "-" in word for part in word.split("-")}   # "record-breaking"
    return lines, lower


def _is_common_word(word: str, lower: set[str]) -> bool:
    """Does the text write this word, or its stem, in lower case elsewhere ("Suggests" /
    "suggested", "Record" / "record-breaking")?"""
    w = word.lower()
    if w in lower:
        return True
    stems = {w[:-suffix_len] for suffix, suffix_len in (("s", 1), ("es", 2), ("ed", 2), ("ing", 3))
             if w.endswith(suffix)}
    return any(len(stem) >= 4 and any(other.startswith(stem) for other in lower) for stem in stems)


def _headline_trimmed(text: str, start: int, end: int, headline_words,
                      label: str = "") -> tuple[int, int]:
    """A name in a title-case line without the capitalised common words the model ran on
    into: "Jennifer Lopez Split" -> "Jennifer Lopez" when the text says "split" elsewhere.
    A "title" of common words only ("'False Stories'" quoted in a headline) is no name:
    the span comes back empty."""
    lines, lower = headline_words
    form = text[start:end]
    if not any(a <= start and end <= b for a, b in lines) or is_known_outlet(form) or \
            text.count(form) > 1:
        return start, end        # "New York Times" stays whole though the text says "times"
    while True:
        cut = text.rfind(" ", start, end)
        if cut == -1:
            if _is_common_word(text[start:end], lower) and not text[start:end].isupper():
                return start, start      # "Record (Results)", "Suggests": a headline's common word
            return start, end
        if text[cut + 1:end].lower() not in lower:
            return start, end
        end = cut


# --- short forms of organisations -----------------------------------------------------------

# Last words that name another body than the full name they end: "the House" after "the
# White House", "States" of "United States".
_NOT_A_SHORT_FORM = {"house", "states", "kingdom", "nations", "union", "party"}


def _merge_short_forms(clusters: list[_Cluster]) -> list[_Cluster]:
    """"The Post" after "The Washington Post", "the Defense Ministry" after "the Russian
    Defense Ministry": an organisation named by the end of one (and only one) fuller name
    in the article is that organisation."""
    merged = []
    for cluster in clusters:
        if cluster.labels.most_common(1)[0][0] != "ORG" or any(f.isupper() for f in cluster.forms):
            merged.append(cluster)
            continue
        forms = [_tokens(f) for f in cluster.forms]
        if any(len(t) == 1 and t[0] in _NOT_A_SHORT_FORM for t in forms):
            merged.append(cluster)
            continue
        fuller = [o for o in clusters if o is not cluster and o.group == "org"
                  and o.labels.most_common(1)[0][0] == "ORG"
                  and all(any(len(_tokens(of)) > len(t) and (_tokens(of)[-len(t):] == t or (
                      # "Sporting" after "Sporting CP": the club without its letters
                      _tokens(of)[:len(t)] == t and all(w.upper() in CLUB_MARKS for w in _tokens(of)[len(t):])))
                      for of in o.forms) for t in forms)]
        if len(fuller) == 1:
            for mention in cluster.mentions:
                fuller[0].add(mention, "ORG")
            continue
        merged.append(cluster)
    return merged
