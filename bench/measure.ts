export interface Measurement {
  name: string;
  samplesMs: number[];
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Runs the candidate and the baseline in alternating rounds so that machine noise hits both
 * alike; the ratio of their medians is the figure to compare across runs, not the milliseconds.
 */
export async function sideBySide(
  rounds: number,
  candidate: { name: string; run: () => Promise<void> },
  baseline: { name: string; run: () => Promise<void> },
): Promise<[Measurement, Measurement]> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 5; i++) {
    await candidate.run();
    await baseline.run();
  }
  for (let i = 0; i < rounds; i++) {
    for (const [fn, into] of [
      [candidate.run, a],
      [baseline.run, b],
    ] as const) {
      const started = performance.now();
      await fn();
      into.push(performance.now() - started);
    }
  }
  return [
    { name: candidate.name, samplesMs: a },
    { name: baseline.name, samplesMs: b },
  ];
}

export function report(title: string, [candidate, baseline]: [Measurement, Measurement]): void {
  const row = (m: Measurement): string =>
    `${m.name.padEnd(40)} p50 ${percentile(m.samplesMs, 50).toFixed(2).padStart(8)} ms   p95 ${percentile(m.samplesMs, 95).toFixed(2).padStart(8)} ms`;
  const ratio = percentile(candidate.samplesMs, 50) / percentile(baseline.samplesMs, 50);
  process.stdout.write(
    `\n${title}\n  ${row(candidate)}\n  ${row(baseline)}\n  ratio (p50): ${ratioText(ratio)}\n`,
  );
}

function ratioText(ratio: number): string {
  return ratio >= 1
    ? `${ratio.toFixed(2)}× the baseline`
    : `${(1 / ratio).toFixed(1 / ratio < 10 ? 2 : 0)}× faster than the baseline`;
}
