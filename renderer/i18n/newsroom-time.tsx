import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { DEFAULT_TIME_ZONE, formatNewsroomTime, fromZonedInput, toZonedInput } from '../../shared/newsroom-time';

const ZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

/** The newsroom's time zone from 환경설정, for every time a screen shows (shared/newsroom-time.ts). */
export function NewsroomTimeProvider({ zone, children }: { zone: string | undefined; children: ReactNode }) {
  return <ZoneContext.Provider value={zone ?? DEFAULT_TIME_ZONE}>{children}</ZoneContext.Provider>;
}

export interface NewsroomTime {
  zone: string;
  /** 2026.12.07 13:19 in the newsroom's zone. */
  format: (iso: string) => string;
  /** A datetime-local input's value for an instant, and back, on the newsroom's wall clock. */
  toInput: (iso: string) => string;
  fromInput: (local: string) => string | undefined;
}

export function useNewsroomTime(): NewsroomTime {
  const zone = useContext(ZoneContext);
  return useMemo(
    () => ({
      zone,
      format: (iso: string) => formatNewsroomTime(iso, zone),
      toInput: (iso: string) => toZonedInput(iso, zone),
      fromInput: (local: string) => fromZonedInput(local, zone),
    }),
    [zone],
  );
}
