import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';

import { AccountsPage } from './accounts/accounts.page';
import { ApplicationPage } from './applications/application.page';
import { NewApplicationPage } from './applications/new-application.page';
import { RegisterPage } from './applications/register.page';
import { ArchiveWorkPage } from './archive/archive-work.page';
import { CalendarsPage } from './calendars/calendars.page';
import './common/console.css';
import { Layout } from './common/layout';
import { DossierPage } from './households/dossier.page';
import { HouseholdSearchPage } from './households/household-search.page';
import { RegisterHouseholdPage } from './households/register-household.page';
import { InboxPage } from './inbox/inbox.page';
import { PayrollPage } from './payments/payroll.page';
import { ReviewsPage } from './payments/reviews.page';
import { PoliciesPage } from './policies/policies.page';
import { SignInPage } from './session/sign-in.page';
import { StatisticsPage } from './supervision/statistics.page';

/** Hash routes (#/tasks): the gateway serves one page, whatever the caseworker bookmarks. */
const router = createHashRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/tasks" replace /> },
      { path: 'tasks', element: <InboxPage /> },
      { path: 'households', element: <HouseholdSearchPage /> },
      { path: 'households/new', element: <RegisterHouseholdPage /> },
      { path: 'households/:id', element: <DossierPage /> },
      { path: 'accounts', element: <AccountsPage /> },
      { path: 'calendars', element: <CalendarsPage /> },
      { path: 'policies', element: <PoliciesPage /> },
      { path: 'payroll', element: <PayrollPage /> },
      { path: 'reviews', element: <ReviewsPage /> },
      { path: 'archive', element: <ArchiveWorkPage /> },
      { path: 'applications', element: <RegisterPage /> },
      { path: 'statistics', element: <StatisticsPage /> },
      { path: 'applications/new', element: <NewApplicationPage /> },
      { path: 'applications/:id', element: <ApplicationPage /> },
      { path: '*', element: <Navigate to="/tasks" replace /> },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
