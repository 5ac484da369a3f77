"""Counts in the window's texts carry thousands separators, %n included."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.vocab import numerus


def test_a_plural_count_gets_its_thousands_separators(qapp) -> None:  # type: ignore[no-untyped-def]
    english = QCoreApplication.translate("CaseList", "{0} of %n case(s)", "", 48759)
    assert numerus(english, 48759).format("4,019") == "4,019 of 48,759 cases"
    assert numerus("1 case(s)", 1) == "1 case"
    assert numerus("999 case(s)", 999) == "999 cases"
    burmese = "ဖြစ်စဉ် 48759 ခုအနက် {0} ခု"  # the Burmese form, as Qt fills %n
    assert numerus(burmese, 48759).format("4,019") == "ဖြစ်စဉ် 48,759 ခုအနက် 4,019 ခု"
