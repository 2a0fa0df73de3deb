// Every renewal project (and shelter) point lies in the district polygon its `district` names,
// or the feature says why not in `district_note` / `district_note_en`, naming the polygon it
// falls in. Runs over the built public/geo (npm run data first).
import { existsSync, readFileSync } from 'node:fs';
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';

const GEO = 'public/geo';
function read<T>(file: string): T {
  if (!existsSync(`${GEO}/${file}`)) throw new Error(`${GEO}/${file} is missing: run npm run data first`);
  return JSON.parse(readFileSync(`${GEO}/${file}`, 'utf8')) as T;
}

const districts = read<FeatureCollection<Polygon | MultiPolygon, { name: string }>>('districts.geojson').features;
const names = new Set(districts.map((d) => d.properties.name));
const containing = (f: Feature<Point>): string | undefined =>
  districts.find((d) => booleanPointInPolygon(f.geometry, d))?.properties.name;

/** A point this far from its named district is misplaced, note or not. */
const MAX_NOTED_KM = 2;

describe.each(['plan-projects', 'shelters'])('%s: district against the polygon', (id) => {
  const points = read<FeatureCollection<Point>>(`${id}.geojson`).features.filter((f) => f.properties?.district);

  it('names one of the 16 districts', () => {
    for (const f of points) expect(names, String(f.properties!.name)).toContain(f.properties!.district);
  });

  it('agrees with the containing polygon, or says why not', () => {
    const unexplained: string[] = [];
    for (const f of points) {
      const p = f.properties!;
      const inside = containing(f);
      if (inside === p.district) continue;
      const note = String(p.district_note ?? '');
      const noteEn = String(p.district_note_en ?? '');
      // The note names the district the point falls in, in both languages.
      if (inside && note.includes(inside) && noteEn.includes(inside)) continue;
      unexplained.push(`${p.name}: district ${p.district}, inside ${inside ?? 'no district'}`);
    }
    expect(unexplained).toEqual([]);
  });

  it('keeps noted points close to their district', () => {
    for (const f of points.filter((x) => x.properties!.district_note)) {
      const own = districts.find((d) => d.properties.name === f.properties!.district)!;
      const km = pointToPolygonDistance(f.geometry, own, { units: 'kilometers' });
      expect(km, String(f.properties!.name)).toBeLessThan(MAX_NOTED_KM);
    }
  });
});
