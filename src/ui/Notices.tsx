// Bilingual notices (bad link values, load problems), dismissable.
import { t } from '../i18n/strings';
import { act, useStore } from '../state/store';
import { dismissNotice } from '../state/updaters';

export function Notices() {
  const notices = useStore((s) => s.notices);
  const lang = useStore((s) => s.lang);
  if (!notices.length) return null;
  return (
    <div className="notices" role="status">
      {notices.map((n, i) => (
        <div key={i} className="notice" data-code={n.code}>
          <span>{n.message[lang]}</span>
          <button onClick={() => act(dismissNotice, i)}>{t('noticeDismiss', lang)}</button>
        </div>
      ))}
    </div>
  );
}
