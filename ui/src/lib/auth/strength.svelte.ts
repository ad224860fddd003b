// Live password strength: asks the core (the same rules the server enforces) a moment
// after the user stops typing, and ignores answers that arrive out of order.

import { backend, type PasswordStrength } from "../backend";

const DEBOUNCE_MS = 150;

export class StrengthCheck {
  strength: PasswordStrength = $state("too_weak");
  checking = $state(false);

  #timer: ReturnType<typeof setTimeout> | undefined;
  #seq = 0;

  /** Schedules a check of `password`; call on every input. */
  update(password: string): void {
    clearTimeout(this.#timer);
    const seq = ++this.#seq;
    if (password === "") {
      this.strength = "too_weak";
      this.checking = false;
      return;
    }
    this.checking = true;
    this.#timer = setTimeout(() => {
      backend
        .passwordStrength({ password })
        .then((strength) => {
          if (seq === this.#seq) this.strength = strength;
        })
        .catch(() => {
          // The meter is advice; the server still checks on submit.
        })
        .finally(() => {
          if (seq === this.#seq) this.checking = false;
        });
    }, DEBOUNCE_MS);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#seq++;
  }
}
