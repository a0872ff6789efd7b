import { useState } from 'preact/hooks';
import { get } from '../api';
import { readToken, session, signIn, signOut } from '../auth';
import { Alert, Field, PageTitle } from '../components/ui';
import { navigate } from '../router';
import { useSignal } from '../signal';

/** Staff paste the bearer token their identity provider (or `npx convene token`) gave them. */
export function SignInPage() {
  const current = useSignal(session);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const read = readToken(token);
    if (typeof read === 'string') {
      setError(read);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      // The API is the judge of a token: one signed call before keeping it.
      await get('/api/consultations', read.token);
      signIn(read);
      navigate('/manage');
    } catch {
      setError('The API refused this token (wrong issuer, audience or signature, or expired). Ask for a new one.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title="Staff sign in">Staff sign in</PageTitle>
      {current && (
        <Alert kind="info">
          Signed in as {current.sub} ({current.role}).{' '}
          <button type="button" class="link" onClick={signOut}>
            Sign out
          </button>
        </Alert>
      )}
      <p>
        Secretariat staff and Chairs sign in with the access token issued to them. It is kept in this browser tab only and forgotten when the tab is closed.
        Participants do not need to sign in.
      </p>
      <form onSubmit={submit} noValidate class="stack narrow">
        <Field id="token" label="Access token" required error={error} hint="Paste the whole token (three parts separated by dots).">
          {(p) => <textarea {...p} rows={5} spellcheck={false} autoComplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />}
        </Field>
        <p>
          <button type="submit" disabled={busy} aria-busy={busy}>
            Sign in
          </button>
        </p>
      </form>
    </>
  );
}
