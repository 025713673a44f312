// Small pieces the pages share: a running transaction's state and its
// message, fields, amounts.

import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";

import { AmountError } from "./amount";
import { errorText, t } from "./i18n";
import { NodeError } from "./rest";
import { getSession } from "./session";
import { TxError, TxPendingError, type Sent } from "./tx";

export interface Action {
  busy: boolean;
  error: string;
  notice: string;
  run: (fn: () => Promise<Sent | string | void>) => Promise<boolean>;
  clear: () => void;
}

/** Runs one transaction (or other async step) at a time and keeps its outcome for display. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  return {
    busy,
    error,
    notice,
    clear: () => {
      setError("");
      setNotice("");
    },
    run: async (fn) => {
      setBusy(true);
      setError("");
      setNotice("");
      try {
        const out = await fn();
        if (typeof out === "string") setNotice(out);
        else if (out && "sponsored" in out) setNotice(`${t("done")} ${out.sponsored ? t("sponsored") : t("self_paid")}`);
        return true;
      } catch (err) {
        setError(describe(err));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

/** A member-facing sentence for any failure. */
export function describe(err: unknown): string {
  if (err instanceof TxError) return errorText(err.codespace, err.code, err.log);
  if (err instanceof TxPendingError) return t("tx_pending", { hash: err.hash });
  if (err instanceof NodeError && err.codespace) return errorText(err.codespace, err.code, err.message);
  if (err instanceof AmountError) {
    const c = getSession().currency;
    const params = { code: c?.code ?? "", decimals: c?.decimals ?? 0 };
    return t(`amount_${err.reason}`, params);
  }
  if (err instanceof Error) return err.message;
  return String(err);
}

export function Outcome({ action }: { action: Action }) {
  if (action.busy) return <p class="working">{t("working")}</p>;
  if (action.error)
    return (
      <p class="error" role="alert">
        {action.error}
      </p>
    );
  if (action.notice)
    return (
      <p class="notice" role="status">
        {action.notice}
      </p>
    );
  return null;
}

export function Field({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <label class="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

export function Card({ title, children, id }: { title?: string; children: ComponentChildren; id?: string }) {
  return (
    <section class="card" id={id}>
      {title && <h2>{title}</h2>}
      {children}
    </section>
  );
}
