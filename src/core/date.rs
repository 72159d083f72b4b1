//! Calendar dates without a date library: the feed only needs to check,
//! order and compare days. Formatting for people is left to the browser's `Intl`.

use std::fmt;

/// A day of the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Day { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, rejecting impossible days such as 2019-02-29.
    pub fn parse(text: &str) -> Option<Day> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year = digits(&text[0..4])? as i32;
        let month = digits(&text[5..7])? as u8;
        let day = digits(&text[8..10])? as u8;
        Day::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before), for differences and ordering.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days_since_epoch(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A calendar period: a day, a week (from Monday), a month or a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
    Year,
}

impl Period {
    /// The first day of the period holding `day` (weeks start on Mondays).
    pub fn start_of(self, day: Day) -> Day {
        match self {
            Period::Day => day,
            Period::Week => {
                let n = day.days_since_epoch();
                // 1970-01-01 was a Thursday.
                Day::from_days_since_epoch(n - (n + 3).rem_euclid(7))
            }
            Period::Month => Day { year: day.year, month: day.month, day: 1 },
            Period::Year => Day { year: day.year, month: 1, day: 1 },
        }
    }

    /// The first day of the next period.
    pub fn next(self, start: Day) -> Day {
        let n = start.days_since_epoch();
        match self {
            Period::Day => Day::from_days_since_epoch(n + 1),
            Period::Week => Day::from_days_since_epoch(n + 7),
            Period::Month if start.month == 12 => Day { year: start.year + 1, month: 1, day: 1 },
            Period::Month => Day { year: start.year, month: start.month + 1, day: 1 },
            Period::Year => Day { year: start.year + 1, month: 1, day: 1 },
        }
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// An exact moment as written in the feed: RFC 3339 with a mandatory offset,
/// e.g. `2019-05-28T18:00:00-04:00`. The local day is kept for ordering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    pub local_day: Day,
    /// Seconds since the epoch, in UTC.
    pub epoch_seconds: i64,
}

impl Moment {
    pub fn parse(text: &str) -> Option<Moment> {
        // RFC 3339 is ASCII; refusing anything else first makes every byte offset below
        // a character boundary ("2019-05-28Té12345" or an en dash used to panic here).
        if !text.is_ascii() {
            return None;
        }
        let (date, rest) = text.split_once('T')?;
        let local_day = Day::parse(date)?;
        // The offset is `Z` or `±HH:MM` at the end.
        let (time, offset_minutes) = if let Some(time) = rest.strip_suffix('Z') {
            (time, 0)
        } else {
            let split = rest.len().checked_sub(6)?;
            let (time, offset) = rest.split_at(split);
            let sign = match offset.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            if offset.as_bytes()[3] != b':' {
                return None;
            }
            let hours = digits(&offset[1..3])? as i64;
            let minutes = digits(&offset[4..6])? as i64;
            if hours > 23 || minutes > 59 {
                return None;
            }
            (time, sign * (hours * 60 + minutes))
        };
        // Seconds may be left out (as the schema allows) or carry a fraction, which we ignore.
        let time = time.split('.').next()?;
        let mut parts = time.split(':');
        let two = |part: Option<&str>| part.filter(|p| p.len() == 2).and_then(digits).map(i64::from);
        let hour = two(parts.next())?;
        let minute = two(parts.next())?;
        let second = match parts.next() {
            Some(second) => two(Some(second))?,
            None => 0,
        };
        if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let local_seconds = local_day.days_since_epoch() * 86_400 + hour * 3600 + minute * 60 + second;
        Some(Moment { local_day, epoch_seconds: local_seconds - offset_minutes * 60 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_days_and_rejects_impossible_ones() {
        assert_eq!(Day::parse("2019-06-14"), Some(Day { year: 2019, month: 6, day: 14 }));
        assert_eq!(Day::parse("2020-02-29").map(|d| d.day), Some(29));
        for bad in [
            "2019-02-29",
            "1900-02-29",
            "2019-13-01",
            "2019-00-10",
            "2019-06-31",
            "2019-6-14",
            "2019/06/14",
            "",
            "abcd-ef-gh",
            "2019-06-1x",
            "+019-06-14",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
        assert!(Day::parse("2000-02-29").is_some());
    }

    #[test]
    fn epoch_days_round_trip() {
        assert_eq!(Day::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(Day::parse("2019-05-24").unwrap().days_since_epoch(), 18040);
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Day::from_days_since_epoch(days).days_since_epoch(), days);
        }
        let a = Day::parse("2019-05-24").unwrap();
        let b = Day::parse("2019-06-14").unwrap();
        assert_eq!(b.days_since_epoch() - a.days_since_epoch(), 21);
        assert!(a < b);
    }

    #[test]
    fn moments_need_an_offset() {
        let m = Moment::parse("2019-05-28T18:00:00-04:00").unwrap();
        assert_eq!(m.local_day, Day::parse("2019-05-28").unwrap());
        assert_eq!(m.epoch_seconds, Moment::parse("2019-05-28T22:00:00Z").unwrap().epoch_seconds);
        assert!(Moment::parse("2019-05-28T18:00:00.250+02:00").is_some());
        // Seconds may be left out, as the schema's pattern allows; but not half a field.
        assert_eq!(Moment::parse("2019-05-28T18:00-04:00"), Some(m));
        assert_eq!(Moment::parse("2019-05-28T1:005-04:00"), None);
        assert_eq!(Moment::parse("2019-05-28T18:00:0-04:00"), None);
        for bad in [
            "2019-05-28Té12345",
            "2019-05-28T18:00–21:00",
            "2019-05-28T18:00:00−04:00",
            "2019-05-28T18:00:00",
            "2019-05-28 18:00:00Z",
            "2019-05-28T25:00:00Z",
            "2019-02-30T10:00:00Z",
            "2019-05-28T18:00:00+0400",
        ] {
            assert_eq!(Moment::parse(bad), None, "{bad}");
        }
    }
}
