/** Today's date as YYYY-MM-DD; MODELWISE_TODAY pins it so answers about deprecations and price age are reproducible. */
export function today(): string {
  return process.env.MODELWISE_TODAY ?? new Date().toISOString().slice(0, 10);
}
