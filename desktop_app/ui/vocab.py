"""Plain-language names for the codes people read in the window.

Categories, outcomes and channels are stored (and exported) as codes such as
``hate_speech`` or ``no_violation``; everywhere in the window a person reads the
names below. They use one fixed translation context, so ``lupdate`` finds them.
Unknown codes (free-text categories) are shown as they were typed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Vocabulary"

_NAMES: dict[str, dict[str, str]] = {
    "outcome": {
        "pending": QT_TRANSLATE_NOOP("Vocabulary", "Pending"),
        "acknowledged": QT_TRANSLATE_NOOP("Vocabulary", "Acknowledged"),
        "under_review": QT_TRANSLATE_NOOP("Vocabulary", "Under review"),
        "removed": QT_TRANSLATE_NOOP("Vocabulary", "Removed"),
        "restricted": QT_TRANSLATE_NOOP("Vocabulary", "Restricted"),
        "account_suspended": QT_TRANSLATE_NOOP("Vocabulary", "Account suspended"),
        "account_banned": QT_TRANSLATE_NOOP("Vocabulary", "Account banned"),
        "no_violation": QT_TRANSLATE_NOOP("Vocabulary", "No violation found"),
    },
    "category": {
        "hate_speech": QT_TRANSLATE_NOOP("Vocabulary", "Hate speech"),
        "incitement": QT_TRANSLATE_NOOP("Vocabulary", "Incitement to violence"),
        "misinformation": QT_TRANSLATE_NOOP("Vocabulary", "Misinformation"),
        "harassment": QT_TRANSLATE_NOOP("Vocabulary", "Harassment"),
        "fake_account": QT_TRANSLATE_NOOP("Vocabulary", "Fake account"),
        "other": QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    },
    "channel": {
        "in_app": QT_TRANSLATE_NOOP("Vocabulary", "In the app"),
        "trusted_partner": QT_TRANSLATE_NOOP("Vocabulary", "Trusted-partner channel"),
        "email": QT_TRANSLATE_NOOP("Vocabulary", "E-mail"),
        "web_form": QT_TRANSLATE_NOOP("Vocabulary", "Web form"),
        "other": QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    },
}


def _name(kind: str, code: str | None) -> str:
    if not code:
        return ""
    source = _NAMES[kind].get(code)
    if source is None:
        return code  # free text as typed
    return QCoreApplication.translate(CONTEXT, source)


def outcome_name(code: str | None) -> str:
    return _name("outcome", code)


def category_name(code: str | None) -> str:
    return _name("category", code)


def channel_name(code: str | None) -> str:
    return _name("channel", code)


def codes(kind: str) -> list[str]:
    """The known codes of a vocabulary, in their usual order."""
    return list(_NAMES[kind])


def numerus(text: str, n: int) -> str:
    """Finish a ``tr("%n case(s)", "", n)`` when no translation supplied the plural.

    The source texts are English and English installs no translator, so Qt leaves
    "(s)" in place; this turns "1 case(s)" into "1 case" and "2 case(s)" into
    "2 cases". A translated text has no "(s)" and passes unchanged.

    Qt writes ``%n`` as bare digits ("4,019 of 48759 cases"); the count is given its
    thousands separators here, as every other number the window shows has them.
    """
    if abs(n) >= 1000:
        text = text.replace(str(n), f"{n:,}", 1)
    return text.replace("(s)", "" if n == 1 else "s")


def duration_text(hours: float) -> str:
    """A waiting time or time to decision: hours up to 48, then days ("3.2 days")."""
    if hours > 48:
        # The context is written out (not CONTEXT): lupdate reads literals only.
        return QCoreApplication.translate("Vocabulary", "{0} days").format(f"{hours / 24:,.1f}")
    return QCoreApplication.translate("Vocabulary", "{0} h").format(f"{hours:,.1f}")


# --- the dashboard's figures -----------------------------------------------------------
# The window's own captions for the indicators of desktop_app.indicators.labels (which
# is Qt-free and English only): the same meaning, keyed by the same JSON key, with
# {sla} and {threshold} filled in by indicator_caption().
_INDICATOR_CAPTIONS: dict[str, str] = {
    "reports_total": QT_TRANSLATE_NOOP("Indicators", "Reports made to the platforms"),
    "posts_total": QT_TRANSLATE_NOOP("Indicators", "Distinct posts reported"),
    "reporter_accounts": QT_TRANSLATE_NOOP("Indicators", "Accounts that made the reports"),
    "offending_accounts": QT_TRANSLATE_NOOP(
        "Indicators", "Distinct accounts behind the reported posts"
    ),
    "reports_with_response": QT_TRANSLATE_NOOP("Indicators", "Reports that received any response"),
    "reports_with_final_response": QT_TRANSLATE_NOOP(
        "Indicators", "Reports that received a final decision"
    ),
    "reports_removed": QT_TRANSLATE_NOOP("Indicators", "Reports whose post was removed"),
    "reports_actioned": QT_TRANSLATE_NOOP(
        "Indicators", "Reports acted on (removed, restricted, suspended or banned)"
    ),
    "removal_rate": QT_TRANSLATE_NOOP("Indicators", "Share of reports whose post was removed"),
    "response_hours.mean": QT_TRANSLATE_NOOP("Indicators", "Average hours to a final decision"),
    "response_hours.median": QT_TRANSLATE_NOOP("Indicators", "Median hours to a final decision"),
    "reports_over_sla_responded": QT_TRANSLATE_NOOP(
        "Indicators", "Reports decided more than {sla} hours after they were made"
    ),
    "reports_over_sla_pending": QT_TRANSLATE_NOOP(
        "Indicators", "Reports with no final decision after {sla} hours"
    ),
    "reports_over_sla": QT_TRANSLATE_NOOP(
        "Indicators", "Reports that waited more than {sla} hours for a final decision"
    ),
    "pending.total": QT_TRANSLATE_NOOP("Indicators", "Reports still waiting for a final decision"),
    "accounts_suspended": QT_TRANSLATE_NOOP("Indicators", "Accounts temporarily suspended"),
    "accounts_banned": QT_TRANSLATE_NOOP("Indicators", "Accounts permanently banned"),
    "fake_accounts_flagged": QT_TRANSLATE_NOOP(
        "Indicators", "Suspected fake accounts among the authors"
    ),
    "fake_accounts_actioned": QT_TRANSLATE_NOOP(
        "Indicators", "Suspected fake accounts suspended or banned"
    ),
    "repeat_offenders": QT_TRANSLATE_NOOP(
        "Indicators", "Repeat offenders ({threshold} or more reported posts)"
    ),
    "repeat_offenders_not_banned": QT_TRANSLATE_NOOP("Indicators", "Repeat offenders not banned"),
    "duplicate_clusters": QT_TRANSLATE_NOOP("Indicators", "Groups of duplicate posts (same text)"),
    "duplicate_posts": QT_TRANSLATE_NOOP("Indicators", "Posts in those duplicate groups"),
}


def indicator_caption(key: str, fallback: str, sla_hours: float, threshold: int) -> str:
    """The translated caption of indicator ``key``; ``fallback`` (labels.py's text)
    for a key the window has no caption for."""
    source = _INDICATOR_CAPTIONS.get(key)
    text = fallback if source is None else QCoreApplication.translate("Indicators", source)
    return text.replace("{sla}", f"{sla_hours:g}").replace("{threshold}", str(threshold))


def indicator_keys() -> list[str]:
    return list(_INDICATOR_CAPTIONS)


# --- custody log actions -------------------------------------------------------------
_ACTIONS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("Vocabulary", "Created"),
    "update": QT_TRANSLATE_NOOP("Vocabulary", "Updated"),
    "delete": QT_TRANSLATE_NOOP("Vocabulary", "Deleted"),
    "import": QT_TRANSLATE_NOOP("Vocabulary", "Imported"),
    "rekey": QT_TRANSLATE_NOOP("Vocabulary", "Passphrase changed"),
    "migrate": QT_TRANSLATE_NOOP("Vocabulary", "Store upgraded"),
    "export": QT_TRANSLATE_NOOP("Vocabulary", "Bundle made"),
    "conflict": QT_TRANSLATE_NOOP("Vocabulary", "Merge conflict"),
    "edit": QT_TRANSLATE_NOOP("Vocabulary", "Corrected"),
    "retract": QT_TRANSLATE_NOOP("Vocabulary", "Retracted"),
    "restore": QT_TRANSLATE_NOOP("Vocabulary", "Restored"),
    "purge": QT_TRANSLATE_NOOP("Vocabulary", "File erased"),
    "unlock": QT_TRANSLATE_NOOP("Vocabulary", "Store unlocked"),
    "lock": QT_TRANSLATE_NOOP("Vocabulary", "Store locked"),
}
_PARTNER_ACTION = QT_TRANSLATE_NOOP("Vocabulary", "Partner: %1")


def action_name(code: str | None) -> str:
    """A custody-log action for people; ``partner.<action>`` is a partner's own event
    kept as theirs. Unknown codes are shown as stored."""
    if not code:
        return ""
    if code.startswith("partner."):
        inner = action_name(code.removeprefix("partner."))
        return QCoreApplication.translate(CONTEXT, _PARTNER_ACTION).replace("%1", inner)
    source = _ACTIONS.get(code)
    return code if source is None else QCoreApplication.translate(CONTEXT, source)


# --- redaction choices (core.redaction.REDACTABLE) --------------------------------------
_REDACTION: dict[str, str] = {
    "reporter": QT_TRANSLATE_NOOP("Vocabulary", "Reporters: who made each report"),
    "notes": QT_TRANSLATE_NOOP(
        "Vocabulary", "Notes: researchers' notes on posts, reports, responses and attachments"
    ),
    "researcher": QT_TRANSLATE_NOOP(
        "Vocabulary",
        "Researchers: their names (who captured evidence, who acted in the custody log)",
    ),
    "response_text": QT_TRANSLATE_NOOP(
        "Vocabulary", "Response text: the platform's wording of its decisions"
    ),
    "author": QT_TRANSLATE_NOOP("Vocabulary", "Authors: account handles and display names"),
}


def redaction_name(name: str, meaning: str) -> str:
    """A redaction check box's text; ``meaning`` (the core's English) for an unknown field."""
    source = _REDACTION.get(name)
    if source is None:
        return f"{name}: {meaning}"
    return QCoreApplication.translate(CONTEXT, source)


# --- record counts in a bundle (sharing.records kinds) -----------------------------------
_RECORD_COUNTS: dict[str, str] = {
    "accounts": QT_TRANSLATE_NOOP("Vocabulary", "%n account(s)"),
    "posts": QT_TRANSLATE_NOOP("Vocabulary", "%n post(s)"),
    "tags": QT_TRANSLATE_NOOP("Vocabulary", "%n tag(s)"),
    "post_tags": QT_TRANSLATE_NOOP("Vocabulary", "%n tag link(s)"),
    "reports": QT_TRANSLATE_NOOP("Vocabulary", "%n report(s)"),
    "responses": QT_TRANSLATE_NOOP("Vocabulary", "%n response(s)"),
    "attachments": QT_TRANSLATE_NOOP("Vocabulary", "%n attachment(s)"),
    "audit": QT_TRANSLATE_NOOP("Vocabulary", "%n custody log event(s)"),
    "retractions": QT_TRANSLATE_NOOP("Vocabulary", "%n retraction(s)"),
}


def record_count(kind: str, n: int) -> str:
    """'12 posts', '1 report' (in the person's language); unknown kinds as stored."""
    source = _RECORD_COUNTS.get(kind)
    if source is None:
        return f"{n:,} {kind}"
    return numerus(QCoreApplication.translate(CONTEXT, source, "", n), n)


# --- how long a pending report has waited (core.definitions.PENDING_BUCKETS) ------------
_PENDING_BUCKETS: dict[str, str] = {
    "lt_24h": QT_TRANSLATE_NOOP("Vocabulary", "< 24 h"),
    "h24_48": QT_TRANSLATE_NOOP("Vocabulary", "24–48 h"),
    "d2_7": QT_TRANSLATE_NOOP("Vocabulary", "2–7 days"),
    "d7_30": QT_TRANSLATE_NOOP("Vocabulary", "7–30 days"),
    "gt_30d": QT_TRANSLATE_NOOP("Vocabulary", "> 30 days"),
}


def pending_bucket_name(key: str, fallback: str) -> str:
    source = _PENDING_BUCKETS.get(key)
    return fallback if source is None else QCoreApplication.translate(CONTEXT, source)


# --- what a custody-log event is about ------------------------------------------------
_ENTITIES: dict[str, str] = {
    "post": QT_TRANSLATE_NOOP("Vocabulary", "post"),
    "account": QT_TRANSLATE_NOOP("Vocabulary", "account"),
    "author_account": QT_TRANSLATE_NOOP("Vocabulary", "account"),
    "report": QT_TRANSLATE_NOOP("Vocabulary", "report"),
    "response": QT_TRANSLATE_NOOP("Vocabulary", "response"),
    "attachment": QT_TRANSLATE_NOOP("Vocabulary", "attachment"),
    "file": QT_TRANSLATE_NOOP("Vocabulary", "imported file"),
    "store": QT_TRANSLATE_NOOP("Vocabulary", "store"),
    "settings": QT_TRANSLATE_NOOP("Vocabulary", "settings"),
    "organisation": QT_TRANSLATE_NOOP("Vocabulary", "organisation"),
    "signing_key": QT_TRANSLATE_NOOP("Vocabulary", "signing key"),
    "age_identity": QT_TRANSLATE_NOOP("Vocabulary", "bundle key"),
    "partner": QT_TRANSLATE_NOOP("Vocabulary", "partner"),
    "bundle": QT_TRANSLATE_NOOP("Vocabulary", "bundle"),
}


def entity_name(code: str | None) -> str:
    """The kind of record a custody-log event is about; unknown kinds as stored."""
    if not code:
        return ""
    source = _ENTITIES.get(code)
    return code if source is None else QCoreApplication.translate(CONTEXT, source)
