import type { Translator } from "../src/core/i18n/translate.ts";
import { formatNumber } from "../src/core/reply/format.ts";
import type { SelfhostPlan } from "../src/core/selfhost/index.ts";

/** Users served at once, or a throughput to serve, and the replicas (and GPUs) that serve them. */
export interface UsersServed {
  users: number;
  perReplica: number;
  replicaGpus: number;
  replicas: number;
  gpus: number;
}

/** What a fleet of that many GPUs costs a month, shown, at the plan's price per GPU; null when the plan has no costs. */
export type FleetMonthly = ((gpus: number) => string) | null;

/** The note's sentence on the fleet's monthly cost, where it is another size than the plan's own deployment. */
function fleetSentence(t: Translator, plan: SelfhostPlan, gpus: number, fleetMonthly: FleetMonthly): string | null {
  return fleetMonthly && gpus !== plan.gpu.count ? t("selfhost.fleetMonthly", { gpus: formatNumber(gpus, 0), monthly: fleetMonthly(gpus) }) : null;
}

/**
 * "200 concurrent users at 30 tok/s each" against the interactive plan: its replica holds so many at its speed each,
 * so that many replicas serve the users; a faster stream than the plan's per user is said to fit fewer of them.
 * `origin` says where the plan's throughput came from, and so how far off it can be.
 */
export function usersServed(
  t: Translator,
  plan: SelfhostPlan,
  origin: string,
  fleetMonthly: FleetMonthly,
  users?: number,
  speed?: number,
): { notes: string[]; served: UsersServed | null } {
  const interactive = plan.fits ? plan.tradeoff.interactive : null;
  if (!interactive) return { notes: [], served: null };
  const notes: string[] = [];
  const perUser = formatNumber(interactive.perUserDecodeTokensPerSec, 0);
  let served: UsersServed | null = null;
  if (users !== undefined && interactive.batch >= 1) {
    const replicas = Math.ceil(users / interactive.batch);
    served = { users, perReplica: interactive.batch, replicaGpus: interactive.replicaGpus, replicas, gpus: replicas * interactive.replicaGpus };
    const note = t("selfhost.concurrency", {
      users: formatNumber(users, 0),
      perUser,
      replicaGpus: interactive.replicaGpus,
      batch: formatNumber(interactive.batch, 0),
      replicas,
      gpus: formatNumber(served.gpus, 0),
      gpu: plan.gpu.name,
      origin,
    });
    const fleet = fleetSentence(t, plan, served.gpus, fleetMonthly);
    notes.push(fleet ? t.sentences([note, fleet]) : note);
  }
  if (speed !== undefined) {
    const holds = speed <= interactive.perUserDecodeTokensPerSec + 0.5;
    notes.push(t(holds ? "selfhost.speedHeld" : "selfhost.speedAbove", { speed: formatNumber(speed, 0), planned: perUser }));
  }
  return { notes, served };
}

/** A throughput to serve, and the replicas that reach it: interactive ones at the plan's speed per user, or batch ones. */
export interface ThroughputServed {
  tokensPerSec: number;
  interactive: { replicaGpus: number; perReplica: number; replicas: number; gpus: number };
  batch: { replicaGpus: number; perReplica: number; replicas: number; gpus: number } | null;
}

/**
 * "how many H100s to serve it at 2000 tokens/s": each plan's replica throughput (input + output) into the target, the
 * interactive plan's replicas (each user at its speed) and the batch plan's (no latency target).
 */
export function throughputServed(
  t: Translator,
  plan: SelfhostPlan,
  origin: string,
  fleetMonthly: FleetMonthly,
  target: number | undefined,
  /** the share of a replica's estimated throughput serving holds (knowledge/serving.yaml's utilization warning) */
  sustainable: number,
): { notes: string[]; served: ThroughputServed | null } {
  const { interactive, batch } = plan.fits ? plan.tradeoff : { interactive: null, batch: null };
  if (target === undefined || !interactive || interactive.throughputTokensPerSec <= 0) return { notes: [], served: null };
  // a mode's throughput is its deployment's, of that many replicas; each replica then runs no busier than serving holds
  const replicasFor = (mode: NonNullable<typeof interactive>) => {
    const perReplica = mode.throughputTokensPerSec / mode.replicas;
    const replicas = Math.ceil(target / (perReplica * sustainable));
    return { replicaGpus: mode.replicaGpus, perReplica, replicas, gpus: replicas * mode.replicaGpus };
  };
  const served: ThroughputServed = { tokensPerSec: target, interactive: replicasFor(interactive), batch: batch && batch.throughputTokensPerSec > 0 ? replicasFor(batch) : null };
  const note = t("selfhost.throughputServed", {
    tps: formatNumber(target, 0),
    perUser: formatNumber(interactive.perUserDecodeTokensPerSec, 0),
    perReplica: formatNumber(served.interactive.perReplica, 0),
    replicaGpus: served.interactive.replicaGpus,
    count: served.interactive.replicas,
    busy: formatNumber(sustainable * 100, 0),
    gpus: formatNumber(served.interactive.gpus, 0),
    gpu: plan.gpu.name,
    origin,
  });
  const batchNote = served.batch
    ? t("selfhost.throughputServedBatch", {
        count: served.batch.replicas,
        gpus: formatNumber(served.batch.gpus, 0),
        perReplica: formatNumber(served.batch.perReplica, 0),
        replicaGpus: served.batch.replicaGpus,
      })
    : null;
  const fleet = fleetSentence(t, plan, served.interactive.gpus, fleetMonthly);
  return { notes: [t.sentences([note, ...(fleet ? [fleet] : []), ...(batchNote ? [batchNote] : [])])], served };
}
