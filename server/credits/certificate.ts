import PDFDocument from 'pdfkit';
import { isParticipation } from '../../core/credits/credit-policy';
import type { Credit } from '../../core/wire/completion';

export interface CertificateView {
  credit: Credit;
  caseTitle: string;
  /** The learner as the EHR names them (fhirUser); no patient data ever appears here. */
  learner: string;
  provider: string;
  unreviewedContent: boolean;
}

/**
 * A one-page PDF certificate with the AMA designation statement for internet point-of-care
 * learning (DOMAIN.md). It names the learner, the activity, the date and the credit — nothing
 * about the patient or the encounter.
 */
export function renderCertificate(view: CertificateView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 64,
    // Uncompressed: a one-page certificate stays small, and its text can be checked in tests.
    compress: false,
    info: { Title: 'Chartside certificate', Author: view.provider },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const { credit } = view;
  const participation = credit.awarded && isParticipation(credit.creditType);
  const title = !credit.awarded
    ? 'Record of completion'
    : participation
      ? 'Certificate of participation'
      : 'Certificate of credit';
  doc.fontSize(22).text(title, { align: 'center' });
  doc.moveDown().fontSize(12).text(`${view.provider} certifies that`, { align: 'center' });
  doc.moveDown(0.5).fontSize(14).text(view.learner, { align: 'center' });
  doc
    .moveDown(0.5)
    .fontSize(12)
    .text('completed the internet point-of-care learning activity', { align: 'center' });
  doc
    .moveDown(0.5)
    .fontSize(14)
    .text(`${view.caseTitle} (version ${credit.caseVersion})`, { align: 'center' });
  doc
    .moveDown(0.5)
    .fontSize(12)
    .text(`on ${credit.recordedAt.slice(0, 10)}.`, { align: 'center' });
  doc.moveDown(1.5);
  if (participation) {
    doc.text(
      `Participation recorded in an activity designated for ${credit.amount} AMA PRA Category 1 Credit™.`,
    );
    doc
      .moveDown(0.5)
      .fontSize(10)
      .text(
        `${view.provider} designates this internet point-of-care activity for a maximum of 0.5 AMA PRA Category 1 Credit™ per completed cycle. AMA PRA Category 1 Credit™ is awarded to physicians (MD, DO) only; this certificate documents participation for other health professionals, whose certifying bodies may accept it.`,
      );
  } else if (credit.awarded) {
    doc.text(`Credit awarded: ${credit.amount} AMA PRA Category 1 Credit™.`);
    doc
      .moveDown(0.5)
      .fontSize(10)
      .text(
        `${view.provider} designates this internet point-of-care activity for a maximum of 0.5 AMA PRA Category 1 Credit™ per completed cycle. Physicians should claim only the credit commensurate with the extent of their participation in the activity.`,
      );
  } else {
    doc.text(`No credit was awarded for this completion (${credit.denials.join(', ')}).`);
  }
  if (view.unreviewedContent) {
    doc
      .moveDown()
      .fontSize(10)
      .fillColor('#a61b1b')
      .text(
        'Sandbox record: the content of this activity has not been reviewed by a clinician reviewer. Not valid for credit.',
      );
    doc.fillColor('black');
  }
  doc
    .moveDown(2)
    .fontSize(9)
    .text(`Credit id ${credit.id} · attempt ${credit.attemptId} · recorded ${credit.recordedAt}`);
  doc.text(
    'Verify: the receipt for this credit is a JWS signed with the key published at /.well-known/jwks.json.',
  );
  doc.end();
  return done;
}
