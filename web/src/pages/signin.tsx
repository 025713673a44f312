import { useState } from "preact/hooks";

import { t } from "../i18n";
import {
  browserKeyAddress,
  connectKeplr,
  forgetBrowserKey,
  hasBrowserKey,
  hasKeplr,
  newMnemonic,
  saveBrowserKey,
  unlockBrowserKey,
  type Signer,
} from "../keys";
import { getSession } from "../session";
import { Card, Field, useAction } from "../ui";

type Mode = "unlock" | "choose" | "create" | "import";

export function SignIn({ onSignedIn }: { onSignedIn: (s: Signer) => void }) {
  const [mode, setMode] = useState<Mode>(hasBrowserKey() ? "unlock" : "choose");
  const [mnemonic, setMnemonic] = useState("");
  const [written, setWritten] = useState(false);
  const [pass, setPass] = useState("");
  const [pass2, setPass2] = useState("");
  const action = useAction();
  const chain = getSession().chain;

  const unlock = () =>
    action.run(async () => {
      try {
        onSignedIn(await unlockBrowserKey(chain, pass));
      } catch {
        throw new Error(t("signin_wrong_passphrase"));
      }
    });

  const save = () =>
    action.run(async () => {
      if (pass.length < 8) throw new Error(t("signin_short"));
      if (pass !== pass2) throw new Error(t("signin_mismatch"));
      // Never drop another account's key without asking.
      if (hasBrowserKey() && !confirm(t("signin_replace_confirm", { address: browserKeyAddress() }))) return;
      let signer: Signer;
      try {
        signer = await saveBrowserKey(chain, mnemonic, pass);
      } catch {
        throw new Error(t("signin_bad_mnemonic"));
      }
      onSignedIn(signer);
    });

  const keplr = () =>
    action.run(async () => {
      if (!hasKeplr()) throw new Error(t("signin_no_keplr"));
      onSignedIn(await connectKeplr(chain));
    });

  const passphrases = (
    <>
      <Field label={t("signin_passphrase")}>
        <input type="password" name="passphrase" autocomplete="new-password" value={pass} onInput={(e) => setPass(e.currentTarget.value)} />
      </Field>
      <Field label={t("signin_passphrase_again")}>
        <input type="password" name="passphrase2" autocomplete="new-password" value={pass2} onInput={(e) => setPass2(e.currentTarget.value)} />
      </Field>
    </>
  );

  return (
    <Card title={t("signin_title")} id="signin">
      <p>{t("signin_intro")}</p>
      {mode === "unlock" && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void unlock();
          }}
        >
          <p class="muted">{t("signin_stored_as", { address: browserKeyAddress() })}</p>
          <Field label={t("signin_passphrase")}>
            <input type="password" name="passphrase" autocomplete="current-password" value={pass} onInput={(e) => setPass(e.currentTarget.value)} />
          </Field>
          <button type="submit" name="unlock" disabled={action.busy}>
            {t("signin_unlock")}
          </button>
          <button type="button" class="link" onClick={() => setMode("choose")}>
            {t("signin_other")}
          </button>
        </form>
      )}
      {mode === "choose" && (
        <div class="stack">
          <button
            name="create"
            onClick={async () => {
              setMnemonic(await newMnemonic());
              setMode("create");
            }}
          >
            {t("signin_create")}
          </button>
          <button name="import" class="secondary" onClick={() => setMode("import")}>
            {t("signin_import")}
          </button>
          <button name="keplr" class="secondary" onClick={() => void keplr()}>
            {t("signin_keplr")}
          </button>
          {hasBrowserKey() && (
            <button
              class="link danger"
              onClick={() => {
                if (confirm(t("signin_forget_confirm"))) {
                  forgetBrowserKey();
                  setMode("choose");
                }
              }}
            >
              {t("signin_forget")}
            </button>
          )}
        </div>
      )}
      {mode === "create" && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <p>{t("signin_write_down")}</p>
          <ol class="mnemonic" id="mnemonic">
            {mnemonic.split(" ").map((w) => (
              <li>{w}</li>
            ))}
          </ol>
          <label class="check">
            <input type="checkbox" name="written" checked={written} onChange={(e) => setWritten(e.currentTarget.checked)} />
            {t("signin_written")}
          </label>
          {passphrases}
          <button type="submit" name="save" disabled={!written || action.busy}>
            {t("signin_save")}
          </button>
          <button type="button" class="link" onClick={() => setMode("choose")}>
            {t("cancel")}
          </button>
        </form>
      )}
      {mode === "import" && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label={t("signin_recovery")}>
            <textarea
              name="mnemonic"
              rows={4}
              autocomplete="off"
              autocapitalize="none"
              autocorrect="off"
              spellcheck={false}
              value={mnemonic}
              onInput={(e) => setMnemonic(e.currentTarget.value)}
            />
          </Field>
          {passphrases}
          <button type="submit" name="save" disabled={action.busy}>
            {t("signin_save")}
          </button>
          <button type="button" class="link" onClick={() => setMode("choose")}>
            {t("cancel")}
          </button>
        </form>
      )}
      {action.error && (
        <p class="error" role="alert">
          {action.error}
        </p>
      )}
      {action.busy && <p class="working">{t("loading")}</p>}
    </Card>
  );
}
