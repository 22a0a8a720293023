/** Broken titles `/broken-titles` (frontend.md §3.6), with the rule in plain words. */
import { ContractQuery } from '../components/ContractQuery.tsx';
import { dataOf } from '../components/fields.ts';

export default function BrokenTitlesPage() {
  return (
    <section aria-labelledby="bt-title" className="page-wide">
      <h1 id="bt-title">Broken titles</h1>
      <p className="muted">
        Each assignee must be the next assignor, and the chain must start with an employee assignment from the inventors.
        A continuous chain without that start still counts as broken.
      </p>
      <ContractQuery what="The broken-title list" template="/api/v1/dashboards/broken-titles" path="/api/v1/dashboards/broken-titles">
        {(body) => <p>{Array.isArray(dataOf(body)) ? `${(dataOf(body) as unknown[]).length} broken titles` : 'No data.'}</p>}
      </ContractQuery>
    </section>
  );
}
