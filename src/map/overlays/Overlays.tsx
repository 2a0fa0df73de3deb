// Extra map content rendered inside <Map>: analysis results and the drawing tool.
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
