"""The semantic layer (model/data/semantic.toml): entities, metrics, filters and groups, each with its names and
words in Kazakh, Russian and English, and the regions under every name agencies and people use. It compiles to
a lexicon of phrases that the question parser matches.

A phrase is a sequence of words folded to one form per language (Kazakh in Cyrillic, Russian letters, 2021 Latin
or informal Latin is one form); a word of four letters or more matches any word that starts with it and goes on
by at most a suffix's length (отбасы: отбасылар, отбасыларында), a shorter word matches only itself unless it
follows the other words of its phrase (тұрғын үй: тұрғын үйдің).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, model_validator

from ukimet.core.config_files import FROZEN, TableName, Text, problem, texts_in, unique_ids
from ukimet.core.languages import LANGUAGES
from ukimet.core.regions import regions
from ukimet.core.scripts import to_russian_letters
from ukimet.link.names import name_key
from ukimet.model.data_files import load_data
from ukimet.model.kazakh import stem_variants

MAX_SUFFIX = 8
MAX_VARIANTS = 9
"""a Kazakh phrase and at most eight of its forms whose stems alternate"""
WORD = re.compile(r"[^\W_]+|\d+|\+|[<>]=?|[≥≤]|\u2012", re.UNICODE)
"""a word, a number, a sign that compares one (18+, > 100 000, ≤ 3), or the dash of a range of numbers (18 – 30,
which the questions write for 18-30)"""


def fold(word: str, language: str) -> str:
    """One form of a word: Kazakh folded across scripts (э as ә, which a keyboard without Kazakh letters types so:
    эйелдер), Russian and English lower-cased (ё as е)."""
    word = word.lower().replace("ё", "е")
    if language == "kk":
        return name_key(word.replace("э", "ә")) or word
    return word


def typed_words(text: str) -> list[str]:
    """The words of ``text`` as typed, one for each of ``words``."""
    return list(WORD.findall(text.replace("-", " ")))


def words(text: str, language: str) -> list[str]:
    return [fold(w, language) for w in typed_words(text)]


@cache
def _russian() -> Any:
    """pymorphy3's analyser with its OpenCorpora dictionary (both from PyPI; loaded once, on the first Russian
    word), or None where it is not installed: then words match by their forms alone."""
    try:
        import pymorphy3
    except ImportError:
        return None
    return pymorphy3.MorphAnalyzer()


@cache
def in_dictionary(word: str, language: str) -> bool | None:
    """Whether a folded word is a word of the language's dictionary (Russian, pymorphy3's); None where no
    dictionary is there to say (Kazakh, English, or pymorphy3 not installed)."""
    morph = _russian() if language == "ru" else None
    return None if morph is None else bool(morph.word_is_known(word))


@cache
def finite_verb(word: str, language: str) -> bool:
    """Whether a folded Russian word is a finite verb (ищет, получают, работает) by its dictionary; any other word
    of any language, False."""
    morph = _russian() if language == "ru" else None
    return morph is not None and morph.word_is_known(word) and morph.parse(word)[0].tag.POS == "VERB"


@cache
def imperative(word: str) -> str | None:
    """The dictionary form of a folded Russian word that is a verb in the imperative (скинь, покажите: скинуть,
    показать), by its dictionary; None for any other word."""
    morph = _russian()
    if morph is None or not morph.word_is_known(word):
        return None
    found = next((p for p in morph.parse(word) if p.tag.mood == "impr"), None)
    return None if found is None else str(found.normal_form).replace("ё", "е")


@cache
def lemma(word: str, language: str) -> str:
    """The dictionary form of a folded Russian word that the dictionary knows (среднюю: средний, зарплату:
    зарплата, пенсионерам: пенсионер); any other word, and every word of another language, as it is."""
    morph = _russian() if language == "ru" else None
    if morph is None or len(word) < 3 or not word.isalpha() or not morph.word_is_known(word):
        return word
    return str(morph.parse(word)[0].normal_form).replace("ё", "е")


@dataclass(frozen=True, eq=False)
class Item:
    kind: str
    """entity, metric, filter, group, region"""
    id: str
    entity: str | None
    sql: str
    name: dict[str, str]
    where: str | None = None
    """a condition the item needs (a metric's: average wage over those with a wage)"""
    measure: str | None = None
    """a metric's: what it aggregates (wage, income, paid); a measure's: its id"""
    aggregate: str | None = None
    """a metric's: how (avg, median, sum); an aggregate's: its id"""


@dataclass(frozen=True, eq=False)
class Phrase:
    words: tuple[str, ...]
    item: Item
    weak: bool = False
    """an oblast's bare name: where a city has the same name (Алматы), the city is meant"""
    borrowed: bool = False
    """a phrase of another language that questions in this one use (Russian words in a Kazakh question): read,
    but no evidence of the question's language"""
    written: tuple[str, ...] = ()
    """a Kazakh phrase's words as the layer writes them, lower case (the folded ones lose қ and к, ә and а apart:
    кәріз, sewerage, and қарыз, debt, fold alike); empty where they do not line up with ``words``"""


@dataclass(frozen=True)
class Layer:
    entities: dict[str, dict[str, Any]]
    items: tuple[Item, ...]
    phrases: dict[str, tuple[Phrase, ...]]
    """language -> phrases, longest first"""
    stopwords: dict[str, frozenset[str]]
    borrowed_stopwords: dict[str, frozenset[str]]
    """another language's words without meaning, as questions in this one use them"""
    abbreviations: dict[str, dict[str, tuple[str, ...]]]
    """language -> an abbreviation as typed, lower case, without its dot -> the words it stands for"""


def word_matches(pattern: str, word: str, anchored: bool = False) -> bool:
    """``anchored``: the word follows the earlier words of its phrase, so even a short one may be inflected
    (тұрғын үй: тұрғын үйдің)."""
    if len(pattern) < 4:  # a letter alone (г. for город) is an abbreviation, and a short Russian word (же, на) is
        # not inflected: neither is ever the start of another word (или же: not или женщин)
        return word == pattern or (anchored and len(pattern) > 1 and pattern.isascii() and
                                   word.startswith(pattern) and len(word) - len(pattern) <= 6 and
                                   not (word[len(pattern):] in LONE_VOWELS and pattern[-1] not in LONE_VOWELS + "iy"))
    return word.startswith(pattern) and len(word) - len(pattern) <= MAX_SUFFIX and not (
        word.startswith(WORDS_OF_THEIR_OWN) and not pattern.startswith(WORDS_OF_THEIR_OWN))


LONE_VOWELS = "aeou"
"""a vowel alone after a short word's last consonant is no Kazakh ending of it (no case begins so: бала, a child,
is no form of бал, a score), where the possessive ы, і (folded i) is"""
WORDS_OF_THEIR_OWN = ("оралман", "oralman")
"""Words that begin with a shorter word of the layer but are words of their own, in any form: оралман (a returnee,
оралмандар) is no form of Орал (the city), as семейный is one of семья and Оралда one of Орал."""


REGION_WORDS = {
    "kk": {"oblast": ["облысы", "облысында", "облысындағы", "облыс"], "city": ["қаласы", "қаласында", "қала"]},
    "ru": {"oblast": ["области", "область", "обл"], "city": ["городе", "город", "г"]},
    "en": {"oblast": ["region", "oblast", "province", "rgn", "reg"], "city": ["city"]},
}


WORDS_OF_LANGUAGE = {"ru": frozenset({"семей"})}
"""Other names of a region that are a word of one language, never read as the region there: Семей (the city) is
"of families" in Russian."""


def _region_phrases(aliases: dict[str, dict[str, tuple[str, ...]]]) -> list[tuple[str, list[str], Item, bool]]:
    """(language, words, item) for every region: its Kazakh, Russian and English names, with and without the
    word for region or city, the Russian adjective by its stem (Туркестанская -> туркестанск), and the other names
    people use for it (``aliases``: code -> language -> abbreviations and old names: ВКО, Нур-Султан, Чимкент)."""
    found = []
    for region in regions():
        item = Item("region", region.code, None, f"region = '{region.code}'",
                    {"kk": region.name_kk, "ru": region.name_ru, "en": region.name_en})
        others = sorted({name for names in aliases.get(region.code, {}).values() for name in names})
        marker = "oblast" if region.kind == "oblast" else "city"
        for language in LANGUAGES:  # a name is a name in any language: ВКО in a Kazakh question, Чимкент in English
            named = [name for name in others if name not in WORDS_OF_LANGUAGE.get(language, ())]
            found += [(language, name.replace("-", " ").split(), item, False) for name in named]
            found += [(language, [*name.replace("-", " ").split(), extra], item, False)  # Zhambyl Region, and a
                      for name in named  # region's centre as a city: Орал қаласында, Oral qalasynda
                      for extra in dict.fromkeys([*REGION_WORDS[language][marker], *REGION_WORDS[language]["city"]])]
        kk = [w for w in region.name_kk.split() if w.lower() not in ("облысы", "қаласы")]
        en = [w for w in region.name_en.replace("-", " ").split() if w.lower() not in ("region", "city")]
        ru = [w for w in region.name_ru.replace("-", " ").split() if w.lower() not in ("область", "город")]
        ru = [w[:-2] if w.lower().endswith(("ая", "ой", "ий")) and len(w) > 6 else
              w[:-1] if w.lower().endswith(("а", "я")) and len(w) >= 5 else w for w in ru]  # Астана: в Астане
        for language, base in (("kk", kk), ("ru", ru), ("en", en)):
            for extra in REGION_WORDS[language][marker]:
                ordered = [extra, *base] if language == "ru" and region.name_ru.lower().startswith("область") \
                    else [*base, extra]  # a name with its region's word is that region in a question of any
                found += [(said, ordered, item, False) for said in LANGUAGES]  # language: Алматы облысында сколько
            found.append((language, base, item, marker == "oblast"))
        found.append(("kk", en, item, marker == "oblast"))  # Kazakh in Latin: Turkistan folds like Түркістан
        found.append(("ru", [to_russian_letters(w) for w in kk], item, marker == "oblast"))  # в Мангыстау, Актобе
        found += [("ru", [*(to_russian_letters(w) for w in kk), extra], item, False)  # Туркестан обл., Актобе области
                  for extra in REGION_WORDS["ru"][marker]]
    return found


Texts = Annotated[dict[str, Text], texts_in(LANGUAGES)]
Words = Annotated[dict[str, tuple[Text, ...]], texts_in(LANGUAGES)]
"""phrases in each of kk, ru, en"""


class Entity(BaseModel):
    """What a question counts: a table of the mart, an optional condition, its name and words."""

    model_config = FROZEN
    table: TableName
    where: Text | None = None
    date: Text | None = None
    """the column that dates each row (a payment's day), which a year or month asked of the entity reads; none: the
    entity is as of the mart's day, and a past period cannot be answered"""
    dated_by: Words | None = None
    """words of which one must be said for a period to read ``date`` (a company's registration: "companies in 2020"
    may mean the companies of 2020, not those registered then); none: a period always reads it"""
    name: Texts
    words: Words


class Term(BaseModel):
    """A metric, filter or group: its SQL, the entity it belongs to (none: any), its name and words."""

    model_config = FROZEN
    id: Text
    entity: Text | None = None
    sql: Text = ""
    where: Text | None = None
    """a condition the item needs (a metric's: average wage over those with a wage)"""
    name: Texts
    words: Words
    measure: Text | None = None
    """a metric's: the measure it aggregates (``measures``), so that 'median' said apart from 'wage' finds it"""
    aggregate: Text | None = None
    """a metric's: how it aggregates its measure (``aggregates``)"""
    carried: dict[Text, Text] = {}
    """a filter's: the same words said of another entity -> its SQL there (the childcare allowance of payments,
    persons receiving it, families receiving it; families without gas, dwellings without gas)"""


class Measure(BaseModel):
    """A quantity a metric aggregates, said apart from how (median ... wage, табыстың медианасы)."""

    model_config = FROZEN
    entity: Text
    words: Words


class LayerFile(BaseModel):
    model_config = FROZEN
    entities: dict[str, Entity] = {}
    metrics: Annotated[tuple[Term, ...], AfterValidator(unique_ids)] = ()
    filters: Annotated[tuple[Term, ...], AfterValidator(unique_ids)] = ()
    groups: Annotated[tuple[Term, ...], AfterValidator(unique_ids)] = ()
    stopwords: Annotated[dict[str, tuple[Text, ...]], texts_in(LANGUAGES, ())] = {}
    abbreviations: Annotated[dict[str, dict[Text, Text]], texts_in(LANGUAGES, ())] = {}
    """language -> abbreviation -> what it stands for (обл. -> облысы, avg -> average, зп -> зарплата)"""
    aggregates: dict[Text, Words] = {}
    """how a measure is aggregated (avg, median) -> the words that say it alone (median, медиана, орташа)"""
    measures: dict[Text, Measure] = {}
    """what is aggregated (wage, income) -> its entity and the words that say it alone"""
    region_aliases: dict[Text, Annotated[dict[str, tuple[Text, ...]], texts_in(LANGUAGES, ())]] = {}
    """a region's KATO code -> language -> the other names people use for it (abbreviations, old names)"""

    @model_validator(mode="after")
    def _declared(self) -> LayerFile:
        for kind in ("metrics", "filters", "groups"):
            for term in getattr(self, kind):
                if term.entity is not None and term.entity not in self.entities:
                    raise problem("config.undeclared_entity", kind=kind, id=repr(term.id),
                                  entity=repr(term.entity), allowed=", ".join(self.entities))
        for term in (*self.metrics, *self.filters, *self.groups):
            for other in term.carried:
                if other not in self.entities:
                    raise problem("config.undeclared_entity", kind="carried", id=repr(term.id), entity=repr(other),
                                  allowed=", ".join(self.entities))
        for metric in self.metrics:
            for what, value, declared in (("measure", metric.measure, self.measures),
                                          ("aggregate", metric.aggregate, self.aggregates)):
                if value is not None and value not in declared:
                    raise problem("config.undeclared_entity", kind=f"metrics ({what})", id=repr(metric.id),
                                  entity=repr(value), allowed=", ".join(declared))
        return self


def load_layer(path: Path | None = None) -> Layer:
    data = load_data(LayerFile, "semantic.toml", path)
    items: list[Item] = []
    raw: list[tuple[str, list[str], Item, bool]] = []

    def add(kind: str, term: Entity | Term | Measure, item_id: str, entity: str | None) -> None:
        if isinstance(term, Measure):
            item = Item(kind, item_id, entity, "", {lang: said[0] for lang, said in term.words.items() if said},
                        measure=item_id)
        else:
            item = Item(kind, item_id, entity, term.sql if isinstance(term, Term) else "", dict(term.name),
                        term.where, getattr(term, "measure", None), getattr(term, "aggregate", None))
        items.append(item)
        for language in LANGUAGES:
            for phrase in term.words[language]:
                raw.append((language, phrase.split(), item, False))

    for entity, spec in data.entities.items():
        add("entity", spec, entity, entity)
    for kind in ("metrics", "filters", "groups"):
        for term in getattr(data, kind):
            add(kind[:-1], term, term.id, term.entity)
            for other, sql in term.carried.items():
                add(kind[:-1], term.model_copy(update={"sql": sql, "where": None}), f"{term.id}@{other}", other)
    for measure_id, measure in data.measures.items():
        add("measure", measure, measure_id, measure.entity)
    for aggregate_id, said in data.aggregates.items():
        how = Item("aggregate", aggregate_id, None, "", {lang: w[0] for lang, w in said.items() if w},
                   aggregate=aggregate_id)
        items.append(how)
        raw += [(language, phrase.split(), how, False) for language in LANGUAGES for phrase in said[language]]
    raw += _region_phrases({code: dict(names) for code, names in data.region_aliases.items()})
    phrases: dict[str, list[Phrase]] = {language: [] for language in LANGUAGES}
    for language, parts, item, weak in raw:
        folded = tuple(w for part in parts for w in words(part, language))
        if folded:
            written = tuple(w.lower() for w in parts) if language == "kk" and len(parts) == len(folded) else ()
            phrases[language].append(Phrase(folded, item, weak, written=written))
            if language == "kk":  # халық: халқы; шаруашылығ: шаруашылықтары (kazakh.stem_variants)
                forms = [[w, *stem_variants(w)] for w in folded]
                phrases[language] += [Phrase(tuple(v), item, weak, written=written) for v in itertools.islice(
                    itertools.product(*forms), 1, MAX_VARIANTS)]
            dictionary = tuple(lemma(w, language) for w in folded)
            if dictionary != folded:  # средняя зарплата as средний зарплата: matched by any form's lemmas
                phrases[language].append(Phrase(dictionary, item, weak))
            if language == "ru":  # Kazakh and English questions hold Russian words (Ақтөбе облысында сколько семей
                # тұрады? how many многодетные families?)
                phrases["kk"].append(Phrase(tuple(w for part in parts for w in words(part, "kk")), item, weak, True))
                phrases["en"].append(Phrase(folded, item, weak, True))
                if dictionary != folded:
                    phrases["en"].append(Phrase(dictionary, item, weak, True))
    _borrow_across(raw, phrases, data)
    # longest first; of two alike, the question's own language's before one borrowed from another language
    ordered = {language: tuple(sorted(dict.fromkeys(found), key=lambda p: (-len(p.words), -sum(map(len, p.words)),
                                                                           p.borrowed)))
               for language, found in phrases.items()}
    stop = {language: frozenset(w for s in data.stopwords.get(language, ()) for w in words(s, language))
            for language in LANGUAGES}
    borrowed: dict[str, frozenset[str]] = {language: frozenset() for language in LANGUAGES}
    borrowed["kk"] = frozenset(w for s in data.stopwords.get("ru", ()) for w in words(s, "kk")) - stop["kk"]
    borrowed["en"] = stop["ru"] - stop["en"]  # (Russian fillers in Kazakh and English questions)
    # English articles and prepositions in Latin letters, which no Russian word is written in (сколько people старше
    # 80 in Kostanay region); not the words the grammar reads (and, or, over, between, per)
    borrowed["ru"] = frozenset(ENGLISH_ARTICLES) - stop["ru"]
    entities = {name: spec.model_dump() for name, spec in data.entities.items()}
    short = {language: {" ".join(typed_words(k.lower())): tuple(v.split())  # ск-ко: the words ск ко
                        for k, v in data.abbreviations.get(language, {}).items()} for language in LANGUAGES}
    return Layer(entities, tuple(items), ordered, stop, borrowed, short)


ENGLISH_ARTICLES = ("in", "the", "of", "a", "an", "at", "is", "are", "there", "from")
KAZAKH_LETTERS = frozenset("әғқңөұүһі")
BORROWED_LONGEST = 5
"""The shortest word of another language read alone in a question (a borrowed word must be unmistakable: English
"men" is Kazakh мен, "and", folded to Latin; Kazakh бала begins Russian баланс)."""
BORROWED_SHORTEST = 3
"""The shortest word of a borrowed phrase of several words."""


def _borrow_across(raw: list[tuple[str, list[str], Item, bool]], phrases: dict[str, list[Phrase]],
                   data: LayerFile) -> None:
    """Kazakh phrases read in Russian and English questions (сколько мүгедектер, how many көп балалы families) and
    English ones in Kazakh and Russian questions (Almaty qalasynda targeted social assistance alatyn otbasylar,
    средняя pension amount): a phrase is borrowed only when each of its words is unmistakable in the other
    language: a Kazakh word with a letter of its own or not a Russian word, an English word of five letters or
    more that is no word of the other language's phrases or fillers (Russian ones borrowed into Kazakh included)."""
    own = {language: {w for p in found for w in p.words} |  # Russian phrases borrowed already included (семей:
           {w for s in data.stopwords.get(language, ()) for w in words(s, language)}  # families, not Semey)
           for language, found in phrases.items()}

    def kazakh(word: str) -> bool:
        return bool(set(word) & KAZAKH_LETTERS) or (len(word) >= BORROWED_LONGEST and
                                                    in_dictionary(word, "ru") is False)

    for language, parts, item, weak in raw:
        if language == "kk" and all(kazakh(w.lower()) for w in parts):
            for target in ("ru", "en"):
                folded = tuple(w for part in parts for w in words(part, target))
                if folded and not set(folded) & own[target]:
                    phrases[target].append(Phrase(folded, item, weak, True))
        elif language == "en":
            for target in ("ru",) if item.kind == "region" else ("kk", "ru"):  # a Latin place name is read in
                # Kazakh by its own Kazakh name, folded to Latin alike (Almaty, Semey)
                folded = tuple(w for part in parts for w in words(part, target))
                shortest = BORROWED_LONGEST if len(folded) == 1 else BORROWED_SHORTEST  # utility debt: a phrase of
                # several words is unmistakable by all of them together
                if folded and all(len(w) >= shortest and w not in own[target] for w in folded):
                    phrases[target].append(Phrase(folded, item, weak, True))


@cache
def default_layer() -> Layer:
    return load_layer()
