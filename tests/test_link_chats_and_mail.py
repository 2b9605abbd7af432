"""Persons written in messages (issue 16, the twenty-ninth writer's set): a Telegram chat's bot registrations in two
languages, an mbox of applications with encoded headers and bodies, a calendar event's list of a brigade, and a
register pseudonymised for statistics (masked names)."""

from __future__ import annotations

import datetime as dt
import json
import mailbox
from email.message import EmailMessage
from pathlib import Path

from tests.conftest import link_out
from ukimet.connect.connectors.labelled import follows, labelled
from ukimet.core.cells import people_in_cell
from ukimet.core.dates import name_and_birth, parse_year
from ukimet.core.ids import iin_prefix, make_number
from ukimet.link.records import fits_mask

SURNAMES = ["Омаров", "Тұрсынов", "Ілиясов", "Жакупов", "Сұлтанов", "Бектуров", "Мұқанов", "Тоқтаров", "Ержанов",
            "Сапаров"]
GIVEN = ["Санжар", "Нұрасыл", "Мирас", "Ерлан", "Бауыржан", "Дәулет", "Азамат", "Бақыт", "Ислам", "Алихан"]
MOTHERS = ["Әсел", "Гүлнар", "Сәуле", "Айгүл", "Жанар", "Динара"]


def _born(k: int) -> str:
    return f"{1 + k % 28:02d}.{1 + k % 12:02d}.{1990 + k % 17}"


def _person(k: int) -> str:
    return f"{SURNAMES[k % 10]} {GIVEN[(k // 10 + k) % 10]}"


def test_a_form_typed_as_lines_is_read_by_its_labels_and_a_label_alone_holds_the_list_under_it() -> None:
    assert labelled("Предприятие: рудник\nСписок бригады:\n1. Омаров Санжар — 22.02.1985\n2. Ілиясов Мирас") == {
        "Предприятие": "рудник", "Список бригады": "1. Омаров Санжар — 22.02.1985\n2. Ілиясов Мирас"}
    letter = "Уважаемые члены комиссии!\nПрошу рассмотреть.\n\nЗаявитель: Омаров Санжар\nАдрес: г. Сатпаев\n" \
             "Репрессированный: Омаров Касым\nС уважением,\nСанжар"
    assert labelled(letter)["Репрессированный"] == "Омаров Касым"  # three labels around a letter's own lines
    assert labelled("Таразылау сағат 9:00-де. Тіркеу боты арқылы.") == {}  # a sentence with a colon: no form


def test_the_columns_of_items_of_two_forms_keep_each_forms_order() -> None:
    """A form in Russian and then in Kazakh sharing one label (Клуб): each language's fields stand together, and a
    field first written in a later item (ЖСН) stands where its item has it."""
    after = {"Спортсмен": {"Дата рождения"}, "Дата рождения": {"Клуб"}, "Клуб": {"Родитель", "Ата-анасы"},
             "Балуан": {"Туған күні"}, "Туған күні": {"Клуб", "ЖСН"}, "ЖСН": {"Клуб"}}
    seen = ["Спортсмен", "Дата рождения", "Клуб", "Родитель", "Балуан", "Туған күні", "Ата-анасы", "ЖСН"]
    assert follows(seen, after) == ["Спортсмен", "Дата рождения", "Балуан", "Туған күні", "ЖСН", "Клуб", "Родитель",
                                    "Ата-анасы"]
    assert follows(["a", "b"], {"a": {"b"}, "b": {"a"}}) == ["a", "b"]  # both ways: as first seen


def test_a_persons_line_in_a_list_and_a_cell_keep_the_name_and_birth_without_the_job_or_the_iin() -> None:
    said = people_in_cell("1. КУАНЫШЕВ ГАЛЫМ — 04.11.1965, ИИН 651104320334 — водитель БелАЗа\n"
                          "2. СУЛТАНОВ БАУЫРЖАН — 1979 г.р. — машинист ПДМ\n3. ТОКТАРОВ Н.М. — горный мастер")
    assert [name for name, _ in said] == ["КУАНЫШЕВ ГАЛЫМ, 04.11.1965", "СУЛТАНОВ БАУЫРЖАН, 1979 г.р",
                                          "ТОКТАРОВ Н.М."]
    assert name_and_birth("Нурмагамбетов Нурсултан, ИИН 910923352437, 23.09.1991 г.р.") == (
        "Нурмагамбетов Нурсултан", "23.09.1991")
    assert str(parse_year("00.00.1898")) == "1898-01-01" and parse_year("00.03.1898") is None


def test_a_masked_word_fits_the_names_of_its_length_and_letters_at_either_end() -> None:
    assert fits_mask("Т*******в", "Тулегенов") and fits_mask("Т*******в", "Тұлегенов")
    assert not fits_mask("Т*******в", "Тулегенова") and not fits_mask("Т*******в", "Қулегенов")
    assert fits_mask(None, "Тулегенов") and fits_mask("ТУЛЕГЕНОВ", "Тұлегенов") and not fits_mask("А***р", None)


def _iin(k: int) -> str:
    day = dt.datetime.strptime(_born(k), "%d.%m.%Y").date()
    number = make_number(f"{iin_prefix(day, 'M')}{k:04d}")
    assert number is not None
    return number


def _registration(k: int, kazakh: bool) -> list[object]:
    """A bot's registration as Telegram Desktop exports its text: strings and entities."""
    labels = ["Өтінім", "Балуан:", "Туған күні:", "ЖСН:", "Клуб:", "Ата-анасы:"] if kazakh else \
        ["Заявка", "Спортсмен:", "Дата рождения:", None, "Клуб:", "Родитель:"]
    parts: list[object] = [{"type": "bold", "text": f"📝 {labels[0]} № {k}"}, "\n",
                           {"type": "bold", "text": labels[1]}, f" {_person(k)}\n",
                           {"type": "bold", "text": labels[2]}, f" {_born(k)}\n"]
    if kazakh and k % 2:
        parts += [{"type": "bold", "text": labels[3]}, f" {_iin(k)}\n"]
    parts += [{"type": "bold", "text": labels[4]}, " Жезқазған күрес секциясы\n",
              {"type": "bold", "text": labels[5]}, f" {SURNAMES[k % 10]}а {MOTHERS[k % 6]}, тел. ",
              {"type": "phone", "text": f"+7 747 834 85 {k:02d}"}, "\n", {"type": "hashtag", "text": "#U15"}]
    return parts


def test_a_telegram_chats_bot_registrations_in_two_languages_are_its_athletes_and_parents(tmp_path: Path) -> None:
    """A federation's group exported by Telegram Desktop: every message is a record (service messages and the
    admins' replies too, no person); a registration's athlete is its first person and the parent its second, in the
    Russian template and in the Kazakh one that followed it (Балуан, Туған күні: the athlete's birth, not the
    parent's); the athletes are the registry's."""
    messages: list[dict[str, object]] = [
        {"id": 1, "type": "service", "date": "2019-01-28T09:12:44", "actor": "Ерлан Жақыпов",
         "actor_id": "user1207734561", "action": "migrate_from_group", "text": "", "text_entities": []}]
    for k in range(40):
        text = _registration(k, kazakh=k >= 24)
        shown = [p if isinstance(p, dict) else {"type": "plain", "text": p} for p in text]
        messages.append({"id": 2 + 2 * k, "type": "message", "date": f"2021-03-{1 + k % 28:02d}T16:30:23",
                         "date_unixtime": "1551436223", "from": "Күрес тіркеу", "from_id": "user6234556012",
                         "text": text, "text_entities": shown})
        reply = "Қабылданды ✅" if k % 2 else "Принято"
        messages.append({"id": 3 + 2 * k, "type": "message", "date": "2021-03-01T17:00:00", "from": "Бекзат Оспанов",
                         "from_id": "user6088123377", "text": reply,
                         "text_entities": [{"type": "plain", "text": reply}]})
    chat = {"name": "Ұлытау облысы — қазақ күресі", "type": "private_supergroup", "id": 1587342290,
            "messages": messages}
    (tmp_path / "kures.json").write_text(json.dumps(chat, ensure_ascii=False, indent=1), encoding="utf-8")
    registry = ["ФИО;Дата рождения"] + [f"{_person(k)};{_born(k)}" for k in range(40)]
    (tmp_path / "registry.csv").write_text("\n".join(registry) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "kures.json", "registry.csv")
    assert "text.Балуан = full name, text.Туған күні = birth date" in said, said
    assert "text.ЖСН = iin of the person of text.Балуан" in said, said  # by the births it encodes
    athletes = [str(2 + 2 * k) for k in range(40)]  # each registration's place among the messages
    assert all(entities["kures", a] == entities["registry", str(k + 1)] for k, a in enumerate(athletes)), said
    assert all(("kures", f"{a}#2") in entities for a in athletes)  # the parent, second in both languages
    assert ("kures", f"{athletes[0]}#3") not in entities


def _application(k: int) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = f"{_person(k)} <user{k}@mail.kz>" if k % 3 else f"user{k}@mail.kz"
    mail["To"] = "Ақтау комиссиясы <aqtau@komissiya.example.kz>"
    mail["Date"] = f"Wed, {1 + k % 28:02d} Feb 2021 15:00:11 +0600"
    repressed = f"{SURNAMES[(k + 3) % 10]} {GIVEN[(k + 5) % 10]}"
    if k % 2:
        mail["Subject"] = f"Ақтау туралы өтініш ({SURNAMES[k % 10]})"
        body = (f"Құрметті комиссия мүшелері!\n\nТуысымды ақтау туралы мәселені қарауыңызды сұраймын.\n\n"
                f"Өтініш беруші: {_person(k)}\nТуған күні: {_born(k)}\nТелефон: 8 708 273 16 {k:02d}\n\n"
                f"Репрессияға ұшыраған: {repressed}\nТуған жылы: {'00.00.' if k % 4 == 1 else ''}{1890 + k} "
                f"{'' if k % 4 == 1 else 'ж.т.'}\nТуыстығым: немересі\n\nҚұрметпен,\n{_person(k).split()[1]}")
    else:
        mail["Subject"] = f"Заявление о реабилитации — {SURNAMES[k % 10]}"
        body = (f"Уважаемые члены комиссии!\n\nПрошу рассмотреть вопрос о реабилитации моего родственника.\n\n"
                f"Заявитель: {_person(k)}, ИИН 91092335{k:04d}, {_born(k)} г.р.\nАдрес: г. Сатпаев, ул. Гагарина, "
                f"д. {k}\n\nРепрессированный: {repressed}, {1890 + k} г.р.\nСтепень родства: правнук\n\n"
                f"С уважением,\n{_person(k).split()[1]}")
    mail.set_content(body, cte="base64" if k % 3 == 0 else "quoted-printable")
    return mail


def test_an_mbox_of_applications_is_a_table_of_its_mails_and_their_bodies_labelled_lines(tmp_path: Path) -> None:
    """A commission's mailbox (an mbox kept as .txt): each mail is a record, the commission's replies too; headers
    in RFC 2047's encoded words and bodies in base64 or quoted-printable are read; the applicant (Russian or Kazakh
    letter; the birth after the IIN in one line) is the mail's first person, the registry's, and the repressed the
    second (born 00.00.1898: the year)."""
    box = mailbox.mbox(tmp_path / "hattar.txt")
    for k in range(24):
        box.add(_application(k))
        if k % 4 == 0:
            reply = EmailMessage()
            reply["From"] = "Ақтау комиссиясы <aqtau@komissiya.example.kz>"
            reply["Subject"] = "Re: өтініш"
            reply.set_content("Сіздің өтінішіңіз тіркелді.", cte="base64")
            box.add(reply)
    box.close()
    registry = ["ФИО;Дата рождения"] + [f"{_person(k)};{_born(k)}" for k in range(24)]
    (tmp_path / "registry.csv").write_text("\n".join(registry) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "hattar.txt", "registry.csv")
    assert "Body.Өтініш беруші = full name" in said and "Body.Туған жылы = birth date" in said, said
    places = [k + 1 + (k + 3) // 4 for k in range(24)]  # each application's place among the mails, replies counted
    assert all(entities["hattar", str(p)] == entities["registry", str(k + 1)] for k, p in enumerate(places)), said
    assert all(("hattar", f"{p}#2") in entities for p in places)


def test_a_brigade_listed_in_a_calendar_events_description_is_its_members_in_their_numbers_places(
        tmp_path: Path) -> None:
    """Bookings of one examinee each (ФИО, Д.р.) and a few of a brigade (``Список бригады:`` and a numbered member
    a line, a birth and a job after dashes): a brigade's member j is the event's person j (17, 17#2, ...), as a
    single booking's examinee is its first; each is the registry's."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0"]
    registry = ["ФИО;Дата рождения"]
    expected: dict[str, int] = {}
    person = 0
    for event in range(66):
        if event % 11 == 5:
            members = []
            for j in range(4):
                members.append(f"{j + 1}. {_person(person).upper()} — {_born(person)} — взрывник")
                expected[str(event + 1) + (f"#{j + 1}" if j else "")] = person
                registry.append(f"{_person(person)};{_born(person)}")
                person += 1
            description = "Предприятие: Южный рудник\\, шахта № 55\\nСписок бригады:\\n" + "\\n".join(members)
        else:
            description = f"ФИО: {_person(person)}\\nД.р.: {_born(person)}\\nПредприятие: рудник «Анненский»"
            expected[str(event + 1)] = person
            registry.append(f"{_person(person)};{_born(person)}")
            person += 1
        lines += ["BEGIN:VEVENT", f"UID:{event:04d}x@google.com", f"DESCRIPTION:{description}",
                  "SUMMARY:Профосмотр", "LOCATION:МЦ «Кеңгір»\\, г. Жезказган\\, пр. Алашахана\\, 24",
                  "END:VEVENT"]
    (tmp_path / "kalendar.txt").write_text("\r\n".join([*lines, "END:VCALENDAR", ""]), encoding="utf-8")
    (tmp_path / "registry.csv").write_text("\n".join(registry) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "kalendar.txt", "registry.csv")
    assert "DESCRIPTION.Д.р. = birth date" in said, said
    assert {r for s, r in entities if s == "kalendar"} == set(expected), said
    assert all(entities["kalendar", r] == entities["registry", str(p + 1)] for r, p in expected.items()), said


def _masked(name: str) -> str:
    return " ".join(w[0] + "*" * (len(w) - 2) + w[-1] for w in name.split())


def test_a_register_pseudonymised_for_statistics_is_linked_by_its_masked_names_and_births(tmp_path: Path) -> None:
    """A screening register whose names are masked (first and last letters) beside the births: a masked name read
    as the one name of that birth and sex it fits; two persons whose names both fit are left apart; a person only
    in the register is their own visits by the masked name and birth."""
    registry = ["ФИО;Дата рождения;Пол"] + [f"{_person(k)};{_born(k)};М" for k in range(30)]
    registry.append(f"Сапаров Асылан;{_born(9)};М")  # the same birth as Сапаров Алихан (k=9), a name of one length
    rows = ["screening_id,pid_hash,fio_masked,birth_date,sex,result"]
    for visit in range(2):
        for k in range(30):
            rows.append(f"{100 * visit + k},{k:016x},{_masked(_person(k))},{_born(k)},М,норма")
        rows.append(f"{100 * visit + 50},{99:016x},{_masked('Қасымов Ерболат')},01.01.1960,М,норма")
    (tmp_path / "registry.csv").write_text("\n".join(registry) + "\n", encoding="utf-8")
    (tmp_path / "skrining.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "registry.csv", "skrining.csv")
    assert "fio_masked = full name" in said, said
    ambiguous = {9} | {k for k in range(30) if _person(k) != _person(9) and _masked(_person(k)) ==
                       _masked(_person(9)) and _born(k) == _born(9)}
    linked = [k for k in range(30) if entities["skrining", str(k + 1)] == entities["registry", str(k + 1)]]
    assert set(linked) == set(range(30)) - ambiguous, said
    assert entities["skrining", "31"] == entities["skrining", "62"]  # the register's own person, both visits


def test_a_directorys_ldif_export_is_a_table_of_its_users_and_a_whatsapp_chat_one_of_its_messages(
        tmp_path: Path) -> None:
    """Active Directory's users as ldapsearch writes them (base64 values folded at 76 columns, comments, a paging
    block, a service account): each entry is a record, its cn, sn, givenName and displayName one person (the
    registry's); a WhatsApp chat's messages (the system's lines too, a message over two lines) are its records."""
    import base64

    def b64(name: str, value: str) -> list[str]:
        encoded = f"{name}:: {base64.b64encode(value.encode()).decode()}"
        return [encoded[:76], *(" " + encoded[k:k + 75] for k in range(76, len(encoded), 75))]

    lines = ["# extended LDIF", "#", "# LDAPv3", ""]
    registry = ["ФИО;Дата рождения;ИИН"]
    for k in range(24):
        surname, given = _person(k).split()
        lines += [f"# {_person(k)}, Пользователи, dz-astana.local",
                  *b64("dn", f"CN={_person(k)},OU=Пользователи,DC=dz-astana,DC=local"), "objectClass: user",
                  *b64("cn", _person(k)), *b64("sn", surname), *b64("givenName", given),
                  *b64("displayName", _person(k)), "objectGUID:: ACvO9JAbz4h5clz4eYPAdw==",
                  f"employeeID: {_iin(k)}", f"sAMAccountName: u{k}", ""]
        if k == 11:
            lines += ["# search result", "search: 2", "result: 0 Success", "", "dn: CN=svc-backup,DC=local",
                      "cn: svc-backup", "objectClass: user", ""]
        registry.append(f"{_person(k)};{_born(k)};{_iin(k)}")
    (tmp_path / "domain.txt").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "registry.csv").write_text("\n".join(registry) + "\n", encoding="utf-8")
    chat = ["11.02.2019, 08:58 - Сообщения и звонки защищены сквозным шифрованием.",
            "11.02.2019, 08:59 - Серік аға создал(а) группу \"Газ\"",
            "12.02.2019, 09:05 - Серік аға: Газ құбырын тарту үшін тізім жасаймыз.", "Үй иесінің аты-жөні, ЖСН.",
            "12.02.2019, 10:11 - +7 701 109 7669: Рахмет!"]
    (tmp_path / "chat.txt").write_text("\n".join(chat) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "domain.txt", "registry.csv", "chat.txt")
    assert "cn = full name" in said and "employeeID = iin" in said and "person 2" not in said.split("registry")[0]
    places = [k + 1 + (k > 11) for k in range(24)]  # the service account the thirteenth entry
    assert all(entities["domain", str(p)] == entities["registry", str(k + 1)] for k, p in enumerate(places)), said
    assert {r for s, r in entities if s == "chat"} == {"1", "2", "3", "4"}


def test_a_notion_databases_pages_are_read_by_their_properties_values() -> None:
    from ukimet.connect.connectors.notion import page

    run = {"type": "text", "annotations": {"bold": False}, "href": None}
    record = {"object": "page", "id": "70dae1e8", "parent": {"type": "database_id"}, "created_time": "2019-08-12",
              "url": "https://www.notion.so/Ешімов-Нұрислам-70dae1e8", "properties": {
                  "Оқушы": {"id": "title", "type": "title", "title": [
                      {**run, "plain_text": "Ешімов ", "text": {"content": "Ешімов "}},
                      {**run, "plain_text": "Нұрислам", "text": {"content": "Нұрислам"}}]},
                  "Туған күні": {"type": "date", "date": {"start": "2013-05-17", "end": None}},
                  "ЖСН": {"type": "rich_text", "rich_text": []},
                  "Курс": {"type": "select", "select": {"name": "Ментальді арифметика"}},
                  "Телефон": {"type": "phone_number", "phone_number": "+7 707 361 38 82"},
                  "Куратор": {"type": "people", "people": [{"object": "user", "name": "Мадина С."}]}}}
    assert page(record) == {"Оқушы": "Ешімов Нұрислам", "Туған күні": "2013-05-17", "ЖСН": None,
                            "Курс": "Ментальді арифметика", "Телефон": "+7 707 361 38 82", "Куратор": "Мадина С.",
                            "created_time": "2019-08-12"}


def test_a_workbooks_sheet_of_drop_down_lists_is_no_sheet_of_persons(tmp_path: Path) -> None:
    """A recruiting agency's workbook: its candidates, a manager each, and a sheet of the drop-down lists (the
    countries, the statuses, the four managers): the managers' sheet holds no persons, so a record id is the
    candidates' row number alone, not the sheet's name and its number."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Кандидаты"
    managers = ["Айгерим К.", "Дәурен С.", "Жансая Т.", "Руслан М."]
    sheet.append(["№", "ФИО", "Дата рождения", "Страна", "Менеджер"])
    for k in range(30):
        sheet.append([k + 1, _person(k), _born(k), "Россия", managers[k % 4]])
    lists = book.create_sheet("Списки")
    lists.append(["Страна", "Статус", "Менеджер"])
    for k, manager in enumerate(managers):
        lists.append([["Россия", "Турция", "ОАЭ", "Корея"][k], "Выехал", manager])
    book.save(tmp_path / "kandidaty.xlsx")
    registry = ["ФИО;Дата рождения"] + [f"{_person(k)};{_born(k)}" for k in range(30)]
    (tmp_path / "registry.csv").write_text("\n".join(registry) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "kandidaty.xlsx", "registry.csv")
    assert {r for s, r in entities if s == "kandidaty"} == {str(k + 1) for k in range(30)}, said
    assert all(entities["kandidaty", str(k + 1)] == entities["registry", str(k + 1)] for k in range(30)), said
