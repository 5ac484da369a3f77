"""Plain-language labels for the indicators: the questions as a letter asks them.

One list serves the CLI's text output, the Excel "Indicators" sheet and the
window's dashboard, so the same figure always carries the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.indicators.compute import Indicators


@dataclass(frozen=True)
class IndicatorLine:
    key: str  # JSON key, dotted for nested values (response_hours.mean)
    label: str  # may contain {sla} and {threshold}
    kind: str  # "count", "hours" or "rate"


LINES: tuple[IndicatorLine, ...] = (
    IndicatorLine("reports_total", "Reports made to the platforms", "count"),
    IndicatorLine("posts_total", "Distinct posts reported", "count"),
    IndicatorLine("reporter_accounts", "Accounts that made the reports", "count"),
    IndicatorLine("offending_accounts", "Distinct accounts behind the reported posts", "count"),
    IndicatorLine("reports_with_response", "Reports that received any response", "count"),
    IndicatorLine("reports_with_final_response", "Reports that received a final decision", "count"),
    IndicatorLine("reports_removed", "Reports whose post was removed", "count"),
    IndicatorLine(
        "reports_actioned", "Reports acted on (removed, restricted, suspended or banned)", "count"
    ),
    IndicatorLine("removal_rate", "Share of reports whose post was removed", "rate"),
    IndicatorLine(
        "response_hours.count", "Reports with a final decision (for the times below)", "count"
    ),
    IndicatorLine("response_hours.mean", "Average hours to a final decision", "hours"),
    IndicatorLine("response_hours.median", "Median hours to a final decision", "hours"),
    IndicatorLine("response_hours.p90", "Hours within which 90% of decisions came", "hours"),
    IndicatorLine("response_hours.max", "Longest wait for a final decision, in hours", "hours"),
    IndicatorLine(
        "first_response_hours.count", "Reports with any response (for the times below)", "count"
    ),
    IndicatorLine("first_response_hours.mean", "Average hours to a first response", "hours"),
    IndicatorLine("first_response_hours.median", "Median hours to a first response", "hours"),
    IndicatorLine(
        "first_response_hours.p90", "Hours within which 90% of first responses came", "hours"
    ),
    IndicatorLine(
        "first_response_hours.max", "Longest wait for a first response, in hours", "hours"
    ),
    IndicatorLine(
        "reports_over_sla_responded",
        "Reports decided more than {sla} hours after they were made",
        "count",
    ),
    IndicatorLine(
        "reports_over_sla_pending", "Reports with no final decision after {sla} hours", "count"
    ),
    IndicatorLine(
        "reports_over_sla",
        "Reports that waited more than {sla} hours for a final decision",
        "count",
    ),
    IndicatorLine("pending.total", "Reports still waiting for a final decision", "count"),
    IndicatorLine("pending.lt_24h", "  waiting less than 24 hours", "count"),
    IndicatorLine("pending.h24_48", "  waiting 24 to 48 hours", "count"),
    IndicatorLine("pending.d2_7", "  waiting 2 to 7 days", "count"),
    IndicatorLine("pending.d7_30", "  waiting 7 to 30 days", "count"),
    IndicatorLine("pending.gt_30d", "  waiting more than 30 days", "count"),
    IndicatorLine("accounts_suspended", "Accounts temporarily suspended", "count"),
    IndicatorLine("accounts_banned", "Accounts permanently banned", "count"),
    IndicatorLine("fake_accounts_flagged", "Suspected fake accounts among the authors", "count"),
    IndicatorLine("fake_accounts_actioned", "Suspected fake accounts suspended or banned", "count"),
    IndicatorLine(
        "repeat_offenders", "Repeat offenders ({threshold} or more reported posts)", "count"
    ),
    IndicatorLine("repeat_offenders_not_banned", "Repeat offenders not banned", "count"),
    IndicatorLine("duplicate_clusters", "Groups of duplicate posts (same text)", "count"),
    IndicatorLine("duplicate_posts", "Posts in those duplicate groups", "count"),
)


def value_at(data: dict[str, Any], dotted: str) -> Any:
    """``response_hours.mean`` -> data["response_hours"]["mean"]."""
    value: Any = data
    for part in dotted.split("."):
        value = value[part]
    return value


def label_for(line: IndicatorLine, result: Indicators) -> str:
    sla = result.params.sla_hours
    sla_text = f"{sla:g}"
    return line.label.format(sla=sla_text, threshold=result.params.repeat_threshold)


def display_value(value: Any, kind: str) -> str:
    """Rounded for people only; the data keep full precision."""
    if value is None:
        return "-"
    if kind == "hours":
        return f"{value:,.1f}"
    if kind == "rate":
        return f"{100 * value:.1f}%"
    return f"{value:,}"


def format_indicators(result: Indicators) -> str:
    """Human-readable text for ``caselog-cli stats`` without --json."""
    data = result.to_json()
    period = data["period"]
    lines = [
        f"Period: {period['from'] or 'start'} to {period['to'] or 'now'} ({period['tz']}); "
        f"as of {period['as_of']}; SLA {result.params.sla_hours:g} hours",
        "",
    ]
    width = max(len(label_for(line, result)) for line in LINES)
    for line in LINES:
        value = display_value(value_at(data, line.key), line.kind)
        lines.append(f"{label_for(line, result):<{width}}  {value:>12}")
    if result.by_month:
        lines += ["", "Month     reports  removed  actioned  mean hours  over SLA"]
        for month in result.by_month:
            mean = display_value(month.response_hours_mean, "hours")
            lines.append(
                f"{month.month}  {month.reports_total:>8,}  {month.reports_removed:>7,}  "
                f"{month.reports_actioned:>8,}  {mean:>10}  {month.reports_over_sla:>8,}"
            )
    return "\n".join(lines)
