/** Resolves with the work's result, or with null if it is not ready within `ms` (the caller then answers later). */
export function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
