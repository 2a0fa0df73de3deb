// Keyboard movement in a tab list (WAI-ARIA tabs pattern): arrows wrap, Home/End jump.

/** The tab a key moves to from `current`, or null when the key does not move. */
export function tabKeyTarget<T>(tabs: readonly T[], current: T, key: string): T | null {
  const i = tabs.indexOf(current);
  if (i < 0 || !tabs.length) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return tabs[(i + 1) % tabs.length];
    case 'ArrowLeft':
    case 'ArrowUp':
      return tabs[(i - 1 + tabs.length) % tabs.length];
    case 'Home':
      return tabs[0];
    case 'End':
      return tabs[tabs.length - 1];
    default:
      return null;
  }
}
