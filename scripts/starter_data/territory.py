"""Territorial units and places."""

from __future__ import annotations

from . import term

T = "territory"
PL = "place"

CONCEPTS = [
    term("oblast", "область", "oblast", s=T, g="feminine", en_alt=[{"text": "Region", "match": "case", "note": "only capitalised, as part of a name (Moscow Region); the lower-case word is too general to identify the unit"}],
         notes=["Keep 'province' for губерния."],
         d="A region, the main administrative division below the union republic from the late 1920s.",
         see=["krai", "raion", "guberniia", "obkom"], tags=["unit"]),
    term("krai", "край", "krai", s=T, en_alt=[{"text": "Territory", "match": "case", "note": "only capitalised, as part of a name (Krasnoyarsk Territory); the lower-case word is too general to identify the unit"}],
         d="A territory, a large administrative division of the RSFSR on the level of an oblast, usually "
           "containing autonomous units (Far Eastern, West Siberian, North Caucasus krai).",
         see=["oblast", "kraikom"], tags=["unit"]),
    term("raion", "район", "raion", s=T,
         en_alt=[{"text": "District", "match": "case", "note": "only capitalised, as part of a name (Kirov District); the lower-case word is too general to identify the unit"}],
         en_bad=[("rayon", "the romanization collides with the English name of a fabric")],
         d="A district, the administrative unit below the oblast or krai, introduced in the reforms of "
           "1923–1929.",
         see=["oblast", "raikom", "okrug"], tags=["unit"]),
    term("okrug", "округ", "okrug", s=T, en_alt=["military district", "national area"],
         notes=["'District' is kept for район; a bare 'area' is too general to be a term."],
         d="An area: an administrative level between oblast and raion in 1923–1930; also a national "
           "okrug and a military district (военный округ).",
         see=["raion", "oblast"], tags=["unit"]),
    term("guberniia", "губерния", "guberniia", s=T, g="feminine", en_alt=[{"text": "Province", "match": "case", "note": "only capitalised, as part of a name (Tver Province); the lower-case word is too general to identify the unit"}, "gubernia"],
         d="A province, the main administrative division of the Russian Empire and of Soviet Russia until "
           "the reforms of 1923–1929.",
         see=["uezd", "oblast", "gubkom"], tags=["unit", "1920s"]),
    term("uezd", "уезд", "uezd", s=T, en_alt=[{"text": "County", "match": "case", "note": "only capitalised, as part of a name (Kashin County); the lower-case word is too general to identify the unit"}, "uyezd"],
         d="A county, the division of a guberniia, abolished with it.",
         see=["guberniia", "volost"], tags=["unit", "1920s"]),
    term("volost", "волость", "volost", s=T, g="feminine", en_alt=["rural district", "canton"],
         d="A rural district below the uezd, abolished in the reforms of 1923–1929.",
         see=["uezd", "selsovet"], tags=["unit", "1920s"]),
    term("selsovet", "сельсовет", "village soviet", s=[T, "state"],
         ru_alt=[("сельский совет", "masculine", "singular")], en_alt=["selsovet", "rural soviet"],
         d="The soviet of a village or group of villages, the lowest unit of Soviet government.",
         see=["sovet", "volost"], tags=["unit"]),
    term("assr", "АССР", "ASSR", s=T, g="feminine", ru_match="case",
         ru_alt=[("автономная советская социалистическая республика", "feminine", "singular")],
         en_alt=["Autonomous Soviet Socialist Republic", "autonomous republic"],
         d="An autonomous republic within a union republic, for a titular nationality (Tatar ASSR, Bashkir "
           "ASSR).",
         see=["ssr", "avtonomnaia-oblast"], tags=["unit", "abbreviation"]),
    term("ssr", "ССР", "SSR", s=T, g="feminine", ru_match="case",
         ru_alt=[("союзная республика", "feminine", "singular"), ("советская социалистическая республика", "feminine", "singular")],
         en_alt=["Soviet Socialist Republic", "union republic"],
         d="A union republic, a constituent state of the USSR (Ukrainian SSR, Kazakh SSR).",
         see=["assr", "rsfsr"], tags=["unit", "abbreviation"]),
    term("avtonomnaia-oblast", "автономная область", "autonomous oblast", s=T, g="feminine",
         en_alt=["autonomous region"],
         d="An autonomous region for a smaller nationality within a krai or union republic (the Jewish "
           "Autonomous Oblast, created 1934).",
         see=["assr", "krai"], tags=["unit"]),
    term("rsfsr", "РСФСР", "RSFSR", s=T, g="feminine", typ=PL, ru_match="case",
         ru_alt=[("Российская Советская Федеративная Социалистическая Республика", "feminine", "singular")],
         en_alt=["Russian Soviet Federative Socialist Republic", "Soviet Russia"],
         d="The Russian Soviet Federative Socialist Republic, proclaimed in 1918 and the largest union "
           "republic of the USSR from 1922.",
         see=["sssr", "ssr"], tags=["abbreviation"]),
    term("sssr", "СССР", "USSR", s=T, typ=PL, ru_match="case", g="masculine",
         ru_alt=[("Союз Советских Социалистических Республик", "masculine", "singular"), ("Советский Союз", "masculine", "singular")],
         en_alt=["Soviet Union", "Union of Soviet Socialist Republics"],
         d="The Union of Soviet Socialist Republics, formed on 30 December 1922 and dissolved in December "
           "1991.",
         see=["rsfsr", "ssr"], tags=["abbreviation"]),
    term("moskva", "Москва", "Moscow", s=T, typ=PL, g="feminine", conv="Moscow", ru_match="case",
         d="The capital of Soviet Russia from March 1918 and of the USSR.",
         see=["kreml", "lubianka"], tags=["city"]),
    term("leningrad", "Ленинград", "Leningrad", s=T, typ=PL, ru_match="case",
         d="The name of the former capital from January 1924 to 1991 (Petrograd 1914–1924, Saint "
           "Petersburg before and since).",
         see=["petrograd", "kirov-sergei", "leningradskoe-delo", "blokada-leningrada"], tags=["city"]),
    term("petrograd", "Петроград", "Petrograd", s=T, typ=PL, ru_match="case",
         d="The name of Saint Petersburg from 1914 to 1924, the scene of the revolutions of 1917.",
         see=["leningrad", "oktiabrskaia-revoliutsiia"], tags=["city"]),
    term("sverdlovsk", "Свердловск", "Sverdlovsk", s=T, typ=PL, ru_match="case",
         d="The name of Ekaterinburg from 1924 to 1991, after Iakov Sverdlov.",
         see=["sverdlov-iakov"], tags=["city"]),
    term("stalingrad", "Сталинград", "Stalingrad", s=T, typ=PL, ru_match="case",
         d="The name of Tsaritsyn from 1925 to 1961 (then Volgograd), site of the battle of 1942–1943.",
         see=["velikaia-otechestvennaia-voina"], tags=["city"]),
    term("smolnyi", "Смольный", "Smolny", s=[T, "party"], typ=PL, ru_match="case", conv="Smolny",
         ru_alt=[("Смольный институт", "masculine", "singular")], en_alt=["Smolnyi", "Smolny Institute"],
         d="The former institute for noble girls in Petrograd, Bolshevik headquarters in October 1917 and "
           "later seat of the Leningrad party committee, where Kirov was shot in 1934.",
         see=["petrograd", "leningrad", "ubiistvo-kirova"], tags=[]),
    term("magnitogorsk", "Магнитогорск", "Magnitogorsk", s=[T, "economy"], typ=PL, ru_match="case",
         d="The steel city in the southern Urals built from 1929 as a showpiece of the First Five-Year Plan.",
         see=["industrializatsiia", "piatiletka"], tags=["city"]),
    term("kreml", "Кремль", "Kremlin", s=T, typ=PL,
         d="The Moscow Kremlin, seat of the Soviet government from 1918, and by metonymy the leadership.",
         see=["moskva"], tags=[]),
    term("lubianka", "Лубянка", "Lubianka", s=[T, "security"], typ=PL, g="feminine", conv="Lubyanka",
         ru_match="case", en_alt=["Lubyanka"],
         d="The square in Moscow with the headquarters and inner prison of the security police, and by "
           "metonymy the police itself.",
         see=["nkvd", "moskva"], tags=[]),
    term("solovki", "Соловки", "Solovki", s=[T, "security"], typ=PL, g=None, n="plural", ru_match="case",
         ru_alt=[("Соловецкий лагерь особого назначения", "masculine", "singular"), ("СЛОН", "masculine", "singular")],
         en_alt=["Solovetsky Islands", "Solovki Special Purpose Camp"],
         d="The Solovetskii Islands in the White Sea, site from 1923 of the OGPU's Solovki Special Purpose "
           "Camp, the prototype of the Gulag.",
         see=["gulag", "belomorkanal"], tags=["camps"]),
    term("kolyma", "Колыма", "Kolyma", s=[T, "security"], typ=PL, g="feminine", ru_match="case",
         d="The region of the far north-east where the Dal'stroi trust mined gold with camp labour from 1932.",
         see=["gulag", "lager"], tags=["camps"]),
    term("vorkuta", "Воркута", "Vorkuta", s=[T, "security"], typ=PL, g="feminine", ru_match="case",
         d="The coal-mining town in the Komi republic built by Gulag prisoners; site of the prisoner strike "
           "of 1953.",
         see=["gulag"], tags=["camps"]),
    term("belomorkanal", "Беломорканал", "White Sea–Baltic Canal", s=[T, "security", "economy"], typ=PL,
         ru_alt=[("Беломорско-Балтийский канал", "masculine", "singular")], en_alt=["Belomorkanal", "White Sea Canal"],
         d="The canal from Lake Onega to the White Sea built by OGPU prisoners in 1931–1933, celebrated in a "
           "collective volume of Soviet writers (1934).",
         see=["gulag", "solovki", "frenkel-naftalii"], tags=["camps"]),
    term("butovo", "Бутово", "Butovo", s=[T, "security"], typ=PL, g="neuter", ru_match="case",
         ru_alt=[("Бутовский полигон", "masculine", "singular")], en_alt=["Butovo firing range"],
         d="The NKVD execution and burial site south of Moscow, where more than 20,000 people were shot in "
           "1937–1938.",
         see=["bolshoi-terror", "rasstrel"], tags=[]),
    term("katyn", "Катынь", "Katyn", s=[T, "security"], typ=PL, g="feminine", ru_match="case",
         d="The forest near Smolensk where the NKVD shot Polish officers in April–May 1940; the name stands "
           "for the whole killing of about 22,000 Polish prisoners.",
         see=["nkvd", "beriia-lavrentii"], tags=["1940s"]),
]
