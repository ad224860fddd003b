// A listener the shell registers asynchronously, stoppable at once (as an `$effect`
// cleanup or a start's stop function), even before the registration has finished.

export function stoppable(listening: Promise<() => void>): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  void listening.then((unlisten) => {
    if (stopped) unlisten();
    else stop = unlisten;
  });
  return () => {
    stopped = true;
    stop?.();
  };
}
