// The address people open the site at, for links printed by command-line jobs: PUBLIC_URL when
// set, else the HOST and PORT that `npm start` listens on (scripts/start.ts), as a browser on the
// same machine would write them.
export const DEFAULT_HOST = 'localhost';
export const DEFAULT_PORT = 4321;
/** The address links are written with when PUBLIC_URL is not set and no HOST or PORT is known. */
export const DEFAULT_PUBLIC_URL = `http://${DEFAULT_HOST}:${DEFAULT_PORT}`;

export function siteAddress(env: Record<string, string | undefined> = process.env): string {
  const configured = env.PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  let host = env.HOST?.trim() || DEFAULT_HOST;
  // Listening on every interface: this machine is still reached as localhost.
  if (host === '0.0.0.0' || host === '::' || host === '[::]') host = DEFAULT_HOST;
  if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
  const port = Number(env.PORT?.trim() || DEFAULT_PORT);
  return `http://${host}${port === 80 ? '' : `:${port}`}`;
}
