import { isPriced } from "../knowledge/kinds.ts";
import type { Model } from "../knowledge/schema.ts";

/** Whether the article's input price for a model still holds against the price table today. */
export type ClaimCheck =
  | { kind: "holds" }
  /** today's input price is below the article's lowest figure by `times` */
  | { kind: "cheaper"; times: number }
  /** today's input price is above the article's highest figure by `times` */
  | { kind: "dearer"; times: number }
  /** no price list carries the model: nothing to check against */
  | { kind: "unpriced" };

/** The article's figure for a model (its own or its family's) against the model's input price in the table. */
export function checkClaim(model: Model, claim: { min: number; max: number }): ClaimCheck {
  if (!isPriced(model)) return { kind: "unpriced" };
  const today = model.inputPer1M;
  if (today < claim.min) return { kind: "cheaper", times: claim.min / today };
  if (today > claim.max) return { kind: "dearer", times: today / claim.max };
  return { kind: "holds" };
}
