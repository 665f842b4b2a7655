/**
 * commands.js: the send handler as classic Outlook on Windows loads it, alone, into its
 * JavaScript-only runtime, which has no window, no DOM, no localStorage and no IndexedDB. So this
 * bundle carries no IndexedDB code: the device has no stores here, and the handler numbers only
 * through a tracking service (officeSendHost.ts says why). Browser runtimes load web.ts instead.
 */
import { setWordCharFallback } from "../core/wordChars";
import { isWordCharFromRanges } from "../core/wordCharRanges";
import { noDeviceStorage } from "../storage/deviceStorage";
import { registerOnMessageSend } from "./register";

export { ON_MESSAGE_SEND_FUNCTION } from "./register";

// Classic Outlook's JavaScript-only runtime may have no Unicode property escapes (ES2016): the token
// boundary rule then reads packed ranges instead (src/core/wordChars.ts).
setWordCharFallback(isWordCharFromRanges);

registerOnMessageSend(
  noDeviceStorage(
    "Classic Outlook on Windows runs send handlers in a JavaScript-only runtime, which has no IndexedDB, so this device keeps no counter or activity log here.",
  ),
);
