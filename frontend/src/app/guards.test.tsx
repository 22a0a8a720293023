/** Role guards from GET /me (D5): what each role may open. Rendered server-side, no DOM. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RequireRole } from './guards.tsx';
import { ME_QUERY_KEY, parseMe, type Role } from './session.ts';

function renderAs(role: Role | null, needed: Role): string {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  if (role) client.setQueryData(ME_QUERY_KEY, parseMe({ id: 'u1', email: 'u@example.com', name: 'U', role }));
  return renderToString(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <RequireRole role={needed}>
          <p>secret admin screen</p>
        </RequireRole>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('RequireRole', () => {
  it.each<[Role, Role, boolean]>([
    ['org_member', 'super_admin', false],
    ['org_admin', 'super_admin', false],
    ['super_admin', 'super_admin', true],
    ['org_member', 'org_admin', false],
    ['org_admin', 'org_admin', true],
    ['org_member', 'org_member', true],
  ])('%s opening a %s screen: %s', (role, needed, allowed) => {
    expect(renderAs(role, needed).includes('secret admin screen')).toBe(allowed);
  });

  it('shows a loading state, not the screen, while /me is unknown', () => {
    const html = renderAs(null, 'org_member');
    expect(html).not.toContain('secret admin screen');
    expect(html).toContain('Checking your session');
  });
});
