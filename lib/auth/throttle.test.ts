import { describe } from "vitest";
import { MemoryThrottleStore } from "./throttle";
import { throttleContract } from "./throttle-contract";

describe("SignInThrottle with the memory store", () => {
  throttleContract(() => new MemoryThrottleStore());
});
