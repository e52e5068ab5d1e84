"""Every dated event of the record in order, and the geometry of its picture (drawn as SVG).

The picture is vertical, one event under the other with its name and date beside its mark, so
that it stays readable on a phone: a time-scaled horizontal strip shrinks its 25 marks to dots
with no room for a name. A year starts a band; a dashed line marks today, between what has
happened and what is to come. Kinds differ by shape as well as colour.
"""

from __future__ import annotations

import datetime
import textwrap
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .dates import format_date_range
from .models import Consultation, Milestone, MilestoneKind, Session
from .translation import fallback_language

# The drawing's coordinate system (the SVG viewBox): as wide as a phone's screen, so its text is
# drawn at about the size of the page's own on a phone; the page caps its width on a desktop.
WIDTH = 400
SPINE_X, TEXT_X = 44, 66
YEAR_HEIGHT, TODAY_HEIGHT = 30, 30
LINE_HEIGHT, DATE_HEIGHT, GAP = 17, 16, 12
# Characters of a title on one line of the picture (about 330 units at 14 units a letter).
TITLE_WIDTH = 40


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
    # The shape it is drawn with: session, consultation, milestone, or postponement (which must not
    # look like the event it put off).
    shape: str = ""
    # "en" when the title is the English text, shown for want of one in the page's language.
    title_lang: str = ""


def timeline_events() -> list[TimelineEvent]:
    """Published sessions, consultations and milestones, by date (three queries)."""
    events = [
        TimelineEvent(
            "session", str(_("Session")), s.title, s.start_date, s.end_date,
            format_date_range(s.start_date, s.end_date), s.city, s.get_absolute_url(), s.is_uncertain,
            shape="session", title_lang=fallback_language(s, "title"),
        )
        for s in Session.objects.published()
    ] + [
        TimelineEvent(
            "consultation", str(_("Consultation")), c.title, c.start_date, c.end_date,
            format_date_range(c.start_date, c.end_date), c.city, c.get_absolute_url(), c.is_uncertain,
            shape="consultation", title_lang=fallback_language(c, "title"),
        )
        for c in Consultation.objects.published()
    ] + [
        TimelineEvent(
            "milestone", m.get_kind_display(), m.title, m.date, m.end_date or m.date, m.date_label, m.city,
            m.get_absolute_url(), m.is_uncertain, anchor=m.slug,
            shape="postponement" if m.kind == MilestoneKind.POSTPONEMENT else "milestone",
            title_lang=fallback_language(m, "title"),
        )
        for m in Milestone.objects.published()
    ]  # fmt: skip
    order = {"milestone": 0, "session": 1, "consultation": 2}
    return sorted(events, key=lambda e: (e.start, order[e.kind], e.title))


def _mark(shape: str, cx: float, cy: float) -> dict:
    """The mark of one kind: a square, a circle, a diamond, or an open diamond."""
    if shape == "session":
        return {"shape": "rect", "x": cx - 7, "y": cy - 7, "size": 14}
    if shape == "consultation":
        return {"shape": "circle", "cx": cx, "cy": cy, "r": 7}
    return {"shape": "polygon", "points": f"{cx},{cy - 9} {cx + 8},{cy} {cx},{cy + 9} {cx - 8},{cy}"}


def timeline_picture(events: list[TimelineEvent], today: datetime.date) -> dict:
    """Positions for the SVG: per event its mark, its date and place, and its title in lines."""
    y = 4
    years, rows, today_line = [], [], None
    year = None
    for event in events:
        if today_line is None and event.start > today:
            today_line = {"y": y + 10, "text_y": y + 24}
            y += TODAY_HEIGHT
        if event.start.year != year:
            year = event.start.year
            years.append({"label": year, "y": y + 4, "text_y": y + 22})
            y += YEAR_HEIGHT
        lines = textwrap.wrap(event.title, TITLE_WIDTH) or [event.title]
        when = f"{event.when} · {event.city}" if event.city else event.when
        rows.append(
            {
                "event": event,
                "y": y,
                "mark": _mark(event.shape, SPINE_X, y + 11),
                "when": when,
                "when_y": y + 14,
                "lines": [{"text": line, "y": y + DATE_HEIGHT + (i + 1) * LINE_HEIGHT} for i, line in enumerate(lines)],
            }
        )
        y += DATE_HEIGHT + len(lines) * LINE_HEIGHT + GAP
    if today_line is None:
        today_line = {"y": y + 10, "text_y": y + 24}
        y += TODAY_HEIGHT
    today_line["label"] = _("Today, %(date)s") % {"date": date_format(today, "DATE_FORMAT")}
    return {
        "width": WIDTH,
        "height": y + 4,
        "spine_x": SPINE_X,
        "text_x": TEXT_X,
        "years": years,
        "rows": rows,
        "today": today_line,
    }
