// A4 or A3 landscape print view (print, or save as PDF): map image, title (only when typed), legend,
// scale bar and 1:N, north arrow, caption, attribution and date. Sized in millimetres so the screen
// preview is what prints; an @page rule sets the paper; print CSS hides the app behind it.
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { northAngle, scaleDenominator } from '../../io/exportImage';
import { useStore } from '../../state/store';
import type { PrintSnapshot } from './briefingImage';
import { st } from './strings';
import './print.css';

// Landscape sheets minus 10 mm margins; the legend column, title, caption and footer bands.
export const PAGE_MM = { a4: { w: 277, h: 190 }, a3: { w: 400, h: 277 } } as const;
const LEGEND_W = 62;
const BANDS_H = 44;

export function mapFigureSize(cssW: number, cssH: number, paper: 'a4' | 'a3' = 'a4'): { w: number; h: number } {
  const maxW = PAGE_MM[paper].w - LEGEND_W - 6;
  const maxH = PAGE_MM[paper].h - BANDS_H;
  const w = Math.min(maxW, (maxH * cssW) / Math.max(1, cssH));
  return { w, h: (w * cssH) / Math.max(1, cssW) };
}

function Swatch({ kind, color, outline }: { kind: string; color: string; outline?: string }) {
  const cls = kind === 'line' ? 'sw sw-line' : kind === 'point' ? 'sw sw-point' : 'sw sw-fill';
  return <span className={cls} style={{ background: kind === 'line' ? undefined : color, borderColor: kind === 'line' ? color : outline ?? color }} aria-hidden />;
}

export function PrintView({ snap, onClose }: { snap: PrintSnapshot; onClose: () => void }) {
  const lang = useStore((s) => s.lang);
  const printed = useRef(false);
  const size = mapFigureSize(snap.cssWidth, snap.cssHeight, snap.paper);
  const page = PAGE_MM[snap.paper];
  const denominator = scaleDenominator(snap.cssWidth * snap.mpp, size.w);

  useEffect(() => {
    document.body.classList.add('printing');
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      document.body.classList.remove('printing');
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  const onLoad = () => {
    if (printed.current) return;
    printed.current = true;
    // Let the image paint before the print dialog freezes the page.
    setTimeout(() => window.print(), 100);
  };

  const { x: sx, y: sy } = { x: 16, y: snap.cssHeight - 18 };
  const nx = snap.cssWidth - 30;
  const ny = 34;
  const deg = (northAngle(snap.bearing) * 180) / Math.PI;
  return createPortal(
    <div className="print-view" role="dialog" aria-label={st('print', lang)} data-paper={snap.paper} data-scale={denominator}>
      <style>{`@media print { @page { size: ${snap.paper.toUpperCase()} landscape; margin: 10mm; } }`}</style>
      <div className="print-actions">
        <button className="primary" onClick={() => window.print()}>{st('printNow', lang)}</button>
        <button onClick={onClose}>{st('close', lang)}</button>
      </div>
      <section className="print-page" style={{ width: `${page.w}mm`, height: `${page.h}mm` }}>
        <header>
          <div>
            {snap.title && <h1>{snap.title}</h1>}
            <p className={snap.title ? undefined : 'print-subtitle-only'}>{snap.subtitle}</p>
          </div>
          <p className="print-date">
            <span className="print-ratio">{st('scaleRatio', lang)} 1:{denominator.toLocaleString('en')}</span>
            <br />
            {snap.dateText}
          </p>
        </header>
        <div className="print-body">
          <figure className="print-map" style={{ width: `${size.w}mm`, height: `${size.h}mm` }}>
            <img src={snap.dataUrl} alt="" onLoad={onLoad} />
            <svg viewBox={`0 0 ${snap.cssWidth} ${snap.cssHeight}`} aria-hidden>
              <g className="print-scale">
                <rect x={sx - 6} y={sy - 20} width={Math.max(snap.scale.px, 40) + 12} height={28} fill="rgba(255,255,255,0.85)" />
                <path d={`M${sx} ${sy - 6}V${sy}H${sx + snap.scale.px}V${sy - 6}`} fill="none" stroke="#2b2722" strokeWidth={2} />
                <text x={sx + 2} y={sy - 7} fontSize={11}>{snap.scale.label}</text>
              </g>
              <g transform={`translate(${nx} ${ny})`}>
                <circle r={22} fill="rgba(255,255,255,0.85)" />
                <g transform={`rotate(${deg})`}>
                  <path d="M0 -16L8 9.6L0 4.8Z" fill="#2b2722" />
                  <path d="M0 -16L-8 9.6L0 4.8Z" fill="#7a7268" />
                  <text y={-16} fontSize={10} fontWeight="bold" textAnchor="middle">N</text>
                </g>
              </g>
            </svg>
          </figure>
          <aside className="print-legend">
            <h2>{st('legend', lang)}</h2>
            {snap.groups.map((g) => (
              <div key={g.layerId} className="print-legend-group">
                <div className="print-legend-title">
                  {g.items.length === 0 && <Swatch kind={g.kind} color={g.color} outline={g.outline} />}
                  <span>{g.title}</span>
                </div>
                {g.items.length > 0 && (
                  <ul>
                    {g.items.map((it) => (
                      <li key={it.label}><Swatch kind={g.kind} color={it.color} outline={g.outline} /><span>{it.label}</span></li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </aside>
        </div>
        <footer>
          {snap.caption.map((c) => <p key={c} className="print-caption">{c}</p>)}
          {snap.attribution.map((a) => <p key={a}>{a}</p>)}
        </footer>
      </section>
    </div>,
    document.body,
  );
}
