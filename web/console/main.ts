import { html } from 'htm/preact';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../shared/api.js';
import { initialLang, type Lang, LangContext, saveLang, useLang } from '../shared/i18n.js';
import '../shared/base.css';
import './console.css';
import { Dashboard } from './dashboard.js';
import { History, SessionView } from './history.js';
import { Inbox } from './inbox.js';
import { LiveCalls, LiveCallView } from './live-calls.js';
import { closeLiveChanges, openLiveChanges } from './live-changes.js';
import { Records } from './records.js';
import { type Me, SignIn } from './sign-in.js';
import { Tickets } from './tickets.js';

/** Where the console is: `#/inbox`, `#/tickets`, `#/calls[/<id>]`, `#/history[/<id>]`, `#/records`, `#/dashboard`. */
type Route =
  | { screen: 'inbox' }
  | { screen: 'tickets' }
  | { screen: 'calls' }
  | { screen: 'call'; id: string }
  | { screen: 'history' }
  | { screen: 'session'; id: string }
  | { screen: 'records' }
  | { screen: 'dashboard' };

function routeOf(hash: string): Route {
  const call = /^#\/calls\/(.+)$/.exec(hash);
  if (call?.[1]) return { screen: 'call', id: decodeURIComponent(call[1]) };
  if (hash === '#/calls') return { screen: 'calls' };
  if (hash === '#/tickets') return { screen: 'tickets' };
  const session = /^#\/history\/(.+)$/.exec(hash);
  if (session?.[1]) return { screen: 'session', id: decodeURIComponent(session[1]) };
  if (hash === '#/history') return { screen: 'history' };
  if (hash === '#/records') return { screen: 'records' };
  if (hash === '#/dashboard') return { screen: 'dashboard' };
  return { screen: 'inbox' };
}

function useRoute(): [Route, (hash: string) => void] {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return [route, (hash) => (location.hash = hash)];
}

export function LangSwitch(props: { lang: Lang; onChange: (l: Lang) => void }) {
  return html`<span class="lang-switch" role="group" aria-label="language">
    <button type="button" aria-pressed=${props.lang === 'zh'} onClick=${() => props.onChange('zh')}>中</button>
    <button type="button" aria-pressed=${props.lang === 'en'} onClick=${() => props.onChange('en')}>EN</button>
  </span>`;
}

function Shell(props: { me: Me; onSignOut: () => void }) {
  const { t } = useLang();
  const [route, go] = useRoute();
  useEffect(() => {
    openLiveChanges();
    return closeLiveChanges;
  }, []);
  const tab = (hash: string, label: string, active: boolean) =>
    html`<a href=${hash} class=${active ? 'active' : ''} aria-current=${active ? 'page' : undefined}>${label}</a>`;
  return html`
    <nav class="tabs">
      ${tab('#/inbox', t({ zh: '待审批', en: 'Inbox' }), route.screen === 'inbox')}
      ${tab('#/tickets', t({ zh: '工单', en: 'Tickets' }), route.screen === 'tickets')}
      ${tab('#/calls', t({ zh: '进行中的通话', en: 'Live calls' }), route.screen === 'calls' || route.screen === 'call')}
      ${tab('#/history', t({ zh: '通话记录', en: 'History' }), route.screen === 'history' || route.screen === 'session')}
      ${tab('#/records', t({ zh: '记录', en: 'Records' }), route.screen === 'records')}
      ${tab('#/dashboard', t({ zh: '数据看板', en: 'Dashboard' }), route.screen === 'dashboard')}
    </nav>
    <main>
      ${route.screen === 'inbox' ? html`<${Inbox} me=${props.me} />` : null}
      ${route.screen === 'tickets' ? html`<${Tickets} me=${props.me} />` : null}
      ${route.screen === 'calls' ? html`<${LiveCalls} onOpen=${(id: string) => go(`#/calls/${encodeURIComponent(id)}`)} />` : null}
      ${route.screen === 'call' ? html`<${LiveCallView} key=${route.id} callId=${route.id} me=${props.me} onBack=${() => go('#/calls')} />` : null}
      ${route.screen === 'history' ? html`<${History} onOpen=${(id: string) => go(`#/history/${encodeURIComponent(id)}`)} />` : null}
      ${route.screen === 'session' ? html`<${SessionView} key=${route.id} id=${route.id} onBack=${() => go('#/history')} />` : null}
      ${route.screen === 'records' ? html`<${Records} me=${props.me} />` : null}
      ${route.screen === 'dashboard' ? html`<${Dashboard} />` : null}
    </main>
  `;
}

function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [me, setMe] = useState<Me | null | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    api<Me>('/api/me')
      .then((m) => setMe({ name: m.name, role: m.role }))
      .catch((err) => {
        setMe(null);
        if (!(err instanceof ApiError && err.status === 401)) setError(err.message);
      });
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  async function signOut() {
    try {
      await api('/api/logout', { body: {} });
    } catch {
      // Signed out or not, the page forgets the user.
    }
    closeLiveChanges();
    setMe(null);
  }

  const chooseLang = (l: Lang) => {
    saveLang(l);
    setLang(l);
  };
  return html`
    <${LangContext.Provider} value=${lang}>
      <header class="top">
        <span class="brand">${lang === 'zh' ? '客服控制台' : 'Service console'}</span>
        <span class="spacer"></span>
        ${me ? html`<span class="me">${me.name} · ${me.role}</span> <button class="sign-out" onClick=${signOut}>${lang === 'zh' ? '退出' : 'Sign out'}</button>` : null}
        <${LangSwitch} lang=${lang} onChange=${chooseLang} />
      </header>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      ${me === null ? html`<${SignIn} onSignedIn=${setMe} />` : null}
      ${me ? html`<${Shell} me=${me} onSignOut=${signOut} />` : null}
    <//>
  `;
}

const root = document.getElementById('app');
if (root) render(html`<${App} />`, root);
