"""Word lists the entity rules share: titles, the last words of organisations, streets,
buildings, places and events, acronyms that are countries, platforms and clubs' letters.
"""

from __future__ import annotations

import re


# spaCy's small model often hesitates between these for the same name; merge across them.
# Nationalities and groups ("Iranian", "Republicans") are entities of their own, apart from
# the country ("Iran"), as a reader (and the newsroom annotation) counts them.
LABEL_GROUPS = {"PERSON": "person", "ORG": "org", "GPE": "org", "NORP": "norp", "LOC": "place",
                "FAC": "place"}

# Lower-case words that belong to names: "Charles de Gaulle", "Muqtada al-Sadr".
NAME_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "al", "el", "bin",
                  "ibn", "ben", "dos", "das", "del", "y", "ter", "ten", "mac"}

# Endings of a nationality or group word ("Iranian", "Chinese", "Israeli", "Democrats").
GROUP_ENDING = re.compile(r"(?:an|ans|i|is|ese|ish|ch|s|ic|ist|ists|ite|ites)$")

# Endings only a nationality has ("Iranian", "European", "Japanese", "Turkish", "American");
# not the "-eese" of a given name ("Reese", which the small model takes for a group).
DEMONYM_ENDING = re.compile(r"[a-z](?:ian|ians|ean|eans|(?<!e)ese|ish|can|cans)$")

# Acronyms that are countries; any other all-capital "GPE" ("NATO") is an organisation.
# Not "EU": a union of states with its own institutions is an organisation, as the small
# model says and as the newsroom gold has it ("EU" a GPE made nine mistakes in one wire story).
COUNTRY_ACRONYMS = {"US", "USA", "UK", "UAE", "USSR", "DPRK", "PRC", "ROK", "DRC", "GB"}

# Platforms news cites as sources ("in a Twitter post"); the small model calls them people.
SOCIAL_PLATFORMS = {"Twitter", "Facebook", "Instagram", "TikTok", "YouTube", "WhatsApp", "Telegram",
                    "Reddit", "LinkedIn", "Snapchat", "Weibo", "WeChat", "Truth Social", "Bluesky",
                    "Threads", "Mastodon", "Substack", "Twitch", "Pinterest", "Tumblr"}

# Continents and world regions: places that are no state (LOC), though the model says GPE.
CONTINENTS = {"Europe", "Asia", "Africa", "Antarctica", "Oceania", "Eurasia", "North America",
              "South America", "Latin America", "Central America"}

# First words of natural features and bodies in space ("Mount Kenya", "Comet 67P").
FEATURE_WORDS = {"Mount", "Mt.", "Lake", "River", "Comet", "Cape", "Gulf", "Strait", "Sea"}

# Letters that mark a sports club's name ("Sporting CP", "Chelsea FC", "AC Milan").
CLUB_MARKS = {"FC", "AFC", "CF", "SC", "CP", "AC", "SV", "FK", "SK", "BK"}

# Words that open a club's name before its town: "FC Cincinnati", "Inter Miami", "Real Betis".
CLUB_FIRST_WORDS = CLUB_MARKS | {"Inter", "Real", "Atletico", "Atlético", "Olympique", "Dynamo", "Dinamo"}

# Diseases and viruses: the small model calls them organisations or products.
DISEASE_NAMES = {"covid", "covid-19", "sars", "sars-cov-2", "mers", "ebola", "zika", "mpox",
                 "monkeypox", "hiv", "aids", "h5n1", "h1n1", "omicron", "delta variant"}

# Last words of football clubs' names ("Leeds United", "Bolton Wanderers").
CLUB_ENDINGS = {"United", "Rovers", "Wanderers", "Albion", "Hotspur", "Athletic", "Rangers"}

# Last words of clubs named for their town, in a sports text ("Manchester City", "West Ham").
SPORT_CLUB_ENDINGS = {"City", "Town", "County", "Ham", "Villa", "Palace", "Forest", "Argyle",
                      "Orient", "Wednesday", "Alexandra", "Vale", "Athletic"}

# Acronyms that are cities or districts, not organisations.
PLACE_ACRONYMS = {"DC", "NYC"}

# Last words that make a name a local government's area ("Hollis County").
PLACE_HEADS = {"County", "Parish", "Borough", "Province", "Prefecture", "Oblast", "Township"}

# Last words of named events ("the Masters Championship", "the World Cup").
EVENT_HEADS = {"Championship", "Championships", "Cup", "Olympics", "Paralympics", "Summit",
               "Festival", "Awards", "Marathon", "Grand Prix", "World Series", "Super Bowl",
               "Prize", "Award", "Trophy", "Games", "Open", "Expo", "Conference", "Week"}

# Last words of a law's or a code's name: "the Texas Penal Code", "the Clean Air Act".
LAW_HEADS = {"Code", "Act", "Constitution", "Treaty", "Amendment", "Accord", "Accords", "Charter",
             "Statute", "Ordinance"}

# Buildings and streets named for the body that speaks from them.
METONYM_BODIES = {"Pentagon", "Kremlin", "Whitehall", "Quai d'Orsay"}

COMPASS_ADJECTIVES = {"Western", "Eastern", "Northern", "Southern"}

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

# A company's legal form: it ends a company's name ("Robert Bosch GmbH", "Wirel L.P."), and
# on its own it names nothing ("Twitter Inc's" cut before "Inc"). These are words of nothing
# else, so anywhere in a name they make it a company's.
LEGAL_FORMS = {"inc", "ltd", "corp", "llc", "llp", "plc", "gmbh"}
# All the legal forms, with those that are other words too and so name a company only at
# the end of a longer name ("Brantia Motor Co."): "AG" is news' attorney general ("AG
# Marsden said"), "co" a prefix's word ("co-owner"), "SA" and "NV" a country's or a state's
# short form, "LP" a record. (Counted in ORG_WORDS they made "AG Marsden" and a brewery's
# co-owner organisations on PolNeAR train and quotes-ggt articles.)
COMPANY_SUFFIXES = LEGAL_FORMS | {"co", "ag", "sa", "nv", "lp"}

# Words that make a capitalised name an organisation, whatever the small model says
# ("the Dravograd Gazette" is not a person; nor is "Robert Bosch GmbH", by its legal form).
ORG_WORDS = {"gazette", "herald", "times", "post", "agency", "institute", "university", "ministry",
             "council", "party", "union", "company", "bank", "league", "board", "office", "press",
             "news", "journal", "tribune", "group", "association", "foundation", "committee",
             "court", "hospital", "club", "corporation", "one", "tv", "radio",
             "newsdesk", "desk", "newsroom"} | LEGAL_FORMS

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

DESCRIBED_BY = re.compile(r",\s+(?:[\w’'-]+\s+){0,4}?([a-z]+)s?,")

# Verbs whose subject speaks: a name that says or reports things is no craft.
SPEECH_VERBS = {"say", "tell", "announce", "report", "claim", "state", "confirm", "deny",
                "add", "write", "reply", "respond", "warn", "argue", "insist"}

SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with",
                "from", "as", "is", "vs", "via"}

# The abbreviations news style gives US states and Canadian provinces after a town
# ("GIBSON COUNTY, Tenn.", "WATERLOO, Ont."); the model reads the short ones as names.
STATE_ABBREVIATIONS = {"Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.",
                       "Ill.", "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.",
                       "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "Okla.", "Ore.", "Pa.", "Tenn.",
                       "Vt.", "Va.", "Wash.", "Wis.", "Wyo.", "Ont.", "Que.", "Alta.", "Man.",
                       "Sask.", "Nfld.", "Tex."}


def written_in_lower_case(word: str, text: str) -> bool:
    """Does the text write `word` in lower case as a word of its own ("the party" beside
    "Party", "pipes" beside "Pipes")? A name is not: a surname the tagger doubts is one
    when the text never does."""
    return re.search(r"(?<![\w-])" + re.escape(word.lower()) + r"(?![\w-])", text) is not None
