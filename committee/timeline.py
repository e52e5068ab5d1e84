"""Every dated event of the record in order, and the geometry of its picture (drawn as SVG)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .dates import format_date_range
from .models import Consultation, Milestone, Session

FIRST_YEAR = 2019
# The drawing's coordinate system (the SVG viewBox); it scales to the page width.
WIDTH, LEFT, RIGHT = 1000, 110, 12
ROW_HEIGHT, TOP = 44, 34
MIN_BAR = 4


@dataclass(frozen=True)
class TimelineEvent:
    kind: str  # session, consultation, milestone
    kind_label: str
    title: str
    start: datetime.date
    end: datetime.date
    when: str
    city: str
    url: str
    uncertain: bool
    anchor: str = ""  # the id of the event in the timeline's list, for milestones' addresses


def timeline_events() -> list[TimelineEvent]:
    """Published sessions, consultations and milestones, by date (three queries)."""
    events = [
        TimelineEvent(
            "session", str(_("Session")), s.title, s.start_date, s.end_date,
            format_date_range(s.start_date, s.end_date), s.city, s.get_absolute_url(), s.is_uncertain,
        )
        for s in Session.objects.published()
    ] + [
        TimelineEvent(
            "consultation", str(_("Consultation")), c.title, c.start_date, c.end_date,
            format_date_range(c.start_date, c.end_date), c.city, c.get_absolute_url(), c.is_uncertain,
        )
        for c in Consultation.objects.published()
    ] + [
        TimelineEvent(
            "milestone", m.get_kind_display(), m.title, m.date, m.end_date or m.date, m.date_label, m.city,
            m.get_absolute_url(), m.is_uncertain, anchor=m.slug,
        )
        for m in Milestone.objects.published()
    ]  # fmt: skip
    order = {"milestone": 0, "session": 1, "consultation": 2}
    return sorted(events, key=lambda e: (e.start, order[e.kind], e.title))


def timeline_picture(events: list[TimelineEvent], today: datetime.date) -> dict:
    """Positions for the SVG: a row per city for meetings, a row of marks for milestones."""
    start = datetime.date(FIRST_YEAR, 1, 1)
    end = datetime.date(max([today.year] + [e.end.year for e in events]) + 1, 1, 1)
    span = (end - start).days
    plot = WIDTH - LEFT - RIGHT

    def x(day: datetime.date) -> float:
        return round(LEFT + (day - start).days / span * plot, 1)

    cities = sorted({e.city for e in events if e.kind != "milestone" and e.city})
    rows = [str(_("Milestones")), *cities]
    row_y = {name: TOP + i * ROW_HEIGHT for i, name in enumerate(rows)}
    height = TOP + len(rows) * ROW_HEIGHT + 8
    years = [
        {"label": year, "x": x(datetime.date(year, 1, 1)), "label_x": x(datetime.date(year, 7, 1))}
        for year in range(FIRST_YEAR, end.year)
    ]
    marks, bars = [], []
    for event in events:
        if event.kind == "milestone":
            cx, cy = x(event.start), row_y[rows[0]] + ROW_HEIGHT / 2
            points = f"{cx},{cy - 8} {cx + 6},{cy} {cx},{cy + 8} {cx - 6},{cy}"
            marks.append({"event": event, "points": points})
        else:
            left = x(event.start)
            width = max(MIN_BAR, round(x(event.end + datetime.timedelta(days=1)) - left, 1))
            tall = event.kind == "session"
            y = row_y[event.city] + (8 if tall else 26)
            bars.append({"event": event, "x": left, "y": y, "width": width, "height": 16 if tall else 9})
    return {
        "width": WIDTH,
        "height": height,
        "rows": [{"label": name, "y": row_y[name], "text_y": row_y[name] + ROW_HEIGHT / 2 + 5} for name in rows],
        "years": years,
        "bars": bars,
        "marks": marks,
        "today_x": x(today) if start <= today < end else None,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": height - 8,
    }
