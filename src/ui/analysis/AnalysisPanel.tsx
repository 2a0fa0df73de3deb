// Placeholder: replaced by the panel's owner.
export function AnalysisPanel() {
  return null;
}
