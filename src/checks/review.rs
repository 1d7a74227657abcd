//! The checks over dates: review due, release outdated, never released, unreleased changes.

use super::*;

/// `date` plus `months` calendar months, the day clamped to the month's length
/// (31 January + 1 month = 28/29 February). `None` beyond the calendar's range.
pub fn add_months(date: Date, months: u32) -> Option<Date> {
    let index =
        i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

pub(super) fn iso(date: Date) -> String {
    date.to_string()
}

pub(super) fn review(file: &TomFile, today: Date, out: &mut Vec<Finding>) {
    let meta = &file.working.meta;
    let months = meta.review_interval_months;
    let Some(last) = meta.last_review else {
        out.push(Finding::new(
            Check::NoReviewDate,
            Location::document(),
            Vec::new(),
        ));
        return;
    };
    // An interval of 0 means the document sets none: nothing can be overdue.
    if months == 0 {
        return;
    }
    if let Some(due) = add_months(last, months).filter(|due| *due < today) {
        out.push(Finding::new(
            Check::ReviewOverdue,
            Location::document(),
            vec![
                ("date", iso(last)),
                ("due", iso(due)),
                ("months", months.to_string()),
            ],
        ));
    }
    if let Some(latest) = file.latest()
        && let Some(due) = add_months(latest.date, months).filter(|due| *due < today)
    {
        out.push(Finding::new(
            Check::ReleaseOutdated,
            Location::document(),
            vec![
                ("version", latest.label.clone()),
                ("date", iso(latest.date)),
                ("due", iso(due)),
                ("months", months.to_string()),
            ],
        ));
    }
}

pub(super) fn releases(file: &TomFile, out: &mut Vec<Finding>) {
    match file.latest() {
        None => out.push(Finding::new(
            Check::NeverReleased,
            Location::document(),
            Vec::new(),
        )),
        Some(latest) if file.has_unreleased_changes() => out.push(Finding::new(
            Check::UnreleasedChanges,
            Location::document(),
            vec![("version", latest.label.clone())],
        )),
        Some(_) => {}
    }
}
