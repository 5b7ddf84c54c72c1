import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credit } from '../../core/wire/completion';
import type { CreditAccess } from '../credits/credit-access';
import { ChartsideError } from '../errors/chartside-error';
import { useFhirFormat } from '../i18n/use-fhir-format';
import { fetchCertificate } from './fetch-certificate';
import { saveFile } from '../lib/save-file';

type DownloadState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'saved'; fileName: string }
  | { status: 'failed'; error: ChartsideError };

/** `chartside-certificate-2026-03-14-credit-1.pdf`: sorts by date, names the ledger entry. */
export function certificateFileName(credit: Pick<Credit, 'id' | 'recordedAt'>): string {
  const id = credit.id.replace(/[^A-Za-z0-9-]+/g, '-');
  return `chartside-certificate-${credit.recordedAt.slice(0, 10)}-${id}.pdf`;
}

interface CertificateButtonProps {
  access: CreditAccess;
  credit: Credit;
  /** Named in the button's label where several certificates are listed (the transcript). */
  caseTitle?: string;
}

/**
 * Downloads the certificate PDF of one credit with the app session (the server's answer needs
 * the bearer token, so a plain link cannot), and says what happened, or what to do next.
 */
export function CertificateButton({ access, credit, caseTitle }: CertificateButtonProps) {
  const { t } = useTranslation();
  const format = useFhirFormat();
  const [state, setState] = useState<DownloadState>({ status: 'idle' });
  const busy = state.status === 'busy';
  const download = async () => {
    setState({ status: 'busy' });
    try {
      const { sessionToken } = await access.session();
      const pdf = await fetchCertificate(sessionToken, credit.id);
      const fileName = certificateFileName(credit);
      saveFile(pdf, fileName);
      setState({ status: 'saved', fileName });
    } catch (error) {
      setState({
        status: 'failed',
        error:
          error instanceof ChartsideError
            ? error
            : new ChartsideError('SERVER_UNAVAILABLE', 'The certificate could not be saved', {
                cause: error,
              }),
      });
    }
  };
  const label =
    caseTitle === undefined
      ? undefined
      : t('certificate.downloadFor', {
          title: caseTitle,
          date: format.dateTime(credit.recordedAt),
        });
  return (
    <span className="certificate">
      <button
        type="button"
        className="button button-secondary"
        aria-label={label}
        aria-disabled={busy}
        onClick={() => {
          if (!busy) void download();
        }}
      >
        {t('certificate.download')}
      </button>
      <span role="status" className="item-meta">
        {busy ? t('certificate.downloading') : null}
        {state.status === 'saved'
          ? t('certificate.downloaded', { fileName: state.fileName })
          : null}
      </span>
      {state.status === 'failed' ? (
        <span role="alert" className="note note-error">
          {t('certificate.failed', { reason: t(`errors.${state.error.code}.title`) })}{' '}
          {t(`errors.${state.error.code}.action`)}
        </span>
      ) : null}
    </span>
  );
}
