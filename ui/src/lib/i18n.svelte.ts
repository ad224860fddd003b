// The app's language and its messages. The core hands over the catalog of the language
// the user chose (or the operating system's): the same Fluent files the server writes its
// e-mails from, Cyrillic already transliterated. The UI only formats: `t("id")` in a
// template follows a switch of language at once, without a restart.

import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
// The generated commands, not the `backend` adapter: the adapter's hints speak through
// this module, so importing it here would make a cycle.
import { commands } from "./backend/commands";
import type { Lang, LanguageChoice, LanguageView } from "./backend";
// The English app catalog and error messages, built in: what the start-up screen says
// before the core answers.
import englishApp from "../../../locales/en/app.ftl?raw";
import englishErrors from "../../../locales/en/errors.ftl?raw";

const english = `${englishApp}\n${englishErrors}`;

/** The Intl locale of each language, for numbers and dates (`1.234,56 RSD` in Serbian). */
const INTL: Record<Lang, string> = { en: "en", "sr-Latn": "sr-Latn-RS", "sr-Cyrl": "sr-Cyrl-RS" };

export type Args = Record<string, FluentVariable>;

class Messages {
  lang: Lang = $state("en");
  /** Chosen in Settings, rather than the operating system's. */
  chosen = $state(false);
  choices: LanguageChoice[] = $state.raw([]);
  #bundle: FluentBundle = $state.raw(bundleOf("en", english));

  apply(view: LanguageView): void {
    this.#bundle = bundleOf(view.lang, view.catalog);
    this.lang = view.lang;
    this.chosen = view.chosen;
    this.choices = view.choices;
    if (typeof document !== "undefined") document.documentElement.lang = INTL[view.lang];
  }

  async load(): Promise<void> {
    this.apply(await commands.language());
  }

  async choose(lang: Lang): Promise<void> {
    this.apply(await commands.setLanguage({ lang }));
  }

  /** The message `id` (or its attribute, `id.attr`) with `args`; the id itself if missing. */
  t(id: string, args?: Args): string {
    const bundle = this.#bundle;
    const [name = id, attribute] = id.split(".", 2);
    const message = bundle.getMessage(name);
    const pattern = attribute === undefined ? message?.value : message?.attributes[attribute];
    return pattern ? bundle.formatPattern(pattern, args) : id;
  }

  /** Whether the catalog has the message `id` (or its attribute, `id.attr`). */
  has(id: string): boolean {
    const [name = id, attribute] = id.split(".", 2);
    const message = this.#bundle.getMessage(name);
    return (attribute === undefined ? message?.value : message?.attributes[attribute]) != null;
  }

  /** The Intl locale of the language. */
  get locale(): string {
    return INTL[this.lang];
  }
}

function bundleOf(lang: Lang, catalog: string): FluentBundle {
  const bundle = new FluentBundle(INTL[lang], { useIsolating: false });
  // The Cyrillic overrides follow the transliterated messages of the same name.
  bundle.addResource(new FluentResource(catalog), { allowOverrides: true });
  return bundle;
}

export const i18n = new Messages();

/**
 * A package feature as the operator wrote it (English), in the app's language when the
 * catalog has it as `feature-<its words>`, e.g. `feature-unlimited-dealers`.
 */
export function feature(text: string): string {
  const id = `feature-${text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
  return i18n.has(id) ? i18n.t(id) : text;
}

/** `i18n.t`: the message `id` in the app's language. */
export const t = (id: string, args?: Args): string => i18n.t(id, args);
