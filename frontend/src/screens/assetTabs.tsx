/**
 * The data tabs of the asset detail (frontend.md §3.5). Bodies are narrowed at runtime: the
 * contract types exist for overview and assignments; family / CPC / maintenance follow
 * api.md §3.2 #15–17 and are read defensively until their schemas are published.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { readPage, type Row } from '../api/pages.ts';
import { isRecord, text } from '../components/fields.ts';
import { StatusChip } from '../components/StatusChip.tsx';
import { conveyanceLabel, formatDate, formatDateTime, humanize } from '../lib/format.ts';

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function names(v: unknown): string {
  if (!Array.isArray(v)) return '—';
  const list = v.filter(isRecord).map((p) => text(p, 'name') ?? '?');
  return list.length ? list.join('; ') : '—';
}

export function OverviewTab({ asset }: { asset: Row }) {
  const owner = isRecord(asset.currentOwner) ? asset.currentOwner : null;
  const verdict = isRecord(asset.titleVerdict) ? asset.titleVerdict : null;
  const bp = verdict && isRecord(verdict.breakPoint) ? verdict.breakPoint : null;
  const liens = Array.isArray(asset.openLiens) ? asset.openLiens.filter(isRecord) : [];
  const company = isRecord(asset.company) ? text(asset.company, 'name') : null;
  return (
    <div className="overview-grid">
      <section className="card" aria-labelledby="ov-facts">
        <h2 id="ov-facts">Facts</h2>
        <dl className="kv">
          <dt>Application</dt>
          <dd>{text(asset, 'applicationNumber') ?? '—'}</dd>
          <dt>Grant</dt>
          <dd>{text(asset, 'grantNumber') ?? '—'}</dd>
          <dt>Filed</dt>
          <dd>{formatDate(asset.applicationDate)}</dd>
          <dt>Granted</dt>
          <dd>{formatDate(asset.grantDate)}</dd>
          <dt>Company</dt>
          <dd>{company ?? '—'}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="ov-owner">
        <h2 id="ov-owner">Current owner</h2>
        {owner ? (
          <>
            <ul className="plain-list" data-testid="owner-holders">
              {strings(owner.holders).map((h) => (
                <li key={h}>
                  <strong>{h}</strong>
                </li>
              ))}
            </ul>
            <p className="muted small">Supported by conveyances {strings(owner.supportingRfIds).join(', ') || '—'}</p>
          </>
        ) : (
          <p className="muted">Not computed yet.</p>
        )}
      </section>
      <section className="card" aria-labelledby="ov-verdict">
        <h2 id="ov-verdict">Title verdict</h2>
        {verdict ? (
          <>
            <p>
              <StatusChip status={verdict.status} />
            </p>
            {strings(verdict.reasons).length > 0 && (
              <ul>
                {strings(verdict.reasons).map((r) => (
                  <li key={r}>{humanize(r)}</li>
                ))}
              </ul>
            )}
            {bp && (
              <p>
                Break at conveyance #{String(bp.seq)}: expected {strings(bp.expected).join(', ') || '—'}, found{' '}
                {strings(bp.actual).join(', ') || '—'}.
              </p>
            )}
            {asset.inventorSource === 'inferred' && (
              <p className="muted small">Inventors were inferred from the earliest assignment (no bibliographic data yet).</p>
            )}
            <p className="muted small">Computed {formatDateTime(asset.computedAt)}</p>
          </>
        ) : (
          <p className="muted">No verdict yet.</p>
        )}
      </section>
      <section className="card" aria-labelledby="ov-liens">
        <h2 id="ov-liens">Open liens</h2>
        {liens.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Secured party</th>
                  <th scope="col">Grantors</th>
                  <th scope="col">Recorded</th>
                  <th scope="col">Reel/frame</th>
                </tr>
              </thead>
              <tbody>
                {liens.map((l, i) => (
                  <tr key={text(l, 'rfId') ?? i}>
                    <td>{text(l, 'securedParty') ?? '—'}</td>
                    <td>{strings(l.grantors).join('; ') || '—'}</td>
                    <td>{formatDate(l.recordDate)}</td>
                    <td>{text(l, 'rfId') ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

export function AssignmentsTab({ body }: { body: unknown }) {
  const rows = readPage(body).rows;
  const [type, setType] = useState('');
  const types = [...new Set(rows.map((r) => text(r, 'conveyanceType') ?? ''))].filter(Boolean);
  const shown = type ? rows.filter((r) => r.conveyanceType === type) : rows;
  if (!rows.length) return <p className="muted">No recorded assignments.</p>;
  return (
    <>
      <label className="inline-field">
        Type
        <select value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">All ({rows.length})</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {conveyanceLabel(t)}
            </option>
          ))}
        </select>
      </label>
      <ol className="assignments">
        {shown.map((r, i) => (
          <li key={text(r, 'id') ?? i} className="card assignment">
            <div className="assignment__head">
              <strong>#{text(r, 'seq') ?? i + 1}</strong> <span className="chip">{conveyanceLabel(r.conveyanceType)}</span>
              {r.isEmployerAssignment === true && <span className="chip">Employer</span>}
              <span className="muted small">reel/frame {text(r, 'rfId') ?? '—'}</span>
            </div>
            <dl className="kv">
              <dt>Recorded</dt>
              <dd>{formatDate(r.recordDate)}</dd>
              <dt>Executed</dt>
              <dd>{formatDate(r.executionDate)}</dd>
              <dt>Assignors</dt>
              <dd>{names(r.assignors)}</dd>
              <dt>Assignees</dt>
              <dd>{names(r.assignees)}</dd>
            </dl>
            {text(r, 'conveyanceText') && (
              <details>
                <summary>Conveyance text</summary>
                <p>{text(r, 'conveyanceText')}</p>
              </details>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

export function FamilyTab({ body }: { body: unknown }) {
  const rows = readPage(body).rows;
  if (!rows.length) return <p className="muted">No family members known.</p>;
  const byCountry = new Map<string, Row[]>();
  for (const r of rows) {
    const c = text(r, 'country') ?? '—';
    byCountry.set(c, [...(byCountry.get(c) ?? []), r]);
  }
  return (
    <>
      {[...byCountry.entries()].map(([country, members]) => (
        <section key={country} aria-label={`Family members in ${country}`}>
          <h2 className="small">{country}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Application</th>
                  <th scope="col">Publication</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Title</th>
                  <th scope="col">Filed</th>
                  <th scope="col">Published</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m, i) => (
                  <tr key={text(m, 'id') ?? i}>
                    <td>{text(m, 'applicationNumber') ?? '—'}</td>
                    <td>{text(m, 'publicationNumber') ?? '—'}</td>
                    <td>{text(m, 'kind') ?? '—'}</td>
                    <td>{text(m, 'title') ?? '—'}</td>
                    <td>{formatDate(m.filingDate)}</td>
                    <td>{formatDate(m.publicationDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

interface CpcNode {
  row: Row;
  children: CpcNode[];
}

/** The flat `[{code, level, description, parentCode}]` list as a tree (section → subgroup). */
export function cpcTree(rows: readonly Row[]): CpcNode[] {
  const nodes = new Map<string, CpcNode>();
  for (const r of rows) {
    const code = text(r, 'code');
    if (code) nodes.set(code, { row: r, children: [] });
  }
  const roots: CpcNode[] = [];
  for (const node of nodes.values()) {
    const parent = text(node.row, 'parentCode');
    const p = parent ? nodes.get(parent) : undefined;
    if (p) p.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function CpcList({ nodes }: { nodes: CpcNode[] }) {
  return (
    <ul className="cpc-tree">
      {nodes.map((n) => {
        const code = text(n.row, 'code') ?? '';
        return (
          <li key={code}>
            <details open>
              <summary>
                <Link to={`/assets?cpcCode=${encodeURIComponent(code)}`}>{code}</Link> <span className="muted small">{text(n.row, 'description') ?? ''}</span>
              </summary>
              {n.children.length > 0 && <CpcList nodes={n.children} />}
            </details>
          </li>
        );
      })}
    </ul>
  );
}

export function CpcTab({ body }: { body: unknown }) {
  const rows = readPage(body).rows;
  if (!rows.length) return <p className="muted">No CPC classifications known.</p>;
  return <CpcList nodes={cpcTree(rows)} />;
}

const WINDOWS = ['3.5_year', '7.5_year', '11.5_year'] as const;

export function MaintenanceTab({ body }: { body: unknown }) {
  const rows = readPage(body).rows;
  if (!rows.length) return <p className="muted">No maintenance-fee events.</p>;
  return (
    <>
      <ol className="fee-strip" aria-label="Fee windows">
        {WINDOWS.map((w) => {
          const ev = rows.filter((r) => r.feeWindow === w);
          const status = ev.length ? (text(ev[ev.length - 1]!, 'status') ?? 'unknown') : 'unknown';
          return (
            <li key={w} className={`fee-window fee-window--${status}`}>
              <span>{w.replace('_year', ' years')}</span> <strong>{humanize(status)}</strong>
            </li>
          );
        })}
      </ol>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Code</th>
              <th scope="col">Event</th>
              <th scope="col">Window</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={text(r, 'id') ?? i}>
                <td>{formatDate(r.eventDate)}</td>
                <td>{text(r, 'eventCode') ?? '—'}</td>
                <td>{text(r, 'description') ?? '—'}</td>
                <td>{text(r, 'feeWindow')?.replace('_year', ' years') ?? '—'}</td>
                <td>{humanize(r.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
