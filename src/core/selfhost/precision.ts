import type { FullArchitecture, GpuFamily, Precision, ServingGpu } from "./schema.ts";

/** Stored bits per weight including block scales (NVFP4: FP8 scale per 16 values; INT4: BF16 scale per 32). */
export const WEIGHT_BITS: Record<Precision, number> = { bf16: 16, fp8: 8, fp4: 4.5, mxfp4: 4.25, int4: 4.5 };

/** What a production deployment runs on each GPU family unless asked otherwise. */
const FAMILY_DEFAULT: Record<GpuFamily, Precision> = {
  ampere: "bf16",
  ada: "bf16",
  hopper: "fp8",
  blackwell: "fp4",
  cdna3: "fp8",
  gaudi: "fp8",
  ascend: "bf16",
};

/**
 * Default weight precision: the GPU family's (FP8 on Hopper and MI300X, FP4 on Blackwell, BF16 on
 * A100/L40S), unless the model ships in fewer bits (gpt-oss MXFP4, Kimi INT4, DeepSeek FP8 on A100
 * via weight-only kernels): nobody upcasts a native low-bit checkpoint.
 */
export function defaultPrecision(arch: FullArchitecture, gpu: ServingGpu): Precision {
  const family = FAMILY_DEFAULT[gpu.family];
  return WEIGHT_BITS[arch.nativePrecision] <= WEIGHT_BITS[family] ? arch.nativePrecision : family;
}

/** True when the GPU's tensor cores compute in this precision; otherwise it runs weight-only (dequantized to BF16). */
export function computesNatively(gpu: ServingGpu, precision: Precision): boolean {
  // AWQ/GPTQ INT4 is weight-only everywhere (W4A16): dequantized and multiplied in BF16.
  if (precision === "int4") return false;
  const bits = WEIGHT_BITS[precision];
  if (bits >= 16) return true;
  if (bits >= 8) return gpu.denseTflops.fp8 !== undefined;
  return gpu.denseTflops.fp4 !== undefined;
}

/**
 * Dense TFLOPS the matmuls run at. A precision the tensor cores have (FP8 on Hopper, FP4 on
 * Blackwell) computes at its own rate; a weight-only format (MXFP4/INT4 on Hopper, FP8 on A100) is
 * dequantized and multiplied in BF16.
 */
export function computeTflops(gpu: ServingGpu, precision: Precision): number {
  const bits = WEIGHT_BITS[precision];
  const t = gpu.denseTflops;
  if (precision === "int4") return t.bf16;
  if (bits < 8) return t.fp4 ?? t.bf16;
  if (bits < 16) return t.fp8 ?? t.bf16;
  return t.bf16;
}

/** KV cache bytes per element: FP8 where the GPU has FP8 and the weights are 8-bit or less, else BF16. */
export function kvBytesPerElement(gpu: ServingGpu, precision: Precision): number {
  return gpu.denseTflops.fp8 !== undefined && WEIGHT_BITS[precision] <= 8 ? 1 : 2;
}

/**
 * Lower-bit precisions worth suggesting on this GPU, best first, for "fits at FP8 on 4" answers: FP8
 * everywhere (weight-only kernels serve it on A100 and L40S alike), FP4 only where tensor cores compute
 * it, and INT4 (AWQ/GPTQ, weight-only) only where the model has such weights published.
 */
export function lowerPrecisions(arch: FullArchitecture, gpu: ServingGpu, precision: Precision): Precision[] {
  const order: Precision[] = ["fp8", "fp4", "int4"];
  return order.filter(
    (p) =>
      WEIGHT_BITS[p] < WEIGHT_BITS[precision] &&
      ((p === "fp8" && gpu.family !== "ascend") || (p === "fp4" && computesNatively(gpu, p)) || (p === "int4" && arch.servedPrecisions.includes("int4"))),
  );
}
