//! What a feed publishes beside the atlas, as static files: calendars to subscribe to at
//! stable addresses (all events; each place, series and topic), in both languages, with a
//! list of them (`calendars/index.json`) that the atlas reads to offer Subscribe. Made at
//! build time for the bundled feed (`feed-publish`, run by the post-build hook) and by
//! the same command for any feed.

use serde::{Deserialize, Serialize};

use super::explore::{Facet, Filters};
use super::feed::{Event, Feed};
use super::i18n::Lang;
use super::ics::{self, Stamps};
use super::page::{is_page_id, Page, Site};
use super::url_state::encode;

/// A file to write: its path under the output folder, and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub path: String,
    pub text: String,
}

/// What a calendar holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    All,
    Place,
    Series,
    Topic,
}

/// One published calendar, as `calendars/index.json` lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Listed {
    pub scope: Scope,
    /// The place, series or topic id (none for all events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub lang: String,
    /// Relative to the site: `calendars/place/toronto.en.ics`.
    pub path: String,
    pub name: String,
    pub events: usize,
}

/// The events a calendar of `scope` and `id` holds.
fn events_of<'f>(feed: &'f Feed, scope: Scope, id: &str) -> Vec<&'f Event> {
    let topics = |e: &Event| e.topics.iter().chain(e.sessions.iter().flat_map(|s| &s.topics)).any(|t| t == id);
    feed.events
        .iter()
        .filter(|e| match scope {
            Scope::All => true,
            Scope::Place => e.place.as_deref() == Some(id),
            Scope::Series => e.series.as_deref() == Some(id),
            Scope::Topic => topics(e),
        })
        .collect()
}

/// The calendars of a feed, and their list. `site`: where the atlas is served
/// (`https://events.example.org/atlas/`), for each event's `URL`; without it there is none.
pub fn calendars(feed: &Feed, site: Option<&Site>) -> Vec<File> {
    let mut scopes: Vec<(Scope, Option<&str>)> = vec![(Scope::All, None)];
    scopes.extend(feed.places.iter().map(|p| (Scope::Place, Some(p.id.as_str()))));
    scopes.extend(feed.series.iter().map(|s| (Scope::Series, Some(s.id.as_str()))));
    scopes.extend(feed.topics.iter().map(|t| (Scope::Topic, Some(t.id.as_str()))));
    let mut files = Vec::new();
    let mut listed = Vec::new();
    for (scope, id) in scopes {
        let events = events_of(feed, scope, id.unwrap_or(""));
        if events.is_empty() {
            continue;
        }
        for lang in [Lang::En, Lang::Fr] {
            let title = feed.title.get(lang);
            let name = match (scope, id) {
                (Scope::Place, Some(id)) => feed.place(id).map(|p| format!("{title} — {}", p.name.get(lang))),
                (Scope::Series, Some(id)) => feed.series(id).map(|s| s.name.get(lang).to_owned()),
                (Scope::Topic, Some(id)) => feed.topic(id).map(|t| format!("{title} — {}", t.name.get(lang))),
                _ => None,
            }
            .unwrap_or_else(|| title.to_owned());
            let folder = match scope {
                Scope::All => String::new(),
                Scope::Place => "place/".into(),
                Scope::Series => "series/".into(),
                Scope::Topic => "topic/".into(),
            };
            let path = format!("calendars/{folder}{}.{}.ics", id.unwrap_or("all"), lang.tag());
            let text = ics::calendar_named(lang, feed, &events, &name, Stamps::Feed { site });
            listed.push(Listed {
                scope,
                id: id.map(str::to_owned),
                lang: lang.tag().into(),
                path: path.clone(),
                name,
                events: events.len(),
            });
            files.push(File { path, text });
        }
    }
    let index = serde_json::to_string_pretty(&listed).unwrap_or_default();
    files.push(File { path: INDEX.into(), text: index + "\n" });
    files
}

/// The Atom feeds of a feed's events, one per language (`feeds/events.en.atom`): newest
/// events first, each entry linking to the event in the atlas. `site` gives absolute
/// addresses; without it, entries have `urn:` ids and no links.
pub fn atom_feeds(feed: &Feed, site: Option<&Site>) -> Vec<File> {
    [Lang::En, Lang::Fr]
        .into_iter()
        .map(|lang| File { path: format!("feeds/events.{}.atom", lang.tag()), text: atom(lang, feed, site) })
        .collect()
}

/// `sitemap.xml` (the page in each language, with its alternate) and `robots.txt` naming
/// it: search engines take absolute addresses only, so nothing without `site`.
pub fn sitemap(feed: &Feed, site: Option<&Site>) -> Vec<File> {
    let Some(site) = site else { return Vec::new() };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out +=
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
    let events = feed.events.iter().filter(|_| site.event_pages).map(|e| Some(e.id.as_str()));
    for event in std::iter::once(None).chain(events) {
        let Some(pages) = pages_of(event) else { continue };
        for page in &pages {
            out += &format!("  <url>\n    <loc>{}</loc>\n", xml(&site.page(page)));
            for other in &pages {
                let (lang, href) = (other.lang.tag(), xml(&site.page(other)));
                out += &format!("    <xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{href}\"/>\n");
            }
            out += "  </url>\n";
        }
    }
    out += "</urlset>\n";
    let robots = format!("User-agent: *\nAllow: /\nSitemap: {site}sitemap.xml\n");
    vec![File { path: "sitemap.xml".into(), text: out }, File { path: "robots.txt".into(), text: robots }]
}

/// schema.org `Event` data of every event, as JSON-LD (`ld/events.en.json`, put in each
/// page's head by the build): what the feed honestly has, and no more. An event whose day is
/// not known has no `startDate` (and is then not eligible for rich results, which is right).
/// The atlas' pages (`None`) or an event's, in each language; `None` for an event whose
/// id cannot be a folder.
fn pages_of(event: Option<&str>) -> Option<[Page; 2]> {
    match event {
        None => Some(Lang::ALL.map(Page::atlas)),
        Some(id) => is_page_id(id).then(|| Lang::ALL.map(|lang| Page::event(lang, id))),
    }
}

pub fn json_ld(feed: &Feed, site: Option<&Site>) -> Vec<File> {
    [Lang::En, Lang::Fr]
        .into_iter()
        .map(|lang| File { path: format!("ld/events.{}.json", lang.tag()), text: events_ld(lang, feed, site) })
        .collect()
}

/// Every event of `feed` as schema.org JSON-LD, with `<` escaped (`\u003c`, the same JSON)
/// so that the text can stand in an HTML `<script>` data block as it is.
pub fn events_ld(lang: Lang, feed: &Feed, site: Option<&Site>) -> String {
    let events: Vec<serde_json::Value> = feed.events.iter().map(|e| event_ld(lang, feed, e, site)).collect();
    script_safe(&serde_json::json!({ "@context": "https://schema.org", "@graph": events }))
}

/// JSON text that cannot end the `<script>` it stands in.
pub fn script_safe(json: &serde_json::Value) -> String {
    serde_json::to_string(json).unwrap_or_default().replace('<', "\\u003c")
}

pub fn event_ld(lang: Lang, feed: &Feed, event: &Event, site: Option<&Site>) -> serde_json::Value {
    use super::feed::{Attendance, Status, When};
    use serde_json::{json, Value};
    let mut ld = json!({ "@type": "Event", "name": event.title.get(lang) });
    let mut set = |key: &str, value: Value| {
        ld[key] = value;
    };
    match &event.when {
        When::Datetime { start, end, .. } => {
            set("startDate", json!(start));
            if let Some(end) = end {
                set("endDate", json!(end));
            }
        }
        When::Date { date, end_date } => {
            set("startDate", json!(date));
            set("endDate", json!(end_date.as_ref().unwrap_or(date)));
        }
        When::Between { .. } => {}
    }
    let status = match event.status {
        Status::Scheduled => "EventScheduled",
        Status::Cancelled => "EventCancelled",
        Status::Postponed => "EventPostponed",
        Status::Rescheduled => "EventRescheduled",
        Status::MovedOnline => "EventMovedOnline",
    };
    set("eventStatus", json!(format!("https://schema.org/{status}")));
    if let Some(attendance) = event.attendance {
        let mode = match attendance {
            Attendance::InPerson => "OfflineEventAttendanceMode",
            Attendance::Online => "OnlineEventAttendanceMode",
            Attendance::Mixed => "MixedEventAttendanceMode",
        };
        set("eventAttendanceMode", json!(format!("https://schema.org/{mode}")));
    }
    let mut locations = Vec::new();
    if let Some(place) = event.place.as_deref().and_then(|p| feed.place(p)) {
        let mut address = json!({ "@type": "PostalAddress", "addressLocality": place.name.get(lang), "addressCountry": place.country });
        if let Some(region) = super::query::readable_region(place) {
            address["addressRegion"] = json!(region);
        }
        if let Some(street) = &place.address {
            address["streetAddress"] = json!(street);
        }
        // The venue is the host's (`host`: who welcomes the event), in that city.
        let host = event.host.as_deref().and_then(|h| feed.organization(h)).map(|o| o.name.as_str());
        let mut venue = json!({ "@type": "Place", "name": host.unwrap_or(place.name.get(lang)), "address": address });
        if !place.approximate {
            venue["geo"] = json!({ "@type": "GeoCoordinates", "latitude": place.lat, "longitude": place.lon });
        }
        locations.push(venue);
    }
    if let Some(url) = event.online_url.as_deref().filter(|u| super::validate::is_safe_link(u)) {
        locations.push(json!({ "@type": "VirtualLocation", "url": url }));
    }
    match locations.len() {
        0 => {}
        1 => set("location", locations.remove(0)),
        _ => set("location", Value::Array(locations)),
    }
    // Who organizes it: its edition's organizer (the host only lends the room).
    let organizer =
        event.edition.as_deref().and_then(|e| feed.edition(e)?.organizer.as_deref()).and_then(|o| feed.organization(o));
    if let Some(organizer) = organizer {
        let mut ld = json!({ "@type": "Organization", "name": organizer.name });
        if let Some(url) = organizer.url.as_deref().filter(|u| super::validate::is_safe_link(u)) {
            ld["url"] = json!(url);
        }
        set("organizer", ld);
    }
    let mut speakers: Vec<&str> = event
        .sessions
        .iter()
        .flat_map(|s| &s.speakers)
        .filter_map(|p| feed.person(p))
        .map(|p| p.name.as_str())
        .collect();
    speakers.dedup();
    if !speakers.is_empty() {
        set(
            "performer",
            Value::Array(speakers.iter().map(|name| json!({ "@type": "Person", "name": name })).collect()),
        );
    }
    if let Some(summary) = &event.summary {
        set("description", json!(summary.get(lang)));
    }
    if let Some(site) = site {
        set("url", json!(site.event(lang, &event.id)));
        if let Some(card) = site.card(lang, &event.id) {
            set("image", json!([card]));
        }
    }
    let tickets = event
        .links
        .iter()
        .find(|l| l.kind == super::feed::LinkKind::Registration && super::validate::is_safe_link(&l.url));
    if let Some(tickets) = tickets {
        set("offers", json!({ "@type": "Offer", "url": tickets.url }));
    }
    ld
}

/// An event in a few words, for an Atom entry and a page's description: when (as far as
/// it is known), where, and its summary.
pub fn in_words(lang: Lang, feed: &Feed, event: &Event) -> Vec<String> {
    let when = match &event.when {
        super::feed::When::Between { .. } => super::i18n::fuzzy_range(lang, event.span),
        _ => super::i18n::plain_day(lang, event.span.first, true),
    };
    let place = event.place.as_deref().and_then(|p| feed.place(p)).map(|p| super::query::place_name(lang, feed, p));
    let mut words: Vec<String> = vec![when];
    words.extend(place);
    words.extend(event.summary.as_ref().map(|s| s.get(lang).to_owned()));
    words
}

/// XML (and HTML) character data and attribute values.
pub fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// RFC 3339 in UTC, from seconds since the epoch.
fn rfc3339(seconds: i64) -> String {
    let day = super::date::Day::from_days_since_epoch(seconds.div_euclid(86_400));
    let s = seconds.rem_euclid(86_400);
    format!("{day}T{:02}:{:02}:{:02}Z", s / 3600, s % 3600 / 60, s % 60)
}

fn atom(lang: Lang, feed: &Feed, site: Option<&Site>) -> String {
    let page = site.map(|site| site.page(&Page::atlas(lang)));
    let self_path = format!("feeds/events.{}.atom", lang.tag());
    let title = feed.title.get(lang);
    let mut events: Vec<&Event> = feed.events.iter().collect();
    super::order::sort(&mut events, &|a, b| b.span.first.cmp(&a.span.first).then_with(|| a.id.cmp(&b.id)));
    let updated = feed.events.iter().map(|e| ics::changed(feed, e)).max().unwrap_or(0);
    let author = feed
        .source
        .as_ref()
        .and_then(|s| s.publisher.as_deref())
        .and_then(|p| feed.organization(p))
        .map_or(title, |o| o.name.as_str());
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out += &format!("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", lang.tag());
    out += &format!("  <title>{}</title>\n", xml(title));
    match (&page, site) {
        (Some(page), Some(site)) => {
            out += &format!("  <id>{}</id>\n", xml(&format!("{site}{self_path}")));
            out += &format!(
                "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
                xml(&format!("{site}{self_path}"))
            );
            out += &format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", xml(page));
        }
        _ => out += &format!("  <id>urn:meetup-atlas:{}</id>\n", self_path.replace('/', ":")),
    }
    out += &format!("  <updated>{}</updated>\n  <author><name>{}</name></author>\n", rfc3339(updated), xml(author));
    for event in events {
        let summary = in_words(lang, feed, event);
        out += "  <entry>\n";
        out += &format!("    <title>{}</title>\n", xml(event.title.get(lang)));
        match site {
            Some(site) => {
                let address = site.event(lang, &event.id);
                out += &format!(
                    "    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                    xml(&address),
                    xml(&address)
                );
            }
            None => out += &format!("    <id>urn:meetup-atlas:event:{}</id>\n", event.id),
        }
        out += &format!("    <updated>{}</updated>\n", rfc3339(ics::changed(feed, event)));
        out += &format!("    <summary>{}</summary>\n", xml(&summary.join(" — ")));
        out += "  </entry>\n";
    }
    out += "</feed>\n";
    out
}

/// The published calendar for what is shown, in `lang`.
#[derive(Clone, Debug, PartialEq)]
pub enum Matching<'a> {
    /// One holds exactly it: all events, the selected or filtered place, the filtered topic.
    Exact(&'a Listed),
    /// What is shown (a search, several filters) has none of its own: all events instead.
    AllInstead(&'a Listed),
    /// None is published.
    Nothing,
}

/// Which calendar to offer for `place` (the selected one) and `filters`. Whether past or
/// upcoming events are shown makes no difference: a subscription follows both.
pub fn matching<'a>(lang: Lang, listed: &'a [Listed], place: Option<&str>, filters: &Filters) -> Matching<'a> {
    let find = |scope: Scope, id: Option<&str>| {
        listed.iter().find(|c| c.scope == scope && c.id.as_deref() == id && c.lang == lang.tag())
    };
    let Some(all) = find(Scope::All, None) else { return Matching::Nothing };
    let searched = !filters.search.trim().is_empty();
    let one: Option<(Scope, &str)> = match (place, filters.chosen.len(), searched) {
        (Some(place), 0, false) => Some((Scope::Place, place)),
        (None, 0, false) => return Matching::Exact(all),
        (None, 1, false) => filters.chosen.iter().next().and_then(|(facet, id)| match facet {
            Facet::Place => Some((Scope::Place, id.as_str())),
            Facet::Topic => Some((Scope::Topic, id.as_str())),
            _ => None,
        }),
        _ => None,
    };
    match one.and_then(|(scope, id)| find(scope, Some(id))) {
        Some(calendar) => Matching::Exact(calendar),
        None => Matching::AllInstead(all),
    }
}

/// Where to subscribe to a calendar at `address` (absolute, http or https) named `name`.
#[derive(Clone, Debug, PartialEq)]
pub struct Subscribe {
    /// For the calendar app of the device (`webcal:`).
    pub webcal: String,
    pub google: String,
    pub outlook: String,
}

pub fn subscribe(address: &str, name: &str) -> Subscribe {
    let rest = address.strip_prefix("https://").or_else(|| address.strip_prefix("http://")).unwrap_or(address);
    let webcal = format!("webcal://{rest}");
    Subscribe {
        google: format!("https://calendar.google.com/calendar/r?cid={}", encode(&webcal)),
        outlook: format!(
            "https://outlook.live.com/calendar/0/addfromweb?url={}&name={}",
            encode(address),
            encode(name)
        ),
        webcal,
    }
}

/// Where the calendars of a feed at `feed` are listed: `calendars/index.json` beside it
/// (`../feed.json` → `../calendars/index.json`); none for several feeds.
pub fn index_beside(feed: &str) -> Option<String> {
    let [one] = super::merge::addresses(feed)[..] else { return None };
    let path = one.split(['?', '#']).next().unwrap_or(one);
    let folder = path.rfind('/').map_or("", |slash| &path[..=slash]);
    Some(format!("{folder}{INDEX}"))
}

/// The list of a feed's calendars, beside it.
pub const INDEX: &str = "calendars/index.json";
