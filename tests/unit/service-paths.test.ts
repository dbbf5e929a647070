// A service's addresses are built in one place, with the id encoded.
import { describe, expect, it } from 'vitest';
import { panelServicePath, servicePath } from '../../src/lib/service-paths';
import { serviceUrl } from '../../src/lib/search/search-response';

describe('servicePath and panelServicePath', () => {
  it('build the public and panel addresses of a service and its pages', () => {
    expect(servicePath('abc-123')).toBe('/services/abc-123');
    expect(servicePath('abc-123', 'report')).toBe('/services/abc-123/report');
    expect(servicePath('abc-123', 'suggest')).toBe('/services/abc-123/suggest');
    expect(panelServicePath('abc-123')).toBe('/panel/services/abc-123');
    expect(panelServicePath('abc-123', 'edit')).toBe('/panel/services/abc-123/edit');
    expect(panelServicePath('abc-123', 'history')).toBe('/panel/services/abc-123/history');
    expect(serviceUrl('abc-123')).toBe('/services/abc-123');
  });

  it('encode an id from another publisher, so it still names one service', () => {
    expect(servicePath('council/42?x=1#y')).toBe('/services/council%2F42%3Fx%3D1%23y');
    expect(panelServicePath('a b', 'notes')).toBe('/panel/services/a%20b/notes');
    expect(decodeURIComponent(servicePath('ümlaut & co').slice('/services/'.length))).toBe('ümlaut & co');
  });
});
