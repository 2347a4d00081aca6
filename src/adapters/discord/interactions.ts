import { findCommand } from "../../../commands/index.ts";
import type { CommandInput } from "../../core/command.ts";
import { answer, type Logger } from "../../core/dispatch.ts";
import type { KnowledgeSource } from "../../core/knowledge-store.ts";
import { detectLang, langFromLocale } from "../../core/lang.ts";
import type { Reply } from "../../core/reply.ts";
import type { InFlight } from "../../runtime/in-flight.ts";
import { autocompleteChoices, type Choice } from "./autocomplete.ts";
import { optionsToText, type OptionValue } from "./options-to-text.ts";

/** What both Discord modes know about an interaction, whatever shape it arrived in. */
export interface DiscordRequest {
  commandName: string;
  options: readonly (OptionValue & { focused?: boolean })[];
  locale?: string | null;
  userId: string;
  /** the member's permission bitfield as Discord sends it, and role ids */
  permissions?: string | null;
  roleIds: readonly string[];
}

export interface DiscordDeps {
  knowledge: KnowledgeSource;
  logger: Logger;
  inFlight: InFlight;
  adminRoleIds: string[];
}

const MANAGE_GUILD = 1n << 5n;
/** Answers that take longer than this are acknowledged first (deferred), inside Discord's 3-second window. */
export const DEFER_AFTER_MS = 1000;

export function isDiscordAdmin(request: DiscordRequest, adminRoleIds: string[]): boolean {
  const canManage = request.permissions ? (BigInt(request.permissions) & MANAGE_GUILD) === MANAGE_GUILD : false;
  return canManage || request.roleIds.some((id) => adminRoleIds.includes(id));
}

export function toCommandInput(request: DiscordRequest, adminRoleIds: string[]): CommandInput {
  const spec = findCommand(request.commandName)?.spec;
  return {
    command: request.commandName,
    text: spec ? optionsToText(spec, request.options) : "",
    langHint: langFromLocale(request.locale),
    user: { id: request.userId },
    isAdmin: isDiscordAdmin(request, adminRoleIds),
    surface: "discord",
  };
}

export function answerDiscord(deps: DiscordDeps, request: DiscordRequest): Promise<Reply> {
  return deps.inFlight.track(answer(deps.knowledge, toCommandInput(request, deps.adminRoleIds), deps.logger));
}

export function isSlow(commandName: string): boolean {
  return Boolean(findCommand(commandName)?.spec.slow);
}

export function discordAutocomplete(deps: DiscordDeps, request: DiscordRequest): Choice[] {
  const focused = request.options.find((o) => o.focused);
  if (!focused) return [];
  const typed = String(focused.value ?? "");
  return autocompleteChoices(deps.knowledge.current(), focused.name, typed, detectLang(typed, langFromLocale(request.locale)));
}

/** Resolves with the reply, or with null if it is not ready within `ms` (the caller then defers). */
export function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
