// Astro: server-rendered pages on Node (standalone). PUBLIC_HOST adds the public host name
// to the hosts allowed to post forms (Astro refuses cross-host form posts with 403).
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

const allowedHosts = ['localhost', '127.0.0.1', ...(process.env.PUBLIC_HOST ? [process.env.PUBLIC_HOST] : [])];

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  server: { host: process.env.HOST || 'localhost', port: Number(process.env.PORT) || 4321 },
  security: {
    checkOrigin: true,
    allowedDomains: allowedHosts.map((hostname) => ({ hostname })),
  },
  telemetry: false,
  vite: {
    ssr: { external: ['better-sqlite3'] },
  },
});
