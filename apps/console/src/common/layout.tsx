import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';

import { PERMISSIONS, rolesAllow } from '@app/contracts/identity/permissions';

import { ROLE_LABELS } from './labels';
import { signOut } from '../api/client';
import { useSession } from '../session/use-session';

/** Every page after sign-in: who is signed in, for which division, the menu, and signing out. */
export function Layout() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (!session) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  const { account } = session;
  const handlesCases = rolesAllow(account.roles, PERMISSIONS.applicationRead);
  const managesAccounts = rolesAllow(account.roles, PERMISSIONS.accountManage);
  const managesCalendars = rolesAllow(account.roles, PERMISSIONS.calendarManage);
  const managesPolicies = rolesAllow(account.roles, PERMISSIONS.approvalPolicyManage);
  // An administrator handles no cases: every page but their own (accounts, the calendar, the procedures) leads to
  // the accounts.
  const onAdminPage =
    (managesAccounts && location.pathname.startsWith('/accounts')) ||
    (managesCalendars && location.pathname.startsWith('/calendars')) ||
    (managesPolicies && location.pathname.startsWith('/policies'));
  if (!handlesCases && managesAccounts && !onAdminPage) {
    return <Navigate to="/accounts" replace />;
  }
  return (
    <>
      <header className="top">
        <span className="brand">最低生活保障业务系统</span>
        <nav>
          {handlesCases && <NavLink to="/tasks">待办任务</NavLink>}
          {handlesCases && (
            <NavLink to="/applications" end>
              申请台账
            </NavLink>
          )}
          {handlesCases && (
            <NavLink to="/households" end>
              户档查询
            </NavLink>
          )}
          {handlesCases && <NavLink to="/statistics">督办统计</NavLink>}
          {rolesAllow(account.roles, PERMISSIONS.paymentRead) && <NavLink to="/reviews">定期核查</NavLink>}
          {rolesAllow(account.roles, PERMISSIONS.paymentRead) && <NavLink to="/payroll">资金发放</NavLink>}
          {rolesAllow(account.roles, PERMISSIONS.archiveManage) && <NavLink to="/archive">档案管理</NavLink>}
          {managesAccounts && <NavLink to="/accounts">账户管理</NavLink>}
          {(handlesCases || managesPolicies) && <NavLink to="/policies">审批流程</NavLink>}
          {(handlesCases || managesCalendars) && <NavLink to="/calendars">节假日日历</NavLink>}
          {rolesAllow(account.roles, PERMISSIONS.applicationCreate) && (
            <NavLink to="/applications/new">受理登记</NavLink>
          )}
          {rolesAllow(account.roles, PERMISSIONS.householdRegister) && <NavLink to="/households/new">登记家庭</NavLink>}
        </nav>
        <span className="who">
          {account.displayName}（{account.roles.map((role) => ROLE_LABELS[role] ?? role).join('、')}，
          {account.divisionCode}）
        </span>
        <button
          type="button"
          className="link"
          onClick={() => {
            // The session ends at once (the revocation follows); the next one to sign in starts afresh at the
            // inbox, not on a page of this account's.
            void signOut();
            void navigate('/sign-in', { replace: true });
          }}
        >
          退出
        </button>
      </header>
      <main>
        {handlesCases || onAdminPage ? (
          <Outlet />
        ) : (
          <p className="warning">本账户不办理低保业务（认定规则的管理见接口文档 /api/docs）。</p>
        )}
      </main>
    </>
  );
}
