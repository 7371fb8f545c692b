// The JSON contract's words. The engine's results are data: reason codes with their parameters, and a group
// result's place as numbers. The report programs read (schemaVersion 1) also carries each reason in English
// words, whatever --lang is, and a group result's title with its name and rank in the run's language: both
// are added here, once, so the engine needs no message table. Keys keep the places they have always had.
import type { Basis } from "../engine/basis.js";
import type { AreaValue, CheckReport, ReasonParams, TargetResult } from "../engine/result.js";
import { reasonText, t, type Lang } from "../i18n.js";

const english = (code: string, params: ReasonParams | undefined) => reasonText("en", code, params ?? {});

/** `reason` placed right after `reasonCode` (a result's detail, a basis). */
function reasonAfterCode<T extends { reasonCode?: string; reasonParams?: ReasonParams }>(value: T): T {
  if (value.reasonCode === undefined) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = v;
    if (key === "reasonCode") out.reason = english(value.reasonCode, value.reasonParams);
  }
  return out as T;
}

/** An area's entry: its words come before the code, as they did before codes were added. */
function areaWords(area: AreaValue): AreaValue {
  if (area.reasonCode === undefined) return area;
  const { reasonCode, reasonParams, ...rest } = area;
  return {
    ...rest,
    reason: english(reasonCode, reasonParams),
    reasonCode,
    ...(reasonParams ? { reasonParams } : {}),
  };
}

function basisWords({ kind, rule, reasonCode, reasonParams, bounds }: Basis): Basis {
  return {
    kind,
    ...(rule ? { rule } : {}),
    reasonCode,
    reason: english(reasonCode, reasonParams),
    reasonParams,
    ...(bounds ? { bounds } : {}),
  };
}

/** 衡阳市 (rank 3 of 14): a group result's title, with its place when it is ranked. */
function groupTitle(result: TargetResult, lang: Lang): string {
  const group = result.group;
  if (!group) return result.title;
  const { name, rank, tied, of } = group;
  const where = rank === null ? "" : ` (${t(lang, tied ? "group.tied" : "group.rank", { rank, of })})`;
  return t(lang, "group.title", { title: result.title, name }) + where;
}

function resultWords(result: TargetResult, lang: Lang): TargetResult {
  const detail = reasonAfterCode(result.detail);
  return {
    ...result,
    title: groupTitle(result, lang),
    ...(result.basis ? { basis: basisWords(result.basis) } : {}),
    detail: detail.areas ? { ...detail, areas: detail.areas.map(areaWords) } : detail,
  };
}

/** The engine's report with the contract's words: English reasons, group titles in `lang`. */
export function withContractWords(report: CheckReport, lang: Lang): CheckReport {
  return { ...report, results: report.results.map((r) => resultWords(r, lang)) };
}
