import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';
import { auth } from '@/features/auth/i18n';
import { employer } from '@/features/employer/i18n';
import { consultant } from '@/features/consultant/i18n';
import { matching } from '@/features/matching/i18n';
import { citizen } from '@/features/citizen/i18n';
import { mentor } from '@/features/mentor/i18n';
import { admin } from '@/features/admin/i18n';
import { proposals } from '@/features/proposals/i18n';

export type Language = 'da' | 'en';

/**
 * Every text lives in a translation file: `common` here, and one per feature folder
 * (`features/<feature>/i18n.ts`, registered as the namespace of the same name). Danish first;
 * a missing English text falls back to Danish.
 */
const namespaces = {
  common,
  auth,
  employer,
  consultant,
  matching,
  proposals,
  citizen,
  mentor,
  admin,
};

const LANGUAGE_KEY = 'jobbro.language';

export function initialLanguage(): Language {
  const chosen = sessionStorage.getItem(LANGUAGE_KEY);
  if (chosen === 'da' || chosen === 'en') return chosen;
  return 'da';
}

void i18n.use(initReactI18next).init({
  lng: initialLanguage(),
  fallbackLng: 'da',
  supportedLngs: ['da', 'en'],
  defaultNS: 'common',
  ns: Object.keys(namespaces),
  resources: {
    da: Object.fromEntries(Object.entries(namespaces).map(([ns, t]) => [ns, t.da])),
    en: Object.fromEntries(Object.entries(namespaces).map(([ns, t]) => [ns, t.en])),
  },
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switch language for this tab (the user's choice is also saved on their account by the caller). */
export function setLanguage(language: Language): void {
  sessionStorage.setItem(LANGUAGE_KEY, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'da';
}

export { i18n };
