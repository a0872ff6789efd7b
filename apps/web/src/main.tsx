import { render } from 'preact';
import { isStaff, session, signOut } from './auth';
import { PageTitle } from './components/ui';
import { ConsultationPage, SeriesPage } from './pages/consultation';
import { HomePage } from './pages/home';
import { ManageConsultation } from './pages/manage/consultation';
import { ManageHome } from './pages/manage/home';
import { ManageSeries } from './pages/manage/series';
import { RegisterPage } from './pages/register';
import { RegistrationPage } from './pages/registration';
import { SignInPage } from './pages/sign-in';
import { SummaryPage } from './pages/summary';
import { Link, match, navigate, usePath } from './router';
import { useSignal } from './signal';

function NotFound() {
  return (
    <>
      <PageTitle title="Not found">Page not found</PageTitle>
      <p>
        There is no page at this address. <Link href="/">See the consultations</Link>.
      </p>
    </>
  );
}

function StaffOnly() {
  return (
    <>
      <PageTitle title="Sign in">Sign in to continue</PageTitle>
      <p>
        This page is for secretariat staff and Chairs. <Link href="/sign-in">Sign in with your access token</Link>.
      </p>
    </>
  );
}

function Page({ path }: { path: string }) {
  const s = useSignal(session);
  let m: Record<string, string> | null;
  if (path === '/' || path === '') return <HomePage />;
  if (path === '/sign-in') return <SignInPage />;
  if ((m = match('/consultations/:id', path))) return <ConsultationPage id={m.id!} />;
  if ((m = match('/consultations/:id/register', path))) return <RegisterPage id={m.id!} />;
  if ((m = match('/consultations/:id/summary', path))) return <SummaryPage id={m.id!} />;
  if ((m = match('/series/:id', path))) return <SeriesPage id={m.id!} />;
  if ((m = match('/registrations/:id', path))) return <RegistrationPage id={m.id!} />;
  if (path.startsWith('/manage')) {
    if (!isStaff(s)) return <StaffOnly />;
    if (path === '/manage') return <ManageHome />;
    if ((m = match('/manage/series/:id', path))) return <ManageSeries id={m.id!} />;
    if ((m = match('/manage/consultations/:id', path))) return <ManageConsultation id={m.id!} tab="" />;
    if ((m = match('/manage/consultations/:id/:tab', path))) return <ManageConsultation id={m.id!} tab={m.tab!} />;
  }
  return <NotFound />;
}

function App() {
  const path = usePath();
  const s = useSignal(session);
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <div class="wrap header-row">
          <Link href="/" class="brand">
            Convene
          </Link>
          <nav aria-label="Main">
            <ul>
              <li>
                <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
                  Consultations
                </Link>
              </li>
              {isStaff(s) ? (
                <>
                  <li>
                    <Link href="/manage" aria-current={path.startsWith('/manage') ? 'page' : undefined}>
                      Manage
                    </Link>
                  </li>
                  <li>
                    <button
                      type="button"
                      class="link"
                      onClick={() => {
                        signOut();
                        navigate('/');
                      }}
                    >
                      Sign out <span class="muted-on-dark">({s.sub}, {s.role})</span>
                    </button>
                  </li>
                </>
              ) : (
                <li>
                  <Link href="/sign-in" aria-current={path === '/sign-in' ? 'page' : undefined}>
                    Staff sign in
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" class="wrap" tabIndex={-1}>
        <Page path={path} />
      </main>
      <footer class="site-footer wrap">
        <p>
          Convene · <a href="/api/docs">API</a>
        </p>
      </footer>
    </>
  );
}

render(<App />, document.getElementById('app')!);
