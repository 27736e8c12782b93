// Lazily built values: indexes a page may never need are not built when it opens. Pure.

/** `make`'s value, made on the first call and kept. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}
