import { useEffect, useRef, type RefObject } from 'react';

/**
 * A ref whose element takes focus when it first renders (if `enabled`): how a screen reader
 * and a keyboard user learn that the view changed. The element needs `tabIndex={-1}` unless
 * it is focusable already.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled = true): RefObject<T | null> {
  const ref = useRef<T>(null);
  const focus = useRef(enabled);
  useEffect(() => {
    if (focus.current) ref.current?.focus();
  }, []);
  return ref;
}
