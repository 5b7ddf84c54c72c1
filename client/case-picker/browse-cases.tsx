import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { useLocalize } from '../i18n/use-localize';
import { CaseMeta } from './case-meta';
import { filterCases } from './filter-cases';
import { StartCaseButton } from './start-case-button';

interface BrowseCasesProps {
  cases: readonly MicroCase[];
  /** Open from the start when nothing matches the patient. */
  initiallyOpen: boolean;
  onStart: (caseId: string) => void;
}

/** The whole library behind a disclosure button, with a text filter over title and topic. */
export function BrowseCases({ cases, initiallyOpen, onStart }: BrowseCasesProps) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const [open, setOpen] = useState(initiallyOpen);
  const [query, setQuery] = useState('');
  const headingId = useId();
  const panelId = useId();
  const inputId = useId();
  const sorted = useMemo(
    () =>
      [...cases].sort((a, b) => localize(a.title).localeCompare(localize(b.title), i18n.language)),
    [cases, localize, i18n.language],
  );
  const shown = filterCases(sorted, query, (microCase) => [
    localize(microCase.title),
    t(`topics.${microCase.topic}`),
    microCase.topic,
  ]);
  return (
    <section className="browse" aria-labelledby={headingId}>
      <h3 id={headingId} className="subheading">
        <button
          type="button"
          className="disclosure-button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => {
            setOpen((previous) => !previous);
          }}
        >
          {t('browse.toggle')}
        </button>
      </h3>
      <div id={panelId} className="browse-panel" hidden={!open}>
        <label className="field-label" htmlFor={inputId}>
          {t('browse.search')}
        </label>
        <input
          id={inputId}
          className="text-input"
          type="search"
          autoComplete="off"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
        />
        <p className="item-meta" role="status">
          {t('browse.count', { count: shown.length })}
        </p>
        {shown.length > 0 ? (
          <ul className="item-list" aria-label={t('browse.listLabel')}>
            {shown.map((microCase) => {
              const title = localize(microCase.title);
              return (
                <li key={microCase.id} className="item browse-item">
                  <span className="item-name">{title}</span>
                  <CaseMeta microCase={microCase} />
                  <StartCaseButton
                    title={title}
                    secondary
                    onStart={() => {
                      onStart(microCase.id);
                    }}
                  />
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="empty">{t('browse.noResults')}</p>
        )}
      </div>
    </section>
  );
}
