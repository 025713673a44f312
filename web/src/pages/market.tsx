import { useEffect, useState } from "preact/hooks";

import { formatAmount, parseAmount, transferFee } from "../amount";
import { t } from "../i18n";
import { api, type AdView } from "../rest";
import { nameOf, resolveMember, useSession, type Session } from "../session";
import { msg, send } from "../tx";
import { Card, Field, Outcome, useAction, type Action } from "../ui";
import { pay, useLiveRefresh } from "./wallet";
import { navigate } from "../route";

type TypeFilter = "" | "AD_TYPE_WANT" | "AD_TYPE_GIVE";

export function Market() {
  const s = useSession();
  const tick = useLiveRefresh(s.signer?.address);
  const [ads, setAds] = useState<AdView[]>([]);
  const [type, setType] = useState<TypeFilter>("");
  const [q, setQ] = useState("");
  const [mine, setMine] = useState(false);
  const [reload, setReload] = useState(0);
  const action = useAction();
  useEffect(() => {
    if (!s.communityId) return;
    void api
      .ads(s.communityId, { type: type || undefined, status: "AD_STATUS_OPEN", viewer: s.signer!.address, owner: mine ? s.signer!.address : undefined })
      .then((r) => setAds(r.ads ?? []), () => setAds([]));
  }, [s.communityId, type, mine, tick, reload]);
  if (!s.communityId) return <Card>{t("no_community")}</Card>;
  const needle = q.trim().toLowerCase();
  const shown = ads.filter(
    (v) => !needle || `${v.ad.title} ${v.ad.description} ${v.ad.category} ${v.ad.location}`.toLowerCase().includes(needle),
  );
  return (
    <>
      <Card id="market">
        <div class="chips" role="group">
          {(["", "AD_TYPE_WANT", "AD_TYPE_GIVE"] as TypeFilter[]).map((ty) => (
            <button class={type === ty ? "chip on" : "chip"} onClick={() => setType(ty)}>
              {ty === "" ? t("market_all") : ty === "AD_TYPE_WANT" ? t("market_want") : t("market_give")}
            </button>
          ))}
          <label class="check">
            <input type="checkbox" checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
            {t("market_mine")}
          </label>
        </div>
        <input name="search" type="search" placeholder={t("market_search")} value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        <Outcome action={action} />
        {shown.length === 0 && <p class="muted">{t("market_empty")}</p>}
        <ul class="ads">
          {shown.map((v) => (
            <AdItem key={v.ad.id} s={s} view={v} action={action} onChanged={() => setReload((n) => n + 1)} />
          ))}
        </ul>
      </Card>
      <AdForm s={s} onSaved={() => setReload((n) => n + 1)} />
    </>
  );
}

function AdItem({ s, view, action, onChanged }: { s: Session; view: AdView; action: Action; onChanged: () => void }) {
  const c = s.currency;
  const ad = view.ad;
  const me = s.signer!.address;
  const own = ad.owner === me;
  const [editing, setEditing] = useState(false);
  const [payTo, setPayTo] = useState("");
  const price = c && ad.price && ad.price !== "0" ? `${formatAmount(ad.price, c.decimals)} ${c.code}` : "";
  const community = BigInt(ad.community_id);
  const contact = () =>
    action.run(async () => {
      // The thread may be open already: no transaction then.
      const open = (await api.threads(me)).threads.find((v) => v.thread.kind === "THREAD_KIND_AD" && v.thread.ad_id === ad.id);
      if (open) return navigate(`/messages/${open.thread.id}`);
      await send(s.chain, s.signer!, [msg("/kizuna.messaging.v1.MsgOpenAdThread", { requester: me, adId: BigInt(ad.id), communityId: community })], {
        community: ad.community_id,
      });
      const id = (await api.threads(me)).threads.find((v) => v.thread.kind === "THREAD_KIND_AD" && v.thread.ad_id === ad.id)?.thread.id;
      if (id) navigate(`/messages/${id}`);
    });
  const payAd = (to: string) =>
    action.run(async () => {
      const c = s.currency!;
      const recipient = await resolveMember(s, to);
      const fee = formatAmount(transferFee(BigInt(ad.price), c.fee_bps), c.decimals);
      if (!confirm(t("confirm_pay", { amount: formatAmount(ad.price, c.decimals), code: c.code, to: nameOf(s, recipient), fee }))) return;
      return pay(s, recipient, formatAmount(ad.price, c.decimals).replace(/,/g, ""), ad.title, ad.id);
    });
  if (editing) return <AdForm s={s} ad={view} onSaved={() => (setEditing(false), onChanged())} onCancel={() => setEditing(false)} />;
  return (
    <li class="ad" data-ad={ad.id}>
      <div class="ad-head">
        <span class={ad.type === "AD_TYPE_WANT" ? "tag want" : "tag give"}>{ad.type === "AD_TYPE_WANT" ? t("market_want") : t("market_give")}</span>
        <strong>{ad.title}</strong>
        {price && <span class="price">{price}</span>}
      </div>
      {ad.description && <p>{ad.description}</p>}
      <p class="muted small">
        {t("ad_by", { who: nameOf(s, ad.owner) })}
        {ad.category && ` · ${ad.category}`}
        {ad.location && ` · ${ad.location}`}
      </p>
      <div class="row">
        {!own && (
          <button class="small secondary" disabled={action.busy} onClick={() => void contact()}>
            {t("ad_contact")}
          </button>
        )}
        {view.payable && price && c && ad.type === "AD_TYPE_GIVE" && (
          <button class="small" disabled={action.busy} onClick={() => void payAd(ad.owner)}>
            {t("ad_pay", { amount: formatAmount(ad.price, c.decimals), code: c.code })}
          </button>
        )}
        {view.payable && price && c && ad.type === "AD_TYPE_WANT" && (
          <>
            <input class="small" placeholder={t("ad_pay_to")} value={payTo} onInput={(e) => setPayTo(e.currentTarget.value)} />
            <button class="small" disabled={action.busy || !payTo} onClick={() => void payAd(payTo)}>
              {t("ad_pay", { amount: formatAmount(ad.price, c.decimals), code: c.code })}
            </button>
          </>
        )}
        {own && (
          <>
            <button class="small secondary" onClick={() => setEditing(true)}>
              {t("ad_edit")}
            </button>
            <button
              class="small secondary"
              disabled={action.busy}
              onClick={async () => {
                if (await action.run(() => send(s.chain, s.signer!, [msg("/kizuna.ads.v1.MsgCloseAd", { owner: me, adId: BigInt(ad.id), communityId: community })], { community: ad.community_id })))
                  onChanged();
              }}
            >
              {t("ad_close")}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

function AdForm({ s, ad, onSaved, onCancel }: { s: Session; ad?: AdView; onSaved: () => void; onCancel?: () => void }) {
  const c = s.currency;
  const [type, setType] = useState(ad?.ad.type ?? "AD_TYPE_GIVE");
  const [title, setTitle] = useState(ad?.ad.title ?? "");
  const [description, setDescription] = useState(ad?.ad.description ?? "");
  const [price, setPrice] = useState(ad && c && ad.ad.price ? formatAmount(ad.ad.price, c.decimals).replace(/,/g, "") : "");
  const [category, setCategory] = useState(ad?.ad.category ?? "");
  const [where, setWhere] = useState(ad?.ad.location ?? "");
  const action = useAction();
  const me = s.signer!.address;
  const submit = () =>
    action.run(async () => {
      const base = price.trim() && c ? parseAmount(price, c.decimals, c.code, true).toString() : "0";
      const community = BigInt(s.communityId!);
      const m = ad
        ? msg("/kizuna.ads.v1.MsgUpdateAd", {
            owner: me,
            adId: BigInt(ad.ad.id),
            title,
            description,
            price: base,
            location: where,
            category,
            communityId: community,
            // An emptied field is cleared; left empty, it would keep its value.
            clearFields: (
              [
                ["description", description],
                ["location", where],
                ["category", category],
              ] as const
            )
              .filter(([, v]) => !v.trim())
              .map(([f]) => f),
          })
        : msg("/kizuna.ads.v1.MsgCreateAd", {
            owner: me,
            communityId: community,
            type: type === "AD_TYPE_WANT" ? 1 : 2,
            title,
            description,
            price: base,
            location: where,
            category,
          });
      const sent = await send(s.chain, s.signer!, [m], { community: s.communityId });
      if (!ad) {
        setTitle("");
        setDescription("");
        setPrice("");
      }
      onSaved();
      return sent;
    });
  const form = (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {!ad && (
        <Field label={t("ad_type")}>
          <select name="ad-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
            <option value="AD_TYPE_GIVE">{t("market_give")}</option>
            <option value="AD_TYPE_WANT">{t("market_want")}</option>
          </select>
        </Field>
      )}
      <Field label={t("ad_title")}>
        <input name="ad-title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </Field>
      <Field label={t("ad_description")}>
        <textarea name="ad-description" rows={3} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </Field>
      {c && (
        <Field label={t("ad_price", { code: c.code })}>
          <input name="ad-price" inputMode="decimal" value={price} onInput={(e) => setPrice(e.currentTarget.value)} />
        </Field>
      )}
      <Field label={t("ad_category")}>
        <input name="ad-category" value={category} onInput={(e) => setCategory(e.currentTarget.value)} />
      </Field>
      <Field label={t("ad_location")}>
        <input name="ad-location" value={where} onInput={(e) => setWhere(e.currentTarget.value)} />
      </Field>
      <div class="row">
        <button type="submit" name="publish" disabled={action.busy}>
          {ad ? t("save") : t("ad_publish")}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {t("cancel")}
          </button>
        )}
      </div>
      <Outcome action={action} />
    </form>
  );
  if (ad) return <li class="ad editing">{form}</li>;
  return (
    <Card title={t("market_publish")} id="publish">
      {form}
    </Card>
  );
}
