/** A capture or upload refused for a reason the editor can read and act on; nothing was stored. */
export class CaptureError extends Error {
  override name = "CaptureError";
}
