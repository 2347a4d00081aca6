/**
 * Simplified → Traditional (Taiwan) for the zh-TW names and descriptions of the Discord commands.
 *
 * A seam: `discordCommandDefinitions` takes any `ToTraditional`. A maintained converter (opencc-js, OpenCC's
 * dictionaries with Taiwan phrases: `OpenCC.Converter({ from: "cn", to: "twp" })`) plugs in here; until it is a
 * dependency, the tables below cover every character the command registry uses, and test/discord-definitions.test.ts
 * fails on any new character nobody has classified, so nothing Simplified slips into zh-TW unnoticed.
 */
export type ToTraditional = (simplified: string) => string;

/** Taiwan's own words where they differ from the mainland's, applied before the characters. */
const TAIWAN_PHRASES: [string, string][] = [
  ["显卡", "顯示卡"],
  ["加载", "載入"],
  ["缓存", "快取"],
  ["编程", "程式設計"],
  ["窗口", "視窗"],
  ["知识库", "知識庫"],
  ["默认", "預設"],
  ["批处理", "批次處理"],
  ["信息", "資訊"],
];

/** Characters written differently in Traditional Chinese, each checked in the context the registry uses it in. */
export const SIMPLIFIED_TO_TRADITIONAL: Readonly<Record<string, string>> = {
  较: "較", 个: "個", 输: "輸", 数: "數", 万: "萬", 缓: "緩", 并: "並", 价: "價", 务: "務", 词: "詞",
  编: "編", 视: "視", 觉: "覺", 图: "圖", 调: "調", 开: "開", 仅: "僅", 权: "權", 档: "檔", 满: "滿",
  显: "顯", 块: "塊", 时: "時", 亿: "億", 电: "電", 计: "計", 运: "運", 与: "與", 对: "對", 号: "號",
  请: "請", 问: "問", 题: "題", 筛: "篩", 选: "選", 条: "條", 帮: "幫", 状: "狀", 态: "態", 员: "員",
  识: "識", 库: "庫", 载: "載", 结: "結", 设: "設", 这: "這", 为: "為", 么: "麼", 们: "們", 说: "說",
  读: "讀", 发: "發", 后: "後", 据: "據", 节: "節", 单: "單", 汇: "匯", 总: "總", 类: "類", 长: "長",
  认: "認", 过: "過", 处: "處", 级: "級", 写: "寫", 费: "費", 质: "質", 门: "門", 槛: "檻", 预: "預",
  买: "買", 择: "擇", 从: "從", 贵: "貴", 内: "內", 实: "實", 弃: "棄", 应: "應", 资: "資", 讯: "訊",
  户: "戶", 测: "測", 摊: "攤", 销: "銷", 购: "購", 维: "維",
};

/** Characters the registry uses that are the same in both scripts (classified by hand; see the test). */
export const SAME_IN_BOTH = new Set(
  [
    ..."模型要比的另一入如出存命中例排最多格任程摘以及需理解像推能力工具用源限放重上下文小窗口便宜各位足求自建卡或量每租金美元利率月吞吐部署秒度表示不在有行成本算逗分隔次估按你提英件列我知道和助何所令管版效新加果立即式" +
      "默拆超批服等好然是少哪些供商同到想了容信息事大否日期精",
  ],
);

export const hanToTraditional: ToTraditional = (simplified) => {
  let text = simplified;
  for (const [mainland, taiwan] of TAIWAN_PHRASES) text = text.split(mainland).join(taiwan);
  return [...text].map((c) => SIMPLIFIED_TO_TRADITIONAL[c] ?? c).join("");
};
