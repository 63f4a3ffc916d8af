"""Persons. Russian preferred: 'Surname Given-name Patronymic'; English preferred: the usual English
'Given-name Surname'. Years open the definition. Tags: politburo (full member at some time, incl. the
Presidium of 1952–1966), executed, died-in-custody, suicide, assassinated, pseudonym."""

from __future__ import annotations

from . import person

PB, EX, DC, PS = "politburo", "executed", "died-in-custody", "pseudonym"
P, S, SEC, M, CU = "party", "state", "security", "military", "culture"

CONCEPTS = [
    person("Ленин", "Владимир", "Ильич", "Vladimir Lenin", tags=[PB, PS], ru_alt=["Ульянов Владимир Ильич"],
           d="1870–1924. Born Ul'ianov. Founder of the Bolshevik party and chairman of the Sovnarkom from "
             "1917 until his death.",
           see=["bolsheviki", "sovnarkom", "oktiabrskaia-revoliutsiia", "krupskaia-nadezhda"]),
    person("Сталин", "Иосиф", "Виссарионович", "Joseph Stalin", tags=[PB, PS],
           ru_alt=["Джугашвили Иосиф Виссарионович"], en_alt=["Iosif Stalin"],
           d="1878–1953 (officially born 1879). Born Dzhugashvili in Gori, Georgia. General Secretary of the "
             "Central Committee from 1922, ruler of the USSR from the late 1920s, head of government from 1941.",
           see=["generalnyi-sekretar", "kult-lichnosti", "bolshoi-terror"]),
    person("Троцкий", "Лев", "Давидович", "Leon Trotsky", tags=[PB, PS, "assassinated"],
           ru_alt=["Бронштейн Лев Давидович"], en_alt=["Lev Trotsky"],
           en_bad=[("Trotski", "older spelling"), ("Trotzky", "German-style spelling")],
           d="1879–1940. Born Bronshtein. People's Commissar for Military and Naval Affairs 1918–1925, leader of "
             "the Left Opposition; expelled 1927, deported 1929, killed in Mexico by an NKVD agent.",
           see=["levaia-oppozitsiia", "trotskizm", "krasnaia-armiia"]),
    person("Зиновьев", "Григорий", "Евсеевич", "Grigory Zinoviev", tags=[PB, PS, EX],
           d="1883–1936. Chairman of the Comintern Executive Committee (1919–1926) and party chief of "
             "Petrograd/Leningrad; in the United Opposition; shot after the first Moscow Trial.",
           see=["komintern", "kamenev-lev", "obedinennaia-oppozitsiia", "moskovskie-protsessy"]),
    person("Каменев", "Лев", "Борисович", "Lev Kamenev", tags=[PB, PS, EX], ru_alt=["Розенфельд Лев Борисович"],
           d="1883–1936. Born Rozenfel'd. Chairman of the Moscow Soviet (1918–1926), Zinoviev's ally in "
             "opposition; shot after the first Moscow Trial.",
           see=["zinovev-grigorii", "obedinennaia-oppozitsiia", "moskovskie-protsessy"]),
    person("Бухарин", "Николай", "Иванович", "Nikolai Bukharin", tags=[PB, EX],
           d="1888–1938. Party theorist, editor of Pravda (1918–1929) and a leader of the Right; editor of "
             "Izvestiia 1934–1937; shot after the third Moscow Trial.",
           see=["pravyi-uklon", "pravda-gazeta", "izvestiia", "moskovskie-protsessy"]),
    person("Рыков", "Алексей", "Иванович", "Alexei Rykov", tags=[PB, EX], en_alt=["Aleksei Rykov"],
           d="1881–1938. Chairman of the Sovnarkom 1924–1930 and a leader of the Right; shot after the third "
             "Moscow Trial.",
           see=["sovnarkom", "pravyi-uklon", "moskovskie-protsessy"]),
    person("Томский", "Михаил", "Павлович", "Mikhail Tomsky", tags=[PB, PS, "suicide"],
           d="1880–1936. Head of the Soviet trade unions (VTsSPS) until 1929 and a leader of the Right; shot "
             "himself in August 1936 when named at the first Moscow Trial.",
           see=["vtssps", "pravyi-uklon"]),
    person("Молотов", "Вячеслав", "Михайлович", "Vyacheslav Molotov", tags=[PB, PS],
           ru_alt=["Скрябин Вячеслав Михайлович"],
           d="1890–1986. Born Skriabin. Chairman of the Sovnarkom 1930–1941, People's Commissar (then "
             "Minister) of Foreign Affairs 1939–1949 and 1953–1956; Stalin's closest associate.",
           see=["sovnarkom", "narkomindel", "pakt-molotova-ribbentropa", "antipartiinaia-gruppa"]),
    person("Каганович", "Лазарь", "Моисеевич", "Lazar Kaganovich", tags=[PB],
           d="1893–1991. Politburo member from 1930, head of the Moscow party organization in the early 1930s "
             "and People's Commissar of Railways; removed with the Anti-Party Group in 1957.",
           see=["politburo", "antipartiinaia-gruppa", "khrushchev-nikita"]),
    person("Ворошилов", "Климент", "Ефремович", "Kliment Voroshilov", s=[P, M], tags=[PB],
           d="1881–1969. People's Commissar for Military and Naval Affairs, then of Defence, 1925–1940; "
             "Marshal of the Soviet Union (1935); chairman of the Presidium of the Supreme Soviet 1953–1960.",
           see=["marshal-sovetskogo-soiuza", "krasnaia-armiia"]),
    person("Микоян", "Анастас", "Иванович", "Anastas Mikoyan", tags=[PB],
           d="1895–1978. People's Commissar of trade, supply, the food industry and foreign trade (1926–1949); "
             "Politburo member from 1935; chairman of the Presidium of the Supreme Soviet 1964–1965.",
           see=["politburo"]),
    person("Калинин", "Михаил", "Иванович", "Mikhail Kalinin", s=[P, S], tags=[PB],
           d="1875–1946. Chairman of the VTsIK from 1919 and of the Presidium of the Supreme Soviet 1938–1946, "
             "the formal head of state.",
           see=["vtsik", "tsik", "verkhovnyi-sovet"]),
    person("Орджоникидзе", "Григорий", "Константинович", "Sergo Ordzhonikidze", tags=[PB],
           ru_alt=["Орджоникидзе Серго"], en_alt=["Grigory Ordzhonikidze"],
           d="1886–1937. Known as Sergo. Chairman of the Central Control Commission, of the VSNKh (1930–1932), "
             "then People's Commissar of Heavy Industry; died in February 1937, officially of heart failure, "
             "most probably by suicide.",
           see=["vsnkh", "tsentralnaia-kontrolnaia-komissiia", "piatakov-georgii"]),
    person("Киров", "Сергей", "Миронович", "Sergei Kirov", tags=[PB, PS, "assassinated"],
           ru_alt=["Костриков Сергей Миронович"], en_alt=["Sergey Kirov"],
           d="1886–1934. Born Kostrikov. Head of the Leningrad party organization from 1926 and Politburo "
             "member from 1930; assassinated on 1 December 1934.",
           see=["ubiistvo-kirova", "leningrad", "nikolaev-leonid"]),
    person("Жданов", "Андрей", "Александрович", "Andrei Zhdanov", s=[P, CU], tags=[PB],
           d="1896–1948. Head of the Leningrad party organization after Kirov (1934–1944) and Central "
             "Committee secretary; directed the post-war campaign in culture.",
           see=["zhdanovshchina", "leningrad", "kirov-sergei"]),
    person("Маленков", "Георгий", "Максимилианович", "Georgy Malenkov", tags=[PB],
           d="1902–1988. Central Committee secretary responsible for cadres; Chairman of the Council of "
             "Ministers 1953–1955; removed with the Anti-Party Group in 1957.",
           see=["sovet-ministrov", "antipartiinaia-gruppa"]),
    person("Берия", "Лаврентий", "Павлович", "Lavrentiy Beria", s=[P, SEC], tags=[PB, EX],
           en_alt=["Lavrenty Beria", "Lavrentii Beria"], en_bad=[("Beriya", "non-standard spelling")],
           d="1899–1953. Party chief of Georgia and Transcaucasia, People's Commissar for Internal Affairs "
             "1938–1945, head of the atomic project; arrested after Stalin's death and shot in December 1953.",
           see=["nkvd", "merkulov-vsevolod", "katyn"]),
    person("Хрущёв", "Никита", "Сергеевич", "Nikita Khrushchev", tags=[PB],
           en_bad=[("Krushchev", "misspelling"), ("Kruschev", "misspelling")],
           d="1894–1971. Party chief of Moscow (1935–1938) and Ukraine (1938–1949); First Secretary 1953–1964, "
             "who denounced Stalin in the Secret Speech of 1956; removed in October 1964.",
           see=["sekretnyi-doklad", "xx-sezd", "ottepel", "pervyi-sekretar"]),
    person("Ежов", "Николай", "Иванович", "Nikolai Yezhov", s=SEC, tags=[EX], en_alt=["Nikolai Ezhov"],
           d="1895–1940. People's Commissar for Internal Affairs from September 1936 to November 1938, who "
             "directed the Great Terror; arrested in 1939 and shot in 1940.",
           see=["ezhovshchina", "nkvd", "bolshoi-terror", "prikaz-00447"]),
    person("Ягода", "Генрих", "Григорьевич", "Genrikh Yagoda", s=SEC, tags=[EX],
           en_bad=[("Jagoda", "German-style spelling")],
           d="1891–1938. Leading OGPU official and People's Commissar for Internal Affairs 1934–1936; shot "
             "after the third Moscow Trial.",
           see=["ogpu", "nkvd", "moskovskie-protsessy", "ezhov-nikolai"]),
    person("Вышинский", "Андрей", "Януарьевич", "Andrey Vyshinsky", s=[SEC, S], en_alt=["Andrei Vyshinsky"],
           en_bad=[("Vyshinski", "older spelling"), ("Vishinsky", "spelling of the 1940s–1950s press")],
           d="1883–1954. Procurator of the USSR 1935–1939 and state prosecutor at the Moscow Trials; Minister "
             "of Foreign Affairs 1949–1953.",
           see=["moskovskie-protsessy", "prokuror", "prokuratura"]),
    person("Тухачевский", "Михаил", "Николаевич", "Mikhail Tukhachevsky", s=M, tags=[EX],
           en_bad=[("Tukhachevski", "older spelling")],
           d="1893–1937. Red Army commander, Chief of Staff (1925–1928), deputy People's Commissar of Defence, "
             "Marshal of the Soviet Union (1935); shot on 12 June 1937 after a closed trial.",
           see=["delo-voennykh", "marshal-sovetskogo-soiuza", "iakir-iona", "uborevich-ieronim"]),
    person("Якир", "Иона", "Эммануилович", "Iona Yakir", s=M, tags=[EX],
           d="1896–1937. Commander of the Ukrainian and then the Kiev Military District; shot with "
             "Tukhachevsky in June 1937.",
           see=["delo-voennykh", "tukhachevskii-mikhail"]),
    person("Уборевич", "Иероним", "Петрович", "Ieronim Uborevich", s=M, tags=[EX],
           d="1896–1937. Commander of the Belorussian Military District (1931–1937); shot with Tukhachevsky in "
             "June 1937.",
           see=["delo-voennykh", "tukhachevskii-mikhail"]),
    person("Блюхер", "Василий", "Константинович", "Vasily Blyukher", s=M, tags=[DC], en_alt=["Vasily Blücher", "Blücher"],
           d="1889–1938. Civil War commander, military adviser in China (1924–1927) and commander of the Far "
             "Eastern army; Marshal of the Soviet Union (1935); arrested in October 1938, died in custody.",
           see=["marshal-sovetskogo-soiuza"]),
    person("Егоров", "Александр", "Ильич", "Alexander Yegorov", s=M, tags=[EX], en_alt=["Aleksandr Egorov"],
           d="1883–1939. Chief of the Red Army Staff, then of the General Staff (1931–1937); Marshal of the "
             "Soviet Union (1935); arrested in 1938 and shot in 1939.",
           see=["marshal-sovetskogo-soiuza"]),
    person("Будённый", "Семён", "Михайлович", "Semyon Budyonny", s=M, ru_alt=["Буденный"],
           en_alt=["Semen Budennyi", "Budenny"],
           d="1883–1973. Commander of the First Cavalry Army in the Civil War; Marshal of the Soviet Union "
             "(1935).",
           see=["marshal-sovetskogo-soiuza", "grazhdanskaia-voina", "babel-isaak"]),
    person("Дзержинский", "Феликс", "Эдмундович", "Felix Dzerzhinsky", s=SEC,
           en_bad=[("Dzerzhinski", "older spelling")],
           d="1877–1926. Founder and head of the Cheka and its successors the GPU and OGPU (1917–1926); also "
             "chairman of the VSNKh from 1924.",
           see=["cheka", "ogpu", "vsnkh"]),
    person("Менжинский", "Вячеслав", "Рудольфович", "Vyacheslav Menzhinsky", s=SEC,
           d="1874–1934. Chairman of the OGPU 1926–1934, after Dzerzhinsky.",
           see=["ogpu", "dzerzhinskii-feliks"]),
    person("Крупская", "Надежда", "Константиновна", "Nadezhda Krupskaya", s=[P, CU], female=True,
           d="1869–1939. Lenin's wife; a leader of Soviet education, deputy People's Commissar of Education "
             "from 1929.",
           see=["lenin-vladimir"]),
    person("Коллонтай", "Александра", "Михайловна", "Alexandra Kollontai", s=[P, S], female=True,
           d="1872–1952. People's Commissar of Social Welfare (1917–1918) and a leader of the Workers' "
             "Opposition; Soviet envoy to Norway, Mexico and Sweden (1923–1945).",
           see=["rabochaia-oppozitsiia", "polpred"]),
    person("Радек", "Карл", "Бернгардович", "Karl Radek", tags=[DC],
           d="1885–1939. Comintern functionary and publicist; sentenced to ten years at the second Moscow Trial "
             "(1937) and killed in prison.",
           see=["komintern", "moskovskie-protsessy"]),
    person("Пятаков", "Георгий", "Леонидович", "Georgy Pyatakov", tags=[EX], ru_alt=["Пятаков Юрий Леонидович"],
           en_alt=["Yuri Pyatakov"],
           d="1890–1937. Deputy People's Commissar of Heavy Industry; principal defendant of the second Moscow "
             "Trial, shot in 1937.",
           see=["moskovskie-protsessy", "ordzhonikidze-grigorii"]),
    person("Сокольников", "Григорий", "Яковлевич", "Grigory Sokolnikov", tags=[DC],
           d="1888–1939. People's Commissar of Finance (1922–1926), who carried out the currency reform of the "
             "chervonets; sentenced at the second Moscow Trial and killed in prison.",
           see=["moskovskie-protsessy", "nep"]),
    person("Постышев", "Павел", "Петрович", "Pavel Postyshev", tags=[EX],
           d="1887–1939. Second secretary of the Ukrainian party (1933–1937) and candidate Politburo member "
             "(1934–1938); shot in 1939.",
           see=["kosior-stanislav", "politburo"]),
    person("Косиор", "Станислав", "Викентьевич", "Stanislav Kosior", tags=[PB, EX],
           d="1889–1939. Head of the Communist Party of Ukraine 1928–1938 and Politburo member from 1930; shot "
             "in 1939.",
           see=["postyshev-pavel", "chubar-vlas", "golodomor"]),
    person("Чубарь", "Влас", "Яковлевич", "Vlas Chubar", s=[P, S], tags=[PB, EX],
           d="1891–1939. Chairman of the Ukrainian Sovnarkom (1923–1934), then deputy chairman of the USSR "
             "Sovnarkom; Politburo member (1935–1938); shot in 1939.",
           see=["kosior-stanislav", "sovnarkom"]),
    person("Эйхе", "Роберт", "Индрикович", "Robert Eikhe", tags=[EX],
           d="1890–1940. First secretary of the West Siberian kraikom (1929–1937), People's Commissar of "
             "Agriculture (1937–1938) and candidate Politburo member; shot in 1940.",
           see=["kraikom", "krai"]),
    person("Рудзутак", "Ян", "Эрнестович", "Jan Rudzutak", s=[P, S], tags=[PB, EX],
           en_alt=["Jānis Rudzutaks", "Ian Rudzutak"],
           d="1887–1938. Latvian Bolshevik; People's Commissar of Railways, deputy chairman of the Sovnarkom and "
             "chairman of the Central Control Commission; Politburo member 1926–1932; shot in 1938.",
           see=["tsentralnaia-kontrolnaia-komissiia", "sovnarkom"]),
    person("Андреев", "Андрей", "Андреевич", "Andrei Andreyev", tags=[PB], en_alt=["Andrei Andreev"],
           d="1895–1971. Central Committee secretary, People's Commissar of Railways (1931–1935) and chairman "
             "of the Party Control Commission (1939–1952); Politburo member 1932–1952.",
           see=["komissiia-partiinogo-kontrolia"]),
    person("Шкирятов", "Матвей", "Фёдорович", "Matvei Shkiryatov",
           d="1883–1954. Leading official of the Central Control Commission and of the Party Control Commission, "
             "which he chaired from 1952; handled expulsions during the Terror.",
           see=["komissiia-partiinogo-kontrolia", "partiinaia-chistka"]),
    person("Мехлис", "Лев", "Захарович", "Lev Mekhlis", s=[P, M],
           d="1889–1953. Stalin's assistant, editor of Pravda (1930–1937) and head of the Red Army's Political "
             "Directorate (1937–1940); later People's Commissar and Minister of State Control.",
           see=["pravda-gazeta", "krasnaia-armiia"]),
    person("Поскрёбышев", "Александр", "Николаевич", "Alexander Poskrebyshev",
           d="1891–1965. Head of Stalin's personal secretariat, the Special Sector of the Central Committee, "
             "from the late 1920s to 1952.",
           see=["stalin-iosif", "sekretariat-tsk"]),
    person("Абакумов", "Виктор", "Семёнович", "Viktor Abakumov", s=SEC, tags=[EX],
           d="1908–1954. Head of SMERSH (1943–1946) and Minister of State Security (1946–1951); arrested in "
             "1951 and shot in December 1954.",
           see=["smersh", "mgb", "leningradskoe-delo"]),
    person("Меркулов", "Всеволод", "Николаевич", "Vsevolod Merkulov", s=SEC, tags=[EX],
           d="1895–1953. Beria's deputy; People's Commissar, then Minister of State Security (1941, 1943–1946); "
             "shot with Beria's associates in December 1953.",
           see=["nkgb", "mgb", "beriia-lavrentii"]),
    person("Вознесенский", "Николай", "Алексеевич", "Nikolai Voznesensky", s=[P, "economy"], tags=[PB, EX],
           d="1903–1950. Economist, chairman of Gosplan (1938–1941, 1942–1949) and Politburo member "
             "(1947–1949); shot in the Leningrad Affair.",
           see=["gosplan", "leningradskoe-delo"]),
    person("Кузнецов", "Алексей", "Александрович", "Alexei Kuznetsov", tags=[EX],
           d="1905–1950. Party secretary in Leningrad during the siege and Central Committee secretary "
             "(1946–1949); shot in the Leningrad Affair.",
           see=["leningradskoe-delo", "blokada-leningrada"]),
    person("Булганин", "Николай", "Александрович", "Nikolai Bulganin", s=[P, S], tags=[PB],
           d="1895–1975. Minister of the Armed Forces and of Defence (1947–1949, 1953–1955); Chairman of the "
             "Council of Ministers 1955–1958.",
           see=["sovet-ministrov"]),
    person("Суслов", "Михаил", "Андреевич", "Mikhail Suslov", tags=[PB],
           d="1902–1982. Central Committee secretary from 1947 until his death, the party's chief ideologist.",
           see=["sekretariat-tsk"]),
    person("Брежнев", "Леонид", "Ильич", "Leonid Brezhnev", tags=[PB],
           d="1906–1982. First Secretary (1964–1966), then General Secretary (1966–1982) of the Central "
             "Committee.",
           see=["generalnyi-sekretar", "zastoi"]),
    person("Косыгин", "Алексей", "Николаевич", "Alexei Kosygin", s=[P, S], tags=[PB],
           d="1904–1980. Chairman of the Council of Ministers 1964–1980.",
           see=["sovet-ministrov"]),
    person("Андропов", "Юрий", "Владимирович", "Yuri Andropov", s=[P, SEC], tags=[PB],
           d="1914–1984. Chairman of the KGB 1967–1982 and General Secretary 1982–1984.",
           see=["kgb", "generalnyi-sekretar"]),
    person("Черненко", "Константин", "Устинович", "Konstantin Chernenko", tags=[PB],
           d="1911–1985. General Secretary 1984–1985.",
           see=["generalnyi-sekretar"]),
    person("Горбачёв", "Михаил", "Сергеевич", "Mikhail Gorbachev", tags=[PB],
           en_bad=[("Gorbachov", "older British spelling")],
           d="1931–2022. General Secretary 1985–1991 and President of the USSR 1990–1991; initiator of "
             "perestroika and glasnost.",
           see=["perestroika", "glasnost"]),
    person("Ельцин", "Борис", "Николаевич", "Boris Yeltsin", s=[P, S],
           d="1931–2007. Moscow party chief (1985–1987), chairman of the Supreme Soviet of the RSFSR "
             "(1990–1991) and first President of Russia (1991–1999).",
           see=["rsfsr", "gorbachev-mikhail"]),
    person("Шолохов", "Михаил", "Александрович", "Mikhail Sholokhov", s=CU,
           d="1905–1984. Novelist, author of Quiet Flows the Don (Тихий Дон); Nobel Prize in Literature 1965.",
           see=["soiuz-pisatelei"]),
    person("Горький", "Максим", None, "Maxim Gorky", s=CU, tags=[PS], ru_alt=["Пешков Алексей Максимович"],
           en_alt=["Maksim Gorky"], en_bad=[("Gorki", "older spelling")],
           d="1868–1936. Pen name of Aleksei Maksimovich Peshkov. Writer who settled in the USSR again in the "
             "early 1930s and presided over the founding of the Union of Soviet Writers in 1934.",
           see=["soiuz-pisatelei", "sotsrealizm", "belomorkanal"]),
    person("Пастернак", "Борис", "Леонидович", "Boris Pasternak", s=CU,
           d="1890–1960. Poet and novelist; Doctor Zhivago, published abroad in 1957; forced to decline the "
             "Nobel Prize in 1958.",
           see=["ottepel"]),
    person("Мандельштам", "Осип", "Эмильевич", "Osip Mandelstam", s=CU, tags=[DC], en_alt=["Mandelshtam"],
           d="1891–1938. Poet; arrested in 1934 for an epigram on Stalin and exiled to Voronezh; arrested again "
             "in 1938 and died in a transit camp near Vladivostok.",
           see=["akhmatova-anna", "gulag"]),
    person("Ахматова", "Анна", "Андреевна", "Anna Akhmatova", s=CU, female=True, tags=[PS],
           ru_alt=["Горенко Анна Андреевна"],
           d="1889–1966. Poet (born Gorenko), author of Requiem on the Terror; attacked in the Central "
             "Committee decree of August 1946.",
           see=["zhdanovshchina", "mandelshtam-osip"]),
    person("Солженицын", "Александр", "Исаевич", "Aleksandr Solzhenitsyn", s=CU, en_alt=["Alexander Solzhenitsyn"],
           d="1918–2008. Writer and former camp prisoner: One Day in the Life of Ivan Denisovich (1962), The "
             "Gulag Archipelago (1973); Nobel Prize 1970; expelled from the USSR in 1974.",
           see=["arkhipelag-gulag", "novyi-mir", "gulag"]),
    person("Лысенко", "Трофим", "Денисович", "Trofim Lysenko", s=[CU, "economy"],
           d="1898–1976. Agronomist who rejected genetics; president of VASKhNIL (1938–1956, 1961–1962), whose "
             "session of 1948 banned genetics.",
           see=["vaskhnil", "vavilov-nikolai"]),
    person("Вавилов", "Николай", "Иванович", "Nikolai Vavilov", s=CU, tags=[DC],
           d="1887–1943. Geneticist and plant breeder, president of VASKhNIL (1929–1935); arrested in 1940, died "
             "in Saratov prison.",
           see=["vaskhnil", "lysenko-trofim"]),
    person("Стаханов", "Алексей", "Григорьевич", "Alexei Stakhanov", s="economy",
           d="1906–1977. Donbass coal miner whose shift of 31 August 1935 (102 tonnes of coal) gave its name to "
             "the Stakhanovite movement.",
           see=["stakhanovets", "stakhanovskoe-dvizhenie"]),
    person("Фрунзе", "Михаил", "Васильевич", "Mikhail Frunze", s=M,
           d="1885–1925. Civil War commander; succeeded Trotsky as People's Commissar for Military and Naval "
             "Affairs in 1925; died after surgery in October 1925.",
           see=["trotskii-lev", "krasnaia-armiia"]),
    person("Свердлов", "Яков", "Михайлович", "Yakov Sverdlov", s=[P, S],
           d="1885–1919. Chairman of the VTsIK (1917–1919) and organizer of the party Secretariat; died in "
             "March 1919.",
           see=["vtsik", "sverdlovsk"]),
    person("Луначарский", "Анатолий", "Васильевич", "Anatoly Lunacharsky", s=[S, CU],
           en_bad=[("Lunacharski", "older spelling")],
           d="1875–1933. People's Commissar of Enlightenment (Education) 1917–1929.",
           see=["narkom"]),
    person("Литвинов", "Максим", "Максимович", "Maxim Litvinov", s=S, en_bad=[("Litvinoff", "spelling of the 1930s press")],
           d="1876–1951. People's Commissar of Foreign Affairs 1930–1939, advocate of collective security; "
             "ambassador to the United States 1941–1943.",
           see=["narkomindel", "chicherin-georgii", "molotov-viacheslav"]),
    person("Чичерин", "Георгий", "Васильевич", "Georgy Chicherin", s=S,
           en_bad=[("Tchitcherin", "French-style spelling of the 1920s")],
           d="1872–1936. People's Commissar of Foreign Affairs 1918–1930.",
           see=["narkomindel", "litvinov-maksim"]),
    person("Куйбышев", "Валериан", "Владимирович", "Valerian Kuibyshev", s=[P, "economy"], tags=[PB],
           en_alt=["Valerian Kuybyshev"],
           d="1888–1935. Chairman of the VSNKh (1926–1930) and of Gosplan (1930–1934); Politburo member from "
             "1927.",
           see=["vsnkh", "gosplan"]),
    person("Кржижановский", "Глеб", "Максимилианович", "Gleb Krzhizhanovsky", s="economy",
           d="1872–1959. Chairman of the GOELRO electrification commission (1920) and of Gosplan (1921–1923, "
             "1925–1930).",
           see=["gosplan"]),
    person("Жуков", "Георгий", "Константинович", "Georgy Zhukov", s=M, tags=[PB],
           d="1896–1974. Marshal of the Soviet Union (1943), commander in the Great Patriotic War; Minister of "
             "Defence 1955–1957.",
           see=["velikaia-otechestvennaia-voina", "marshal-sovetskogo-soiuza"]),
    person("Тимошенко", "Семён", "Константинович", "Semyon Timoshenko", s=M,
           d="1895–1970. Marshal of the Soviet Union (1940); People's Commissar of Defence 1940–1941.",
           see=["marshal-sovetskogo-soiuza"]),
    person("Шапошников", "Борис", "Михайлович", "Boris Shaposhnikov", s=M,
           d="1882–1945. Marshal of the Soviet Union (1940); chief of the Red Army Staff and General Staff "
             "(1928–1931, 1937–1940, 1941–1942).",
           see=["marshal-sovetskogo-soiuza"]),
    person("Гамарник", "Ян", "Борисович", "Yan Gamarnik", s=M, tags=["suicide"],
           d="1894–1937. Head of the Political Directorate of the Red Army (1929–1937) and deputy People's "
             "Commissar of Defence; shot himself on 31 May 1937 on the eve of arrest.",
           see=["delo-voennykh", "krasnaia-armiia"]),
    person("Рютин", "Мартемьян", "Никитич", "Martemyan Ryutin", tags=[EX],
           d="1890–1937. Former Moscow raikom secretary who in 1932 wrote a platform calling for Stalin's "
             "removal (the 'Riutin platform'); shot in 1937.",
           see=["raikom", "stalin-iosif"]),
    person("Ульрих", "Василий", "Васильевич", "Vasily Ulrikh", s=SEC, en_alt=["Vasili Ulrich"],
           d="1889–1951. Chairman of the Military Collegium of the Supreme Court (1926–1948), who presided over "
             "the Moscow Trials.",
           see=["voennaia-kollegiia", "moskovskie-protsessy"]),
    person("Енукидзе", "Авель", "Сафронович", "Avel Yenukidze", s=[P, S], tags=[EX], en_alt=["Avel Enukidze"],
           d="1877–1937. Secretary of the Presidium of the TsIK (1922–1935); expelled in 1935 and shot in 1937.",
           see=["tsik"]),
    person("Крестинский", "Николай", "Николаевич", "Nikolai Krestinsky", s=[P, S], tags=[PB, EX],
           d="1883–1938. Central Committee secretary (1919–1921), People's Commissar of Finance and envoy to "
             "Germany; defendant at the third Moscow Trial, shot in 1938.",
           see=["moskovskie-protsessy"]),
    person("Бубнов", "Андрей", "Сергеевич", "Andrei Bubnov", s=[P, CU], tags=[EX],
           d="1884–1938. Head of the Red Army's Political Directorate (1924–1929) and People's Commissar of "
             "Education of the RSFSR (1929–1937); shot in 1938.",
           see=["krupskaia-nadezhda"]),
    person("Шверник", "Николай", "Михайлович", "Nikolai Shvernik", s=[P, S], tags=[PB],
           d="1888–1970. Head of the trade unions (VTsSPS, 1930–1944, 1953–1956) and chairman of the Presidium "
             "of the Supreme Soviet (1946–1953).",
           see=["vtssps", "verkhovnyi-sovet"]),
    person("Крыленко", "Николай", "Васильевич", "Nikolai Krylenko", s=[SEC, S], tags=[EX],
           d="1885–1938. Supreme Commander in 1917–1918, chief prosecutor at the show trials of the 1920s and "
             "People's Commissar of Justice (1931–1938); shot in 1938.",
           see=["shakhtinskoe-delo", "pokazatelnyi-protsess"]),
    person("Смирнов", "Иван", "Никитич", "Ivan Smirnov", tags=[EX],
           d="1881–1936. Civil War leader in Siberia and People's Commissar of Posts and Telegraphs; defendant "
             "at the first Moscow Trial, shot in 1936.",
           see=["moskovskie-protsessy", "levaia-oppozitsiia"]),
    person("Игнатьев", "Семён", "Денисович", "Semyon Ignatiev", s=SEC, en_alt=["Semyon Ignatyev"],
           d="1904–1983. Minister of State Security 1951–1953, in charge during the Doctors' Plot.",
           see=["mgb", "delo-vrachei"]),
    person("Фриновский", "Михаил", "Петрович", "Mikhail Frinovsky", s=SEC, tags=[EX],
           d="1898–1940. First deputy People's Commissar for Internal Affairs under Yezhov (1937–1938), then "
             "People's Commissar of the Navy; shot in 1940.",
           see=["ezhov-nikolai", "nkvd"]),
    person("Берман", "Матвей", "Давыдович", "Matvei Berman", s=SEC, tags=[EX],
           d="1898–1939. Head of the Gulag (1932–1937); shot in 1939.",
           see=["gulag"]),
    person("Френкель", "Нафталий", "Аронович", "Naftaly Frenkel", s=SEC,
           d="1883–1960. Former prisoner who rose to direct camp construction (the White Sea Canal, the NKVD's "
             "railway-building camps); associated with tying camp rations to output.",
           see=["belomorkanal", "gulag"]),
    person("Николаев", "Леонид", "Васильевич", "Leonid Nikolaev", s=SEC, tags=[EX],
           d="1904–1934. Party member who shot Kirov on 1 December 1934; shot on 29 December 1934.",
           see=["ubiistvo-kirova", "kirov-sergei"]),
    person("Косарев", "Александр", "Васильевич", "Alexander Kosarev", tags=[EX],
           d="1903–1939. First secretary of the Komsomol Central Committee (1929–1938); shot in 1939.",
           see=["komsomol"]),
    person("Шляпников", "Александр", "Гаврилович", "Alexander Shlyapnikov", tags=[EX],
           d="1885–1937. First People's Commissar of Labour (1917–1918) and leader of the Workers' Opposition; "
             "shot in 1937.",
           see=["rabochaia-oppozitsiia", "kollontai-aleksandra"]),
    person("Преображенский", "Евгений", "Алексеевич", "Yevgeni Preobrazhensky", s=[P, "economy"], tags=[EX],
           en_alt=["Evgenii Preobrazhensky"],
           d="1886–1937. Economist of the Left Opposition, theorist of 'primitive socialist accumulation'; shot "
             "in 1937.",
           see=["levaia-oppozitsiia", "industrializatsiia"]),
    person("Чаянов", "Александр", "Васильевич", "Alexander Chayanov", s="economy", tags=[EX],
           d="1888–1937. Agrarian economist of the peasant family farm; arrested in 1930 in the 'Labouring "
             "Peasant Party' case, shot in 1937.",
           see=["kondratev-nikolai", "kollektivizatsiia"]),
    person("Кондратьев", "Николай", "Дмитриевич", "Nikolai Kondratiev", s="economy", tags=[EX],
           en_alt=["Nikolai Kondratyev"],
           d="1892–1938. Economist known for long cycles of the world economy; arrested in 1930, shot in 1938.",
           see=["chaianov-aleksandr", "nep"]),
    person("Дыбенко", "Павел", "Ефимович", "Pavel Dybenko", s=M, tags=[EX],
           d="1889–1938. Leader of the Baltic Fleet sailors in 1917, member of the first Sovnarkom and Red Army "
             "commander; shot in 1938.",
           see=["kollontai-aleksandra", "krasnaia-armiia"]),
    person("Шостакович", "Дмитрий", "Дмитриевич", "Dmitri Shostakovich", s=CU, en_alt=["Dmitry Shostakovich"],
           d="1906–1975. Composer; his opera Lady Macbeth of the Mtsensk District was condemned in Pravda's "
             "editorial 'Muddle Instead of Music' (28 January 1936).",
           see=["pravda-gazeta", "zhdanovshchina"]),
    person("Булгаков", "Михаил", "Афанасьевич", "Mikhail Bulgakov", s=CU,
           d="1891–1940. Writer and playwright (The Days of the Turbins; The Master and Margarita, published "
             "1966–1967).",
           see=["soiuz-pisatelei"]),
    person("Маяковский", "Владимир", "Владимирович", "Vladimir Mayakovsky", s=CU, tags=["suicide"],
           d="1893–1930. Futurist poet of the revolution; shot himself in April 1930.",
           see=["oktiabrskaia-revoliutsiia"]),
    person("Эйзенштейн", "Сергей", "Михайлович", "Sergei Eisenstein", s=CU,
           d="1898–1948. Film director (Battleship Potemkin, 1925; Ivan the Terrible).",
           see=[]),
    person("Бабель", "Исаак", "Эммануилович", "Isaac Babel", s=CU, tags=[EX],
           d="1894–1940. Writer (Red Cavalry); arrested in 1939 and shot in 1940.",
           see=["budennyi-semen", "meierkhold-vsevolod"]),
    person("Мейерхольд", "Всеволод", "Эмильевич", "Vsevolod Meyerhold", s=CU, tags=[EX],
           d="1874–1940. Theatre director whose theatre was closed in 1938; arrested in 1939 and shot in 1940.",
           see=["babel-isaak", "koltsov-mikhail"]),
    person("Кольцов", "Михаил", "Ефимович", "Mikhail Koltsov", s=[CU, "press"], tags=[EX],
           d="1898–1940. Pravda journalist and editor, correspondent in the Spanish Civil War; arrested in "
             "1938, shot in 1940.",
           see=["pravda-gazeta", "meierkhold-vsevolod"]),
]
