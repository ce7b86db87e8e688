// world-atlas ships its TopoJSON files without type declarations; Vite bundles the JSON into the build.
declare module 'world-atlas/countries-110m.json' {
  import type { GeometryCollection, Topology } from 'topojson-specification';
  const countries110m: Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;
  export default countries110m;
}
