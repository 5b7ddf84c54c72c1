import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The token in client/service-worker/service-worker.ts that the build replaces. */
const PLACEHOLDER = /(["'`])__CHARTSIDE_SHELL_MANIFEST__\1/;

interface ServiceWorkerOptions {
  /** The worker's source module. */
  entry: string;
  /** The HTML page the worker keeps offline, and every file it loads. */
  page: string;
  /** Where the page is served: the worker caches it under this path. */
  pagePath: string;
  /** The worker's file in the build output (served at `${pagePath}sw.js`). */
  fileName: string;
}

interface BundleChunk {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}

/** Every file the page may load: its entry chunk and, transitively, static and lazy imports. */
function shellFiles(bundle: Record<string, { type: string }>, entry: BundleChunk): string[] {
  const files = new Set<string>();
  const visit = (chunk: BundleChunk) => {
    if (files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
    for (const name of [...chunk.imports, ...chunk.dynamicImports]) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next as BundleChunk);
    }
  };
  visit(entry);
  return [...files].sort();
}

/**
 * Builds the app's service worker as one more output file, with the shell manifest written in:
 * the page and every file it needs (lazy chunks included) read from this build's output, never
 * kept by hand, and a version that changes whenever one of them does.
 */
export function serviceWorkerPlugin(options: ServiceWorkerOptions): Plugin {
  const page = resolve(options.page);
  return {
    name: 'chartside:service-worker',
    apply: 'build',
    enforce: 'post',
    buildStart() {
      this.emitFile({ type: 'chunk', id: resolve(options.entry), fileName: options.fileName });
    },
    generateBundle(_output, bundle) {
      const worker = bundle[options.fileName];
      if (worker?.type !== 'chunk') return this.error(`${options.fileName} was not built`);
      if (worker.imports.length > 0 || worker.dynamicImports.length > 0) {
        return this.error(`${options.fileName} must be one file, but it imports other chunks`);
      }
      const entry = Object.values(bundle).find(
        (file): file is typeof worker =>
          file.type === 'chunk' && file.isEntry && file.facadeModuleId === page,
      );
      if (entry === undefined) return this.error(`no entry chunk for ${options.page}`);
      const assets = shellFiles(bundle, entry as unknown as BundleChunk).map((file) => `/${file}`);
      const urls = [options.pagePath, ...assets];
      if (!PLACEHOLDER.test(worker.code)) {
        return this.error(`${options.fileName} has no shell manifest placeholder`);
      }
      const version = createHash('sha256')
        .update(JSON.stringify(urls))
        .update(worker.code)
        .digest('hex')
        .slice(0, 16);
      const manifest = JSON.stringify(JSON.stringify({ version, urls }));
      worker.code = worker.code.replace(PLACEHOLDER, () => manifest);
    },
  };
}
