import qrcode from "qrcode-generator";
import { useEffect, useMemo, useState } from "preact/hooks";

import { formatAmount, parseAmount, transferFee } from "../amount";
import { t, type Key } from "../i18n";
import { mentions, onLiveStatus, onTx } from "../live";
import { api, type Entry, type LedgerAccount, type PaymentRequest } from "../rest";
import { nameOf, resolveMember, selectCommunity, setSession, useSession, type Session } from "../session";
import { msg, send } from "../tx";
import { Card, Field, Outcome, useAction } from "../ui";

const ENTRY_TYPES = ["CREATION", "SEND", "RECEIVE", "FEE", "DECAY", "BRIDGE"] as const;

/**
 * Bumps a counter whenever a committed transaction mentions the member, and
 * when the websocket reconnects (what happened meanwhile was missed), so the
 * page reloads its data.
 */
export function useLiveRefresh(address: string | undefined): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!address) return;
    const offTx = onTx((events) => {
      if (mentions(events, address)) setTick((n) => n + 1);
    });
    const offStatus = onLiveStatus((up) => up && setTick((n) => n + 1));
    return () => {
      offTx();
      offStatus();
    };
  }, [address]);
  return tick;
}

export function Wallet({ params }: { params: URLSearchParams }) {
  const s = useSession();
  const tick = useLiveRefresh(s.signer?.address);
  const c = s.currency;
  // A payment link names its community.
  const linked = params.get("c");
  useEffect(() => {
    if (linked && linked !== s.communityId && s.memberships.some((m) => m.community.id === linked)) void selectCommunity(linked);
  }, [linked]);
  if (!s.communityId) return <Card>{t("no_community")}</Card>;
  if (!c) return <Card>{t("no_currency")}</Card>;
  return (
    <>
      <Balance s={s} tick={tick} />
      <Pay key={`${s.communityId}?${params.toString()}`} s={s} params={params} />
      <Requests s={s} tick={tick} />
      <Receive s={s} />
      <History s={s} tick={tick} />
    </>
  );
}

function Balance({ s, tick }: { s: Session; tick: number }) {
  const c = s.currency!;
  const [acct, setAcct] = useState<LedgerAccount>();
  const [kiz, setKiz] = useState("");
  useEffect(() => {
    void api.ledgerAccount(s.communityId!, s.signer!.address).then(setAcct).catch(() => setAcct(undefined));
    void api
      .bankBalance(s.signer!.address, s.chain.feeDenom)
      .then((r) => setKiz(formatAmount(r.balance.amount, 6)))
      .catch(() => setKiz("0"));
  }, [tick, s.communityId]);
  const fmt = (v: string) => `${formatAmount(v, c.decimals)} ${c.code}`;
  return (
    <Card id="balance">
      <p class="label">
        {t("balance")} · {c.name}
      </p>
      <p class="balance" data-testid="balance">
        {acct ? formatAmount(acct.net_balance, c.decimals) : "…"} <span class="code">{c.code}</span>
      </p>
      {acct && acct.available !== acct.net_balance && (
        <p class="muted">
          {t("available")}: {fmt(acct.available)}
        </p>
      )}
      {acct && acct.pending_decay !== "0" && <p class="muted">{t("pending_decay", { amount: fmt(acct.pending_decay) })}</p>}
      {acct && acct.credit_limit !== "0" && <p class="muted">{t("credit_limit", { amount: fmt(acct.credit_limit) })}</p>}
      {acct && acct.debt !== "0" && <p class="muted">{t("debt", { amount: fmt(acct.debt) })}</p>}
      <p class="muted small">{t("fee_kiz", { amount: kiz })}</p>
    </Card>
  );
}

/** The fee line shown before signing, or "" when the amount does not parse yet. */
function feeLine(s: Session, amountText: string): string {
  const c = s.currency!;
  try {
    const amount = parseAmount(amountText, c.decimals, c.code);
    const fee = transferFee(amount, c.fee_bps);
    return t("pay_fee", {
      percent: c.fee_bps / 100,
      fee: formatAmount(fee, c.decimals),
      total: formatAmount(amount + fee, c.decimals),
      code: c.code,
    });
  } catch {
    return "";
  }
}

export async function pay(s: Session, to: string, amountText: string, memo: string, adId = "0") {
  // The fee the member saw must be the currency's now: an admin may have changed it.
  const c = (await api.currency(s.communityId!)).currency;
  if (c.fee_bps !== s.currency!.fee_bps) {
    setSession({ currency: c });
    throw new Error(t("fee_changed", { percent: c.fee_bps / 100 }));
  }
  const amount = parseAmount(amountText, c.decimals, c.code);
  const recipient = await resolveMember(s, to);
  if (recipient === s.signer!.address) throw new Error(t("pay_self"));
  const sent = await send(
    s.chain,
    s.signer!,
    [
      msg("/kizuna.ledger.v1.MsgTransfer", {
        sender: s.signer!.address,
        communityId: BigInt(s.communityId!),
        recipient,
        amount: amount.toString(),
        memo,
        adId: BigInt(adId),
        expectedFeeBps: c.fee_bps,
      }),
    ],
    { community: s.communityId },
  );
  return `${t("pay_done", { amount: formatAmount(amount, c.decimals), code: c.code, to: nameOf(s, recipient) })} ${
    sent.sponsored ? t("sponsored") : t("self_paid")
  }`;
}

function Pay({ s, params }: { s: Session; params: URLSearchParams }) {
  const c = s.currency!;
  const [to, setTo] = useState(params.get("to") ?? "");
  const [amount, setAmount] = useState(params.get("amount") ?? "");
  const [memo, setMemo] = useState(params.get("memo") ?? "");
  const action = useAction();
  const fee = feeLine(s, amount);
  // A payment link of another community is never paid in this one.
  const linked = params.get("c");
  const otherCommunity = !!linked && linked !== s.communityId;
  let label = t("pay_title");
  try {
    label = t("pay_button", { amount: formatAmount(parseAmount(amount, c.decimals, c.code), c.decimals), code: c.code });
  } catch {
    /* the button keeps its plain label until the amount parses */
  }
  return (
    <Card title={t("pay_title")} id="pay">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (await action.run(() => pay(s, to, amount, memo))) {
            setAmount("");
            setMemo("");
          }
        }}
      >
        <Field label={t("pay_to")}>
          <input name="to" value={to} autocomplete="off" placeholder="@username" onInput={(e) => setTo(e.currentTarget.value)} />
        </Field>
        <Field label={t("pay_amount", { code: c.code })}>
          <input name="amount" inputMode="decimal" value={amount} placeholder="0" onInput={(e) => setAmount(e.currentTarget.value)} />
        </Field>
        <Field label={t("pay_memo")}>
          <input name="memo" value={memo} onInput={(e) => setMemo(e.currentTarget.value)} />
        </Field>
        {fee && (
          <p class="fee" data-testid="fee">
            {fee}
          </p>
        )}
        {otherCommunity && <p class="warning">{t("pay_other_community")}</p>}
        <button type="submit" name="pay" disabled={action.busy || otherCommunity}>
          {label}
        </button>
        <Outcome action={action} />
      </form>
    </Card>
  );
}

function Receive({ s }: { s: Session }) {
  const [amount, setAmount] = useState("");
  const me = s.names.get(s.signer!.address);
  const link = useMemo(() => {
    const q = new URLSearchParams({ c: s.communityId!, to: me ? `@${me}` : s.signer!.address });
    if (amount.trim()) q.set("amount", amount.trim());
    return `${location.origin}/app/#/pay?${q}`;
  }, [amount, me, s.communityId]);
  const svg = useMemo(() => {
    const qr = qrcode(0, "M");
    qr.addData(link);
    qr.make();
    return qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true });
  }, [link]);
  const [copied, setCopied] = useState(false);
  return (
    <Card title={t("receive_title")} id="receive">
      <p class="muted">{t("receive_intro")}</p>
      <Field label={t("receive_amount")}>
        <input name="receive-amount" inputMode="decimal" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
      </Field>
      <div class="qr" dangerouslySetInnerHTML={{ __html: svg }} />
      <p class="link-line">
        <a href={link} data-testid="pay-link">
          {link}
        </a>
        <button
          class="secondary small"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true));
          }}
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </p>
      <p class="muted small">
        {t("your_address")}: <code>{s.signer!.address}</code>
      </p>
    </Card>
  );
}

function Requests({ s, tick }: { s: Session; tick: number }) {
  const c = s.currency!;
  const [incoming, setIncoming] = useState<PaymentRequest[]>([]);
  const [outgoing, setOutgoing] = useState<PaymentRequest[]>([]);
  const [who, setWho] = useState("");
  const [amount, setAmount] = useState("");
  const [memo, setMemo] = useState("");
  const action = useAction();
  const me = s.signer!.address;
  useEffect(() => {
    const status = "PAYMENT_REQUEST_STATUS_PENDING";
    void api.paymentRequests(s.communityId!, { payer: me, status }).then((r) => setIncoming(r.payment_requests ?? []), () => setIncoming([]));
    void api.paymentRequests(s.communityId!, { requester: me, status }).then((r) => setOutgoing(r.payment_requests ?? []), () => setOutgoing([]));
  }, [tick, s.communityId]);
  const fmt = (v: string) => formatAmount(v, c.decimals);
  const community = BigInt(s.communityId!);
  return (
    <Card title={t("requests_title")} id="requests">
      <ul class="list">
        {incoming.map((r) => (
          <li key={r.id}>
            <span>
              {t("request_incoming", { who: nameOf(s, r.requester), amount: fmt(r.amount), code: c.code })}
              {r.memo && <span class="muted"> — {r.memo}</span>}
            </span>
            <span class="row">
              <button
                class="small"
                disabled={action.busy}
                onClick={() =>
                  void action.run(() => {
                    const fee = formatAmount(transferFee(BigInt(r.amount), c.fee_bps), c.decimals);
                    if (!confirm(t("confirm_accept", { amount: fmt(r.amount), code: c.code, to: nameOf(s, r.requester), fee }))) return Promise.resolve();
                    return send(
                      s.chain,
                      s.signer!,
                      [msg("/kizuna.ledger.v1.MsgAcceptPaymentRequest", { payer: me, requestId: BigInt(r.id), expectedFeeBps: c.fee_bps, communityId: community })],
                      { community: s.communityId },
                    );
                  })
                }
              >
                {t("accept")}
              </button>
              <button
                class="small secondary"
                disabled={action.busy}
                onClick={() =>
                  void action.run(() =>
                    send(s.chain, s.signer!, [msg("/kizuna.ledger.v1.MsgRejectPaymentRequest", { payer: me, requestId: BigInt(r.id), reason: "", communityId: community })], {
                      community: s.communityId,
                    }),
                  )
                }
              >
                {t("reject")}
              </button>
            </span>
          </li>
        ))}
        {outgoing.map((r) => (
          <li key={r.id} class="muted">
            {t("request_outgoing", { who: nameOf(s, r.payer), amount: fmt(r.amount), code: c.code })}
          </li>
        ))}
      </ul>
      <form
        class="inline"
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await action.run(async () => {
            const payer = await resolveMember(s, who);
            const base = parseAmount(amount, c.decimals, c.code);
            await send(
              s.chain,
              s.signer!,
              [msg("/kizuna.ledger.v1.MsgRequestPayment", { requester: me, communityId: community, payer, amount: base.toString(), memo })],
              { community: s.communityId },
            );
            return t("request_done");
          });
          if (ok) {
            setAmount("");
            setMemo("");
          }
        }}
      >
        <Field label={t("request_from")}>
          <input name="request-from" value={who} onInput={(e) => setWho(e.currentTarget.value)} />
        </Field>
        <Field label={t("pay_amount", { code: c.code })}>
          <input name="request-amount" inputMode="decimal" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
        </Field>
        <Field label={t("pay_memo")}>
          <input name="request-memo" value={memo} onInput={(e) => setMemo(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="secondary" disabled={action.busy}>
          {(() => {
            try {
              return t("request_button", { amount: fmt(parseAmount(amount, c.decimals, c.code).toString()), code: c.code });
            } catch {
              return t("request_button", { amount: "", code: c.code });
            }
          })()}
        </button>
      </form>
      <Outcome action={action} />
    </Card>
  );
}

function History({ s, tick }: { s: Session; tick: number }) {
  const c = s.currency!;
  const [entries, setEntries] = useState<Entry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [filter, setFilter] = useState("");
  useEffect(() => {
    void api.history(s.signer!.address, s.communityId!).then(
      (r) => {
        setEntries(r.entries);
        setNext(r.pagination.next_key);
      },
      () => setEntries([]),
    );
  }, [tick, s.communityId]);
  const more = async () => {
    if (!next) return;
    const r = await api.history(s.signer!.address, s.communityId!, next);
    setEntries([...entries, ...r.entries]);
    setNext(r.pagination.next_key);
  };
  // A SEND entry carries the fee paid with it; older histories have FEE
  // entries of their own. The FEE filter shows both.
  const paidFee = (e: Entry) => e.type === "ENTRY_TYPE_FEE" || (e.type === "ENTRY_TYPE_SEND" && BigInt(e.fee ?? "0") > 0n);
  const shown = entries.filter((e) => !filter || e.type === `ENTRY_TYPE_${filter}` || (filter === "FEE" && paidFee(e)));
  return (
    <Card title={t("history_title")} id="history">
      <div class="chips" role="group">
        {["", ...ENTRY_TYPES].map((ty) => (
          <button class={filter === ty ? "chip on" : "chip"} onClick={() => setFilter(ty)}>
            {ty ? t(`entry_${ty}` as Key) : t("history_all")}
          </button>
        ))}
      </div>
      {shown.length === 0 && <p class="muted">{t("history_empty")}</p>}
      <ul class="list history">
        {shown.map((e) => {
          const type = e.type.replace("ENTRY_TYPE_", "");
          const out = type === "SEND" || type === "FEE" || type === "DECAY" || e.bridge_direction === "BRIDGE_DIRECTION_OUT";
          return (
            <li key={e.id} data-type={type}>
              <span>
                <strong>{t(`entry_${type}` as Key)}</strong>
                {e.counterparty && <span> · {nameOf(s, e.counterparty)}</span>}
                {e.memo && <span class="muted"> — {e.memo}</span>}
                {type === "SEND" && BigInt(e.fee ?? "0") > 0n && (
                  <span class="muted small" data-testid="entry-fee">
                    {" "}
                    · {t("history_fee", { fee: formatAmount(e.fee!, c.decimals), code: c.code })}
                  </span>
                )}
                <br />
                <span class="muted small">{new Date(e.time).toLocaleString()}</span>
              </span>
              <span class={out ? "amount out" : "amount in"}>
                {out ? "−" : "+"}
                {formatAmount(e.amount, c.decimals)} {c.code}
              </span>
            </li>
          );
        })}
      </ul>
      {next && (
        <button class="secondary" onClick={() => void more()}>
          {t("history_more")}
        </button>
      )}
    </Card>
  );
}
