"""Generic English news vocabulary the rule-based extractor leans on.

Nothing here names a particular story: these are the words newsrooms everywhere put before a
person's name, at the end of an organisation's name, or after a place name, plus the function
words that start sentences. Keeping them in one module makes the rules auditable.
"""

from __future__ import annotations

from ..calendar_words import MONTH_NUMBERS, WEEKDAY_NUMBERS

# Words that, written right before a capitalised name, make it a person ("leader Kim ...",
# "President Volodymyr Zelensky", "ambassador Aleksandr Matsegora", "daughter Ju-ae").
PERSON_CUES = frozenset(
    """
    president vice-president premier chancellor minister secretary governor senator sen
    representative rep congressman congresswoman mayor leader chairman chairwoman chair
    ambassador envoy diplomat spokesman spokeswoman spokesperson official officials
    general gen colonel col lieutenant lt major maj captain capt sergeant sgt admiral adm
    commander marshal chief ceo cfo coo founder director executive manager head boss
    king queen prince princess emperor empress lord lady sir dame pope cardinal bishop
    archbishop rabbi imam reverend rev father mother son daughter wife husband sister
    brother uncle aunt cousin grandson granddaughter widow niece nephew
    mr mrs ms miss dr doctor prof professor judge justice attorney lawyer prosecutor
    analyst researcher scientist economist author writer journalist reporter correspondent
    editor columnist photographer artist actor actress singer coach player striker
    goalkeeper captain candidate rival opponent dictator strongman tycoon billionaire
    sheriff undersheriff constable trooper deputy detective officer actress filmmaker
    moviemaker producer comedian rapper councilman councilwoman councillor councilor
    alderman assemblyman assemblywoman lawmaker legislator
    mr. mrs. ms. dr. prof. gen. col. lt. sgt. rep. sen. gov. st.
    """.split()
)

# Person cues that are capitalised words in their own right (so they may be inside the span).
PERSON_TITLES = frozenset(
    """
    President Premier Chancellor Minister Secretary Governor Senator Mayor Ambassador
    General Gen Colonel Col Lieutenant Lt Major Captain Sergeant Admiral Commander Marshal
    King Queen Prince Princess Emperor Empress Lord Lady Sir Dame Pope Cardinal Bishop
    Archbishop Rabbi Imam Reverend Mr Mrs Ms Miss Dr Prof Professor Judge Justice
    Chairman Chairwoman Leader Premier Sheikh Sultan Emir President-elect Rep Sen Gov
    First Supreme Prime Deputy Vice Foreign Defence Defense Interior Finance Health
    Chief Executive Coordinating Prosecutor Spokesman Spokeswoman Spokesperson Director Chair
    CEO Founder Commissioner Inspector Detective Officer Coach Manager Striker Midfielder
    Defender Goalkeeper Captain Analyst Economist Secretary-General Minister-President
    Sheriff Undersheriff Constable Trooper Capt Sgt Det Attorney Actress Actor Const Insp Supt
    Cpl Pvt Councilman Councilwoman Councillor Councilor Alderman Assemblyman Assemblywoman
    """.split()
)

# Capitalised role words that may stand between a place or an organisation and a person's name
# ("Alaska Gov. Sarah Palin", "Santa Monica Chief Deputy City Attorney Terry White", "Sixers'
# Coach Jim O'Brien"): the titles above and the capitalised person cues.
ROLE_WORDS = PERSON_TITLES | frozenset(
    w.capitalize() for w in PERSON_CUES if w.isalpha() and w not in ("official", "officials")
)

# Officers only a company or a body has: what stands before them, when it is no place, is that
# company ("Apple CEO Steve Jobs").
COMPANY_ROLES = frozenset({"CEO", "CFO", "COO", "CTO", "Founder", "Co-founder", "Co-Founder"})

# Last words of organisation names ("Mansudae Art Studio", "Korean Central News Agency").
ORG_HEADS = frozenset(
    """
    agency studio studios party council ministry army navy force forces group company
    companies corporation corp inc ltd llc plc gmbh ag sa bank university college school
    institute institution commission committee organization organisation association service
    services survey authority court parliament assembly congress union federation fund
    foundation office department bureau museum regiment brigade division battalion command
    police guard guards network news times post journal press media television tv radio
    broadcasting broadcaster airlines airways motors energy holdings partners capital labs
    technologies systems club church hospital centre center project program programme
    alliance coalition movement front cabinet senate administration government exchange
    reserve board trust society academy secretariat directorate ministry observatory
    telegraph herald tribune gazette guardian chronicle monitor observer review daily
    weekly magazine agency's corps federation league council's agencies
    foods entertainment pictures records productions films studios advisors industries
    enterprises brands communications pharmaceuticals networks reporter rescue
    devices telecom telecommunications electronics semiconductor semiconductors software
    """.split()
)

# Last words of company names, which the company's own name can drop ("Kraft" for "Kraft
# Foods"); a town's police or council is not called by the town's name alone.
COMPANY_HEADS = frozenset(
    """
    company companies corporation corp inc ltd llc plc gmbh ag sa group holdings partners
    capital labs technologies systems motors airlines airways energy foods entertainment
    pictures records productions films studios studio advisors industries enterprises brands
    communications pharmaceuticals networks devices telecom telecommunications electronics
    semiconductor semiconductors software
    """.split()
)

# Organisation words that may open a name ("Ministry of Defence", "Bank of England").
ORG_OPENERS = frozenset(
    """
    ministry bank university department office institute museum council court commission
    committee church academy federation league board organization organisation union
    association society school college agency bureau party
    """.split()
)

# Words after a name that make it a place ("Kursk Region", "GIUK Gap", "Balochistan province").
PLACE_HEADS = frozenset(
    """
    region province oblast county state district prefecture territory republic city town
    village island islands isle mountains mountain mount river sea ocean gulf bay strait
    straits gap peninsula valley lake desert canal coast plain plateau basin delta cape
    square street avenue road bridge airport port harbour harbor border
    glacier peak hills heights falls springs gardens beach creek ridge range pass canyon
    """.split()
)

# Last words of things that are neither people nor places ("Academy Awards", "Hunger Games",
# "Winter Meetings", "Endangered Species Act", "Christmas Day").
# Holidays name no one either, but an organisation's name may stand before one ("the TallGrass
# Distribution Ltd Christmas party").
HOLIDAYS = frozenset("christmas easter thanksgiving hanukkah ramadan passover diwali".split())
THING_HEADS = HOLIDAYS | frozenset(
    """
    award awards prize prizes games cup championship championships olympics series
    festival meetings conference summit show tour trophy bowl act treaty accord doctrine
    day week war oscars emmys grammys tonys baftas playoffs finals midterms primaries holidays
    """.split()
)

# Lower-case words that may sit inside a name ("Memorial Museum of Combat Feats").
NAME_CONNECTORS = frozenset(
    {
        "of",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "des",
        "van",
        "von",
        "der",
        "den",
        "al",
        "el",
        "bin",
        "ibn",
        "la",
        "le",
        "y",
        "for",
    }
)

# Words that start sentences and are never names on their own.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those there here it its it's he she they we you i his her their
    our your my me him them us who whom whose which what when where why how whether if
    in on at by for from with without within into onto over under after before during since
    until till about above below between among against across along around through toward
    towards upon of off out up down near beyond despite amid amidst via per than as like
    unlike besides throughout alongside
    and but or nor so yet also too either neither not no yes
    all any both each every few many more most much several some such other another
    is are was were be been being am do does did done have has had having will would shall
    should can could may might must
    according earlier later meanwhile however moreover furthermore nevertheless instead
    still already just only even ever never always often sometimes perhaps maybe
    photos images released state while although though because since unless whereas
    analysts officials experts sources reports critics observers residents witnesses
    one two three four five six seven eight nine ten
    new old first last next previous former latest recent
    once then now today tonight yesterday tomorrow
    """.split()
)

MONTHS = frozenset(MONTH_NUMBERS)
WEEKDAYS = frozenset(WEEKDAY_NUMBERS)

# Wire services and large outlets are named bare ("Reuters said") as often as in full.
NEWS_AGENCIES = frozenset(
    """
    Reuters AFP AP Associated-Press Yonhap Xinhua TASS Interfax RIA Kyodo Bloomberg KCNA
    Anadolu IRNA Bernama Antara PTI ANI EFE ANSA DPA dpa Ukrinform Sputnik Jiji NHK BBC CNN
    NPR PBS CBS NBC ABC Fox Al-Jazeera Axios Politico
    """.split()
)

# Widely used country short forms that gazetteers file under their full names.
COUNTRY_SHORT_FORMS = {
    "U.S.": "United States",
    "US": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "UAE": "United Arab Emirates",
}

# Compass words: "the North" / "the South" written as a name is a place.
COMPASS = frozenset(
    {
        "North",
        "South",
        "East",
        "West",
        "Midwest",
        "Northeast",
        "Northwest",
        "Southeast",
        "Southwest",
    }
)

# Verbs of saying: "X said", "said X" mark X as a speaker (a person or an organisation).
SPEECH_VERBS = frozenset(
    """
    said says say told tells telling added adds stated states reported reports wrote writes noted
    notes announced announces claimed claims warned warns confirmed confirms denied denies
    insisted insists argued argues explained explains quoted quotes urged urges
    """.split()
)

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip

# Particles inside people's names ("Maarten van der Veen", "Khalid bin Saud al-Harbi").
NAME_PARTICLES = frozenset(
    "van von der den de del della di da du des la le bin ibn al el ter ten y dos das zu".split()
)
# Lower-case words inside organisation names ("Intergovernmental Authority on Development",
# "Food and Agriculture Organization"): only after an organisation word.
ORG_CONNECTORS = frozenset({"of", "for", "on", "and"})

# First words of place names ("Lago Peñuelas", "Villa Alemana", "Puerto Montt", "Fort Worth").
PLACE_OPENERS = frozenset(
    """
    lake lago lac loch mount monte mont cerro sierra cape cabo fort port porto puerto villa
    ville san santa santo sao saint sainte st rio isla ile bahia ciudad nueva nuevo playa
    val bad gulf bay mt sea strait isle island straits
    """.split()
)
# Geographic names too large or too old for a city gazetteer.
GEOGRAPHIC_NAMES = frozenset(
    "Pacific Atlantic Arctic Antarctic Mediterranean Caribbean Sahara Himalayas Alps Andes "
    "Balkans Caucasus Levant Maghreb Sahel Gulf Americas".split()
)

# Organisations known across the news by a bare name that no suffix rule finds.
KNOWN_ORGS = frozenset(
    name.replace("-", " ")
    for name in """
    United-Nations European-Union NATO World-Bank Interpol Amnesty-International
    Human-Rights-Watch Médecins-Sans-Frontières Medecins-Sans-Frontieres Doctors-Without-Borders
    Greenpeace Hamas Hezbollah Taliban Kremlin Pentagon White-House Red-Cross Red-Crescent
    Europol Frontex OPEC Nasdaq Wall-Street
    """.split()
)

# Last words of sports clubs' names and first words of others ("Manchester United",
# "Borussia Dortmund", "Real Madrid").
CLUB_HEADS = frozenset("united city fc cf sc afc athletic rovers wanderers hotspur albion".split())
CLUB_OPENERS = frozenset(
    "real sporting borussia bayer olympique atletico atlético inter ac as rb vfb vfl dynamo "
    "dinamo spartak fc".split()
)

# Abbreviations whose full stop does not end a sentence ("Gen. Abdel Fattah al-Burhan").
ABBREVIATIONS = frozenset(
    "Gen Lt Col Maj Capt Sgt Adm Dr Mr Mrs Ms Prof Rep Sen Gov St Jr Sr Inc Corp Co Ltd No Mt "
    "Ft Rev Hon Const Insp Supt Det Cpl Pvt".split()
)
# The AP's abbreviations of US states, as datelines and "City, State" write them ("Fort Smith,
# Ark.", "Malibu, Calif."), to the state's name.
STATE_ABBREVIATIONS = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
    "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
    "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky",
    "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan",
    "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana",
    "Neb": "Nebraska", "Nev": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla": "Oklahoma", "Ore": "Oregon", "Pa": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn": "Tennessee", "Vt": "Vermont", "Va": "Virginia", "Wash": "Washington",
    "W.Va.": "West Virginia", "Wis": "Wisconsin", "Wyo": "Wyoming",
}  # fmt: skip

# Letters after a person's name that are not part of it ("Ayodele Bankole KC").
POST_NOMINALS = frozenset("KC QC MP MEP MSP OBE MBE CBE PhD MD Jr Sr II III IV".split())

# Nouns that, after "X's", mark X as an organisation ("Orsted's shares", "Nvidia's chief").
ORG_POSSESSED = frozenset(
    """
    shares stock board chief ceo chairman chairwoman executives investors shareholders
    revenue revenues profit profits earnings sales customers employees staff subsidiary
    headquarters market valuation bid offer deal acquisition takeover spokesperson spokesman
    spokeswoman squad coach manager players fans price founder chair shareholder stake
    """.split()
)
# Words right after a name that mark it as an organisation ("Orsted shares", "Feyenoord fans"),
# or as a company by what it sells and who works or buys there ("SeaMicro servers", "T-Mobile
# customers", "Intel chips"): nobody's surname comes before them.
ORG_FOLLOWERS = frozenset(
    """
    shares stock shareholders investors fans supporters squad customers subscribers executives
    employees engineers servers chips processors products stores
    """.split()
)

# Lower-case words right before a name that make it an organisation ("energy group Orsted",
# "rival Feyenoord", "lender Barclays").
ORG_CUES = frozenset(
    """
    group company firm giant maker lender bank insurer carrier airline retailer broker
    conglomerate operator utility startup start-up club side rival rivals unit subsidiary
    regulator outlet newspaper broadcaster channel network publisher fund investor developer
    manufacturer supplier chipmaker automaker carmaker producer miner platform app agency
    team magazine tabloid website
    """.split()
)

# All-caps words that are ordinary vocabulary in news, not names.
CAPS_WORDS = frozenset(
    "AI TV OK PM AM GDP CEO CFO COO VP GM COVID UTC GMT ET PT EDT EST CDT CST MDT MST PDT PST "
    "HST BST CET FAQ PDF URL ID VIP DNA HIV IT PR HQ DUI DWI KO TKO MVP SUV ATM".split()
)
