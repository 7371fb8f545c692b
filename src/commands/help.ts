// The command line in the chosen language: commander's own words (titles, choices and defaults in the help,
// its usage errors) said from the message table. The language is known before commander parses, from
// --lang on the command line or else the locale, so the help is built in it.
import { Help, type Argument, type Command, type CommanderError, type Option } from "commander";
import { keyedProblem, type InputProblem } from "../errors.js";
import { langFromEnv, LANGS, t, type Lang } from "../i18n.js";

/** --lang from argv (`--lang zh` or `--lang=zh`) when it names a language, else the locale's. */
export function argvLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    const lang = LANGS.find((l) => l === value);
    if (lang) return lang;
  }
  return langFromEnv(env);
}

const TITLES: Record<string, "usage" | "arguments" | "options" | "commands" | "globalOptions"> = {
  "Usage:": "usage",
  "Arguments:": "arguments",
  "Options:": "options",
  "Commands:": "commands",
  "Global Options:": "globalOptions",
};

/** A description with its choices and default, in `lang`. */
function describe(
  lang: Lang,
  description: string,
  choices: readonly string[] | undefined,
  defaultValue: string | undefined,
): string {
  const extra = [
    ...(choices ? [t(lang, "help.choices", { choices: choices.join(", ") })] : []),
    ...(defaultValue !== undefined ? [t(lang, "help.default", { value: defaultValue })] : []),
  ];
  if (extra.length === 0) return description;
  const joined = extra.join(lang === "zh" ? "；" : ", ");
  return lang === "zh" ? `${description}（${joined}）` : `${description} (${joined})`;
}

function defaultOf(o: Option | Argument): string | undefined {
  if (o.defaultValue === undefined) return undefined;
  if (typeof o.defaultValue === "boolean") return undefined;
  return o.defaultValueDescription || JSON.stringify(o.defaultValue);
}

/** commander's help in `lang`: titles, usage placeholders, choices and defaults from the message table. */
export function helpSettings(lang: Lang): Partial<Help> {
  return {
    styleTitle: (title: string) => {
      const key = TITLES[title];
      return key ? t(lang, `help.title.${key}`) : title;
    },
    commandUsage: (cmd: Command) => {
      let name = cmd.name();
      for (let parent = cmd.parent; parent; parent = parent.parent) name = `${parent.name()} ${name}`;
      const usage = cmd
        .usage()
        .replace("[options]", t(lang, "help.usage.options"))
        .replace("[command]", t(lang, "help.usage.command"));
      return `${name} ${usage}`;
    },
    subcommandTerm: (cmd: Command) =>
      new Help().subcommandTerm(cmd).replace("[options]", t(lang, "help.usage.options")),
    optionDescription: (option: Option) =>
      describe(
        lang,
        option.description,
        option.argChoices,
        option.required || option.optional ? defaultOf(option) : undefined,
      ),
    argumentDescription: (argument: Argument) =>
      describe(lang, argument.description, argument.argChoices, defaultOf(argument)),
  };
}

/** The names commander quotes in its message, in order: `'--lang <lang>'`, `'fr'`. */
function quotedNames(message: string): string[] {
  return [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

type UsageKey =
  | "usage.unknownOption"
  | "usage.unknownCommand"
  | "usage.missingArgument"
  | "usage.optionMissingArgument"
  | "usage.invalidChoice"
  | "usage.excessArguments"
  | "usage.other";

/** A commander usage error as a problem in `lang` (HY-USAGE); `command` is the subcommand that was run. */
export function usageProblem(e: CommanderError, lang: Lang, command: string): InputProblem {
  const first = e.message.split("\n")[0] ?? "";
  const names = quotedNames(first);
  // `'-f, --format <format>'`: the long flag names the option.
  const flags = (names[0] ?? "").split(/[ ,]+/);
  const option = flags.find((f) => f.startsWith("--")) ?? flags[0] ?? "";
  const choices = /Allowed choices are (.+)\./.exec(first)?.[1];
  const [key, params]: [UsageKey, Record<string, string>] =
    e.code === "commander.unknownOption"
      ? ["usage.unknownOption", { option }]
      : e.code === "commander.unknownCommand"
        ? ["usage.unknownCommand", { command: option }]
        : e.code === "commander.missingArgument"
          ? ["usage.missingArgument", { argument: `<${names[0] ?? ""}>`, command }]
          : e.code === "commander.optionMissingArgument" || e.code === "commander.missingMandatoryOptionValue"
            ? ["usage.optionMissingArgument", { option }]
            : e.code === "commander.invalidArgument" && choices
              ? ["usage.invalidChoice", { option, value: names[1] ?? "", choices }]
              : e.code === "commander.excessArguments"
                ? ["usage.excessArguments", { command }]
                : ["usage.other", {}];
  const where = { file: "hy-check", code: "HY-USAGE" };
  // commander's suggestion for a mistyped option or command, said in the same language.
  const suggestion = /Did you mean (.+?)\?/.exec(e.message)?.[1];
  if (!suggestion) return keyedProblem(where, key, params);
  return {
    ...where,
    message: t("en", "usage.didYouMean", { message: t("en", key, params), suggestion }),
    key: "usage.didYouMean",
    params: { message: t(lang, key, params), suggestion },
  };
}
