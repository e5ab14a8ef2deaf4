/**
 * The server's change feed: the process's bus and stream slots, and what publishing a write
 * means. The composition root (`lib/server/api`) publishes after each successful write and
 * serves the streams.
 */
import { createInProcessChangeBus, type ChangeBus } from "./bus";
import { StreamSlots, streamLimitsFromEnv } from "./slots";

export type { ChangeBus } from "./bus";
export { changeOfArtifactWrite, changeOfRequest } from "./describe";
export { changeStreamResponse, DEFAULT_STREAM_TIMING, type ChangeStreamTiming } from "./stream";
export { StreamSlots, type StreamLimits } from "./slots";

interface ChangeFeed {
  bus: ChangeBus;
  slots: StreamSlots;
}

const FEED = Symbol.for("cuvee.changeFeed");
type Holder = { [FEED]?: ChangeFeed };

/**
 * The process's feed, limits read from the environment on first use. On globalThis: Next may
 * evaluate this module once per route bundle, and the MLflow routes that publish and the route
 * that streams must share one bus.
 */
export function changeFeed(): ChangeFeed {
  const holder = globalThis as Holder;
  return (holder[FEED] ??= { bus: createInProcessChangeBus(), slots: new StreamSlots(streamLimitsFromEnv()) });
}
