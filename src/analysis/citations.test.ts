import { describe, expect, it } from 'vitest';
import { cite, citeOne } from './citations.ts';
import { PLAN_TARGETS } from './targets.ts';

describe('plan citations', () => {
  it('names chapter 3 works by number and title', () => {
    const c = citeOne('ch3-16');
    expect(c.text.zh).toBe('第三章 中心城区更新行动 16．防灾应急提升工程');
    expect(c.text.en).toContain('work 16');
    expect(citeOne('ch3-7').text.zh).toContain('公共服务补短板工程');
  });

  it('names chapter 2 sections and whole chapters', () => {
    expect(citeOne('ch2-3').text.zh).toContain('三、任务目标');
    expect(citeOne('ch1').text.zh).toBe('第一章 城市更新面临的发展环境和形势');
  });

  it('reads ch3-3 as the key-works section for the works total, as work 3 otherwise', () => {
    expect(cite('ch3-3', 'urban_renewal_works')[0].text.zh).toContain('三、重点更新任务');
    expect(citeOne('ch3-3').text.zh).toContain('文商旅融合发展工程');
  });

  it('splits lists and leaves unknown forms as written', () => {
    expect(cite('ch2-3; ch3-16').map((c) => c.ref)).toEqual(['ch2-3', 'ch3-16']);
    expect(citeOne('annex 2').text.en).toBe('annex 2');
    expect(citeOne('ch9-1').text.zh).toBe('ch9-1');
  });

  it('gives every computable target a worded citation', () => {
    for (const t of PLAN_TARGETS) {
      for (const c of cite(t.plan_ref, t.id)) expect(c.text.zh, `${t.id} ${c.ref}`).not.toBe(c.ref);
    }
  });
});
