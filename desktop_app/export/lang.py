"""The language of an export's words: English (default, for letters to platforms) or
Burmese. Only the words a reader reads change; JSON keys, key columns, codes, numbers,
IDs and file names stay ASCII in every language.

``using(lang)`` sets the language for the export running in this thread (a context
variable), and ``t(text)`` gives the text in it; an English text without a Burmese
entry stays English. Burmese is Unicode only, never Zawgyi (a test checks). Zawgyi
text from the store is shown as its Unicode reading by ``shown``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from desktop_app.core.errors import BadInputError
from desktop_app.core.normalise import is_zawgyi, to_unicode_burmese

LANGUAGES = ("en", "my")
_LANG: ContextVar[str] = ContextVar("export_lang", default="en")


def check_lang(lang: str | None) -> str:
    value = (lang or "en").strip().lower()
    if value not in LANGUAGES:
        raise BadInputError(f"--lang {lang}: give en (English) or my (Burmese)")
    return value


@contextmanager
def using(lang: str | None) -> Iterator[str]:
    token = _LANG.set(check_lang(lang))
    try:
        yield _LANG.get()
    finally:
        _LANG.reset(token)


def current() -> str:
    return _LANG.get()


def t(text: str) -> str:
    """``text`` in the export's language."""
    if _LANG.get() == "my":
        return MY.get(text, text)
    return text


def indicator_label(key: str, english: str, *, sla: float, threshold: int) -> str:
    """An indicator's label (INDICATORS.md key) in the export's language; ``english`` is
    the label already filled in."""
    if _LANG.get() == "my" and key in MY_INDICATORS:
        return MY_INDICATORS[key].format(sla=f"{sla:g}", threshold=threshold)
    return english


@dataclass(frozen=True)
class Shown:
    """Text as a reader should see it: the Unicode reading, and the original when the
    stored text was Zawgyi (kept, never replaced in the store)."""

    text: str
    zawgyi_original: str | None = None


def shown(text: str) -> Shown:
    if text and is_zawgyi(text):
        return Shown(to_unicode_burmese(text), text)
    return Shown(text or "")


ZAWGYI_NOTE = "Converted from Zawgyi to Unicode for reading; the text as entered:"

MY: dict[str, str] = {
    "Evidence pack": "သက်သေအထောက်အထား အစုံ",
    "Pack": "အစုံ အမှတ်",
    "Signing key": "လက်မှတ်ထိုးသော့",
    "made": "ပြုလုပ်ချိန်",
    "case": "အမှု",
    "cases": "အမှု",
    "(no organisation name)": "(အဖွဲ့အစည်းအမည် မရှိ)",
    "(no name set)": "(အမည် မသတ်မှတ်ရသေး)",
    "Selection": "ရွေးချယ်မှု",
    "Indicators": "ညွှန်ကိန်းများ",
    "Indicator": "ညွှန်ကိန်း",
    "Value": "တန်ဖိုး",
    "Key": "JSON ကီး",
    "Cases": "အမှုများ",
    "Case {0}": "အမှု {0}",
    "Platform": "ပလက်ဖောင်း",
    "Link": "လင့်ခ်",
    "Post reference": "ပို့စ် ရည်ညွှန်းအမှတ်",
    "Category": "အမျိုးအစား",
    "Language": "ပို့စ်၏ ဘာသာစကား",
    "Posted at": "တင်ခဲ့သည့်အချိန်",
    "Logged at": "မှတ်တမ်းတင်သည့်အချိန်",
    "Author": "တင်သူ",
    "unknown": "မသိရ",
    "Notes": "မှတ်ချက်",
    "Evidence": "သက်သေအထောက်အထား",
    "Reports and the platform's responses": "တိုင်ကြားချက်များနှင့် ပလက်ဖောင်း၏ တုံ့ပြန်ချက်များ",
    "Reported at": "တိုင်ကြားသည့်အချိန်",
    "Reporter": "တိုင်ကြားသူ",
    "Channel": "တိုင်ကြားသည့်နည်းလမ်း",
    "Platform reference": "ပလက်ဖောင်း ရည်ညွှန်းအမှတ်",
    "Final outcome": "နောက်ဆုံး ဆုံးဖြတ်ချက်",
    "Hours to decision": "ဆုံးဖြတ်ရန် ကြာချိန် (နာရီ)",
    "no final decision yet": "နောက်ဆုံး ဆုံးဖြတ်ချက် မရသေးပါ",
    "(outside the period)": "(ကာလအပြင်ဘက်)",
    "Record": "မှတ်တမ်း",
    "suspected fake account": "အကောင့်အတုဟု သံသယရှိသည်",
    "uncategorised": "အမျိုးအစား မသတ်မှတ်ရသေး",
    "restriction": "ကန့်သတ်ချက်",
    "ground": "အကြောင်းပြချက်",
    "ground reference": "အကြောင်းပြချက် ရည်ညွှန်းချက်",
    "platform reference": "ပလက်ဖောင်း ရည်ညွှန်းအမှတ်",
    "notes": "မှတ်ချက်",
    "By month": "လအလိုက်",
    "Month": "လ",
    "Reports": "တိုင်ကြားချက်",
    "Removed": "ဖယ်ရှားပြီး",
    "Actioned": "အရေးယူပြီး",
    "Mean hours to decision": "ဆုံးဖြတ်ရန် ပျမ်းမျှ နာရီ",
    "Over {0} h": "{0} နာရီ ကျော်",
    "bytes": "ဘိုက်",
    "attached to the record": "မှတ်တမ်းသို့ ထည့်သွင်းချိန်",
    "by": "ထည့်သွင်းသူ",
    "taken": "ရိုက်ယူချိန်",
    "when it was taken is not known": "ရိုက်ယူချိန် မသိရပါ",
    "file in this pack": "ဤအစုံထဲရှိ ဖိုင်",
    "from the PNG file's own time stamp": "PNG ဖိုင်၏ ကိုယ်ပိုင်အချိန်မှတ်တမ်းအရ",
    "from the photo's EXIF data": "ဓာတ်ပုံ၏ EXIF အချက်အလက်အရ",
    "as typed by the researcher": "သုတေသီ ရိုက်ထည့်ထားသည့်အတိုင်း",
    "Nothing was removed (no redaction).": "ဘာမျှ ဖယ်ရှားထားခြင်း မရှိပါ။",
    "Removed from this pack before it was written: {0}. Links, post text and screenshots "
    "are kept as captured and may still show names.": "ဤအစုံကို မရေးမီ ဖယ်ရှားခဲ့သည်- "
    "{0}။ လင့်ခ်များ၊ ပို့စ်စာသားနှင့် ဖန်သားပြင်ဓာတ်ပုံများကို ရိုက်ယူခဲ့သည့်အတိုင်း "
    "ထားရှိသဖြင့် အမည်များ ပါနေနိုင်ပါသည်။",
    "Reports made from {0} to {1} (time zone {2}); pending reports aged as of {3}; target "
    "time to a final decision {4} hours.": "{0} မှ {1} အထိ ပြုလုပ်ခဲ့သော တိုင်ကြားချက်များ "
    "(အချိန်ဇုန် {2})၊ ဆုံးဖြတ်ချက်စောင့်ဆိုင်းနေသည့် ကြာချိန်ကို {3} အထိ တွက်ထားသည်၊ "
    "နောက်ဆုံးဆုံးဖြတ်ချက်အတွက် ပစ်မှတ်ကြာချိန် {4} နာရီ။",
    "the first report": "ပထမဆုံး တိုင်ကြားချက်",
    "the last": "နောက်ဆုံး တိုင်ကြားချက်",
    "Computed over the reports of these cases in the period. Every figure can be "
    "recomputed from the Reports sheet of indicators.xlsx.": "ဤကာလအတွင်း ဤအမှုများ၏ "
    "တိုင်ကြားချက်များမှ တွက်ချက်ထားသည်။ ကိန်းဂဏန်းတိုင်းကို indicators.xlsx ၏ Reports "
    "စာမျက်နှာမှ ပြန်လည်တွက်ချက်နိုင်သည်။",
    "CHECK": "ဤအစုံ ပြောင်းလဲခံထားခြင်း ရှိမရှိ စစ်ဆေးရန်- ZIP ဖိုင် သို့မဟုတ် ဖြည်ထားသော "
    "ဖိုဒါပေါ်တွင် caselog-cli verify-pack ကို (သို့မဟုတ် ဖိုဒါပေါ်တွင် bagit.py --validate "
    "ကို) run ပါ၊ သို့မဟုတ် manifest.json ပါသော ဖိုဒါထဲတွင် sha256sum -c SHA256SUMS ကို run "
    "ပါ။ ၎င်းတို့က အထက်ပါသော့ဖြင့် လက်မှတ်ထိုးပြီးနောက် မပြောင်းလဲကြောင်းကိုသာ "
    "သက်သေပြသည်။ မည်သူမဆို သော့အသစ် ပြုလုပ်နိုင်သည်။ မယုံကြည်မီ အဖွဲ့အစည်း၏ "
    "fingerprint ကို အခြားနည်းဖြင့် ရယူပါ (သင်ကိုယ်တိုင် ခေါ်ဆိုမေးမြန်းခြင်း သို့မဟုတ် "
    "၎င်းတို့၏ ကိုယ်ပိုင်ဝက်ဘ်ဆိုက်တွင် ဖတ်ခြင်း)၊ ထို့နောက် verify-pack ပြသသော "
    "fingerprint နှင့် နှိုင်းယှဉ်ပါ။ ဤစာမျက်နှာတွင် ရိုက်နှိပ်ထားသော fingerprint နှင့် "
    "ဘယ်တော့မှ မနှိုင်းယှဉ်ပါနှင့်- အစုံကို ပြုလုပ်သူကပင် ဤစာမျက်နှာကို ရေးခဲ့သည်။ "
    "README.txt တွင် ဖိုင်နှင့် encoding တိုင်းကို ဖော်ပြထားသည်။",
    ZAWGYI_NOTE: "ဖတ်ရှုရန် ဇော်ဂျီမှ ယူနီကုဒ်သို့ ပြောင်းထားသည်။ ရိုက်ထည့်ခဲ့သည့် မူရင်းစာသား-",
    "(converted from Zawgyi; the text as entered is in case.json)": "(ဇော်ဂျီမှ "
    "ပြောင်းထားသည်။ မူရင်းစာသားကို case.json တွင် ကြည့်ပါ)",
    "page": "စာမျက်နှာ",
    "Organisation": "အဖွဲ့အစည်း",
    "Made at": "ပြုလုပ်ချိန်",
    "Period": "ကာလ",
    "Time zone": "အချိန်ဇုန်",
    "Pending aged as of": "တွက်ချက်သည့်နေ့",
    "Target (SLA)": "ပစ်မှတ် (SLA)",
    "{0} hours to a final decision": "နောက်ဆုံးဆုံးဖြတ်ချက်အတွက် {0} နာရီ",
    "first report": "ပထမဆုံး တိုင်ကြားချက်",
    "last report": "နောက်ဆုံး တိုင်ကြားချက်",
    "{0} to {1}": "{0} မှ {1} အထိ",
    # Workbook
    "Platform response indicators": "ပလက်ဖောင်း တုံ့ပြန်မှု ညွှန်ကိန်းများ",
    "Period from (reported on or after)": "ကာလ စတင်ရက် (ထိုနေ့ သို့မဟုတ် နောက်ပိုင်း တိုင်ကြား)",
    "Period to (reported before)": "ကာလ ဆုံးရက် (ထိုနေ့မတိုင်မီ တိုင်ကြား)",
    "Time zone of dates and months": "ရက်စွဲနှင့် လများ၏ အချိန်ဇုန်",
    "Pending reports aged as of": "စောင့်ဆိုင်းနေသော တိုင်ကြားချက်များ၏ ကြာချိန် တွက်သည့်နေ့",
    "Target time to a final decision (SLA), hours": "နောက်ဆုံးဆုံးဖြတ်ချက်အတွက် ပစ်မှတ်ကြာချိန် (SLA)၊ နာရီ",
    "Posts that make a repeat offender": "ထပ်ခါထပ်ခါ ကျူးလွန်သူဟု သတ်မှတ်သည့် ပို့စ်အရေအတွက်",
    "Only the platform": "ဤပလက်ဖောင်းသာ",
    "Only the category": "ဤအမျိုးအစားသာ",
    "Only the cases": "ဤအမှုများသာ",
    "Fields removed (redacted)": "ဖယ်ရှားထားသော အကွက်များ",
    "Made with": "ပြုလုပ်သည့် ဆော့ဖ်ဝဲ",
    "no end": "အဆုံးမသတ်မှတ်",
    "Key (as in caselog-cli stats --json)": "ကီး (caselog-cli stats --json အတိုင်း)",
}

MY_INDICATORS: dict[str, str] = {
    "reports_total": "ပလက်ဖောင်းများထံ ပြုလုပ်ခဲ့သော တိုင်ကြားချက်များ",
    "posts_total": "တိုင်ကြားခံရသော ပို့စ်အရေအတွက် (မထပ်)",
    "reporter_accounts": "တိုင်ကြားခဲ့သော အကောင့်များ",
    "offending_accounts": "တိုင်ကြားခံရသော ပို့စ်များ၏ နောက်ကွယ်ရှိ အကောင့်များ (မထပ်)",
    "reports_with_response": "တုံ့ပြန်ချက် တစ်စုံတစ်ရာ ရရှိခဲ့သော တိုင်ကြားချက်များ",
    "reports_with_final_response": "နောက်ဆုံးဆုံးဖြတ်ချက် ရရှိခဲ့သော တိုင်ကြားချက်များ",
    "reports_removed": "ပို့စ် ဖယ်ရှားခံရသော တိုင်ကြားချက်များ",
    "reports_actioned": "အရေးယူခဲ့သော တိုင်ကြားချက်များ (ဖယ်ရှား၊ ကန့်သတ်၊ ယာယီပိတ် သို့မဟုတ် အပြီးပိတ်)",
    "removal_rate": "ပို့စ် ဖယ်ရှားခံရသော တိုင်ကြားချက်များ၏ အချိုး",
    "response_hours.count": "နောက်ဆုံးဆုံးဖြတ်ချက်ရှိသော တိုင်ကြားချက်များ (အောက်ပါ ကြာချိန်များအတွက်)",
    "response_hours.mean": "နောက်ဆုံးဆုံးဖြတ်ချက်အထိ ပျမ်းမျှ နာရီ",
    "response_hours.median": "နောက်ဆုံးဆုံးဖြတ်ချက်အထိ အလယ်ကိန်း နာရီ",
    "response_hours.p90": "ဆုံးဖြတ်ချက် ၉၀% ရရှိခဲ့သည့် နာရီ",
    "response_hours.max": "နောက်ဆုံးဆုံးဖြတ်ချက်အတွက် အကြာဆုံး စောင့်ဆိုင်းချိန် (နာရီ)",
    "first_response_hours.count": "တုံ့ပြန်ချက်ရှိသော တိုင်ကြားချက်များ (အောက်ပါ ကြာချိန်များအတွက်)",
    "first_response_hours.mean": "ပထမ တုံ့ပြန်ချက်အထိ ပျမ်းမျှ နာရီ",
    "first_response_hours.median": "ပထမ တုံ့ပြန်ချက်အထိ အလယ်ကိန်း နာရီ",
    "first_response_hours.p90": "ပထမ တုံ့ပြန်ချက် ၉၀% ရရှိခဲ့သည့် နာရီ",
    "first_response_hours.max": "ပထမ တုံ့ပြန်ချက်အတွက် အကြာဆုံး စောင့်ဆိုင်းချိန် (နာရီ)",
    "reports_over_sla_responded": "တိုင်ကြားပြီး {sla} နာရီကျော်မှ ဆုံးဖြတ်ခဲ့သော တိုင်ကြားချက်များ",
    "reports_over_sla_pending": "{sla} နာရီကျော်သည်အထိ ဆုံးဖြတ်ချက် မရသေးသော တိုင်ကြားချက်များ",
    "reports_over_sla": "နောက်ဆုံးဆုံးဖြတ်ချက်အတွက် {sla} နာရီထက် ပိုစောင့်ခဲ့ရသော တိုင်ကြားချက်များ",
    "pending.total": "နောက်ဆုံးဆုံးဖြတ်ချက် စောင့်ဆိုင်းနေဆဲ တိုင်ကြားချက်များ",
    "pending.lt_24h": "  ၂၄ နာရီအောက် စောင့်ဆိုင်းနေ",
    "pending.h24_48": "  ၂၄ မှ ၄၈ နာရီ စောင့်ဆိုင်းနေ",
    "pending.d2_7": "  ၂ ရက်မှ ၇ ရက် စောင့်ဆိုင်းနေ",
    "pending.d7_30": "  ၇ ရက်မှ ၃၀ ရက် စောင့်ဆိုင်းနေ",
    "pending.gt_30d": "  ရက် ၃၀ ကျော် စောင့်ဆိုင်းနေ",
    "accounts_suspended": "ယာယီ ပိတ်ခံရသော အကောင့်များ",
    "accounts_banned": "အပြီးတိုင် ပိတ်ခံရသော အကောင့်များ",
    "fake_accounts_flagged": "တင်သူများထဲမှ အကောင့်အတုဟု သံသယရှိသူများ",
    "fake_accounts_actioned": "ယာယီ သို့မဟုတ် အပြီးပိတ်ခံရသော သံသယ အကောင့်အတုများ",
    "repeat_offenders": "ထပ်ခါထပ်ခါ ကျူးလွန်သူများ (တိုင်ကြားခံရသော ပို့စ် {threshold} ခု သို့မဟုတ် ထို့ထက်ပို)",
    "repeat_offenders_not_banned": "အပြီးမပိတ်ရသေးသော ထပ်ခါထပ်ခါ ကျူးလွန်သူများ",
    "duplicate_clusters": "ထပ်နေသော ပို့စ်အုပ်စုများ (စာသားတူ)",
    "duplicate_posts": "ထိုထပ်နေသော အုပ်စုများရှိ ပို့စ်များ",
}


# --- plain names of the codes a reader meets ----------------------------------------
# Categories, outcomes and channels are stored and exported as codes (case.json,
# manifest, stats JSON, the workbook's key columns); wherever a person reads them
# (the workbook's label columns, index.html, report.pdf) they get these names:
# (English, Burmese). The same words as the window's (ui/vocab.py and its Burmese
# catalogue, resources/translations/GLOSSARY.md), so a researcher reads one vocabulary
# everywhere (a test compares them). Unicode Burmese only.
OUTCOME_NAMES: dict[str, tuple[str, str]] = {
    "acknowledged": ("Acknowledged", "လက်ခံရရှိကြောင်း အကြောင်းပြန်ပြီး"),
    "under_review": ("Under review", "စစ်ဆေးဆဲ"),
    "removed": ("Removed", "ဖယ်ရှားပြီး"),
    "restricted": ("Restricted", "ကန့်သတ်ထားသည်"),
    "account_suspended": ("Account suspended", "အကောင့် ယာယီပိတ်ထားသည်"),
    "account_banned": ("Account banned", "အကောင့် အပြီးပိတ်ထားသည်"),
    "no_violation": ("No violation found", "စည်းမျဉ်း ချိုးဖောက်မှု မတွေ့ဟု ဆိုသည်"),
}
# The workbook's Final outcome key column says "pending" for a report without one.
PENDING = "pending"
PENDING_NAME = ("No final decision yet", "နောက်ဆုံး ဆုံးဖြတ်ချက် မရသေးပါ")
CATEGORY_NAMES: dict[str, tuple[str, str]] = {
    "hate_speech": ("Hate speech", "အမုန်းစကား"),
    "incitement": ("Incitement to violence", "အကြမ်းဖက်မှုကို လှုံ့ဆော်ခြင်း"),
    "misinformation": ("Misinformation", "သတင်းမှား"),
    "harassment": ("Harassment", "နှောင့်ယှက်ခြင်း"),
    "fake_account": ("Fake account", "အကောင့်အတု"),
    "other": ("Other", "အခြား"),
}
CHANNEL_NAMES: dict[str, tuple[str, str]] = {
    "in_app": ("In the app", "အက်ပ်ထဲမှ"),
    "trusted_partner": ("Trusted-partner channel", "ယုံကြည်ရသော မိတ်ဖက် လမ်းကြောင်း"),
    "email": ("E-mail", "အီးမေးလ်"),
    "web_form": ("Web form", "ဝဘ်ဖောင်"),
    "other": ("Other", "အခြား"),
}


def _named(names: dict[str, tuple[str, str]], code: str | None) -> str:
    """The plain name of ``code`` in the export's language; a code not in ``names``
    (a free-text category as typed) is returned as it is."""
    if not code:
        return ""
    pair = names.get(code)
    if pair is None:
        return code
    return pair[1] if _LANG.get() == "my" else pair[0]


def outcome_name(code: str | None) -> str:
    if code == PENDING:
        return PENDING_NAME[1] if _LANG.get() == "my" else PENDING_NAME[0]
    return _named(OUTCOME_NAMES, code)


def category_name(code: str | None) -> str:
    return _named(CATEGORY_NAMES, code)


def channel_name(code: str | None) -> str:
    return _named(CHANNEL_NAMES, code)
