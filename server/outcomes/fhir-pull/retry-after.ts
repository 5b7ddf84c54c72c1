/**
 * How long to wait before the next status poll: the `Retry-After` header (RFC 9110 §10.2.3:
 * delay-seconds or an HTTP-date) clamped to [minMs, maxMs], so a server can neither make us
 * hammer it nor park the job for hours; `minMs` when the header is missing or unreadable.
 */
export function retryDelayMs(
  header: string | null,
  limits: { minMs: number; maxMs: number },
  now: number = Date.now(),
): number {
  const value = header?.trim() ?? '';
  let wanted = limits.minMs;
  if (/^\d+$/.test(value)) wanted = Number(value) * 1000;
  else if (value !== '') {
    const at = Date.parse(value);
    if (!Number.isNaN(at)) wanted = at - now;
  }
  return Math.min(Math.max(wanted, limits.minMs), limits.maxMs);
}
