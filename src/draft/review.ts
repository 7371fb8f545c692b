// The review table a bureau reads before using a draft: each drafted target with the sentence it quotes,
// then every sentence holding a figure that gave no target, with the reason.
import { t, type Lang } from "../i18n.js";
import { ruleText } from "../targets/describe.js";
import type { Draft, ReviewRow } from "./draft.js";
import { noteText } from "./write.js";

export function reviewText(draft: Draft, file: string, lang: Lang): string {
  const drafted = draft.review.filter(
    (r): r is Extract<ReviewRow, { kind: "target" }> => r.kind === "target",
  );
  const skipped = draft.review.filter(
    (r): r is Extract<ReviewRow, { kind: "skipped" }> => r.kind === "skipped",
  );
  const manual = draft.parsed.targets.filter((x) => x.metric.name === "manual").length;
  const lines = [
    t(lang, "draft.review.header", { file, targets: drafted.length, manual, skipped: skipped.length }),
    "",
    `${t(lang, "draft.review.targets")}:`,
    [
      t(lang, "draft.col.clause"),
      t(lang, "draft.col.target"),
      t(lang, "draft.col.rule"),
      t(lang, "draft.col.text"),
    ].join("\t"),
  ];
  for (const row of drafted) {
    const target = draft.parsed.targets.find((x) => x.id === row.id);
    const rule = target ? ruleText(target, lang) : "";
    const notes = row.notes.map((n) => noteText(n, lang)).join("; ");
    lines.push([row.label || "-", row.id, rule, row.text].join("\t") + (notes ? `\t(${notes})` : ""));
  }
  if (skipped.length > 0) {
    lines.push(
      "",
      `${t(lang, "draft.review.skipped")}:`,
      [t(lang, "draft.col.clause"), t(lang, "draft.col.reason"), t(lang, "draft.col.text")].join("\t"),
    );
    for (const row of skipped)
      lines.push(
        [
          row.label || "-",
          t(lang, `draft.reason.${row.reason.code}`, row.reason.params ?? {}),
          row.text,
        ].join("\t"),
      );
  }
  return `${lines.join("\n")}\n`;
}
