//! The offline gazetteer: GeoNames' cities of 15,000 people or more (CC BY 4.0), made
//! compact by `tools/gazetteer.py` into `data/gazetteer.tsv`. It places an event whose
//! source names a city but gives no coordinates, and names the city of one that gives
//! coordinates only. Names are compared folded (case and accents), so "Montreal" finds
//! Montréal; among namesakes the source's country and region decide, then population.

use std::collections::HashMap;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::core::countries::COUNTRIES;
use crate::core::merge::distance_km;

const DATA: &str = include_str!("../../../data/gazetteer.tsv");

#[derive(Clone, Debug, PartialEq)]
pub struct City {
    pub name: &'static str,
    /// ISO 3166-1 alpha-2.
    pub country: &'static str,
    /// ISO 3166-2 subdivision, where GeoNames has it in that form (US, Canada).
    pub region: Option<&'static str>,
    pub lat: f64,
    pub lon: f64,
    /// IANA time zone.
    pub time_zone: &'static str,
}

pub struct Gazetteer {
    /// Biggest first.
    cities: Vec<City>,
    /// Folded name → positions in `cities`, biggest first.
    by_name: HashMap<String, Vec<usize>>,
    /// Folded country name (English or French) or code → code.
    countries: HashMap<String, &'static str>,
}

/// Lowercase, without accents, spaces and dashes as one space: how names are compared.
pub fn fold(text: &str) -> String {
    let plain: String = text.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect();
    plain
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.' || c == '\'')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Gazetteer {
    pub fn new() -> Gazetteer {
        let mut lines = DATA.lines();
        let zones: Vec<&'static str> = lines.next().unwrap_or_default().split('\t').collect();
        let mut cities = Vec::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for line in lines {
            let fields: Vec<&'static str> = line.split('\t').collect();
            let [name, others, country, region, lat, lon, zone] = fields[..] else { continue };
            let (Ok(lat), Ok(lon), Some(time_zone)) =
                (lat.parse(), lon.parse(), zone.parse::<usize>().ok().and_then(|z| zones.get(z)))
            else {
                continue;
            };
            let at = cities.len();
            let mut names: Vec<String> = vec![fold(name)];
            names.extend(others.split(';').filter(|o| !o.is_empty()).map(fold));
            names.dedup();
            for folded in names {
                let entry = by_name.entry(folded).or_default();
                if entry.last() != Some(&at) {
                    entry.push(at);
                }
            }
            let region = (!region.is_empty()).then_some(region);
            cities.push(City { name, country, region, lat, lon, time_zone });
        }
        let mut countries = HashMap::new();
        for (code, en, fr) in COUNTRIES {
            countries.insert(fold(code), code);
            countries.insert(fold(en), code);
            countries.insert(fold(fr), code);
        }
        // What addresses write besides the short names.
        for (other, code) in [
            ("usa", "US"),
            ("united states of america", "US"),
            ("u s a", "US"),
            ("uk", "GB"),
            ("england", "GB"),
            ("scotland", "GB"),
            ("wales", "GB"),
            ("deutschland", "DE"),
            ("espana", "ES"),
            ("italia", "IT"),
            ("nederland", "NL"),
            ("schweiz", "CH"),
            ("suisse", "CH"),
            ("osterreich", "AT"),
            ("polska", "PL"),
            ("brasil", "BR"),
            ("nippon", "JP"),
        ] {
            countries.insert(other.to_owned(), code);
        }
        Gazetteer { cities, by_name, countries }
    }

    pub fn len(&self) -> usize {
        self.cities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cities.is_empty()
    }

    /// A country's code from its name or code as an address writes it.
    pub fn country(&self, text: &str) -> Option<&'static str> {
        self.countries.get(&fold(text)).copied()
    }

    /// The biggest city of that name in `country` and `region` when given.
    pub fn city(&self, name: &str, country: Option<&str>, region: Option<&str>) -> Option<&City> {
        let found = self.by_name.get(&fold(name))?;
        let fits = |city: &&City| {
            country.is_none_or(|c| city.country.eq_ignore_ascii_case(c))
                && region.is_none_or(|r| city.region.is_none_or(|own| own.eq_ignore_ascii_case(r)))
        };
        found.iter().map(|&i| &self.cities[i]).find(fits)
    }

    /// The city a free-text location names ("Venue (12 Main St, Montréal, QC H2Z 0B2, ca)"):
    /// its country and region from the other parts, the city from the last part that is one.
    pub fn locate(&self, text: &str, country: Option<&str>, region: Option<&str>) -> Option<&City> {
        let parts: Vec<&str> =
            text.split([',', '(', ')', '\n', ';', '|']).map(str::trim).filter(|p| !p.is_empty()).collect();
        let country =
            country.map(str::to_owned).or_else(|| parts.iter().rev().find_map(|p| self.country(p).map(str::to_owned)));
        // "QC H2Z 0B2", "NY 10001": a subdivision code before a postal code.
        let region = region.map(str::to_owned).or_else(|| {
            parts.iter().rev().skip(usize::from(country.is_some())).find_map(|p| {
                let code = p.split_whitespace().next()?;
                let postal = p.split_whitespace().skip(1).all(|w| w.chars().any(|c| c.is_ascii_digit()));
                (code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()) && postal).then(|| code.to_owned())
            })
        });
        let candidates = parts.iter().rev().flat_map(|part| {
            // A postal code around the name: "75002 Paris", "London EC1A 1BB".
            let words: Vec<&str> = part.split_whitespace().filter(|w| !w.chars().any(|c| c.is_ascii_digit())).collect();
            [part.to_string(), words.join(" ")]
        });
        for candidate in candidates {
            if let Some(city) = self.city(&candidate, country.as_deref(), region.as_deref()) {
                return Some(city);
            }
        }
        None
    }

    /// The biggest city within `km` of a point.
    pub fn biggest_near(&self, lat: f64, lon: f64, km: f64) -> Option<&City> {
        self.cities.iter().find(|city| distance_km(lat, lon, city.lat, city.lon) <= km)
    }

    /// The city nearest to a point, if one lies within `km`.
    pub fn nearest(&self, lat: f64, lon: f64, km: f64) -> Option<&City> {
        self.cities
            .iter()
            .map(|city| (distance_km(lat, lon, city.lat, city.lon), city))
            .filter(|(d, _)| *d <= km)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, city)| city)
    }
}

impl Default for Gazetteer {
    fn default() -> Gazetteer {
        Gazetteer::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cities_as_addresses_write_them() {
        let g = Gazetteer::new();
        assert!(g.len() > 30_000);
        let montreal = g.locate("Shopify (490 Rue de la Gauchetière O, Montreal, QC H2Z 0B2, ca)", None, None).unwrap();
        assert_eq!((montreal.name, montreal.country, montreal.region), ("Montréal", "CA", Some("QC")));
        assert_eq!(montreal.time_zone, "America/Toronto");
        // Namesakes: the country decides, else the biggest.
        assert_eq!(g.locate("1 Main St, London, ON N6A 1A1, Canada", None, None).unwrap().country, "CA");
        assert_eq!(g.locate("London", None, None).unwrap().country, "GB");
        assert_eq!(g.locate("Paris, TX, USA", None, None).unwrap().region, Some("TX"));
        assert_eq!(g.locate("12 rue X, 75002 Paris, France", None, None).unwrap().name, "Paris");
        assert_eq!(g.city("Cologne", Some("DE"), None).unwrap().name, "Köln");
        assert!(g.locate("Microsoft Teams Meeting", None, None).is_none());
        assert_eq!(g.biggest_near(45.50, -73.57, 20.0).unwrap().name, "Montréal");
        assert_eq!(
            g.locate("Google Munich, Erika-Mann-Straße 33, 80636 München, Germany", None, None).unwrap().name,
            "Munich"
        );
        assert!(g.nearest(0.0, -30.0, 100.0).is_none());
    }
}
