// A form window's state besides its values: the fields the user has left (where a
// "required" message may show), whether it was sent, the save in flight, and a refusal
// with the field it names (marked until the user edits it, and focused at once).

import { tick } from "svelte";
import { toBackendError, type BackendError, type Code } from "../backend";

export class FormState<F extends string = string> {
  left: Partial<Record<F, boolean>> = $state({});
  submitted = $state(false);
  busy = $state(false);
  error: BackendError | null = $state(null);
  /** The field the last refusal named, until the user edits it. */
  errorField: F | null = $state(null);
  readonly #ids: Readonly<Record<F, string>>;
  readonly #fieldOf: (error: BackendError) => F | null;

  /**
   * `ids`: each field's control, keyed by the field's name in the command's arguments.
   * `fieldOf`: the field a refusal is about; as a map, the field a code implies, else the
   * one the refusal names; none: every refusal shows under the form.
   */
  constructor(ids: Readonly<Record<F, string>>, fieldOf?: Partial<Record<Code, NoInfer<F>>> | ((error: BackendError) => NoInfer<F> | null)) {
    this.#ids = ids;
    if (typeof fieldOf === "function") this.#fieldOf = fieldOf;
    else if (fieldOf === undefined) this.#fieldOf = () => null;
    else {
      const named = (field?: string) => (field !== undefined && Object.hasOwn(ids, field) ? (field as F) : null);
      this.#fieldOf = (error) => named(error.field) ?? fieldOf[error.code] ?? null;
    }
  }

  /** Left once, or the form sent: a problem typing may still cure shows now. */
  settled(field: F): boolean {
    return this.left[field] === true || this.submitted;
  }

  leave(field: F): void {
    this.left[field] = true;
  }

  /** Editing the field a refusal named drops the refusal. */
  edited(field: F): void {
    if (this.errorField === field) {
      this.error = null;
      this.errorField = null;
    }
  }

  /** The refusal's message, shown at `field` when it names it. */
  said(field: F): string | null {
    return this.error && this.errorField === field ? this.error.message : null;
  }

  /** Puts the cursor in `field` (or the control with that id) once the page has updated. */
  async focus(field: F | string): Promise<void> {
    await tick();
    document.getElementById(this.#ids[field as F] ?? field)?.focus();
  }

  /** Runs a save: busy meanwhile; a refusal stays shown, its field marked and focused. */
  async save(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    this.errorField = null;
    try {
      await action();
    } catch (e) {
      this.error = toBackendError(e);
      this.errorField = this.#fieldOf(this.error);
    } finally {
      this.busy = false;
    }
    if (this.errorField) await this.focus(this.errorField);
  }
}
