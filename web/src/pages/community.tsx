import { useEffect, useState } from "preact/hooks";

import { formatAmount, parseAmount } from "../amount";
import { t, type Key } from "../i18n";
import { api, type Community as CommunityInfo, type Contribution, type Member } from "../rest";
import { navigate } from "../route";
import { currentMembership, nameOf, refreshMemberships, useSession, type Session } from "../session";
import { eventOf, msg, send } from "../tx";
import { Card, Field, Outcome, useAction } from "../ui";
import { useLiveRefresh } from "./wallet";

const ROLES = ["ROLE_ADMIN", "ROLE_MODERATOR", "ROLE_TELLER", "ROLE_MEMBER"] as const;
const ROLE_NUMBER: Record<string, number> = { ROLE_ADMIN: 1, ROLE_MODERATOR: 2, ROLE_TELLER: 3, ROLE_MEMBER: 4 };

export function Community() {
  const s = useSession();
  const tick = useLiveRefresh(s.signer?.address);
  const membership = currentMembership(s);
  const active = membership?.member.status === "MEMBER_STATUS_ACTIVE";
  const role = membership?.member.role ?? "";
  useEffect(() => {
    void refreshMemberships();
  }, [tick]);
  return (
    <>
      {membership && !active && <Card>{t("join_pending")}</Card>}
      {active && <Profile key={membership.community.id} s={s} member={membership.member} />}
      {active && (role === "ROLE_ADMIN" || role === "ROLE_MODERATOR") && <Pending s={s} tick={tick} />}
      {active && (role === "ROLE_ADMIN" || role === "ROLE_MODERATOR") && s.currency && <Contributions s={s} tick={tick} />}
      {active && s.currency && <Contribute s={s} />}
      {active && <Members s={s} admin={role === "ROLE_ADMIN"} />}
      <Join s={s} />
    </>
  );
}

function Join({ s }: { s: Session }) {
  const [all, setAll] = useState<CommunityInfo[]>([]);
  const [chosen, setChosen] = useState("");
  const [username, setUsername] = useState("");
  const [first, setFirst] = useState("");
  const [last, setLast] = useState("");
  const action = useAction();
  useEffect(() => {
    void api.communities().then((r) => setAll(r.communities), () => setAll([]));
  }, []);
  const joined = new Set(s.memberships.map((m) => m.community.id));
  const open = all.filter((c) => !joined.has(c.id));
  if (open.length === 0) return null;
  const target = open.find((c) => c.id === chosen) ?? open[0];
  return (
    <Card title={s.memberships.length ? t("other_communities") : t("join_title", { name: target.name })} id="join">
      {s.memberships.length === 0 && <p class="muted">{t("no_community")}</p>}
      <select name="join-community" value={target.id} onChange={(e) => setChosen(e.currentTarget.value)}>
        {open.map((c) => (
          <option value={c.id}>
            {c.name} — {c.location}
          </option>
        ))}
      </select>
      <p class="muted">{target.description}</p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await action.run(() =>
            send(s.chain, s.signer!, [
              msg("/kizuna.community.v1.MsgJoinCommunity", { member: s.signer!.address, communityId: BigInt(target.id), username, firstName: first, lastName: last }),
            ]),
          );
          if (ok) await refreshMemberships(target.id);
        }}
      >
        <Field label={t("join_username")}>
          <input name="username" value={username} autocomplete="username" onInput={(e) => setUsername(e.currentTarget.value)} />
        </Field>
        <Field label={t("join_first")}>
          <input name="first-name" value={first} onInput={(e) => setFirst(e.currentTarget.value)} />
        </Field>
        <Field label={t("join_last")}>
          <input name="last-name" value={last} onInput={(e) => setLast(e.currentTarget.value)} />
        </Field>
        <button type="submit" name="join" disabled={action.busy}>
          {t("join_button")}
        </button>
        <p class="muted small">{t("join_needs_kiz")}</p>
        <p class="muted small">
          {t("your_address")}: <code>{s.signer!.address}</code>
        </p>
        <Outcome action={action} />
      </form>
    </Card>
  );
}

function Profile({ s, member }: { s: Session; member: Member }) {
  const p = member.profile;
  const [first, setFirst] = useState(p.first_name);
  const [last, setLast] = useState(p.last_name);
  const action = useAction();
  return (
    <Card title={t("profile_title")} id="profile">
      <p>
        <strong>@{p.username}</strong> · {t(`role_${member.role}` as Key)}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() =>
            send(
              s.chain,
              s.signer!,
              [
                msg("/kizuna.community.v1.MsgUpdateProfile", {
                  member: s.signer!.address,
                  communityId: BigInt(member.community_id),
                  username: p.username,
                  firstName: first,
                  lastName: last,
                  clearFields: [...(first.trim() ? [] : ["first_name"]), ...(last.trim() ? [] : ["last_name"])],
                }),
              ],
              { community: member.community_id },
            ),
          );
        }}
      >
        <Field label={t("join_first")}>
          <input name="profile-first" value={first} onInput={(e) => setFirst(e.currentTarget.value)} />
        </Field>
        <Field label={t("join_last")}>
          <input name="profile-last" value={last} onInput={(e) => setLast(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="secondary" disabled={action.busy}>
          {t("save")}
        </button>
        <Outcome action={action} />
      </form>
    </Card>
  );
}

function Pending({ s, tick }: { s: Session; tick: number }) {
  const [pending, setPending] = useState<Member[]>([]);
  const [reload, setReload] = useState(0);
  const action = useAction();
  useEffect(() => {
    void api.members(s.communityId!, "MEMBER_STATUS_PENDING").then((r) => setPending(r.members), () => setPending([]));
  }, [tick, reload, s.communityId]);
  const decide = (m: Member, approve: boolean) =>
    action.run(async () => {
      const value = { reviewer: s.signer!.address, communityId: BigInt(m.community_id), member: m.address };
      const sent = await send(
        s.chain,
        s.signer!,
        [approve ? msg("/kizuna.community.v1.MsgApproveMember", value) : msg("/kizuna.community.v1.MsgRejectMember", value)],
        { community: m.community_id },
      );
      setReload((n) => n + 1);
      return sent;
    });
  return (
    <Card title={t("pending_title")} id="pending">
      {pending.length === 0 && <p class="muted">{t("pending_empty")}</p>}
      <ul class="list">
        {pending.map((m) => (
          <li key={m.address} data-member={m.profile.username}>
            <span>
              <strong>@{m.profile.username}</strong> {m.profile.first_name} {m.profile.last_name}
            </span>
            <span class="row">
              <button class="small" name="approve" disabled={action.busy} onClick={() => void decide(m, true)}>
                {t("approve")}
              </button>
              <button class="small secondary" disabled={action.busy} onClick={() => void decide(m, false)}>
                {t("reject")}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <Outcome action={action} />
    </Card>
  );
}

function Contributions({ s, tick }: { s: Session; tick: number }) {
  const c = s.currency!;
  const [items, setItems] = useState<Contribution[]>([]);
  const [reload, setReload] = useState(0);
  const action = useAction();
  useEffect(() => {
    void api.contributions(s.communityId!, "CONTRIBUTION_STATUS_PENDING").then((r) => setItems(r.contributions), () => setItems([]));
  }, [tick, reload, s.communityId]);
  const me = s.signer!.address;
  const community = BigInt(s.communityId!);
  return (
    <Card title={t("contributions_title")} id="contributions">
      {items.length === 0 && <p class="muted">{t("contributions_empty")}</p>}
      <ul class="list">
        {items.map((x) => (
          <li key={x.id}>
            <span>{t("contribution_line", { who: nameOf(s, x.contributor), amount: formatAmount(x.amount, c.decimals), code: c.code, memo: x.memo })}</span>
            {x.contributor !== me && (
              <span class="row">
                <button
                  class="small"
                  disabled={action.busy}
                  onClick={async () => {
                    if (await action.run(() => send(s.chain, s.signer!, [msg("/kizuna.ledger.v1.MsgConfirmContribution", { reviewer: me, contributionId: BigInt(x.id), communityId: community })], { community: s.communityId })))
                      setReload((n) => n + 1);
                  }}
                >
                  {t("confirm")}
                </button>
                <button
                  class="small secondary"
                  disabled={action.busy}
                  onClick={async () => {
                    if (await action.run(() => send(s.chain, s.signer!, [msg("/kizuna.ledger.v1.MsgDenyContribution", { reviewer: me, contributionId: BigInt(x.id), reason: "", communityId: community })], { community: s.communityId })))
                      setReload((n) => n + 1);
                  }}
                >
                  {t("deny")}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <Outcome action={action} />
    </Card>
  );
}

function Contribute({ s }: { s: Session }) {
  const c = s.currency!;
  const [amount, setAmount] = useState("");
  const [memo, setMemo] = useState("");
  const action = useAction();
  return (
    <Card title={t("contribute_title")} id="contribute">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await action.run(() => {
            const base = parseAmount(amount, c.decimals, c.code);
            return send(
              s.chain,
              s.signer!,
              [msg("/kizuna.ledger.v1.MsgSubmitContribution", { contributor: s.signer!.address, communityId: BigInt(s.communityId!), amount: base.toString(), memo, month: "" })],
              { community: s.communityId },
            );
          });
          if (ok) {
            setAmount("");
            setMemo("");
          }
        }}
      >
        <Field label={t("pay_amount", { code: c.code })}>
          <input name="contribution-amount" inputMode="decimal" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
        </Field>
        <Field label={t("pay_memo")}>
          <input name="contribution-memo" value={memo} onInput={(e) => setMemo(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="secondary" disabled={action.busy}>
          {t("contribute_button")}
        </button>
        <Outcome action={action} />
      </form>
    </Card>
  );
}

function Members({ s, admin }: { s: Session; admin: boolean }) {
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Member[]>([]);
  const action = useAction();
  const me = s.signer!.address;
  useEffect(() => {
    const query = q.trim();
    if (!query) {
      void api.members(s.communityId!, "MEMBER_STATUS_ACTIVE").then((r) => setFound(r.members), () => setFound([]));
      return;
    }
    const timer = setTimeout(() => void api.searchMembers(s.communityId!, query).then((r) => setFound(r.members), () => setFound([])), 250);
    return () => clearTimeout(timer);
  }, [q, s.communityId]);
  const direct = async (peer: string) =>
    (await api.threads(me)).threads.find((v) => v.thread.kind === "THREAD_KIND_DIRECT" && v.thread.members.includes(peer))?.thread.id;
  const message = (m: Member) =>
    action.run(async () => {
      // The thread may be open already: no transaction then.
      const open = await direct(m.address);
      if (open) return navigate(`/messages/${open}`);
      const sent = await send(s.chain, s.signer!, [msg("/kizuna.messaging.v1.MsgOpenDirectThread", { creator: me, communityId: BigInt(m.community_id), peer: m.address })], {
        community: m.community_id,
      });
      const opened = eventOf(sent.response, "kizuna.messaging.v1.EventThreadOpened");
      const id =
        opened?.thread_id ??
        (await direct(m.address));
      if (id) navigate(`/messages/${id}`);
    });
  return (
    <Card title={t("members_title")} id="members">
      <input name="member-search" type="search" placeholder={t("members_search")} value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      <ul class="list">
        {found.map((m) => (
          <li key={m.address} data-member={m.profile.username}>
            <span>
              <strong>@{m.profile.username}</strong> {m.profile.first_name} {m.profile.last_name}
              <span class="muted small"> · {t(`role_${m.role}` as Key)}</span>
            </span>
            <span class="row">
              {m.address !== me && (
                <button class="small secondary" disabled={action.busy} onClick={() => void message(m)}>
                  {t("message_to")}
                </button>
              )}
              {admin && m.address !== me && (
                <select
                  class="small"
                  aria-label={t("role")}
                  value={m.role}
                  disabled={action.busy}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    const role = ROLE_NUMBER[name];
                    if (!confirm(t("confirm_role", { who: `@${m.profile.username}`, role: t(`role_${name}` as Key) }))) {
                      e.currentTarget.value = m.role;
                      return;
                    }
                    void action.run(() =>
                      send(s.chain, s.signer!, [msg("/kizuna.community.v1.MsgSetMemberRole", { admin: me, communityId: BigInt(m.community_id), member: m.address, role })], {
                        community: m.community_id,
                      }),
                    );
                  }}
                >
                  {ROLES.map((r) => (
                    <option value={r}>{t(`role_${r}` as Key)}</option>
                  ))}
                </select>
              )}
            </span>
          </li>
        ))}
      </ul>
      <Outcome action={action} />
    </Card>
  );
}
