// Progress reaches the screen at most a few times a second. Every visible change
// costs a composited frame, and with software WebGL (SwiftShader) a frame of a
// page holding a map costs tens to hundreds of milliseconds of CPU, taken from
// the workers doing the load. The worker may report far more often than that.

/** Calls `emit` with the first value and then at most once per `minMs`; values in between are dropped. */
export function throttleProgress<T>(emit: (v: T) => void, minMs = 400, now: () => number = () => performance.now()): (v: T) => void {
  let last = -Infinity;
  return (v: T) => {
    const t = now();
    if (t - last < minMs) return;
    last = t;
    emit(v);
  };
}
