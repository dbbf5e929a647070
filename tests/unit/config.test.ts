// The settings: defaults when nothing is set, every bad value refused at start by name, and the one
// rule for the site's public address.
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig, publicUrl } from '../../src/lib/config';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

describe('loadConfig', () => {
  it('has a default for everything a fresh checkout needs, and treats empty as unset', () => {
    for (const env of [{}, Object.fromEntries(CONFIG_VARIABLES.filter((name) => !name.startsWith('MAP_')).map((name) => [name, '  ']))]) {
      const config = loadConfig(env);
      expect(config).toMatchObject({
        HOST: 'localhost',
        PORT: 4321,
        TRUST_PROXY: false,
        BUILD_DIR: 'dist',
        SEARCH_BACKEND: undefined,
        production: false,
        MAIL_FROM: 'Community directory <no-reply@localhost>',
        REPORT_LIMIT_PER_HOUR: 5,
        SUGGESTION_LIMIT_PER_HOUR: 5,
        OPENREFERRAL_LIMIT_PER_MINUTE: 120,
        OPENREFERRAL_MAX_DOWNLOADS: 2,
        SHORTLIST_DAYS: 90,
      });
      expect(config.PUBLIC_URL).toBeUndefined();
      expect(config.DATABASE_PATH).toBeUndefined();
      expect(config.SMTP_URL).toBeUndefined();
    }
  });

  it('reads the values given, typed', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '8080',
      TRUST_PROXY: '1',
      SHORTLIST_DAYS: '30',
      SMTP_URL: 'smtp://mail.example.org:587',
      PUBLIC_URL: 'https://help.example.org/',
      OPENREFERRAL_LIMIT_PER_MINUTE: '100000000',
    });
    expect(config).toMatchObject({
      production: true,
      HOST: '0.0.0.0',
      PORT: 8080,
      TRUST_PROXY: true,
      SHORTLIST_DAYS: 30,
      PUBLIC_URL: 'https://help.example.org',
    });
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
  });

  it('is frozen, and reads only the environment it is given', () => {
    const config = loadConfig({ PORT: '9000' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(loadConfig({}).PORT).toBe(4321);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '0'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['PUBLIC_URL', 'help.example.org'],
    ['PUBLIC_URL', 'ftp://help.example.org'],
    ['PUBLIC_URL', 'not a url'],
    ['PUBLIC_HOST', 'https://help.example.org/'],
    ['TRUST_PROXY', 'yes please'],
    ['SMTP_URL', 'mail.example.org'],
    ['SMTP_URL', 'https://mail.example.org'],
    ['SEARCH_BACKEND', 'meilisearch'],
    ['REPORT_LIMIT_PER_HOUR', 'lots'],
    ['SUGGESTION_LIMIT_PER_HOUR', '-1'],
    ['OPENREFERRAL_LIMIT_PER_MINUTE', '2.5'],
    ['OPENREFERRAL_MAX_DOWNLOADS', '0'],
    ['SHORTLIST_DAYS', '3651'],
    ['SERVER_PROCESSES', '0'],
    ['SERVER_PROCESSES', '65'],
    ['SERVER_PROCESSES', 'all'],
    ['SERVER_PROCESSES', '1.5'],
  ])('refuses %s=%s, naming the variable and the value', (name, value) => {
    let thrown: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const message = (thrown as ConfigError).message;
    expect(message).toContain(`${name} `);
    expect(message).toContain(`"${value}"`);
    expect((thrown as ConfigError).problems).toHaveLength(1);
  });

  it('runs one server process unless told, and "auto" means one for each CPU (at most 64)', () => {
    expect(loadConfig({}).SERVER_PROCESSES).toBe(1);
    expect(loadConfig({ SERVER_PROCESSES: '3' }).SERVER_PROCESSES).toBe(3);
    expect(loadConfig({ SERVER_PROCESSES: 'auto' }).SERVER_PROCESSES).toBe(Math.min(64, availableParallelism()));
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', PUBLIC_URL: 'y' })).toThrow(/PORT must be a whole number from 1 to 65535[^]*PUBLIC_URL must be a full web address/);
  });

  it('keeps MAP_TILE_URL as given, since empty there means "no tiles" (src/lib/map/map-config.ts)', () => {
    expect(loadConfig({ MAP_TILE_URL: '' }).MAP_TILE_URL).toBe('');
    expect(loadConfig({}).MAP_TILE_URL).toBeUndefined();
  });
});

describe("publicUrl: PUBLIC_URL, else the request's (pinned) address, else HOST and PORT", () => {
  const request = new URL('http://127.0.0.1:5000/panel/users?x=1');

  it('is PUBLIC_URL when set, without a trailing slash, for requests and commands alike', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://help.example.org/', PORT: '8080' });
    expect(publicUrl(config)).toBe('https://help.example.org');
    expect(publicUrl(config, request)).toBe('https://help.example.org');
    expect(publicUrl(loadConfig({ PUBLIC_URL: 'https://example.org/directory/' }))).toBe('https://example.org/directory');
  });

  it('is the address a request came to when PUBLIC_URL is not set', () => {
    expect(publicUrl(loadConfig({ PUBLIC_URL: '' }), request)).toBe('http://127.0.0.1:5000');
  });

  it('is the HOST and PORT `npm start` listens on for a command, as a browser on this machine writes them', () => {
    expect(publicUrl(loadConfig({}))).toBe('http://localhost:4321');
    expect(publicUrl(loadConfig({ PORT: '8080' }))).toBe('http://localhost:8080');
    expect(publicUrl(loadConfig({ PORT: '3000', HOST: '127.0.0.1' }))).toBe('http://127.0.0.1:3000');
    expect(publicUrl(loadConfig({ PORT: '3000', HOST: '0.0.0.0' }))).toBe('http://localhost:3000');
    expect(publicUrl(loadConfig({ PORT: '3000', HOST: '::1' }))).toBe('http://[::1]:3000');
    expect(publicUrl(loadConfig({ PUBLIC_URL: '  ', PORT: '80', HOST: 'directory.local' }))).toBe('http://directory.local');
  });
});

describe('docs/configuration.md', () => {
  it('has a row for every setting', () => {
    const doc = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    for (const name of CONFIG_VARIABLES) expect(doc, name).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });
});
