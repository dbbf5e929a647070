// The address command-line jobs print links with: PUBLIC_URL, else the HOST and PORT in force.
import { describe, expect, it } from 'vitest';
import { siteAddress } from '../../src/lib/http/site-address';

describe('site address', () => {
  it('uses PUBLIC_URL when set, without a trailing slash', () => {
    expect(siteAddress({ PUBLIC_URL: 'https://help.example.org/', PORT: '8080' })).toBe('https://help.example.org');
  });

  it('else the port and host the server listens on', () => {
    expect(siteAddress({})).toBe('http://localhost:4321');
    expect(siteAddress({ PORT: '8080' })).toBe('http://localhost:8080');
    expect(siteAddress({ PORT: '3000', HOST: '127.0.0.1' })).toBe('http://127.0.0.1:3000');
    expect(siteAddress({ PORT: '3000', HOST: '0.0.0.0' })).toBe('http://localhost:3000');
    expect(siteAddress({ PORT: '3000', HOST: '::1' })).toBe('http://[::1]:3000');
    expect(siteAddress({ PUBLIC_URL: '  ', PORT: '80', HOST: 'directory.local' })).toBe('http://directory.local');
  });
});
