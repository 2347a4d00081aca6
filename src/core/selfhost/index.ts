export { planSelfhost, SelfhostInputError } from "./plan.ts";
export type { SelfhostPlan } from "./plan.ts";
export { apiCheaperAgain } from "./cost.ts";
export { benchPlanSelfhost } from "./bench.ts";
