"""``eportguide calendar``: one year's days off and make-up working days, as text or JSON.

Each day off says what it rests on: 官方安排 (a notice: the library's, the pack's file or
an imported one), 法定 (Article 2 of the law), 第六条补假 (Article 6) or 按放假原则估算
(the State Council's published principles).
"""

import json
from pathlib import Path
from typing import Any

from eportguide.i18n import wording as w
from eportguide.render.outline import day_text, holiday_name, holiday_text, reason_text
from eportguide.workdays.dates import Day, Source, Year, library_version


def as_dict(year: Year, calendar_file: Path) -> dict[str, Any]:
    def listed(days: tuple[Day, ...]) -> list[dict[str, Any]]:
        return [
            {
                "date": day.date.isoformat(),
                "holiday": holiday_name(day.holiday) if day.holiday else None,
                "source": day.source.value,
                "reason": day.reason.value if day.reason else None,
            }
            for day in days
        ]

    return {
        "year": year.year,
        "source": year.source.value,
        "basis": year.basis.value,
        "estimated": year.estimated,
        "makeup_known": not year.estimated,
        "library_version": library_version(),
        "calendar_file": str(calendar_file),
        "imported_file": year.file,
        "law_holidays": [{"name": holiday_name(h.name), "dates": [day.isoformat() for day in h.days]} for h in year.law_holidays],
        "weekdays_off": listed(year.weekdays_off),
        "makeup_workdays": listed(year.makeup_workdays),
    }


def to_json(year: Year, calendar_file: Path) -> str:
    return json.dumps(as_dict(year, calendar_file), ensure_ascii=False, indent=2) + "\n"


def to_text(year: Year, calendar_file: Path) -> str:
    lines = [w.CALENDAR_TITLE.format(year=year.year), w.CALENDAR_SOURCE + _source_text(year, calendar_file)]
    if year.source is Source.ESTIMATE:
        lines.append(w.CALENDAR_LAYERS)
        lines.append(w.CALENDAR_LAW_COUNTED.format(holidays=w.LIST_SEPARATOR.join(map(holiday_text, year.law_holidays))))
        lines += [w.CALENDAR_MAKEUP_UNDERIVABLE, w.CALENDAR_UPDATE]
    lines += ["", w.CALENDAR_DAYS_OFF.format(count=len(year.weekdays_off)), *_day_lines(year, year.weekdays_off)]
    if year.source is Source.ESTIMATE:
        lines.append(w.CALENDAR_MAKEUP_UNKNOWN)
    elif year.source is Source.WEEK:
        lines.append(w.CALENDAR_MAKEUP_NO_DATA)
    else:
        lines += [w.CALENDAR_MAKEUP.format(count=len(year.makeup_workdays)), *_day_lines(year, year.makeup_workdays)]
    return "\n".join(lines) + "\n"


def _source_text(year: Year, calendar_file: Path) -> str:
    match year.source:
        case Source.IMPORTED:
            return w.CALENDAR_FROM_IMPORTED.format(year=year.year, path=year.file)
        case Source.LIBRARY:
            return w.CALENDAR_FROM_LIBRARY.format(year=year.year, version=library_version())
        case Source.ESTIMATE:
            return w.CALENDAR_FROM_ESTIMATE.format(year=year.year, version=library_version())
        case Source.WEEK:
            return w.CALENDAR_FROM_WEEK.format(year=year.year)
        case Source.PACK:
            rest = {
                Source.LIBRARY: w.CALENDAR_PACK_REST_LIBRARY.format(version=library_version()),
                Source.ESTIMATE: w.CALENDAR_PACK_REST_ESTIMATE,
                Source.WEEK: w.CALENDAR_PACK_REST_WEEK,
                Source.PACK: "",  # a basis is never a notice file
                Source.IMPORTED: "",
            }
            return w.CALENDAR_FROM_PACK.format(path=calendar_file) + rest[year.basis]


def _day_lines(year: Year, days: tuple[Day, ...]) -> list[str]:
    if not days:
        return [w.CALENDAR_NONE]
    marked = year.source is Source.PACK  # show which days the maintainer's file decided
    lines = []
    for day in days:
        holiday = (holiday_name(day.holiday) if day.holiday else "") + (
            w.CALENDAR_FROM_FILE if marked and day.source is Source.PACK else ""
        )
        reason = reason_text(day.reason) if day.reason else ""
        if reason and holiday:
            reason = w.CALENDAR_REASON.format(reason=reason)
        lines.append(w.CALENDAR_DAY.format(day=day_text(day.date), holiday=holiday, reason=reason).rstrip())
    return lines
