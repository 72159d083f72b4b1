// The calendars the build publishes to subscribe to (#22; src/core/publish.rs): each one
// listed in calendars/index.json is served, parsed by ical.js, and holds the events the
// list says, stamped from the feed, each with its address in the atlas.
import { test, expect } from "@playwright/test";
import ICAL from "ical.js";
import { bundled, EVENTS } from "./bundled.mjs";

test("every published calendar parses and holds what its list says", async ({ request }) => {
  const index = await (await request.get("calendars/index.json")).json();
  const all = index.filter((c) => c.scope === "all");
  expect(all.map((c) => c.lang).sort()).toEqual(["en", "fr"]);
  expect(all.every((c) => c.events === EVENTS)).toBe(true);
  // A calendar for every place that has events, in both languages.
  const placed = new Set(bundled.events.map((e) => e.place).filter(Boolean));
  expect(new Set(index.filter((c) => c.scope === "place").map((c) => c.id))).toEqual(placed);
  for (const listed of index) {
    const response = await request.get(listed.path);
    expect(response.ok(), listed.path).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(listed.name);
    const events = calendar.getAllSubcomponents("vevent");
    expect(events, listed.path).toHaveLength(listed.events);
    for (const vevent of events) {
      const event = new ICAL.Event(vevent);
      const id = event.uid.replace(/@meetup-atlas$/, "");
      expect(bundled.events.some((e) => e.id === id), id).toBe(true);
      expect(vevent.getFirstPropertyValue("url")).toBe(`http://127.0.0.1:4173/atlas/?event=${id}`);
      expect(vevent.getFirstPropertyValue("dtstamp").toString()).toBe(vevent.getFirstPropertyValue("last-modified").toString());
    }
  }
});
