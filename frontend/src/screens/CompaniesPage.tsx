/**
 * Companies `/companies` (frontend.md §3.8): the org's monitored companies with domain,
 * assets and aliases. Admins add a company (name, optional domain) and remove one (soft
 * delete, confirmed by typing its name); every change queues a pipeline rerun (R26).
 * Reads `/organizations/{o}/companies` when the contract has it, else `/companies`.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey, postJson, sendJson } from '../api/client.ts';
import { contractTemplate, fillPath } from '../api/contractPath.ts';
import { ApiError } from '../api/errors.ts';
import { flattenPages, useCursorList, type Row } from '../api/pages.ts';
import { hasRole, useMe } from '../app/session.ts';
import { NotInContract } from '../components/ContractQuery.tsx';
import { ErrorPanel, errorText } from '../components/ErrorPanel.tsx';
import { text } from '../components/fields.ts';
import { Skeleton } from '../components/Skeleton.tsx';
import { formatCount } from '../lib/format.ts';

/** The list path for this org, and the item shape for deletes; null when not published. */
export function companiesEndpoints(orgId: string | null, operations?: readonly string[]): { list: string; item: string } | null {
  if (orgId && contractTemplate('GET', '/api/v1/organizations/{}/companies', operations)) {
    return { list: fillPath('/api/v1/organizations/{}/companies', orgId), item: `${fillPath('/api/v1/organizations/{}/companies', orgId)}/{}` };
  }
  if (contractTemplate('GET', '/api/v1/companies', operations)) return { list: '/api/v1/companies', item: '/api/v1/companies/{}' };
  return null;
}

function AddCompany({ list }: { list: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  const key = useRef(newIdempotencyKey());
  const add = useMutation({
    mutationFn: () => postJson(list, { name: name.trim(), ...(domain.trim() ? { domain: domain.trim() } : {}) }, { idempotencyKey: key.current }),
    onSuccess: () => {
      key.current = newIdempotencyKey();
      setName('');
      setDomain('');
      void queryClient.invalidateQueries({ queryKey: ['list', list] });
    },
  });
  const fieldErrors = add.error instanceof ApiError ? add.error.fieldErrors : {};
  function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim()) add.mutate();
  }
  return (
    <form className="card filters" onSubmit={submit} aria-labelledby="add-company-title">
      <h2 id="add-company-title">Add a company</h2>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={500} />
      </label>
      <label>
        Domain (optional)
        <input value={domain} onChange={(e) => setDomain(e.target.value)} maxLength={255} placeholder="example.com" />
      </label>
      <button type="submit" className="button-primary" disabled={add.isPending || !name.trim()}>
        {add.isPending ? 'Adding…' : 'Add'}
      </button>
      {add.isError && <p className="field-error">{Object.values(fieldErrors).flat().join(' ') || errorText(add.error)}</p>}
      {add.isSuccess && (
        <p role="status" className="muted small">
          Added. The portfolio is being rebuilt with the new company.
        </p>
      )}
    </form>
  );
}

function RemoveCompany({ row, item, list }: { row: Row; item: string; list: string }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const name = text(row, 'name') ?? '';
  const remove = useMutation({
    mutationFn: () => sendJson('DELETE', fillPath(item, text(row, 'id') ?? '')),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['list', list] }),
  });
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Remove<span className="visually-hidden"> {name}</span>
      </button>
    );
  return (
    <div className="confirm">
      <label>
        Type “{name}” to confirm
        <input value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      <button type="button" className="button-danger" disabled={typed !== name || remove.isPending} onClick={() => remove.mutate()}>
        Remove
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {remove.isError && <ErrorPanel error={remove.error} />}
    </div>
  );
}

export default function CompaniesPage() {
  const me = useMe();
  const endpoints = companiesEndpoints(me.data?.organizationId ?? null);
  const admin = me.data ? hasRole(me.data, 'org_admin') : false;
  const list = useCursorList(endpoints?.list ?? '', {}, { enabled: endpoints !== null });
  const { rows, total } = useMemo(() => flattenPages(list.data?.pages ?? []), [list.data]);
  return (
    <section aria-labelledby="co-title" className="page-wide">
      <h1 id="co-title">Companies {total !== null && <span className="muted">({formatCount(total)})</span>}</h1>
      <p className="muted">The companies whose patents this organization monitors. Adding or removing one rebuilds the portfolio.</p>
      {!endpoints ? (
        <NotInContract what="Companies" template="/api/v1/organizations/{orgId}/companies" />
      ) : (
        <>
          {admin && <AddCompany list={endpoints.list} />}
          {list.isPending ? (
            <Skeleton lines={5} label="Loading companies…" />
          ) : list.isError ? (
            <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
          ) : rows.length === 0 ? (
            <p className="muted">No companies yet.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Companies</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Domain</th>
                    <th scope="col">Assets</th>
                    <th scope="col">Also recorded as</th>
                    {admin && <th scope="col">Actions</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={text(r, 'id') ?? i}>
                      <td>{text(r, 'name') ?? '—'}</td>
                      <td>{text(r, 'domain') ?? '—'}</td>
                      <td>{formatCount(r.assetCount)}</td>
                      <td>{Array.isArray(r.aliases) && r.aliases.length ? r.aliases.join('; ') : '—'}</td>
                      {admin && (
                        <td>
                          <RemoveCompany row={r} item={endpoints.item} list={endpoints.list} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
