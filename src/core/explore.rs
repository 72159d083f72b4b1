//! Finding events: accent- and case-insensitive search in both languages, and
//! filters by city, topic, speaker, organization, format and past/upcoming.
//! Each event's searchable text and facets are gathered once, so that answering
//! a keystroke is a scan of prepared strings.

use std::collections::BTreeSet;

use super::date::Day;
use super::feed::{Event, Feed, Text};
use super::lang::Lang;
use super::query::{self, Timing};

/// Lower case without accents, so "montreal" finds "Montréal" and "QUEBEC" finds "Québec".
/// Returns the folded text and, for each folded byte, the byte in `text` it came from.
pub fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        fold_into(c, &mut folded);
        origin.resize(folded.len(), at);
    }
    (folded, origin)
}

/// `fold_with_map` without the map: what every event's text goes through once.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    add_folded(&mut folded, text);
    folded
}

fn add_folded(folded: &mut String, text: &str) {
    if text.is_ascii() {
        // Most text is ASCII: lowered in one pass over its bytes, not char by char (the
        // search index of 10,000 events in 22 ms instead of 33, natively).
        let start = folded.len();
        folded.push_str(text);
        folded[start..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        fold_into(c, folded);
    }
}

fn fold_into(c: char, folded: &mut String) {
    if c.is_ascii() {
        // Most text is ASCII: no table to look in.
        folded.push(c.to_ascii_lowercase());
    } else if let Some(base) = fold_char(c) {
        folded.push_str(base);
    } else {
        folded.extend(c.to_lowercase());
    }
}

/// Accented Latin letters and typographic marks, to what one types without them.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "a",
        'ç' | 'Ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
        '’' | '‘' | 'ʼ' => "'",
        '\u{a0}' | '\u{202f}' => " ",
        '–' | '—' => "-",
        _ => return None,
    })
}

/// The words of a search, folded; empty words dropped.
pub fn search_words(search: &str) -> Vec<String> {
    fold(search).split_whitespace().map(str::to_owned).collect()
}

/// `text` cut into pieces, each marked whether it matches one of `words`
/// (for highlighting matches as text, never as HTML).
pub fn highlight<'a>(text: &'a str, words: &[String]) -> Vec<(&'a str, bool)> {
    if text.is_empty() {
        return Vec::new();
    }
    let (folded, origin) = fold_with_map(text);
    let mut marked = vec![false; text.len()];
    for word in words.iter().filter(|w| !w.is_empty()) {
        for (start, _) in folded.match_indices(word.as_str()) {
            let from = origin[start];
            let last = origin[start + word.len() - 1];
            let to = last + text[last..].chars().next().map_or(1, char::len_utf8);
            marked[from..to].iter_mut().for_each(|m| *m = true);
        }
    }
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    for (at, _) in text.char_indices().skip(1).chain([(text.len(), ' ')]) {
        if at == text.len() || marked[at] != marked[start] {
            pieces.push((&text[start..at], marked[start]));
            start = at;
        }
    }
    pieces
}

/// A facet an event can be filtered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Place,
    Topic,
    Speaker,
    Organization,
    Format,
    /// In person, online or both, where the feed says.
    Attendance,
}

impl Facet {
    pub const ALL: [Facet; 6] =
        [Facet::Place, Facet::Topic, Facet::Speaker, Facet::Organization, Facet::Format, Facet::Attendance];

    /// Its name in the page's markup (`data-facet`), for styles and tests.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Place => "place",
            Facet::Topic => "topic",
            Facet::Speaker => "speaker",
            Facet::Organization => "organization",
            Facet::Format => "format",
            Facet::Attendance => "attendance",
        }
    }
}

/// What the visitor asked for: values chosen per facet (any of them), a timing, words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub chosen: BTreeSet<(Facet, String)>,
    pub timing: Option<Timing>,
    /// The text typed in the search box (`q=` in a link).
    pub search: String,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.chosen.is_empty() && self.timing.is_none() && self.search.trim().is_empty()
    }

    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let key = (facet, value.to_owned());
        if !self.chosen.remove(&key) {
            self.chosen.insert(key);
        }
    }

    /// These filters but for those of `facet`: what a facet's counts are counted under.
    pub fn without(&self, facet: Facet) -> Filters {
        Filters { chosen: self.chosen.iter().filter(|(f, _)| *f != facet).cloned().collect(), ..self.clone() }
    }

    fn chosen_in(&self, facet: Facet) -> impl Iterator<Item = &str> {
        self.chosen.iter().filter(move |(f, _)| *f == facet).map(|(_, v)| v.as_str())
    }
}

/// One event's facets and folded text, gathered once per feed.
#[derive(Clone, Debug)]
pub struct Prepared {
    facets: BTreeSet<(Facet, String)>,
    text: String,
}

impl Prepared {
    pub fn has(&self, facet: Facet, value: &str) -> bool {
        self.facets.contains(&(facet, value.to_owned()))
    }
}

pub fn prepare(feed: &Feed) -> Vec<Prepared> {
    let mut prepared = Vec::with_capacity(feed.events.len());
    prepare_more(feed, &mut prepared, usize::MAX);
    prepared
}

/// `prepare`, a slice at a time: adds the next `count` events' (at most) to `prepared`,
/// which holds the first ones'; whether every event's is there now.
pub fn prepare_more(feed: &Feed, prepared: &mut Vec<Prepared>, count: usize) -> bool {
    let rest = feed.events.iter().skip(prepared.len()).take(count);
    prepared.extend(rest.map(|event| prepare_event(feed, event)));
    prepared.len() == feed.events.len()
}

fn prepare_event(feed: &Feed, event: &Event) -> Prepared {
    let mut facets = BTreeSet::new();
    let mut text = String::new();
    add_text(&mut text, &event.title);
    if let Some(summary) = &event.summary {
        add_text(&mut text, summary);
    }
    if let Some(place) = event.place.as_deref().and_then(|id| feed.place(id)) {
        facets.insert((Facet::Place, place.id.clone()));
        add_text(&mut text, &place.name);
    }
    // An organization's events are those its people speak at or it hosts; sponsoring is
    // not taking part, so sponsors are found by search but are no facet value.
    let mut organizations: Vec<&str> = event.host.iter().map(String::as_str).collect();
    if let Some(edition) = event.edition.as_deref().and_then(|id| feed.edition(id)) {
        for sponsor in edition.sponsors.iter().filter_map(|id| feed.organization(id)) {
            add(&mut text, &sponsor.name);
        }
    }
    if let Some(attendance) = event.attendance {
        facets.insert((Facet::Attendance, attendance.id().to_owned()));
    }
    for topic in event.topics.iter().filter_map(|id| feed.topic(id)) {
        facets.insert((Facet::Topic, topic.id.clone()));
        add_text(&mut text, &topic.name);
    }
    for session in &event.sessions {
        facets.insert((Facet::Format, session.format.id().to_owned()));
        add_text(&mut text, &session.title);
        if let Some(summary) = &session.summary {
            add_text(&mut text, summary);
        }
        for topic in session.topics.iter().filter_map(|id| feed.topic(id)) {
            facets.insert((Facet::Topic, topic.id.clone()));
            add_text(&mut text, &topic.name);
        }
        for person in session.speakers.iter().filter_map(|id| feed.person(id)) {
            facets.insert((Facet::Speaker, person.id.clone()));
            add(&mut text, &person.name);
            organizations.extend(person.organization.as_deref());
        }
    }
    for org in organizations.into_iter().filter_map(|id| feed.organization(id)) {
        facets.insert((Facet::Organization, org.id.clone()));
        add(&mut text, &org.name);
    }
    Prepared { facets, text }
}

fn add(text: &mut String, piece: &str) {
    add_folded(text, piece);
    text.push('\n');
}

fn add_text(text: &mut String, both: &Text) {
    add(text, &both.en);
    // Names and many titles are the same in both languages: searched once.
    if both.fr != both.en {
        add(text, &both.fr);
    }
}

/// Where a search found a word that the list's card of the event does not show.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OffCard {
    Sponsor(String),
    Topic(String),
    Summary,
    /// The event's text in the other language.
    Translation,
}

/// Why an event matches `words` when its card alone does not say: each word that is not
/// on the card (title, kind, place, host, talks, speakers and their organizations, in
/// `lang`: what the list's brief card shows) is looked up in what is not.
pub fn off_card(lang: Lang, feed: &Feed, event: &Event, words: &[String]) -> Vec<OffCard> {
    let mut card = String::new();
    add(&mut card, event.title.get(lang));
    let place = event.place.as_deref().and_then(|id| feed.place(id));
    if let Some(place) = place {
        add(&mut card, place.name.get(lang));
    }
    for org in event.host.iter().filter_map(|id| feed.organization(id)) {
        add(&mut card, &org.name);
    }
    for session in &event.sessions {
        add(&mut card, session.title.get(lang));
        for person in session.speakers.iter().filter_map(|id| feed.person(id)) {
            add(&mut card, &person.name);
            if let Some(role) = &person.role {
                add(&mut card, role.get(lang));
            }
            for org in person.organization.iter().filter_map(|id| feed.organization(id)) {
                add(&mut card, &org.name);
            }
        }
    }
    let found = |text: &str, word: &str| fold(text).contains(word);
    let found_in = |text: &Text, word: &str| found(&text.en, word) || found(&text.fr, word);
    let sponsors: Vec<&str> = event
        .edition
        .as_deref()
        .and_then(|id| feed.edition(id))
        .into_iter()
        .flat_map(|e| e.sponsors.iter().filter_map(|id| feed.organization(id)))
        .map(|o| o.name.as_str())
        .collect();
    let mut why = BTreeSet::new();
    for word in words.iter().filter(|w| !card.contains(w.as_str())) {
        why.extend(sponsors.iter().filter(|name| found(name, word)).map(|name| OffCard::Sponsor((*name).to_owned())));
        let topics = event.topics.iter().chain(event.sessions.iter().flat_map(|s| &s.topics));
        for topic in topics.filter_map(|id| feed.topic(id)) {
            if found_in(&topic.name, word) {
                why.insert(OffCard::Topic(topic.name.get(lang).to_owned()));
            }
        }
        let summaries = event.summary.iter().chain(event.sessions.iter().filter_map(|s| s.summary.as_ref()));
        if summaries.into_iter().any(|s| found_in(s, word)) {
            why.insert(OffCard::Summary);
        }
        let other = lang.other();
        let translated = std::iter::once(&event.title)
            .chain(place.map(|p| &p.name))
            .chain(event.sessions.iter().map(|s| &s.title))
            .any(|t| found(t.get(other), word));
        if translated {
            why.insert(OffCard::Translation);
        }
    }
    why.into_iter().collect()
}

/// Whether an event passes: every chosen facet has one of its values, the timing
/// agrees, and every word of the search is found.
pub fn passes(prepared: &Prepared, span_timing: Timing, filters: &Filters, words: &[String]) -> bool {
    Facet::ALL.iter().all(|&facet| {
        let mut chosen = filters.chosen_in(facet).peekable();
        chosen.peek().is_none() || chosen.any(|value| prepared.has(facet, value))
    }) && filters.timing.is_none_or(|t| t == span_timing)
        && words.iter().all(|word| prepared.text.contains(word.as_str()))
}

/// Which of the feed's events the filters let through, by their index in the feed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown(Vec<bool>);

impl Shown {
    /// Every one of `len` events.
    pub fn all(len: usize) -> Shown {
        Shown(vec![true; len])
    }

    /// Whether event `index` is shown; an index the filters have not seen yet is.
    pub fn contains(&self, index: usize) -> bool {
        self.0.get(index).copied().unwrap_or(true)
    }

    pub fn count(&self) -> usize {
        self.0.iter().filter(|shown| **shown).count()
    }

    /// Those of these events that `keep` also lets through.
    pub fn only(&self, keep: impl Fn(usize) -> bool) -> Shown {
        Shown(self.0.iter().enumerate().map(|(i, shown)| *shown && keep(i)).collect())
    }

    /// The indices shown, in feed order.
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().filter(|(_, shown)| **shown).map(|(i, _)| i)
    }
}

/// For each event of the feed, whether it is shown under `filters`.
pub fn shown(feed: &Feed, prepared: &[Prepared], filters: &Filters, today: Day) -> Shown {
    let tested = Shown(vec![false; feed.events.len().min(prepared.len())]);
    retested(feed, prepared, filters, today, tested, None)
}

/// `was` with its events tested again under `filters`: all of them, or only those
/// whose flag is `only`.
fn retested(
    feed: &Feed,
    prepared: &[Prepared],
    filters: &Filters,
    today: Day,
    was: Shown,
    only: Option<bool>,
) -> Shown {
    let words = search_words(&filters.search);
    let mut next = was;
    for ((flag, event), p) in next.0.iter_mut().zip(&feed.events).zip(prepared) {
        if only.is_none_or(|only| *flag == only) {
            *flag = passes(p, query::timing(event.span, today), filters, &words);
        }
    }
    next
}

/// `shown` under `filters`, from `was`, what `before` showed on the same `today`: when
/// only the search changed, by words that ask more (each word before is inside one now)
/// or less (each word now is inside one before), only the events that can change are
/// tested again — the shown ones or the hidden ones; otherwise all of them.
pub fn shown_after(
    feed: &Feed,
    prepared: &[Prepared],
    filters: &Filters,
    today: Day,
    (before, was): (&Filters, &Shown),
) -> Shown {
    let same_but_search = before.chosen == filters.chosen && before.timing == filters.timing;
    let (old, new) = (search_words(&before.search), search_words(&filters.search));
    let within =
        |narrow: &[String], wide: &[String]| wide.iter().all(|w| narrow.iter().any(|n| n.contains(w.as_str())));
    // Only what was shown can still be; only what was hidden can now be.
    let retest = match (same_but_search && was.0.len() == feed.events.len(), within(&new, &old), within(&old, &new)) {
        (true, true, _) => true,
        (true, _, true) => false,
        _ => return shown(feed, prepared, filters, today),
    };
    retested(feed, prepared, filters, today, was.clone(), Some(retest))
}

/// The faceted-search count of each value of `facet`: how many events adding it would
/// show. Values of one facet combine with "or", so a facet is counted under the other
/// facets' filters only, and no value that gives results says 0.
pub fn facet_counts(
    feed: &Feed,
    prepared: &[Prepared],
    filters: &Filters,
    today: Day,
    facet: Facet,
) -> rustc_hash::FxHashMap<String, usize> {
    counts(prepared, &shown(feed, prepared, &filters.without(facet), today), facet).into_iter().collect()
}

/// Orders names as a reader looks them up: by letters regardless of case and accents
/// ("Élise" among the E), then exactly, so the order is total.
pub fn collate(a: &str, b: &str) -> std::cmp::Ordering {
    fold(a).cmp(&fold(b)).then_with(|| a.cmp(b))
}

/// How many shown events have each value of `facet`, most first.
pub fn counts(prepared: &[Prepared], shown: &Shown, facet: Facet) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for p in shown.indices().filter_map(|i| prepared.get(i)) {
        for (_, value) in p.facets.iter().filter(|(f, _)| *f == facet) {
            *counts.entry(value).or_default() += 1;
        }
    }
    let counts: Vec<(String, usize)> = counts.into_iter().map(|(v, n)| (v.to_owned(), n)).collect();
    super::order::sorted(counts, &|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_ascii_in_one_pass_as_it_folds_each_char() {
        let by_char = |text: &str| text.chars().fold(String::new(), |mut s, c| (fold_into(c, &mut s), s).1);
        let every_ascii: String = (0u8..128).map(char::from).collect();
        for text in [every_ascii.as_str(), "KubeCon + CloudNativeCon 2019", "", "Montréal KUBERNETES Œuvre"] {
            assert_eq!(fold(text), by_char(text), "{text:?}");
        }
        assert_eq!(fold("ÉCOLE Québec"), "ecole quebec");
    }

    #[test]
    fn says_why_an_event_matches_when_its_card_does_not() {
        let loaded = crate::core::load::load(include_str!("../../public/feed.json")).expect("the bundled feed loads");
        let feed = &loaded.feed;
        let sponsored = feed
            .events
            .iter()
            .find_map(|e| {
                let edition = feed.edition(e.edition.as_deref()?)?;
                let sponsor = edition.sponsors.iter().filter_map(|id| feed.organization(id)).find(|o| {
                    let word = fold(&o.name);
                    off_card(Lang::En, feed, e, &search_words(&word)).contains(&OffCard::Sponsor(o.name.clone()))
                })?;
                Some((e, sponsor))
            })
            .expect("a sponsor of the bundled feed that no card names");
        let (event, sponsor) = sponsored;
        // The event's own title is on its card: no reason to give.
        assert_eq!(off_card(Lang::En, feed, event, &search_words(&event.title.en)), vec![]);
        // Title and sponsor: the title is on the card, the sponsor is said.
        let both = format!("{} {}", event.title.en, sponsor.name);
        assert_eq!(off_card(Lang::En, feed, event, &search_words(&both)), vec![OffCard::Sponsor(sponsor.name.clone())]);
        // A word of the French title only, read in English.
        let french: Vec<String> = search_words(&event.title.fr)
            .into_iter()
            .filter(|w| !fold(&event.title.en).contains(w.as_str()))
            .take(1)
            .collect();
        if !french.is_empty() {
            assert!(off_card(Lang::En, feed, event, &french).contains(&OffCard::Translation));
        }
    }

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Montréal"), "montreal");
        assert_eq!(fold("QUÉBEC"), "quebec");
        assert_eq!(fold("Île-du-Prince-Édouard"), "ile-du-prince-edouard");
        assert_eq!(fold("cœur l’été"), "coeur l'ete");
        let (folded, origin) = fold_with_map("Œuvre");
        assert_eq!(folded, "oeuvre");
        assert_eq!(&origin[..3], &[0, 0, 2]);
    }

    #[test]
    fn highlights_map_back_to_the_original_text() {
        let words = search_words("montreal QUEBEC");
        assert_eq!(
            highlight("De Montréal à Québec", &words),
            vec![("De ", false), ("Montréal", true), (" à ", false), ("Québec", true)]
        );
        assert_eq!(highlight("Œuvres", &search_words("oeu")), vec![("Œu", true), ("vres", false)]);
        assert_eq!(highlight("nothing here", &search_words("zzz")), vec![("nothing here", false)]);
        assert_eq!(
            highlight("<b>x</b>", &search_words("b")),
            vec![("<", false), ("b", true), (">x</", false), ("b", true), (">", false)]
        );
    }
}
