/** Serves the built site (dist/) on a free loopback port with Astro's own preview server (gzip, like a static host). */
import { preview } from 'astro';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ServedSite {
  url: string;
  stop: () => Promise<void>;
}

export async function serveDist(root: string): Promise<ServedSite> {
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    throw new Error(`There is no built site in ${join(root, 'dist')}: run \`bash scripts/with-node.sh npm run build\` first.`);
  }
  const server = await preview({ root, server: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
  return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}
