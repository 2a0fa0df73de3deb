// geojson-validation ships no types; only the calls src/io uses are declared.
declare module 'geojson-validation' {
  const gjv: {
    valid(value: unknown, trace?: boolean): boolean | string[];
    isFeature(value: unknown, trace: true): string[];
    isFeatureCollection(value: unknown, trace: true): string[];
    isGeometryObject(value: unknown, trace: true): string[];
  };
  export default gjv;
}
