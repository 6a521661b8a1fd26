import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';

import { ApplicationPage } from './applications/application.page';
import './common/console.css';
import { Layout } from './common/layout';
import { InboxPage } from './inbox/inbox.page';
import { SignInPage } from './session/sign-in.page';

/** Hash routes (#/tasks): the gateway serves one page, whatever the caseworker bookmarks. */
const router = createHashRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/tasks" replace /> },
      { path: 'tasks', element: <InboxPage /> },
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
