// Plan citations in words: `ch3-16` → chapter 3, work 16 and the work's title
// (headings of the plan, /work/shared/seeds/000_…txt; titles are names, not prose).
// `chN-M` is work M of chapter 3 (三、重点更新任务 lists works 1–16), section M
// of chapter 2, and — for the renewal-works count, which the plan states in
// chapter 3 section 3 — section 3 of chapter 3 when the target is the works total.
import type { LocalText } from '../catalog/types.ts';

const CHAPTERS: Record<number, LocalText> = {
  1: { zh: '第一章 城市更新面临的发展环境和形势', en: 'Chapter 1, context and conditions of urban renewal' },
  2: { zh: '第二章 城市更新的总体要求和任务目标', en: 'Chapter 2, general requirements and targets' },
  3: { zh: '第三章 中心城区更新行动', en: 'Chapter 3, renewal of the central city' },
};

const CH2_SECTIONS: Record<number, LocalText> = {
  1: { zh: '一、总体要求', en: '§1 general requirements' },
  2: { zh: '二、更新范围', en: '§2 scope' },
  3: { zh: '三、任务目标', en: '§3 targets' },
};

const CH3_WORKS: Record<number, LocalText> = {
  1: { zh: '科创学圈培育工程', en: 'science and education circles' },
  2: { zh: '现代服务业集聚工程', en: 'modern service clusters' },
  3: { zh: '文商旅融合发展工程', en: 'culture, commerce and tourism' },
  4: { zh: '都市产业转型升级工程', en: 'urban industry upgrading' },
  5: { zh: '完整社区提升工程', en: 'complete communities' },
  6: { zh: '老旧房屋改造工程', en: 'old housing renovation' },
  7: { zh: '公共服务补短板工程', en: 'public-service gaps' },
  8: { zh: '蓝绿空间提升工程', en: 'blue and green space' },
  9: { zh: '建筑领域双碳工程', en: 'carbon goals in buildings' },
  10: { zh: '大运河保护传承利用工程', en: 'Grand Canal protection and use' },
  11: { zh: '风貌保护提升工程', en: 'townscape protection' },
  12: { zh: '市容环境提升工程', en: 'city appearance' },
  13: { zh: '基础设施提升工程', en: 'infrastructure' },
  14: { zh: '交通出行改善工程', en: 'transport and mobility' },
  15: { zh: '智慧城市建设工程', en: 'smart city' },
  16: { zh: '防灾应急提升工程', en: 'disaster prevention and emergency' },
};

export interface Citation {
  ref: string;
  text: LocalText;
}

/** One reference (e.g. `ch3-16`) in words; unknown forms are returned as they are. */
export function citeOne(ref: string, opts: { worksTotal?: boolean } = {}): Citation {
  const m = /^ch(\d+)(?:-(\d+))?$/.exec(ref.trim());
  const raw = { ref: ref.trim(), text: { zh: ref.trim(), en: ref.trim() } };
  if (!m) return raw;
  const ch = Number(m[1]);
  const sec = m[2] === undefined ? null : Number(m[2]);
  const chapter = CHAPTERS[ch];
  if (!chapter) return raw;
  if (sec === null) return { ref: raw.ref, text: chapter };
  if (ch === 2 && CH2_SECTIONS[sec]) return { ref: raw.ref, text: { zh: `${chapter.zh} ${CH2_SECTIONS[sec].zh}`, en: `${chapter.en}, ${CH2_SECTIONS[sec].en}` } };
  if (ch === 3 && opts.worksTotal && sec === 3) return { ref: raw.ref, text: { zh: `${chapter.zh} 三、重点更新任务`, en: `${chapter.en}, §3 key renewal works` } };
  if (ch === 3 && CH3_WORKS[sec]) {
    const w = CH3_WORKS[sec];
    return { ref: raw.ref, text: { zh: `${chapter.zh} ${sec}．${w.zh}`, en: `${chapter.en}, work ${sec}: ${w.en}` } };
  }
  return raw;
}

/** A target's `plan_ref` (`ch2-3; ch3-16`) as a list of citations. */
export function cite(planRef: string, targetId?: string): Citation[] {
  return planRef
    .split(';')
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => citeOne(r, { worksTotal: targetId === 'urban_renewal_works' }));
}
