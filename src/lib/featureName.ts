// The name of a feature, in the shipped layers' `name`/`name_en` or in a planner's own
// file with Chinese or other common headers (名称, 名字, 标题, NAME, title…).
// One rule for the card, the labels, the table and the search.

/** Name fields, most specific first. */
export const NAME_FIELDS = ['name', '名称', '名字', '标题', '项目名称', '设施名称', '地名', 'NAME', 'Name', 'title', 'Title'] as const;

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

/** The column holding names among a layer's columns, if any. */
export function nameField(fields: readonly string[]): string | undefined {
  return NAME_FIELDS.find((f) => fields.includes(f));
}

/** A feature's name in this language (English falls back to the Chinese name); '' when it has none. */
export function featureName(props: Record<string, unknown> | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (!props) return '';
  if (lang === 'en') {
    const en = text(props.name_en);
    if (en) return en;
  }
  for (const f of NAME_FIELDS) {
    const v = text(props[f]);
    if (v) return v;
  }
  return '';
}
