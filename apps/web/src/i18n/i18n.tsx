import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { messages, type Language, type MessageKey } from './messages';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey): string;
  /** A message key built from an API enum value (status_PUBLISHED), or the value itself when unknown. */
  tv(prefix: string, value: string): string;
  formatDate(value: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'isnad.language';

/** The interface language: Arabic unless the reader chose English; `<html lang dir>` follow it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar'));
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
    document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
    document.title = messages.appName[language];
  }, [language]);
  const t = (key: MessageKey) => messages[key][language];
  const tv = (prefix: string, value: string) => {
    const key = `${prefix}_${value}` as MessageKey;
    return key in messages ? messages[key][language] : value;
  };
  const formatDate = (value: string | null | undefined) =>
    value ? new Intl.DateTimeFormat(language === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'medium' }).format(new Date(value)) : '';
  return <I18nContext.Provider value={{ language, setLanguage, t, tv, formatDate }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** A rating's label in the interface language (labels come from the organisation's scale). */
export function labelIn(labels: readonly { language: string; text: string }[], language: Language, fallback: string): string {
  return labels.find((label) => label.language === language)?.text ?? labels[0]?.text ?? fallback;
}

/** Writing direction of a language tag, for text whose language the API knows. */
export function directionOf(language: string | null | undefined): 'rtl' | 'ltr' | 'auto' {
  if (!language) return 'auto';
  return /^(ar|fa|he|ur)\b/.test(language) ? 'rtl' : 'ltr';
}
