import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import type { SearchHouseholdsReply } from '@app/contracts/intake/household.reply';
import { householdCodeLabel, RELATIONSHIPS } from '@app/domain/household/household-codes';

import { DOSSIER_PURPOSES } from './dossier.types';
import { api } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { useLoad } from '../common/use-load';

/**
 * 户档查询: find a household of the caller's area by a member's name (or part of it) or a full ID number; each
 * household shown is access-logged (SEARCH). The purpose chosen here goes with the dossier opened from the list.
 */
export function HouseholdSearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const purpose = params.get('purpose') ?? DOSSIER_PURPOSES[0];
  const [text, setText] = useState(q);
  const found = useLoad(
    () =>
      q
        ? api<SearchHouseholdsReply>(`/households?q=${encodeURIComponent(q)}`, { purpose })
        : Promise.resolve(undefined),
    `${q}|${purpose}`,
  );

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams({ q: text.trim(), purpose });
  };

  return (
    <section>
      <h1>户档查询</h1>
      <form className="filters" onSubmit={search} aria-label="查询家庭">
        <label>
          姓名或身份证号
          <input name="q" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <label>
          查阅目的
          <select value={purpose} onChange={(e) => setParams({ q, purpose: e.target.value })}>
            {DOSSIER_PURPOSES.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
        <button type="submit">查询</button>
      </form>
      <ErrorBox error={found.error} />
      {found.data && found.data.items.length === 0 && <p className="empty">本辖区没有找到匹配的家庭。</p>}
      {found.data && found.data.items.length > 0 && (
        <table className="households">
          <thead>
            <tr>
              <th>家庭编号</th>
              <th>户主</th>
              <th>人数</th>
              <th>匹配成员</th>
              <th>所属社区</th>
            </tr>
          </thead>
          <tbody>
            {found.data.items.map((hit) => (
              <tr key={hit.householdId} data-household-id={hit.householdId}>
                <td>
                  <Link to={`/households/${hit.householdId}?purpose=${encodeURIComponent(purpose)}`}>
                    {hit.householdNo}
                  </Link>
                </td>
                <td>{hit.headName}</td>
                <td>{hit.memberCount}</td>
                <td>
                  {hit.matched.name}（{householdCodeLabel(RELATIONSHIPS, hit.matched.relationship)}，
                  {hit.matched.idNumberMasked}）
                </td>
                <td>{hit.divisionCode}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
