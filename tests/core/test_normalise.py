from desktop_app.core.normalise import (
    canonical_url,
    is_zawgyi,
    normalise_content,
    normalise_handle,
    normalise_platform,
    normalise_reporter,
)


def test_canonical_url_applies_every_rule_of_the_spec() -> None:
    url = (
        "  HTTPS://WWW.Facebook.com:443/Some.Page/posts/123/"
        "?fbclid=abc&story=9&utm_source=x&mibextid=1&ref=share&refsrc=y"
        "&__cft__[0]=zz&__tn__=R&igshid=q&si=w&id=7#comments  "
    )
    assert canonical_url(url) == "https://facebook.com/Some.Page/posts/123?story=9&id=7"


def test_canonical_url_host_prefixes_and_ports() -> None:
    assert canonical_url("https://m.facebook.com/x") == "https://facebook.com/x"
    assert canonical_url("https://mbasic.facebook.com/x") == "https://facebook.com/x"
    assert canonical_url("https://web.facebook.com/x/") == "https://facebook.com/x"
    assert canonical_url("http://example.org:80/a") == "http://example.org/a"
    assert canonical_url("http://example.org:8080/a") == "http://example.org:8080/a"
    # Only one leading prefix is dropped, and only at the start of the host.
    assert canonical_url("https://www.m.example.org/a") == "https://m.example.org/a"
    assert canonical_url("https://tiktok.com/@user/video/1?lang=my") == (
        "https://tiktok.com/@user/video/1?lang=my"
    )


def test_canonical_url_keeps_other_parameters_in_their_order() -> None:
    assert canonical_url("https://x.org/p?b=2&a=1&utm_medium=z") == "https://x.org/p?b=2&a=1"
    assert canonical_url("https://x.org/p?__cft__%5B0%5D=1&a=1") == "https://x.org/p?a=1"
    assert canonical_url("") == ""


def test_handles_reporters_and_platforms_compare_loosely() -> None:
    assert normalise_handle("  @Bad.Actor ") == "bad.actor"
    assert normalise_handle("@") == ""
    assert normalise_reporter(" Researcher A ") == "researcher a"
    assert normalise_platform(" Facebook ") == "facebook"


def test_content_key_removes_punctuation_symbols_case_and_spacing() -> None:
    assert normalise_content("  Hello,   WORLD!! 😡 ") == "hello world"
    assert normalise_content("ｆｕｌｌｗｉｄｔｈ") == "fullwidth"
    assert normalise_content("!!! ...") == ""
    assert normalise_content("") == ""


def test_zawgyi_and_unicode_burmese_match() -> None:
    unicode_text = "မြန်မာ နိုင်ငံ"
    zawgyi_text = "ျမန္မာ ႏိုင္ငံ"
    assert is_zawgyi(zawgyi_text)
    assert not is_zawgyi(unicode_text)
    assert normalise_content(zawgyi_text) == normalise_content(unicode_text)
    # Burmese punctuation (section marks) is P* and goes.
    assert normalise_content("မြန်မာ။") == normalise_content("မြန်မာ")


def test_fast_zawgyi_probability_equals_the_library() -> None:
    from myanmartools import ZawgyiDetector

    from desktop_app.core.normalise import zawgyi_probability

    library = ZawgyiDetector()
    samples = [
        "မြန်မာ နိုင်ငံ",
        "ျမန္မာ ႏိုင္ငံ",
        "ေနေကာင္းလား",
        "နေကောင်းလား",
        "hello",
        "",
        "mixed မြန်မာ text ျမန္မာ",
        "၁၂၃",
        "ကို",
        "ကုိ",
    ]
    for text in samples:
        assert zawgyi_probability(text) == library.get_zawgyi_probability(text), text
