// Extra map content rendered inside <Map>: analysis results and drawing tools.
// Placeholder: each owner adds its overlay component here.
export function Overlays() {
  return null;
}
