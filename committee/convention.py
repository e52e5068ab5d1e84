"""Where signature and ratification of the Convention stand: counts, entry into force, its picture.

Everything here is computed from the recorded signatures and instruments; nothing is typed in.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.utils.formats import date_format
from django_countries import countries

from .models import INSTRUMENT_KINDS, ActionKind, Certainty, ParticipantKind, TreatyAction


def countries_named(term: str, language: str = "en") -> set[str]:
    """Codes of the countries whose name in ``language`` contains ``term`` (none for no term): the
    record holds codes; people type names ("viet", "Fédération de Russie")."""
    term = term.strip()
    return countries.by_name(re.escape(term), regex=True, language=language) if term else set()


# Article 65(1): "This Convention shall enter into force on the ninetieth day after the date of
# deposit of the fortieth instrument of ratification, acceptance, approval or accession. For the
# purpose of this paragraph, any instrument deposited by a regional economic integration
# organization shall not be counted as additional to those deposited by member States of that
# organization."
INSTRUMENTS_NEEDED = 40
DAYS_AFTER_FORTIETH = 90


@dataclass(frozen=True)
class Instrument:
    """What entry into force needs to know of an instrument: when, and whether it is counted."""

    date: datetime.date
    by_organization: bool = False


@dataclass(frozen=True)
class EntryIntoForce:
    counted: int  # instruments of States deposited
    fortieth: datetime.date | None  # the day the fortieth counted instrument was deposited
    needed: int = INSTRUMENTS_NEEDED

    @property
    def remaining(self) -> int:
        return max(0, self.needed - self.counted)

    @property
    def date(self) -> datetime.date | None:
        """The ninetieth day after the deposit of the fortieth instrument: the deposit day + 90."""
        return self.fortieth + datetime.timedelta(days=DAYS_AFTER_FORTIETH) if self.fortieth else None


def entry_into_force(instruments: Iterable[Instrument]) -> EntryIntoForce:
    """Count the instruments toward entry into force under article 65(1) of the Convention.

    An instrument deposited by a regional economic integration organization (the European Union)
    is not counted in addition to those of its member States, so it is left out of the count.
    Once forty are deposited, the Convention enters into force on the ninetieth day after the
    deposit of the fortieth (the depositary's reading of the same words in the Convention against
    Corruption, art. 68(1): 30th instrument on 15 September 2005, in force on 14 December 2005).
    """
    days = sorted(instrument.date for instrument in instruments if not instrument.by_organization)
    fortieth = days[INSTRUMENTS_NEEDED - 1] if len(days) >= INSTRUMENTS_NEEDED else None
    return EntryIntoForce(counted=len(days), fortieth=fortieth)


def deposited_instruments(actions: Iterable[TreatyAction]) -> list[Instrument]:
    """The confirmed instruments among published actions: only a deposit the depositary (or two
    independent sources) confirms counts; an instrument reported by secondary sources is shown but
    not counted."""
    return [
        Instrument(action.date, action.participant.kind == ParticipantKind.ORGANIZATION)
        for action in actions
        if action.kind in INSTRUMENT_KINDS and action.certainty == Certainty.CONFIRMED
    ]


@dataclass(frozen=True)
class StatusSummary:
    """The counts shown on the home page, read in one query."""

    signatories: int
    counted: int  # instruments counted toward entry into force, as entry_into_force counts them
    as_of: datetime.date | None

    @property
    def needed(self) -> int:
        return INSTRUMENTS_NEEDED


def status_summary() -> StatusSummary:
    """Published signatures, counted instruments, and the day of the latest change to them."""
    counts = TreatyAction.objects.published().aggregate(
        signatories=Count("pk", filter=Q(kind=ActionKind.SIGNATURE)),
        counted=Count(
            "pk",
            filter=Q(
                kind__in=INSTRUMENT_KINDS,
                certainty=Certainty.CONFIRMED,
                participant__kind=ParticipantKind.STATE,
            ),
        ),
        latest=Max("updated_at"),
    )
    latest = counts["latest"]
    return StatusSummary(counts["signatories"], counts["counted"], latest.date() if latest else None)


# --- The picture -----------------------------------------------------------------------

# The drawing's coordinate system (the SVG viewBox); it scales to the page width.
WIDTH, LEFT, RIGHT = 640, 44, 16
BAR_TOP, BAR_HEIGHT = 30, 26
CHART_TOP, CHART_HEIGHT = 110, 180


def status_picture(actions: list[TreatyAction], today: datetime.date) -> dict:
    """Geometry of the status picture: a bar of progress toward forty instruments, and the number
    of signatories and of instruments over time as two step lines.

    ``actions`` are the published signatures and instruments; the counts over time place an action
    known only to its month at the first of that month.
    """
    plot = WIDTH - LEFT - RIGHT
    force = entry_into_force(deposited_instruments(actions))
    progress = {
        "width": round(plot * min(force.counted, INSTRUMENTS_NEEDED) / INSTRUMENTS_NEEDED, 1),
        "ticks": [{"x": round(LEFT + plot * n / INSTRUMENTS_NEEDED, 1), "label": n} for n in (0, 10, 20, 30, 40)],
    }
    signatures = sorted(a.date for a in actions if a.kind == ActionKind.SIGNATURE)
    instruments = sorted(a.date for a in actions if a.kind in INSTRUMENT_KINDS)
    dates = signatures + instruments
    start = datetime.date(min(dates).year, min(dates).month, 1) if dates else datetime.date(today.year, 1, 1)
    end = max([today, *dates]) + datetime.timedelta(days=1)
    span = max(1, (end - start).days)
    top = max(INSTRUMENTS_NEEDED, len(signatures))
    # The y axis in steps of 20, up to the largest count or 40, whichever is higher.
    y_max = -(-top // 20) * 20
    bottom = CHART_TOP + CHART_HEIGHT

    def x(day: datetime.date) -> float:
        return round(LEFT + (day - start).days / span * plot, 1)

    def y(count: int) -> float:
        return round(bottom - count / y_max * CHART_HEIGHT, 1)

    def steps(days: list[datetime.date]) -> str:
        points, count = [f"{LEFT},{bottom}"], 0
        for day in days:
            points.append(f"{x(day)},{y(count)}")
            count += 1
            points.append(f"{x(day)},{y(count)}")
        points.append(f"{x(end)},{y(count)}")
        return " ".join(points)

    months = []
    month = start
    while month < end:
        months.append(month)
        month = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    # Label about six months along the axis, whatever the span.
    every = max(1, -(-len(months) // 6))
    return {
        "width": WIDTH,
        "height": bottom + 34,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "plot_width": plot,
        "axis_x": LEFT - 6,
        "legend": {"y": CHART_TOP - 12, "text_y": CHART_TOP - 8, "first": LEFT + 10, "second": LEFT + 170},
        "bar_top": BAR_TOP,
        "bar_height": BAR_HEIGHT,
        "tick_y": BAR_TOP + BAR_HEIGHT + 16,
        "progress": progress,
        "chart_top": CHART_TOP,
        "bottom": bottom,
        "label_y": bottom + 18,
        "grid": [{"y": y(n), "text_y": y(n) + 4, "label": n} for n in range(0, y_max + 1, 20)],
        "threshold_y": y(INSTRUMENTS_NEEDED),
        "threshold_label_y": y(INSTRUMENTS_NEEDED) - 5,
        "months": [{"x": x(m), "label": date_format(m, "M Y")} for index, m in enumerate(months) if index % every == 0],
        "signatures": steps(signatures),
        "instruments": steps(instruments),
        "signature_count": len(signatures),
        "instrument_count": len(instruments),
        "counted": force.counted,
        "needed": INSTRUMENTS_NEEDED,
    }
