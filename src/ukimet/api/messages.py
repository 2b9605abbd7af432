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
    # why
    ("without a declared purpose only aggregates may be read (every output a count, sum, average ... or a GROUP BY "
     "key)", "мақсат көрсетілмесе, тек жиынтық көрсеткіштер оқылады (әр нәтиже - сан, сома, орта мән ... немесе "
     "GROUP BY кілті)", "без заявленной цели можно читать только агрегаты (каждый результат - число, сумма, "
     "среднее ... или ключ GROUP BY)"),
    ("without a declared purpose only aggregates may be read, and a UNION is not one",
     "мақсат көрсетілмесе, тек жиынтық көрсеткіштер оқылады, ал UNION олай емес",
     "без заявленной цели можно читать только агрегаты, а UNION к ним не относится"),
    ("{f}() returns one person's value; without a purpose only summaries are allowed ({rest})",
     "{f}() бір адамның мәнін қайтарады; мақсатсыз тек қорытынды функцияларға рұқсат ({rest})",
     "{f}() возвращает значение одного человека; без цели разрешены только сводные функции ({rest})"),
    ("HAVING and window functions are not allowed without a purpose (they can single out small groups)",
     "мақсатсыз HAVING мен терезе функцияларына рұқсат жоқ (олар шағын топтарды бөліп көрсете алады)",
     "без цели HAVING и оконные функции запрещены (они могут выделить малые группы)"),
    ("aggregates inside subqueries or CTEs escape the small-cell check",
     "ішкі сұраулардағы немесе CTE-дегі агрегаттар шағын ұяшықтарды тексеруден тыс қалады",
     "агрегаты во вложенных запросах или CTE обходят проверку малых ячеек"),
    ("grouping by {g} makes a cell of one person ({k})", "{g} бойынша топтау бір адамнан тұратын ұяшық жасайды ({k})",
     "группировка по {g} даёт ячейку из одного человека ({k})"),
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
    ("parameters and settings cannot appear in a query", "сұрауда параметрлер мен баптаулар болмауы керек",
     "параметры и настройки не могут быть в запросе"),
    ("{t}: time travel and sampling clauses are not allowed", "{t}: уақыт бойынша саяхат пен іріктеуге рұқсат жоқ",
     "{t}: переход по версиям и выборки запрещены"),
    ("it is not SQL ukimet understands ({e})", "бұл ukimet түсінетін SQL емес ({e})",
     "это не тот SQL, который понимает ukimet ({e})"),
    ("it could not be resolved against the catalog ({e})", "оны каталог бойынша анықтау мүмкін болмады ({e})",
     "его не удалось сопоставить с каталогом ({e})"),
    ("the engine refused it ({e})", "қозғалтқыш оны орындамады ({e})", "движок его не выполнил ({e})"),
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
    ("P-{n} expired on {d}", "P-{n} мақсатының мерзімі {d} аяқталды", "срок цели P-{n} истёк {d}"),
    ("P-{n} is not a purpose {u} declared", "P-{n} - {u} көрсеткен мақсат емес", "P-{n} - не цель, заявленная {u}"),
    ("no linked person has that IIN", "бұл ЖСН бар байланыстырылған адам жоқ", "нет связанного человека с таким ИИН"),
    ("no family {f} is in the mart (or in your region)", "{f} отбасы жоқ (немесе сіздің өңіріңізде емес)",
     "семьи {f} нет (или она не в вашем регионе)"),
    ("none of this person's records is in your {a}", "бұл адамның бірде-бір жазбасы сіздің өңіріңізде емес",
     "ни одна запись этого человека не относится к вашему региону"),
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
    ("it cannot be written ({e})", "оған жазу мүмкін емес ({e})", "в него нельзя записать ({e})"),
    ("the entry could not be written ({e})", "жазбаны жазу мүмкін болмады ({e})", "запись не удалось сохранить ({e})"),
    ("there is no such case", "мұндай іс жоқ", "такого дела нет"),
    ("it is {a}, and a {b} case cannot become {c}", "іс {a} күйінде, ол {c} бола алмайды",
     "дело в статусе {a} и не может стать {c}"),
    # the policy editor
    ("policy file", "саясат файлы", "файл политики"),
    ("policy change", "саясатты өзгерту", "изменение политики"),
    ("policy role {r}", "саясаттағы {r} рөлі", "роль {r} в политике"),
    ("role {r} {key}", "{r} рөлі, {key}", "роль {r}, {key}"),
    ("role {r}", "{r} рөлі", "роль {r}"),
    ("it is not valid TOML ({e})", "бұл дұрыс TOML емес ({e})", "это некорректный TOML ({e})"),
    ("unknown keys {keys}", "белгісіз кілттер {keys}", "неизвестные ключи {keys}"),
    ("{value} is not one of {allowed}", "{value} мына мәндердің бірі емес: {allowed}",
     "{value} не входит в допустимые значения: {allowed}"),
    ("it declares no [roles.<name>] table", "онда [roles.<атауы>] кестесі жоқ", "в нём нет таблицы [roles.<имя>]"),
    ("the policy has no such role (roles: {roles})", "саясатта мұндай рөл жоқ (рөлдер: {roles})",
     "в политике нет такой роли (роли: {roles})"),
    ("{u} is {r}, and only an administrator may change the policy",
     "{u} - {r}, ал саясатты тек әкімші өзгерте алады", "{u} - {r}, а менять политику может только администратор"),
    ("fix the syntax", "синтаксисті түзетіңіз", "исправьте синтаксис"),
    ("use one of those values", "осы мәндердің бірін қолданыңыз", "используйте одно из этих значений"),
    ("use one of those", "солардың бірін қолданыңыз", "используйте одно из них"),
    ("use {keys}", "мыналарды қолданыңыз: {keys}", "используйте {keys}"),
    ("declare at least one role", "кемінде бір рөл көрсетіңіз", "объявите хотя бы одну роль"),
    ("ask an administrator", "әкімшіге жүгініңіз", "обратитесь к администратору"),
    ("add the role to the policy file or give the user an existing role",
     "рөлді саясат файлына қосыңыз немесе пайдаланушыға бар рөлді беріңіз",
     "добавьте роль в файл политики или дайте пользователю существующую роль"),
    # fix
    ("rewrite the query within what the gateway allows", "сұрауды шлюз рұқсат ететіндей етіп қайта жазыңыз",
     "перепишите запрос в рамках того, что разрешает шлюз"),
    ("aggregate the query, or declare a purpose for person-level access (--purpose)",
     "сұрауды жиынтыққа айналдырыңыз немесе адамдар деңгейіндегі қол жеткізу мақсатын көрсетіңіз",
     "сделайте запрос агрегатным или заявите цель для доступа к данным о людях"),
    ("give the purpose (a declared P-<number>, or where the role allows it a text)",
     "мақсатты көрсетіңіз (тіркелген P-<нөмір> немесе рөл рұқсат етсе мәтін)",
     "укажите цель (заявленную P-<номер> или, если роль позволяет, текст)"),
    ("read catalogued tables as source.table (ukimet catalog lists them)",
     "каталогтағы кестелерді source.table түрінде оқыңыз", "читайте таблицы каталога в виде source.table"),
    ("check table and column names (ukimet catalog SOURCE)", "кесте мен баған атауларын тексеріңіз",
     "проверьте названия таблиц и столбцов"),
    ("group by region, age, sex ... or declare a purpose",
     "өңір, жас, жыныс ... бойынша топтаңыз немесе мақсат көрсетіңіз",
     "группируйте по региону, возрасту, полу ... или заявите цель"),
    ("aggregate once, in the outermost SELECT, or declare a purpose",
     "бір рет, сыртқы SELECT ішінде агрегаттаңыз немесе мақсат көрсетіңіз",
     "агрегируйте один раз, во внешнем SELECT, или заявите цель"),
    ("drop them, or declare a purpose", "оларды алып тастаңыз немесе мақсат көрсетіңіз",
     "уберите их или заявите цель"),
    ("ask for aggregates over tables that carry the region, or a role without the row filter",
     "өңір бағаны бар кестелер бойынша жиынтық сұраңыз", "запрашивайте агрегаты по таблицам с регионом"),
    ("query them separately", "оларды бөлек сұраңыз", "запрашивайте их отдельно"),
    ("use the role's own screens", "рөліңіздің өз беттерін пайдаланыңыз", "пользуйтесь страницами своей роли"),
    ("check the query", "сұрауды тексеріңіз", "проверьте запрос"),
    ("sign in again", "қайта кіріңіз", "войдите снова"),
    ("try again", "қайталап көріңіз", "попробуйте ещё раз"),
    ("reload the page and send it again", "бетті жаңартып, қайта жіберіңіз", "обновите страницу и отправьте снова"),
    ("check the number; a person appears once linkage has run (ukimet link)", "нөмірді тексеріңіз",
     "проверьте номер"),
    ("check the number; families come from ukimet mart", "нөмірді тексеріңіз", "проверьте номер"),
    ("ask a colleague of the person's region", "адамның өңіріндегі әріптесіңізге жүгініңіз",
     "обратитесь к коллеге из региона человека"),
    ("ask the security officer", "қауіпсіздік қызметкеріне жүгініңіз", "обратитесь к сотруднику безопасности"),
    ("wait until tomorrow or ask the security officer", "ертеңге дейін күтіңіз немесе қауіпсіздік қызметкеріне "
     "жүгініңіз", "подождите до завтра или обратитесь к сотруднику безопасности"),
    ("declare a new purpose if the work goes on", "жұмыс жалғасса, жаңа мақсат көрсетіңіз",
     "если работа продолжается, заявите новую цель"),
    ("the access was not carried out; check the metadata store", "қол жеткізу орындалмады; метадеректер қоймасын "
     "тексеріңіз", "доступ не выполнен; проверьте хранилище метаданных"),
    ("go back to the start page", "басты бетке оралыңыз", "вернитесь на главную страницу"),
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
