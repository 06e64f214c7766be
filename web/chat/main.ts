import { html } from 'htm/preact';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorOf, eventData, readEventStream } from '../shared/api.js';
import { initialLang, type Lang, LangContext, type Phrase, saveLang, useLang } from '../shared/i18n.js';
import '../shared/base.css';
import './chat.css';

/** One line of the chat as the customer sees it. */
interface Message {
  id: number;
  from: 'customer' | 'agent' | 'person' | 'notification' | 'system';
  text: string;
  /** Still arriving (a streamed reply). */
  streaming?: boolean;
}

/** The chat started for this page: the call and the key that authorises its requests. */
interface Chat {
  call_id: string;
  chat_key: string;
}

/** The product from `/chat/<product>`; the caller's token from `?token=` (issued by the embedding site). */
function pageParams(): { product: string; token: string } {
  const parts = location.pathname.split('/').filter(Boolean);
  const product = decodeURIComponent(parts[parts.indexOf('chat') + 1] ?? '');
  const token = new URLSearchParams(location.search).get('token') ?? '';
  return { product, token };
}

/** Where this tab keeps its chat, so a reload picks up the same call (sessionStorage: this tab only). */
function savedChatKey(product: string, token: string): string {
  return `cs-chat:${product}:${token}`;
}

function readSavedChat(key: string): Chat | undefined {
  try {
    const v = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<Chat> | null;
    return typeof v?.call_id === 'string' && typeof v.chat_key === 'string'
      ? { call_id: v.call_id, chat_key: v.chat_key }
      : undefined;
  } catch {
    return undefined;
  }
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** The text of a streamed piece: the server may send it as JSON `{ text }`/`{ delta }` or as text. */
function deltaText(data: string): string {
  const value = eventData(data);
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    for (const key of ['text', 'delta', 'content']) if (typeof v[key] === 'string') return v[key] as string;
  }
  return '';
}

interface Notice {
  approval_id: string;
  content: string;
}

function ChatPage(props: { lang: Lang; onLang: (l: Lang) => void }) {
  const { t } = useLang();
  const { product, token } = pageParams();
  const savedKey = savedChatKey(product, token);
  const [messages, setMessages] = useState<Message[]>([]);
  const [chat, setChat] = useState<Chat | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [ended, setEnded] = useState(false);
  const nextId = useRef(1);
  const seenNotices = useRef(new Set<string>());
  const list = useRef<HTMLOListElement>(null);

  const add = (from: Message['from'], content: string, streaming = false): number => {
    const id = nextId.current++;
    setMessages((m) => [...m, { id, from, text: content, ...(streaming ? { streaming } : {}) }]);
    return id;
  };
  const update = (id: number, change: Partial<Message>) =>
    setMessages((m) => m.map((msg) => (msg.id === id ? { ...msg, ...change } : msg)));
  const notify = (n: Notice) => {
    // The same decision may come over the chat's events and with a reply: shown once.
    const key = `${n.approval_id}\n${n.content}`;
    // A chat picked up after a reload knows its notices by their words only.
    if (seenNotices.current.has(key) || seenNotices.current.has(n.content)) return;
    seenNotices.current.add(key);
    add('notification', n.content);
  };

  useEffect(() => {
    if (!token) {
      setError(
        t({
          zh: '链接缺少身份凭证，请从网站重新打开客服。',
          en: 'This link has no chat token: open the chat from the site again.',
        }),
      );
      return;
    }
    let events: EventSource | undefined;
    const follow = (c: Chat) => {
      setChat(c);
      const path = `/chat/api/${encodeURIComponent(c.call_id)}/events?key=${encodeURIComponent(c.chat_key)}`;
      events = new EventSource(path);
      events.addEventListener('agent', (e) => {
        const v = eventData((e as MessageEvent<string>).data) as { content?: unknown };
        if (typeof v?.content === 'string') add('person', v.content);
      });
      events.addEventListener('notification', (e) => {
        const v = eventData((e as MessageEvent<string>).data) as Partial<Notice>;
        if (typeof v?.content === 'string')
          notify({ approval_id: String(v.approval_id ?? ''), content: v.content });
      });
    };
    const start = () =>
      post('/chat/api/start', { token, product })
        .then((r) => r.json() as Promise<Chat & { greeting: string }>)
        .then((started) => {
          const c = { call_id: started.call_id, chat_key: started.chat_key };
          sessionStorage.setItem(savedKey, JSON.stringify(c));
          add('agent', started.greeting);
          follow(c);
        });
    // A reload picks up the chat this tab had, unless it has ended: then a new one starts.
    const saved = readSavedChat(savedKey);
    const resume = saved
      ? fetch(`/chat/api/${encodeURIComponent(saved.call_id)}/transcript`, {
          headers: { Accept: 'application/json', 'X-Chat-Key': saved.chat_key },
        }).then(async (r) => {
          if (!r.ok) return false;
          const { state, lines } = (await r.json()) as {
            state: string;
            lines: Array<{ from: Message['from']; text: string }>;
          };
          for (const line of lines) {
            if (line.from === 'notification') seenNotices.current.add(line.text);
            add(line.from, line.text);
          }
          setWaiting(state !== 'agent');
          follow(saved);
          return true;
        })
      : Promise.resolve(false);
    resume
      .then((resumed) => {
        if (resumed) return;
        sessionStorage.removeItem(savedKey);
        return start();
      })
      .catch((err: Error) => setError(err.message));
    return () => events?.close();
  }, []);

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [messages]);

  async function say(e: Event) {
    e.preventDefault();
    const content = text.trim();
    if (!chat || !content || busy) return;
    setText('');
    setBusy(true);
    setError(undefined);
    add('customer', content);
    let replyId: number | undefined;
    try {
      const response = await post(
        `/chat/api/${encodeURIComponent(chat.call_id)}/say`,
        { content },
        { 'X-Chat-Key': chat.chat_key, Accept: 'text/event-stream' },
      );
      let final: { reply?: string | null; notifications?: Notice[] } | undefined;
      let streamed = '';
      if ((response.headers.get('Content-Type') ?? '').includes('text/event-stream')) {
        await readEventStream(response, (ev) => {
          if (ev.event === 'delta') {
            streamed += deltaText(ev.data);
            if (replyId === undefined) replyId = add('agent', streamed, true);
            else update(replyId, { text: streamed });
          } else if (ev.event === 'done') {
            final = eventData(ev.data) as typeof final;
          } else if (ev.event === 'error') {
            const v = eventData(ev.data) as { error?: { message?: string }; message?: string };
            setError(v?.error?.message ?? v?.message ?? String(ev.data));
          }
        });
      } else {
        final = (await response.json()) as typeof final;
      }
      const reply = final && 'reply' in final ? final.reply : streamed || null;
      if (typeof reply === 'string' && reply) {
        if (replyId === undefined) add('agent', reply);
        else update(replyId, { text: reply, streaming: false });
      } else if (replyId !== undefined) {
        update(replyId, { streaming: false });
      }
      for (const n of final?.notifications ?? []) notify(n);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function askForPerson() {
    if (!chat) return;
    setError(undefined);
    try {
      await post(`/chat/api/${encodeURIComponent(chat.call_id)}/human`, {}, { 'X-Chat-Key': chat.chat_key });
      setWaiting(true);
      add(
        'system',
        t({ zh: '正在为您转接人工客服，请稍候。', en: 'Connecting you to a person, please wait.' }),
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  async function end() {
    if (!chat) return;
    try {
      await post(`/chat/api/${encodeURIComponent(chat.call_id)}/end`, {}, { 'X-Chat-Key': chat.chat_key });
      setEnded(true);
      sessionStorage.removeItem(savedKey);
      add('system', t({ zh: '对话已结束，感谢您的耐心。', en: 'The chat has ended. Thank you.' }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  const who: Record<Message['from'], Phrase> = {
    customer: { zh: '我', en: 'Me' },
    agent: { zh: '客服', en: 'Service' },
    person: { zh: '人工客服', en: 'Agent' },
    notification: { zh: '通知', en: 'Notice' },
    system: { zh: '提示', en: 'Info' },
  };
  return html`
    <div class="chat">
      <header>
        <span class="title">${t({ zh: '在线客服', en: 'Customer service' })}</span>
        <span class="spacer"></span>
        <span class="lang-switch" role="group" aria-label="language">
          <button type="button" aria-pressed=${props.lang === 'zh'} onClick=${() => props.onLang('zh')}>中</button>
          <button type="button" aria-pressed=${props.lang === 'en'} onClick=${() => props.onLang('en')}>EN</button>
        </span>
      </header>
      <ol class="messages" ref=${list} aria-live="polite">
        ${messages.map(
          (m) => html`<li key=${m.id} class=${`msg from-${m.from}${m.streaming ? ' streaming' : ''}`}>
            <span class="who">${t(who[m.from])}</span>
            <p>${m.text}</p>
          </li>`,
        )}
      </ol>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <form class="composer" aria-busy=${busy ? 'true' : 'false'} onSubmit=${say}>
        <textarea
          name="message"
          rows="1"
          placeholder=${t({ zh: '请输入您的问题…', en: 'Type your question…' })}
          value=${text}
          disabled=${!chat || ended}
          onInput=${(e: Event) => setText((e.target as HTMLTextAreaElement).value)}
          onKeyDown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) void say(e);
          }}
        ></textarea>
        <button class="primary send" type="submit" disabled=${!chat || busy || ended || !text.trim()}>${t({ zh: '发送', en: 'Send' })}</button>
      </form>
      <div class="actions">
        <button class="human" type="button" disabled=${!chat || waiting || ended} onClick=${askForPerson}>转人工 / talk to a person</button>
        <button class="end" type="button" disabled=${!chat || ended} onClick=${end}>${t({ zh: '结束对话', en: 'End chat' })}</button>
      </div>
    </div>
  `;
}

function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const choose = (l: Lang) => {
    saveLang(l);
    setLang(l);
  };
  return html`<${LangContext.Provider} value=${lang}><${ChatPage} lang=${lang} onLang=${choose} /><//>`;
}

const root = document.getElementById('app');
if (root) render(html`<${App} />`, root);
