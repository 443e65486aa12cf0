import { createContext, useContext, useMemo, type ReactNode } from "react";
import { createT, hasKey, type Bundle, type T } from "./translate";

interface I18nValue {
  lng: string;
  dir: "ltr" | "rtl";
  t: T;
  has: (key: string) => boolean;
  /** The keys of a namespace's top level, in the bundle's order (e.g. the countries, sorted by name). */
  keys: (ns: string) => string[];
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ lng, dir, bundle, children }: { lng: string; dir: "ltr" | "rtl"; bundle: Bundle; children: ReactNode }) {
  const value = useMemo(() => ({ lng, dir, t: createT(lng, bundle), has: (key: string) => hasKey(bundle, key), keys: (ns: string) => Object.keys(bundle[ns] ?? {}) }), [lng, dir, bundle]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}

export const useT = () => useI18n().t;
