// Copying a value shown on screen (a payment reference, a stream URL). The webview may not
// offer the clipboard, or may refuse it: then the element showing the value is selected and
// the user is told to press Ctrl+C, so copying never fails silently. `copied` stays true
// for a moment after a copy, for the button's tick.

import { t } from "../i18n.svelte";
import { toast } from "./toast.svelte";

const COPIED_FOR_MS = 1800;

export class Copier {
  copied = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `what`: the value in the messages ("the stream URL"); `done`: the toast after a copy,
   * when the button's tick is not enough.
   */
  constructor(
    private readonly what: string,
    private readonly done?: (text: string) => string,
  ) {}

  async copy(text: string, shown: HTMLElement | undefined): Promise<void> {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      this.copied = true;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => (this.copied = false), COPIED_FOR_MS);
      if (this.done) toast("success", this.done(text));
    } catch {
      const selection = window.getSelection();
      if (shown && selection) {
        const range = document.createRange();
        range.selectNodeContents(shown);
        selection.removeAllRanges();
        selection.addRange(range);
        toast("info", t("copy-selected", { what: capitalized(this.what) }), t("copy-press"));
      } else {
        toast("info", t("copy-unavailable"), t("copy-select-yourself", { what: this.what }));
      }
    }
  }

  /** For the component's teardown. */
  dispose(): void {
    clearTimeout(this.#timer);
  }
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
