// Builds the world layers drawn under the basemap when a feed has places outside the
// basemap's region: public/world.json (1:110m, every country with its name in English and
// French and where to write it; the first world view needs only this) and
// public/world-50m.json (1:50m outlines, fetched once the map is zoomed in past a
// continent). Same format as basemap.json (docs/basemap.md).
// Source: Natural Earth countries (public domain) in the npm package world-atlas; names
// from i18n-iso-countries (MIT), label points by polylabel (ISC).
// Usage: cd .ci/basemap && npm ci && node make-world.mjs   (deterministic output)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import polylabel from 'polylabel';
import { countries, shortName } from './country-names.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ATLAS = path.join(HERE, 'node_modules', 'world-atlas');
const version = JSON.parse(fs.readFileSync(path.join(ATLAS, 'package.json'), 'utf8')).version;
// Rings are kept whole, in [-180°, 180°] as Natural Earth splits them at the antimeridian:
// the app cuts them where its projection's back meridian falls (src/core/projection.rs),
// which depends on the feed's places.
const SOUTHMOST = -60; // no events there: Antarctica is left out, and the rest cut at 60° S

const LAYERS = [
  // scale: integer coordinates = round(degrees × scale); tolerance: Douglas–Peucker, degrees;
  // minArea: smaller islands are dropped (degrees²).
  { file: 'countries-110m.json', out: 'world.json', scale: 10, tolerance: 0.25, minArea: 0.5, names: true },
  { file: 'countries-50m.json', out: 'world-50m.json', scale: 50, tolerance: 0.06, minArea: 0.05, names: false },
];

function segDist2(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return (a[0] + t * dx - p[0]) ** 2 + (a[1] + t * dy - p[1]) ** 2;
}

function simplify(points, tolerance) {
  if (points.length <= 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [i0, i1] = stack.pop();
    let [idx, best] = [-1, tolerance * tolerance];
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

const area = (r) => Math.abs(r.reduce((s, p, i) => s + p[0] * r[(i + 1) % r.length][1] - r[(i + 1) % r.length][0] * p[1], 0) / 2);

function layer({ file, out, scale, tolerance, minArea, names }) {
  const topo = JSON.parse(fs.readFileSync(path.join(ATLAS, file), 'utf8'));
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => [(x += dx) * sx + tx, (y += dy) * sy + ty]);
  });
  // Each arc simplified once: neighbours keep one shared border.
  const simple = arcs.map((a) => simplify(a, tolerance));
  const arcPoints = (i) => (i >= 0 ? simple[i] : simple[~i].slice().reverse());
  const ring = (indexes) => indexes.flatMap((a, k) => (k ? arcPoints(a).slice(1) : arcPoints(a)));
  const q = (v) => Math.round(v * scale) + 0;
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
  let unnamed = 0;
  for (const g of topo.objects.countries.geometries) {
    const code = g.id && countries.numericToAlpha2(g.id);
    if (code === 'AQ') continue;
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    const kept = polygons.filter((rings) => rings.length).map((rings) => ring(rings[0])).filter((r) => area(r) >= minArea);
    if (!kept.length) continue;
    const id = code ?? `x-${(g.properties?.name ?? ++unnamed).toString().toLowerCase().replace(/\W+/g, '-')}`;
    const name = code && names ? { en: shortName(code, 'en'), fr: shortName(code, 'fr') } : { en: '', fr: '' };
    // The name goes at the point deepest inside the country's largest piece.
    const largest = kept.reduce((a, b) => (area(b) > area(a) ? b : a));
    const label = code && names ? polylabel([largest], 0.1).map(q) : null;
    regions.push({ id, country: 'world', name, label, polygons: kept.map((r) => [flat(r)]) });
  }
  regions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const world = {
    source: `Natural Earth countries (public domain), via the npm package world-atlas ${version}, file ${file}`,
    scale,
    regions,
    lakes: [],
    rivers: [],
  };
  const text = JSON.stringify(world);
  fs.writeFileSync(path.resolve(HERE, '..', '..', 'public', out), text + '\n');
  const points = regions.reduce((n, r) => n + r.polygons.reduce((m, p) => m + p[0].length / 2, 0), 0);
  console.log(`public/${out}: ${text.length} bytes, ${zlib.brotliCompressSync(text).length} brotli; ${regions.length} countries, ${points} points`);
}

LAYERS.forEach(layer);
