// The signed-in member and the community it is looking at, shared by the pages.

import { useEffect, useState } from "preact/hooks";

import type { Chain } from "./chain";
import { t } from "./i18n";
import type { Signer } from "./keys";
import { api, type Community, type Currency, type Member } from "./rest";

export interface Membership {
  community: Community;
  member: Member;
}

export interface Session {
  chain: Chain;
  signer?: Signer;
  memberships: Membership[];
  /** The community the pages show. */
  communityId?: string;
  currency?: Currency;
  /** The member's published messaging key version (0: not yet). */
  keyVersion: number;
  /** Usernames by address in the current community. */
  names: Map<string, string>;
}

let session: Session | undefined;
const subscribers = new Set<() => void>();

export function getSession(): Session {
  if (!session) throw new Error("session not started");
  return session;
}

export function setSession(patch: Partial<Session>): void {
  session = { ...(session as Session), ...patch };
  for (const s of subscribers) s();
}

/** The session, re-rendering the caller when it changes. */
export function useSession(): Session {
  const [, set] = useState(0);
  useEffect(() => {
    const s = () => set((n) => n + 1);
    subscribers.add(s);
    return () => void subscribers.delete(s);
  }, []);
  return getSession();
}

/** Reloads the member's communities and the current community's currency and names. */
export async function refreshMemberships(communityId?: string): Promise<void> {
  const s = getSession();
  if (!s.signer) return;
  const { memberships } = await api.memberships(s.signer.address);
  const stored = localStorage.getItem("kizuna.community") ?? undefined;
  const wanted = communityId ?? s.communityId ?? stored;
  const id =
    memberships.find((m) => m.community.id === wanted)?.community.id ??
    memberships.find((m) => m.member.status === "MEMBER_STATUS_ACTIVE")?.community.id ??
    memberships[0]?.community.id ??
    wanted;
  setSession({ memberships });
  if (id) await selectCommunity(id);
}

export async function selectCommunity(id: string): Promise<void> {
  localStorage.setItem("kizuna.community", id);
  const [currency, members] = await Promise.all([
    api.currency(id).then((r) => r.currency).catch(() => undefined),
    api.members(id).catch(() => ({ members: [] as Member[] })),
  ]);
  const names = new Map<string, string>();
  for (const m of members.members) names.set(m.address, m.profile.username);
  setSession({ communityId: id, currency, names });
}

/** The membership of the signed-in member in the current community. */
export function currentMembership(s: Session): Membership | undefined {
  return s.memberships.find((m) => m.community.id === s.communityId);
}

/** A member's display name: @username when known, else a short address. */
export function nameOf(s: Session, address: string): string {
  const n = s.names.get(address);
  if (n) return `@${n}`;
  return address.length > 20 ? `${address.slice(0, 12)}…${address.slice(-6)}` : address;
}

/** A member of the current community named by @username or address; throws a readable error when there is none. */
export async function resolveMember(s: Session, text: string): Promise<string> {
  const name = text.trim();
  const fail = () => new Error(t("pay_unknown_member", { name }));
  if (!s.communityId || name === "") throw fail();
  if (name.startsWith(`${s.chain.prefix}1`)) {
    const m = await api.member(s.communityId, name).catch(() => undefined);
    if (!m || m.member.status !== "MEMBER_STATUS_ACTIVE") throw fail();
    return name;
  }
  const m = await api.memberByUsername(s.communityId, name.replace(/^@/, "")).catch(() => undefined);
  if (!m || m.member.status !== "MEMBER_STATUS_ACTIVE") throw fail();
  s.names.set(m.member.address, m.member.profile.username);
  return m.member.address;
}
