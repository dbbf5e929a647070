// Every setting the site and its commands read from the environment, checked once with zod into
// one typed, frozen object. A bad value stops the server or command at start with a message that
// names the variable, instead of being quietly replaced by a default on some later request.
// An empty value counts as unset. docs/configuration.md lists every setting.
import { availableParallelism } from 'node:os';
import { z } from 'zod';

export const DEFAULT_HOST = 'localhost';
export const DEFAULT_PORT = 4321;
export const DEFAULT_DATABASE_PATH = 'data/directory.sqlite';
export const DEFAULT_MAIL_FROM = 'Community directory <no-reply@localhost>';
export const SEARCH_BACKENDS = ['sqlite', 'postgres'] as const;

type Env = Record<string, string | undefined>;

/** An unset or empty (after trimming) variable is undefined; anything else is kept, trimmed. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const wholeNumber = (fallback: number, min: number, max: number) =>
  optionalText
    .pipe(
      z
        .string()
        .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
        .transform(Number)
        .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`)
        .optional(),
    )
    .transform((n) => n ?? fallback);

const webAddress = (example: string) =>
  optionalText.pipe(
    z
      .string()
      .refine((text) => {
        try {
          return /^https?:$/.test(new URL(text).protocol);
        } catch {
          return false;
        }
      }, `must be a full web address starting http:// or https://, like ${example}`)
      .transform((text) => text.replace(/\/+$/, ''))
      .optional(),
  );

const yesNo = optionalText
  .pipe(z.enum(['1', '0', 'true', 'false'], { message: 'must be 1 (yes) or 0 (no)' }).optional())
  .transform((value) => value === '1' || value === 'true');

const schema = z.object({
  NODE_ENV: optionalText,
  HOST: optionalText.transform((host) => host ?? DEFAULT_HOST),
  PORT: wholeNumber(DEFAULT_PORT, 1, 65535),
  // How many server processes `npm start` runs on the one port: a number, or "auto" for one per CPU.
  SERVER_PROCESSES: optionalText
    .pipe(
      z
        .string()
        .regex(/^(auto|\d+)$/, 'must be a whole number from 1 to 64, or auto (one for each CPU)')
        .transform((text) => (text === 'auto' ? Math.min(64, Math.max(1, availableParallelism())) : Number(text)))
        .refine((n) => n >= 1 && n <= 64, 'must be a whole number from 1 to 64, or auto (one for each CPU)')
        .optional(),
    )
    .transform((n) => n ?? 1),
  PUBLIC_URL: webAddress('https://help.example.org'),
  PUBLIC_HOST: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9.[\]:-]+$/, 'must be a host name like help.example.org (no scheme, no path)')
      .optional(),
  ),
  TRUST_PROXY: yesNo,
  BUILD_DIR: optionalText.transform((dir) => dir ?? 'dist'),
  DATABASE_PATH: optionalText,
  DATABASE_URL: optionalText,
  // Unset: the search of the directory's own engine (SQLite FTS5 for a SQLite file).
  SEARCH_BACKEND: optionalText.pipe(z.enum(SEARCH_BACKENDS, { message: `must be one of: ${SEARCH_BACKENDS.join(', ')}` }).optional()),
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .refine((text) => {
        try {
          return /^smtps?:$/.test(new URL(text).protocol);
        } catch {
          return false;
        }
      }, 'must be an address like smtp://user:password@mail.example.org:587 (or smtps://)')
      .optional(),
  ),
  MAIL_FROM: optionalText.transform((from) => from ?? DEFAULT_MAIL_FROM),
  PANEL_EMAIL: optionalText,
  LINK_CHECK_CONTACT: optionalText,
  CONFIRMATION_SECRET: optionalText,
  RATE_LIMIT_SECRET: optionalText,
  REPORT_LIMIT_PER_HOUR: wholeNumber(5, 1, 1_000_000),
  SUGGESTION_LIMIT_PER_HOUR: wholeNumber(5, 1, 1_000_000),
  OPENREFERRAL_LIMIT_PER_MINUTE: wholeNumber(120, 1, 1_000_000_000),
  OPENREFERRAL_MAX_DOWNLOADS: wholeNumber(2, 1, 1000),
  SHORTLIST_DAYS: wholeNumber(90, 1, 3650),
  MAP_TILE_URL: z.string().optional(),
  MAP_ATTRIBUTION: z.string().optional(),
});

/** The settings, by the variable names people set (so a message and the docs use one name). */
export type Config = Readonly<
  z.output<typeof schema> & {
    /** NODE_ENV is "production": HSTS, and Secure on every cookie. */
    production: boolean;
  }
>;

/** Every variable the config reads, for docs and tests. */
export const CONFIG_VARIABLES = Object.keys(schema.shape) as (keyof z.output<typeof schema>)[];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The site's settings have ${problems.length === 1 ? 'a problem' : 'problems'} (see docs/configuration.md):\n` +
        problems.map((problem) => `  ${problem}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Checks the given environment (by default this process's) and returns the frozen settings, or throws ConfigError. */
export function loadConfig(env: Env = process.env): Config {
  const given = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, env[name]]));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name} ${issue.message} (it is "${env[name] ?? ''}").`;
      }),
    );
  }
  return Object.freeze({ ...parsed.data, production: parsed.data.NODE_ENV === 'production' });
}

// One parse per process, shared by the server (scripts/start.ts) and Astro's bundle, which load
// this file as two separate modules.
const SHARED = Symbol.for('community-asset-directory.config');

/** This process's settings, read from process.env the first time they are asked for. */
export function appConfig(): Config {
  const shared = globalThis as Record<symbol, Config | undefined>;
  return (shared[SHARED] ??= loadConfig(process.env));
}

/** HOST as a browser on this machine writes it: listening on every interface is still reached as localhost. */
function reachableHost(config: Config): string {
  let host = config.HOST;
  if (host === '0.0.0.0' || host === '::' || host === '[::]') host = DEFAULT_HOST;
  if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
  return host;
}

/**
 * The one rule for the site's public address, used for every link in an email, QR code, API
 * document or command's output: PUBLIC_URL when set; else, while answering a request, the address
 * the request came to (its Host was already pinned to one we serve: src/lib/http/request-guards.ts);
 * else (a command with no request) the HOST and PORT that `npm start` listens on. No trailing slash.
 */
export function publicUrl(config: Config = appConfig(), requestUrl?: URL): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL;
  if (requestUrl) return requestUrl.origin;
  return `http://${reachableHost(config)}${config.PORT === 80 ? '' : `:${config.PORT}`}`;
}
