"""Fictional news written for these tests: two quakes in one country, a rate decision, copies.

The events are invented (Valdoria is not a country). Each quake has reports from
several outlets written differently; the two quakes share the vocabulary of
earthquakes and differ in town, magnitude, date and people, which is the case
grouping must get right.
"""
from __future__ import annotations

from digest.model import Article

QUAKE_A = [
    ("qa-1", "2031-04-02T06:10:00Z", "Harbour Times", "Magnitude 6.4 quake strikes Brenmouth",
     "A magnitude 6.4 earthquake struck near the coastal town of Brenmouth in northern Valdoria early on Wednesday, "
     "killing at least 12 people, the national seismic office said.\n\n"
     "Mayor Ilse Ravensholt said rescue teams were searching collapsed homes in the old quarter of Brenmouth.\n\n"
     "The quake's epicentre lay 9 kilometres offshore at a depth of 14 kilometres."),
    ("qa-2", "2031-04-02T09:40:00Z", "Morning Courier", "Brenmouth earthquake: death toll rises to 15",
     "The death toll from Wednesday's 6.4 magnitude earthquake in Brenmouth has risen to 15, "
     "Mayor Ilse Ravensholt told reporters.\n\n"
     "Hundreds of residents of Brenmouth spent the night outdoors as aftershocks shook the Valdorian coast.\n\n"
     "The seismic office said the epicentre was offshore, 9 kilometres from the town."),
    ("qa-3", "2031-04-03T08:00:00Z", "Northern Post", "Brenmouth counts the cost of the quake",
     "A day after the magnitude 6.4 earthquake, Brenmouth began clearing rubble from its harbour.\n\n"
     "Ilse Ravensholt, the mayor, asked the government for emergency funds to rebuild 300 homes.\n\n"
     "Engineers inspected the Brenmouth harbour wall for cracks."),
]
QUAKE_B = [
    ("qb-1", "2031-09-20T14:00:00Z", "Harbour Times", "Quake of magnitude 5.1 hits Tarsville",
     "An earthquake of magnitude 5.1 hit the mountain town of Tarsville in southern Valdoria on Saturday, "
     "injuring 4 people, the national seismic office said.\n\n"
     "Governor Anselm Kobrecht said schools in Tarsville would stay closed on Monday.\n\n"
     "The epicentre was 22 kilometres beneath the Tarsville valley."),
    ("qb-2", "2031-09-20T18:30:00Z", "Valley Herald", "Tarsville shaken by 5.1 earthquake",
     "Residents of Tarsville ran into the streets when a 5.1 magnitude earthquake shook the valley on Saturday.\n\n"
     "Governor Anselm Kobrecht visited the 4 injured in the Tarsville hospital.\n\n"
     "Landslides blocked the road from Tarsville to the capital, the seismic office said."),
]
RATES = [
    ("rt-1", "2031-04-02T12:00:00Z", "Capital Observer", "Valdorian central bank raises rate to 4.75%",
     "The Central Bank of Valdoria raised its main interest rate by a quarter point to 4.75 percent on Wednesday, "
     "governor Petra Ondrasek said.\n\n"
     "Inflation reached 6.2 percent in March, well above the bank's target."),
    ("rt-2", "2031-04-02T15:30:00Z", "Morning Courier", "Ondrasek lifts rates again as inflation bites",
     "Governor Petra Ondrasek said the Central Bank of Valdoria had lifted its benchmark rate to 4.75 percent, "
     "its third increase this year.\n\n"
     "Economists had expected the quarter-point rise after inflation of 6.2 percent in March."),
]


def article(row: tuple[str, str, str, str, str], **extra) -> Article:
    aid, date, source, title, body = row
    return Article(id=aid, date=date, source=source, title=title, body=body, **extra)


def wire_copy(original: Article, aid: str, title: str, source: str, *, trim: bool = False,
              add: str | None = None, date: str | None = None) -> Article:
    """A republished dispatch: same body, new headline, maybe trimmed or extended."""
    paragraphs = original.body.split("\n\n")
    if trim:
        paragraphs = paragraphs[:-1]
    if add:
        paragraphs.append(add)
    return Article(id=aid, date=date or original.date, source=source, title=title,
                   body="\n\n".join(paragraphs), agency=original.agency)


def corpus() -> list[Article]:
    """All fixture reports (no copies)."""
    return [article(r) for r in QUAKE_A + QUAKE_B + RATES]


# A story that develops over two days: the toll rises, the road reopens. Invented (Valdoria).
BUS_CRASH = [
    ("bus-1", "2031-05-06T07:20:00Z", "Harbour Times", "Bus plunges into Serrano river in Valdoria, at least 17 dead",
     "A crowded bus plunged into the Serrano river near the mountain town of Ostrava Alta early on Tuesday, killing at "
     "least 17 passengers, police in Valdoria said.\n\n"
     "The bus, run by the Cordillera Express company, was carrying 41 people from Ostrava Alta to the capital when it "
     "left the road on a sharp bend.\n\n"
     "Rescuers pulled 12 injured passengers from the water, police chief Marta Ilvesky said."),
    ("bus-2", "2031-05-06T19:45:00Z", "Morning Courier", "Serrano river bus crash toll rises to 23",
     "The death toll from Tuesday's bus crash in the Serrano river rose to 23 after divers recovered six more bodies, "
     "police chief Marta Ilvesky said.\n\n"
     "The Cordillera Express bus had left the road on a sharp bend above the river near Ostrava Alta.\n\n"
     "Survivors said the driver had been speeding in heavy rain, and prosecutors opened an investigation."),
    ("bus-3", "2031-05-07T10:00:00Z", "Northern Post", "Valdoria suspends Cordillera Express licence after Serrano crash",
     "The transport ministry of Valdoria suspended the licence of the Cordillera Express bus company on Wednesday, "
     "a day after one of its buses plunged into the Serrano river, killing 23 people.\n\n"
     "Police chief Marta Ilvesky said divers had ended the search near Ostrava Alta.\n\n"
     "Families of the victims gathered outside the hospital in Ostrava Alta, where 12 survivors were treated."),
]
EXCHANGE = [
    ("px-1", "2031-06-10T08:00:00Z", "Capital Observer", "Prisoner exchange between Valdoria and Morvania begins",
     "The first of 300 prisoners held by Valdoria and Morvania crossed the Tarn bridge on Thursday as a prisoner "
     "exchange brokered by the Red Cross began.\n\nThe exchange is due to last two days."),
    ("px-2", "2031-06-11T18:00:00Z", "Harbour Times", "Valdoria and Morvania complete exchange of 300 prisoners",
     "Valdoria and Morvania completed the exchange of 300 prisoners on Friday, as the last buses crossed the Tarn "
     "bridge under Red Cross supervision.\n\nFamilies waited for hours on both sides of the bridge."),
]

# Protests in a capital over two days, then a markets piece on a listing in the same capital
# that names the protests in passing: another event of the same country, filed last.
PROTEST = [
    ("pr-1", "2031-09-02T08:00:00Z", "Harbour Times", "Thousands march in Port Selene against Valdoria's new security law",
     "Tens of thousands of protesters marched through Port Selene on Sunday against a security law passed by "
     "Valdoria's parliament last week, the largest protest in the capital for a decade.\n\n"
     "Riot police fired tear gas near the parliament building on Kastel Square as marchers chanted against "
     "Prime Minister Ada Korlov.\n\n"
     "Organisers from the Civic Front said the law lets police hold protesters for 30 days without charge."),
    ("pr-2", "2031-09-03T09:30:00Z", "Morning Courier", "Port Selene protests spread as police detain 140 on Kastel Square",
     "Police in Port Selene detained 140 protesters overnight as demonstrations against Valdoria's security law spread "
     "from Kastel Square to the harbour district.\n\n"
     "The Civic Front called a general strike for Thursday and said the law lets police hold protesters for 30 days "
     "without charge.\n\n"
     "Prime Minister Ada Korlov said the law would stay and blamed the protests on foreign agitators."),
    ("pr-3", "2031-09-03T18:00:00Z", "Northern Post", "Korlov refuses to withdraw security law as Port Selene strike looms",
     "Prime Minister Ada Korlov refused on Tuesday to withdraw Valdoria's security law, as the Civic Front prepared a "
     "general strike in Port Selene after two days of protests and 140 arrests on Kastel Square.\n\n"
     "Riot police remained around the parliament building overnight."),
    ("ipo-1", "2031-09-04T07:00:00Z", "City Ledger", "Listings: is there still life in the market?",
     "Shares in Valdoria's state shipping line rose 4 per cent on their first day of trading on the Port Selene "
     "exchange, the biggest listing in Valdoria for nine years.\n\n"
     "Bankers said the sale, priced at 12 selene a share, was a boost for the Port Selene bourse after weeks of "
     "protests in the capital.\n\n"
     "Fund managers subscribed for three times the shares on offer, and two more listings are planned before the "
     "end of the year."),
]

# Coverage weeks later: the bus driver is charged three weeks after the crash (same story),
# and another bus crash elsewhere a fortnight after it (another story of the same kind).
BUS_CHARGE = ("bus-4", "2031-05-28T09:30:00Z", "Capital Observer", "Driver of Serrano river bus charged with manslaughter",
              "Prosecutors in Valdoria charged the driver of the Cordillera Express bus that plunged into the Serrano river "
              "three weeks ago with the manslaughter of 23 passengers.\n\n"
              "The bus left the road on a sharp bend above the river near Ostrava Alta on May 6, police chief Marta Ilvesky "
              "said, and survivors told investigators the driver had been speeding in heavy rain.\n\n"
              "The transport ministry has kept the licence of the Cordillera Express company suspended since the crash.")
OTHER_CRASH = [
    ("bus-b1", "2031-05-21T16:00:00Z", "Harbour Times", "Nine dead as bus overturns on Kessel highway",
     "A bus of the Stellar Lines company overturned on the Kessel highway near the town of Drava on Wednesday, killing "
     "nine passengers and injuring 30, police in Valdoria said.\n\n"
     "The driver lost control after a tyre burst, traffic police commander Oskar Brandl said.\n\n"
     "Ambulances took the injured to hospitals in Drava and Kessel."),
    ("bus-b2", "2031-05-22T08:15:00Z", "Northern Post", "Stellar Lines bus crash near Drava: toll at nine",
     "Traffic police commander Oskar Brandl said a burst tyre caused the Stellar Lines bus to overturn near Drava, "
     "where nine people died on Wednesday.\n\n"
     "Thirty passengers were treated in hospitals in Drava and Kessel, and the highway reopened overnight.\n\n"
     "Stellar Lines said it would check the tyres of its whole fleet."),
]

# A bank's rate decision every month: each month's reports share its figures and quotes,
# every month shares the bank, the governor and the vocabulary of rates (fictional).
_DECISIONS = [("January", "4.25", "raised", "5.1", "the fight against inflation is not over"),
              ("February", "4.50", "raised", "5.6", "prices are rising faster than wages"),
              ("March", "4.75", "raised", "6.2", "we will do what it takes"),
              ("April", "4.75", "held", "5.9", "the worst may be behind us"),
              ("May", "4.50", "cut", "4.8", "households need relief")]
_BACKGROUND = ["Unemployment stood at {u} percent, and the kessar fell {fx} percent against the euro after the announcement.",
               "Bond yields in Kessel climbed to {y} percent as traders weighed the outlook for growth and lending.",
               "The board voted {v} in favour, according to the statement published after the meeting.",
               "Mortgage lenders including Kessel Savings said they would pass the change on within {d} days.",
               "The finance ministry expects growth of {g} percent this year, helped by exports of grain and timber.",
               "Opposition leader Tomas Varga said the government had lost control of prices in the {month} debate.",
               "Retail sales fell {fx} percent in the quarter, and the housing market in Kessel and Drava slowed.",
               "The bank repeated that it aims to bring inflation back to its 3 percent target over the medium term."]


def monthly_decisions() -> list[Article]:
    """Three reports of each of five monthly rate decisions of the Central Bank of Valdoria."""
    out = []
    for m, (month, rate, move, inflation, quote) in enumerate(_DECISIONS):
        day = f"2031-{m + 1:02d}-{12 + m % 3}"
        verb = {"raised": "raises", "held": "holds", "cut": "cuts"}[move]
        slots = {"u": f"{5 + m * 0.3:.1f}", "fx": f"{0.4 + m * 0.3:.1f}", "y": f"{5.2 + m * 0.4:.2f}",
                 "v": f"{7 - m % 3} to {m % 3}", "d": str(10 + 5 * m), "g": f"{2.5 - m * 0.3:.1f}", "month": month}
        rest = [t.format(**slots) for t in _BACKGROUND]

        def more(k: int, rest: list[str] = rest, m: int = m) -> str:
            return "\n\n" + "\n\n".join(rest[(k + m + i) % len(rest)] for i in range(5))

        out += [
            Article(id=f"cb{m}-a", date=f"{day}T12:00:00Z", source="Capital Observer",
                    title=f"Valdorian central bank {verb} rate to {rate}%",
                    body=f"The Central Bank of Valdoria {move} its main interest rate to {rate} percent on Wednesday, "
                         f"governor Petra Ondrasek said.\n\nInflation was {inflation} percent in {month}. "
                         f"\"{quote.capitalize()},\" Ondrasek told reporters in Kessel." + more(0)),
            Article(id=f"cb{m}-b", date=f"{day}T15:30:00Z", source="Morning Courier",
                    title=f"Ondrasek {verb} rates as inflation hits {inflation}%",
                    body=f"Governor Petra Ondrasek said the bank had {move} its benchmark rate to {rate} percent, after "
                         f"inflation of {inflation} percent in {month}.\n\n\"{quote.capitalize()},\" she said at a press "
                         f"conference in Kessel." + more(3)),
            Article(id=f"cb{m}-c", date=f"{day}T18:00:00Z", source="Northern Post",
                    title=f"Valdoria rate decision: {rate}% in {month}",
                    body=f"Valdoria's central bank {move} borrowing costs to {rate} percent in {month}. Governor "
                         f"Ondrasek said {quote}.\n\nAnnual inflation stood at {inflation} percent, above the bank's "
                         f"3 percent target." + more(5)),
        ]
    return out
