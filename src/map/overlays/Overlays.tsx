// Extra map content rendered inside <Map>: analysis results and drawing tools.
// Placeholder: each owner adds its overlay component here.
import { AnalysisOverlay } from './AnalysisOverlay';
import { DrawTool } from './DrawTool';
export function Overlays() {
  return (
    <>
      <AnalysisOverlay />
      <DrawTool />
    </>
  );
}
