"""Coverage of the trigger lexicon (``data/triggers.csv``): ordinary event verbs
and nouns of every PLOVER category, and the NONE rows that keep common
non-event readings of those words out. Sentences written for these tests."""

#: the date of every document here
DATE = "2014-05-01"


def check(triples, cases):
    for text, expected in cases:
        assert triples(text, DATE) == sorted(expected), text


def test_consult(triples):
    check(triples, [
        ("Japan held discussions with China.", [("JPN", "CHN", "CONSULT")]),
        ("Norway brokered a ceasefire between Israel and Hamas.",
         [("NOR", "ISR", "CONSULT"), ("NOR", "HAMAS", "CONSULT")]),
        ("Secretary of State John Kerry brokered talks between Israel and the Palestinians.",
         [("USA", "ISR", "CONSULT"), ("USA", "PSE", "CONSULT")]),
    ])


def test_agree(triples):
    check(triples, [
        ("Japan struck a deal with China.", [("JPN", "CHN", "AGREE")]),
        ("India reached a compromise with Pakistan.", [("IND", "PAK", "AGREE")]),
        ("Peru settled its border dispute with Ecuador.", [("PER", "ECU", "AGREE")]),
        ("Iran expressed its readiness to resume talks with the IAEA.",
         [("IRN", "IAEA", "AGREE")]),
    ])


def test_support(triples):
    check(triples, [
        ("Egypt signed agreements with Sudan.", [("EGY", "SDN", "SUPPORT")]),
        ("France ratified the treaty with Germany.", [("FRA", "DEU", "SUPPORT")]),
        ("Japan paid tribute to India.", [("JPN", "IND", "SUPPORT")]),
        ("Germany expressed its gratitude to Greece.", [("DEU", "GRC", "SUPPORT")]),
        ("Secretary of State John Kerry expressed appreciation for Qatar's role.",
         [("USA", "QAT", "SUPPORT")]),
        ("Secretary of State John Kerry lauded Qatar.", [("USA", "QAT", "SUPPORT")]),
        ("Japan saluted India.", [("JPN", "IND", "SUPPORT")]),
        ("Chile mourned the victims of the earthquake in Peru.", [("CHL", "PER", "SUPPORT")]),
        ("Turkey issued an apology to Russia.", [("TUR", "RUS", "SUPPORT")]),
        ("Israel and Turkey resumed diplomatic relations.",
         [("ISR", "TUR", "SUPPORT"), ("TUR", "ISR", "SUPPORT")]),
    ])


def test_cooperate(triples):
    check(triples, [
        ("The United States and Japan held joint naval exercises.",
         [("USA", "JPN", "COOPERATE"), ("JPN", "USA", "COOPERATE")]),
        ("India and the United States exchanged intelligence.",
         [("IND", "USA", "COOPERATE"), ("USA", "IND", "COOPERATE")]),
        ("Spain handed over the suspects to France.", [("ESP", "FRA", "COOPERATE")]),
    ])


def test_aid(triples):
    check(triples, [
        ("China loaned money to Venezuela.", [("CHN", "VEN", "AID")]),
        ("Japan contributed troops to the UN mission in South Sudan.", [("JPN", "UN", "AID")]),
        ("Germany bailed out Greece.", [("DEU", "GRC", "AID")]),
        ("Ecuador offered asylum to Julian Assange.", [("ECU", "", "AID")]),
        # refugees taken in are aid, not a visit hosted
        ("Jordan is hosting refugees.", [("JOR", "", "AID")]),
    ])


def test_concede(triples):
    check(triples, [
        ("Egypt eased the blockade on Gaza.", [("EGY", "PSE", "CONCEDE")]),
        ("Iraq paid compensation to Kuwait.", [("IRQ", "KWT", "CONCEDE")]),
        ("Russia and Ukraine exchanged prisoners.",
         [("RUS", "UKR", "CONCEDE"), ("UKR", "RUS", "CONCEDE")]),
        ("Russia handed over the prisoners to Ukraine.", [("RUS", "UKR", "CONCEDE")]),
        ("Israel lifted martial law in the West Bank.", [("ISR", "PSE", "CONCEDE")]),
    ])


def test_retreat(triples):
    check(triples, [
        ("Israel evacuated settlements in Gaza.", [("ISR", "PSE", "RETREAT")]),
        ("Hamas and Israel ceased hostilities.",
         [("HAMAS", "ISR", "RETREAT"), ("ISR", "HAMAS", "RETREAT")]),
    ])


def test_accuse(triples):
    check(triples, [
        # (an indictment accuses, as a conviction does; an arrest coerces)
        ("The United States indicted Russian hackers.", [("USA", "RUS", "ACCUSE")]),
        ("Iran summoned the British ambassador.", [("IRN", "GBR", "ACCUSE")]),
        ("A Russian court sentenced a Ukrainian pilot.", [("RUS", "UKR", "ACCUSE")]),
        ("Ukraine filed a lawsuit against Russia.", [("UKR", "RUS", "ACCUSE")]),
    ])


def test_reject(triples):
    check(triples, [
        ("Russia snubbed Britain.", [("RUS", "GBR", "REJECT")]),
        # leaving a treaty is a rejection, not a military withdrawal
        ("The United States withdrew from the treaty with Russia.", [("USA", "RUS", "REJECT")]),
        ("North Korea walked away from the deal with the United States.",
         [("PRK", "USA", "REJECT")]),
    ])


def test_threaten(triples):
    check(triples, [
        # a vow of revenge is a threat, not a promise
        ("Iran vowed revenge against Israel.", [("IRN", "ISR", "THREATEN")]),
        ("North Korea threatened retaliation against South Korea.", [("PRK", "KOR", "THREATEN")]),
    ])


def test_protest(triples):
    check(triples, [
        ("Serbian students rallied in Belgrade.", [("SRB-CVL", "SRB", "PROTEST")]),
        ("Kenyan protesters marched on the parliament.", [("KEN-CVL", "KEN", "PROTEST")]),
        ("Egyptian workers staged a sit-in.", [("EGY-CVL", "EGY", "PROTEST")]),
    ])


def test_sanction(triples):
    check(triples, [
        ("China cancelled a visit to Japan.", [("CHN", "JPN", "SANCTION")]),
        ("India postponed talks with Pakistan.", [("IND", "PAK", "SANCTION")]),
        ("Norway ended mediation between Sri Lanka and the Tamil Tigers.",
         [("NOR", "LKA", "SANCTION"), ("NOR", "LTTE", "SANCTION")]),
        ("The European Union imposed a ban on Iranian oil.", [("EU", "IRN", "SANCTION")]),
        ("Russia suspended its membership in the Council of Europe.",
         [("RUS", "COE", "SANCTION")]),
    ])


def test_mobilize(triples):
    check(triples, [
        ("India remained on high alert against Pakistan.", [("IND", "PAK", "MOBILIZE")]),
        ("Russia sent troops to Syria.", [("RUS", "SYR", "MOBILIZE")]),
        ("North Korea conducted a nuclear test.", [("PRK", "", "MOBILIZE")]),
    ])


def test_coerce(triples):
    check(triples, [
        ("Iran jailed a French citizen.", [("IRN", "FRA", "COERCE")]),
        ("Israeli police jailed two Palestinian activists.", [("ISR", "PSE-CVL", "COERCE")]),
        ("Egypt imprisoned two Israeli journalists.", [("EGY", "ISR", "COERCE")]),
        ("Egypt imposed a curfew.", [("EGY", "", "COERCE")]),
        ("Turkey banned a Kurdish party.", [("TUR", "TUR", "COERCE")]),
        ("Israel closed the border with Gaza.", [("ISR", "PSE", "COERCE")]),
    ])


def test_assault(triples):
    check(triples, [
        ("Israeli police wounded three Palestinians.", [("ISR", "PSE", "ASSAULT")]),
        ("Serbian troops massacred Bosnian civilians.", [("SRB", "BIH-CVL", "ASSAULT")]),
        ("Hamas fired rockets at Israel.", [("HAMAS", "ISR", "ASSAULT")]),
        ("Israeli police fired on Palestinian protesters.", [("ISR", "PSE-CVL", "ASSAULT")]),
        ("Indian and Pakistani troops exchanged fire.",
         [("IND", "PAK", "ASSAULT"), ("PAK", "IND", "ASSAULT")]),
        # breaking a ceasefire is fighting, not the ceasefire itself
        ("Russia violated the ceasefire with Georgia.", [("RUS", "GEO", "ASSAULT")]),
        ("Russia is waging war against Ukraine.", [("RUS", "UKR", "ASSAULT")]),
    ])


def test_none_rows_suppress_non_event_readings(triples):
    for text in [
        "Japan struck a balance between growth and security.",
        "India struck a conciliatory note toward Pakistan.",
        "Japan mobilized resources for Haiti.",
        "Japan mobilized funds for Haiti.",
        "Japan deployed clean energy technologies in India.",
        "Senegal rallied the international community behind the plan.",
        "Japan captured the imagination of Indonesia.",
        "China declined to comment on the report.",
        "India marched towards prosperity.",
        "Japan had discussions with a view to a settlement.",
    ]:
        assert triples(text, DATE) == [], text
    # a longer pattern wins over the shorter hostile reading of the same verb
    assert triples("India struck a deal with Pakistan.", DATE) == [("IND", "PAK", "AGREE")]
    # "assault weapons" is no assault
    assert "ASSAULT" not in {c for _, _, c in
                             triples("The United States banned assault weapons.", DATE)}
