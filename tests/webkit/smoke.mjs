// WebKit smoke tests: the built app (dist/) in Debian's WebKitGTK MiniBrowser, driven
// through WebKitWebDriver with selenium-webdriver (from tests/e2e/node_modules).
//
//   node --test --test-reporter=spec tests/webkit/smoke.mjs     (or bash tests/webkit/run.sh)
//
// Starts what it needs and stops it at the end, even on failure:
//   - tests/e2e/serve.sh (nginx) on E2E_PORT (default 4173), +1 and +2: the atlas, "someone
//     else's site" and the atlas with a console recorder (tests/webkit/pages/record.js);
//   - `xvfb-run -a WebKitWebDriver` on a free port.
// Expectations come from dist/feed.json. The offline test stops nginx: it runs last.
// Screenshots go to target/webkit-shots/.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { declarationsOf, describeDeclaration, styleRules, supportPairs, unsupportedDeclarations } from "./css-declarations.mjs";

const require = createRequire(new URL("../e2e/package.json", import.meta.url));
const { Builder, By } = require("selenium-webdriver");

const repo = fileURLToPath(new URL("../../", import.meta.url));
const dist = new URL("../../dist/", import.meta.url);
const port = Number(process.env.E2E_PORT || 4173);
const atlas = `http://127.0.0.1:${port}`;
const other = `http://127.0.0.1:${port + 1}`;
const recording = `http://127.0.0.1:${port + 2}`;
// As tests/e2e/serve.sh names it: target/e2e-site without E2E_PORT, target/e2e-site-<port> with.
const hostsDir = new URL(`../../target/e2e-site${process.env.E2E_PORT ? `-${port}` : ""}/other-origin/hosts/`, import.meta.url);
const shots = new URL("../../target/webkit-shots/", import.meta.url);
const miniBrowser = process.env.WEBKIT_MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

const feed = JSON.parse(readFileSync(new URL("feed.json", dist), "utf8"));
const N = feed.events.length;
const langs = ["en", "fr"];
const text = (t, lang) => (typeof t === "string" ? t : (t?.[lang] ?? ""));
const place = (id) => feed.places.find((p) => p.id === id);
const person = (id) => feed.people.find((p) => p.id === id);
const organization = (id) => feed.organizations.find((o) => o.id === id);
const speakerIds = (event) => [...new Set((event.sessions ?? []).flatMap((s) => s.speakers ?? []))];

// ---------------------------------------------------------------------------------------
// Processes

const children = new Set();
let nginx;
let driverProcess;
let driverUrl;

/** Starts `command` in a process group of its own, keeping the end of its output. */
function start(name, command, args, env = {}) {
  const child = spawn(command, args, { cwd: repo, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  child.output = "";
  const keep = (chunk) => (child.output = (child.output + chunk).slice(-8000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.exited = new Promise((resolve) => child.on("exit", resolve));
  child.name = name;
  children.add(child);
  return child;
}

const running = (child) => child.exitCode === null && child.signalCode === null;

/** The pids of process group `pgid` (from /proc). */
function groupMembers(pgid) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid pgrp …
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === pgid) pids.push(Number(entry));
    } catch {}
  }
  return pids;
}

/**
 * Stops a started process and everything in its group (nginx and its workers; xvfb-run,
 * Xvfb, WebKitWebDriver and any MiniBrowser left). With `spareLeader`, the others go first,
 * so that xvfb-run, seeing its command end, cleans up after itself (its temporary files).
 */
async function stop(child, { spareLeader = false } = {}) {
  if (!child || !children.has(child)) return;
  children.delete(child);
  const kill = (pid, sig) => {
    try {
      process.kill(pid, sig);
    } catch {}
  };
  const exited = (ms) => Promise.race([child.exited.then(() => true), sleep(ms).then(() => false)]);
  if (spareLeader && running(child)) {
    for (const pid of groupMembers(child.pid)) if (pid !== child.pid) kill(pid, "SIGTERM");
    await exited(5000);
  }
  if (running(child)) kill(-child.pid, "SIGTERM");
  await exited(5000);
  // Whatever of the group outlived its leader.
  await sleep(200);
  for (const pid of groupMembers(child.pid)) kill(pid, "SIGKILL");
}

/** Stops everything started, for the end of the run or an interruption. */
const stopAll = () => Promise.all([stop(driverProcess, { spareLeader: true }), stop(nginx)]);

// However the run ends, no server, driver or Xvfb is left behind.
process.on("exit", () => {
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  }
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    const timeout = setTimeout(() => process.exit(130), 12_000);
    stopAll().finally(() => {
      clearTimeout(timeout);
      process.exit(130);
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.status;
  } catch {
    return 0;
  }
}

async function waitUntilAnswers(url, child, seconds) {
  for (let i = 0; i < seconds * 5; i++) {
    if ((await answers(url)) === 200) return;
    if (!running(child)) throw new Error(`${child.name} exited (${child.exitCode ?? child.signalCode}):\n${child.output}`);
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${seconds} s; ${child.name} said:\n${child.output}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

before(async () => {
  for (const url of [atlas, other, recording]) {
    if ((await answers(`${url}/`)) !== 0) {
      throw new Error(`${url} already answers: another run of tests/e2e/serve.sh? Stop it, or give this run another E2E_PORT.`);
    }
  }
  nginx = start("tests/e2e/serve.sh", "bash", ["tests/e2e/serve.sh"]);
  const driverPort = await freePort();
  // navigator.language en-US, whatever the machine's locale (the pages follow it); where
  // en_US is not installed, GTK warns and carries on.
  const english = { LC_ALL: "en_US.UTF-8", LANG: "en_US.UTF-8", LANGUAGE: "en_US" };
  driverProcess = start("WebKitWebDriver", "xvfb-run", ["-a", "WebKitWebDriver", `--port=${driverPort}`], english);
  driverUrl = `http://127.0.0.1:${driverPort}`;
  await waitUntilAnswers(`${atlas}/atlas/`, nginx, 60);
  await waitUntilAnswers(`${recording}/atlas/__test/record.js`, nginx, 10);
  await waitUntilAnswers(`${driverUrl}/status`, driverProcess, 30);
  mkdirSync(shots, { recursive: true });
});

after(stopAll);

// ---------------------------------------------------------------------------------------
// The browser

/** A fresh MiniBrowser whose page area is `width`×`height`, quit at the end of `body`. */
async function withBrowser(body, { width = 1280, height = 900 } = {}) {
  const capabilities = {
    browserName: "MiniBrowser",
    "webkitgtk:browserOptions": { binary: miniBrowser, args: ["--automation"] },
  };
  const driver = await new Builder().usingServer(driverUrl).withCapabilities(capabilities).build();
  try {
    const window = driver.manage().window();
    await window.setRect({ width, height });
    const [innerWidth, innerHeight] = await driver.executeScript("return [innerWidth, innerHeight]");
    if (innerWidth !== width || innerHeight !== height) {
      await window.setRect({ width: 2 * width - innerWidth, height: 2 * height - innerHeight });
    }
    return await body(driver);
  } finally {
    await driver.quit().catch(() => {});
  }
}

/** Waits until `condition` (a function run in the page, given `args`) is truthy; returns it. */
async function waitFor(driver, what, condition, args = [], timeout = 20_000) {
  let last;
  try {
    return await driver.wait(async () => (last = await driver.executeScript(condition, ...args)), timeout);
  } catch (error) {
    const state = await driver
      .executeScript(() => ({ url: location.href, lang: document.documentElement.lang, recorded: window.__recorded ?? null }))
      .catch((e) => `(page unreadable: ${e.message})`);
    throw new Error(`waited ${timeout / 1000} s for ${what} (last answer: ${JSON.stringify(last)}); page: ${JSON.stringify(state)}`, { cause: error });
  }
}

/** The hosted page has been taken over (live) and lists every event of the feed. */
const live = (driver) =>
  waitFor(driver, `the live page with ${N} events`, (n) => {
    const host = document.querySelector("[data-meetup-atlas-live]");
    return !!host && host.querySelectorAll(".ma-event").length === n;
  }, [N]);

/** The `<meetup-atlas>` element has drawn every event of the feed in its shadow root. */
const elementLive = (driver) =>
  waitFor(driver, `the element's shadow root with ${N} events`, (n) => {
    const root = document.querySelector("meetup-atlas")?.shadowRoot;
    return !!root && root.querySelectorAll(".ma-event").length === n && root.querySelectorAll(".ma-marker").length > 0;
  }, [N]);

/** The list as shown, `[{ id, title }]`: of the page, or (given true) of the element's shadow root. */
function listed() {
  const root = arguments[0] ? document.querySelector("meetup-atlas").shadowRoot : document;
  return [...root.querySelectorAll(".ma-panel .ma-event")].map((e) => ({
    id: e.getAttribute("data-event"),
    title: e.querySelector(".ma-event-open")?.textContent.trim(),
  }));
}

const byId = (a, b) => a.id.localeCompare(b.id);
const expectedList = (events, lang) => events.map((e) => ({ id: e.id, title: text(e.title, lang) })).sort(byId);

async function screenshot(driver, name) {
  writeFileSync(new URL(name, shots), Buffer.from(await driver.takeScreenshot(), "base64"));
}

/** Writes a page of "someone else's site" and returns its URL. */
function hostPage(name, body, head = "") {
  mkdirSync(hostsDir, { recursive: true });
  writeFileSync(
    new URL(name, hostsDir),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>${head}</head><body>${body}</body></html>`,
  );
  return `${other}/hosts/${name}`;
}

/** Lower case without accents, as the app's search folds text (src/core/explore.rs). */
const fold = (s) =>
  s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replaceAll("œ", "oe").replaceAll("æ", "ae").replace(/[’‘ʼ]/g, "'").replace(/[\u00a0\u202f]/g, " ");

/** What the search looks through for an event, in both languages (src/core/explore.rs prepare_event). */
function searchable(event) {
  const pieces = [];
  const both = (t) => langs.forEach((lang) => pieces.push(text(t, lang)));
  both(event.title);
  both(event.summary);
  if (event.place && place(event.place)) both(place(event.place).name);
  const orgs = event.host ? [event.host] : [];
  const edition = (feed.editions ?? []).find((e) => e.id === event.edition);
  for (const sponsor of edition?.sponsors ?? []) pieces.push(organization(sponsor)?.name ?? "");
  for (const session of event.sessions ?? []) {
    both(session.title);
    both(session.summary);
    for (const topic of session.topics ?? []) both(feed.topics.find((t) => t.id === topic)?.name);
    for (const id of session.speakers ?? []) {
      pieces.push(person(id)?.name ?? "");
      if (person(id)?.organization) orgs.push(person(id).organization);
    }
  }
  for (const id of orgs) pieces.push(organization(id)?.name ?? "");
  return fold(pieces.join("\n"));
}

// ---------------------------------------------------------------------------------------

describe("WebKit smoke", { concurrency: 1 }, () => {
  it("loads /atlas/ and /atlas/fr/, takes the prerendered page over, and lists every event of the feed", { timeout: 60_000 }, (t) =>
    withBrowser(async (driver) => {
      const capabilities = await driver.getCapabilities();
      t.diagnostic(`${capabilities.get("browserName")} ${capabilities.get("browserVersion")}: ${await driver.executeScript("return navigator.userAgent")}`);
      for (const lang of langs) {
        await driver.get(`${atlas}/atlas/${lang === "en" ? "" : "fr/"}`);
        await live(driver);
        const page = await driver.executeScript(() => ({
          html: document.documentElement.lang,
          atlas: document.querySelector(".meetup-atlas")?.getAttribute("lang"),
          h1: document.querySelector("h1")?.textContent.trim(),
          // Measured only when the wasm took over the prerendered nodes (src/ui/mount.rs).
          takeOver: performance.getEntriesByName("meetup-atlas take-over", "measure").length,
        }));
        // The wasm is fetched once WebKit has shown the first view (its first-contentful-paint
        // entry), not by the loader's 1 s fallback for a page that never paints.
        const { paint, wasm } = await driver.executeScript(() => ({
          paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
          wasm: performance.getEntriesByType("resource").find((r) => r.name.endsWith("_bg.wasm"))?.startTime,
        }));
        t.diagnostic(`${lang}: first-contentful-paint at ${paint} ms, the wasm fetched at ${wasm} ms`);
        assert.ok(paint > 0 && wasm >= paint && wasm - paint < 600, `${lang}: paint ${paint}, wasm ${wasm}`);
        assert.deepEqual(page, { html: lang, atlas: lang, h1: text(feed.title, lang), takeOver: 1 }, `${lang} page`);
        assert.deepEqual((await driver.executeScript(listed, false)).sort(byId), expectedList(feed.events, lang), `${lang} list`);
        await screenshot(driver, `atlas-${lang}-1280x900.png`);
      }
    }));

  it("a marker click narrows the list to that place's events, and the count says so", { timeout: 60_000 }, () =>
    withBrowser(async (driver) => {
      // The place with the most events (the first of them, on a tie).
      const places = feed.places.map((p) => ({ id: p.id, events: feed.events.filter((e) => e.place === p.id) }));
      const chosen = places.reduce((best, p) => (p.events.length > best.events.length ? p : best));
      assert.ok(chosen.events.length > 0, "the feed has a place with events");
      await driver.get(`${atlas}/atlas/`);
      await live(driver);
      // The map has its real size by the time the page is live: its markers stand where
      // they stay, and a click aimed at once finds them.
      const viewBox = () => document.querySelector(".ma-map-svg")?.getAttribute("viewBox");
      const atLive = await driver.executeScript(viewBox);
      await settled(driver, "document");
      assert.equal(await driver.executeScript(viewBox), atLive, "the map's view once live, and after");
      await driver.findElement(By.css(`.ma-marker[data-place="${chosen.id}"]`)).click();
      const n = chosen.events.length;
      await waitFor(driver, `${n} events of ${chosen.id}`, (n) => document.querySelectorAll(".ma-panel .ma-event").length === n, [n]);
      assert.deepEqual((await driver.executeScript(listed, false)).sort(byId), expectedList(chosen.events, "en"));
      const state = await driver.executeScript((id) => ({
        count: document.querySelector(".ma-result-count")?.textContent.replace(/\s+/g, " ").trim(),
        pressed: document.querySelector(`.ma-marker[data-place="${id}"]`)?.getAttribute("aria-pressed"),
      }), chosen.id);
      assert.match(state.count, new RegExp(`^${n} of ${N} events?$`));
      assert.equal(state.pressed, "true");
    }));

  it("an event's details open with its speakers", { timeout: 60_000 }, () =>
    withBrowser(async (driver) => {
      // The event with the most speakers.
      const event = feed.events.reduce((best, e) => (speakerIds(e).length > speakerIds(best).length ? e : best));
      const names = speakerIds(event).map((id) => person(id).name).sort();
      assert.ok(names.length > 0, "the feed has an event with speakers");
      await driver.get(`${atlas}/atlas/`);
      await live(driver);
      // Scrolled to first, as a reader would: a card out of sight is not rendered
      // (`content-visibility: auto`), and WebKit's driver finds nothing there to click.
      const open = await driver.findElement(By.css(`.ma-panel .ma-event[data-event="${event.id}"] .ma-event-open`));
      await driver.executeScript((button) => button.scrollIntoView({ block: "center" }), open);
      await open.click();
      await waitFor(driver, "the details", () => !!document.querySelector(".ma-details h3"));
      const details = await driver.executeScript(() => ({
        title: document.querySelector(".ma-details h3").textContent.trim(),
        speakers: [...document.querySelectorAll(".ma-details .ma-speaker")].map((s) => s.textContent.trim()),
      }));
      assert.equal(details.title, text(event.title, "en"));
      assert.deepEqual([...new Set(details.speakers)].sort(), names);
    }));

  it("search narrows the list to the events containing the word and puts it in the address (?q=)", { timeout: 60_000 }, () =>
    withBrowser(async (driver) => {
      // The surname of the speaker at the most events, typed without capitals or accents.
      const count = (id) => feed.events.filter((e) => speakerIds(e).includes(id)).length;
      const speaker = feed.people.reduce((best, p) => (count(p.id) > count(best.id) ? p : best));
      const word = fold(speaker.name.split(/\s+/).at(-1));
      const expected = feed.events.filter((e) => searchable(e).includes(word));
      assert.ok(expected.length > 0 && expected.length < N, `"${word}" is in some events, not all`);
      await driver.get(`${atlas}/atlas/`);
      await live(driver);
      await driver.findElement(By.css("input[type=search]")).sendKeys(word);
      await waitFor(driver, `${expected.length} events for "${word}"`, (n) => document.querySelectorAll(".ma-panel .ma-event").length === n, [expected.length]);
      assert.deepEqual((await driver.executeScript(listed, false)).sort(byId), expectedList(expected, "en"));
      // The address follows once typing pauses.
      await driver.wait(async () => new URL(await driver.getCurrentUrl()).searchParams.get("q") === word, 10_000).catch(async () => {
        assert.fail(`the address has no q=${word}: ${await driver.getCurrentUrl()}`);
      });
      const shownCount = await driver.executeScript(() => document.querySelector(".ma-result-count")?.textContent.replace(/\s+/g, " ").trim());
      assert.match(shownCount, new RegExp(`^${expected.length} of ${N} events?$`));
    }));

  it("the Français link turns the page French", { timeout: 60_000 }, () =>
    withBrowser(async (driver) => {
      await driver.get(`${atlas}/atlas/`);
      await live(driver);
      await driver.findElement(By.css('.ma-lang-option[lang="fr"]')).click();
      await waitFor(driver, "the French page, live", (n) => {
        const host = document.querySelector("[data-meetup-atlas-live]");
        return document.documentElement.lang === "fr" && document.querySelector(".meetup-atlas")?.lang === "fr" && !!host && host.querySelectorAll(".ma-event").length === n;
      }, [N]);
      const page = await driver.executeScript(() => ({
        h1: document.querySelector("h1")?.textContent.trim(),
        current: document.querySelector('.ma-lang-option[lang="fr"]')?.getAttribute("aria-current"),
      }));
      assert.deepEqual(page, { h1: text(feed.title, "fr"), current: "true" });
      assert.deepEqual((await driver.executeScript(listed, false)).sort(byId), expectedList(feed.events, "fr"));
    }));

  it("the <meetup-atlas> element on another origin draws in its shadow root and answers clicks there", { timeout: 60_000 }, () =>
    withBrowser(async (driver) => {
      const url = hostPage("webkit-element.html", `<h1>Our events</h1><meetup-atlas lang="en"></meetup-atlas><script type="module" src="${atlas}/atlas/meetup-atlas.js"></script>`);
      await driver.get(url);
      await elementLive(driver);
      assert.deepEqual((await driver.executeScript(listed, true)).sort(byId), expectedList(feed.events, "en"));
      const styled = await driver.executeScript(() => {
        const root = document.querySelector("meetup-atlas").shadowRoot;
        return {
          // Its style sheet (from the atlas' origin) applies inside, and nothing leaks out.
          markerPosition: getComputedStyle(root.querySelector(".ma-marker")).position,
          lightDom: document.querySelectorAll(".ma-event, .ma-marker").length,
          sheets: document.styleSheets.length,
        };
      });
      assert.deepEqual(styled, { markerPosition: "absolute", lightDom: 0, sheets: 0 });

      const root = await driver.findElement(By.css("meetup-atlas")).getShadowRoot();
      const withEvents = feed.places.find((p) => feed.events.some((e) => e.place === p.id));
      const theirs = feed.events.filter((e) => e.place === withEvents.id);
      await (await root.findElement(By.css(`.ma-marker[data-place="${withEvents.id}"]`))).click();
      await waitFor(driver, `${theirs.length} events of ${withEvents.id} in the element`, (n) => {
        const root = document.querySelector("meetup-atlas").shadowRoot;
        return root.querySelectorAll(".ma-panel .ma-event").length === n;
      }, [theirs.length]);
      assert.deepEqual((await driver.executeScript(listed, true)).sort(byId), expectedList(theirs, "en"));
      // A title opens its details, inside the element too.
      await (await root.findElement(By.css(`.ma-panel .ma-event[data-event="${theirs[0].id}"] .ma-event-open`))).click();
      const title = await waitFor(driver, "the details in the element", () => document.querySelector("meetup-atlas").shadowRoot.querySelector(".ma-details h3")?.textContent.trim());
      assert.equal(title, text(theirs[0].title, "en"));
      assert.equal(await driver.getCurrentUrl(), url, "the host page's address is left alone");
    }));

  it("no error, CSP violation or console.error at 1280 px and in a 390×844 frame (/atlas/, /atlas/fr/, an element host page)", { timeout: 150_000 }, () =>
    withBrowser(async (driver) => {
      // The element's host page is on "someone else's site" (no CSP of ours), the recorder
      // and the element's files come from the recording origin. Its phone-sized frame is on
      // that site too: the recording origin's CSP (default-src 'self') lets it frame only itself.
      const recorder = `<script src="${recording}/atlas/__test/record.js"></script>`;
      const element = hostPage(
        "webkit-element-recorded.html",
        `<h1>Our events</h1><meetup-atlas lang="en"></meetup-atlas><script type="module" src="${recording}/atlas/meetup-atlas.js"></script>`,
        recorder,
      );
      const elementPhone = hostPage(
        "webkit-element-phone.html",
        `<iframe id="phone" title="The page at 390×844" src="webkit-element-recorded.html" width="390" height="844"></iframe>`,
        `${recorder}<style>body{margin:0}#phone{display:block;border:0}</style>`,
      );
      const phone = (path) => `${recording}/atlas/__test/phone.html?src=${encodeURIComponent(path)}`;
      const pages = [
        { name: "/atlas/", url: `${recording}/atlas/`, phone: phone("../"), kind: "page" },
        { name: "/atlas/fr/", url: `${recording}/atlas/fr/`, phone: phone("../fr/"), kind: "page" },
        { name: "element host page", url: element, phone: elementPhone, kind: "element" },
      ];
      const found = [];
      const checked = [];
      // Adds what was recorded from the `from`th record on; returns how many there are.
      const recorded = async (where, from = 0) => {
        const records = await driver.executeScript(() => window.__recorded ?? null);
        if (records === null) {
          found.push(`${where}: the recorder did not run (no window.__recorded)`);
          return 0;
        }
        for (const r of records.slice(from)) found.push(`${where}: [${r.kind}] ${r.text} (at ${r.at})`);
        return records.length;
      };
      for (const width of [1280, 390]) {
        for (const { name, url, phone, kind } of pages) {
          const where = `${name} at ${width === 1280 ? "1280×900" : "390×844 (frame)"}`;
          if (width === 1280) {
            await driver.get(url);
          } else {
            await driver.get(phone);
            await driver.switchTo().frame(await driver.findElement(By.id("phone")));
          }
          await (kind === "page" ? live(driver) : elementLive(driver));
          const inner = await driver.executeScript("return innerWidth");
          assert.equal(inner, width, `${where}: the page is ${inner} px wide`);
          const seen = await recorded(`${where}, once live`);
          await interact(driver, kind);
          await sleep(600); // a ResizeObserver loop error comes a frame later
          await recorded(`${where}, after a marker click and zooming in`, seen);
          if (width !== 1280) {
            await driver.switchTo().defaultContent();
            await recorded(`${where}, the frame's host page`);
          }
          checked.push(where);
        }
      }
      assert.deepEqual(found, [], `Recorded in WebKit (checked: ${checked.join("; ")}):\n${found.join("\n")}`);
    }));

  it("every declaration of the built style sheets is supported by WebKit (or has a supported vendor-prefixed twin)", { timeout: 60_000 }, () =>
    withBrowser(async (driver) => {
      await driver.get(`${atlas}/atlas/`);
      // The pages' one style sheet holds the widget's and the page's, then the placing rules.
      const files = readdirSync(dist).filter((f) => /^site-[0-9a-f]+\.css$/.test(f));
      assert.equal(files.length, 1, `the pages' style sheet: ${files}`);
      const failing = [];
      let total = 0;
      for (const file of files) {
        const declarations = declarationsOf(styleRules(readFileSync(new URL(file, dist), "utf8")));
        assert.ok(declarations.length > 0, `${file} has declarations`);
        total += declarations.length;
        const pairs = supportPairs(declarations);
        const results = await driver.executeScript((pairs) => pairs.map(([property, value]) => CSS.supports(property, value)), pairs);
        failing.push(...unsupportedDeclarations(declarations, pairs, results).map((d) => describeDeclaration(d, file)));
      }
      assert.deepEqual(failing, [], `${failing.length} of ${total} declarations have no effect in WebKit:\n${failing.join("\n")}`);
    }));

  // Last: it stops the servers.
  it("offline: with the server gone, a reload is answered by the service worker with the saved events and the notice", { timeout: 60_000 }, () =>
    withBrowser(async (driver) => {
      await driver.get(`${atlas}/atlas/`);
      await live(driver);
      await waitFor(driver, "a service worker controlling the page", () => !!navigator.serviceWorker?.controller);
      await waitFor(driver, "the feed in the service worker's cache", async () => {
        for (const name of await caches.keys()) {
          if (await (await caches.open(name)).match(new URL("feed.json", location.href).href)) return true;
        }
        return false;
      });
      await stop(nginx);
      assert.equal(await answers(`${atlas}/atlas/feed.json`), 0, "the server is gone");
      await driver.navigate().refresh();
      await live(driver);
      const notice = await waitFor(driver, "the offline notice", () => document.querySelector(".ma-offline")?.textContent.trim());
      assert.match(notice, /^Offline — data saved on /);
      assert.deepEqual((await driver.executeScript(listed, false)).sort(byId), expectedList(feed.events, "en"));
    }));
});

/** Waits until the map stops moving: a group's press glides in (450 ms) before markers hold still. */
async function settled(driver, inRoot) {
  const viewBox = new Function(`return ${inRoot}.querySelector(".ma-map-svg")?.getAttribute("viewBox")`);
  let last = await driver.executeScript(viewBox);
  for (let i = 0; i < 40; i++) {
    await sleep(150);
    const now = await driver.executeScript(viewBox);
    if (now === last) return;
    last = now;
  }
  throw new Error("the map kept moving for 6 s");
}

/** Selects a place on the map (splitting a cluster first if need be), then zooms in. */
async function interact(driver, kind) {
  const root = kind === "element" ? await driver.findElement(By.css("meetup-atlas")).getShadowRoot() : driver;
  const inRoot = kind === "element" ? 'document.querySelector("meetup-atlas").shadowRoot' : "document";
  const groups = await root.findElements(By.css(".ma-marker-group"));
  if (groups.length) {
    await groups[0].click();
    await settled(driver, inRoot);
  }
  // A marker well inside the map: those just past its edge are drawn too (clipped), and a
  // press there would land on something else.
  const placeId = await driver.executeScript(
    new Function(`
      const root = ${inRoot};
      const surface = root.querySelector(".ma-map-surface").getBoundingClientRect();
      const inside = (r) => r.left >= surface.left + 8 && r.right <= surface.right - 130 && r.top >= surface.top + 8 && r.bottom <= surface.bottom - 8;
      const marker = [...root.querySelectorAll(".ma-marker[data-place]")].find((m) => inside(m.getBoundingClientRect()));
      return marker ? marker.getAttribute("data-place") : null;`),
  );
  assert.ok(placeId, `a marker to click inside the map (${kind})`);
  await (await root.findElement(By.css(`.ma-marker[data-place="${placeId}"]`))).click();
  await waitFor(driver, `${placeId} selected`, new Function(`return ${inRoot}.querySelector('.ma-marker[data-place="${placeId}"]')?.getAttribute("aria-pressed") === "true"`));
  await (await root.findElement(By.css(".ma-zoom-in"))).click();
}
