import { fromBase64 } from "@cosmjs/encoding";
import { useEffect, useRef, useState } from "preact/hooks";

import { t } from "../i18n";
import { onTx, values } from "../live";
import { ensureMessagingKey, missingKeys, MissingKeyError, openPayload, sealForThread, type Opened } from "../messaging";
import { api, attr, type Thread, type ThreadView } from "../rest";
import { navigate } from "../route";
import { getSession, nameOf, setSession, useSession, type Session } from "../session";
import { msg, send } from "../tx";
import { Card, Outcome, useAction } from "../ui";

const POSTED = "kizuna.messaging.v1.EventMessagePosted";

/** Re-runs when a message is posted to one of the member's threads. */
function useMessageTick(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => onTx((events) => void (values(events, POSTED, "thread_id").length && setTick((n) => n + 1))), []);
  return tick;
}

export function threadTitle(s: Session, th: Thread, adTitles: Map<string, string>): string {
  if (th.kind === "THREAD_KIND_GROUP") return th.title;
  if (th.kind === "THREAD_KIND_AD") return t("thread_ad", { title: adTitles.get(th.ad_id) ?? `#${th.ad_id}` });
  const peer = th.members.find((m) => m !== s.signer!.address) ?? "";
  return t("thread_direct", { who: nameOf(s, peer) });
}

export function Messages({ id }: { id?: string }) {
  const s = useSession();
  if (id) return <ThreadPage s={s} id={id} />;
  return <ThreadList s={s} />;
}

function ThreadList({ s }: { s: Session }) {
  const tick = useMessageTick();
  const [threads, setThreads] = useState<ThreadView[]>();
  const [adTitles, setAdTitles] = useState(new Map<string, string>());
  useEffect(() => {
    void api.threads(s.signer!.address).then(async (r) => {
      setThreads(r.threads);
      const titles = new Map(adTitles);
      for (const v of r.threads)
        if (v.thread.kind === "THREAD_KIND_AD" && !titles.has(v.thread.ad_id))
          titles.set(v.thread.ad_id, (await api.ad(v.thread.ad_id).catch(() => undefined))?.ad.title ?? `#${v.thread.ad_id}`);
      setAdTitles(titles);
    });
  }, [tick]);
  return (
    <Card id="threads">
      {threads && threads.length === 0 && <p class="muted">{t("threads_empty")}</p>}
      <ul class="list threads">
        {(threads ?? []).map((v) => (
          <li key={v.thread.id} data-thread={v.thread.id}>
            <a href={`#/messages/${v.thread.id}`}>{threadTitle(s, v.thread, adTitles)}</a>
            {v.unread !== "0" && (
              <span class="badge" data-testid="unread">
                {t("thread_unread", { n: v.unread })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

interface Shown {
  seq: number;
  sender: string;
  time: string;
  opened: Opened;
}

function ThreadPage({ s, id }: { s: Session; id: string }) {
  const [thread, setThread] = useState<Thread>();
  const [shown, setShown] = useState<Shown[]>([]);
  const [missing, setMissing] = useState<string[]>([]);
  const [text, setText] = useState("");
  const action = useAction();
  const me = s.signer!.address;
  const seen = useRef(new Set<number>());
  const list = useRef<HTMLUListElement>(null);

  const add = async (seq: number, sender: string, time: string, payload: Uint8Array) => {
    if (seen.current.has(seq)) return;
    seen.current.add(seq);
    const opened = await openPayload(s.signer!, payload, Math.max(getSession().keyVersion, 1));
    setShown((old) => [...old.filter((m) => m.seq !== seq), { seq, sender, time, opened }].sort((a, b) => a.seq - b.seq));
  };

  // Past messages from the node's tx index; new ones from the websocket.
  useEffect(() => {
    seen.current = new Set();
    setShown([]);
    void api.thread(id).then((r) => setThread(r.thread));
    void missingKeys(id).then(setMissing, () => setMissing([]));
    void api.searchTxs(`${POSTED}.thread_id='"${id}"'`).then(async (r) => {
      for (const tx of r.tx_responses ?? [])
        for (const ev of tx.events.filter((e) => e.type === POSTED && attr(e, "thread_id") === id))
          await add(Number(attr(ev, "seq")), attr(ev, "sender"), tx.timestamp, fromBase64(attr(ev, "payload")));
    });
    return onTx((events) => {
      // A member who publishes a key can be written to from now on.
      if (values(events, "kizuna.messaging.v1.EventMessagingKeySet", "owner").length) void missingKeys(id).then(setMissing, () => undefined);
      const threads = values(events, POSTED, "thread_id");
      const seqs = values(events, POSTED, "seq");
      const senders = values(events, POSTED, "sender");
      const payloads = values(events, POSTED, "payload");
      threads.forEach((th, i) => {
        if (th === id) void add(Number(seqs[i]), senders[i], new Date().toISOString(), fromBase64(payloads[i]));
      });
    });
  }, [id]);

  // Reading the thread marks it read up to its last message.
  const last = shown.length ? shown[shown.length - 1].seq : 0;
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: "end" });
    if (!last || !thread) return;
    void api.threads(me).then((r) => {
      const v = r.threads.find((x) => x.thread.id === id);
      if (v && Number(v.read_seq) < last)
        void send(s.chain, s.signer!, [msg("/kizuna.messaging.v1.MsgMarkRead", { member: me, threadId: BigInt(id), seq: BigInt(last), communityId: BigInt(thread.community_id) })], {
          community: thread.community_id,
        }).catch(() => undefined);
    });
  }, [last, thread]);

  const post = () =>
    action.run(async () => {
      if (!thread) return;
      if (!getSession().keyVersion) setSession({ keyVersion: await ensureMessagingKey(s.chain, s.signer!, thread.community_id) });
      let sealed;
      try {
        sealed = await sealForThread(id, text);
      } catch (err) {
        if (err instanceof MissingKeyError) throw new Error(t("message_missing_keys", { who: nameOf(s, err.member) }));
        throw err;
      }
      await send(
        s.chain,
        s.signer!,
        [msg("/kizuna.messaging.v1.MsgPostMessage", { sender: me, threadId: BigInt(id), contentSha256: sealed.sha, payload: sealed.payload, communityId: BigInt(thread.community_id) })],
        { community: thread.community_id },
      );
      setText("");
      return "";
    });

  return (
    <Card id="thread">
      <p>
        <button class="link" onClick={() => navigate("/messages")}>
          ← {t("back")}
        </button>
      </p>
      {thread && <h2>{threadTitle(s, thread, new Map())}</h2>}
      <p class="muted small">{t("message_sealed_note")}</p>
      <ul class="messages" ref={list}>
        {shown.map((m) => (
          <li key={m.seq} class={m.sender === me ? "mine" : "theirs"} data-seq={m.seq}>
            <span class="who small">
              {nameOf(s, m.sender)} · {new Date(m.time).toLocaleTimeString()}
            </span>
            <span class="text" data-testid="message-text">
              {"text" in m.opened ? m.opened.text : m.opened.failure === "not-for-key" ? t("message_not_for_key") : t("message_corrupt")}
            </span>
            {"sealed" in m.opened && !m.opened.sealed && <span class="muted small">{t("message_plaintext")}</span>}
          </li>
        ))}
      </ul>
      {missing.length > 0 && <p class="warning">{t("message_missing_keys", { who: missing.map((a) => nameOf(s, a)).join(", ") })}</p>}
      <form
        class="composer"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void post();
        }}
      >
        <textarea name="message" rows={2} placeholder={t("message_placeholder")} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit" name="send" disabled={action.busy || !text.trim()}>
          {t("send")}
        </button>
      </form>
      <Outcome action={action} />
    </Card>
  );
}
