"""Short articles written for the techniques tests (invented events, names and figures; no
outside text).

WIRE: straight wire-style copy in an agency's neutral register. The author uses no
persuasion technique in any of them; quoted speakers sometimes use strong words, and those
are the speakers'.

LOADED: opinion and tabloid paragraphs whose rhetoric is plain, each with the words that
carry it and whose they are ("author" or the speaker's name).
"""

WIRE = {
    "drones": (
        "KYIV, Ukraine — Ukraine's air force said Tuesday it had shot down 21 of 28 drones "
        "launched overnight, as officials in Washington weighed whether to speed up deliveries "
        "of American air defense systems.\n\n"
        "The drones were aimed at energy facilities in two eastern regions, the air force said "
        "in a statement. Two people were injured when debris fell on a residential building, a "
        "regional governor said.\n\n"
        "The Pentagon announced a $400 million aid package last week that includes interceptors "
        "and artillery shells. The Defense Ministry in Moscow said its forces had taken a village "
        "near the front line. The claim could not be independently verified."),
    "budget": (
        "SPRINGFIELD — The state Senate approved a $52 billion budget on Thursday by a vote of "
        "31 to 24, sending the spending plan to the governor.\n\n"
        "The budget raises school funding by 4% and sets aside $300 million for road repairs, "
        "according to a summary released by the Senate finance committee. It does not include "
        "a proposed tax on short-term rentals.\n\n"
        "Senator Maria Holt, who chairs the committee, said the plan keeps reserves at their "
        "current level. Republicans said the increase in spending was larger than revenue "
        "forecasts support. The governor's office said she would review the bill."),
    "rates": (
        "LONDON — The central bank held its main interest rate at 4.25% on Thursday, saying "
        "inflation had eased but remained above its 2% target.\n\n"
        "Six of the nine members of the rate-setting committee voted to keep the rate "
        "unchanged, and three voted for a cut of a quarter point, minutes of the meeting showed.\n\n"
        "Consumer prices rose 3.1% in the year to October, down from 3.4% a month earlier, "
        "official figures published last week showed. The bank said it expected inflation to "
        "return to target in the second half of next year."),
    "storm": (
        "MANILA, Philippines — A tropical storm brought heavy rain to the northern Philippines "
        "on Sunday, forcing about 12,000 people to leave their homes, disaster officials said.\n\n"
        "The storm made landfall in Isabela province with sustained winds of 85 kilometers per "
        "hour, the weather agency said. Classes were suspended in 14 provinces and several "
        "domestic flights were canceled.\n\n"
        "No deaths had been reported by Sunday evening, according to the national disaster "
        "agency. The storm was expected to move out over the South China Sea by Tuesday."),
    "court": (
        "A federal judge on Monday sentenced a former bank manager to six years in prison for "
        "taking $2.3 million from customer accounts over a decade.\n\n"
        "Daniel Reyes, 58, pleaded guilty in March to wire fraud. Prosecutors said he moved "
        "money from the accounts of elderly customers into accounts he controlled and covered "
        "the transfers with false statements.\n\n"
        "His lawyer asked for a shorter sentence, citing his age and his health. The judge "
        "also ordered Reyes to repay the money. The bank said it had refunded all affected "
        "customers."),
    "election": (
        "Voters in the northern district will elect a new member of parliament on June 12 "
        "after the incumbent resigned last month, the electoral commission said Wednesday.\n\n"
        "Five candidates have registered, the commission said. The seat has been held by the "
        "governing party since 2010, when it won by about 4,000 votes.\n\n"
        "Turnout in the district was 61% at the last general election. Polling stations will "
        "be open from 7 a.m. to 10 p.m., and results are expected early the next morning."),
    "factory": (
        "DETROIT — The carmaker said Tuesday it will close an assembly plant in Ohio next year "
        "and move production of two models to Michigan, affecting about 1,400 workers.\n\n"
        "The company said it would offer transfers to most of the plant's employees. The union "
        "representing the workers said it had not been told of the decision in advance and "
        "would seek talks.\n\n"
        "\"We are disappointed, and we will fight for every job at this plant,\" said the "
        "union's local president, Karen Wills. Shares of the company rose 2% in afternoon "
        "trading."),
    "vaccine": (
        "GENEVA — The World Health Organization said Friday it had approved a second malaria "
        "vaccine for children, after trials in four African countries.\n\n"
        "The vaccine reduced cases by about 75% in the year after a fourth dose, according to "
        "results published in a medical journal. The agency said production could reach 100 "
        "million doses a year by 2026.\n\n"
        "Health ministries in several countries said they planned to add the vaccine to "
        "routine immunization schedules next year."),
    "allies": (
        "Allies pledge more, faster air defenses for Ukraine\n\n"
        "BRUSSELS (AP) — Western governments promised more and more capable air defenses to "
        "Ukraine on Thursday, in an effort to blunt a winter campaign of missile strikes on its "
        "power grid.\n\n"
        "Norway said it would send two more launchers, and officials in Washington said a new "
        "package would include crucial American interceptors. Moscow expressed dismay at the "
        "decision, saying the weapons would prolong the war.\n\n"
        "As Russia shells towns along the front in its slow advance, Ukraine has pressed its "
        "partners for more weapons. Russia's Defense Ministry said its forces had destroyed a "
        "depot of Western-supplied shells. It was not possible to verify this claim."),
    "grain": (
        "Grain exports rise as Black Sea shipping resumes\n\n"
        "ISTANBUL (Reuters) - Grain shipments from Ukrainian ports rose to 4.2 million tonnes "
        "in October, the highest monthly total this year, data from the agriculture ministry "
        "showed on Monday.\n\n"
        "Ships have used a corridor along the western Black Sea coast since August. Insurers "
        "said premiums for the route had fallen by about a third. Traders said the higher "
        "volumes had helped lower wheat prices in Egypt and Turkey, two of the largest buyers."),
}

# (text, words that carry a technique, whose they are: "author" or the speaker's name).
LOADED = [
    ("The mayor's latest scheme is a disgraceful, shameless betrayal of every family in this "
     "city, and only a fool would believe a word these corrupt cronies say.",
     "shameless betrayal", "author"),
    ("The council met on Tuesday to discuss the plan.\n\n"
     "\"These people are vile, corrupt traitors who want to destroy everything we love,\" "
     "said Tom Baker, a local activist.",
     "corrupt traitors", "Tom Baker"),
    ("Sources said the shameless love rat and his disgraceful, sleazy cronies had cheated "
     "thousands of hard-working families out of their savings.",
     "sleazy cronies", "author"),
]
