import module from "node:module";

// Compiled code is cached on disk (Node ≥ 22.1), so a restart skips parsing and compiling the bot and its
// dependencies. Enabled before anything else is imported: static imports would be compiled before this line ran.
module.enableCompileCache?.();
await import("./start.ts");
