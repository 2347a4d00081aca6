import type { Command } from "../src/core/dispatch/command.ts";
import { ask } from "./ask.ts";
import { budget } from "./budget.ts";
import { cheapest } from "./cheapest.ts";
import { compare } from "./compare.ts";
import { estimate } from "./estimate.ts";
import { help } from "./help.ts";
import { history } from "./history.ts";
import { model } from "./model.ts";
import { models } from "./models.ts";
import { providers } from "./providers.ts";
import { reload } from "./reload.ts";
import { selfhost } from "./selfhost.ts";
import { status } from "./status.ts";

/** The one list of commands: the composition root hands it to the dispatcher, and every surface registers exactly these. */
export const commands: readonly Command[] = [compare, cheapest, selfhost, budget, providers, model, history, estimate, ask, models, help, status, reload];
