// A form as the core judges it while it is typed (`check_form`): each field's problem and
// its value as the core would store it. The rules are the core's; this only decides when
// a problem shows — at once when typing more cannot cure it (a wrong character), else
// once the field is settled (left, or the form sent). An answer for values the user has
// typed past is dropped.

import { backend, describe, type FieldCheck, type FormArgs } from "./index";

export class FormCheck {
  /** The core's answer for the latest values asked about. */
  fields: FieldCheck[] = $state.raw([]);
  #asked = 0;

  /** Asks about `form`; call from an `$effect` that reads every value of the form. */
  ask(form: FormArgs): void {
    void this.#ask(form).catch(() => undefined);
  }

  /** Asks about `form` now (on submit) and names the first field with a problem, if any. */
  async firstProblem(form: FormArgs): Promise<string | null> {
    try {
      return (await this.#ask(form)).find((f) => f.problem !== null)?.field ?? null;
    } catch {
      // Advice only: the core checks again when the form is sent.
      return null;
    }
  }

  /** The message to show at `field`; `settled` lets a problem that typing may cure show. */
  problem(field: string, settled: boolean): string | null {
    const p = this.#field(field)?.problem;
    return p && (settled || !p.incomplete) ? describe({ code: p.code, field }) : null;
  }

  /** The value of `field` as the core would store it; null while it has a problem. */
  value(field: string): string | null {
    return this.#field(field)?.value ?? null;
  }

  /** The most characters `field` takes, once the core has answered. */
  maxChars(field: string): number | null {
    return this.#field(field)?.max_chars ?? null;
  }

  #field(field: string): FieldCheck | undefined {
    return this.fields.find((f) => f.field === field);
  }

  async #ask(form: FormArgs): Promise<FieldCheck[]> {
    const asked = ++this.#asked;
    const fields = await backend.checkForm(form);
    if (asked === this.#asked) this.fields = fields;
    return fields;
  }
}
