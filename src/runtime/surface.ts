/** A chat surface that is running: it can stop accepting new work. */
export interface RunningSurface {
  name: string;
  stop(): Promise<void>;
}
