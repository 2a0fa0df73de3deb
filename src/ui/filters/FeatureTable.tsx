// Placeholder: replaced by the table's owner.
export function FeatureTable() {
  return null;
}
