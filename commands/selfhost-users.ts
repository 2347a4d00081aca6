import type { Translator } from "../src/core/i18n/translate.ts";
import { formatNumber } from "../src/core/reply/format.ts";
import type { SelfhostPlan } from "../src/core/selfhost/index.ts";

/** Users served at once, and the interactive replicas (and GPUs) that serve them. */
export interface UsersServed {
  users: number;
  perReplica: number;
  replicaGpus: number;
  replicas: number;
  gpus: number;
}

/**
 * "200 concurrent users at 30 tok/s each" against the interactive plan: its replica holds so many at its speed each,
 * so that many replicas serve the users; a faster stream than the plan's per user is said to fit fewer of them.
 * `origin` says where the plan's throughput came from, and so how far off it can be.
 */
export function usersServed(t: Translator, plan: SelfhostPlan, origin: string, users?: number, speed?: number): { notes: string[]; served: UsersServed | null } {
  const interactive = plan.fits ? plan.tradeoff.interactive : null;
  if (!interactive) return { notes: [], served: null };
  const notes: string[] = [];
  const perUser = formatNumber(interactive.perUserDecodeTokensPerSec, 0);
  let served: UsersServed | null = null;
  if (users !== undefined && interactive.batch >= 1) {
    const replicas = Math.ceil(users / interactive.batch);
    served = { users, perReplica: interactive.batch, replicaGpus: interactive.replicaGpus, replicas, gpus: replicas * interactive.replicaGpus };
    notes.push(
      t("selfhost.concurrency", {
        users: formatNumber(users, 0),
        perUser,
        replicaGpus: interactive.replicaGpus,
        batch: formatNumber(interactive.batch, 0),
        replicas,
        gpus: formatNumber(served.gpus, 0),
        gpu: plan.gpu.name,
        origin,
      }),
    );
  }
  if (speed !== undefined) {
    const holds = speed <= interactive.perUserDecodeTokensPerSec + 0.5;
    notes.push(t(holds ? "selfhost.speedHeld" : "selfhost.speedAbove", { speed: formatNumber(speed, 0), planned: perUser }));
  }
  return { notes, served };
}
