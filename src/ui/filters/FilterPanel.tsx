// Placeholder: replaced by the panel's owner.
export function FilterPanel() {
  return null;
}
