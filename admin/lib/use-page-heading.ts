import { useEffect, useRef, type RefObject } from 'react';

/**
 * The page's h1, focused when the page opens and named in the document title: how a screen
 * reader and keyboard user learn that the view changed. The heading needs `tabIndex={-1}`.
 */
export function usePageHeading(title: string): RefObject<HTMLHeadingElement | null> {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  useEffect(() => {
    document.title = `${title} · Chartside admin`;
  }, [title]);
  return ref;
}
