//! Time zones as calendars name them: IANA names (`America/Toronto`), the same behind a
//! vendor prefix (`/mozilla.org/20050126_1/America/Toronto`), Windows names as Outlook
//! writes them (`Eastern Standard Time`, mapped with CLDR's table in `windows-timezones`),
//! or a `VTIMEZONE` of the file that names its IANA zone (`X-LIC-LOCATION`).

use std::str::FromStr;

use chrono_tz::Tz;
use windows_timezones::WindowsTimezone;

/// The IANA zone a calendar's `TZID` means, if any: `aliases` are the file's
/// `VTIMEZONE`s that say their IANA zone (TZID → X-LIC-LOCATION).
pub fn zone(tzid: &str, aliases: &[(String, String)]) -> Option<Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(zone) = Tz::from_str(tzid) {
        return Some(zone);
    }
    if let Some((_, iana)) = aliases.iter().find(|(id, _)| id == tzid) {
        if let Ok(zone) = Tz::from_str(iana) {
            return Some(zone);
        }
    }
    if let Ok(windows) = WindowsTimezone::from_str(tzid) {
        return Some(windows.into());
    }
    // A vendor's prefix: the IANA name is the last two or three parts.
    let parts: Vec<&str> = tzid.split('/').filter(|p| !p.is_empty()).collect();
    (2..=3.min(parts.len())).rev().find_map(|n| Tz::from_str(&parts[parts.len() - n..].join("/")).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_way_calendars_name_zones() {
        let toronto = Some(chrono_tz::America::Toronto);
        assert_eq!(zone("America/Toronto", &[]), toronto);
        assert_eq!(zone("/mozilla.org/20050126_1/America/Toronto", &[]), toronto);
        assert_eq!(
            zone("/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires", &[]),
            Some(chrono_tz::America::Argentina::Buenos_Aires)
        );
        assert_eq!(zone("Eastern Standard Time", &[]), Some(chrono_tz::America::New_York));
        assert_eq!(zone("W. Europe Standard Time", &[]), Some(chrono_tz::Europe::Berlin));
        assert_eq!(
            zone("Custom Zone", &[("Custom Zone".into(), "Europe/Paris".into())]),
            Some(chrono_tz::Europe::Paris)
        );
        assert_eq!(zone("Nowhere Standard Time", &[]), None);
    }
}
