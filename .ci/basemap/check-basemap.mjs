// Self-check of public/basemap.json. make-basemap.mjs runs it after writing the
// file; it also runs on its own: `node check-basemap.mjs [path]` (exit 1 on problems).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// [name, lon, lat, region id expected to contain the point]
export const CITY_POINTS = [
  ['Montréal', -73.57, 45.5, 'QC'],
  ['Toronto', -79.38, 43.65, 'ON'],
  ['Ottawa', -75.7, 45.42, 'ON'],
  ['Québec', -71.21, 46.81, 'QC'],
  ['Kitchener-Waterloo', -80.51, 43.46, 'ON'],
];
// [name, lon, lat, lake name expected to contain the point]
export const LAKE_POINTS = [['Lake Ontario centre', -77.9, 43.6, 'Lake Ontario']];

function inRing(x, y, ring) {
  // ring is a flat [x0, y0, x1, y1, …] array, not closed
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i];
    const yi = ring[2 * i + 1];
    const xj = ring[2 * j];
    const yj = ring[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
export const inPolygon = (x, y, poly) => inRing(x, y, poly[0]) && !poly.slice(1).some((h) => inRing(x, y, h));
export const inAny = (x, y, polys) => polys.some((p) => inPolygon(x, y, p));

const isInt = (v) => Number.isInteger(v);

export function checkBasemap(m) {
  const problems = [];
  const bad = (msg) => problems.push(msg);

  if (!isInt(m.scale) || m.scale <= 0) bad('scale must be a positive integer');
  if (!Array.isArray(m.bbox) || m.bbox.length !== 4 || !m.bbox.every(isInt)) {
    bad('bbox must be 4 integers');
    return problems;
  }
  const [x0, y0, x1, y1] = m.bbox;
  if (!(x0 < x1 && y0 < y1)) bad('bbox is empty');
  if (typeof m.source !== 'string' || !m.source) bad('source must be a non-empty string');
  const inBox = (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

  const checkRing = (ring, where) => {
    if (!Array.isArray(ring) || ring.length % 2 !== 0) return bad(`${where}: ring is not a flat array of pairs`);
    if (ring.length < 6) bad(`${where}: ring has fewer than 3 points`);
    if (ring.length >= 4 && ring[0] === ring[ring.length - 2] && ring[1] === ring[ring.length - 1]) {
      bad(`${where}: ring is closed (first point repeated)`);
    }
    for (let i = 0; i < ring.length; i += 2) {
      if (!isInt(ring[i]) || !isInt(ring[i + 1])) return bad(`${where}: non-integer coordinate`);
      if (!inBox(ring[i], ring[i + 1])) return bad(`${where}: point ${ring[i]},${ring[i + 1]} outside bbox`);
    }
  };
  const checkPolygons = (polys, where) => {
    if (!Array.isArray(polys) || !polys.length) return bad(`${where}: no polygons`);
    polys.forEach((p, i) => {
      if (!Array.isArray(p) || !p.length) return bad(`${where}.polygons[${i}]: empty polygon`);
      p.forEach((r, j) => checkRing(r, `${where}.polygons[${i}][${j}]`));
    });
  };
  const checkName = (name, where, nullable) => {
    if (name === null && nullable) return;
    if (!name || typeof name.en !== 'string' || !name.en.trim() || typeof name.fr !== 'string' || !name.fr.trim()) {
      bad(`${where}: name needs non-empty en and fr`);
    }
  };

  // regions
  const ids = new Set();
  if (!Array.isArray(m.regions) || !m.regions.length) bad('no regions');
  const regions = m.regions || [];
  regions.forEach((r, i) => {
    const where = `regions[${i}] (${r.id})`;
    if (typeof r.id !== 'string' || !r.id) bad(`${where}: missing id`);
    if (ids.has(r.id)) bad(`${where}: duplicate id`);
    ids.add(r.id);
    if (typeof r.country !== 'string' || !/^[A-Z]{2}$/.test(r.country)) bad(`${where}: country must be a 2-letter code`);
    checkName(r.name, where, false);
    checkPolygons(r.polygons, where);
    if (r.label !== null) {
      if (!Array.isArray(r.label) || r.label.length !== 2 || !r.label.every(isInt)) bad(`${where}: label must be [x, y] or null`);
      else if (!inBox(r.label[0], r.label[1])) bad(`${where}: label outside bbox`);
      else if (!inAny(r.label[0], r.label[1], r.polygons || [])) bad(`${where}: label not inside its region`);
    }
  });
  const sorted = [...regions].sort((a, b) => (a.country + ' ' + a.id < b.country + ' ' + b.id ? -1 : 1));
  if (sorted.some((r, i) => r !== regions[i])) bad('regions are not sorted by country then id');

  // lakes
  (m.lakes || []).forEach((l, i) => {
    checkName(l.name, `lakes[${i}]`, true);
    checkPolygons(l.polygons, `lakes[${i}]`);
  });
  if (!Array.isArray(m.lakes)) bad('lakes must be an array');

  // rivers
  if (!Array.isArray(m.rivers)) bad('rivers must be an array');
  (m.rivers || []).forEach((r, i) => {
    const where = `rivers[${i}]`;
    checkName(r.name, where, true);
    if (!Array.isArray(r.lines) || !r.lines.length) return bad(`${where}: no lines`);
    r.lines.forEach((line, j) => {
      if (!Array.isArray(line) || line.length % 2 !== 0 || line.length < 4) return bad(`${where}.lines[${j}]: needs ≥ 2 points`);
      for (let k = 0; k < line.length; k += 2) {
        if (!isInt(line[k]) || !isInt(line[k + 1])) return bad(`${where}.lines[${j}]: non-integer coordinate`);
        if (!inBox(line[k], line[k + 1])) return bad(`${where}.lines[${j}]: point outside bbox`);
      }
    });
  });

  // sanity points
  const s = m.scale;
  for (const [name, lon, lat, want] of CITY_POINTS) {
    const x = Math.round(lon * s);
    const y = Math.round(lat * s);
    const hits = regions.filter((r) => inAny(x, y, r.polygons || [])).map((r) => r.id);
    if (!hits.includes(want)) bad(`${name} (${lon}, ${lat}) should be in ${want}, is in [${hits.join(', ')}]`);
    else if (hits.length > 1) bad(`${name} (${lon}, ${lat}) is in several regions [${hits.join(', ')}]`);
    const inLake = (m.lakes || []).filter((l) => inAny(x, y, l.polygons || []));
    if (inLake.length) bad(`${name} (${lon}, ${lat}) is under a lake`);
  }
  for (const [name, lon, lat, want] of LAKE_POINTS) {
    const x = Math.round(lon * s);
    const y = Math.round(lat * s);
    const lakes = (m.lakes || []).filter((l) => inAny(x, y, l.polygons || []));
    if (!lakes.length) bad(`${name} (${lon}, ${lat}) is not in any lake (would be drawn as land)`);
    else if (!lakes.some((l) => l.name && l.name.en === want)) bad(`${name} (${lon}, ${lat}) is not in ${want}`);
  }
  return problems;
}

// Run on its own.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = process.argv[2] || path.resolve(here, '..', '..', 'public', 'basemap.json');
  const problems = checkBasemap(JSON.parse(fs.readFileSync(file, 'utf8')));
  for (const p of problems) console.error(`check: ${p}`);
  if (problems.length) {
    console.error(`check: FAILED (${problems.length} problems)`);
    process.exit(1);
  }
  console.log(`check: ok (${file})`);
}
