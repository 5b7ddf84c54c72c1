import { useState } from 'react';
import { copyText } from './copy-text';

/** A "Copy" button for one value; the outcome is announced beside it ("Copied Launch URL"). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    setStatus('');
    const copied = await copyText(value);
    setStatus(
      copied ? `Copied ${label}` : `Could not copy ${label}: select the text and press Ctrl+C`,
    );
  };
  return (
    <span className="copy">
      <button type="button" aria-label={`Copy ${label}`} onClick={() => void copy()}>
        Copy
      </button>
      <span role="status" className="copy-status">
        {status}
      </span>
    </span>
  );
}
