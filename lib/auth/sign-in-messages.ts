// What the sign-in form says when a try is throttled: which limit refused it and for how long, so
// the owner of a locked account knows that a device they signed in from before still works.

const wait = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
};

/** `code` as thrown by authorize(): "throttled:<account|address|device>:<seconds>". */
export function throttledMessage(code: string): string {
  const [, refusedBy, seconds] = code.split(":");
  const s = Number(seconds) || 15 * 60;
  switch (refusedBy) {
    case "account":
      return `Too many sign-in attempts for this account. Wait ${wait(s)}, or sign in from a device that has signed in to it before.`;
    case "device":
      return `Too many sign-in attempts from this device. Wait ${wait(s)}, then try again.`;
    default:
      return `Too many sign-in attempts from your network address. Wait ${wait(s)}, then try again.`;
  }
}
