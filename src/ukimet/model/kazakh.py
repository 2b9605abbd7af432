"""Kazakh stem alternations, as rules on words folded to one script (``semantic.fold``: Kazakh letters and both
Latin alphabets to plain Latin, ы and і to i, қ to k, ғ to g).

A Kazakh stem changes at its end when an ending that starts with a vowel follows it, so a vocabulary word written
in its dictionary form does not start the inflected word a question holds:

* a final voiceless consonant is voiced: шаруашылық -> шаруашылығы, кітап -> кітабы, жүрек -> жүрегі (and a
  phrase written with the voiced form, шаруашылығ, meets шаруашылықтары);
* the narrow vowel of a last syllable drops before a possessive: халық -> халқы, мұрын -> мұрны (words of five
  letters or more once folded; in shorter ones, орын -> орны, the stem left would be too short to match on).

``stem_variants`` gives the other forms a stem may take, so that the vocabulary matches every form the rules
make, without listing them."""

from __future__ import annotations

VOICING = {"k": "g", "g": "k", "p": "b", "b": "p"}
"""final consonants that alternate before a vowel (қ/ғ and к/г fold to k/g)"""
NARROW = "i"
"""ы and і, folded"""
VOWELS = frozenset("aeiouy")
SHORTEST = 4
"""the shortest word whose stem alternations are taken: shorter words would match too many others"""


def stem_variants(word: str) -> list[str]:
    """The other forms the stem of the folded word ``word`` takes before an ending (``word`` itself left out):
    its final consonant voiced or unvoiced, and its last narrow vowel dropped between two consonants."""
    if len(word) < SHORTEST or not word.isalpha():
        return []
    found = []
    last = word[-1]
    if last in VOICING:
        found.append(word[:-1] + VOICING[last])
    if word[-2] == NARROW and last not in VOWELS and word[-3] not in VOWELS - {"u"} and len(word) >= SHORTEST + 1:
        found.append(word[:-2] + last)  # халық -> халқ(ы); ауыз -> ауз(ы): у folds to u, a consonant there
    return found
