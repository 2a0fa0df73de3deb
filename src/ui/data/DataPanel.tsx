// Placeholder: replaced by the panel's owner.
export function DataPanel() {
  return null;
}
