import { createContext, useContext, type ReactNode } from 'react';
import { en, ko, type StringKey } from './strings';

export type Locale = 'ko' | 'en';
export type Translate = (key: StringKey) => string;

const LocaleContext = createContext<Locale>('ko');

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useT(): Translate {
  const locale = useContext(LocaleContext);
  const table = locale === 'en' ? en : ko;
  return (key) => table[key];
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
