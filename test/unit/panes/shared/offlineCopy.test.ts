import { createOfflineCopy, type OfflineCopyHost } from "../../../../src/panes/shared/offlineCopy";
import { FakeServiceWorker, FakeServiceWorkerContainer } from "../../../fakes";

const WORKER_URL = "https://addin.contoso.com/sw.js";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The add-in's server: answers, or is gone (fetch rejects as for a server that is down). */
function server() {
  const state = { reachable: true, asked: [] as string[] };
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    state.asked.push(`${init?.method ?? "GET"} ${String(input)}`);
    if (!state.reachable) throw new TypeError("Failed to fetch");
    return new Response(null, { status: 200 });
  }) as typeof globalThis.fetch;
  return { state, fetch };
}

function setUp(container: FakeServiceWorkerContainer | undefined, loaded: string[] = []) {
  const addin = server();
  const events = new EventTarget();
  const host: OfflineCopyHost = { container, workerUrl: WORKER_URL, fetch: addin.fetch, events: events as unknown as Window, loadedUrls: () => loaded };
  const copy = createOfflineCopy(host);
  const seen: string[] = [];
  copy.subscribe(() => seen.push(copy.status()));
  return { copy, addin, events, seen };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createOfflineCopy", () => {
  it("registers nothing until started: the pane renders first", async () => {
    const container = new FakeServiceWorkerContainer();
    const { copy } = setUp(container);
    await settle();
    expect(container.registered).toEqual([]);
    copy.start();
    copy.start();
    await settle();
    expect(container.registered).toEqual([WORKER_URL]);
  });

  it("a page from the device's copy with the server gone says offline copy, and current once the server answers again", async () => {
    const container = new FakeServiceWorkerContainer().controlled();
    const { copy, addin, events, seen } = setUp(container);
    addin.state.reachable = false;
    copy.start();
    await settle();
    expect(copy.status()).toBe("offline-copy");
    expect(addin.state.asked).toEqual([`HEAD ${WORKER_URL}`]);

    addin.state.reachable = true;
    events.dispatchEvent(new Event("online"));
    await settle();
    expect(copy.status()).toBe("current");
    expect(seen).toEqual(["offline-copy", "current"]);
  });

  it("a page from the device's copy with the server there is current", async () => {
    const { copy } = setUp(new FakeServiceWorkerContainer().controlled());
    copy.start();
    await settle();
    expect(copy.status()).toBe("current");
  });

  it("the first open (no worker yet) came from the server: current, and the server is not asked", async () => {
    const { copy, addin } = setUp(new FakeServiceWorkerContainer());
    addin.state.reachable = false;
    copy.start();
    await settle();
    expect(copy.status()).toBe("current");
    expect(addin.state.asked).toEqual([]);
  });

  it("without service workers, or when registration is refused, there is nothing to say", async () => {
    const none = setUp(undefined);
    none.copy.start();
    expect(none.copy.status()).toBe("unsupported");

    const container = new FakeServiceWorkerContainer();
    container.refuse = new DOMException("The operation is insecure.", "SecurityError");
    const refused = setUp(container);
    refused.copy.start();
    await settle();
    expect(refused.copy.status()).toBe("unsupported");

    const blocking = new FakeServiceWorkerContainer();
    blocking.answersNothing = true;
    const blocked = setUp(blocking);
    blocked.copy.start();
    await settle();
    expect(blocked.copy.status()).toBe("unsupported");
    expect(() => blocked.events.dispatchEvent(new Event("pagehide"))).not.toThrow();
  });

  it("tells the worker which Office.js scripts the page loaded, and nothing else", async () => {
    const container = new FakeServiceWorkerContainer();
    const host = "https://appsforoffice.microsoft.com/lib/1/hosted/outlook-win32-16.02.js";
    const { copy } = setUp(container, [OFFICE_JS, "https://addin.contoso.com/compose.js", host]);
    copy.start();
    await settle();
    expect(container.active.messages).toEqual([{ type: "keep-office-js", urls: [OFFICE_JS, host] }]);
  });

  it("on closing, a build that installed meanwhile is told it may take over", async () => {
    const container = new FakeServiceWorkerContainer();
    const { copy, events } = setUp(container);
    copy.start();
    await settle();
    events.dispatchEvent(new Event("pagehide"));
    const waiting = new FakeServiceWorker();
    container.waiting = waiting;
    events.dispatchEvent(new Event("pagehide"));
    expect(waiting.messages).toEqual([{ type: "pane-closed" }]);
  });
});
