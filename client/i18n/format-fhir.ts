/** Formatting of FHIR primitive values for one locale, with Intl. */
export interface FhirFormatters {
  number: (value: number) => string;
  /** FHIR `date` / `dateTime` (R4 §2.24.0.1), at the precision it was recorded with. */
  dateTime: (value: string) => string;
  /** Age today from a FHIR `date` birth date, in years (months under two years). */
  age: (birthDate: string, now?: Date) => string | undefined;
}

const YEAR = /^\d{4}$/;
const YEAR_MONTH = /^\d{4}-\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function formatFhir(locale: string): FhirFormatters {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const years = new Intl.NumberFormat(locale, { style: 'unit', unit: 'year', unitDisplay: 'long' });
  const months = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'month',
    unitDisplay: 'long',
  });
  // Dates without a time are calendar dates: format them in UTC so no time zone shifts the day.
  const calendar = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return {
    number: (value) => numbers.format(value),
    dateTime: (value) => {
      const parsed = new Date(YEAR.test(value) || YEAR_MONTH.test(value) ? `${value}-01` : value);
      if (Number.isNaN(parsed.getTime())) return value;
      if (YEAR.test(value)) return calendar({ year: 'numeric' }).format(parsed);
      if (YEAR_MONTH.test(value))
        return calendar({ year: 'numeric', month: 'long' }).format(parsed);
      if (DATE.test(value)) return calendar({ dateStyle: 'medium' }).format(parsed);
      return dateTimes.format(parsed);
    },
    age: (birthDate, now = new Date()) => {
      const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(birthDate);
      if (match === null) return undefined;
      // Missing month/day groups are undefined at runtime, whatever the RegExp types say.
      const [year, month, day] = match.slice(1, 4).map((part) => (part ? Number(part) : 1));
      if (year === undefined || month === undefined || day === undefined) return undefined;
      let totalMonths = (now.getUTCFullYear() - year) * 12 + (now.getUTCMonth() + 1 - month);
      if (now.getUTCDate() < day) totalMonths -= 1;
      if (totalMonths < 0) return undefined;
      return totalMonths < 24
        ? months.format(totalMonths)
        : years.format(Math.floor(totalMonths / 12));
    },
  };
}
