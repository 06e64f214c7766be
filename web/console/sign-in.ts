import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { ApiError, api } from '../shared/api.js';
import { useLang } from '../shared/i18n.js';

/** Who is signed in, as `GET /api/me` and `POST /api/login` say. */
export interface Me {
  name: string;
  role: 'agent' | 'supervisor' | 'admin';
}

/** The sign-in form: the API's one line on a refusal, "too many tries, wait" on 429. */
export function SignIn(props: { onSignedIn: (me: Me) => void }) {
  const { t, lang } = useLang();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const me = await api<Me>('/api/login', { body: { name, password } });
      props.onSignedIn({ name: me.name, role: me.role });
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        const wait = err.retryAfter ? Math.ceil(err.retryAfter / 60) : undefined;
        setError(
          lang === 'zh'
            ? `尝试次数过多，请稍后再试${wait ? `（约${wait}分钟）` : ''}`
            : `Too many tries, wait${wait ? ` about ${wait} min` : ''} and try again`,
        );
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setBusy(false);
    }
  }

  return html`
    <form class="sign-in card" onSubmit=${submit}>
      <h1>${t({ zh: '登录客服控制台', en: 'Sign in to the console' })}</h1>
      <label>
        ${t({ zh: '用户名', en: 'Name' })}
        <input name="name" autocomplete="username" value=${name} onInput=${(e: Event) => setName((e.target as HTMLInputElement).value)} required />
      </label>
      <label>
        ${t({ zh: '密码', en: 'Password' })}
        <input name="password" type="password" autocomplete="current-password" value=${password} onInput=${(e: Event) => setPassword((e.target as HTMLInputElement).value)} required />
      </label>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <button class="primary" type="submit" disabled=${busy}>${t({ zh: '登录', en: 'Sign in' })}</button>
    </form>
  `;
}
