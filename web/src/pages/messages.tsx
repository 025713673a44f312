import { fromBase64 } from "@cosmjs/encoding";
import { useEffect, useRef, useState } from "preact/hooks";

import { t } from "../i18n";
import { liveGeneration, onLiveStatus, onTx, values } from "../live";
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
  if (id) return <ThreadPage key={id} s={s} id={id} />;
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

interface Raw {
  seq: number;
  sender: string;
  time: string;
  payload: Uint8Array;
  sha: Uint8Array;
}

interface Shown extends Raw {
  opened?: Opened;
}

const MARK_READ_DELAY_MS = 1500;

function ThreadPage({ s, id }: { s: Session; id: string }) {
  const [thread, setThread] = useState<Thread>();
  const [raw, setRaw] = useState<Raw[]>([]);
  const [opened, setOpened] = useState(new Map<string, Opened>());
  const [missing, setMissing] = useState<string[]>([]);
  const [text, setText] = useState("");
  const [generation, setGeneration] = useState(liveGeneration());
  const action = useAction();
  const me = s.signer!.address;
  const list = useRef<HTMLUListElement>(null);
  const keyVersion = s.keyVersion;

  const add = (batch: Raw[]) =>
    setRaw((old) => {
      const bySeq = new Map(old.map((m) => [m.seq, m]));
      for (const m of batch) bySeq.set(m.seq, m);
      return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    });

  useEffect(() => onLiveStatus((up) => up && setGeneration(liveGeneration())), []);

  // The newest 100 messages from the node's tx index, again after a
  // reconnect; new ones from the websocket.
  useEffect(() => {
    void api.thread(id).then((r) => setThread(r.thread));
    void missingKeys(id).then(setMissing, () => setMissing([]));
    void api.searchTxs(`${POSTED}.thread_id='"${id}"'`, 100, "desc").then((r) => {
      const batch: Raw[] = [];
      for (const tx of r.tx_responses ?? [])
        for (const ev of tx.events.filter((e) => e.type === POSTED && attr(e, "thread_id") === id))
          batch.push({
            seq: Number(attr(ev, "seq")),
            sender: attr(ev, "sender"),
            time: tx.timestamp,
            payload: fromBase64(attr(ev, "payload")),
            sha: fromBase64(attr(ev, "content_sha256")),
          });
      add(batch);
    });
    return onTx((events) => {
      // A member who publishes a key can be written to from now on.
      if (values(events, "kizuna.messaging.v1.EventMessagingKeySet", "owner").length) void missingKeys(id).then(setMissing, () => undefined);
      const threads = values(events, POSTED, "thread_id");
      const seqs = values(events, POSTED, "seq");
      const senders = values(events, POSTED, "sender");
      const payloads = values(events, POSTED, "payload");
      const shas = values(events, POSTED, "content_sha256");
      const times = values(events, POSTED, "time");
      const batch: Raw[] = [];
      threads.forEach((th, i) => {
        if (th === id)
          batch.push({ seq: Number(seqs[i]), sender: senders[i], time: times[i] || new Date().toISOString(), payload: fromBase64(payloads[i]), sha: fromBase64(shas[i] ?? "") });
      });
      if (batch.length) add(batch);
    });
  }, [id, generation]);

  // Opening: again for what failed when the member's key version changes.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const next = new Map(opened);
      for (const m of raw) {
        const k = `${m.seq}`;
        const prev = next.get(k);
        if (prev && ("text" in prev || prev.failure === "corrupt")) continue;
        try {
          next.set(k, await openPayload(s.signer!, m.payload, m.sha, Math.max(keyVersion, 1)));
        } catch {
          break; // the wallet declined to derive the key: try again later
        }
      }
      if (!cancelled) setOpened(next);
    })();
    return () => {
      cancelled = true;
    };
  }, [raw, keyVersion]);

  // Reading the thread marks it read, once the messages settled, while the
  // page is visible, sponsored only: reading never costs the member.
  const last = raw.length ? raw[raw.length - 1].seq : 0;
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: "end" });
    if (!last || !thread) return;
    const timer = setTimeout(() => {
      if (document.visibilityState !== "visible") return;
      void api.threads(me).then((r) => {
        const v = r.threads.find((x) => x.thread.id === id);
        if (!v || Number(v.read_seq) >= last) return;
        void send(
          s.chain,
          s.signer!,
          [msg("/kizuna.messaging.v1.MsgMarkRead", { member: me, threadId: BigInt(id), seq: BigInt(last), communityId: BigInt(thread.community_id) })],
          { community: thread.community_id, sponsoredOnly: true },
        ).catch(() => undefined);
      });
    }, MARK_READ_DELAY_MS);
    return () => clearTimeout(timer);
  }, [last, thread]);

  const post = () =>
    action.run(async () => {
      if (!thread) return;
      if (!getSession().keyVersion)
        setSession({ keyVersion: await ensureMessagingKey(s.chain, s.signer!, thread.community_id, { rotate: true, sponsoredOnly: false }) });
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

  const shown: Shown[] = raw.map((m) => ({ ...m, opened: opened.get(`${m.seq}`) }));
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
              {nameOf(s, m.sender)} · {new Date(m.time).toLocaleString([], { dateStyle: "short", timeStyle: "short" })}
            </span>
            <span class="text" data-testid="message-text">
              {!m.opened ? "…" : "text" in m.opened ? m.opened.text : m.opened.failure === "not-for-key" ? t("message_not_for_key") : t("message_corrupt")}
            </span>
            {m.opened && "sealed" in m.opened && !m.opened.sealed && <span class="muted small">{t("message_plaintext")}</span>}
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
