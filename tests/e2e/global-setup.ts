import { build } from 'vite';

/** The e2e suite drives the production build, as a user of `npm start` gets it. */
export default async function setup(): Promise<void> {
  await build({ logLevel: 'warn', configFile: 'vite.config.ts' });
}
