// A Shapefile's .prj (WKT 1, ESRI or OGC flavour; WKT 2 keywords accepted)
// → a registered CRS: by its EPSG authority code when it carries one, else by
// datum (name or ellipsoid) and projection parameters (central meridian, false
// easting, scale). A WKT that parses but matches nothing is "unknown": the
// caller then asks the user to choose.

import { CRS_LIST, crsByEpsg, type CrsDef, type Datum } from './registry.ts';

interface Node {
  key: string;
  args: (string | number | Node)[];
}

/** Parse WKT into a tree; null when it is not WKT. */
export function parseWkt(text: string): Node | null {
  let i = 0;
  const s = text.trim();
  const ws = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const node = (depth: number): Node | null => {
    if (depth > 16) return null;
    ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i, i + 40));
    if (!m) return null;
    i += m[0].length;
    ws();
    const open = s[i];
    if (open !== '[' && open !== '(') return null;
    const close = open === '[' ? ']' : ')';
    i++;
    const args: Node['args'] = [];
    for (;;) {
      ws();
      if (s[i] === '"') {
        const end = s.indexOf('"', i + 1);
        if (end < 0) return null;
        args.push(s.slice(i + 1, end));
        i = end + 1;
      } else if (/[-+.\d]/.test(s[i] ?? '')) {
        const n = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(s.slice(i, i + 40));
        if (!n) return null;
        args.push(Number(n[0]));
        i += n[0].length;
      } else if (/[A-Za-z]/.test(s[i] ?? '')) {
        const save = i;
        const child = node(depth + 1);
        if (child) args.push(child);
        else {
          // Bare enum words (e.g. AXIS["x", EAST]).
          i = save;
          const w = /^[A-Za-z_]+/.exec(s.slice(i))!;
          args.push(w[0]);
          i += w[0].length;
        }
      } else return null;
      ws();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === close || s[i] === ']' || s[i] === ')') {
        i++;
        return { key: m[0].toUpperCase(), args };
      }
      return null;
    }
  };
  const root = node(0);
  return root;
}

const children = (n: Node, key: string) => n.args.filter((a): a is Node => typeof a === 'object' && a.key === key);
const child = (n: Node, ...keys: string[]) => n.args.find((a): a is Node => typeof a === 'object' && keys.includes(a.key));
function find(n: Node, keys: string[]): Node | undefined {
  for (const a of n.args) {
    if (typeof a !== 'object') continue;
    if (keys.includes(a.key)) return a;
    const d = find(a, keys);
    if (d) return d;
  }
  return undefined;
}

function authority(n: Node): number | undefined {
  const a = child(n, 'AUTHORITY', 'ID');
  if (!a || String(a.args[0]).toUpperCase() !== 'EPSG') return undefined;
  const code = Number(a.args[1]);
  return Number.isFinite(code) ? code : undefined;
}

function datumOf(n: Node): Datum | null {
  const datum = find(n, ['DATUM', 'GEODETICDATUM']);
  const sph = datum ? find(datum, ['SPHEROID', 'ELLIPSOID']) : find(n, ['SPHEROID', 'ELLIPSOID']);
  const name = `${datum?.args[0] ?? ''} ${sph?.args[0] ?? ''}`;
  if (/china.?(geodetic.?coordinate.?system.?)?2000|cgcs.?2000/i.test(name)) return 'CGCS2000';
  if (/beijing.?1954|krass/i.test(name)) return 'Beijing1954';
  if (/xi.?an.?1980|iag.?75|iau.?76|iau.?1976/i.test(name)) return 'Xian1980';
  if (/wgs.?(19)?84/i.test(name)) return 'WGS84';
  const a = Number(sph?.args[1]);
  const rf = Number(sph?.args[2]);
  if (a === 6378245) return 'Beijing1954';
  if (a === 6378140) return 'Xian1980';
  if (a === 6378137 && Math.abs(rf - 298.257222101) < 1e-6) return 'CGCS2000';
  if (a === 6378137 && Math.abs(rf - 298.257223563) < 1e-6) return 'WGS84';
  return null;
}

function params(n: Node): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of children(n, 'PARAMETER')) out.set(String(p.args[0]).toLowerCase().replace(/[\s_]+/g, ' '), Number(p.args[1]));
  return out;
}
const param = (p: Map<string, number>, ...names: string[]) => {
  for (const k of names) if (p.has(k)) return p.get(k)!;
  return undefined;
};

export type PrjMatch = { ok: true; def: CrsDef; name: string } | { ok: false; name: string; reason: 'syntax' | 'datum' | 'projection' };

const GEOGRAPHIC: Record<Datum, number> = { WGS84: 4326, CGCS2000: 4490, Beijing1954: 4214, Xian1980: 4610 };

/** Identify the CRS a .prj describes. */
export function identifyPrj(wkt: string): PrjMatch {
  const root = parseWkt(wkt);
  if (!root) return { ok: false, name: wkt.trim().slice(0, 60), reason: 'syntax' };
  const name = String(root.args[0] ?? '');
  const code = authority(root);
  const byCode = code !== undefined ? crsByEpsg(code) : undefined;
  if (byCode) return { ok: true, def: byCode, name };
  const datum = datumOf(root);
  const isGeog = ['GEOGCS', 'GEOGCRS', 'GEODCRS', 'GEOGRAPHICCRS'].includes(root.key);
  if (isGeog) return datum ? { ok: true, def: crsByEpsg(GEOGRAPHIC[datum])!, name } : { ok: false, name, reason: 'datum' };
  const method = String((child(root, 'PROJECTION') ?? find(root, ['METHOD']))?.args[0] ?? '').toLowerCase();
  const conv = child(root, 'CONVERSION') ?? root;
  const p = params(conv);
  if (/mercator.?auxiliary|pseudo.?mercator|popular.?visuali[sz]ation/i.test(`${method} ${name}`)) return { ok: true, def: crsByEpsg(3857)!, name };
  if (!datum) return { ok: false, name, reason: 'datum' };
  if (!/transverse.?mercator|gauss.?kr[uü]ger/.test(method)) return { ok: false, name, reason: 'projection' };
  const lon0 = param(p, 'central meridian', 'longitude of natural origin', 'longitude of origin');
  const x0 = param(p, 'false easting') ?? 0;
  const k = param(p, 'scale factor', 'scale factor at natural origin') ?? 1;
  const lat0 = param(p, 'latitude of origin', 'latitude of natural origin') ?? 0;
  const y0 = param(p, 'false northing') ?? 0;
  if (lon0 === undefined || lat0 !== 0 || y0 !== 0) return { ok: false, name, reason: 'projection' };
  const def = CRS_LIST.find(
    (d) => d.datum === datum && !d.aliasOf && d.tm && Math.abs(d.tm.lon0 - lon0) < 1e-6 && Math.abs(d.tm.x0 - x0) < 0.5 && Math.abs(d.tm.k - k) < 1e-9,
  );
  return def ? { ok: true, def, name } : { ok: false, name, reason: 'projection' };
}
