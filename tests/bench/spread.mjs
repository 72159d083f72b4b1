// The "spread" feed of the benchmarks (perf.mjs, timelinejs.mjs): the seed's series of
// `events` single-day meetups (every tenth with a range of days) over twelve years, at
// `places` generated places of Eastern Canada; the same feed for the same numbers.
export function spreadFeed(seed, events, places) {
  let state = 42;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const feed = structuredClone(seed);
  feed.places = Array.from({ length: places }, (_, i) => ({
    id: `p${i}`, name: { en: `Place ${i}`, fr: `Lieu ${i}` }, region: "ON", country: "CA",
    lat: +(42 + random() * 8).toFixed(4), lon: +(-83 + random() * 23).toFixed(4),
  }));
  feed.series = [];
  const day = (n) => new Date(Date.UTC(2015, 0, 1) + n * 86400000).toISOString().slice(0, 10);
  feed.events = Array.from({ length: events }, (_, i) => {
    const start = Math.floor(random() * 365 * 12);
    const when = i % 10 === 0
      ? { type: "between", earliest: day(start), latest: day(start + 20), note: { en: "Approximate.", fr: "Approximatif." } }
      : { type: "date", date: day(start) };
    return {
      id: `e${i}`, kind: "meetup", edition: "spring-2019", title: { en: `Meetup ${i}`, fr: `Rencontre ${i}` },
      place: `p${i % places}`, host: "ubisoft", when,
      sessions: [{ id: `s${i}`, format: "talk", title: { en: `Talk ${i}`, fr: `Présentation ${i}` }, speakers: ["ian-crosby"], topics: ["kubernetes"] }],
    };
  });
  feed.editions[0].sessions = [];
  return feed;
}
