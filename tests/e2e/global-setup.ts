import { build } from 'vite';

/** The e2e suite drives the production build, as a user of `npm start` gets it. */
export default async function setup(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would give the build React's development bundle.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', configFile: 'vite.config.ts', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
