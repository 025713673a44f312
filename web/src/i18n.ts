// English and Japanese. Every string the pages show is here; errors the
// chain can return are in i18n/errors.json (checked against the registered
// errors by web/errors_test.go).

import { useEffect, useState } from "preact/hooks";

import errors from "./i18n/errors.json";

export type Lang = "en" | "ja";

const en = {
  appName: "Kizuna",
  loading: "Loading…",
  live: "Live",
  offline: "Reconnecting…",
  signOut: "Sign out",
  language: "日本語",
  nav_wallet: "Wallet",
  nav_market: "Market",
  nav_messages: "Messages",
  nav_community: "Community",
  // Sign-in
  signin_title: "Sign in",
  signin_intro: "Kizuna keeps your key in this browser, locked with a passphrase, or signs with Keplr.",
  signin_unlock: "Unlock",
  signin_passphrase: "Passphrase",
  signin_passphrase_again: "Passphrase again",
  signin_wrong_passphrase: "That passphrase does not unlock the key in this browser.",
  signin_create: "Create a new key",
  signin_import: "Use my recovery phrase",
  signin_keplr: "Sign in with Keplr",
  signin_no_keplr: "Keplr is not installed in this browser.",
  signin_other: "Use another key",
  signin_recovery: "Recovery phrase (24 words)",
  signin_write_down: "Write these words down and keep them safe: they are the only way to recover your account.",
  signin_written: "I have written them down",
  signin_mismatch: "The two passphrases differ.",
  signin_short: "Choose a passphrase of at least 8 characters.",
  signin_bad_mnemonic: "That recovery phrase is not valid.",
  signin_save: "Save and sign in",
  signin_forget: "Remove the key from this browser",
  signin_forget_confirm: "Remove the key? Without its recovery phrase the account is lost.",
  signin_stored_as: "Key in this browser: {address}",
  // Common
  community: "Community",
  no_community: "You are not a member of any community yet.",
  choose_community: "Find a community on the Community page.",
  your_address: "Your address",
  copy: "Copy",
  copied: "Copied",
  cancel: "Cancel",
  save: "Save",
  send: "Send",
  working: "Signing and sending…",
  done: "Done.",
  sponsored: "Network fee paid by the community.",
  self_paid: "Network fee paid from your KIZ.",
  fee_kiz: "KIZ for network fees: {amount}",
  // Wallet
  balance: "Balance",
  available: "Available",
  pending_decay: "Decay since last update: {amount}",
  credit_limit: "Credit limit: {amount}",
  debt: "Owed: {amount}",
  no_currency: "This community has no currency yet.",
  pay_title: "Pay",
  pay_to: "To (@username or address)",
  pay_amount: "Amount ({code})",
  pay_memo: "What for",
  pay_fee: "Community fee {percent}%: {fee} {code} — total {total} {code}",
  pay_button: "Pay {amount} {code}",
  pay_done: "Paid {amount} {code} to {to}.",
  pay_unknown_member: "No active member of this community is called {name}.",
  pay_self: "You cannot pay yourself.",
  amount_empty: "Enter an amount.",
  amount_format: "Write the amount as a number, like 12.5.",
  amount_precision: "{code} has {decimals} decimal places at most.",
  amount_zero: "The amount must be more than zero.",
  amount_code: "This community's currency is {code}.",
  receive_title: "Receive",
  receive_intro: "Show this code or share the link: it opens a payment to you.",
  receive_amount: "Amount (optional)",
  requests_title: "Payment requests",
  request_from: "Ask (@username)",
  request_button: "Request {amount} {code}",
  request_done: "Request sent.",
  request_incoming: "{who} asks you for {amount} {code}",
  request_outgoing: "You asked {who} for {amount} {code}",
  accept: "Pay",
  reject: "Decline",
  history_title: "History",
  history_all: "All",
  history_empty: "Nothing yet.",
  history_more: "More",
  entry_CREATION: "Created",
  entry_SEND: "Paid",
  entry_RECEIVE: "Received",
  entry_FEE: "Fee",
  entry_DECAY: "Decay",
  entry_BRIDGE: "Ethereum bridge",
  // Market
  market_all: "All",
  market_want: "Wanted",
  market_give: "Offered",
  market_search: "Search ads",
  market_mine: "Mine only",
  market_empty: "No ads match.",
  market_publish: "Publish an ad",
  ad_type: "Type",
  ad_title: "Title",
  ad_description: "Description",
  ad_price: "Price ({code})",
  ad_category: "Category",
  ad_location: "Where",
  ad_publish: "Publish",
  ad_edit: "Edit",
  ad_close: "Close",
  ad_closed: "Closed",
  ad_contact: "Contact",
  ad_pay: "Pay {amount} {code}",
  ad_pay_to: "Pay whom (@username)",
  ad_by: "by {who}",
  // Messages
  threads_empty: "No conversations yet.",
  thread_ad: "About: {title}",
  thread_direct: "With {who}",
  thread_unread: "{n} new",
  message_placeholder: "Write a message",
  message_sealed_note: "Messages are encrypted: only the members of the conversation can read them.",
  message_not_for_key: "[this message was not encrypted for your key]",
  message_plaintext: "(not encrypted)",
  message_corrupt: "[this message cannot be read]",
  message_missing_keys: "{who} has not set up encrypted messages yet, so you cannot write here until they sign in once.",
  message_too_long: "The message is too long.",
  message_to: "Message",
  key_setup: "Setting up encrypted messages…",
  back: "Back",
  // Community
  join_title: "Join {name}",
  join_username: "Username",
  join_first: "First name",
  join_last: "Last name",
  join_button: "Ask to join",
  join_pending: "Your request to join is waiting for an admin.",
  join_needs_kiz: "Joining costs a small network fee in KIZ. Ask a member to send KIZ to your address.",
  profile_title: "Your profile",
  profile_description: "About you",
  profile_location: "Where",
  members_title: "Members",
  members_search: "Search by name",
  pending_title: "Waiting for approval",
  pending_empty: "Nobody is waiting.",
  approve: "Approve",
  role: "Role",
  role_ROLE_ADMIN: "Admin",
  role_ROLE_MODERATOR: "Moderator",
  role_ROLE_TELLER: "Teller",
  role_ROLE_MEMBER: "Member",
  status_MEMBER_STATUS_PENDING: "Waiting",
  status_MEMBER_STATUS_ACTIVE: "Member",
  contributions_title: "Contributions to confirm",
  contributions_empty: "No contributions are waiting.",
  contribution_line: "{who}: {amount} {code} — {memo}",
  confirm: "Confirm",
  deny: "Deny",
  contribute_title: "Report a contribution",
  contribute_button: "Submit",
  other_communities: "Other communities",
};

export type Key = keyof typeof en;

const ja: Record<Key, string> = {
  appName: "Kizuna",
  loading: "読み込み中…",
  live: "接続中",
  offline: "再接続しています…",
  signOut: "ログアウト",
  language: "English",
  nav_wallet: "ウォレット",
  nav_market: "マーケット",
  nav_messages: "メッセージ",
  nav_community: "コミュニティ",
  signin_title: "ログイン",
  signin_intro: "鍵はこのブラウザにパスフレーズで保護して保存されます。Keplr で署名することもできます。",
  signin_unlock: "ロック解除",
  signin_passphrase: "パスフレーズ",
  signin_passphrase_again: "パスフレーズ（確認）",
  signin_wrong_passphrase: "このパスフレーズではブラウザの鍵を開けません。",
  signin_create: "新しい鍵を作る",
  signin_import: "リカバリーフレーズを使う",
  signin_keplr: "Keplr でログイン",
  signin_no_keplr: "このブラウザには Keplr が入っていません。",
  signin_other: "別の鍵を使う",
  signin_recovery: "リカバリーフレーズ（24語）",
  signin_write_down: "これらの単語を書き留めて大切に保管してください。アカウントを復元する唯一の方法です。",
  signin_written: "書き留めました",
  signin_mismatch: "2つのパスフレーズが一致しません。",
  signin_short: "8文字以上のパスフレーズを選んでください。",
  signin_bad_mnemonic: "リカバリーフレーズが正しくありません。",
  signin_save: "保存してログイン",
  signin_forget: "このブラウザから鍵を削除",
  signin_forget_confirm: "鍵を削除しますか？リカバリーフレーズがなければアカウントは失われます。",
  signin_stored_as: "このブラウザの鍵: {address}",
  community: "コミュニティ",
  no_community: "まだどのコミュニティにも参加していません。",
  choose_community: "コミュニティのページで探してください。",
  your_address: "あなたのアドレス",
  copy: "コピー",
  copied: "コピーしました",
  cancel: "キャンセル",
  save: "保存",
  send: "送信",
  working: "署名して送信しています…",
  done: "完了しました。",
  sponsored: "手数料はコミュニティが負担しました。",
  self_paid: "手数料はあなたの KIZ から支払われました。",
  fee_kiz: "手数料用の KIZ: {amount}",
  balance: "残高",
  available: "使える額",
  pending_decay: "前回からの減価: {amount}",
  credit_limit: "信用枠: {amount}",
  debt: "借り: {amount}",
  no_currency: "このコミュニティにはまだ通貨がありません。",
  pay_title: "支払う",
  pay_to: "送り先（@ユーザー名 またはアドレス）",
  pay_amount: "金額（{code}）",
  pay_memo: "内容",
  pay_fee: "コミュニティ手数料 {percent}%: {fee} {code} — 合計 {total} {code}",
  pay_button: "{amount} {code} を支払う",
  pay_done: "{to} に {amount} {code} を支払いました。",
  pay_unknown_member: "このコミュニティに {name} という有効なメンバーはいません。",
  pay_self: "自分には支払えません。",
  amount_empty: "金額を入力してください。",
  amount_format: "金額は 12.5 のように数字で入力してください。",
  amount_precision: "{code} の小数点以下は {decimals} 桁までです。",
  amount_zero: "金額は 0 より大きくしてください。",
  amount_code: "このコミュニティの通貨は {code} です。",
  receive_title: "受け取る",
  receive_intro: "このコードを見せるか、リンクを共有してください。あなたへの支払い画面が開きます。",
  receive_amount: "金額（任意）",
  requests_title: "支払いリクエスト",
  request_from: "請求先（@ユーザー名）",
  request_button: "{amount} {code} を請求",
  request_done: "リクエストを送りました。",
  request_incoming: "{who} から {amount} {code} の請求",
  request_outgoing: "{who} に {amount} {code} を請求中",
  accept: "支払う",
  reject: "断る",
  history_title: "履歴",
  history_all: "すべて",
  history_empty: "まだ何もありません。",
  history_more: "さらに表示",
  entry_CREATION: "発行",
  entry_SEND: "支払い",
  entry_RECEIVE: "受け取り",
  entry_FEE: "手数料",
  entry_DECAY: "減価",
  entry_BRIDGE: "イーサリアム・ブリッジ",
  market_all: "すべて",
  market_want: "求む",
  market_give: "譲ります",
  market_search: "広告を検索",
  market_mine: "自分の広告のみ",
  market_empty: "該当する広告はありません。",
  market_publish: "広告を出す",
  ad_type: "種類",
  ad_title: "タイトル",
  ad_description: "説明",
  ad_price: "価格（{code}）",
  ad_category: "カテゴリー",
  ad_location: "場所",
  ad_publish: "掲載する",
  ad_edit: "編集",
  ad_close: "終了する",
  ad_closed: "終了",
  ad_contact: "連絡する",
  ad_pay: "{amount} {code} を支払う",
  ad_pay_to: "支払い先（@ユーザー名）",
  ad_by: "{who} さん",
  threads_empty: "まだ会話はありません。",
  thread_ad: "広告: {title}",
  thread_direct: "{who} さんとの会話",
  thread_unread: "新着 {n}",
  message_placeholder: "メッセージを入力",
  message_sealed_note: "メッセージは暗号化され、会話の参加者だけが読めます。",
  message_not_for_key: "［このメッセージはあなたの鍵向けに暗号化されていません］",
  message_plaintext: "（暗号化されていません）",
  message_corrupt: "［このメッセージは読めません］",
  message_missing_keys: "{who} さんはまだ暗号化メッセージの設定をしていないため、一度ログインするまでここには書けません。",
  message_too_long: "メッセージが長すぎます。",
  message_to: "メッセージ",
  key_setup: "暗号化メッセージを設定しています…",
  back: "戻る",
  join_title: "{name} に参加",
  join_username: "ユーザー名",
  join_first: "名",
  join_last: "姓",
  join_button: "参加を申し込む",
  join_pending: "参加申し込みは管理者の承認待ちです。",
  join_needs_kiz: "参加には KIZ の小さな手数料がかかります。メンバーにあなたのアドレスへ KIZ を送ってもらってください。",
  profile_title: "プロフィール",
  profile_description: "自己紹介",
  profile_location: "場所",
  members_title: "メンバー",
  members_search: "名前で検索",
  pending_title: "承認待ち",
  pending_empty: "承認待ちの人はいません。",
  approve: "承認",
  role: "役割",
  role_ROLE_ADMIN: "管理者",
  role_ROLE_MODERATOR: "モデレーター",
  role_ROLE_TELLER: "窓口",
  role_ROLE_MEMBER: "メンバー",
  status_MEMBER_STATUS_PENDING: "承認待ち",
  status_MEMBER_STATUS_ACTIVE: "メンバー",
  contributions_title: "確認待ちの貢献",
  contributions_empty: "確認待ちの貢献はありません。",
  contribution_line: "{who}: {amount} {code} — {memo}",
  confirm: "確認",
  deny: "却下",
  contribute_title: "貢献を報告する",
  contribute_button: "送信",
  other_communities: "ほかのコミュニティ",
};

const dictionaries: Record<Lang, Record<Key, string>> = { en, ja };

const STORE = "kizuna.lang";
let lang: Lang = ((): Lang => {
  const saved = typeof localStorage !== "undefined" ? localStorage.getItem(STORE) : null;
  if (saved === "en" || saved === "ja") return saved;
  return typeof navigator !== "undefined" && navigator.language.startsWith("ja") ? "ja" : "en";
})();
const subscribers = new Set<() => void>();

export function currentLang(): Lang {
  return lang;
}

export function setLang(l: Lang): void {
  lang = l;
  localStorage.setItem(STORE, l);
  document.documentElement.lang = l;
  for (const s of subscribers) s();
}

/** Re-renders the calling component when the language changes. */
export function useLang(): Lang {
  const [, set] = useState(0);
  useEffect(() => {
    const s = () => set((n) => n + 1);
    subscribers.add(s);
    return () => void subscribers.delete(s);
  }, []);
  return lang;
}

function fill(s: string, params?: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? `{${k}}`));
}

/** The text of key in the current language, with {placeholders} filled. */
export function t(key: Key, params?: Record<string, string | number>): string {
  return fill(dictionaries[lang][key] ?? en[key], params);
}

type ErrorTable = Record<string, Record<string, { en: string; ja: string }>> & {
  _fallback: { en: string; ja: string };
};

/** The member-facing text of a registered error (codespace, code), or the fallback with the node's log. */
export function errorText(codespace: string, code: number, log: string): string {
  const table = errors as unknown as ErrorTable;
  const entry = codespace && codespace !== "_fallback" ? table[codespace]?.[String(code)] : undefined;
  if (entry && "en" in entry) return entry[lang];
  return fill(table._fallback[lang], { codespace: codespace || "?", code, log });
}
