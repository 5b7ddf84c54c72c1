import type { ClinicianComparison, Count, WindowRate } from '../../core/wire/outcomes';

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const bare = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** Numbers and dates of the outcomes report; "—" where suppression leaves no rate. */
export const outcomeFormat = {
  rate: (rate: number | null): string => (rate === null ? '—' : percent.format(rate)),
  interval: (window: WindowRate): string =>
    window.ciLow === null || window.ciHigh === null
      ? '—'
      : `${bare.format(window.ciLow * 100)}–${percent.format(window.ciHigh)}`,
  count: (count: Count): string => String(count),
  day: (iso: string): string => day.format(new Date(iso)),
  dateTime: (iso: string): string => dateTime.format(new Date(iso)),
  /** A half-open window as the days it covers. */
  period: (window: WindowRate): string =>
    `${day.format(new Date(window.periodStart))} – ${day.format(new Date(Date.parse(window.periodEnd) - 1))}`,
};

/** The clinician as the CME office knows them: their profile's name, else their EHR user id. */
export const clinicianName = (row: ClinicianComparison): string =>
  row.learnerName ?? row.learner.replace(/^.*\/Practitioner\//, 'Practitioner/');
