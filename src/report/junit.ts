// JUnit XML for CI test reports (GitLab `artifacts:reports:junit`, Jenkins `junit`): one testsuite for
// the plan, one testcase per target, classname = the target's family. fail -> <failure>, no-data ->
// <skipped>. A warn is a passing testcase whose <system-out> says warn and why: JUnit has no "passed
// with a warning", and a warn does not fail the run by default. (Jenkins shows that output; GitLab shows
// output only for failed and skipped cases.) Informational targets never fail: their result is in
// <system-out>.
import { t, type Lang } from "../i18n.js";
import type { Formatter } from "./format.js";
import { buildView, type ResultRow } from "./view.js";

/** Characters XML 1.0 does not allow: C0 controls but tab, CR, LF; lone surrogates; U+FFFE, U+FFFF. */
const ILLEGAL_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // In an attribute a parser turns tab, CR and LF into spaces unless they are character references.
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Text for an attribute value: the five XML specials and whitespace escaped, illegal characters dropped. */
export function xmlAttr(text: string): string {
  return text.replace(ILLEGAL_XML, "").replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c] ?? c);
}

/** Text for element content: `&`, `<`, `>` escaped (`>` for `]]>`), illegal characters dropped. */
export function xmlText(text: string): string {
  return text.replace(ILLEGAL_XML, "").replace(/[&<>]/g, (c) => ENTITIES[c] ?? c);
}

function element(name: string, attrs: Record<string, string | number>, body?: string): string {
  const attributes = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join("");
  return body === undefined ? `<${name}${attributes}/>` : `<${name}${attributes}>${body}</${name}>`;
}

/** What a testcase's <system-out> says: why it passes (warn, informational), the result, the rows. */
function output(r: ResultRow, lang: Lang, footnote: string | undefined): string[] {
  const lines: string[] = [];
  if (r.informational) lines.push(t(lang, "junit.informational", { status: r.statusText }));
  else if (r.status === "warn") lines.push(t(lang, "junit.warn", { tolerance: r.tolerance }));
  lines.push(r.resultLine, r.clauseLine);
  if (r.reason) lines.push(r.reason);
  if (r.basis === "indicative" && footnote) lines.push(footnote);
  lines.push(...r.subRows.map((s) => `  ${s.line}`));
  return lines;
}

function testcase(r: ResultRow, lang: Lang, footnote: string | undefined): string {
  const text = xmlText(output(r, lang, footnote).join("\n"));
  let child: string;
  if (r.failure) {
    // GitLab shows the failure's text followed by any <system-out>: the text alone says it all.
    const message = t(lang, "detail.failure", { result: r.resultLine, clause: r.clauseLine });
    child = element("failure", { message, type: "fail" }, text);
  } else if (r.status === "no-data") {
    // Jenkins reads the message attribute, GitLab the element's text: both carry the reason.
    const reason = r.reason ?? r.statusWord;
    child = `${element("skipped", { message: reason }, xmlText(reason))}\n      ${element("system-out", {}, text)}`;
  } else {
    child = element("system-out", {}, text);
  }
  const attrs = { classname: r.family, name: `${r.id} ${r.title}`, time: 0 };
  return `    ${element("testcase", attrs, `\n      ${child}\n    `)}`;
}

export const formatJunit: Formatter = (report, { lang }) => {
  const view = buildView(report, lang);
  const tests = view.rows.length;
  const failures = view.rows.filter((r) => r.failure).length;
  const skipped = view.rows.filter((r) => r.status === "no-data").length;
  const counts = { tests, failures, errors: 0, skipped, time: 0 };
  const suite = element(
    "testsuite",
    { name: view.plan.title, ...counts },
    [
      "",
      "    <properties>",
      // Machine keys, as in the JSON report: the same in every language.
      ...view.properties.map(([name, value]) => `      ${element("property", { name, value })}`),
      "    </properties>",
      ...view.rows.map((r) => testcase(r, lang, view.notes.footnote)),
      "  ",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    element("testsuites", { name: "hy-check", ...counts }, `\n  ${suite}\n`),
    "",
  ].join("\n");
};
