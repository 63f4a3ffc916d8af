"""Events and periods."""

from __future__ import annotations

from . import term

EV = "event"
H = "history"

CONCEPTS = [
    term("oktiabrskaia-revoliutsiia", "Октябрьская революция", "October Revolution", s=H, typ=EV, g="feminine",
         ru_alt=[("Великая Октябрьская социалистическая революция", "feminine", "singular")],
         en_alt=["Bolshevik Revolution", "Great October Socialist Revolution"],
         d="The Bolshevik seizure of power in Petrograd on 25 October (7 November New Style) 1917.",
         see=["bolsheviki", "petrograd", "lenin-vladimir"], tags=["1910s"]),
    term("grazhdanskaia-voina", "Гражданская война", "Russian Civil War", s=[H, "military"], typ=EV, g="feminine",
         en_alt=["Civil War"],
         d="The war between the Bolsheviks and their opponents, 1917/1918–1922.",
         see=["voennyi-kommunizm", "krasnaia-armiia"], tags=["1910s"]),
    term("kronshtadtskoe-vosstanie", "Кронштадтское восстание", "Kronstadt rebellion", s=[H, "military"], typ=EV,
         g="neuter", en_alt=["Kronstadt uprising", "Kronstadt mutiny"],
         en_bad=[("Cronstadt rebellion", "older spelling of the town's name")],
         d="The revolt of the sailors and garrison of Kronstadt in March 1921 against Bolshevik rule, "
           "suppressed by the Red Army.",
         see=["x-sezd", "nep"], tags=["1920s"]),
    term("x-sezd", "X съезд", "Tenth Party Congress", s=[H, "party"], typ=EV,
         ru_alt=[("Десятый съезд", "masculine", "singular")], en_alt=["Tenth Congress"],
         d="The party congress of March 1921 that introduced the tax in kind (the start of the NEP) and banned "
           "factions.",
         see=["fraktsiia", "nep", "rabochaia-oppozitsiia", "kronshtadtskoe-vosstanie"], tags=["1920s"]),
    term("velikii-perelom", "великий перелом", "Great Break", s=[H, "economy"], typ=EV,
         en_alt=["Great Turn", "year of the great break"],
         d="Stalin's name, from his Pravda article of 7 November 1929, for the turn to mass collectivization "
           "and forced industrialization.",
         see=["kollektivizatsiia", "likvidatsiia-kulachestva", "industrializatsiia"], tags=["1920s"]),
    term("shakhtinskoe-delo", "Шахтинское дело", "Shakhty trial", s=[H, "security"], typ=EV, g="neuter",
         en_alt=["Shakhty affair", "Shakhty case"],
         d="The 1928 show trial of mining engineers of the Shakhty district of the Donbass, accused of "
           "wrecking.",
         see=["vreditelstvo", "spets", "pokazatelnyi-protsess"], tags=["1920s"]),
    term("delo-prompartii", "дело Промпартии", "Industrial Party trial", s=[H, "security"], typ=EV, g="neuter",
         ru_alt=[("процесс Промпартии", "masculine", "singular"), ("Промпартия", "feminine", "singular")],
         en_alt=["Industrial Party affair"],
         d="The 1930 show trial of engineers accused of forming an underground 'Industrial Party' to sabotage "
           "the economy.",
         see=["shakhtinskoe-delo", "spets", "pokazatelnyi-protsess"], tags=["1930s"]),
    term("golodomor", "Голодомор", "Holodomor", s=[H, "economy"], typ=EV, ru_match="case",
         ru_alt=[("голод 1932–1933 годов", "masculine", "singular")],
         en_alt=["famine of 1932–1933", "Ukrainian famine"],
         d="The famine of 1932–1933 caused by collectivization and grain procurement; the Ukrainian term for "
           "the famine in Ukraine. Kazakhstan suffered comparable losses (1930–1933).",
         see=["kollektivizatsiia", "zakon-o-koloskakh"], tags=["1930s"]),
    term("xvii-sezd", "XVII съезд", "Seventeenth Party Congress", s=[H, "party"], typ=EV,
         ru_alt=[("Съезд победителей", "masculine", "singular")], en_alt=["Congress of Victors", "Seventeenth Congress"],
         d="The party congress of January–February 1934, the 'Congress of Victors'; more than half of its "
           "delegates were later arrested.",
         see=["bolshoi-terror", "kirov-sergei"], tags=["1930s"]),
    term("ubiistvo-kirova", "убийство Кирова", "Kirov murder", s=[H, "security"], typ=EV, g="neuter",
         en_alt=["assassination of Kirov"],
         d="The shooting of Sergei Kirov in the Smolny, Leningrad, by Leonid Nikolaev on 1 December 1934, "
           "followed by a decree on accelerated trials of terrorism cases.",
         see=["kirov-sergei", "nikolaev-leonid", "bolshoi-terror"], tags=["1930s"]),
    term("moskovskie-protsessy", "Московские процессы", "Moscow Trials", s=[H, "security"], typ=EV, g=None, n="plural",
         d="The three public show trials of former party leaders in August 1936 (Zinoviev, Kamenev), January "
           "1937 (Piatakov, Radek) and March 1938 (Bukharin, Rykov, Iagoda).",
         see=["pokazatelnyi-protsess", "vyshinskii-andrei", "ulrikh-vasilii", "bolshoi-terror"], tags=["1930s"]),
    term("bolshoi-terror", "Большой террор", "Great Terror", s=[H, "security"], typ=EV,
         en_alt=["Great Purge", "Terror of 1937–1938"],
         d="The mass arrests and executions of 1937–1938, in which, by the NKVD's own figures, about 1.5 "
           "million people were arrested and about 680,000 shot.",
         see=["ezhovshchina", "prikaz-00447", "troika", "nkvd", "moskovskie-protsessy", "vrag-naroda"],
         tags=["1930s"]),
    term("delo-voennykh", "дело Тухачевского", "Tukhachevsky affair", s=[H, "security", "military"], typ=EV,
         g="neuter", en_alt=["Military Purge", "Case of the Trotskyist Anti-Soviet Military Organization"],
         d="The closed trial of Tukhachevsky, Iakir, Uborevich and five other commanders on 11 June 1937, "
           "which opened the purge of the Red Army command.",
         see=["tukhachevskii-mikhail", "iakir-iona", "uborevich-ieronim", "krasnaia-armiia"], tags=["1930s"]),
    term("pakt-molotova-ribbentropa", "пакт Молотова — Риббентропа", "Molotov–Ribbentrop Pact", s=[H, "state"],
         typ=EV, ru_alt=[("пакт о ненападении", "masculine", "singular")],
         en_alt=["Nazi–Soviet Pact", "Hitler–Stalin Pact"],
         d="The German–Soviet non-aggression treaty of 23 August 1939, with a secret protocol dividing "
           "eastern Europe into spheres of influence.",
         see=["molotov-viacheslav", "katyn"], tags=["1930s"]),
    term("velikaia-otechestvennaia-voina", "Великая Отечественная война", "Great Patriotic War", s=[H, "military"],
         typ=EV, g="feminine", en_alt=["Eastern Front", "Soviet–German War"],
         d="The Soviet name for the war against Germany and its allies, 22 June 1941 – 9 May 1945.",
         see=["prikaz-227", "blokada-leningrada", "stalingrad"], tags=["1940s"]),
    term("prikaz-227", "приказ № 227", "Order No. 227", s=[H, "military"], typ=EV,
         ru_alt=[("Ни шагу назад", None, None, "phrase")], en_alt=["Not One Step Back"],
         d="Stalin's order of 28 July 1942 forbidding retreat without orders and setting up penal units and "
           "blocking detachments.",
         see=["zagradotriad", "shtrafbat", "velikaia-otechestvennaia-voina"], tags=["1940s"]),
    term("blokada-leningrada", "блокада Ленинграда", "Siege of Leningrad", s=[H, "military"], typ=EV, g="feminine",
         en_alt=["Leningrad blockade"],
         d="The German and Finnish blockade of Leningrad, September 1941 – January 1944.",
         see=["leningrad", "velikaia-otechestvennaia-voina"], tags=["1940s"]),
    term("leningradskoe-delo", "Ленинградское дело", "Leningrad Affair", s=[H, "security"], typ=EV, g="neuter",
         en_alt=["Leningrad Case"],
         d="The purge of 1949–1950 of Leningrad party leaders and their patrons, including Voznesenskii and "
           "A. A. Kuznetsov, who were shot in 1950.",
         see=["voznesenskii-nikolai", "kuznetsov-aleksei", "leningrad"], tags=["1940s"]),
    term("kampaniia-protiv-kosmopolitizma", "борьба с космополитизмом", "anti-cosmopolitan campaign", s=[H, "culture"],
         typ=EV, g="feminine", en_alt=["campaign against rootless cosmopolitans"],
         d="The campaign of 1949–1953 against 'rootless cosmopolitans', aimed above all at Jewish "
           "intellectuals.",
         see=["delo-vrachei", "zhdanovshchina"], tags=["1940s"]),
    term("delo-vrachei", "дело врачей", "Doctors' Plot", s=[H, "security"], typ=EV, g="neuter",
         en_alt=["Doctors' Case"],
         d="The accusation, announced in January 1953, that mostly Jewish Kremlin doctors had murdered Soviet "
           "leaders; dropped after Stalin's death.",
         see=["kampaniia-protiv-kosmopolitizma", "stalin-iosif"], tags=["1950s"]),
    term("xx-sezd", "XX съезд", "Twentieth Party Congress", s=[H, "party"], typ=EV,
         ru_alt=[("Двадцатый съезд", "masculine", "singular")], en_alt=["Twentieth Congress"],
         d="The party congress of February 1956 at which Khrushchev gave the Secret Speech.",
         see=["sekretnyi-doklad", "khrushchev-nikita", "kult-lichnosti", "ottepel"], tags=["1950s"]),
    term("antipartiinaia-gruppa", "антипартийная группа", "Anti-Party Group", s=[H, "party"], typ=EV, g="feminine",
         d="Molotov, Malenkov, Kaganovich and others, who tried to remove Khrushchev in June 1957 and were "
           "removed from the party leadership.",
         see=["molotov-viacheslav", "malenkov-georgii", "kaganovich-lazar", "khrushchev-nikita"], tags=["1950s"]),
]
