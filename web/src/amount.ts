// Amounts in a currency's display units ("12.5 KGA") and its base units
// (the integer the chain stores: 125000 with 4 decimals).

/** Formats base units as display units, without trailing zeros: 125000 (4) → "12.5". */
export function formatAmount(base: string | bigint, decimals: number): string {
  let v = typeof base === "bigint" ? base : BigInt(base || "0");
  const negative = v < 0n;
  if (negative) v = -v;
  const unit = 10n ** BigInt(decimals);
  const whole = (v / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  let frac = decimals > 0 ? (v % unit).toString().padStart(decimals, "0") : "";
  frac = frac.replace(/0+$/, "");
  return (negative ? "−" : "") + whole + (frac ? "." + frac : "");
}

export class AmountError extends Error {
  constructor(readonly reason: "empty" | "format" | "precision" | "zero" | "code") {
    super(reason);
  }
}

/**
 * Parses an amount typed in display units ("12.5", "12.5 KGA", "1,200",
 * full-width digits, or "12,5" with a decimal comma) into base units. A
 * currency code, when given, must be the currency's.
 */
export function parseAmount(text: string, decimals: number, code: string, allowZero = false): bigint {
  let s = text.normalize("NFKC").trim();
  if (s === "") throw new AmountError("empty");
  const m = /^([0-9][0-9.,]*|[.,][0-9]+)\s*([A-Za-z][A-Za-z0-9]*)?$/.exec(s);
  if (!m) throw new AmountError("format");
  if (m[2] && m[2].toUpperCase() !== code.toUpperCase()) throw new AmountError("code");
  s = m[1];
  if (/^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$/.test(s)) s = s.replace(/,/g, ""); // 1,200.5
  else if (/^[0-9]*,[0-9]+$/.test(s)) s = s.replace(",", "."); // 12,5
  if (!/^([0-9]+(\.[0-9]+)?|\.[0-9]+)$/.test(s)) throw new AmountError("format");
  const [whole, rawFrac = ""] = s.split(".");
  const frac = rawFrac.replace(/0+$/, "");
  if (frac.length > decimals) throw new AmountError("precision");
  const v = BigInt((whole || "0") + frac.padEnd(decimals, "0"));
  if (v < 0n || (v === 0n && !allowZero)) throw new AmountError("zero");
  return v;
}

/** The fee in base units a transfer of amount pays at feeBps, rounded up as the ledger does. */
export function transferFee(amount: bigint, feeBps: number): bigint {
  if (feeBps <= 0) return 0n;
  return (amount * BigInt(feeBps) + 9999n) / 10000n;
}
