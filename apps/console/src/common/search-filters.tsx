import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters and page kept in the address (#/tasks?overdueOnly=true&offset=50), so a reload or a bookmark
 * keeps them: `filters` the ones set, `set` one (back to the first page), `goTo` a page.
 */
export function useSearchFilters<N extends string>(names: readonly N[]) {
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? 0) || 0;
  const filters = new URLSearchParams();
  names.forEach((name) => {
    const value = params.get(name);
    if (value) {
      filters.set(name, value);
    }
  });
  const set = (name: N, value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(name, value);
    } else {
      next.delete(name);
    }
    next.delete('offset');
    setParams(next);
  };
  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('offset', String(Math.max(0, page)));
    setParams(next);
  };
  return { get: (name: N) => params.get(name) ?? '', filters, offset, set, goTo };
}

/** Previous and next page of a list of `total` lines shown `size` at a time from `offset`. */
export function Pager({
  offset,
  size,
  total,
  goTo,
}: {
  offset: number;
  size: number;
  total: number;
  goTo: (offset: number) => void;
}) {
  return (
    <div className="pager">
      {offset > 0 && (
        <button type="button" onClick={() => goTo(offset - size)}>
          上一页
        </button>
      )}
      {offset + size < total && (
        <button type="button" onClick={() => goTo(offset + size)}>
          下一页
        </button>
      )}
    </div>
  );
}

/** An application's number, looked up when entered (a part of one is no number, so not on every key). */
export function NumberLookup({ initial, onFind }: { initial: string; onFind: (number: string) => void }) {
  const [number, setNumber] = useState(initial);
  const find = (event: FormEvent) => {
    event.preventDefault();
    onFind(number.trim());
  };
  return (
    <form onSubmit={find} aria-label="按申请编号查找">
      <label>
        申请编号
        <input value={number} placeholder="SQ-220102-2026-000001" onChange={(e) => setNumber(e.target.value)} />
      </label>
      <button type="submit">查找</button>
    </form>
  );
}
