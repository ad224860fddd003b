// An effect that reads something and keeps the answer: the answer of a read the effect has
// since started again (or been torn down) is dropped, so a slow old answer never
// overwrites a newer one.

/** Hands `read`'s answer to `then` unless the effect ran again meanwhile; the effect's cleanup. */
export function latest<T>(read: Promise<T>, then: (answer: T) => void): () => void {
  let current = true;
  read.then(
    (answer) => current && then(answer),
    () => undefined,
  );
  return () => (current = false);
}
