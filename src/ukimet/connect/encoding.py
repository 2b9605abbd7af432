"""How a CSV export is written: its code page, delimiter and header.

KZ-1048 and Windows-1251 share every Russian letter and differ only where KZ-1048 puts the Kazakh ones, so a
KZ-1048 file read as Windows-1251 turns Нұрсұлтан into Нўрсўлтан. Each candidate decoding is scored by the
letters it produces: Kazakh and Russian letters count for it, letters of other Cyrillic alphabets (ў, ї, є, ѕ,
Ј ...) that a wrong guess produces count against it. On a tie (text with Russian letters only, identical in
both) Windows-1251 wins, as the more common page."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa

from ukimet.core.errors import SourceError

SAMPLE_BYTES = 1 << 20
CANDIDATES = ("cp1251", "kz1048", "cp866", "mac_cyrillic", "koi8-r")
"""Tried in this order when the file is not UTF-8; on equal scores the first wins. MacCyrillic (an export from a
Mac's Excel) shares cp866's capitals and Windows-1251's small letters but for я: read as either, its other
letters are symbols (Телефон as cp866 is ТхыхЇюэ). KOI8-R (a Unix program's export) puts its letters where
Windows-1251 does, in another order: read as either, every byte is a Russian letter, and only which letters are
frequent tells them apart (ДАТА_ОТПР read as Windows-1251 is дбфб_пфрт)."""
_RUSSIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_KAZAKH = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_FOREIGN = set("ђѓљњћџўЎјЈґҐєЄїЇѕЅЂЃЉЊЋЏ¤¦§©«¬®°±µ¶·»")
_FREQUENT = set("оеаинтсрвлОЕАИНТСРВЛ")
"""Russian's ten most frequent letters (about 60 % of its letters, and of a Kazakh text's Cyrillic ones); a code
page that reads the bytes as other letters finds far fewer of them"""


@dataclass(frozen=True)
class CsvDialect:
    encoding: str
    delimiter: str
    header: bool
    confidence: float
    """How sure the encoding guess is: 1 when only one candidate decodes sensibly."""
    fallback: str | None = None
    """For a UTF-8 file some of whose lines are in a code page (rows appended by another program): that page."""


def _score(text: str) -> float:
    good = sum(map(text.count, _RUSSIAN | _KAZAKH))  # a count per letter runs in C: a character loop took 1.4 s
    bad = sum(map(text.count, _FOREIGN))             # over the samples of three files
    return good - 20 * bad


def _scores(decoded: dict[str, str]) -> dict[str, float]:
    """Each decoding's ``_score``; KOI8-R's, which reads the same bytes as letters as Windows-1251 does, also by how
    many more of Russian's frequent letters it finds than Windows-1251 (so that it changes no other choice)."""
    scores = {encoding: _score(text) for encoding, text in decoded.items()}
    if "koi8-r" in scores and "cp1251" in scores:
        scores["koi8-r"] += sum(map(decoded["koi8-r"].count, _FREQUENT)) - sum(map(decoded["cp1251"].count, _FREQUENT))
    return scores


BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""Byte-order marks, longest first (UTF-32 LE's begins with UTF-16 LE's): a file that starts with one says its
encoding itself, before any guess."""
MAGIC = ((b"\x89PNG", "a PNG image"), (b"PK\x03\x04", "a zip archive (an Excel workbook is one too)"),
         (b"%PDF", "a PDF document"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
         (b"PAR1", "a Parquet file"), (b"\xd0\xcf\x11\xe0", "an old Office (xls, doc) file"),
         (b"SQLite format 3\x00", "a SQLite database"), (b"\x1f\x8b", "a gzip archive"),
         (b"7z\xbc\xaf", "a 7-Zip archive"), (b"Rar!", "a RAR archive"))


def binary_kind(sample: bytes) -> str | None:
    """What ``sample`` is when it is not text at all (by its signature, or by NUL bytes, which no text in a
    code page without a byte-order mark holds); None for text."""
    if any(sample.startswith(bom) for bom, _ in BOMS):
        return None
    for magic, kind in MAGIC:
        if sample.startswith(magic):
            return kind
    # text holds no NUL byte; a stray one inside a row is that row's fault (quarantined when read), not the file's
    return "binary data" if sample.count(b"\x00") > max(8, len(sample) // 100) else None


def detect_encoding(sample: bytes) -> tuple[str, float]:
    """The code page of ``sample`` and a confidence between 0 and 1: its byte-order mark's first, then UTF-8, then
    the best-scoring Cyrillic code page."""
    for bom, encoding in BOMS:
        if sample.startswith(bom):
            return encoding, 1.0
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8", 1.0
    except UnicodeDecodeError:
        pass
    decoded: dict[str, str] = {}
    for encoding in CANDIDATES:
        try:
            decoded[encoding] = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
    scores = _scores(decoded)
    if not scores:
        raise SourceError("source.encoding")
    best = max(scores, key=lambda e: (scores[e], -CANDIDATES.index(e)))
    western = _western_page(sample, decoded[best])
    if western is not None:
        return western, 0.9
    others = [v for e, v in scores.items() if e != best]
    margin = scores[best] - max(others, default=float("-inf"))
    confidence = 1.0 if margin == float("inf") or margin > 50 else 0.5 + min(margin, 50) / 100
    return best, confidence


_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
MIXED_WORDS_LEAST = 5
"""The fewest words of Latin and Cyrillic letters at once that tell a Western page read as a Cyrillic one"""
TURKISH_IN_1252 = frozenset("ÐðÝýÞþ")
"""Windows-1252's letters where Windows-1254 (Turkish) has ğ, Ğ, İ, ı, Ş, ş: in Latin words, the page is Turkish"""


def _western_page(sample: bytes, cyrillic: str) -> str | None:
    """A Western code page (Windows-1254 Turkish, else Windows-1252) where the best Cyrillic reading of ``sample``
    makes words of Latin letters with Cyrillic ones inside them (a Turkish ERP's Doğum read as Doрum, Ünvanı as
    Ьnvanэ) more than twice as often as words of Cyrillic letters alone; None for a Cyrillic file (whose few Latin
    look-alikes typed inside Cyrillic words, Aхметов, stay rarer than its Cyrillic words)."""
    mixed = cyrillic_only = 0
    for word in _WORD.findall(cyrillic):
        if _CYRILLIC_LETTER.search(word):
            if any(c.isascii() for c in word):
                mixed += 1
            else:
                cyrillic_only += 1
    if mixed < MIXED_WORDS_LEAST or mixed <= 2 * cyrillic_only:
        return None
    return "cp1254" if any(c in TURKISH_IN_1252 for c in sample.decode("cp1252", errors="replace")) else "cp1252"


def best_code_page(sample: bytes) -> str:
    """The Cyrillic code page that reads ``sample`` best (every byte decodes in each of them)."""
    scores = _scores({encoding: sample.decode(encoding, errors="replace") for encoding in CANDIDATES})
    return max(scores, key=lambda e: (scores[e], -CANDIDATES.index(e)))


def mixed_fallback(sample: bytes) -> str | None:
    """The code page of the lines of ``sample`` that are not UTF-8, when others are UTF-8 with letters outside
    ASCII: one file written by two programs. None when the file is in one encoding."""
    utf8, other = 0, []
    for line in sample.split(b"\n")[:-1] or sample.split(b"\n"):  # the last line may be cut by the sample
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 += 1
        except UnicodeDecodeError:
            other.append(line)
    return best_code_page(b"\n".join(other)) if utf8 and other else None


class Utf8Lines(io.RawIOBase):
    """A text file's bytes as UTF-8, for a file that is UTF-8 but may hold lines in a code page: a block that is
    UTF-8 passes as it is; in a block that is not, each line that is not UTF-8 is decoded from ``fallback`` (or
    the page that reads that line best) and counted in ``converted``."""

    def __init__(self, path: Path, fallback: str | None = None, block: int = 1 << 20) -> None:
        self.file: BinaryIO = path.open("rb")
        self.fallback = fallback
        self.block = block
        self.converted = 0
        self._pending = b""
        self._out = b""
        self._at = 0

    def readable(self) -> bool:
        return True

    def _refill(self) -> bool:
        """The next block of lines into ``_out``, once the last one is read; False at the end."""
        data = self.file.read(self.block)
        if not data:
            data, self._pending = self._pending, b""
            if not data:
                return False
        else:
            data = self._pending + data
            cut = data.rfind(b"\n") + 1  # a character never spans a line break
            data, self._pending = data[:cut], data[cut:]
        self._out, self._at = self._utf8(data), 0
        return True

    def _utf8(self, data: bytes) -> bytes:
        try:
            data.decode("utf-8")
            return data
        except UnicodeDecodeError:
            converted = [0]
            out = self.convert(data, self.fallback, converted)
            self.converted += converted[0]
            return out

    @staticmethod
    def convert(data: bytes, fallback: str | None, counted: list[int] | None = None) -> bytes:
        """``data`` with each line that is not UTF-8 decoded from ``fallback`` (or the page that reads it best)
        and written in UTF-8; ``counted[0]`` grows by the lines converted."""
        lines = data.split(b"\n")
        for i, line in enumerate(lines):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                lines[i] = line.decode(fallback or best_code_page(line), errors="replace").encode("utf-8")
                if counted is not None:
                    counted[0] += 1
        return b"\n".join(lines)

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while self._at == len(self._out):
            if not self._refill():
                return 0
        n = min(len(buffer), len(self._out) - self._at)
        buffer[:n] = self._out[self._at:self._at + n]
        self._at += n
        return n

    def close(self) -> None:
        self.file.close()
        super().close()


def decode_values(values: pa.Array[Any]) -> tuple[pa.Array[Any], str | None]:
    """Bytes of a text column whose database declares no encoding (PostgreSQL's SQL_ASCII) as text: UTF-8 where
    a value is UTF-8, the code page that reads the other values best where it is not (that page is returned; a
    byte no page defines is kept as an escape)."""
    try:
        return values.cast(pa.string()), None
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    raw: list[bytes | None] = values.to_pylist()
    other = []
    for value in raw:
        if value is not None:
            try:
                value.decode("utf-8")
            except UnicodeDecodeError:
                other.append(value)
    page = best_code_page(b"\n".join(other))
    texts = [None if v is None else _decoded(v, page) for v in raw]
    return pa.array(texts, pa.string()), page


def _decoded(value: bytes, page: str) -> str:
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode(page, errors="backslashreplace")


def text_lines(path: Path, encoding: str, fallback: str | None = None) -> tuple[io.TextIOWrapper, Utf8Lines | None]:
    """The file as text, line endings kept for the csv module, and for a UTF-8 file the :class:`Utf8Lines` it is
    read through (which counts the lines it converted)."""
    if encoding in ("utf-8", "utf-8-sig"):
        raw = Utf8Lines(path, fallback)
        return io.TextIOWrapper(io.BufferedReader(raw), encoding=encoding, newline=""), raw
    return path.open(encoding=encoding, newline=""), None


SEP_LINE = re.compile(r"\ufeff?sep=(.)")
"""The line Excel reads as the file's delimiter (sep=;), written above the header by exports meant for it."""


def sniff(path: Path, encoding: str | None = None) -> CsvDialect:
    """Encoding, delimiter and header of the CSV file at ``path``."""
    with path.open("rb") as f:
        raw = f.read(SAMPLE_BYTES)
    kind = binary_kind(raw)
    if kind is not None:
        raise SourceError("source.binary_file", path=str(path), kind=kind)
    body = next((raw[len(bom):] for bom, _ in BOMS if raw.startswith(bom)), raw)
    if not body.strip():  # not even a header: nothing says what the table is
        raise SourceError("source.empty_file", path=str(path))
    fallback = None
    if encoding is None:
        encoding, confidence = detect_encoding(raw)
        if encoding in CANDIDATES:
            fallback = mixed_fallback(raw)
            if fallback is not None:
                encoding = "utf-8"
    else:
        confidence = 1.0
    if fallback is not None:
        text = Utf8Lines.convert(raw, fallback).decode("utf-8", errors="ignore")
    else:
        text = raw.decode(encoding, errors="ignore")
    lines = text.splitlines()[:50]
    declared = SEP_LINE.fullmatch(lines[0].strip()) if lines else None
    if declared:  # Excel's sep=; above the header: the delimiter, said
        lines = lines[1:]
    sample = "\n".join(lines)
    try:
        delimiter = declared.group(1) if declared else csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        delimiter = max(";,\t|", key=lambda d: sum(line.count(d) for line in lines))
    header = _has_header(lines, delimiter)
    return CsvDialect(encoding, delimiter, header, confidence, fallback)


def _numeric(cell: str) -> bool:
    return cell.strip().replace(".", "").replace("-", "").replace(",", "").isdigit()


def numbered_columns(cells: Sequence[object]) -> bool:
    """Whether a row is its columns' numbers, 1, 2, 3 ... in order (at least three), as statistical and police
    forms head their fields: a header, not a record."""
    texts = [str(c).strip() for c in cells]
    return len(texts) >= 3 and texts == [str(n) for n in range(1, len(texts) + 1)]


def _has_header(lines: list[str], delimiter: str) -> bool:
    """A header row has no numbers, and its cells are unlike the column values below: a column of numbers under
    a word says so. Empty header cells (a line ending in the delimiter, a column nobody named) are allowed where
    at least two cells name columns and some column below holds numbers its header does not."""
    rows = list(csv.reader(lines[:20], delimiter=delimiter))  # within the sample: a field cannot exceed it
    if len(rows) < 2:
        return True
    first = rows[0]
    body = rows[1:]
    if numbered_columns(first) and not any(numbered_columns(r) for r in body):
        return True  # a form's columns numbered 1, 2, 3 ... (Форма 2, its fields by number): names, though digits
    if any(_numeric(cell) for cell in first):
        return False
    numeric_below = sum(1 for i, cell in enumerate(first)
                        if cell.strip() and any(i < len(r) and _numeric(r[i]) for r in body))
    if any(not cell.strip() for cell in first):
        return numeric_below > 0 and sum(1 for cell in first if cell.strip()) >= 2
    return numeric_below > 0 or not any(first == r for r in body)


WESTERN_PAGES = ("latin-1", "cp1252")
"""The pages a program that did not know a file's code page read it in: its Cyrillic letters became Western ones."""
_ACCENTED = re.compile(r"[À-ÿ]")
_UTF8_TWICE_SAID = r"[ÐÑÒÓ][^\x00-\x7f]"
"""a Cyrillic letter's first UTF-8 byte read as a Western letter, before another that is no ASCII"""
MOJIBAKE = r"[À-ÿ][À-ÿ]|" + _UTF8_TWICE_SAID
"""Two Western accented letters in a row, or UTF-8 read twice (``_UTF8_TWICE_SAID``; a regular expression DuckDB reads
too): where a value may be mojibake."""
_UTF8_TWICE = re.compile(_UTF8_TWICE_SAID)


def _western_byte(char: str) -> int:
    """The byte a Western page wrote ``char`` for: Windows-1252's, or Latin-1's for the five bytes it leaves out."""
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        if ord(char) < 256:
            return ord(char)
        raise


def _utf8_mended(text: str) -> str | None:
    """``text`` as written where a program read its UTF-8 bytes as Windows-1252 and wrote them as UTF-8 again
    (``ÐœÑƒÐºÐ°ÑˆÐµÐ²`` is Мукашев, ``Ò¯Ð¹Ð»ÐµÐ½Ñƒ`` үйлену); None where it is no such text."""
    try:
        once = bytes(_western_byte(c) for c in text).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return once if _CYRILLIC_LETTER.search(once) else None


def mended(text: str) -> str:
    """``text`` as written, where a program read Cyrillic text in a Western page (a shapefile's DBF converted
    without its ``.cpg``): ``ÄÞÑÅÍÎÂ`` is ДЮСЕНОВ, ``Ã.ÀÊÒÀÓ 32À`` Г.АКТАУ 32А; or read UTF-8 as Windows-1252 and
    wrote it again (``ÐœÑƒÐºÐ°ÑˆÐµÐ²``: Мукашев). Only a value whose letters are all such accented letters is
    mended (no name or address in a Western language is written in them alone: Müller, José and Ørsted keep
    theirs), or one that is UTF-8 read twice whole; any other value is returned as it is."""
    if _UTF8_TWICE.search(text):
        twice = _utf8_mended(text)
        if twice is not None:
            return twice
    if re.search(r"[A-Za-z]", text) or len(_ACCENTED.findall(text)) < 2:
        return text
    for page in WESTERN_PAGES:
        try:
            cyrillic = text.encode(page).decode("cp1251")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if not re.search(r"[^\W\d_]", cyrillic.translate(_NOT_CYRILLIC)):
            return cyrillic
    return text


_NOT_CYRILLIC = dict.fromkeys(range(1024, 1328))
"""Every Cyrillic letter deleted: what is left of a mended value must hold no letter."""
