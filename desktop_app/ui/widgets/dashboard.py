"""The dashboard: the indicators as large, plainly worded figures, and charts.

Figures are ``compute_indicators`` for the chosen period and filters (the same
object ``caselog-cli stats --json`` prints). Work runs in a Worker; clicking a
figure or a bar asks the window to show the cases behind it.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.params import IndicatorParams
from desktop_app.core.timeutil import now_utc
from desktop_app.store.engine import Store
from desktop_app.ui.lazy import MadeWhenNeeded, lazy_module
from desktop_app.ui.vocab import (
    category_name,
    indicator_caption,
    outcome_name,
    pending_bucket_name,
)
from desktop_app.ui.widgets.charts import PALETTE, BarChart, Series
from desktop_app.ui.workers import Worker

# The indicator code loads with the first computation, after the case list is
# painted (issue 15).
if TYPE_CHECKING:
    from desktop_app.indicators import dashboard as _dash
    from desktop_app.indicators import labels as _labels
    from desktop_app.indicators.compute import Indicators
    from desktop_app.indicators.dashboard import DashboardData, Drilldown
    from desktop_app.indicators.labels import IndicatorLine
else:
    _dash = lazy_module("desktop_app.indicators.dashboard")
    _labels = lazy_module("desktop_app.indicators.labels")

# (json key, drill-down figure or None)
FIGURES = (
    ("reports_total", "reports_total"),
    ("posts_total", "posts_total"),
    ("reports_removed", "reports_removed"),
    ("removal_rate", None),
    ("reports_actioned", "reports_actioned"),
    ("response_hours.median", None),
    ("response_hours.mean", None),
    ("reports_over_sla_pending", "reports_over_sla_pending"),
    ("reports_over_sla", "reports_over_sla"),
    ("pending.total", "pending.total"),
    ("accounts_suspended", "accounts_suspended"),
    ("accounts_banned", "accounts_banned"),
    ("fake_accounts_flagged", None),
    ("repeat_offenders", None),
    ("duplicate_clusters", None),
)
OUTCOME_ORDER = (
    "removed",
    "restricted",
    "account_suspended",
    "account_banned",
    "no_violation",
    "pending",
)


class FigureCard(QFrame):
    clicked = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "FigureCard { background: #ffffff; border: 1px solid #d8dde3; border-radius: 6px; }"
        )
        self.value = QLabel("–")
        self.value.setStyleSheet("font-size: 22pt; font-weight: 600; color: #1d3557;")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #444444;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.drillable = False

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        if self.drillable:
            self.clicked.emit(self.key)


# What Dashboard._build makes (read before it, they make the dashboard).
_PARTS = frozenset(
    {
        "period",
        "date_from",
        "date_to",
        "platform",
        "category",
        "refresh_button",
        "status",
        "cards",
        "monthly",
        "month_hours",
        "distribution",
        "pending_chart",
        "outcomes",
    }
)


class Dashboard(MadeWhenNeeded, QWidget):
    _PARTS = _PARTS
    show_posts = Signal(object, str)  # frozenset of post ids, description
    updated = Signal()  # new figures are on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.tz: Any = None
        self.sla_hours = 48.0
        self.repeat_threshold = 3
        self.data: DashboardData | None = None
        self.params: IndicatorParams | None = None
        self.worker: Worker | None = None
        self.refresh_pending = False
        self._choices: tuple[list[str], list[str]] = ([], [])
        self._built = False
        # The figures, charts and filters are made when first needed (the tab shown,
        # a computation, any of them read): not while the window paints its first
        # page of cases (issue 15).
        self._layout = QVBoxLayout(self)

    def _make(self) -> None:
        self.period = QComboBox()
        for label, key in (
            (QT_TRANSLATE_NOOP("Dashboard", "All time"), "all"),
            (QT_TRANSLATE_NOOP("Dashboard", "This month"), "month"),
            (QT_TRANSLATE_NOOP("Dashboard", "Last 3 months"), "3m"),
            (QT_TRANSLATE_NOOP("Dashboard", "Custom range"), "custom"),
        ):
            self.period.addItem(self.tr(label), key)
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-3))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.platform = QComboBox()
        self.category = QComboBox()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.status = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.period)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.date_to)
        bar.addWidget(self.platform)
        bar.addWidget(self.category)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.status)

        self.cards: dict[str, FigureCard] = {}
        cards = QGridLayout()
        for index, (key, drill) in enumerate(FIGURES):
            card = FigureCard(key)
            card.drillable = drill is not None
            if card.drillable:
                card.setCursor(Qt.CursorShape.PointingHandCursor)
                card.setToolTip(self.tr("Click to see the cases behind this figure"))
            card.clicked.connect(self._figure_clicked)
            self.cards[key] = card
            cards.addWidget(card, index // 5, index % 5)

        self.monthly = BarChart(self.tr("Reports and removals per month"))
        self.month_hours = BarChart(self.tr("Hours to a final decision per month"))
        self.distribution = BarChart(self.tr("How long final decisions took"))
        self.pending_chart = BarChart(self.tr("Reports still waiting, by age"))
        self.outcomes = BarChart(self.tr("Outcomes by platform"))
        charts = QGridLayout()
        for index, chart in enumerate(
            (self.monthly, self.month_hours, self.distribution, self.pending_chart, self.outcomes)
        ):
            charts.addWidget(chart, index // 2, index % 2)
        self.monthly.bar_clicked.connect(self._month_clicked)
        self.month_hours.bar_clicked.connect(lambda i, _s: self._month_clicked(i, 0))
        self.distribution.bar_clicked.connect(self._bin_clicked)
        self.pending_chart.bar_clicked.connect(self._pending_clicked)
        self.outcomes.bar_clicked.connect(self._platform_clicked)

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(cards)
        inner_layout.addLayout(charts)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self._layout.addLayout(bar)
        self._layout.addWidget(scroll)

        self.period.currentIndexChanged.connect(self._period_changed)
        for widget in (self.platform, self.category):
            widget.currentIndexChanged.connect(self.refresh)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)
        self.refresh_button.clicked.connect(self.refresh)
        custom = self.period.currentData() == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self.set_choices(*self._choices)

    # --- binding -------------------------------------------------------------------
    def attach(
        self,
        store: Store,
        tz: Any,
        sla_hours: float,
        repeat_threshold: int,
        platforms: list[str],
        categories: list[str],
    ) -> None:
        self.store = store
        self.tz = tz
        self.sla_hours = sla_hours
        self.repeat_threshold = repeat_threshold
        self.set_choices(platforms, categories)

    def set_choices(self, platforms: list[str], categories: list[str]) -> None:
        """The platform and category lists, keeping what was chosen."""
        self._choices = (platforms, categories)
        if not self._built:
            return
        for combo, values, everything in (
            (self.platform, platforms, self.tr("All platforms")),
            (self.category, categories, self.tr("All categories")),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for value in values:
                label = category_name(value) if combo is self.category else value
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def detach(self) -> None:
        self.worker = None
        self.refresh_pending = False
        self.store = None
        self.data = None
        self._choices = ([], [])
        if not self._built:
            return
        for card in self.cards.values():
            card.value.setText("–")
        for chart in (
            self.monthly,
            self.month_hours,
            self.distribution,
            self.pending_chart,
            self.outcomes,
        ):
            chart.set_data([], [])

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self.refresh()

    def _dates_changed(self) -> None:
        if self.period.currentData() == "custom":
            self.refresh()

    def current_params(self) -> IndicatorParams:
        tz = self.tz
        now = now_utc().astimezone(tz)
        date_from = date_to = None
        period = self.period.currentData()
        if period == "month":
            date_from = datetime(now.year, now.month, 1, tzinfo=tz)
        elif period == "3m":
            month = now.month - 2
            year = now.year + (month - 1) // 12
            date_from = datetime(year, (month - 1) % 12 + 1, 1, tzinfo=tz)
        elif period == "custom":
            date_from = datetime.combine(self.date_from.date().toPython(), time(), tz)
            date_to = datetime.combine(
                self.date_to.date().toPython() + timedelta(days=1), time(), tz
            )
        return IndicatorParams(
            tz=tz,
            as_of=now_utc(),
            date_from=date_from,
            date_to=date_to,
            sla_hours=self.sla_hours,
            repeat_threshold=self.repeat_threshold,
            platform=self.platform.currentData() or None,
            category=self.category.currentData() or None,
        )

    # --- computing -------------------------------------------------------------------
    def refresh(self) -> None:
        if self.store is None or self.tz is None:
            return
        if self.worker is not None:
            # One computation at a time: run again with the new choices when it ends.
            self.refresh_pending = True
            return
        self.refresh_pending = False
        params = self.current_params()
        store = self.store
        worker = Worker(lambda progress, cancelled: (params, _dash.dashboard_data(store, params)))
        worker.signals.finished.connect(lambda result, w=worker: self._computed(w, result))
        worker.signals.failed.connect(lambda text, w=worker: self._failed(w, text))
        self.worker = worker
        self.status.setText(self.tr("Computing…"))
        worker.start()

    def _failed(self, worker: Worker, text: str) -> None:
        if worker is self.worker:
            self.worker = None
            self.status.setText(text)

    def _computed(self, worker: Worker, result: tuple[IndicatorParams, DashboardData]) -> None:
        if worker is not self.worker or self.store is None:
            return  # an older computation, or the window locked meanwhile
        self.worker = None
        if self.refresh_pending:
            self.refresh()
            return
        self.params, self.data = result
        self._show(self.data)
        self.status.setText(
            self.tr("As of {0}").format(
                self.params.as_of.astimezone(self.tz).strftime("%Y-%m-%d %H:%M")
            )
        )
        # The text arrived after the layout was done: lay out now, so it is not cut.
        self.layout().activate()
        self.updated.emit()

    def _show(self, data: DashboardData) -> None:
        result = data.indicators
        values = result.to_json()
        kinds = {line.key: line for line in _labels.LINES}
        for key, card in self.cards.items():
            line = kinds[key]
            card.value.setText(_labels.display_value(_labels.value_at(values, key), line.kind))
            card.caption.setText(self._caption(line, result))
        months = [m.month for m in result.by_month]
        self.monthly.set_data(
            months,
            [
                Series(self.tr("Reports"), [m.reports_total for m in result.by_month], PALETTE[0]),
                Series(
                    self.tr("Removed"), [m.reports_removed for m in result.by_month], PALETTE[2]
                ),
            ],
        )
        self.month_hours.set_data(
            [m.month for m in data.month_hours],
            [
                Series(self.tr("Median"), [m.median or 0 for m in data.month_hours], PALETTE[0]),
                Series(
                    self.tr("90th percentile"), [m.p90 or 0 for m in data.month_hours], PALETTE[4]
                ),
            ],
            unit=self.tr(" h", "after a number of hours on the chart's axis"),
        )
        labels = [
            self.tr("{0}–{1} h", "a range of hours").format(low, high)
            for low, high in zip(_dash.HOUR_EDGES, _dash.HOUR_EDGES[1:], strict=False)
        ]
        labels.append(self.tr("> {0} h", "more than so many hours").format(_dash.HOUR_EDGES[-1]))
        self.distribution.set_data(
            labels,
            [Series(self.tr("Reports"), [float(c) for c in data.histogram], PALETTE[0])],
            marker=(self._sla_position(), self.tr("SLA {0:g} h").format(self.sla_hours)),
        )
        pending = values["pending"]
        self.pending_chart.set_data(
            [pending_bucket_name(key, label) for key, label, _lo, _hi in _dash.PENDING_BUCKETS],
            [
                Series(
                    self.tr("Reports"),
                    [pending[key] for key, *_ in _dash.PENDING_BUCKETS],
                    PALETTE[1],
                )
            ],
        )
        platforms = sorted(data.outcomes_by_platform)
        self.outcomes.set_data(
            platforms,
            [
                Series(
                    outcome_name(outcome),
                    [data.outcomes_by_platform[p].get(outcome, 0) for p in platforms],
                    PALETTE[index % len(PALETTE)],
                )
                for index, outcome in enumerate(OUTCOME_ORDER)
            ],
            stacked=True,
        )

    @staticmethod
    def _caption(line: IndicatorLine, result: Indicators) -> str:
        return indicator_caption(
            line.key,
            line.label,
            result.params.sla_hours,
            result.params.repeat_threshold,
        )

    def _sla_position(self) -> float:
        """Where the SLA falls on the histogram's category axis."""
        for index, (low, high) in enumerate(
            zip(_dash.HOUR_EDGES, _dash.HOUR_EDGES[1:], strict=False)
        ):
            if low <= self.sla_hours < high:
                return index + (self.sla_hours - low) / (high - low)
        return float(len(_dash.HOUR_EDGES))

    # --- drill-down ----------------------------------------------------------------------
    def drill(self, drill: Drilldown, description: str) -> None:
        if self.store is None or self.params is None:
            return
        posts = _dash.drill_posts(self.store, self.params, drill)
        self.show_posts.emit(posts, description)

    def _figure_clicked(self, key: str) -> None:
        figure = dict(FIGURES)[key]
        if figure is not None and self.data is not None:
            line = next(line for line in _labels.LINES if line.key == key)
            self.drill(_dash.Drilldown(figure), self._caption(line, self.data.indicators))

    def _month_clicked(self, index: int, series: int) -> None:
        if self.data is None:
            return
        months = [m.month for m in self.data.indicators.by_month]
        if self.sender() is self.month_hours:
            months = [m.month for m in self.data.month_hours]
        month = months[index]
        figure = "month_removed" if series == 1 else "month"
        self.drill(_dash.Drilldown(figure, month), self.tr("Reports of {0}").format(month))

    def _bin_clicked(self, index: int, _series: int) -> None:
        self.drill(_dash.Drilldown("hours_bin", str(index)), self.distribution.labels[index])

    def _pending_clicked(self, index: int, _series: int) -> None:
        key = _dash.PENDING_BUCKETS[index][0]
        self.drill(
            _dash.Drilldown("pending_bucket", key),
            self.tr("Waiting {0}").format(
                pending_bucket_name(key, _dash.PENDING_BUCKETS[index][1])
            ),
        )

    def _platform_clicked(self, index: int, _series: int) -> None:
        platform = self.outcomes.labels[index]
        self.drill(_dash.Drilldown("platform", platform), platform)
