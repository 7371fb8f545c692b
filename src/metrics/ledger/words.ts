// The data a ledger metric needs, in words.
import type { Lang } from "../../i18n.js";
import { inLang } from "../metric.js";

export function ledgerDataNeeded(indicator: string, years: readonly number[], lang: Lang): string {
  return inLang(
    lang,
    `台账：${indicator} ${years.join("、")}年`,
    `ledger: ${indicator} for ${years.join(", ")}`,
  );
}
