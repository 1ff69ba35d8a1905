export type Language = 'da' | 'en';

/** Danish first; English when the caller asks for it in Accept-Language before Danish. */
export function languageFrom(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'da';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((l) => l.tag === 'da' || l.tag === 'en' || l.tag === 'nb' || l.tag === 'sv')
    .sort((a, b) => b.q - a.q);
  // Norwegian and Swedish readers are better served by Danish than English.
  return ranked[0]?.tag === 'en' ? 'en' : 'da';
}

export interface Localized {
  da: string;
  en: string;
}

export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) =>
    key in params ? String(params[key]) : `{${key}}`,
  );
}

/** The text with its first letter in upper case ("løntilskud" → "Løntilskud"), for a label that starts a sentence. */
export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
