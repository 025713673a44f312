import { describe, expect, it } from "vitest";

import { AmountError, formatAmount, parseAmount, transferFee } from "./amount";
import { feeFor } from "./tx";

describe("amounts in display units", () => {
  it("formats base units without trailing zeros, with thousands separators", () => {
    expect(formatAmount("125000", 4)).toBe("12.5");
    expect(formatAmount("2207980", 4)).toBe("220.798");
    expect(formatAmount("12000000000", 4)).toBe("1,200,000");
    expect(formatAmount("0", 4)).toBe("0");
    expect(formatAmount("-5", 2)).toBe("−0.05");
    expect(formatAmount("7", 0)).toBe("7");
  });

  it("parses what members type into base units", () => {
    expect(parseAmount("12.5", 4, "KGA")).toBe(125000n);
    expect(parseAmount("12.5KGA", 4, "KGA")).toBe(125000n);
    expect(parseAmount(" 12.5 kga ", 4, "KGA")).toBe(125000n);
    expect(parseAmount("1,200", 4, "KGA")).toBe(12000000n);
    expect(parseAmount(".5", 4, "KGA")).toBe(5000n);
    expect(parseAmount("0.0001", 4, "KGA")).toBe(1n);
    expect(parseAmount("12,5", 4, "KGA")).toBe(125000n);
    expect(parseAmount("1,20", 4, "KGA")).toBe(12000n);
    expect(parseAmount("１２．５", 4, "KGA")).toBe(125000n);
    expect(parseAmount("12.50", 1, "KGA")).toBe(125n);
    expect(parseAmount("0", 4, "KGA", true)).toBe(0n);
  });

  it("refuses what is not an amount of the currency, saying why", () => {
    const reason = (text: string) => {
      try {
        parseAmount(text, 4, "KGA");
      } catch (err) {
        return (err as AmountError).reason;
      }
      return "parsed";
    };
    expect(reason("")).toBe("empty");
    expect(reason("abc")).toBe("format");
    expect(reason("1.2.3")).toBe("format");
    expect(reason("1.")).toBe("format");
    expect(reason("1,2,3")).toBe("format");
    expect(reason("-1")).toBe("format");
    expect(reason("0.00001")).toBe("precision");
    expect(reason("0")).toBe("zero");
    expect(reason("5 USD")).toBe("code");
  });

  it("rounds the community fee up as the ledger does", () => {
    expect(transferFee(125000n, 100)).toBe(1250n);
    expect(transferFee(1n, 100)).toBe(1n);
    expect(transferFee(125000n, 0)).toBe(0n);
  });

  it("prices gas at the floor, rounded up", () => {
    expect(feeFor("0.001", 200000)).toBe("200");
    expect(feeFor("0.001", 200001)).toBe("201");
    expect(feeFor("1", 7)).toBe("7");
  });
});
