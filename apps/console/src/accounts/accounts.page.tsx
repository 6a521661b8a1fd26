import { type FormEvent, useState } from 'react';

import { ROLE_LABELS, type Role } from '@app/contracts/identity/roles';

import type { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { Field, Section, TextField } from '../common/field';
import { beijingMinute } from '../common/labels';
import { useLoad } from '../common/use-load';
import type { Account } from '../session/session';

/** An account as the administrator sees it. */
interface ManagedAccount extends Account {
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

const EMPTY = { username: '', displayName: '', divisionCode: '', password: '', roles: [] as Role[] };

/**
 * 账户管理 (account:manage): the accounts of the administrator's area; a new one (its roles and division), an
 * account stopped or restarted (the tasks it signed for go back to their inboxes), a password set anew (which
 * unlocks it). The gateway checks every field and the area; its refusals show by field.
 */
export function AccountsPage() {
  // Read with the moment it was read: an account is shown locked if its lock outlasts that moment.
  const accounts = useLoad(
    () => api<ManagedAccount[]>('/accounts').then((items) => ({ items, readAt: Date.now() })),
    'accounts',
  );
  const [draft, setDraft] = useState(EMPTY);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();

  const create = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setNotice(undefined);
    api<ManagedAccount>('/accounts', { method: 'POST', body: { ...draft, username: draft.username.trim() } }).then(
      (account) => {
        setDraft(EMPTY);
        setNotice(`已创建账户 ${account.username}`);
        accounts.reload();
      },
      setError,
    );
  };
  const setActive = (account: ManagedAccount, active: boolean) => {
    setError(undefined);
    setNotice(undefined);
    api<{ releasedTaskIds: string[] }>(`/accounts/${account.id}`, { method: 'PATCH', body: { active } }).then(
      (changed) => {
        setNotice(
          `${account.username} 已${active ? '启用' : '停用'}` +
            (changed.releasedTaskIds.length > 0
              ? `，其签收的 ${changed.releasedTaskIds.length} 件待办已退回待办池`
              : ''),
        );
        accounts.reload();
      },
      setError,
    );
  };
  const resetPassword = (account: ManagedAccount) => {
    const password = window.prompt(`为 ${account.username} 设置新密码（至少10个字符）`);
    if (!password) {
      return;
    }
    setError(undefined);
    api(`/accounts/${account.id}/password`, { method: 'POST', body: { password } }).then(() => {
      setNotice(`${account.username} 的密码已重设，账户已解锁`);
      accounts.reload();
    }, setError);
  };
  const errorsOf = (field: string) => error?.messagesOf(field) ?? [];

  return (
    <section>
      <h1>账户管理</h1>
      {notice && (
        <p className="done" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={accounts.error ?? error} />
      <form onSubmit={create} aria-label="新建账户">
        <Section title="新建账户">
          <div className="row">
            <TextField
              label="用户名"
              value={draft.username}
              onChange={(username) => setDraft({ ...draft, username })}
              errors={errorsOf('username')}
            />
            <TextField
              label="姓名"
              value={draft.displayName}
              onChange={(displayName) => setDraft({ ...draft, displayName })}
              errors={errorsOf('displayName')}
            />
            <TextField
              label="所属区划代码"
              value={draft.divisionCode}
              onChange={(divisionCode) => setDraft({ ...draft, divisionCode })}
              errors={errorsOf('divisionCode')}
            />
            <Field label="初始密码" errors={errorsOf('password')}>
              <input
                type="password"
                autoComplete="new-password"
                value={draft.password}
                onChange={(e) => setDraft({ ...draft, password: e.target.value })}
              />
            </Field>
          </div>
          <fieldset className={errorsOf('roles').length > 0 ? 'section invalid' : 'section'}>
            <legend>角色</legend>
            {(Object.entries(ROLE_LABELS) as Array<[Role, string]>).map(([role, label]) => (
              <label key={role} className="inline">
                <input
                  type="checkbox"
                  checked={draft.roles.includes(role)}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      roles: e.target.checked ? [...draft.roles, role] : draft.roles.filter((r) => r !== role),
                    })
                  }
                />
                {label}
              </label>
            ))}
            {errorsOf('roles').map((message) => (
              <p key={message} className="field-error">
                {message}
              </p>
            ))}
          </fieldset>
          <button type="submit">创建账户</button>
        </Section>
      </form>
      {accounts.data && (
        <table className="accounts">
          <thead>
            <tr>
              <th>用户名</th>
              <th>姓名</th>
              <th>区划</th>
              <th>角色</th>
              <th>状态</th>
              <th>最近登录</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {accounts.data.items.map((account) => (
              <tr key={account.id} data-username={account.username}>
                <td>{account.username}</td>
                <td>{account.displayName}</td>
                <td>{account.divisionCode}</td>
                <td>{account.roles.map((role) => ROLE_LABELS[role] ?? role).join('、')}</td>
                <td>
                  {account.active ? '启用' : '已停用'}
                  {account.lockedUntil && Date.parse(account.lockedUntil) > accounts.data!.readAt && (
                    <span className="badge danger">已锁定</span>
                  )}
                </td>
                <td>{account.lastLoginAt ? beijingMinute(new Date(account.lastLoginAt)) : '—'}</td>
                <td>
                  <button type="button" className="link" onClick={() => setActive(account, !account.active)}>
                    {account.active ? '停用' : '启用'}
                  </button>{' '}
                  <button type="button" className="link" onClick={() => resetPassword(account)}>
                    重设密码
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
