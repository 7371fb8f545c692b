// The draft as YAML, with comments that ask the bureau for what a plan text cannot give: the stations of
// each area, the county-level areas, the ledger figures, and a review of each target.
import { Document, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import { t, type Lang, type MessageKey } from "../i18n.js";
import type { Draft, DraftNote } from "./draft.js";

/** Small maps written on one line, as in the shipped target files. */
const FLOW_KEYS = new Set(["title", "name", "metric", "scope", "baseline", "source"]);

export function draftYaml(draft: Draft, lang: Lang): string {
  // Lists of one metric object per target: no YAML anchors between targets.
  const doc = new Document(draft.file, { aliasDuplicateObjects: false });
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => ` ${t(lang, key, params)}`;
  doc.commentBefore = say("draft.yaml.header", { seed: draft.file.plan.seed ?? "" });
  const root = doc.contents;
  if (!isMap(root)) return doc.toString();
  const comment = (key: string, ...lines: string[]) => {
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key) as
      Pair<Node, Node> | undefined;
    if (pair && isScalar(pair.key)) pair.key.commentBefore = lines.join("\n");
  };
  const counties = draft.parsed.targets.some((x) => x.scope?.areaKind === "county");
  comment("areas", say("draft.yaml.areas"), ...(counties ? [say("draft.yaml.counties")] : []));
  comment("sections", say("draft.yaml.sections"));
  comment("indicators", say("draft.yaml.indicators"));
  comment("targets", say("draft.yaml.targets"));
  const indicators = root.get("indicators", true);
  if (isSeq(indicators)) for (const item of indicators.items) if (isMap(item)) item.flow = true;
  const targets = root.get("targets", true);
  if (isSeq(targets))
    targets.items.forEach((item, i) => {
      if (!isMap(item)) return;
      flowSmallMaps(item);
      const row = draft.review.find((r) => r.kind === "target" && r.id === draft.file.targets[i]?.id);
      const notes = row?.kind === "target" ? row.notes : [];
      if (notes.length > 0) item.commentBefore = notes.map((n) => ` ${noteText(n, lang)}`).join("\n");
    });
  const areas = root.get("areas", true);
  if (isSeq(areas)) for (const area of areas.items) if (isMap(area)) flowSmallMaps(area);
  return doc.toString({ lineWidth: 0 });
}

function flowSmallMaps(map: YAMLMap): void {
  for (const pair of map.items)
    if (isScalar(pair.key) && FLOW_KEYS.has(String(pair.key.value)) && isMap(pair.value))
      pair.value.flow = true;
}

export function noteText(note: DraftNote, lang: Lang): string {
  return t(lang, `draft.note.${note.code}`, note.params ?? {});
}
