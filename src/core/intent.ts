import type { KnowledgeSnapshot } from "./knowledge/snapshot.ts";
import type { Resolution } from "./models/resolve.ts";

export type Intent = "compare" | "cheapest" | "selfhost" | "estimate" | "article";

export interface RoutedQuestion {
  intent: Intent;
  /** argument text for the routed command */
  text: string;
}

const SELFHOST = /self[-\s]?host|on[-\s]?prem|own (?:gpus?|hardware|servers?)|run (?:it )?(?:myself|ourselves|locally)|自建|自托管|私有化|本地部署|自己部署|自部署/iu;
const COMPARE = /\bvs\.?\b|\bversus\b|compar|cheaper than|more expensive than|difference between|对比|比较|相比|哪个(?:更)?(?:便宜|贵|好)|比.{0,12}(?:便宜|贵)/iu;
const CHEAPEST = /cheapest|cheap|lowest[-\s](?:price|cost)|least expensive|most affordable|budget|最便宜|最省钱|便宜|省钱|性价比|最低价/iu;
const PRICE = /\bprice|\bcost|how much|pricing|价格|多少钱|费用|收费|定价|价钱/iu;
const COUNT_TOKENS = /how many tokens|count (?:the )?tokens|token count|多少(?:个)?\s*token|几个\s*token|token\s*数/iu;
const QUOTED = /["“「](.+?)["”」]/su;

const queryOf = (r: Resolution) => (r.kind === "exact" || r.kind === "fuzzy" ? r.model.id : r.query);

/** Routes an obvious question to the command that answers it; everything else goes to the article. */
export function routeQuestion(snapshot: KnowledgeSnapshot, question: string): RoutedQuestion {
  if (COUNT_TOKENS.test(question)) {
    const quoted = QUOTED.exec(question)?.[1];
    if (quoted) return { intent: "estimate", text: quoted };
  }
  const mentions = snapshot.resolver.mentions(question);
  const named = mentions.map(queryOf);
  if (SELFHOST.test(question) && named.length) return { intent: "selfhost", text: named[0]! };
  if (named.length >= 2 || (COMPARE.test(question) && named.length)) return { intent: "compare", text: named.slice(0, 5).join(", ") };
  if (named.length === 1 && (PRICE.test(question) || CHEAPEST.test(question))) return { intent: "compare", text: named[0]! };
  if (CHEAPEST.test(question)) return { intent: "cheapest", text: question };
  return { intent: "article", text: question };
}
