// Astro: server-rendered pages on Node (standalone). PUBLIC_HOST adds the public host name
// to the hosts allowed to post forms (Astro refuses cross-host form posts with 403).
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { importOncePlugin } from './scripts/import-once-plugin.mjs';

// BUILD_DIR builds somewhere other than dist/ (npm start and the tests read the same variable),
// so two builds can run side by side.
const buildDir = process.env.BUILD_DIR;

const allowedHosts = ['localhost', '127.0.0.1', ...(process.env.PUBLIC_HOST ? [process.env.PUBLIC_HOST] : [])];

export default defineConfig({
  output: 'server',
  ...(buildDir ? { outDir: `./${buildDir}`, cacheDir: `./${buildDir}-cache` } : {}),
  adapter: node({ mode: 'standalone' }),
  server: { host: process.env.HOST || 'localhost', port: Number(process.env.PORT) || 4321 },
  security: {
    checkOrigin: true,
    allowedDomains: allowedHosts.map((hostname) => ({ hostname })),
  },
  telemetry: false,
  vite: {
    ssr: { external: ['better-sqlite3'] },
    plugins: [importOncePlugin()],
  },
});
