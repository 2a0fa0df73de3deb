// A value that follows another once it has stopped changing: what MapLibre's own circles of a
// GPU-drawn layer take, so their relayout waits until restyling pauses.
import { useEffect, useState } from 'react';

/** `value` once it has stayed the same for `ms`; until then, the value that last did. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, settled, ms]);
  return settled;
}
