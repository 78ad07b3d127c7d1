"""Telling Korean from English, and the Hangul arithmetic everything else uses."""

import pytest

from diglot import hangul
from diglot.errors import DiglotError, InputError
from diglot.korean import final_consonant
from diglot.languages import check_language, pair_languages, script_of


def test_script_of():
    assert script_of("탈북자 35명이 중국에서 CNKR") == "ko"
    assert script_of("South Korea is pressuring China (피터빈트)") == "en"
    assert script_of("") == "en" and script_of("2011.10.05") == "en"
    assert script_of("ㅋㅋ") == "ko"  # compatibility jamo count as Hangul


def test_pair_languages_either_order():
    assert pair_languages("Seoul urged China.", "정부가 중국에 촉구했다.") == ("en", "ko")
    assert pair_languages("정부가 중국에 촉구했다.", "Seoul urged China.") == ("ko", "en")


def test_two_texts_in_one_language_are_refused_naming_both():
    with pytest.raises(DiglotError, match=r"^a\.txt and b\.txt both look Korean: give one Korean and one English text$"):
        pair_languages("탈북자 35명", "북한 주민", ("a.txt", "b.txt"))
    with pytest.raises(DiglotError, match="both look English"):
        pair_languages("Seoul said so.", "Pyongyang did not.")


def test_an_empty_side_is_refused_or_takes_the_other_language():
    with pytest.raises(InputError, match=r"^b\.txt is empty: give a text and its translation"):
        pair_languages("Seoul said so.", " \n\n", ("a.txt", "b.txt"))
    assert pair_languages("Seoul said so.", "", allow_empty=True) == ("en", "ko")
    assert pair_languages("", "탈북자", allow_empty=True) == ("en", "ko")
    with pytest.raises(InputError, match=r"^a and b are both empty$"):
        pair_languages("", "\n", ("a", "b"), allow_empty=True)


def test_check_language():
    assert check_language("ko") == "ko"
    with pytest.raises(DiglotError, match="unsupported language ja: choose ko or en"):
        check_language("ja")


def test_syllable_arithmetic_round_trips_over_the_whole_block():
    for code in range(hangul.FIRST_SYLLABLE, hangul.LAST_SYLLABLE + 1):
        ch = chr(code)
        assert hangul.compose(*hangul.decompose(ch)) == ch
    assert hangul.decompose("가") == (0, 0, 0) and hangul.decompose("힣") == (18, 20, 27)
    assert [hangul.final_jamo(ch) for ch in "각닭삶가"] == ["ㄱ", "ㄺ", "ㄻ", ""]
    assert final_consonant("북한") == "ㄴ" and final_consonant("탈북자") == ""
    with pytest.raises(ValueError):
        hangul.decompose("a")
    assert hangul.SYLLABLE_RUN.findall("탈북자 35명 CNKR") == ["탈북자", "명"]
    assert not hangul.is_syllable("ㄱ") and hangul.LETTER.match("ㄱ")
