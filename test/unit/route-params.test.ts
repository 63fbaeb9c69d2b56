import { describe, expect, it } from 'vitest';
import { routeHref, routeParams } from '../../src/app/route-params';
import { routeOf } from '../../src/routes';

describe('links into a view', () => {
  it('writes a route with its parameters, leaving out null and empty ones', () => {
    expect(routeHref('actions', { list: 'reactivation', segment: 'atRisk', a: null, b: '' })).toBe(
      '#/actions?list=reactivation&segment=atRisk',
    );
    expect(routeHref('actions')).toBe('#/actions');
    expect(routeHref('actions', { a: 'Dübel & Schrauben' })).toBe('#/actions?a=D%C3%BCbel+%26+Schrauben');
  });

  it('reads them back, and the route table ignores them', () => {
    const hash = '#/actions?list=whitespace&a=D%C3%BCbel+%26+Schrauben&b=Werkzeuge';
    const p = routeParams(hash);
    expect(p.get('list')).toBe('whitespace');
    expect(p.get('a')).toBe('Dübel & Schrauben');
    expect(p.get('b')).toBe('Werkzeuge');
    expect(routeParams('#/actions').get('list')).toBeNull();
    expect(routeOf(hash)).toBe('actions');
    expect(routeOf('#/nowhere?list=due')).toBe('import');
  });
});
