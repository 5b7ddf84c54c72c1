import { useEffect, useRef, useState, type RefObject } from 'react';

export interface SendNow {
  /** The status the sending reports to; it takes focus when the button goes away. */
  statusRef: RefObject<HTMLDivElement | null>;
  /** Whether to show "Send now": while it can help, and while its own sending runs. */
  showButton: boolean;
  busy: boolean;
  press: () => void;
}

/**
 * A "Send now" button that keeps keyboard and screen-reader users in place: it stays (marked
 * busy) while it sends, and when what it sent no longer needs it, focus moves to the status
 * that says what happened instead of falling back to the top of the page.
 */
export function useSendNow(send: () => Promise<unknown>, available: boolean): SendNow {
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !busy && !available) statusRef.current?.focus();
    wasBusy.current = busy;
  }, [busy, available]);
  const press = () => {
    if (busy) return;
    setBusy(true);
    void send().finally(() => {
      setBusy(false);
    });
  };
  return { statusRef, showButton: available || busy, busy, press };
}
