"""Messages from the domain - the gateway's refusals, limits, purposes, sign-in - in Kazakh and Russian on the
pages. The error tree speaks English (what, why, fix); each message it raises to a user is matched here by its
shape, and its values (a table, a function, a number) are carried over. A message without a shape here stays
English; tests/test_web.py fails on any such message the bypass corpus and the views produce."""

from __future__ import annotations

import re

_SHAPES: list[tuple[str, str, str]] = [  # (English, Kazakh, Russian); {name} are the carried values
    # what
    ("query refused", "сұрау қабылданбады", "запрос отклонён"),
    ("query", "сұрау", "запрос"),
    ("audit log", "аудит журналы", "журнал аудита"),
    ("sign-in", "кіру", "вход"),
    ("purpose", "мақсат", "цель"),
    ("person view", "адам картасы", "карточка человека"),
    ("family card", "отбасы картасы", "карта семьи"),
    ("linkage review", "байланыстыруды тексеру", "проверка связывания"),
    ("form", "пішін", "форма"),
    ("cases", "істер", "дела"),
    ("SQL console", "SQL консолі", "SQL-консоль"),
    ("policy", "саясат", "политика"),
    ("sources", "дереккөздер", "источники"),
    ("local model", "жергілікті модель", "локальная модель"),
    ("user '{name}'", "'{name}' пайдаланушысы", "пользователь '{name}'"),
    ("case {n}", "{n}-іс", "дело {n}"),
    # why: the guard (gateway.guard)
    ("{kind} is not a query; only SELECT is allowed", "{kind} - сұрау емес; тек SELECT рұқсат етіледі",
     "{kind} - не запрос; разрешён только SELECT"),
    ("{n} statements; the gateway runs exactly one query at a time",
     "{n} нұсқаулық; шлюз бір мезетте бір ғана сұрауды орындайды",
     "{n} инструкций; шлюз выполняет ровно один запрос за раз"),
    ("{t} is a table function; only catalogued tables can be read",
     "{t} - кесте функциясы; тек каталогтағы кестелерді оқуға болады",
     "{t} - табличная функция; читать можно только таблицы каталога"),
    ("{t} names another database", "{t} басқа дерекқорды көрсетеді", "{t} указывает на другую базу данных"),
    ("table {t} is not in the catalog", "{t} кестесі каталогта жоқ", "таблицы {t} нет в каталоге"),
    ("function {f}() is not allowed", "{f}() функциясына рұқсат жоқ", "функция {f}() запрещена"),
    ("{node} ({kind}) is not part of the SQL the gateway accepts",
     "{node} ({kind}) шлюз қабылдайтын SQL құрамына кірмейді",
     "{node} ({kind}) не входит в SQL, который принимает шлюз"),
    ("star modifiers (EXCLUDE, REPLACE, RENAME) are not allowed",
     "жұлдызша модификаторларына (EXCLUDE, REPLACE, RENAME) рұқсат жоқ",
     "модификаторы звёздочки (EXCLUDE, REPLACE, RENAME) запрещены"),
    ("{v} is not allowed here", "{v} бұл жерде рұқсат етілмейді", "{v} здесь не допускается"),
    ("{j}: only INNER, LEFT, RIGHT, FULL and CROSS joins are allowed",
     "{j}: тек INNER, LEFT, RIGHT, FULL және CROSS біріктірулеріне рұқсат бар",
     "{j}: разрешены только соединения INNER, LEFT, RIGHT, FULL и CROSS"),
    ("DISTINCT ON is not allowed", "DISTINCT ON-ға рұқсат жоқ", "DISTINCT ON запрещён"),
    ("a cast to {t} is not allowed", "{t} түріне түрлендіруге рұқсат жоқ", "приведение к типу {t} запрещено"),
    ("recursive CTEs are not allowed", "рекурсивті CTE-ге рұқсат жоқ", "рекурсивные CTE запрещены"),
    ("{t}: time travel, sampling and pivots are not allowed",
     "{t}: уақыт бойынша саяхатқа, іріктеуге және бұруға (PIVOT) рұқсат жоқ",
     "{t}: переход по версиям, выборки и развороты (PIVOT) запрещены"),
    ("the alias {a} names two relations", "{a} бүркеншік атауы екі қатынасқа берілген",
     "псевдоним {a} дан двум отношениям"),
    ("{c} is not a column of a table in the query", "{c} - сұраудағы кестенің бағаны емес",
     "{c} - не столбец таблицы из запроса"),
    ("it is not SQL ukimet understands ({e})", "бұл ukimet түсінетін SQL емес ({e})",
     "это не тот SQL, который понимает ukimet ({e})"),
    ("it could not be resolved against the catalog ({e})", "оны каталог бойынша анықтау мүмкін болмады ({e})",
     "его не удалось сопоставить с каталогом ({e})"),
    # why: aggregates without a purpose (gateway.private_aggregate)
    ("without a purpose a query must be one SELECT (UNION, INTERSECT and EXCEPT are not aggregates)",
     "мақсатсыз сұрау бір ғана SELECT болуы керек (UNION, INTERSECT және EXCEPT агрегат емес)",
     "без цели запрос должен быть одним SELECT (UNION, INTERSECT и EXCEPT - не агрегаты)"),
    ("without a purpose a query reads one table, with no joins, CTEs or subqueries (they could count one person "
     "many times)", "мақсатсыз сұрау біріктірусіз, CTE-сіз және ішкі сұраусыз бір ғана кестені оқиды (олар бір "
     "адамды бірнеше рет санауы мүмкін)", "без цели запрос читает одну таблицу, без соединений, CTE и вложенных "
     "запросов (они могут учесть одного человека много раз)"),
    ("without a purpose a query reads one catalogued table", "мақсатсыз сұрау каталогтағы бір ғана кестені оқиды",
     "без цели запрос читает одну таблицу каталога"),
    ("HAVING and window functions are not allowed without a purpose",
     "мақсатсыз HAVING мен терезе функцияларына рұқсат жоқ", "без цели HAVING и оконные функции запрещены"),
    ("SELECT DISTINCT lists values; without a purpose only aggregates are answered",
     "SELECT DISTINCT мәндерді тізіп шығарады; мақсатсыз тек агрегаттарға жауап беріледі",
     "SELECT DISTINCT перечисляет значения; без цели ответ даётся только на агрегаты"),
    ("without a purpose only aggregates are answered (count, sum, avg)",
     "мақсатсыз тек агрегаттарға жауап беріледі (count, sum, avg)",
     "без цели ответ даётся только на агрегаты (count, sum, avg)"),
    ("{c} is neither aggregated nor a GROUP BY key; without a purpose only aggregates are answered",
     "{c} агрегатталмаған және GROUP BY кілті емес; мақсатсыз тек агрегаттарға жауап беріледі",
     "{c} не агрегирован и не является ключом GROUP BY; без цели ответ даётся только на агрегаты"),
    ("{c} is hidden from the role '{r}', also in aggregates", "{c} '{r}' рөлінен жасырылған, агрегаттарда да",
     "{c} скрыт от роли '{r}', в том числе в агрегатах"),
    ("grouping by {c} ({k}) makes a group of one person",
     "{c} ({k}) бойынша топтау бір адамнан тұратын топ жасайды",
     "группировка по {c} ({k}) даёт группу из одного человека"),
    ("an aggregate inside WHERE", "WHERE ішіндегі агрегат", "агрегат внутри WHERE"),
    ("GROUP BY {g} is not a row value", "GROUP BY {g} - жолдың мәні емес", "GROUP BY {g} - не значение строки"),
    ("ORDER BY {c}: only outputs and GROUP BY keys can order an aggregate",
     "ORDER BY {c}: агрегатты тек нәтиже бағандары мен GROUP BY кілттері бойынша сұрыптауға болады",
     "ORDER BY {c}: агрегат можно сортировать только по выходным столбцам и ключам GROUP BY"),
    ("ORDER BY an aggregate that is not an output", "нәтижеде жоқ агрегат бойынша ORDER BY",
     "ORDER BY по агрегату, которого нет среди выходных столбцов"),
    ("{f}() cannot be answered with a privacy guarantee (it returns or tests one person's value, or its spread is "
     "unbounded)", "{f}() функциясына құпиялылық кепілдігімен жауап беру мүмкін емес (ол бір адамның мәнін "
     "қайтарады не тексереді, немесе оның шашырауы шектелмеген)", "на {f}() нельзя ответить с гарантией "
     "приватности (функция возвращает или проверяет значение одного человека либо её разброс не ограничен)"),
    ("FILTER (WHERE ...) inside an aggregate", "агрегат ішіндегі FILTER (WHERE ...)",
     "FILTER (WHERE ...) внутри агрегата"),
    ("count(DISTINCT ...) of anything but one column", "count(DISTINCT ...) бір бағаннан басқа нәрсеге қолданылған",
     "count(DISTINCT ...) применён не к одному столбцу"),
    ("count({a}): an aggregate reads a bare column", "count({a}): агрегат тек бағанның өзін оқиды",
     "count({a}): агрегат читает только сам столбец"),
    ("{f}({a}): sums and averages read a bare column whose bounds are declared (an expression inside an aggregate "
     "has no known bounds)", "{f}({a}): сома мен орта мән тек шектері көрсетілген бағанның өзін оқиды (агрегат "
     "ішіндегі өрнектің шектері белгісіз)", "{f}({a}): суммы и средние читают только сам столбец с объявленными "
     "границами (у выражения внутри агрегата границы неизвестны)"),
    ("{c} has no declared bounds, so its {f} cannot be answered with a privacy guarantee",
     "{c} бағанының көрсетілген шектері жоқ, сондықтан оның {f} мәніне құпиялылық кепілдігімен жауап беру мүмкін емес",
     "у {c} нет объявленных границ, поэтому на его {f} нельзя ответить с гарантией приватности"),
    ("its outputs could not be computed from the released values",
     "оның нәтижелерін жарияланған мәндерден есептеу мүмкін болмады",
     "его результаты не удалось вычислить по опубликованным значениям"),
    ("the privacy budget is spent: an answer costs epsilon {e} and the role '{r}' has spent its {total} for today",
     "құпиялылық бюджеті таусылды: бір жауап эпсилон {e} тұрады, ал '{r}' рөлі бүгінгі {total} бюджетін жұмсап "
     "қойды", "бюджет приватности исчерпан: ответ стоит эпсилон {e}, а роль '{r}' уже израсходовала свои {total} "
     "на сегодня"),
    ("the privacy budget is spent: an answer costs epsilon {e} and {u} has {left} of {total} left today",
     "құпиялылық бюджеті таусылды: бір жауап эпсилон {e} тұрады, ал {u} үшін бүгін {total} ішінен {left} қалды",
     "бюджет приватности исчерпан: ответ стоит эпсилон {e}, а у {u} на сегодня осталось {left} из {total}"),
    ("one answer would spend epsilon {e}, more than the {m} one answer may",
     "бір жауап эпсилон {e} жұмсар еді, бұл бір жауапқа рұқсат етілген {m} мөлшерінен көп",
     "один ответ израсходовал бы эпсилон {e}, больше допустимых для одного ответа {m}"),
    ("ask for fewer measures at once", "бір сұрауда азырақ көрсеткіш сұраңыз",
     "запрашивайте меньше показателей за раз"),
    # why: person-level answers (gateway.persons, gateway.api)
    ("the persons behind its rows cannot be traced ({e})",
     "оның жолдарының артындағы адамдарды анықтау мүмкін емес ({e})",
     "невозможно установить людей, стоящих за его строками ({e})"),
    ("a person-level plan without its persons' trace", "адамдар деңгейіндегі жоспарда оның адамдарын қадағалау жоқ",
     "в плане на уровне людей нет отслеживания этих людей"),
    ("its rows could not be matched to the persons behind them (an order that is not total, or a LIMIT without "
     "ORDER BY)", "оның жолдарын артындағы адамдармен сәйкестендіру мүмкін болмады (толық емес реттеу немесе "
     "ORDER BY-сыз LIMIT)", "его строки не удалось сопоставить со стоящими за ними людьми (неполный порядок или "
     "LIMIT без ORDER BY)"),
    ("the result is about {size} bytes, more than a query may return ({most})",
     "нәтиже шамамен {size} байт, бұл бір сұрау қайтара алатыннан көп ({most})",
     "результат занимает около {size} байт - больше, чем может вернуть запрос ({most})"),
    # why: the engine and the gateway itself (gateway.api)
    ("a value could not be converted to the type asked for", "мән сұралған түрге түрлендірілмеді",
     "значение не удалось преобразовать в запрошенный тип"),
    ("a number or date went out of range", "сан немесе күн рұқсат етілген ауқымнан шығып кетті",
     "число или дата вышли за допустимый диапазон"),
    ("an input was invalid (a division by zero, a bad format ...)",
     "кіріс деректер жарамсыз (нөлге бөлу, қате формат ...)",
     "недопустимые входные данные (деление на ноль, неверный формат ...)"),
    ("it ran longer than a query may (the query_timeout setting)",
     "ол сұрауға рұқсат етілген уақыттан ұзақ орындалды (query_timeout баптауы)",
     "он выполнялся дольше, чем разрешено запросу (настройка query_timeout)"),
    ("it needed more memory than a query may use (the query_memory_limit setting)",
     "оған сұрауға рұқсат етілгеннен көп жад қажет болды (query_memory_limit баптауы)",
     "ему потребовалось больше памяти, чем может использовать запрос (настройка query_memory_limit)"),
    ("a name or type could not be bound", "атауды немесе түрді байланыстыру мүмкін болмады",
     "не удалось связать имя или тип"),
    ("the engine could not run it", "қозғалтқыш оны орындай алмады", "движок не смог его выполнить"),
    ("the gateway could not carry it out ({e})", "шлюз оны орындай алмады ({e})", "шлюз не смог его выполнить ({e})"),
    # why: roles, purposes, persons, limits, the log
    ("{t} has no {a} column, and the role '{r}' sees only rows of its {b}",
     "{t} кестесінде {a} бағаны жоқ, ал '{r}' рөлі тек өз өңірінің жолдарын көреді",
     "в {t} нет столбца {a}, а роль '{r}' видит только строки своего региона"),
    ("the role '{r}' may not combine {kinds} in one query", "'{r}' рөлі бір сұрауда {kinds} біріктіре алмайды",
     "роли '{r}' нельзя сочетать {kinds} в одном запросе"),
    ("the role '{r}' may not query", "'{r}' рөлі сұрау жасай алмайды", "роли '{r}' нельзя выполнять запросы"),
    ("the role '{r}' may not review linkage pairs", "'{r}' рөлі байланыстыру жұптарын тексере алмайды",
     "роли '{r}' нельзя проверять пары связывания"),
    ("the role '{r}' may not read the audit log", "'{r}' рөлі аудит журналын оқи алмайды",
     "роли '{r}' нельзя читать журнал аудита"),
    ("the role '{r}' may not edit the policy", "'{r}' рөлі саясатты өзгерте алмайды",
     "роли '{r}' нельзя менять политику"),
    ("the role '{r}' does not work cases", "'{r}' рөлі істермен жұмыс істемейді", "роль '{r}' не работает с делами"),
    ("the role '{r}' may not work cases", "'{r}' рөлі істермен жұмыс істей алмайды", "роли '{r}' нельзя вести дела"),
    ("the role '{r}' may not open cases", "'{r}' рөлі іс аша алмайды", "роли '{r}' нельзя открывать дела"),
    ("the role '{r}' has no SQL console", "'{r}' рөлінде SQL консолі жоқ", "у роли '{r}' нет SQL-консоли"),
    ("the role '{r}' has no sources page", "'{r}' рөлінде дереккөздер беті жоқ",
     "у роли '{r}' нет страницы источников"),
    ("it shows persons and needs a declared purpose", "онда адамдар көрсетіледі, сондықтан мақсат көрсетілуі керек",
     "здесь показываются люди, поэтому нужна заявленная цель"),
    ("the role '{r}' needs a declared purpose with a case or a legal basis",
     "'{r}' рөліне іс нөмірі немесе құқықтық негізі бар мақсат керек",
     "роли '{r}' нужна заявленная цель с делом или правовым основанием"),
    ("it has no text", "онда мәтін жоқ", "в ней нет текста"),
    ("{n} days is not a valid term", "{n} күн - жарамды мерзім емес", "срок в {n} дней недопустим"),
    ("P-{n} expired on {d}", "P-{n} мақсатының мерзімі {d} аяқталды", "срок цели P-{n} истёк {d}"),
    ("P-{n} is not a purpose {u} declared", "P-{n} - {u} көрсеткен мақсат емес", "P-{n} - не цель, заявленная {u}"),
    ("P-{n} names neither a case nor a legal basis", "P-{n} мақсатында іс те, құқықтық негіз де көрсетілмеген",
     "в цели P-{n} не указаны ни дело, ни правовое основание"),
    ("no linked person with that IIN is within what you may see",
     "сізге көруге рұқсат етілген деректер ішінде бұл ЖСН бар байланыстырылған адам жоқ",
     "среди доступных вам данных нет связанного человека с таким ИИН"),
    ("no family {f} is in the mart (or in your region)", "{f} отбасы жоқ (немесе сіздің өңіріңізде емес)",
     "семьи {f} нет (или она не в вашем регионе)"),
    ("you are not signed in, or the session has expired", "сіз кірмегенсіз немесе сессия мерзімі өтті",
     "вы не вошли в систему или сессия истекла"),
    ("the name or the password is wrong", "аты немесе құпиясөз қате", "неверное имя или пароль"),
    ("it did not come from this site's page", "ол осы сайттың бетінен жіберілмеген",
     "она отправлена не со страницы этого сайта"),
    ("it would take {u} past {n} persons today: bulk access is blocked and reported",
     "бұл {u} үшін бүгін {n} адамнан асады: жаппай қол жеткізу бұғатталды және хабарланды",
     "это превысит для {u} {n} человек за сегодня: массовый доступ заблокирован, о нём сообщено"),
    ("{u} has read {n} rows today, the daily limit of the role '{r}'",
     "{u} бүгін {n} жол оқыды - '{r}' рөлінің күндік шегі",
     "{u} прочитал сегодня {n} строк - дневной предел роли '{r}'"),
    ("it cannot be reached ({e})", "оған қол жеткізу мүмкін емес ({e})", "он недоступен ({e})"),
    ("it cannot be written ({e})", "оған жазу мүмкін емес ({e})", "в него нельзя записать ({e})"),
    ("the entry could not be written ({e})", "жазбаны жазу мүмкін болмады ({e})", "запись не удалось сохранить ({e})"),
    ("the entry could not be committed ({e})", "жазбаны бекіту мүмкін болмады ({e})",
     "запись не удалось зафиксировать ({e})"),
    ("there is no such case", "мұндай іс жоқ", "такого дела нет"),
    ("it is {a}, and a {b} case cannot become {c}", "іс {a} күйінде, ол {c} бола алмайды",
     "дело в статусе {a} и не может стать {c}"),
    # the policy editor
    ("policy file", "саясат файлы", "файл политики"),
    ("policy change", "саясатты өзгерту", "изменение политики"),
    ("policy [privacy]", "саясаттың [privacy] бөлімі", "раздел [privacy] политики"),
    ("policy [privacy] rows_per_unit.{t}", "саясаттың [privacy] бөлімі, rows_per_unit.{t}",
     "раздел [privacy] политики, rows_per_unit.{t}"),
    ("policy [privacy] bounds.{c}", "саясаттың [privacy] бөлімі, bounds.{c}", "раздел [privacy] политики, bounds.{c}"),
    ("policy role '{r}' {key}", "саясаттағы '{r}' рөлі, {key}", "роль '{r}' в политике, {key}"),
    ("policy role {r}", "саясаттағы {r} рөлі", "роль {r} в политике"),
    ("role {r} {key}", "{r} рөлі, {key}", "роль {r}, {key}"),
    ("role {r}", "{r} рөлі", "роль {r}"),
    ("it is not valid TOML ({e})", "бұл дұрыс TOML емес ({e})", "это некорректный TOML ({e})"),
    ("unknown keys {keys}", "белгісіз кілттер {keys}", "неизвестные ключи {keys}"),
    ("unknown tables {t}", "белгісіз кестелер {t}", "неизвестные таблицы {t}"),
    ("{value} is not one of {allowed}", "{value} мына мәндердің бірі емес: {allowed}",
     "{value} не входит в допустимые значения: {allowed}"),
    ("{value} is not a whole number of at least {n}", "{value} - кемінде {n} болатын бүтін сан емес",
     "{value} - не целое число не меньше {n}"),
    ("{value} is not a number of at least {n}", "{value} - кемінде {n} болатын сан емес",
     "{value} - не число не меньше {n}"),
    ("{value} is not a whole number 1-10000", "{value} - 1-10000 аралығындағы бүтін сан емес",
     "{value} - не целое число от 1 до 10000"),
    ("{value} is not [lower, upper] with lower < upper", "{value} - lower < upper болатын [lower, upper] емес",
     "{value} - не [lower, upper] с lower < upper"),
    ("{value} is not a list of lists of kinds", "{value} - түрлер тізімдерінің тізімі емес",
     "{value} - не список списков видов"),
    ("it declares no [roles.<name>] table", "онда [roles.<атауы>] кестесі жоқ", "в нём нет таблицы [roles.<имя>]"),
    ("the policy has no such role (roles: {roles})", "саясатта мұндай рөл жоқ (рөлдер: {roles})",
     "в политике нет такой роли (роли: {roles})"),
    ("{u} is {r}, and only an administrator may change the policy",
     "{u} - {r}, ал саясатты тек әкімші өзгерте алады", "{u} - {r}, а менять политику может только администратор"),
    ("fix the syntax", "синтаксисті түзетіңіз", "исправьте синтаксис"),
    ("use one of those values", "осы мәндердің бірін қолданыңыз", "используйте одно из этих значений"),
    ("use one of those", "солардың бірін қолданыңыз", "используйте одно из них"),
    ("use [roles.<name>] and [privacy]", "[roles.<атауы>] және [privacy] қолданыңыз",
     "используйте [roles.<имя>] и [privacy]"),
    ("declare at least one role", "кемінде бір рөл көрсетіңіз", "объявите хотя бы одну роль"),
    ("give a number, e.g. {key} = {default}", "сан көрсетіңіз, мысалы {key} = {default}",
     "укажите число, например {key} = {default}"),
    ("give how many rows one person may have in the table", "бір адамның кестеде қанша жолы болуы мүмкін екенін "
     "көрсетіңіз", "укажите, сколько строк может быть у одного человека в таблице"),
    ("give the range of the values from the domain, e.g. [0, 2000000]",
     "мәндердің пән саласындағы ауқымын көрсетіңіз, мысалы [0, 2000000]",
     "укажите диапазон значений из предметной области, например [0, 2000000]"),
    ('write e.g. forbidden = [["special", "address"]]', 'мысалы, былай жазыңыз: forbidden = [["special", "address"]]',
     'напишите, например, forbidden = [["special", "address"]]'),
    ("ask an administrator", "әкімшіге жүгініңіз", "обратитесь к администратору"),
    ("add the role to the policy file or give the user an existing role",
     "рөлді саясат файлына қосыңыз немесе пайдаланушыға бар рөлді беріңіз",
     "добавьте роль в файл политики или дайте пользователю существующую роль"),
    # fix
    ("rewrite the query within what the gateway allows", "сұрауды шлюз рұқсат ететіндей етіп қайта жазыңыз",
     "перепишите запрос в рамках того, что разрешает шлюз"),
    ("use the functions the gateway allows (ukimet README: the governed gateway)",
     "шлюз рұқсат ететін функцияларды қолданыңыз (ukimet README: the governed gateway)",
     "используйте функции, разрешённые шлюзом (ukimet README: the governed gateway)"),
    ("name the columns", "бағандарды атап көрсетіңіз", "перечислите столбцы явно"),
    ("name the columns (no ALL)", "бағандарды атап көрсетіңіз (ALL-сыз)", "перечислите столбцы явно (без ALL)"),
    ("use GROUP BY", "GROUP BY қолданыңыз", "используйте GROUP BY"),
    ("cast to a number, text, date or timestamp", "санға, мәтінге, күнге немесе уақыт белгісіне түрлендіріңіз",
     "приводите к числу, тексту, дате или метке времени"),
    ("give every table of a FROM its own alias", "FROM ішіндегі әр кестеге өз бүркеншік атауын беріңіз",
     "дайте каждой таблице в FROM свой псевдоним"),
    ("name columns as table.column", "бағандарды table.column түрінде атаңыз",
     "называйте столбцы в виде table.column"),
    ("give the purpose (a declared P-<number>, or where the role allows it a text)",
     "мақсатты көрсетіңіз (тіркелген P-<нөмір> немесе рөл рұқсат етсе мәтін)",
     "укажите цель (заявленную P-<номер> или, если роль позволяет, текст)"),
    ("read catalogued tables as source.table (ukimet catalog lists them)",
     "каталогтағы кестелерді source.table түрінде оқыңыз", "читайте таблицы каталога в виде source.table"),
    ("check table and column names (ukimet catalog SOURCE)", "кесте мен баған атауларын тексеріңіз",
     "проверьте названия таблиц и столбцов"),
    ("ask one table at a time (the mart has one row per person, family, payment ...), or declare a purpose",
     "бір сұрауда бір кестені сұраңыз (витринада әр адамға, отбасыға, төлемге ... бір жол) немесе мақсат "
     "көрсетіңіз", "запрашивайте по одной таблице (в витрине одна строка на человека, семью, выплату ...) или "
     "заявите цель"),
    ("filter the answer yourself, or declare a purpose", "жауапты өзіңіз сүзіңіз немесе мақсат көрсетіңіз",
     "отфильтруйте ответ сами или заявите цель"),
    ("count by group: SELECT x, count(*) ... GROUP BY x", "топтар бойынша санаңыз: SELECT x, count(*) ... GROUP BY x",
     "считайте по группам: SELECT x, count(*) ... GROUP BY x"),
    ("leave it out of the query", "оны сұраудан алып тастаңыз", "уберите его из запроса"),
    ("group by region, age, sex ... or declare a purpose",
     "өңір, жас, жыныс ... бойынша топтаңыз немесе мақсат көрсетіңіз",
     "группируйте по региону, возрасту, полу ... или заявите цель"),
    ("filter rows in WHERE and aggregate in SELECT", "жолдарды WHERE ішінде сүзіп, SELECT ішінде агрегаттаңыз",
     "фильтруйте строки в WHERE, а агрегируйте в SELECT"),
    ("group by columns", "бағандар бойынша топтаңыз", "группируйте по столбцам"),
    ("aggregate it (count, sum, avg) or group by it", "оны агрегаттаңыз (count, sum, avg) немесе ол бойынша топтаңыз",
     "агрегируйте его (count, sum, avg) или группируйте по нему"),
    ("add count(*) or another aggregate, or declare a purpose",
     "count(*) немесе басқа агрегат қосыңыз, не мақсат көрсетіңіз", "добавьте count(*) или другой агрегат либо "
     "заявите цель"),
    ("order by an output", "нәтиже бағаны бойынша сұрыптаңыз", "сортируйте по выходному столбцу"),
    ("ask count, sum or avg, or counts by bands (GROUP BY ranges) instead of quantiles, min or max",
     "квантильдердің, min немесе max-тың орнына count, sum, avg немесе аралықтар бойынша сандарды (GROUP BY "
     "аралықтар) сұраңыз", "вместо квантилей, min или max запрашивайте count, sum или avg либо количества по "
     "интервалам (GROUP BY по диапазонам)"),
    ("put the condition in WHERE", "шартты WHERE ішіне жазыңыз", "перенесите условие в WHERE"),
    ("count distinct one column", "бір бағанның әртүрлі мәндерін санаңыз",
     "считайте различные значения одного столбца"),
    ("count(*) with the condition in WHERE", "шартты WHERE ішіне жазып, count(*) қолданыңыз",
     "используйте count(*) с условием в WHERE"),
    ("put conditions in WHERE and aggregate the column itself",
     "шарттарды WHERE ішіне жазып, бағанның өзін агрегаттаңыз", "перенесите условия в WHERE и агрегируйте сам столбец"),
    ("ask its count by bands, or have the administrator declare its bounds ([privacy.bounds] of the policy)",
     "оның аралықтар бойынша санын сұраңыз немесе әкімшіден оның шектерін көрсетуін сұраңыз (саясаттың "
     "[privacy.bounds] бөлімі)", "запросите его количество по интервалам или попросите администратора объявить "
     "его границы ([privacy.bounds] в политике)"),
    ("simplify the outputs", "нәтиже өрнектерін жеңілдетіңіз", "упростите выражения результата"),
    ("ask again tomorrow; questions answered before are answered again at no cost",
     "ертең қайта сұраңыз; бұрын жауап берілген сұрақтарға қайта жауап тегін беріледі",
     "спросите снова завтра; на уже заданные вопросы ответ повторяется бесплатно"),
    ("join the tables instead, or read them in separate queries",
     "оның орнына кестелерді біріктіріңіз (JOIN) немесе оларды бөлек сұраулармен оқыңыз",
     "вместо этого соедините таблицы (JOIN) или читайте их отдельными запросами"),
    ("ask again", "қайта сұраңыз", "запросите снова"),
    ("ask for fewer rows or shorter values", "азырақ жол немесе қысқарақ мәндер сұраңыз",
     "запрашивайте меньше строк или более короткие значения"),
    ("order the rows by enough columns to make their order total",
     "жолдардың реті толық анықталатындай жеткілікті бағандар бойынша сұрыптаңыз",
     "сортируйте строки по стольким столбцам, чтобы порядок был полностью определён"),
    ("report it to the data operator with the time of the query",
     "бұл туралы деректер операторына сұраудың уақытын көрсетіп хабарлаңыз",
     "сообщите об этом оператору данных, указав время запроса"),
    ("ask for aggregates over tables that carry the region, or a role without the row filter",
     "өңір бағаны бар кестелер бойынша жиынтық сұраңыз", "запрашивайте агрегаты по таблицам с регионом"),
    ("query them separately", "оларды бөлек сұраңыз", "запрашивайте их отдельно"),
    ("use the role's own screens", "рөліңіздің өз беттерін пайдаланыңыз", "пользуйтесь страницами своей роли"),
    ("check the query", "сұрауды тексеріңіз", "проверьте запрос"),
    ("sign in again", "қайта кіріңіз", "войдите снова"),
    ("try again", "қайталап көріңіз", "попробуйте ещё раз"),
    ("reload the page and send it again", "бетті жаңартып, қайта жіберіңіз", "обновите страницу и отправьте снова"),
    ("check the number; a person appears once linkage has run (ukimet link) and only where your role may see "
     "their records", "нөмірді тексеріңіз; адам байланыстыру орындалғаннан кейін (ukimet link) және тек рөліңіз "
     "оның жазбаларын көре алатын жерде ғана көрінеді", "проверьте номер; человек появляется после связывания "
     "(ukimet link) и только там, где ваша роль может видеть его записи"),
    ("check the number; families come from ukimet mart", "нөмірді тексеріңіз", "проверьте номер"),
    ("ask the security officer", "қауіпсіздік қызметкеріне жүгініңіз", "обратитесь к сотруднику безопасности"),
    ("wait until tomorrow or ask the security officer", "ертеңге дейін күтіңіз немесе қауіпсіздік қызметкеріне "
     "жүгініңіз", "подождите до завтра или обратитесь к сотруднику безопасности"),
    ("say what the access is for", "қол жеткізу не үшін қажет екенін жазыңыз", "напишите, для чего нужен доступ"),
    ("declare it for 1 to 366 days", "оны 1 күннен 366 күнге дейінгі мерзімге көрсетіңіз",
     "заявите её на срок от 1 до 366 дней"),
    ("declare one: ukimet purpose declare --as USER --text ... --case ...; then cite it as --purpose P-<number>",
     "мақсат көрсетіңіз: ukimet purpose declare --as USER --text ... --case ...; содан кейін оны --purpose "
     "P-<нөмір> түрінде келтіріңіз", "заявите цель: ukimet purpose declare --as USER --text ... --case ...; "
     "затем ссылайтесь на неё как --purpose P-<номер>"),
    ("list yours with: ukimet purpose list --as USER", "өз мақсаттарыңыздың тізімі: ukimet purpose list --as USER",
     "список ваших целей: ukimet purpose list --as USER"),
    ("declare it again with --case or --legal-basis", "оны --case немесе --legal-basis арқылы қайта көрсетіңіз",
     "заявите её заново с --case или --legal-basis"),
    ("declare a new purpose if the work goes on", "жұмыс жалғасса, жаңа мақсат көрсетіңіз",
     "если работа продолжается, заявите новую цель"),
    ("the access was not carried out; check the metadata store", "қол жеткізу орындалмады; метадеректер қоймасын "
     "тексеріңіз", "доступ не выполнен; проверьте хранилище метаданных"),
    ("go back to the start page", "басты бетке оралыңыз", "вернитесь на главную страницу"),
    # general shapes last: a message matches the first shape that fits it
    ("use {keys}", "мыналарды қолданыңыз: {keys}", "используйте {keys}"),
    ("{x} is not allowed", "{x} рұқсат етілмейді", "{x} не допускается"),
]


def _compile(english: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", english)
    pattern = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(f"^{pattern}$", re.DOTALL)


SHAPES = [(_compile(english), {"kk": kk, "ru": ru}) for english, kk, ru in _SHAPES]


def localise(text: str, language: str) -> str:
    """``text`` (an English message of the error tree) in ``language``; English when it has no shape here."""
    if language == "en" or not text:
        return text
    for pattern, said in SHAPES:
        found = pattern.match(text)
        if found:
            return said[language].format(**found.groupdict())
    return text


def known(text: str) -> bool:
    return any(pattern.match(text) for pattern, _ in SHAPES)


def localise_line(text: str, language: str) -> str:
    """A message as "what: why" (or whole), each part in ``language``."""
    whole = localise(text, language)
    if whole != text or ": " not in text:
        return whole
    what, _, why = text.partition(": ")
    return f"{localise(what, language)}: {localise(why, language)}"
