/**
 * Organizations (frontend.md §3.11): the list with its filters in the URL, New
 * organization, and Organization detail with its Overview / Users / Pipeline tabs.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, NavLink, useNavigate, useSearchParams } from 'react-router';
import { newIdempotencyKey } from '../../api/client.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { formatCount, formatDate, formatDateTime } from '../../lib/format.ts';
import { enc, patch, post, read, remove, type AdminOrg, type OffsetPage, type OrgRow, type UserRow } from './api.ts';
import { PipelineTab } from './PipelineTab.tsx';
import { ActionError, FieldError } from './ui.tsx';
import { ORG_FILTERS, apiQuery, readFilters, writeFilters } from './urlFilters.ts';

const PAGE = 25;
const STATUS_ICON: Readonly<Record<string, string>> = { active: '✓', trial: '◷', suspended: '!', cancelled: '✕' };

function OrgStatus({ status }: { status: string }) {
  return (
    <span className={`badge badge--org-${status}`}>
      <span aria-hidden="true">{STATUS_ICON[status] ?? '•'}</span> {status}
    </span>
  );
}

export function OrganizationList() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, ORG_FILTERS);
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const [search, setSearch] = useState(filters.search);
  const list = useQuery({
    queryKey: ['admin', 'orgs', filters, offset],
    queryFn: ({ signal }) => read<OffsetPage<OrgRow>>('/admin/organizations', { ...apiQuery(filters), limit: PAGE, offset }, signal),
  });
  const update = (next: Partial<typeof filters>, nextOffset = 0) => {
    const p = writeFilters({ ...filters, ...next }, ORG_FILTERS);
    if (nextOffset > 0) p.set('offset', String(nextOffset));
    setParams(p);
  };
  return (
    <section aria-labelledby="orgs-title">
      <div className="admin-row">
        <h2 id="orgs-title">Organizations</h2>
        <Link className="button button-primary" to="/admin/organizations/new">
          New organization
        </Link>
      </div>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ search });
        }}
      >
        <label>
          Search
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label>
          Status
          <select value={filters.status} onChange={(e) => update({ status: e.target.value })}>
            {ORG_FILTERS.status.allowed.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Apply</button>
      </form>
      {list.isPending ? (
        <Skeleton label="Loading organizations…" />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <p className="muted small">{formatCount(list.data.total)} organizations</p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Organizations</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Users</th>
                  <th scope="col">Assets</th>
                  <th scope="col">MFA</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {list.data.data.map((o) => (
                  <tr key={o.id} data-org={o.id}>
                    <td>
                      <Link to={`/admin/organizations/${o.id}/overview`}>{o.name}</Link>
                    </td>
                    <td>
                      <OrgStatus status={o.status} />
                    </td>
                    <td>{formatCount(o.userCount)}</td>
                    <td>{formatCount(o.assetCount)}</td>
                    <td>{o.mfaRequired ? 'Required' : 'Optional'}</td>
                    <td>{formatDate(o.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="button" disabled={offset === 0} onClick={() => update({}, Math.max(0, offset - PAGE))}>
              Previous
            </button>
            <button type="button" disabled={offset + PAGE >= list.data.total} onClick={() => update({}, offset + PAGE)}>
              Next
            </button>
          </div>
        </>
      )}
    </section>
  );
}

export function NewOrganization() {
  const navigate = useNavigate();
  const [key] = useState(newIdempotencyKey);
  const create = useMutation({
    mutationFn: (body: { name: string; adminName: string; adminEmail: string; status: string }) => post<{ id: string }>('/admin/organizations', body, key),
    onSuccess: (org) => void navigate(`/admin/organizations/${org.id}/overview`),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    create.mutate({ name: String(f.get('name') ?? ''), adminName: String(f.get('adminName') ?? ''), adminEmail: String(f.get('adminEmail') ?? ''), status: String(f.get('status') ?? 'active') });
  };
  return (
    <section aria-labelledby="new-org-title" className="card admin-form">
      <h2 id="new-org-title">New organization</h2>
      <p className="muted small">The first admin gets an invitation e-mail.</p>
      <form onSubmit={submit}>
        <label>
          Name
          <input name="name" required maxLength={500} aria-describedby="err-name" />
          <FieldError error={create.error} field="name" />
        </label>
        <label>
          Status
          <select name="status" defaultValue="active">
            <option value="active">active</option>
            <option value="trial">trial</option>
          </select>
        </label>
        <label>
          First admin's name
          <input name="adminName" required maxLength={255} aria-describedby="err-adminName" />
          <FieldError error={create.error} field="adminName" />
        </label>
        <label>
          First admin's e-mail
          <input name="adminEmail" type="email" required aria-describedby="err-adminEmail" />
          <FieldError error={create.error} field="adminEmail" />
        </label>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create organization'}
          </button>
          <Link to="/admin/organizations">Cancel</Link>
        </div>
        {create.isError && <ActionError error={create.error} />}
      </form>
    </section>
  );
}

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'users', label: 'Users' },
  { id: 'pipeline', label: 'Pipeline' },
] as const;

export function OrganizationDetail({ orgId, tab }: { orgId: string; tab: string }) {
  const org = useQuery({
    queryKey: ['admin', 'org', orgId],
    queryFn: ({ signal }) => read<AdminOrg>(`/admin/organizations/${enc(orgId)}`, undefined, signal),
  });
  const active = TABS.find((t) => t.id === tab)?.id ?? 'overview';
  return (
    <section aria-labelledby="org-title">
      <p className="muted small">
        <Link to="/admin/organizations">Organizations</Link> /
      </p>
      <h2 id="org-title">{org.data?.name ?? 'Organization'}</h2>
      <nav aria-label="Organization tabs" className="tabs">
        {TABS.map((t) => (
          <NavLink key={t.id} to={`/admin/organizations/${orgId}/${t.id}`} className="tab">
            {t.label}
          </NavLink>
        ))}
      </nav>
      {active === 'pipeline' ? (
        <PipelineTab orgId={orgId} superAdmin />
      ) : org.isPending ? (
        <Skeleton label="Loading the organization…" />
      ) : org.isError ? (
        <ErrorPanel error={org.error} onRetry={() => void org.refetch()} />
      ) : active === 'users' ? (
        <UsersTab org={org.data} />
      ) : (
        <OverviewTab org={org.data} />
      )}
    </section>
  );
}

function OverviewTab({ org }: { org: AdminOrg }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(org.name);
  const [confirm, setConfirm] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: (body: { name?: string; status?: string; mfaRequired?: boolean }) => patch<AdminOrg>(`/admin/organizations/${enc(org.id)}`, body),
    onSuccess: (next) => {
      queryClient.setQueryData(['admin', 'org', org.id], next);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'orgs'] });
      setConfirm(null);
    },
  });
  const actions = [
    { status: 'active', label: 'Activate', danger: false },
    { status: 'suspended', label: 'Suspend', danger: true },
    { status: 'cancelled', label: 'Cancel subscription', danger: true },
  ].filter((a) => a.status !== org.status);
  return (
    <div className="admin-stack">
      <dl className="kv card">
        <dt>Status</dt>
        <dd>
          <OrgStatus status={org.status} />
        </dd>
        <dt>Users</dt>
        <dd>{formatCount(org.userCount)}</dd>
        <dt>Assets</dt>
        <dd>{formatCount(org.assetCount)}</dd>
        <dt>Entities</dt>
        <dd>{formatCount(org.entityCount)}</dd>
        <dt>MFA</dt>
        <dd>{org.mfaRequired ? 'Required for every user' : 'Optional'}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(org.createdAt)}</dd>
      </dl>
      <section className="card" aria-labelledby="org-actions-title">
        <h3 id="org-actions-title">Actions</h3>
        <div className="actions">
          {actions.map((a) =>
            confirm === a.status ? (
              <span key={a.status} className="confirm">
                <button type="button" className="button-danger" onClick={() => update.mutate({ status: a.status })} disabled={update.isPending}>
                  Confirm {a.label.toLowerCase()}
                </button>
                <button type="button" onClick={() => setConfirm(null)}>
                  Keep
                </button>
              </span>
            ) : (
              <button key={a.status} type="button" className={a.danger ? 'button-danger' : undefined} onClick={() => (a.danger ? setConfirm(a.status) : update.mutate({ status: a.status }))} disabled={update.isPending}>
                {a.label}
              </button>
            ),
          )}
          <button type="button" onClick={() => update.mutate({ mfaRequired: !org.mfaRequired })} disabled={update.isPending}>
            {org.mfaRequired ? 'Make MFA optional' : 'Require MFA'}
          </button>
        </div>
        <form
          className="inline-field"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ name });
          }}
        >
          <label>
            Rename
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={500} />
          </label>
          <button type="submit" disabled={update.isPending || name.trim() === '' || name === org.name}>
            Save name
          </button>
        </form>
        {update.isError && <ActionError error={update.error} />}
      </section>
    </div>
  );
}

function UsersTab({ org }: { org: AdminOrg }) {
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<string | null>(null);
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: ['admin', 'org', org.id] });
    setConfirm(null);
  };
  const base = `/organizations/${enc(org.id)}/users`;
  const role = useMutation({ mutationFn: (v: { user: UserRow; role: string }) => patch(`${base}/${enc(v.user.id)}`, { role: v.role }), onSuccess: done });
  const unlock = useMutation({ mutationFn: (u: UserRow) => post(`${base}/${enc(u.id)}/unlock`, {}), onSuccess: done });
  const drop = useMutation({ mutationFn: (u: UserRow) => remove(`${base}/${enc(u.id)}`), onSuccess: done });
  const error = role.error ?? unlock.error ?? drop.error;
  return (
    <div className="table-wrap">
      {error && <ActionError error={error} />}
      <table>
        <caption className="visually-hidden">Users of {org.name}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Last login</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {org.users.map((u) => (
            <tr key={u.id} data-user={u.email}>
              <td>{u.name || '—'}</td>
              <td>{u.email}</td>
              <td>
                {u.role === 'super_admin' ? (
                  'super admin'
                ) : (
                  <select aria-label={`Role of ${u.email}`} value={u.role} onChange={(e) => role.mutate({ user: u, role: e.target.value })} disabled={role.isPending}>
                    <option value="org_admin">admin</option>
                    <option value="org_member">member</option>
                  </select>
                )}
              </td>
              <td>{u.status}</td>
              <td>{formatDateTime(u.lastLoginAt)}</td>
              <td className="actions">
                {u.status === 'locked' && (
                  <button type="button" onClick={() => unlock.mutate(u)} disabled={unlock.isPending}>
                    Unlock
                  </button>
                )}
                {u.status !== 'inactive' &&
                  (confirm === u.id ? (
                    <>
                      <button type="button" className="button-danger" onClick={() => drop.mutate(u)} disabled={drop.isPending}>
                        Confirm remove
                      </button>
                      <button type="button" onClick={() => setConfirm(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <button type="button" onClick={() => setConfirm(u.id)}>
                      Remove
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
