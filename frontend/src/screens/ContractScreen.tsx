/**
 * Screens of frontend.md §2 whose API is still being built: each has its real route (deep
 * links and bookmarks work today) and reads its endpoint through ContractQuery, so it shows
 * "not available yet" until the endpoint is in openapi.json and real data after.
 */
import { useParams, useSearchParams } from 'react-router';
import { ContractQuery } from '../components/ContractQuery.tsx';

export interface ContractScreenSpec {
  title: string;
  /** Contract path template; `{id}` is filled from the route's :id. */
  template: string;
  /** Query parameters copied from the URL (filters live in the URL, §5.3). */
  query?: readonly string[];
}

export default function ContractScreen({ spec }: { spec: ContractScreenSpec }) {
  const { id } = useParams();
  const [params] = useSearchParams();
  const template = id === undefined ? spec.template.replace('/{id}', '') : spec.template;
  const path = id === undefined ? template : template.replace('{id}', encodeURIComponent(id));
  const query = Object.fromEntries((spec.query ?? []).map((k) => [k, params.get(k) ?? undefined]));
  return (
    <section aria-labelledby="screen-title" className="page-wide">
      <h1 id="screen-title">{spec.title}</h1>
      <ContractQuery what={spec.title} template={template} path={path} query={query}>
        {(body) => <pre className="raw">{JSON.stringify(body, null, 2)}</pre>}
      </ContractQuery>
    </section>
  );
}
