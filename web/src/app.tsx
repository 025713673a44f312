import { useEffect, useState } from "preact/hooks";

import { loadChain } from "./chain";
import { currentLang, setLang, t, useLang } from "./i18n";
import type { Signer } from "./keys";
import { connectLive, onLiveStatus, isLive, onTx, values } from "./live";
import { ensureMessagingKey } from "./messaging";
import { Community } from "./pages/community";
import { Market } from "./pages/market";
import { Messages } from "./pages/messages";
import { SignIn } from "./pages/signin";
import { Wallet } from "./pages/wallet";
import { api } from "./rest";
import { navigate, useRoute } from "./route";
import { currentMembership, getSession, refreshMemberships, selectCommunity, setSession, useSession } from "./session";
import { describe } from "./ui";

export function App() {
  useLang();
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState("");
  useEffect(() => {
    document.documentElement.lang = currentLang();
    loadChain().then(
      (chain) => {
        setSession({ chain, memberships: [], keyVersion: 0, names: new Map() });
        connectLive(chain.rpcWebsocket);
        setReady(true);
      },
      (err) => setFailure(describe(err)),
    );
  }, []);
  if (failure) return <p class="error">{failure}</p>;
  if (!ready) return <p class="muted center">{t("loading")}</p>;
  return <Shell />;
}

function Shell() {
  const s = useSession();
  const route = useRoute();
  const [unread, setUnread] = useState(0);
  const [live, setLive] = useState(isLive());
  useEffect(() => {
    setLive(isLive());
    return onLiveStatus(setLive);
  }, []);

  const signedIn = async (signer: Signer) => {
    setSession({ signer, keyVersion: 0 });
    const wanted = route.params.get("c") ?? undefined;
    await refreshMemberships(wanted);
    if (route.path.length === 0) navigate("/wallet");
    // The messaging key is set up once, in the background, only when an
    // active community pays for it.
    const active = getSession().memberships.find((m) => m.member.status === "MEMBER_STATUS_ACTIVE");
    if (active)
      ensureMessagingKey(getSession().chain, signer, active.community.id, { rotate: false, sponsoredOnly: true }).then(
        (v) => setSession({ keyVersion: v }),
        () => undefined,
      );
  };

  // The unread badge follows every posted message and read receipt.
  useEffect(() => {
    const me = s.signer?.address;
    if (!me) return;
    const load = () => void api.unread(me).then((r) => setUnread(Number(r.unread)), () => undefined);
    load();
    return onTx((events) => {
      if (values(events, "kizuna.messaging.v1.EventMessagePosted", "thread_id").length || values(events, "kizuna.messaging.v1.EventMessagesRead", "member").includes(me))
        load();
    });
  }, [s.signer?.address]);

  const header = (
    <header>
      <a class="brand" href="#/wallet">
        {t("appName")}
      </a>
      {s.signer && s.memberships.length > 0 && (
        <select name="community" aria-label={t("community")} value={s.communityId} onChange={(e) => void selectCommunity(e.currentTarget.value)}>
          {s.memberships.map((m) => (
            <option value={m.community.id}>{m.community.name}</option>
          ))}
        </select>
      )}
      <span class={live ? "dot live" : "dot"} title={live ? t("live") : t("offline")} />
      <button class="link small" name="lang" onClick={() => setLang(currentLang() === "en" ? "ja" : "en")}>
        {t("language")}
      </button>
      {s.signer && (
        <button class="link small" name="sign-out" onClick={() => location.reload()}>
          {t("signOut")}
        </button>
      )}
    </header>
  );

  if (!s.signer)
    return (
      <>
        {header}
        <main>
          <SignIn onSignedIn={(signer) => void signedIn(signer)} />
        </main>
      </>
    );

  const page = route.path[0] === "pay" ? "wallet" : (route.path[0] ?? "wallet");
  const active = currentMembership(s)?.member.status === "MEMBER_STATUS_ACTIVE";
  const tabs: [string, string][] = [
    ["wallet", t("nav_wallet")],
    ["market", t("nav_market")],
    ["messages", t("nav_messages")],
    ["community", t("nav_community")],
  ];
  return (
    <>
      {header}
      <main>
        {!active && page !== "community" ? (
          <Community />
        ) : page === "market" ? (
          <Market />
        ) : page === "messages" ? (
          <Messages id={route.path[1]} />
        ) : page === "community" ? (
          <Community />
        ) : (
          <Wallet params={route.params} />
        )}
      </main>
      <nav>
        {tabs.map(([id, label]) => (
          <a href={`#/${id}`} class={page === id ? "on" : ""} data-tab={id}>
            {label}
            {id === "messages" && unread > 0 && <span class="badge" data-testid="unread-total">{unread}</span>}
          </a>
        ))}
      </nav>
    </>
  );
}
