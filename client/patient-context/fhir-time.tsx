import { useFhirFormat } from '../i18n/use-fhir-format';

/** A FHIR date/dateTime as a `<time>` element, formatted for the page's language. */
export function FhirTime({ value, className }: { value: string; className?: string }) {
  const format = useFhirFormat();
  return (
    <time className={className} dateTime={value}>
      {format.dateTime(value)}
    </time>
  );
}
