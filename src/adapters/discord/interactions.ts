import { acknowledgeFirst, type CommandInput, type CommandSpec } from "../../core/dispatch/command.ts";
import { scriptFromLocale } from "../../core/i18n/script.ts";
import { completionChoices, type Choice } from "../../core/dispatch/completions.ts";
import type { Dispatcher } from "../../core/dispatch/dispatch.ts";
import { detectLang, langFromLocale } from "../../core/i18n/lang.ts";
import type { Reply } from "../../core/reply/reply.ts";
import type { InFlight } from "../../runtime/in-flight.ts";
import type { ChartSource } from "../chart-delivery.ts";
import { completionSourceOf, optionsToText, type OptionValue } from "./options-to-text.ts";

/** What both Discord modes know about an interaction, whatever shape it arrived in. */
export interface DiscordRequest {
  commandName: string;
  options: readonly (OptionValue & { focused?: boolean })[];
  locale?: string | null;
  userId: string;
  /** the member's permission bitfield as Discord sends it, and role ids */
  permissions?: string | null;
  roleIds: readonly string[];
  /**
   * true when the bot is installed in the server the interaction comes from. A user-installed app runs in any
   * server, where anyone can hold Manage Server (their own server): that must not make them the bot's admin.
   */
  guildInstalled: boolean;
}

/** Whether the interaction's server installed the bot (authorizing_integration_owners["0"] is that server). */
export function isGuildInstall(guildId: string | null | undefined, owners: Record<string, string | undefined> | null | undefined): boolean {
  if (!guildId) return false;
  return owners ? owners["0"] === guildId : true;
}

export interface DiscordDeps {
  dispatcher: Dispatcher;
  logger: { error(details: Record<string, unknown>, message: string): void };
  inFlight: InFlight;
  adminRoleIds: string[];
  /** where charts are drawn; default: the process's renderer */
  charts?: ChartSource;
}

const MANAGE_GUILD = 1n << 5n;

export function isDiscordAdmin(request: DiscordRequest, adminRoleIds: string[]): boolean {
  const canManage = request.guildInstalled && /^\d{1,20}$/.test(request.permissions ?? "") ? (BigInt(request.permissions!) & MANAGE_GUILD) === MANAGE_GUILD : false;
  return canManage || request.roleIds.some((id) => adminRoleIds.includes(id));
}

export function toCommandInput(spec: CommandSpec | undefined, request: DiscordRequest, adminRoleIds: string[]): CommandInput {
  return {
    command: request.commandName,
    text: spec ? optionsToText(spec, request.options) : "",
    langHint: langFromLocale(request.locale),
    scriptHint: scriptFromLocale(request.locale),
    user: { id: request.userId },
    isAdmin: isDiscordAdmin(request, adminRoleIds),
    surface: "discord",
  };
}

export function answerDiscord(deps: DiscordDeps, request: DiscordRequest): Promise<Reply> {
  const spec = deps.dispatcher.find(request.commandName)?.spec;
  return deps.inFlight.track(deps.dispatcher.answer(toCommandInput(spec, request, deps.adminRoleIds)));
}

/** A slow command given a long input (a pasted document) is deferred ("thinking…") before it is worked out. */
export function isSlow(deps: DiscordDeps, request: DiscordRequest): boolean {
  const typed = request.options.reduce((chars, option) => chars + String(option.value ?? "").length, 0);
  return acknowledgeFirst(deps.dispatcher.find(request.commandName)?.spec, typed);
}

/** Choices for the option being typed in, from the completion source its command declares. */
export function discordAutocomplete(deps: DiscordDeps, request: DiscordRequest): Choice[] {
  const focused = request.options.find((o) => o.focused);
  const spec = deps.dispatcher.find(request.commandName)?.spec;
  const source = focused && spec ? completionSourceOf(spec, focused.name) : undefined;
  if (!focused || !source) return [];
  const typed = String(focused.value ?? "");
  return completionChoices(deps.dispatcher.knowledge.current(), source, typed, detectLang(typed, langFromLocale(request.locale)));
}
