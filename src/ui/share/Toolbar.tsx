// Map toolbar (top right, left of the zoom buttons): export, share and embed.
// In embed mode it shows the compact legend instead.
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../state/store';
import { CompactLegend } from './CompactLegend';
import { EmbedDialog } from './EmbedDialog';
import type { PrintSnapshot } from './briefingImage';
import { ExportMenu } from './ExportMenu';
import { PrintView } from './PrintView';
import { SharePanel } from './SharePanel';
import { st, type ShareKey } from './strings';
import './share.css';

type Open = 'export' | 'share' | 'embed' | null;
const TOOLS: [Exclude<Open, null>, ShareKey, string][] = [
  ['export', 'export', '⤓'],
  ['share', 'share', '↗'],
  ['embed', 'embed', '</>'],
];

export function Toolbar() {
  const lang = useStore((s) => s.lang);
  const embed = useStore((s) => s.embed);
  const [open, setOpen] = useState<Open>(null);
  const [print, setPrint] = useState<PrintSnapshot | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(null);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(null);
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (embed) return <CompactLegend />;
  return (
    <div className="share-toolbar" ref={root}>
      <div className="share-buttons" role="toolbar">
        {TOOLS.map(([id, key, icon]) => (
          <button
            key={id}
            className={open === id ? 'tool on' : 'tool'}
            data-tool={id}
            aria-expanded={open === id}
            onClick={() => setOpen(open === id ? null : id)}
          >
            <span className="tool-icon" aria-hidden>{icon}</span>
            {st(key, lang)}
          </button>
        ))}
      </div>
      {open === 'export' && <ExportMenu onPrint={(s) => { setOpen(null); setPrint(s); }} />}
      {open === 'share' && <SharePanel />}
      {open === 'embed' && <EmbedDialog />}
      {print && <PrintView snap={print} onClose={() => setPrint(null)} />}
    </div>
  );
}
