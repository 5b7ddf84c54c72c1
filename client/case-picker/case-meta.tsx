import { useTranslation } from 'react-i18next';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';

/** Length, difficulty and topic of a case on one line: "About 7 min · Intermediate · Sepsis". */
export function CaseMeta({ microCase }: { microCase: MicroCase }) {
  const { t } = useTranslation();
  return (
    <p className="case-meta">
      {[
        t('caseMeta.minutes', { count: microCase.minutes }),
        t(`difficulty.${microCase.difficulty}`),
        t(`topics.${microCase.topic}`),
      ].join(' · ')}
    </p>
  );
}
