import pytest

from diglot.align.romanize import romanize, romanize_name, skeleton, skeletons


def test_revised_romanization():
    assert romanize("김성환") == "gimseonghwan"
    assert romanize("카스파로프") == "kaseuparopeu"
    assert romanize("ASCI 화이트") == "ASCI hwaiteu"


def test_press_forms_of_names():
    assert romanize_name("김성환")[0] == "Kim Sung-hwan"
    assert romanize_name("허승재")[0] == "Huh Seung-jae"
    assert "Lee Myung-bak" in romanize_name("이명박")
    assert romanize_name("리설주")[-1] == "Ri Sol Ju"
    assert romanize_name("김정은")[-1] == "Kim Jong Un"


@pytest.mark.parametrize(
    "hangul, latin",
    [("김정일", "Kim Jong-il"), ("김정일", "Kim Jong Il"), ("김성환", "Kim Sung-hwan"), ("허승재", "Huh Seung-jae"),
     ("카스파로프", "Kasparov"), ("고든", "Gordon"), ("짐바브웨", "Zimbabwe"), ("매케인", "McCain"),
     ("키르쿠크", "Kirkuk"), ("멜버른", "Melbourne"), ("리설주", "Ri Sol Ju"), ("명박", "Myung-bak")],
)  # fmt: skip
def test_names_meet_through_their_skeleton(hangul, latin):
    assert skeletons(hangul) & skeletons(latin)


def test_different_names_differ():
    assert not skeletons("김정일") & skeletons("Kim Jong-un")
    assert skeleton("오바마") != skeleton("McCain")
