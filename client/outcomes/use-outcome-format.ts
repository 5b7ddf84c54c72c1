import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Count, WindowRate } from '../../core/wire/outcomes';

const DAY_MS = 86_400_000;

/** Whole days in a window [start, end): how far the after window has come. */
export function windowDays(window: Pick<WindowRate, 'periodStart' | 'periodEnd'>): number {
  return Math.floor((Date.parse(window.periodEnd) - Date.parse(window.periodStart)) / DAY_MS);
}

export interface OutcomeFormat {
  /** "31%" in English, "31 %" in Spanish; "—" when the rate is suppressed or undefined. */
  rate: (rate: number | null) => string;
  /** "26–37 %"; "—" when there is no interval. */
  interval: (window: WindowRate) => string;
  /** A count as shown: "<11" stays as the server sent it. */
  count: (count: Count) => string;
  day: (iso: string) => string;
  dateTime: (iso: string) => string;
  /** A half-open window as the days it covers: "30 Jan 2026 – 28 Jul 2026". */
  period: (window: WindowRate) => string;
}

/** Numbers and dates of the outcomes screen in the page's language. */
export function useOutcomeFormat(): OutcomeFormat {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    const bare = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    const whole = new Intl.NumberFormat(language);
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const none = t('outcomes.notShown');
    return {
      rate: (rate) => (rate === null ? none : percent.format(rate)),
      interval: (window) =>
        window.ciLow === null || window.ciHigh === null
          ? none
          : t('outcomes.intervalRange', {
              low: bare.format(window.ciLow * 100),
              high: percent.format(window.ciHigh),
            }),
      count: (count) => (typeof count === 'number' ? whole.format(count) : count),
      day: (iso) => day.format(new Date(iso)),
      dateTime: (iso) => dateTime.format(new Date(iso)),
      period: (window) =>
        t('outcomes.periodRange', {
          from: day.format(new Date(window.periodStart)),
          // The window is half-open: its last day is the one before periodEnd.
          to: day.format(new Date(Date.parse(window.periodEnd) - 1)),
        }),
    };
  }, [language, t]);
}
