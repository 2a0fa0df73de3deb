// Placeholder: replaced by the toolbar's owner (search, export, share, embed).
export function Toolbar() {
  return null;
}
